import { describe, expect, it } from 'vitest';
import {
  calendar,
  emptyMaintenance,
  maintenanceInput,
  maintenanceToValues,
  maintenanceUpdate,
  reminderHours,
  validateMaintenance,
  validateMaintenanceEdit,
  type MaintenanceLike,
} from './maintenanceForm';

const NOW = Date.parse('2025-07-15T12:20:00Z');

describe('maintenance schedule form', () => {
  it('starts at the next full hour of the page’s zone, an hour long, reminded an hour before', () => {
    const values = emptyMaintenance('Europe/Paris', NOW);
    expect(values.scheduledFor).toBe('2025-07-15T15:00');
    expect(values.scheduledUntil).toBe('2025-07-15T16:00');
    expect(values.reminderIntervals).toEqual(['1']);
    expect(validateMaintenance({ ...values, title: 'DB upgrade', message: 'Short downtime' }, 'Europe/Paris', NOW)).toEqual({});
  });

  it('reads reminder hours, largest first, once each', () => {
    expect(reminderHours(['1', '24', '1', '6'])).toEqual([24, 6, 1]);
    expect(reminderHours(['0'])).toBeNull();
    expect(reminderHours(['721'])).toBeNull();
    expect(reminderHours(['1.5'])).toBeNull();
  });

  it('refuses windows the server would', () => {
    const base = { ...emptyMaintenance('UTC', NOW), title: 'T', message: 'M' };
    expect(validateMaintenance({ ...base, scheduledUntil: base.scheduledFor }, 'UTC', NOW)).toEqual({ scheduledUntil: 'End must be after the start' });
    expect(validateMaintenance({ ...base, scheduledFor: '2025-07-15T11:00' }, 'UTC', NOW)).toEqual({ scheduledFor: 'Must not be in the past' });
    // A minute's grace, as on the server.
    expect(validateMaintenance({ ...base, scheduledFor: '2025-07-15T12:19' }, 'UTC', NOW)).toEqual({});
    expect(validateMaintenance({ ...base, scheduledFor: '' }, 'UTC', NOW)).toEqual({ scheduledFor: 'Start is required' });
    expect(validateMaintenance({ ...base, reminderIntervals: Array.from({ length: 11 }, (_, i) => String(i + 1)) }, 'UTC', NOW)).toEqual({ reminderIntervals: 'At most 10 reminders' });
    expect(validateMaintenance({ ...base, remindPrior: false, reminderIntervals: ['9999'] }, 'UTC', NOW)).toEqual({});
    // A past maintenance, recorded after the fact, must have ended.
    const past = { ...base, backfilled: true, scheduledFor: '2025-07-14T10:00', scheduledUntil: '2025-07-14T11:00' };
    expect(validateMaintenance(past, 'UTC', NOW)).toEqual({});
    expect(validateMaintenance({ ...past, scheduledUntil: '2025-07-15T13:00' }, 'UTC', NOW)).toEqual({ scheduledUntil: 'A past maintenance must have ended' });
  });

  it('builds the input in UTC; a backfill neither reminds nor notifies', () => {
    const values = { ...emptyMaintenance('Europe/Paris', NOW), title: ' DB upgrade ', message: 'Downtime', componentIds: ['db'], reminderIntervals: ['1', '24'] };
    expect(maintenanceInput('p1', values, 'Europe/Paris')).toMatchObject({
      statusPageId: 'p1',
      title: 'DB upgrade',
      scheduledFor: '2025-07-15T13:00:00.000Z',
      scheduledUntil: '2025-07-15T14:00:00.000Z',
      componentIds: ['db'],
      remindPrior: true,
      reminderIntervals: [24, 1],
      deliverNotifications: true,
      backfilled: false,
    });
    expect(maintenanceInput('p1', { ...values, backfilled: true }, 'UTC')).toMatchObject({ remindPrior: false, reminderIntervals: undefined, deliverNotifications: false, backfilled: true });
  });
});

describe('maintenance edits', () => {
  const existing: MaintenanceLike = {
    title: 'DB upgrade',
    status: 'SCHEDULED',
    scheduledFor: '2025-07-16T08:00:00Z',
    scheduledUntil: '2025-07-16T09:00:00Z',
    remindPrior: true,
    reminderIntervals: [24, 1],
    autoInProgress: true,
    autoCompleted: true,
    autoTransitionToMaintenanceState: true,
    autoTransitionToOperationalState: true,
    notifyAtStart: true,
    notifyAtEnd: false,
  };

  it('sends only what changed, the start only while scheduled', () => {
    const initial = maintenanceToValues(existing, 'UTC');
    expect(initial.scheduledFor).toBe('2025-07-16T08:00');
    expect(maintenanceUpdate('SCHEDULED', initial, initial, 'UTC')).toBeNull();
    const moved = { ...initial, scheduledFor: '2025-07-16T09:00', scheduledUntil: '2025-07-16T10:00', notifyAtEnd: true, reminderIntervals: ['24'] };
    expect(maintenanceUpdate('SCHEDULED', initial, moved, 'UTC')).toEqual({
      scheduledFor: '2025-07-16T09:00:00.000Z',
      scheduledUntil: '2025-07-16T10:00:00.000Z',
      notifyAtEnd: true,
      reminderIntervals: [24],
    });
    expect(maintenanceUpdate('IN_PROGRESS', initial, moved, 'UTC')).not.toHaveProperty('scheduledFor');
    // Started: a start in the past is fine, the end is not.
    const started = { ...initial, scheduledFor: '2025-07-15T11:00', scheduledUntil: '2025-07-15T12:00' };
    expect(validateMaintenanceEdit('IN_PROGRESS', started, 'UTC', NOW)).toEqual({ scheduledUntil: 'Must not be in the past' });
    expect(validateMaintenanceEdit('SCHEDULED', started, 'UTC', NOW)).toMatchObject({ scheduledFor: 'Must not be in the past' });
  });
});

describe('maintenance calendar', () => {
  it('splits by state and groups by the page’s day', () => {
    const items = [
      { id: 'late', status: 'SCHEDULED' as const, scheduledFor: '2025-07-16T23:30:00Z' },
      { id: 'soon', status: 'SCHEDULED' as const, scheduledFor: '2025-07-16T08:00:00Z' },
      { id: 'now', status: 'IN_PROGRESS' as const, scheduledFor: '2025-07-15T11:00:00Z' },
      { id: 'checking', status: 'VERIFYING' as const, scheduledFor: '2025-07-15T10:00:00Z' },
      { id: 'old', status: 'COMPLETED' as const, scheduledFor: '2025-07-01T08:00:00Z' },
      { id: 'older', status: 'COMPLETED' as const, scheduledFor: '2025-06-01T08:00:00Z' },
    ];
    const utc = calendar(items, 'UTC');
    expect(utc.upcoming).toEqual([{ day: '2025-07-16', items: [items[1], items[0]] }]);
    expect(utc.inProgress).toEqual([{ day: '2025-07-15', items: [items[3], items[2]] }]);
    expect(utc.past.map((d) => d.day)).toEqual(['2025-07-01', '2025-06-01']);
    // 23:30 UTC is the next day in Paris.
    expect(calendar(items, 'Europe/Paris').upcoming.map((d) => [d.day, d.items.map((i) => i.id)])).toEqual([
      ['2025-07-16', ['soon']],
      ['2025-07-17', ['late']],
    ]);
  });
});
