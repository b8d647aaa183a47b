//! Attacks of class `ssrf` (see `mod.rs`).
