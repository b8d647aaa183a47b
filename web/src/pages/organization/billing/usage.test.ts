import { describe, expect, it } from 'vitest';
import type { UsageMeter } from './usageOperations';
import { amount, meterLabel, meterLevel, meterPercent, meterText, periodText, spendingPercent, unitLabel } from './usage';

const meter = (used: number, included: number | null, more: Partial<UsageMeter> = {}): UsageMeter => ({
  meter: 'PLAYWRIGHT_MINUTES',
  used,
  included,
  unit: 'minutes',
  overageUnits: 0,
  overageCents: 0,
  ...more,
});

describe('usage meters', () => {
  it('reads used of included in percent, capped for the bar', () => {
    expect(meterPercent(meter(30, 60))).toBe(50);
    expect(meterPercent(meter(90, 60))).toBe(100);
    expect(meterPercent(meter(5, null))).toBeNull();
    expect(meterPercent(meter(0, 0))).toBe(0);
    expect(meterPercent(meter(1, 0))).toBe(100);
  });

  it('colours near from 80 % and over past what is included', () => {
    expect(meterLevel(meter(10, 60))).toBe('ok');
    expect(meterLevel(meter(48, 60))).toBe('near');
    expect(meterLevel(meter(61, 60))).toBe('over');
    expect(meterLevel(meter(10, null, { overageUnits: 2 }))).toBe('over');
    expect(meterLevel(meter(10, null))).toBe('ok');
  });

  it('says a meter in words', () => {
    expect(meterText(meter(12.25, 60))).toBe('12.3 of 60 minutes');
    expect(meterText(meter(3400, null, { meter: 'MONITOR_CHECKS', unit: 'checks' }))).toBe('3,400 checks (not limited by the plan)');
    expect(meterText(meter(5, 100, { meter: 'K6_VU_MINUTES', unit: 'vu_minutes' }))).toBe('5 of 100 VU minutes');
    expect(meterLabel('K6_VU_MINUTES')).toBe('k6 virtual-user minutes');
    expect(meterLabel('NEW_METER')).toBe('new meter');
    expect(unitLabel('gpu_hours')).toBe('gpu hours');
    expect(amount(1234567)).toBe('1,234,567');
  });

  it('shows the period, an end at midnight as the day before', () => {
    expect(periodText('2026-05-01T00:00:00Z', '2026-06-01T00:00:00Z')).toBe('1 May – 31 May 2026');
    expect(periodText('2026-12-15T00:00:00Z', '2027-01-15T00:00:00Z')).toBe('15 Dec 2026 – 14 Jan 2027');
    expect(periodText('2026-05-01T00:00:00Z', '2026-05-31T23:59:59Z')).toBe('1 May – 31 May 2026');
  });

  it('reads the share of the spending limit used', () => {
    expect(spendingPercent(2500, 5000)).toBe(50);
    expect(spendingPercent(9000, 5000)).toBe(100);
    expect(spendingPercent(100, null)).toBeNull();
    expect(spendingPercent(0, 0)).toBe(0);
  });
});
