import { describe, expect, it } from 'vitest';
import type { IncidentTemplateFieldsFragment } from '../../gql/graphql';
import {
  changedComponents,
  currentStatuses,
  emptyIncident,
  fromTemplate,
  impliedStatus,
  incidentInput,
  nextStatuses,
  toggleComponent,
  updateInput,
  validateIncident,
  validateUpdate,
} from './incidentForm';

const NOW = Date.parse('2025-07-15T12:00:00Z');

const template: IncidentTemplateFieldsFragment = {
  id: 't1',
  name: 'Database down',
  title: 'Database unreachable',
  body: 'We are looking into it.',
  status: 'IDENTIFIED',
  shouldSendNotifications: false,
  componentIds: ['db', 'gone'],
};

describe('incident composer', () => {
  it('fills in from a template, components still on the page with the implied status', () => {
    const values = fromTemplate({ ...emptyIncident(), impact: 'CRITICAL' }, template, ['web', 'db']);
    expect(values).toMatchObject({
      title: 'Database unreachable',
      message: 'We are looking into it.',
      status: 'IDENTIFIED',
      deliverNotifications: false,
      components: [{ componentId: 'db', status: 'MAJOR_OUTAGE' }],
    });
    // A maintenance status in a template does not become an incident's.
    expect(fromTemplate(emptyIncident(), { ...template, status: 'SCHEDULED' }, []).status).toBe('INVESTIGATING');
  });

  it('implies component statuses from the impact as the server does', () => {
    expect(['AUTO', 'NONE', 'MINOR', 'MAJOR', 'CRITICAL'].map((i) => impliedStatus(i as 'AUTO'))).toEqual([
      'PARTIAL_OUTAGE',
      'OPERATIONAL',
      'DEGRADED_PERFORMANCE',
      'PARTIAL_OUTAGE',
      'MAJOR_OUTAGE',
    ]);
  });

  it('adds and removes affected components', () => {
    const one = toggleComponent([], 'api', true, 'PARTIAL_OUTAGE');
    expect(toggleComponent(one, 'api', true, 'MAJOR_OUTAGE')).toEqual([{ componentId: 'api', status: 'MAJOR_OUTAGE' }]);
    expect(toggleComponent(one, 'api', false, 'MAJOR_OUTAGE')).toEqual([]);
  });

  it('checks title, message and the time of a backfilled incident', () => {
    expect(validateIncident(emptyIncident(), 'UTC', NOW)).toEqual({ title: 'Title is required', message: 'Message is required' });
    const ok = { ...emptyIncident(), title: 'API errors', message: 'Looking' };
    expect(validateIncident(ok, 'UTC', NOW)).toEqual({});
    expect(validateIncident({ ...ok, message: 'x'.repeat(10_001) }, 'UTC', NOW).message).toMatch(/at most 10,000/);
    expect(validateIncident({ ...ok, backfilled: true }, 'UTC', NOW).backfilledAt).toBe('When it happened is required');
    expect(validateIncident({ ...ok, backfilled: true, backfilledAt: '2025-07-15T13:00' }, 'UTC', NOW).backfilledAt).toBe('Must be in the past');
    // 13:00 in Paris is 11:00 UTC: in the past.
    expect(validateIncident({ ...ok, backfilled: true, backfilledAt: '2025-07-15T13:00' }, 'Europe/Paris', NOW)).toEqual({});
  });

  it('builds the input: the impact only when set by hand, a backfill resolved and silent', () => {
    const values = { ...emptyIncident(), title: ' API errors ', message: ' Looking ', components: [{ componentId: 'api', status: 'MAJOR_OUTAGE' as const }] };
    expect(incidentInput('p1', values, 'UTC')).toEqual({
      statusPageId: 'p1',
      title: 'API errors',
      status: 'INVESTIGATING',
      impact: undefined,
      message: 'Looking',
      components: [{ componentId: 'api', status: 'MAJOR_OUTAGE' }],
      deliverNotifications: true,
      backfilledAt: undefined,
    });
    const backfilled = incidentInput('p1', { ...values, impact: 'MINOR', backfilled: true, backfilledAt: '2025-07-01T10:00' }, 'Europe/Paris');
    expect(backfilled).toMatchObject({ status: 'RESOLVED', impact: 'MINOR', deliverNotifications: undefined, backfilledAt: '2025-07-01T08:00:00.000Z' });
  });
});

