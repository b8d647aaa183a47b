// How usage meters read (pure, unit-tested).
import type { UsageMeter, UsageMeterKind } from './usageOperations';

const METER_LABELS: Record<UsageMeterKind, string> = {
  PLAYWRIGHT_MINUTES: 'Playwright minutes',
  K6_VU_MINUTES: 'k6 virtual-user minutes',
  MONITOR_CHECKS: 'Monitor checks',
  CALLBACK_TRIGGERS: 'Callback triggers',
  AI_CREDITS: 'AI credits',
};

/** A meter's name; an unknown kind (a newer server) is shown as it comes. */
export function meterLabel(kind: string): string {
  return METER_LABELS[kind as UsageMeterKind] ?? kind.toLowerCase().replaceAll('_', ' ');
}

const UNITS: Record<string, string> = {
  minutes: 'minutes',
  vu_minutes: 'VU minutes',
  checks: 'checks',
  triggers: 'triggers',
  credits: 'credits',
};

/** A unit as words ("vu_minutes" -> "VU minutes"). */
export function unitLabel(unit: string): string {
  return UNITS[unit] ?? unit.replaceAll('_', ' ');
}

/** An amount of a unit: whole numbers as they are, fractions to one decimal. */
export function amount(value: number): string {
  return value.toLocaleString('en', { maximumFractionDigits: Number.isInteger(value) ? 0 : 1 });
}

/** Used of included in percent, capped at 100 for a meter bar; null when nothing is included. */
export function meterPercent(meter: Pick<UsageMeter, 'used' | 'included'>): number | null {
  if (meter.included === null) return null;
  if (meter.included <= 0) return meter.used > 0 ? 100 : 0;
  return Math.min(100, (meter.used / meter.included) * 100);
}

export type MeterLevel = 'ok' | 'near' | 'over';

/** Colour band: over what is included, near it from 80 %, else fine. */
export function meterLevel(meter: Pick<UsageMeter, 'used' | 'included' | 'overageUnits'>): MeterLevel {
  if (meter.overageUnits > 0 || (meter.included !== null && meter.used > meter.included)) return 'over';
  const percent = meterPercent(meter);
  return percent !== null && percent >= 80 ? 'near' : 'ok';
}

/** "120 of 500 minutes", "3,400 checks (not limited)". */
export function meterText(meter: UsageMeter): string {
  const unit = unitLabel(meter.unit);
  if (meter.included === null) return `${amount(meter.used)} ${unit} (not limited by the plan)`;
  return `${amount(meter.used)} of ${amount(meter.included)} ${unit}`;
}

/**
 * The period a usage covers: "1 May – 31 May 2026". An end at midnight is the start of the
 * next period, so the last day shown is the one before.
 */
export function periodText(start: string, end: string): string {
  const from = new Date(start);
  const endsAt = new Date(end);
  const atMidnight = endsAt.getUTCHours() === 0 && endsAt.getUTCMinutes() === 0 && endsAt.getUTCSeconds() === 0 && endsAt.getUTCMilliseconds() === 0;
  const to = atMidnight ? new Date(endsAt.getTime() - 1) : endsAt;
  const short = { day: 'numeric', month: 'short' } as const;
  const long = { day: 'numeric', month: 'short', year: 'numeric' } as const;
  const sameYear = from.getUTCFullYear() === to.getUTCFullYear();
  return `${from.toLocaleDateString('en-GB', { ...(sameYear ? short : long), timeZone: 'UTC' })} – ${to.toLocaleDateString('en-GB', { ...long, timeZone: 'UTC' })}`;
}

/** Share of the spending limit used by this period's overage, or null without a limit. */
export function spendingPercent(overageCents: number, limitCents: number | null): number | null {
  if (limitCents === null) return null;
  if (limitCents <= 0) return overageCents > 0 ? 100 : 0;
  return Math.min(100, (overageCents / limitCents) * 100);
}
