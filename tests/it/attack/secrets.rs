//! Attacks of class `secrets` (see `mod.rs`).
