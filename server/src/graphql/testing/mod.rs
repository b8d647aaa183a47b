//! Test automation in the API, as the domain (`crate::testing`) is laid out: tests
//! ([`test`]), jobs ([`job`]) and runs ([`run`]), with the enums they share.

pub mod job;
pub mod run;
pub mod test;

use async_graphql::Enum;

pub use job::{Job, JobMutation, JobQuery, JobScheduleQuery};
pub use run::{K6PerformanceRun, Run, RunLogLine, RunMutation, RunQuery, RunSubscription};
pub use test::{Test, TestMutation, TestQuery};

#[derive(Enum, Copy, Clone, Eq, PartialEq, Debug)]
#[graphql(remote = "entity::tests::TestPriority")]
pub enum TestPriority {
    Low,
    Medium,
    High,
}

/// What a test exercises: `PERFORMANCE` tests are k6 scripts, the others Playwright.
#[derive(Enum, Copy, Clone, Eq, PartialEq, Debug)]
#[graphql(remote = "entity::tests::TestType")]
pub enum TestType {
    Browser,
    Api,
    Database,
    Custom,
    Performance,
}

#[derive(Enum, Copy, Clone, Eq, PartialEq, Debug)]
#[graphql(remote = "entity::jobs::JobType")]
pub enum JobType {
    Playwright,
    K6,
}

#[derive(Enum, Copy, Clone, Eq, PartialEq, Debug)]
#[graphql(remote = "entity::jobs::JobStatus")]
pub enum JobStatus {
    Pending,
    Running,
    Passed,
    Failed,
    Error,
}

#[derive(Enum, Copy, Clone, Eq, PartialEq, Debug)]
#[graphql(remote = "entity::runs::RunStatus")]
pub enum RunStatus {
    Queued,
    Running,
    Passed,
    Failed,
    Error,
    TimedOut,
    Cancelled,
}

#[derive(Enum, Copy, Clone, Eq, PartialEq, Debug)]
#[graphql(remote = "entity::runs::RunTrigger")]
pub enum RunTrigger {
    Manual,
    Remote,
    Schedule,
}
