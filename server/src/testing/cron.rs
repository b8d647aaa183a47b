//! Cron schedules of jobs: five fields (minute, hour, day of month, month, day of week) or a
//! nickname (`@hourly`, `@daily`, ...), evaluated in UTC; and firing them: the scheduler's
//! step ([`schedule_due`]) that queues the runs of jobs whose time has come.

use chrono::{DateTime, Utc};
use croner::Cron;
use croner::parser::{CronParser, Seconds, Year};
use entity::jobs;
use entity::runs::{self, RunStatus, RunTrigger};
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, Set};

use super::artifact::RunMetadata;
use super::run::{NewRun, enqueue, insert};
use crate::db::Tx;
use crate::error::{AppError, AppResult};
use crate::state::AppState;

/// Parses and checks a schedule; errors name `field`.
pub fn parse(field: &str, expression: &str) -> AppResult<Cron> {
    let expression = expression.trim();
    if expression.len() > 255 {
        return Err(AppError::field(field, "must be at most 255 characters"));
    }
    let fields = expression.split_whitespace().count();
    if !expression.starts_with('@') && fields != 5 {
        return Err(AppError::field(
            field,
            format!(
                "must have 5 fields (minute hour day-of-month month day-of-week), got {fields}"
            ),
        ));
    }
    let cron = CronParser::builder()
        .seconds(Seconds::Disallowed)
        .year(Year::Disallowed)
        .build()
        .parse(expression)
        .map_err(|e| AppError::field(field, format!("is not a valid cron expression: {e}")))?;
    // An expression that never fires (`0 0 31 2 *`) is refused too.
    next_after(&cron, Utc::now()).ok_or_else(|| AppError::field(field, "never fires"))?;
    Ok(cron)
}

/// The first fire time strictly after `after`.
pub fn next_after(cron: &Cron, after: DateTime<Utc>) -> Option<DateTime<Utc>> {
    cron.find_next_occurrence(&after, false).ok()
}

/// The next `count` fire times after `after`.
pub fn upcoming(cron: &Cron, after: DateTime<Utc>, count: usize) -> Vec<DateTime<Utc>> {
    let mut out = Vec::with_capacity(count);
    let mut at = after;
    while out.len() < count {
        match next_after(cron, at) {
            Some(next) => {
                out.push(next);
                at = next;
            }
            None => break,
        }
    }
    out
}

