//! Attacks of class `origin` (see `mod.rs`).
