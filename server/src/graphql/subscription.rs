//! Turning the event bus into subscription streams.

use std::future::Future;

use futures_util::{Stream, StreamExt};
use tokio::sync::broadcast;
use tokio_stream::wrappers::BroadcastStream;

use crate::events::Event;

/// A stream of what `select` makes of each event, skipping `None`. A subscriber that falls
/// too far behind skips the events it missed rather than ending.
pub fn events<T, F, Fut>(receiver: broadcast::Receiver<Event>, select: F) -> impl Stream<Item = T>
where
    F: Fn(Event) -> Fut + Send + 'static,
    Fut: Future<Output = Option<T>> + Send,
    T: Send,
{
    BroadcastStream::new(receiver)
        .filter_map(|item| async move { item.ok() })
        .filter_map(select)
}
