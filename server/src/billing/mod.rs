//! Billing in cloud mode: plans, checkouts and portals at Stripe and Polar, and their webhooks
//! applied exactly once. docs/billing.md is the operator's side of it.
//!
//! - A plan is a `subscription_plans` row (its price, the Stripe price and Polar product that
//!   sell it) linked to the `plan_limits` row it grants ([`plans`]). An organization's plan is
//!   its `subscription_plan` column, the plan's name, which every limit reads (`crate::plan`).
//! - Checkouts and portal links are made at the provider for an organization's owners and
//!   admins ([`checkout`]); the organization id travels with the checkout (Stripe's
//!   `client_reference_id`, `metadata.organizationId` on Stripe subscriptions and Polar
//!   checkouts) so that the webhooks find it again.
//! - The webhooks (`POST /webhooks/stripe`, `POST /webhooks/polar`, [`http`]) are verified by
//!   [`stripe`] and [`polar`], turned into one [`webhook::ProviderEvent`] and applied by
//!   [`webhook::process`], once, in order.
//! - [`upkeep`] ends the grace period of organizations whose payment failed.
//! - Usage per period: [`usage`] reads the current period's meters and overage, [`period`]
//!   rolls periods over, [`spending`] keeps the spending limit (notices, hard stop) and
//!   [`ingest`] sends usage to Polar. The meters themselves are `crate::usage`.
//!
//! In self-hosted mode all of it is off: the webhook paths are not routed (404), checkouts and
//! portals refuse, no provider client is built and no loop runs.

pub mod checkout;
pub mod http;
pub mod ingest;
pub mod period;
pub mod plans;
pub mod polar;
pub mod spending;
pub mod stripe;
pub mod upkeep;
pub mod usage;
pub mod webhook;

use crate::config::{Mode, Settings};
use crate::error::{AppError, AppResult};

/// The plan an organization falls back to when its subscription ends.
pub const FREE_PLAN: &str = "free";

/// How far a webhook's signed time may be from the server's clock, in seconds (Stripe's and
/// Standard Webhooks' default).
pub const TOLERANCE_SECONDS: i64 = 300;

/// Whether this instance bills (cloud mode).
pub fn enabled(settings: &Settings) -> bool {
    settings.mode == Mode::Cloud
}

/// Refuses what only a billing instance does.
pub(crate) fn require_enabled(settings: &Settings) -> AppResult<()> {
    if enabled(settings) {
        Ok(())
    } else {
        Err(AppError::invalid(
            "billing is off: this instance runs in self-hosted mode, where every organization has the unlimited plan",
        ))
    }
}

/// Why a webhook delivery is refused (HTTP 400). The messages name no secret and no expected
/// signature.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rejection {
    /// The signature header is missing or no signature in it matches.
    Signature,
    /// The signed time is outside the tolerance (a replay, or a wrong clock).
    Stale,
    /// The body is not an event this provider sends.
    Malformed,
}

impl Rejection {
    /// The message a caller sees.
    pub fn message(self) -> &'static str {
        match self {
            Rejection::Signature => "the signature does not match",
            Rejection::Stale => "the signed timestamp is outside the tolerance",
            Rejection::Malformed => "the body is not a well-formed event",
        }
    }
}
