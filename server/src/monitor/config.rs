//! A monitor's stored settings by the names other domains, the reseal pass and the tests reach
//! them by. They are defined with their types, in [`super::types`]: [`MonitorConfig`] in the
//! registry, each type's section in its module.

pub use super::types::MonitorConfig;
pub use super::types::http::{Auth, is_secret_header, json_pointer, status_range};
