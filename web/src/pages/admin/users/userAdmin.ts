// Pure helpers of the users page (system administration).
import type { BanUserInput } from '../../../gql/graphql';

/** The ban to send: the reason trimmed, `until` (a date input) as the start of that day. */
export function banInput(userId: string, values: { reason: string; until: string }): BanUserInput {
  const input: BanUserInput = { userId, reason: values.reason.trim() || undefined };
  if (/^\d{4}-\d{2}-\d{2}$/.test(values.until)) {
    const [y, m, d] = values.until.split('-').map(Number);
    input.expiresAt = new Date(y, m - 1, d).toISOString();
  }
  return input;
}

/** "Spam · until 12/31/2026" for a banned user. */
export function banStatus(user: { banReason?: string | null; banExpires?: string | null }): string {
  const until = user.banExpires ? `until ${new Date(user.banExpires).toLocaleDateString()}` : 'for good';
  return user.banReason ? `${user.banReason} · ${until}` : until;
}
