//! The attack suite: each module mounts the attacks of one class against a real server, as a
//! hostile tenant, a hostile script or an anonymous caller would, and fails if one gets
//! through. Threat model and what each layer guarantees: `SECURITY.md`.
//!
//! - `origin`: a tenant's trigger answer must never run as active content on the app's origin.
//! - `sandbox`: a script must not read the host's files through what it leaves in its work dir.
//! - `sockets`: a WebSocket keeps no rights its credentials lost; idle and excess sockets close.
//! - `complexity`: one request cannot take the server's memory, time or database pool.
//! - `secrets`: stored secrets never leave in clear and never follow a changed destination.
//! - `keys`: an API key cannot manage keys, sessions or memberships beyond its reach.
//! - `auth`: sign-in, two-factor codes, resets and sign-up resist replay, CSRF and enumeration.
//! - `ssrf`: outbound targets in private ranges are refused, whatever their spelling.
//! - `bad_input`: bad input gets a clear error and changes nothing.
//! - `tenants`: no query or mutation that takes an ID reaches another tenant's objects, nor
//!   changes a row, whatever id it is given (the operations read from introspection).
//! - `billing`: webhook endpoints refuse oversized and overlong deliveries; no answer shows a
//!   secret or a provider's ids; billing links stay with an organization's owners and admins;
//!   billing settings refuse header injection, markup, oversized lists and other tenants.

mod auth;
mod bad_input;
mod billing;
mod complexity;
mod keys;
mod origin;
mod sandbox;
mod secrets;
mod sockets;
mod ssrf;
mod tenants;
