// The settings each notification provider type asks for (see CreateNotificationProviderInput).
import type { NotificationProviderType } from '../../gql/graphql';
import * as v from '../../lib/validate';

export interface ConfigField {
  key: string;
  label: string;
  secret?: boolean;
  optional?: boolean;
  kind?: 'url' | 'email' | 'text';
  description?: string;
}

export const PROVIDER_FIELDS: Record<NotificationProviderType, ConfigField[]> = {
  EMAIL: [
    { key: 'to', label: 'To', kind: 'email', description: 'The address alerts go to' },
    { key: 'from', label: 'From', optional: true, description: 'Defaults to the instance sender' },
  ],
  SLACK: [{ key: 'webhookUrl', label: 'Webhook URL', kind: 'url', secret: true }],
  DISCORD: [{ key: 'webhookUrl', label: 'Webhook URL', kind: 'url', secret: true }],
  TEAMS: [{ key: 'webhookUrl', label: 'Webhook URL', kind: 'url', secret: true }],
  TELEGRAM: [
    { key: 'botToken', label: 'Bot token', secret: true },
    { key: 'chatId', label: 'Chat ID' },
  ],
  WEBHOOK: [
    { key: 'url', label: 'URL', kind: 'url' },
    {
      key: 'secret',
      label: 'Signing secret',
      secret: true,
      optional: true,
      description: 'A whsec_ secret; left empty, Vigil generates one and shows it once',
    },
  ],
  SMS: [
    { key: 'accountSid', label: 'Twilio account SID' },
    { key: 'authToken', label: 'Twilio auth token', secret: true },
    { key: 'from', label: 'From number' },
    { key: 'to', label: 'To number' },
  ],
};

export const PROVIDER_TYPES = Object.keys(PROVIDER_FIELDS) as NotificationProviderType[];

/**
 * Errors keyed `config.<key>` for a provider's settings. When editing, `stored` holds the
 * settings as read back: a value left as it was (a masked secret) is not checked again.
 */
export function validateProviderConfig(type: NotificationProviderType, config: Record<string, string>, stored: Record<string, string> = {}): v.Errors {
  const errors: v.Errors = {};
  for (const field of PROVIDER_FIELDS[type]) {
    const value = (config[field.key] ?? '').trim();
    if (!value) {
      if (!field.optional) errors[`config.${field.key}`] = `${field.label} is required`;
      continue;
    }
    if (stored[field.key] !== undefined && value === stored[field.key].trim()) continue;
    const problem = field.kind === 'url' ? v.httpUrl(value, field.label) : field.kind === 'email' ? v.email(value) : null;
    if (problem) errors[`config.${field.key}`] = problem;
  }
  return errors;
}

/** The config to send: the type's keys only, empty optional ones left out. */
export function providerConfig(type: NotificationProviderType, config: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const field of PROVIDER_FIELDS[type]) {
    const value = (config[field.key] ?? '').trim();
    if (value) out[field.key] = value;
  }
  return out;
}

/**
 * The settings to send for an edit: keys whose value changed, and `null` for an optional key
 * that was cleared (the server merges over what it stores; unchanged masked secrets are kept).
 */
export function changedProviderConfig(type: NotificationProviderType, config: Record<string, string>, stored: Record<string, string>): Record<string, string | null> {
  const out: Record<string, string | null> = {};
  for (const field of PROVIDER_FIELDS[type]) {
    const value = (config[field.key] ?? '').trim();
    const before = (stored[field.key] ?? '').trim();
    if (value === before) continue;
    out[field.key] = value === '' ? null : value;
  }
  return out;
}
