pub mod entities;
pub use entities::*;
