//! Attacks of class `complexity` (see `mod.rs`).
