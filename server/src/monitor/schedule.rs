//! When checks are due.
//!
//! Every monitor has a fixed phase within its period, derived from its id, so that monitors of
//! the same frequency are spread evenly over the period instead of firing together. After a
//! check the next one is the first slot of that phase after now: a worker that was down does
//! not catch up with a burst of missed checks, it simply resumes.

use chrono::{DateTime, Duration, TimeZone, Utc};
use entity::monitors;
use uuid::Uuid;

/// The monitor's offset within its period, in seconds.
pub fn phase_secs(id: Uuid, period_secs: i64) -> i64 {
    if period_secs <= 0 {
        return 0;
    }
    // The last eight bytes of a UUIDv7 are random.
    let bytes = id.as_bytes();
    let mut tail = [0u8; 8];
    tail.copy_from_slice(&bytes[8..16]);
    i64::try_from(u64::from_be_bytes(tail) % u64::try_from(period_secs).unwrap_or(1)).unwrap_or(0)
}

/// The first slot of the monitor's phase strictly after `after`.
pub fn next_slot(id: Uuid, period_minutes: i32, after: DateTime<Utc>) -> DateTime<Utc> {
    let period = i64::from(period_minutes.max(1)) * 60;
    let phase = phase_secs(id, period);
    let now = after.timestamp();
    let k = (now - phase).div_euclid(period) + 1;
    Utc.timestamp_opt(k * period + phase, 0)
        .single()
        .unwrap_or(after + Duration::seconds(period))
}

/// When a new (or resumed) monitor is first checked: soon, but spread over ten seconds so that
/// a bulk import does not arrive as one burst.
pub fn first_check(monitor: &monitors::Model, now: DateTime<Utc>) -> DateTime<Utc> {
    now + Duration::milliseconds(phase_secs(monitor.id, 10_000))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn next_slots_keep_the_phase_and_never_catch_up() {
        let id = Uuid::now_v7();
        let t0 = Utc::now();
        let a = next_slot(id, 5, t0);
        assert!(a > t0 && a <= t0 + Duration::minutes(5));
        let b = next_slot(id, 5, a);
        assert_eq!(b - a, Duration::minutes(5));
        // After an hour of downtime the next slot is within one period of now, not in the past.
        let late = a + Duration::minutes(63);
        let c = next_slot(id, 5, late);
        assert!(c > late && c <= late + Duration::minutes(5));
        assert_eq!((c - a).num_seconds() % 300, 0, "same phase");
    }

    #[test]
    fn ten_thousand_monitors_spread_over_the_period() {
        // 10,000 monitors of 1 minute: no second of the minute gets more than a small multiple
        // of the average (10000 / 60 ≈ 167).
        let mut per_second = [0u32; 60];
        for _ in 0..10_000 {
            let phase = phase_secs(Uuid::now_v7(), 60);
            per_second[usize::try_from(phase).unwrap_or(0)] += 1;
        }
        let max = per_second.iter().copied().max().unwrap_or(0);
        let min = per_second.iter().copied().min().unwrap_or(0);
        assert!(max < 260, "busiest second has {max} checks");
        assert!(min > 90, "quietest second has {min} checks");
    }
}