describe('incident updates', () => {
  it('knows where an incident or a maintenance may go', () => {
    expect(nextStatuses('INCIDENT', 'MONITORING')).toEqual(['INVESTIGATING', 'IDENTIFIED', 'MONITORING', 'RESOLVED']);
    expect(nextStatuses('INCIDENT', 'RESOLVED')).toEqual([]);
    expect(nextStatuses('MAINTENANCE', 'SCHEDULED')).toEqual(['SCHEDULED', 'IN_PROGRESS', 'COMPLETED']);
    expect(nextStatuses('MAINTENANCE', 'VERIFYING')).toEqual(['IN_PROGRESS', 'VERIFYING', 'COMPLETED']);
    expect(nextStatuses('MAINTENANCE', 'COMPLETED')).toEqual([]);
  });

  it('reads each component’s latest status for the incident', () => {
    expect(
      currentStatuses([
        { componentId: 'api', newStatus: 'MAJOR_OUTAGE' },
        { componentId: 'web', newStatus: 'DEGRADED_PERFORMANCE' },
        { componentId: 'api', newStatus: 'PARTIAL_OUTAGE' },
      ]),
    ).toEqual([
      { componentId: 'api', status: 'PARTIAL_OUTAGE' },
      { componentId: 'web', status: 'DEGRADED_PERFORMANCE' },
    ]);
  });

  it('sends only the components that change', () => {
    const current = [
      { componentId: 'api', status: 'MAJOR_OUTAGE' as const },
      { componentId: 'web', status: 'DEGRADED_PERFORMANCE' as const },
    ];
    const edited = [
      { componentId: 'api', status: 'OPERATIONAL' as const },
      { componentId: 'web', status: 'DEGRADED_PERFORMANCE' as const },
      { componentId: 'db', status: 'PARTIAL_OUTAGE' as const },
    ];
    expect(changedComponents(current, edited)).toEqual([
      { componentId: 'api', status: 'OPERATIONAL' },
      { componentId: 'db', status: 'PARTIAL_OUTAGE' },
    ]);
    const values = { status: 'MONITORING' as const, message: ' A fix is out ', components: edited, deliverNotifications: false, displayAt: '' };
    expect(updateInput('i1', current, values, 'UTC')).toEqual({
      incidentId: 'i1',
      status: 'MONITORING',
      message: 'A fix is out',
      components: [
        { componentId: 'api', status: 'OPERATIONAL' },
        { componentId: 'db', status: 'PARTIAL_OUTAGE' },
      ],
      deliverNotifications: false,
      displayAt: undefined,
    });
    expect(updateInput('i1', current, { ...values, displayAt: '2025-07-15T10:30' }, 'Europe/Paris').displayAt).toBe('2025-07-15T08:30:00.000Z');
  });

  it('refuses an update shown in the future or without a message', () => {
    const values = { status: 'IDENTIFIED' as const, message: '', components: [], deliverNotifications: true, displayAt: '2025-07-15T12:30' };
    expect(validateUpdate(values, 'UTC', NOW)).toEqual({ message: 'Message is required', displayAt: 'Must not be in the future' });
    expect(validateUpdate({ ...values, message: 'ok', displayAt: 'soon' }, 'UTC', NOW)).toEqual({ displayAt: 'Not a date and time' });
    expect(validateUpdate({ ...values, message: 'ok', displayAt: '' }, 'UTC', NOW)).toEqual({});
  });
});
