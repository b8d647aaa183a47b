// The settings form of a status page: its values, the checks made before sending (the
// server's rules, docs/status-pages.md) and the update input, which carries only what changed
// so that a field left alone is never rewritten. Form paths are the input's field names, so a
// BAD_USER_INPUT naming `cssGreens` lands on that field. Pure, so it is unit-tested.
import type { StatusPageFieldsFragment, StatusPageTheme, UpdateStatusPageInput } from '../../gql/graphql';
import * as v from '../../lib/validate';

export const COLOR_FIELDS = [
  { key: 'cssBodyBackgroundColor', label: 'Background' },
  { key: 'cssFontColor', label: 'Text' },
  { key: 'cssLightFontColor', label: 'Secondary text' },
  { key: 'cssLinkColor', label: 'Links' },
  { key: 'cssBorderColor', label: 'Borders' },
  { key: 'cssGreens', label: 'Operational' },
  { key: 'cssYellows', label: 'Degraded performance' },
  { key: 'cssOranges', label: 'Partial outage' },
  { key: 'cssReds', label: 'Major outage' },
  { key: 'cssBlues', label: 'Maintenance' },
  { key: 'cssGraphColor', label: 'Graphs' },
  { key: 'cssNoData', label: 'No data' },
] as const;

export type ColorField = (typeof COLOR_FIELDS)[number]['key'];

const TEXT_FIELDS = ['name', 'subdomain', 'headline', 'description', 'supportUrl', 'timezone', 'notificationsFromEmail', 'notificationsEmailFooter'] as const;
const FLAGS = ['hiddenFromSearch', 'allowPageSubscribers', 'allowIncidentSubscribers', 'allowEmailSubscribers', 'allowSmsSubscribers', 'allowWebhookSubscribers'] as const;

type TextField = (typeof TEXT_FIELDS)[number];
type Flag = (typeof FLAGS)[number];

/** The form's values: texts and colours as strings (empty is "not set"), the flags, the theme. */
export type SettingsValues = Record<TextField | ColorField, string> & Record<Flag, boolean> & { theme: StatusPageTheme; [key: string]: unknown };

export const MAX_HEADLINE = 200;
export const MAX_DESCRIPTION = 5000;
export const MAX_FOOTER = 2000;

export function settingsToValues(page: StatusPageFieldsFragment): SettingsValues {
  const values = { theme: page.theme } as SettingsValues;
  for (const key of TEXT_FIELDS) values[key] = page[key] ?? '';
  for (const { key } of COLOR_FIELDS) values[key] = page[key] ?? '';
  for (const key of FLAGS) values[key] = page[key];
  return values;
}

/**
 * What to send: the fields that differ from `initial`, texts trimmed (an emptied text clears
 * the setting, as the API has it). Null when nothing changed.
 */
export function settingsInput(initial: SettingsValues, values: SettingsValues): UpdateStatusPageInput | null {
  const input: Record<string, unknown> = {};
  for (const key of [...TEXT_FIELDS, ...COLOR_FIELDS.map((c) => c.key)]) {
    // The description and the footer keep their inner spacing; only the ends go.
    const next = values[key].trim();
    if (next !== initial[key].trim()) input[key] = key === 'subdomain' ? next.toLowerCase() : next;
  }
  for (const key of FLAGS) if (values[key] !== initial[key]) input[key] = values[key];
  if (values.theme !== initial.theme) input.theme = values.theme;
  return Object.keys(input).length ? (input as UpdateStatusPageInput) : null;
}

/** A subdomain as the server takes it: 3-63 of a-z, 0-9 and '-', no '-' at either end. */
export function subdomain(value: string, required = true): string | null {
  const s = value.trim().toLowerCase();
  if (!s) return required ? 'Subdomain is required' : null;
  if (s.length < 3 || s.length > 63) return 'Use 3 to 63 characters';
  if (!/^[a-z0-9-]+$/.test(s)) return 'Use lowercase letters, digits and -';
  if (s.startsWith('-') || s.endsWith('-')) return 'Must not start or end with -';
  return null;
}

/** A custom domain's obvious mistakes; the server has the last word (IDNs, its own host...). */
export function domainError(value: string): string | null {
  const d = value.trim().replace(/\.$/, '').toLowerCase();
  if (!d) return 'Enter a host name such as status.example.com';
  if (/[\s/:@]/.test(d)) return 'Only the host name: no scheme, port or path';
  if (!d.includes('.')) return 'Use a full host name such as status.example.com';
  return null;
}

/** An IANA time zone the browser knows; empty is UTC. */
export function timezone(value: string): string | null {
  if (!value.trim()) return null;
  try {
    new Intl.DateTimeFormat('en', { timeZone: value.trim() });
    return null;
  } catch {
    return 'Not a time zone: use a name such as Europe/Paris';
  }
}

function maxLength(value: string, max: number, label: string): string | null {
  return [...value].length > max ? `${label} must be at most ${max.toLocaleString('en')} characters` : null;
}

export function validateSettings(values: SettingsValues): v.Errors {
  const errors: Record<string, string | null> = {
    name: v.name(values.name),
    subdomain: subdomain(values.subdomain),
    headline: maxLength(values.headline.trim(), MAX_HEADLINE, 'Headline'),
    description: maxLength(values.description.trim(), MAX_DESCRIPTION, 'Description'),
    supportUrl: values.supportUrl.trim() ? v.httpUrl(values.supportUrl, 'Support URL') : null,
    timezone: timezone(values.timezone),
    notificationsFromEmail: values.notificationsFromEmail.trim() ? v.email(values.notificationsFromEmail) : null,
    notificationsEmailFooter: maxLength(values.notificationsEmailFooter.trim(), MAX_FOOTER, 'Footer'),
  };
  for (const { key } of COLOR_FIELDS) errors[key] = v.color(values[key].trim());
  return v.collect(errors);
}

/** The time zones to choose from: the browser's list, UTC first. */
export function timezones(): string[] {
  const supported = (Intl as { supportedValuesOf?: (key: string) => string[] }).supportedValuesOf?.('timeZone') ?? [];
  return ['UTC', ...supported.filter((z) => z !== 'UTC')];
}