/// The normalised form stored on the job (trimmed, single spaces).
pub fn normalise(expression: &str) -> String {
    expression.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A job's schedule as stored (normalised) and its next fire time from now, from the
/// expression given (`cronSchedule`); `None` for a job without one (manual jobs).
pub fn settle(expression: Option<&str>) -> AppResult<(Option<String>, Option<DateTime<Utc>>)> {
    match expression.map(str::trim).filter(|e| !e.is_empty()) {
        None => Ok((None, None)),
        Some(expression) => {
            let parsed = parse("cronSchedule", expression)?;
            Ok((Some(normalise(expression)), next_after(&parsed, Utc::now())))
        }
    }
}

/// One step of the cron scheduler: every job whose `next_run_at` has come is moved to its
/// next fire time with a compare-and-set on the old value, and only the replica whose update
/// took queues the run, so no schedule fires twice. Fire times missed while no replica ran are
/// made up by one run, not one per missed time. Returns the number of runs queued.
pub async fn schedule_due(state: &AppState) -> AppResult<usize> {
    let now = Utc::now();
    let due = jobs::Entity::find()
        .filter(jobs::Column::CronSchedule.is_not_null())
        .filter(jobs::Column::NextRunAt.lte(now))
        .all(&state.db)
        .await?;
    let mut queued = 0;
    for job in due {
        let Some(previous) = job.next_run_at else {
            continue;
        };
        let next = job
            .cron_schedule
            .as_deref()
            .and_then(|c| parse("cronSchedule", c).ok())
            .and_then(|c| next_after(&c, now));
        let tx = Tx::begin(state).await?;
        let db = tx.conn();
        let moved = jobs::Entity::update_many()
            .col_expr(jobs::Column::NextRunAt, Expr::value(next))
            .filter(jobs::Column::Id.eq(job.id))
            .filter(jobs::Column::NextRunAt.eq(previous))
            .exec(db)
            .await?
            .rows_affected;
        if moved == 0 {
            continue; // another replica fired it
        }
        let tests = super::job::tests_of(db, job.id).await?;
        if tests.is_empty() {
            tx.commit().await?;
            continue;
        }
        let new = NewRun {
            organization_id: job.organization_id,
            project_id: job.project_id,
            job_id: Some(job.id),
            trigger: RunTrigger::Schedule,
            metadata: RunMetadata {
                test_ids: tests.iter().map(|t| t.id).collect(),
                scheduled_for: Some(previous),
                ..RunMetadata::default()
            },
        };
        match enqueue(&tx, state, new.clone()).await {
            Ok(_) => queued += 1,
            Err(err) if err.is_plan_limit() => {
                let message = err.public_message();
                // Recorded as a finished run so that the skipped fire time is visible.
                let run = insert_skipped(&tx, new, &message).await?;
                tracing::warn!(job = %job.id, run = %run.id, "scheduled run skipped: {message}");
            }
            Err(err) => return Err(err),
        }
        tx.commit().await?;
    }
    Ok(queued)
}

async fn insert_skipped(tx: &Tx, new: NewRun, message: &str) -> AppResult<runs::Model> {
    let mut row = new.queued_row(None);
    let now = Utc::now();
    row.status = Set(RunStatus::Error);
    row.duration_ms = Set(Some(0));
    row.completed_at = Set(Some(now));
    row.error_details = Set(Some(format!("not started: {message}")));
    insert(tx, row).await
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn at(y: i32, mo: u32, d: u32, h: u32, mi: u32, s: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(y, mo, d, h, mi, s)
            .single()
            .expect("time")
    }

    #[test]
    fn next_fire_times() {
        let every15 = parse("cron", "*/15 * * * *").expect("valid");
        assert_eq!(
            next_after(&every15, at(2026, 11, 22, 10, 7, 30)),
            Some(at(2026, 11, 22, 10, 15, 0))
        );
        // Strictly after: a fire time itself moves on to the next one.
        assert_eq!(
            next_after(&every15, at(2026, 11, 22, 10, 15, 0)),
            Some(at(2026, 11, 22, 10, 30, 0))
        );
        let weekdays = parse("cron", "30 9 * * 1-5").expect("valid");
        // 2026-11-21 is a Saturday: the next weekday 09:30 is Monday the 23rd.
        assert_eq!(
            next_after(&weekdays, at(2026, 11, 21, 12, 0, 0)),
            Some(at(2026, 11, 23, 9, 30, 0))
        );
        let monthly = parse("cron", "0 0 1 * *").expect("valid");
        assert_eq!(
            upcoming(&monthly, at(2026, 11, 22, 0, 0, 0), 3),
            vec![
                at(2026, 12, 1, 0, 0, 0),
                at(2027, 1, 1, 0, 0, 0),
                at(2027, 2, 1, 0, 0, 0)
            ]
        );
        let hourly = parse("cron", "@hourly").expect("valid");
        assert_eq!(
            next_after(&hourly, at(2026, 11, 22, 10, 0, 1)),
            Some(at(2026, 11, 22, 11, 0, 0))
        );
    }

    #[test]
    fn bad_expressions() {
        for bad in [
            "",
            "* * * *",
            "0 * * * * *",
            "61 * * * *",
            "* 25 * * *",
            "hello",
            "0 0 31 2 *",
        ] {
            let err = parse("cronSchedule", bad).err();
            assert!(
                matches!(err, Some(AppError::Validation { field: Some(ref f), .. }) if f == "cronSchedule"),
                "{bad:?} should be refused"
            );
        }
        assert_eq!(normalise("  */5  *   * * * "), "*/5 * * * *");
    }
}
