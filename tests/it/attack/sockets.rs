//! Attacks of class `sockets` (see `mod.rs`).
