// Scheduled maintenance: the schedule form (values, checks, `createMaintenance` and
// `updateMaintenance` inputs) and the calendar-style list, grouped by day in the page's time
// zone (docs/status-pages.md, "Scheduled maintenance"). Pure, so it is unit-tested.
import type { CreateMaintenanceInput, IncidentStatus, UpdateMaintenanceInput } from '../../gql/graphql';
import * as v from '../../lib/validate';
import { dayOf, utcToZoned, zonedToUtc } from './zonedTime';

export const MAX_REMINDER_HOURS = 720;
export const MAX_REMINDERS = 10;
/** Reminder choices offered, in hours before the start (any 1-720 may be typed). */
export const REMINDER_CHOICES = [1, 2, 6, 12, 24, 48, 72, 168];
/** The server lets a window start up to a minute ago (the time to fill in the form). */
const GRACE_MS = 60_000;

export interface MaintenanceValues {
  [key: string]: unknown;
  title: string;
  message: string;
  /** `YYYY-MM-DDTHH:mm` in the page's zone. */
  scheduledFor: string;
  scheduledUntil: string;
  componentIds: string[];
  remindPrior: boolean;
  /** Hours before the start, as the picker holds them. */
  reminderIntervals: string[];
  autoInProgress: boolean;
  autoCompleted: boolean;
  autoTransitionToMaintenanceState: boolean;
  autoTransitionToOperationalState: boolean;
  notifyAtStart: boolean;
  notifyAtEnd: boolean;
  deliverNotifications: boolean;
  backfilled: boolean;
}

/** A new window: the next full hour for an hour, reminded an hour before. */
export function emptyMaintenance(zone: string, now = Date.now()): MaintenanceValues {
  const start = Math.ceil((now + 1) / 3_600_000) * 3_600_000;
  return {
    title: '',
    message: '',
    scheduledFor: utcToZoned(new Date(start).toISOString(), zone),
    scheduledUntil: utcToZoned(new Date(start + 3_600_000).toISOString(), zone),
    componentIds: [],
    remindPrior: true,
    reminderIntervals: ['1'],
    autoInProgress: true,
    autoCompleted: true,
    autoTransitionToMaintenanceState: true,
    autoTransitionToOperationalState: true,
    notifyAtStart: true,
    notifyAtEnd: true,
    deliverNotifications: true,
    backfilled: false,
  };
}

/** Reminder hours as numbers, largest first, each once; null when one is not 1-720. */
export function reminderHours(values: readonly string[]): number[] | null {
  const hours = [...new Set(values.map((h) => Number(h.trim())))];
  if (hours.some((h) => !Number.isInteger(h) || h < 1 || h > MAX_REMINDER_HOURS)) return null;
  return hours.sort((a, b) => b - a);
}

interface WindowRules {
  /** The start may change (only while scheduled). */
  startEditable: boolean;
  backfilled: boolean;
}

function windowErrors(values: MaintenanceValues, zone: string, now: number, rules: WindowRules): Record<string, string | null> {
  const start = zonedToUtc(values.scheduledFor, zone);
  const end = zonedToUtc(values.scheduledUntil, zone);
  const errors: Record<string, string | null> = {
    scheduledFor: start ? null : 'Start is required',
    scheduledUntil: end ? null : 'End is required',
  };
  if (!start || !end) return errors;
  if (Date.parse(end) <= Date.parse(start)) errors.scheduledUntil = 'End must be after the start';
  else if (rules.backfilled && Date.parse(end) > now) errors.scheduledUntil = 'A past maintenance must have ended';
  if (!rules.backfilled) {
    if (rules.startEditable && Date.parse(start) < now - GRACE_MS) errors.scheduledFor = 'Must not be in the past';
    if (!errors.scheduledUntil && Date.parse(end) < now) errors.scheduledUntil = 'Must not be in the past';
  }
  return errors;
}

function reminderErrors(values: MaintenanceValues): string | null {
  if (!values.remindPrior) return null;
  const hours = reminderHours(values.reminderIntervals);
  if (!hours) return `Each reminder is 1 to ${MAX_REMINDER_HOURS} hours before the start`;
  return hours.length > MAX_REMINDERS ? `At most ${MAX_REMINDERS} reminders` : null;
}

export function validateMaintenance(values: MaintenanceValues, zone: string, now = Date.now()): v.Errors {
  return v.collect({
    title: v.name(values.title, 'Title'),
    message: values.message.trim() ? null : 'Message is required',
    reminderIntervals: values.backfilled ? null : reminderErrors(values),
    ...windowErrors(values, zone, now, { startEditable: true, backfilled: values.backfilled }),
  });
}

export function maintenanceInput(statusPageId: string, values: MaintenanceValues, zone: string): CreateMaintenanceInput {
  const reminders = values.remindPrior && !values.backfilled ? (reminderHours(values.reminderIntervals) ?? []) : [];
  return {
    statusPageId,
    title: values.title.trim(),
    message: values.message.trim(),
    scheduledFor: zonedToUtc(values.scheduledFor, zone) ?? '',
    scheduledUntil: zonedToUtc(values.scheduledUntil, zone) ?? '',
    componentIds: values.componentIds,
    remindPrior: values.remindPrior && !values.backfilled,
    reminderIntervals: reminders.length ? reminders : undefined,
    autoInProgress: values.autoInProgress,
    autoCompleted: values.autoCompleted,
    autoTransitionToMaintenanceState: values.autoTransitionToMaintenanceState,
    autoTransitionToOperationalState: values.autoTransitionToOperationalState,
    notifyAtStart: values.notifyAtStart,
    notifyAtEnd: values.notifyAtEnd,
    deliverNotifications: values.deliverNotifications && !values.backfilled,
    backfilled: values.backfilled,
  };
}

