//! Turning the event bus into subscription streams that keep checking their caller.
//!
//! Access is not decided once, when subscribing: a member removed from a project, a signed-out
//! session or a deleted key must stop receiving at once. Every subscription goes through
//! [`live`], which checks the caller's credential and the subscription's own access again
//! before each item it delivers, and on a slow cadence when no events come; when a check fails
//! the stream sends that error and ends.

use std::future::Future;
use std::time::Duration;

use async_graphql::Context;
use futures_util::StreamExt;
use futures_util::stream::{self, BoxStream};
use tokio::time::{Instant, Interval, MissedTickBehavior};
use tokio_stream::wrappers::BroadcastStream;

use crate::auth::Principal;
use crate::auth::principal::still_valid;
use crate::error::{AppError, AppResult};
use crate::events::{Event, Listening};
use crate::graphql::context::CtxExt;
use crate::state::AppState;

/// How often a subscription that receives no events checks its caller again.
pub const RECHECK_EVERY: Duration = Duration::from_secs(30);

/// A subscription: what `select` makes of each event (`None` skips it), delivered only while
/// the caller may see it.
///
/// `access` is the subscription's own check (membership, role, key scope). It runs now, and an
/// error refuses the subscription; then, with [`still_valid`] (session or key still live, user
/// not banned), before each item is delivered and every [`RECHECK_EVERY`] without events. When
/// a check fails, the stream yields its error and ends. Each check is one or two small queries,
/// made only for events the subscription would deliver.
pub async fn live<T, A, AFut, F, Fut>(
    ctx: &Context<'_>,
    access: A,
    select: F,
) -> async_graphql::Result<BoxStream<'static, async_graphql::Result<T>>>
where
    A: Fn(AppState, Principal) -> AFut + Send + Sync + 'static,
    AFut: Future<Output = AppResult<()>> + Send,
    F: Fn(Event) -> Fut + Send + Sync + 'static,
    Fut: Future<Output = Option<T>> + Send,
    T: Send + 'static,
{
    let state = ctx.state().clone();
    let principal = ctx.principal()?.clone();
    access(state.clone(), principal.clone()).await?;
    let mut tick = tokio::time::interval_at(Instant::now() + RECHECK_EVERY, RECHECK_EVERY);
    tick.set_missed_tick_behavior(MissedTickBehavior::Delay);
    let (events, listening) = state.events.listen();
    let live = Live {
        events: BroadcastStream::new(events),
        _listening: listening,
        tick,
        state,
        principal,
        access,
        select,
    };
    Ok(stream::unfold(Some(live), |live| async move {
        let mut live = live?;
        match live.next().await? {
            Next::Value(value) => Some((Ok(value), Some(live))),
            Next::Missed => Some((Err(events_missed()), Some(live))),
            Next::End(err) => Some((Err(err.into()), None)),
        }
    })
    .boxed())
}

/// What a subscription that may have missed events sends, and goes on: the process lost its
/// connection to the database's notifications for a while, or the subscriber fell too far
/// behind. The client fetches the current state again (docs/api.md, Subscriptions).
fn events_missed() -> async_graphql::Error {
    use async_graphql::ErrorExtensions;
    async_graphql::Error::new(
        "events may have been missed (the server lost its database connection for a while, \
         or this subscription fell behind); fetch the current state again",
    )
    .extend_with(|_, ext| ext.set("code", "EVENTS_MISSED"))
}

/// The next thing a [`Live`] subscription sends.
enum Next<T> {
    Value(T),
    /// Events may have been missed; the stream goes on.
    Missed,
    /// The caller may no longer see this subscription; the stream ends.
    End(AppError),
}

/// The state of one [`live`] subscription.
struct Live<A, F> {
    events: BroadcastStream<Event>,
    /// Counts this subscription on the bus while it lives.
    _listening: Listening,
    tick: Interval,
    state: AppState,
    principal: Principal,
    access: A,
    select: F,
}

impl<T, A, AFut, F, Fut> Live<A, F>
where
    A: Fn(AppState, Principal) -> AFut,
    AFut: Future<Output = AppResult<()>>,
    F: Fn(Event) -> Fut,
    Fut: Future<Output = Option<T>>,
{
    /// Whether the caller may still receive this subscription.
    async fn allowed(&self) -> AppResult<()> {
        still_valid(&self.state.db, &self.principal).await?;
        (self.access)(self.state.clone(), self.principal.clone()).await
    }

    /// The next value the caller may see, a gap, or the error that ends the stream; `None`
    /// when the event bus closes. A subscriber that falls too far behind, or whose process
    /// lost the database's notifications for a while, is told it may have missed events.
    async fn next(&mut self) -> Option<Next<T>> {
        loop {
            tokio::select! {
                event = self.events.next() => {
                    let event = match event? {
                        Ok(Event::EventsMissed) | Err(_) => {
                            return Some(match self.allowed().await {
                                Ok(()) | Err(AppError::Unavailable(_)) => Next::Missed,
                                Err(err) => Next::End(err),
                            });
                        }
                        Ok(event) => event,
                    };
                    let Some(value) = (self.select)(event).await else { continue };
                    return Some(match self.allowed().await {
                        Ok(()) => Next::Value(value),
                        // Access cannot be checked while the database is down: the value is
                        // withheld, and the client told to fetch again.
                        Err(AppError::Unavailable(_)) => Next::Missed,
                        Err(err) => Next::End(err),
                    });
                }
                _ = self.tick.tick() => {
                    match self.allowed().await {
                        // Checked again at the next tick, once the database answers.
                        Ok(()) | Err(AppError::Unavailable(_)) => {}
                        Err(err) => return Some(Next::End(err)),
                    }
                }
            }
        }
    }
}
