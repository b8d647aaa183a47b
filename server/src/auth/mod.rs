//! Who is calling, and what they may do.
//!
//! - [`password`]: argon2id hashing and the password policy.
//! - [`session`]: opaque session tokens (stored hashed), cookies.
//! - [`apikey`]: API keys (stored hashed), their permissions, scope and rate limit.
//! - [`totp`]: time-based one-time codes.
//! - [`principal`]: the authenticated caller of a request.
//! - [`guard`]: the role checks every resolver goes through.
//! - [`oidc`]: OpenID Connect sign-in (single sign-on).

pub mod apikey;
pub mod guard;
pub mod oidc;
pub mod password;
pub mod principal;
pub mod session;
pub mod throttle;
pub mod totp;

pub use guard::{Level, OrgAccess, ProjectAccess};
pub use principal::{Access, Credential, Principal};
