//! Group commit: requests hand their work to one task that does everything waiting in one
//! transaction, then answers each. Under load, many triggers share a commit; alone, a request
//! waits for nothing but its own transaction.

use std::future::Future;
use std::sync::Arc;

use tokio::sync::{mpsc, oneshot};

use crate::error::{AppError, AppResult};

type Job<I, O> = (I, oneshot::Sender<AppResult<O>>);

/// A queue in front of a batch handler.
pub struct Batcher<I, O> {
    sender: mpsc::Sender<Job<I, O>>,
}

impl<I, O> Clone for Batcher<I, O> {
    fn clone(&self) -> Self {
        Self {
            sender: self.sender.clone(),
        }
    }
}

impl<I: Send + 'static, O: Send + 'static> Batcher<I, O> {
    /// Starts the task. `handler` gets up to `max` items and returns one output per item, in
    /// order; an error fails the whole batch.
    pub fn spawn<F, Fut>(max: usize, handler: F) -> Self
    where
        F: Fn(Vec<I>) -> Fut + Send + Sync + 'static,
        Fut: Future<Output = AppResult<Vec<O>>> + Send,
    {
        let (sender, mut receiver) = mpsc::channel::<Job<I, O>>(max * 8);
        let handler = Arc::new(handler);
        tokio::spawn(async move {
            let mut jobs: Vec<Job<I, O>> = Vec::with_capacity(max);
            while let Some(first) = receiver.recv().await {
                jobs.push(first);
                while jobs.len() < max {
                    match receiver.try_recv() {
                        Ok(job) => jobs.push(job),
                        Err(_) => break,
                    }
                }
                let (items, replies): (Vec<I>, Vec<_>) = jobs.drain(..).unzip();
                let count = items.len();
                match handler(items).await {
                    Ok(outputs) if outputs.len() == count => {
                        for (reply, output) in replies.into_iter().zip(outputs) {
                            let _ = reply.send(Ok(output));
                        }
                    }
                    Ok(_) => {
                        for reply in replies {
                            let _ = reply.send(Err(AppError::Internal(anyhow::anyhow!(
                                "a batch lost an answer"
                            ))));
                        }
                    }
                    Err(AppError::Unavailable(err)) => {
                        tracing::warn!(error = %err, "a batch found the database unreachable");
                        for reply in replies {
                            let _ = reply.send(Err(AppError::Unavailable(err.clone())));
                        }
                    }
                    Err(err) => {
                        let message = format!("{err:?}");
                        tracing::error!(error = %message, "a batch failed");
                        for reply in replies {
                            let _ = reply.send(Err(AppError::Internal(anyhow::anyhow!(
                                "batch failed: {message}"
                            ))));
                        }
                    }
                }
            }
        });
        Self { sender }
    }

    /// Queues `item` and waits for its output.
    pub async fn call(&self, item: I) -> AppResult<O> {
        let (reply, answer) = oneshot::channel();
        self.sender
            .send((item, reply))
            .await
            .map_err(|_| AppError::Internal(anyhow::anyhow!("the batch task stopped")))?;
        answer
            .await
            .map_err(|_| AppError::Internal(anyhow::anyhow!("the batch task dropped a request")))?
    }
}
