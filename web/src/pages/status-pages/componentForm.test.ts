import { describe, expect, it } from 'vitest';
import type { StatusPageComponentFieldsFragment } from '../../gql/graphql';
import { componentInput, componentToValues, monitorsInput, pickMonitors, validateComponent, validateNewComponent } from './componentForm';

const component = {
  id: 'c1',
  statusPageId: 'p1',
  name: 'API',
  description: null,
  status: 'OPERATIONAL',
  groupName: 'Backend',
  position: 0,
  showcase: true,
  onlyShowIfDegraded: false,
  aggregationMethod: 'WORST_CASE',
  failureThreshold: 1,
  startDate: '2024-03-01T00:00:00+00:00',
  monitors: [
    { monitorId: 'm1', weight: 1 },
    { monitorId: 'm2', weight: 5 },
  ],
} as StatusPageComponentFieldsFragment;

describe('component editor', () => {
  it('reads a component', () => {
    const values = componentToValues(component);
    expect(values.description).toBe('');
    expect(values.startDate).toBe('2024-03-01');
    expect(values.monitors).toEqual([
      { monitorId: 'm1', weight: 1 },
      { monitorId: 'm2', weight: 5 },
    ]);
  });

  it('sends only the fields that changed', () => {
    const initial = componentToValues(component);
    expect(componentInput(initial, initial)).toBeNull();
    expect(componentInput(initial, { ...initial, groupName: '', failureThreshold: 2, aggregationMethod: 'WEIGHTED_AVERAGE', startDate: '' })).toEqual({
      groupName: '',
      failureThreshold: 2,
      aggregationMethod: 'WEIGHTED_AVERAGE',
      startDate: null,
    });
    expect(componentInput(initial, { ...initial, startDate: '2024-04-02' })).toEqual({ startDate: '2024-04-02T00:00:00Z' });
  });

  it('sends the monitor links only when they changed, order aside', () => {
    const initial = componentToValues(component).monitors;
    expect(monitorsInput(initial, [...initial].reverse())).toBeNull();
    expect(monitorsInput(initial, [{ monitorId: 'm2', weight: 9 }])).toEqual([{ monitorId: 'm2', weight: 9 }]);
    expect(monitorsInput(initial, [])).toEqual([]);
  });

  it('keeps weights of monitors still picked, new ones weigh 1', () => {
    expect(pickMonitors([{ monitorId: 'm2', weight: 5 }], ['m3', 'm2'])).toEqual([
      { monitorId: 'm3', weight: 1 },
      { monitorId: 'm2', weight: 5 },
    ]);
  });

  it('refuses thresholds, weights and names the server would', () => {
    const initial = componentToValues(component);
    expect(validateComponent(initial)).toEqual({});
    const errors = validateComponent({ ...initial, name: ' ', failureThreshold: 201, monitors: [{ monitorId: 'm1', weight: 0 }, { monitorId: 'm2', weight: 101 }, { monitorId: 'm3', weight: 2.5 }] });
    expect(Object.keys(errors).sort()).toEqual(['failureThreshold', 'monitors.0.weight', 'monitors.1.weight', 'monitors.2.weight', 'name']);
    expect(validateComponent({ ...initial, failureThreshold: '' }).failureThreshold).toMatch(/required/);
    expect(validateNewComponent({ name: 'x'.repeat(201), description: 'd'.repeat(2001), monitorIds: [] })).toEqual({
      name: 'Name must be at most 200 characters',
      description: 'Description must be at most 2,000 characters',
    });
  });
});
