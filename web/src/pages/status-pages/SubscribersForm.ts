// The pure logic of the Subscribers screen: the add form's checks (the server's rules, so that
// most mistakes are caught before sending), its input, the CSV file's name, and the metrics'
// summary.
import type { StatusPageSubscriberMode } from '../../gql/graphql';
import * as v from '../../lib/validate';

export interface SubscriberValues {
  [key: string]: unknown;
  mode: StatusPageSubscriberMode;
  email: string;
  phoneNumber: string;
  phoneCountry: string;
  endpoint: string;
  componentIds: string[];
  skipConfirmationNotification: boolean;
}

export const EMPTY_SUBSCRIBER: SubscriberValues = {
  mode: 'EMAIL',
  email: '',
  phoneNumber: '',
  phoneCountry: '',
  endpoint: '',
  componentIds: [],
  skipConfirmationNotification: false,
};

/** Which kinds a page takes (Slack counts as a webhook). */
export function allowedModes(page: { allowEmailSubscribers: boolean; allowSmsSubscribers: boolean; allowWebhookSubscribers: boolean }): StatusPageSubscriberMode[] {
  const modes: StatusPageSubscriberMode[] = [];
  if (page.allowEmailSubscribers) modes.push('EMAIL');
  if (page.allowSmsSubscribers) modes.push('SMS');
  if (page.allowWebhookSubscribers) modes.push('WEBHOOK', 'SLACK');
  return modes;
}

/** The number without spaces, dots, dashes and brackets, as the server reads it. */
export function compactPhone(value: string): string {
  return value.replace(/[\s.()-]/g, '');
}

export function validateSubscriber(values: SubscriberValues): v.Errors {
  switch (values.mode) {
    case 'EMAIL':
      return v.collect({ email: v.email(values.email) });
    case 'SMS':
      return v.collect({
        phoneNumber: /^\+[1-9]\d{7,14}$/.test(compactPhone(values.phoneNumber)) ? null : 'Enter an international number, such as +14155550123',
        phoneCountry: /^[a-z]{2}$/i.test(values.phoneCountry.trim()) ? null : 'Enter a two-letter country code, such as US',
      });
    default:
      return v.collect({
        endpoint: v.httpUrl(values.endpoint, 'URL') ?? (values.endpoint.trim().length > 255 ? 'URL must be at most 255 characters' : null),
      });
  }
}

/** The mutation's input: only the address of the chosen kind. */
export function subscriberInput(statusPageId: string, values: SubscriberValues) {
  const input = {
    statusPageId,
    mode: values.mode,
    componentIds: values.componentIds,
    skipConfirmationNotification: values.skipConfirmationNotification,
  };
  switch (values.mode) {
    case 'EMAIL':
      return { ...input, email: values.email.trim() };
    case 'SMS':
      return { ...input, phoneNumber: compactPhone(values.phoneNumber), phoneCountry: values.phoneCountry.trim().toUpperCase() };
    default:
      return { ...input, endpoint: values.endpoint.trim() };
  }
}

/** `acme-subscribers-2026-12-10.csv`. */
export function csvFileName(subdomain: string, now: Date): string {
  return `${subdomain}-subscribers-${now.toISOString().slice(0, 10)}.csv`;
}

interface Day {
  pageViews: number;
  subscribers?: number | null;
  pendingSubscribers?: number | null;
  quarantinedSubscribers?: number | null;
}

/** Views over the days given, and the newest subscriber counts among them. */
export function metricsSummary(days: Day[]): { views: number; subscribers: number | null; pending: number | null; quarantined: number | null } {
  const views = days.reduce((sum, d) => sum + d.pageViews, 0);
  const counted = [...days].reverse().find((d) => d.subscribers != null);
  return {
    views,
    subscribers: counted?.subscribers ?? null,
    pending: counted?.pendingSubscribers ?? null,
    quarantined: counted?.quarantinedSubscribers ?? null,
  };
}

/** The address shown for a subscriber. */
export function addressOf(s: { mode: StatusPageSubscriberMode; email?: string | null; phoneNumber?: string | null; phoneCountry?: string | null; endpoint?: string | null }): string {
  switch (s.mode) {
    case 'EMAIL':
      return s.email ?? '';
    case 'SMS':
      return s.phoneCountry ? `${s.phoneNumber ?? ''} (${s.phoneCountry})` : (s.phoneNumber ?? '');
    default:
      return s.endpoint ?? '';
  }
}