/** An existing maintenance as the form holds it. */
export interface MaintenanceLike {
  title: string;
  status: IncidentStatus;
  scheduledFor?: string | null;
  scheduledUntil?: string | null;
  remindPrior: boolean;
  reminderIntervals: number[];
  autoInProgress: boolean;
  autoCompleted: boolean;
  autoTransitionToMaintenanceState: boolean;
  autoTransitionToOperationalState: boolean;
  notifyAtStart: boolean;
  notifyAtEnd: boolean;
}

export function maintenanceToValues(m: MaintenanceLike, zone: string): MaintenanceValues {
  return {
    ...emptyMaintenance(zone),
    title: m.title,
    scheduledFor: m.scheduledFor ? utcToZoned(m.scheduledFor, zone) : '',
    scheduledUntil: m.scheduledUntil ? utcToZoned(m.scheduledUntil, zone) : '',
    remindPrior: m.remindPrior,
    reminderIntervals: m.reminderIntervals.map(String),
    autoInProgress: m.autoInProgress,
    autoCompleted: m.autoCompleted,
    autoTransitionToMaintenanceState: m.autoTransitionToMaintenanceState,
    autoTransitionToOperationalState: m.autoTransitionToOperationalState,
    notifyAtStart: m.notifyAtStart,
    notifyAtEnd: m.notifyAtEnd,
  };
}

/** Checks of the edit form: the start moves only while scheduled, nothing into the past. */
export function validateMaintenanceEdit(status: IncidentStatus, values: MaintenanceValues, zone: string, now = Date.now()): v.Errors {
  return v.collect({
    title: v.name(values.title, 'Title'),
    reminderIntervals: reminderErrors(values),
    ...windowErrors(values, zone, now, { startEditable: status === 'SCHEDULED', backfilled: false }),
  });
}

/** What changed in the edit form; null when nothing did. */
export function maintenanceUpdate(status: IncidentStatus, initial: MaintenanceValues, values: MaintenanceValues, zone: string): UpdateMaintenanceInput | null {
  const input: UpdateMaintenanceInput = {};
  if (values.title.trim() !== initial.title.trim()) input.title = values.title.trim();
  if (status === 'SCHEDULED' && values.scheduledFor !== initial.scheduledFor) input.scheduledFor = zonedToUtc(values.scheduledFor, zone);
  if (values.scheduledUntil !== initial.scheduledUntil) input.scheduledUntil = zonedToUtc(values.scheduledUntil, zone);
  const flags = ['remindPrior', 'autoInProgress', 'autoCompleted', 'autoTransitionToMaintenanceState', 'autoTransitionToOperationalState', 'notifyAtStart', 'notifyAtEnd'] as const;
  for (const key of flags) if (values[key] !== initial[key]) input[key] = values[key];
  const before = reminderHours(initial.reminderIntervals) ?? [];
  const after = reminderHours(values.reminderIntervals) ?? [];
  if (values.remindPrior && before.join() !== after.join()) input.reminderIntervals = after;
  return Object.keys(input).length ? input : null;
}

export interface CalendarItem {
  id: string;
  status: IncidentStatus;
  scheduledFor?: string | null;
  scheduledUntil?: string | null;
}

export interface CalendarDay<T> {
  /** `YYYY-MM-DD` in the page's zone. */
  day: string;
  items: T[];
}

export interface Calendar<T> {
  inProgress: CalendarDay<T>[];
  upcoming: CalendarDay<T>[];
  past: CalendarDay<T>[];
}

function byDay<T extends CalendarItem>(items: T[], zone: string, newestFirst: boolean): CalendarDay<T>[] {
  const sorted = [...items].sort((a, b) => {
    const diff = Date.parse(a.scheduledFor ?? '') - Date.parse(b.scheduledFor ?? '');
    return newestFirst ? -diff : diff;
  });
  const days: CalendarDay<T>[] = [];
  for (const item of sorted) {
    const day = item.scheduledFor ? dayOf(item.scheduledFor, zone) : 'unscheduled';
    const last = days[days.length - 1];
    if (last?.day === day) last.items.push(item);
    else days.push({ day, items: [item] });
  }
  return days;
}

/**
 * Maintenance as a calendar: in progress (started, verifying), upcoming (scheduled, soonest
 * first) and past (completed, latest first), each grouped by the day it starts in `zone`.
 */
export function calendar<T extends CalendarItem>(items: readonly T[], zone: string): Calendar<T> {
  const of = (statuses: IncidentStatus[]) => items.filter((i) => statuses.includes(i.status));
  return {
    inProgress: byDay(of(['IN_PROGRESS', 'VERIFYING']), zone, false),
    upcoming: byDay(of(['SCHEDULED']), zone, false),
    past: byDay(of(['COMPLETED']), zone, true),
  };
}
