//! What a client may know of the server it talks to before signing in.

use async_graphql::{Context, Enum, Object, SimpleObject};

use super::context::CtxExt;

/// How the instance is operated.
#[derive(Enum, Copy, Clone, Eq, PartialEq, Debug)]
#[graphql(remote = "crate::config::Mode")]
pub enum ServerMode {
    /// Run by a team for itself: every organization on the `unlimited` plan, nothing billed.
    SelfHosted,
    /// Run as a service: plans, billing and usage metering are on.
    Cloud,
}

/// The server's mode, for clients that show or hide billing.
#[derive(SimpleObject)]
pub struct ServerInfo {
    pub mode: ServerMode,
    /// Whether plans are sold and usage is billed here (cloud mode).
    pub billing_enabled: bool,
}

#[derive(Default)]
pub struct ServerQuery;

#[Object]
impl ServerQuery {
    /// How this server is operated (anyone may ask).
    async fn server_info(&self, ctx: &Context<'_>) -> ServerInfo {
        let settings = &ctx.state().settings;
        ServerInfo {
            mode: ServerMode::from(settings.mode),
            billing_enabled: crate::billing::enabled(settings),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Mode;

    #[test]
    fn modes_map_one_to_one() {
        assert_eq!(ServerMode::from(Mode::Cloud), ServerMode::Cloud);
        assert_eq!(ServerMode::from(Mode::SelfHosted), ServerMode::SelfHosted);
    }
}
