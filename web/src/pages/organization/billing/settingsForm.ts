// The spending-limit form: settings -> form values -> the input of `updateBillingSettings`
// (pure, unit-tested). The input carries only what changed: the API changes only the
// fields it is given, so a form saved by two admins at once does not undo the other's edits
// to fields this one left alone.
import * as v from '../../../lib/validate';
import type { BillingSettings, UpdateBillingSettingsInput } from './usageOperations';
import { centsToInput, parseCents } from './money';

/** How many addresses the form takes (a list, not a mailing list). */
export const MAX_EMAILS = 20;

export type SettingsValues = {
  enableSpendingLimit: boolean;
  /** The monthly limit as typed, in currency units ("50", "49.99"). */
  limit: string;
  hardStopOnLimit: boolean;
  notifyAt50Percent: boolean;
  notifyAt80Percent: boolean;
  notifyAt90Percent: boolean;
  notifyAt100Percent: boolean;
  /** One address per line (commas also separate). */
  emails: string;
};

export const THRESHOLDS = [
  { key: 'notifyAt50Percent', percent: 50 },
  { key: 'notifyAt80Percent', percent: 80 },
  { key: 'notifyAt90Percent', percent: 90 },
  { key: 'notifyAt100Percent', percent: 100 },
] as const;

export function toValues(s: BillingSettings): SettingsValues {
  return {
    enableSpendingLimit: s.enableSpendingLimit,
    limit: centsToInput(s.monthlySpendingLimitCents),
    hardStopOnLimit: s.hardStopOnLimit,
    notifyAt50Percent: s.notifyAt50Percent,
    notifyAt80Percent: s.notifyAt80Percent,
    notifyAt90Percent: s.notifyAt90Percent,
    notifyAt100Percent: s.notifyAt100Percent,
    emails: s.notificationEmails.join('\n'),
  };
}

/** The addresses of the emails field: trimmed, without blanks and repeats (case-blind). */
export function emailList(text: string): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const part of text.split(/[\s,;]+/)) {
    const email = part.trim();
    if (!email || seen.has(email.toLowerCase())) continue;
    seen.add(email.toLowerCase());
    out.push(email);
  }
  return out;
}

/** Messages by field (`limit`, `emails`); empty when the values can be sent. */
export function validateSettings(values: SettingsValues): Record<string, string> {
  const errors: Record<string, string> = {};
  const typed = values.limit.trim();
  if (values.enableSpendingLimit && typed === '') errors.limit = 'Enter a monthly limit to turn the spending limit on';
  else if (typed !== '') {
    const parsed = parseCents(typed);
    if ('error' in parsed) errors.limit = parsed.error;
    else if (parsed.cents === 0 && values.enableSpendingLimit) errors.limit = 'A spending limit must be more than zero';
  }
  const emails = emailList(values.emails);
  if (emails.length > MAX_EMAILS) errors.emails = `At most ${MAX_EMAILS} addresses`;
  else {
    const bad = emails.find((e) => v.email(e) !== null);
    if (bad) errors.emails = `${bad.length > 60 ? `${bad.slice(0, 60)}…` : bad} is not an email address`;
  }
  return errors;
}

/**
 * The fields that differ from `original`. The limit is sent only when it is on or was
 * changed; a limit cleared while off is left as the server has it.
 */
export function toInput(values: SettingsValues, original: BillingSettings): UpdateBillingSettingsInput {
  const input: UpdateBillingSettingsInput = {};
  if (values.enableSpendingLimit !== original.enableSpendingLimit) input.enableSpendingLimit = values.enableSpendingLimit;
  const parsed = values.limit.trim() === '' ? null : parseCents(values.limit);
  if (parsed && 'cents' in parsed && parsed.cents !== original.monthlySpendingLimitCents) input.monthlySpendingLimitCents = parsed.cents;
  if (values.hardStopOnLimit !== original.hardStopOnLimit) input.hardStopOnLimit = values.hardStopOnLimit;
  for (const { key } of THRESHOLDS) {
    if (values[key] !== original[key]) input[key] = values[key];
  }
  const emails = emailList(values.emails);
  const same = emails.length === original.notificationEmails.length && emails.every((e, i) => e === original.notificationEmails[i]);
  if (!same) input.notificationEmails = emails;
  return input;
}

/** Whether there is anything to save. */
export function isEmptyInput(input: UpdateBillingSettingsInput): boolean {
  return Object.keys(input).length === 0;
}
