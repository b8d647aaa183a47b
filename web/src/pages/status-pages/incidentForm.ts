// The incident composer and the update form: their values, checks, what a template fills in,
// and the inputs of `createIncident` and `addIncidentUpdate` (docs/status-pages.md, "Incidents").
// Times typed in are the page's wall clock. Pure, so it is unit-tested.
import type {
  AddIncidentUpdateInput,
  ComponentStatus,
  CreateIncidentInput,
  IncidentComponentInput,
  IncidentImpact,
  IncidentKind,
  IncidentStatus,
  IncidentTemplateFieldsFragment,
} from '../../gql/graphql';
import * as v from '../../lib/validate';
import { zonedToUtc } from './zonedTime';

export const INCIDENT_STATUSES: IncidentStatus[] = ['INVESTIGATING', 'IDENTIFIED', 'MONITORING', 'RESOLVED'];
export const MAINTENANCE_STATUSES: IncidentStatus[] = ['SCHEDULED', 'IN_PROGRESS', 'VERIFYING', 'COMPLETED'];
export const IMPACTS: IncidentImpact[] = ['NONE', 'MINOR', 'MAJOR', 'CRITICAL'];
export const COMPONENT_STATUSES: ComponentStatus[] = ['OPERATIONAL', 'DEGRADED_PERFORMANCE', 'PARTIAL_OUTAGE', 'MAJOR_OUTAGE', 'UNDER_MAINTENANCE'];
export const MAX_MESSAGE = 10_000;
export const MAX_COMPONENTS = 100;

/** Whether an incident or a maintenance takes no more updates. */
export function isClosed(status: IncidentStatus): boolean {
  return status === 'RESOLVED' || status === 'COMPLETED';
}

/** The statuses an update may give: an incident's open ones move freely; a maintenance goes forward. */
export function nextStatuses(kind: IncidentKind, status: IncidentStatus): IncidentStatus[] {
  if (kind === 'INCIDENT') return isClosed(status) ? [] : INCIDENT_STATUSES;
  switch (status) {
    case 'SCHEDULED':
      return ['SCHEDULED', 'IN_PROGRESS', 'COMPLETED'];
    case 'IN_PROGRESS':
    case 'VERIFYING':
      return ['IN_PROGRESS', 'VERIFYING', 'COMPLETED'];
    default:
      return [];
  }
}

/** The status a component gets from an impact when none is chosen (the server's rule). */
export function impliedStatus(impact: IncidentImpact | 'AUTO'): ComponentStatus {
  switch (impact) {
    case 'NONE':
      return 'OPERATIONAL';
    case 'MINOR':
      return 'DEGRADED_PERFORMANCE';
    case 'CRITICAL':
      return 'MAJOR_OUTAGE';
    default:
      return 'PARTIAL_OUTAGE';
  }
}

export interface AffectedComponent {
  componentId: string;
  status: ComponentStatus;
}

export interface IncidentValues {
  [key: string]: unknown;
  title: string;
  status: IncidentStatus;
  /** `AUTO`: derived from the affected components. */
  impact: IncidentImpact | 'AUTO';
  message: string;
  components: AffectedComponent[];
  deliverNotifications: boolean;
  backfilled: boolean;
  /** When a backfilled incident happened, `YYYY-MM-DDTHH:mm` in the page's zone. */
  backfilledAt: string;
}

export function emptyIncident(): IncidentValues {
  return { title: '', status: 'INVESTIGATING', impact: 'AUTO', message: '', components: [], deliverNotifications: true, backfilled: false, backfilledAt: '' };
}

/**
 * The composer filled in from a template: its title, message, status, components (with the
 * status the chosen impact implies, those still on the page) and notification choice.
 */
export function fromTemplate(values: IncidentValues, template: IncidentTemplateFieldsFragment, pageComponentIds: readonly string[]): IncidentValues {
  const onPage = new Set(pageComponentIds);
  return {
    ...values,
    title: template.title,
    message: template.body,
    status: INCIDENT_STATUSES.includes(template.status) ? template.status : values.status,
    components: template.componentIds.filter((id) => onPage.has(id)).map((componentId) => ({ componentId, status: impliedStatus(values.impact) })),
    deliverNotifications: template.shouldSendNotifications,
  };
}

