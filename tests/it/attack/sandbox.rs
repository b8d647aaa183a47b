//! Attacks of class `sandbox` (see `mod.rs`).
