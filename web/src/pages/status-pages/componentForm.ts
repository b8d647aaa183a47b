// The component editor's values, checks and inputs: the component's own fields
// (`updateStatusPageComponent`, only what changed) and its monitors with their weights
// (`setStatusPageComponentMonitors`, the whole list, sent only when it changed). Pure, so it is
// unit-tested.
import type { AggregationMethod, ComponentMonitorInput, StatusPageComponentFieldsFragment, UpdateStatusPageComponentInput } from '../../gql/graphql';
import * as v from '../../lib/validate';

export const AGGREGATION_METHODS: { value: AggregationMethod; label: string; description: string }[] = [
  { value: 'WORST_CASE', label: 'Worst case', description: 'The worst monitor decides' },
  { value: 'BEST_CASE', label: 'Best case', description: 'The best monitor decides' },
  { value: 'MAJORITY_VOTE', label: 'Majority vote', description: 'The status most monitors share; a tie is a partial outage' },
  { value: 'WEIGHTED_AVERAGE', label: 'Weighted average', description: 'The mean of the monitors’ statuses, by their weights' },
];

export const MAX_THRESHOLD = 200;
export const MAX_WEIGHT = 100;
export const MAX_MONITORS = 200;
export const MAX_DESCRIPTION = 2000;

function description(value: string): string | null {
  return [...value.trim()].length > MAX_DESCRIPTION ? `Description must be at most ${MAX_DESCRIPTION.toLocaleString('en')} characters` : null;
}

export interface MonitorLink {
  monitorId: string;
  weight: number | '';
}

export interface ComponentValues {
  [key: string]: unknown;
  name: string;
  description: string;
  groupName: string;
  showcase: boolean;
  onlyShowIfDegraded: boolean;
  aggregationMethod: AggregationMethod;
  failureThreshold: number | '';
  /** `YYYY-MM-DD` (UTC), empty for none. */
  startDate: string;
  monitors: MonitorLink[];
}

export function componentToValues(c: StatusPageComponentFieldsFragment): ComponentValues {
  return {
    name: c.name,
    description: c.description ?? '',
    groupName: c.groupName ?? '',
    showcase: c.showcase,
    onlyShowIfDegraded: c.onlyShowIfDegraded,
    aggregationMethod: c.aggregationMethod,
    failureThreshold: c.failureThreshold,
    startDate: c.startDate ? c.startDate.slice(0, 10) : '',
    monitors: c.monitors.map((m) => ({ monitorId: m.monitorId, weight: m.weight })),
  };
}

/** The component's fields that changed; null when none did. */
export function componentInput(initial: ComponentValues, values: ComponentValues): UpdateStatusPageComponentInput | null {
  const input: UpdateStatusPageComponentInput = {};
  for (const key of ['name', 'description', 'groupName'] as const) {
    if (values[key].trim() !== initial[key].trim()) input[key] = values[key].trim();
  }
  for (const key of ['showcase', 'onlyShowIfDegraded'] as const) if (values[key] !== initial[key]) input[key] = values[key];
  if (values.aggregationMethod !== initial.aggregationMethod) input.aggregationMethod = values.aggregationMethod;
  if (values.failureThreshold !== initial.failureThreshold && values.failureThreshold !== '') input.failureThreshold = values.failureThreshold;
  if (values.startDate !== initial.startDate) input.startDate = values.startDate ? `${values.startDate}T00:00:00Z` : null;
  return Object.keys(input).length ? input : null;
}

/** The monitor links to send, or null when they are the same as before (order aside). */
export function monitorsInput(initial: MonitorLink[], links: MonitorLink[]): ComponentMonitorInput[] | null {
  const key = (list: MonitorLink[]) =>
    list
      .map((l) => `${l.monitorId}:${l.weight}`)
      .sort()
      .join();
  if (key(initial) === key(links)) return null;
  return links.map((l) => ({ monitorId: l.monitorId, weight: l.weight === '' ? 1 : l.weight }));
}

/** The links after the monitor picker changed: kept links keep their weights, new ones weigh 1. */
export function pickMonitors(links: MonitorLink[], ids: string[]): MonitorLink[] {
  const byId = new Map(links.map((l) => [l.monitorId, l]));
  return ids.map((id) => byId.get(id) ?? { monitorId: id, weight: 1 });
}

export function validateComponent(values: ComponentValues): v.Errors {
  const errors: Record<string, string | null> = {
    name: v.name(values.name),
    description: description(values.description),
    groupName: values.groupName.trim().length > v.MAX_NAME ? `Group must be at most ${v.MAX_NAME} characters` : null,
    failureThreshold: v.intInRange(values.failureThreshold, 1, MAX_THRESHOLD, 'Failure threshold'),
    monitors: values.monitors.length > MAX_MONITORS ? `At most ${MAX_MONITORS} monitors` : null,
  };
  values.monitors.forEach((link, i) => {
    errors[`monitors.${i}.weight`] = v.intInRange(link.weight, 1, MAX_WEIGHT, 'Weight');
  });
  return v.collect(errors);
}

/** A new component: its name, description and monitors. */
export interface NewComponentValues {
  [key: string]: unknown;
  name: string;
  description: string;
  monitorIds: string[];
}

export function validateNewComponent(values: NewComponentValues): v.Errors {
  return v.collect({
    name: v.name(values.name),
    description: description(values.description),
    monitorIds: values.monitorIds.length > MAX_MONITORS ? `At most ${MAX_MONITORS} monitors` : null,
  });
}
