//! Attacks of class `auth` (see `mod.rs`).
