// What the billing page says about a subscription and offers for each plan (pure, unit-tested).

export type SubscriptionStatus = 'ACTIVE' | 'INACTIVE' | 'CANCELLED' | 'PAST_DUE';
export type BillingProvider = 'STRIPE' | 'POLAR';

export interface SubscriptionFacts {
  status: SubscriptionStatus;
  provider: BillingProvider;
  currentPeriodEnd: string | null;
  cancelAtPeriodEnd: boolean;
  pastDueSince: string | null;
  /** When the grace period of a failed payment ends (the server's setting applied). */
  graceEndsAt: string | null;
}

export interface PlanFacts {
  id: string;
  name: string;
  price: number;
  stripePriceId: string | null;
  polarProductId: string | null;
}

const day = (iso: string | Date) => new Date(iso).toLocaleDateString('en', { year: 'numeric', month: 'long', day: 'numeric' });

export interface StatusSummary {
  label: string;
  color: 'teal' | 'orange' | 'red' | 'gray';
  detail: string;
}

/** A subscription's state in a badge and one sentence. */
export function subscriptionSummary(s: SubscriptionFacts): StatusSummary {
  switch (s.status) {
    case 'ACTIVE':
      if (s.cancelAtPeriodEnd) {
        return { label: 'Cancels at period end', color: 'orange', detail: s.currentPeriodEnd ? `The plan ends on ${day(s.currentPeriodEnd)}; the organization then moves to the free plan.` : 'The plan ends with the current period.' };
      }
      return { label: 'Active', color: 'teal', detail: s.currentPeriodEnd ? `Renews on ${day(s.currentPeriodEnd)}.` : 'Renews automatically.' };
    case 'PAST_DUE': {
      const since = s.pastDueSince ? `A payment failed on ${day(s.pastDueSince)}. ` : 'A payment failed. ';
      const until = s.graceEndsAt ? `, until ${day(s.graceEndsAt)}` : '';
      return {
        label: 'Past due',
        color: 'red',
        detail: `${since}The plan is kept for a grace period${until}: update the payment method in the billing portal.`,
      };
    }
    case 'INACTIVE':
      return { label: 'Awaiting payment', color: 'gray', detail: 'The first payment has not gone through yet.' };
    case 'CANCELLED':
      return { label: 'Cancelled', color: 'gray', detail: 'The subscription has ended.' };
  }
}

/** Whether a subscription bills now: a second checkout would bill twice, so changes go through the portal. */
export function isRunning(s: SubscriptionFacts | null): boolean {
  return !!s && (s.status === 'ACTIVE' || s.status === 'PAST_DUE');
}

/** What the page offers for one plan. */
export type PlanChoice =
  | { kind: 'current' }
  | { kind: 'checkout'; provider: BillingProvider; label: string }
  | { kind: 'portal'; provider: BillingProvider }
  | { kind: 'unavailable' };

/**
 * The action for `plan`: nothing for the current one; the provider's portal while a
 * subscription runs (plan changes and cancellation happen there); else a checkout through
 * Stripe when the plan has a Stripe price, Polar when it has a Polar product; nothing for a
 * plan sold by neither (the free plan is where a cancelled subscription ends).
 */
export function planChoice(plan: PlanFacts, current: PlanFacts, subscription: SubscriptionFacts | null): PlanChoice {
  if (plan.id === current.id) return { kind: 'current' };
  if (isRunning(subscription)) return { kind: 'portal', provider: subscription!.provider };
  const provider: BillingProvider | null = plan.stripePriceId ? 'STRIPE' : plan.polarProductId ? 'POLAR' : null;
  if (!provider) return { kind: 'unavailable' };
  const label = plan.price > current.price ? 'Upgrade' : plan.price < current.price ? 'Downgrade' : 'Switch';
  return { kind: 'checkout', provider, label: `${label} to ${plan.name}` };
}

/** Where "Manage billing" and the invoices go: the portal of the provider that bills the organization. */
export function portalProvider(subscription: SubscriptionFacts | null): BillingProvider | null {
  return subscription?.provider ?? null;
}

/** The notice after a checkout returns (`?checkout=success|cancelled`), or null. */
export function checkoutNotice(search: string): { color: 'teal' | 'gray'; text: string } | null {
  const outcome = new URLSearchParams(search).get('checkout');
  if (outcome === 'success') return { color: 'teal', text: 'Thank you: the payment went through. The new plan applies as soon as the provider confirms it (usually within a minute).' };
  if (outcome === 'cancelled') return { color: 'gray', text: 'The checkout was cancelled; nothing was charged.' };
  return null;
}

/** Only provider pages are opened from a checkout or portal answer. */
export function isSafeRedirect(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || (parsed.protocol === 'http:' && (parsed.hostname === '127.0.0.1' || parsed.hostname === 'localhost'));
  } catch {
    return false;
  }
}

/** The limits of a plan as the API gives them (`PlanLimits`). */
export interface LimitFacts {
  maxMonitors: number;
  minCheckIntervalMinutes: number;
  playwrightMinutesIncluded: number;
  k6VuMinutesIncluded: number;
  aiCreditsIncluded: number;
  runningCapacity: number;
  maxTeamMembers: number;
  maxProjects: number;
  maxStatusPages: number;
  customDomains: boolean;
  ssoEnabled: boolean;
  dataRetentionDays: number;
}

/** The seeded `unlimited` tier stores a million for "no limit". */
export const UNLIMITED_FROM = 1_000_000;

/** A count limit: "Unlimited" from a million up. */
export function limitValue(n: number): string {
  return n >= UNLIMITED_FROM ? 'Unlimited' : n.toLocaleString('en');
}

/** The lines a plan card and the current plan list, in the order people compare them. */
export function limitLines(l: LimitFacts): { label: string; value: string }[] {
  const minutes = (n: number) => (n === 1 ? '1 minute' : `${n} minutes`);
  return [
    { label: 'Monitors', value: limitValue(l.maxMonitors) },
    { label: 'Shortest check interval', value: minutes(l.minCheckIntervalMinutes) },
    { label: 'Projects', value: limitValue(l.maxProjects) },
    { label: 'Members', value: limitValue(l.maxTeamMembers) },
    { label: 'Status pages', value: limitValue(l.maxStatusPages) },
    { label: 'Playwright minutes / period', value: limitValue(l.playwrightMinutesIncluded) },
    { label: 'k6 VU minutes / period', value: limitValue(l.k6VuMinutesIncluded) },
    { label: 'AI credits / period', value: limitValue(l.aiCreditsIncluded) },
    { label: 'Runs at once', value: limitValue(l.runningCapacity) },
    { label: 'Data kept', value: `${l.dataRetentionDays.toLocaleString('en')} days` },
    { label: 'Custom domains', value: l.customDomains ? 'Yes' : 'No' },
    { label: 'Single sign-on', value: l.ssoEnabled ? 'Yes' : 'No' },
  ];
}
