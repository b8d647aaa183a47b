import { describe, expect, it } from 'vitest';
import { dateTimeIn, dayLabel, dayOf, offsetAt, timeIn, utcToZoned, zoneOf, zonedToUtc } from './zonedTime';

describe('times in the page’s zone', () => {
  it('falls back to UTC', () => {
    expect(zoneOf(null)).toBe('UTC');
    expect(zoneOf('Not/AZone')).toBe('UTC');
    expect(zoneOf('Europe/Paris')).toBe('Europe/Paris');
  });

  it('knows offsets, daylight saving included', () => {
    expect(offsetAt(Date.parse('2025-01-15T12:00:00Z'), 'Europe/Paris')).toBe(3600_000);
    expect(offsetAt(Date.parse('2025-07-15T12:00:00Z'), 'Europe/Paris')).toBe(7200_000);
    expect(offsetAt(Date.parse('2025-07-15T12:00:00Z'), 'America/New_York')).toBe(-4 * 3600_000);
    expect(offsetAt(Date.parse('2025-07-15T12:00:00Z'), 'Asia/Kolkata')).toBe(5.5 * 3600_000);
  });

  it('reads a wall-clock time of the zone as UTC', () => {
    expect(zonedToUtc('2025-01-15T14:00', 'Europe/Paris')).toBe('2025-01-15T13:00:00.000Z');
    expect(zonedToUtc('2025-07-15T14:00', 'Europe/Paris')).toBe('2025-07-15T12:00:00.000Z');
    expect(zonedToUtc('2025-07-15T14:00', 'UTC')).toBe('2025-07-15T14:00:00.000Z');
    expect(zonedToUtc('2025-12-31T23:30', 'America/New_York')).toBe('2026-01-01T04:30:00.000Z');
    // Around the spring change (02:00 → 03:00 in Paris on 30 March 2025) and back.
    expect(zonedToUtc('2025-03-30T01:59', 'Europe/Paris')).toBe('2025-03-30T00:59:00.000Z');
    expect(zonedToUtc('2025-03-30T03:00', 'Europe/Paris')).toBe('2025-03-30T01:00:00.000Z');
    expect(zonedToUtc('2025-03-30T02:30', 'Europe/Paris')).toBe('2025-03-30T01:30:00.000Z');
    expect(zonedToUtc('2025-10-26T04:00', 'Europe/Paris')).toBe('2025-10-26T03:00:00.000Z');
  });

  it('refuses what is not a date-time', () => {
    expect(zonedToUtc('', 'UTC')).toBeNull();
    expect(zonedToUtc('2025-13-01T10:00', 'UTC')).toBeNull();
    expect(zonedToUtc('tomorrow', 'UTC')).toBeNull();
  });

  it('writes an instant back as the zone’s wall clock, round trip', () => {
    expect(utcToZoned('2025-07-15T12:00:00Z', 'Europe/Paris')).toBe('2025-07-15T14:00');
    for (const zone of ['UTC', 'Europe/Paris', 'America/New_York', 'Australia/Sydney', 'Asia/Kathmandu']) {
      expect(zonedToUtc(utcToZoned('2025-05-05T08:17:00.000Z', zone), zone)).toBe('2025-05-05T08:17:00.000Z');
    }
  });

  it('groups by the zone’s day and shows times there', () => {
    // 23:30 UTC is already the next day in Paris, still the same in New York.
    expect(dayOf('2025-07-15T23:30:00Z', 'Europe/Paris')).toBe('2025-07-16');
    expect(dayOf('2025-07-15T23:30:00Z', 'America/New_York')).toBe('2025-07-15');
    expect(timeIn('2025-07-15T23:30:00Z', 'Europe/Paris')).toBe('01:30');
    expect(dayLabel('2025-12-09')).toMatch(/^Tuesday,? 9 December 2025$/);
    expect(dateTimeIn('2025-07-15T12:00:00Z', 'UTC')).toMatch(/15 Jul 2025.*12:00.*UTC/);
    expect(dateTimeIn(null, 'UTC')).toBe('—');
  });
});
