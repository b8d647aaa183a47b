//! Attacks of class `keys` (see `mod.rs`).
