//! Cron schedules of jobs: five fields (minute, hour, day of month, month, day of week) or a
//! nickname (`@hourly`, `@daily`, ...), evaluated in UTC.

use chrono::{DateTime, Utc};
use croner::Cron;
use croner::parser::{CronParser, Seconds, Year};

use crate::error::{AppError, AppResult};

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