/** Adds or removes an affected component (added with the status the impact implies). */
export function toggleComponent(components: AffectedComponent[], componentId: string, on: boolean, status: ComponentStatus): AffectedComponent[] {
  const without = components.filter((c) => c.componentId !== componentId);
  return on ? [...without, { componentId, status }] : without;
}

function messageError(value: string): string | null {
  if (!value.trim()) return 'Message is required';
  return [...value.trim()].length > MAX_MESSAGE ? `Message must be at most ${MAX_MESSAGE.toLocaleString('en')} characters` : null;
}

export function validateIncident(values: IncidentValues, zone: string, now = Date.now()): v.Errors {
  let backfilledAt: string | null = null;
  if (values.backfilled) {
    const at = zonedToUtc(values.backfilledAt, zone);
    backfilledAt = !at ? 'When it happened is required' : Date.parse(at) > now ? 'Must be in the past' : null;
  }
  return v.collect({
    title: v.name(values.title, 'Title'),
    message: messageError(values.message),
    components: values.components.length > MAX_COMPONENTS ? `At most ${MAX_COMPONENTS} components` : null,
    backfilledAt,
  });
}

export function incidentInput(statusPageId: string, values: IncidentValues, zone: string): CreateIncidentInput {
  return {
    statusPageId,
    title: values.title.trim(),
    // A backfilled incident is recorded resolved, and notifies nobody.
    status: values.backfilled ? 'RESOLVED' : values.status,
    impact: values.impact === 'AUTO' ? undefined : values.impact,
    message: values.message.trim(),
    components: values.components,
    deliverNotifications: values.backfilled ? undefined : values.deliverNotifications,
    backfilledAt: values.backfilled ? (zonedToUtc(values.backfilledAt, zone) ?? undefined) : undefined,
  };
}

/** Each component's status for an incident now: the last change of each, in order. */
export function currentStatuses(rows: readonly { componentId: string; newStatus: ComponentStatus }[]): AffectedComponent[] {
  const latest = new Map<string, ComponentStatus>();
  for (const row of rows) latest.set(row.componentId, row.newStatus);
  return [...latest].map(([componentId, status]) => ({ componentId, status }));
}

export interface UpdateValues {
  [key: string]: unknown;
  status: IncidentStatus;
  message: string;
  components: AffectedComponent[];
  deliverNotifications: boolean;
  /** An update entered late: when it happened, in the page's zone; empty is now. */
  displayAt: string;
}

/** Only the components whose status the update changes (or that it adds). */
export function changedComponents(current: readonly AffectedComponent[], edited: readonly AffectedComponent[]): IncidentComponentInput[] {
  const before = new Map(current.map((c) => [c.componentId, c.status]));
  return edited.filter((c) => before.get(c.componentId) !== c.status).map((c) => ({ componentId: c.componentId, status: c.status }));
}

export function validateUpdate(values: UpdateValues, zone: string, now = Date.now()): v.Errors {
  let displayAt: string | null = null;
  if (values.displayAt.trim()) {
    const at = zonedToUtc(values.displayAt, zone);
    displayAt = !at ? 'Not a date and time' : Date.parse(at) > now ? 'Must not be in the future' : null;
  }
  return v.collect({ message: messageError(values.message), displayAt });
}

export function updateInput(incidentId: string, current: readonly AffectedComponent[], values: UpdateValues, zone: string): AddIncidentUpdateInput {
  return {
    incidentId,
    status: values.status,
    message: values.message.trim(),
    components: changedComponents(current, values.components),
    deliverNotifications: values.deliverNotifications,
    displayAt: values.displayAt.trim() ? (zonedToUtc(values.displayAt, zone) ?? undefined) : undefined,
  };
}
