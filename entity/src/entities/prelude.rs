//! `use entity::prelude::*` brings every entity in as `FooEntity`-style aliases.

pub use super::account::Entity as Account;
pub use super::apikey::Entity as Apikey;
pub use super::audit_logs::Entity as AuditLogs;
pub use super::invitation::Entity as Invitation;
pub use super::member::Entity as Member;
pub use super::notifications::Entity as Notifications;
pub use super::organization::Entity as Organization;
pub use super::project_members::Entity as ProjectMembers;
pub use super::project_variables::Entity as ProjectVariables;
pub use super::projects::Entity as Projects;
pub use super::service_credentials::Entity as ServiceCredentials;
pub use super::session::Entity as Session;
pub use super::tags::Entity as Tags;
pub use super::user::Entity as User;
pub use super::verification::Entity as Verification;
