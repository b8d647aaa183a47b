import { describe, expect, it } from 'vitest';
import { checkoutNotice, isRunning, isSafeRedirect, limitLines, limitValue, planChoice, portalProvider, subscriptionSummary, type PlanFacts, type SubscriptionFacts } from './plans';

const plan = (id: string, price: number, ids: Partial<PlanFacts> = {}): PlanFacts => ({ id, name: id, price, stripePriceId: null, polarProductId: null, ...ids });
const free = plan('free', 0);
const plus = plan('plus', 29, { stripePriceId: 'price_plus' });
const pro = plan('pro', 99, { polarProductId: '3f1c2a4e-7f55-4b8b-9d7e-4b1e5b2b9a10' });
const both = plan('team', 49, { stripePriceId: 'price_team', polarProductId: '3f1c2a4e-7f55-4b8b-9d7e-4b1e5b2b9a11' });
const sub = (status: SubscriptionFacts['status'], more: Partial<SubscriptionFacts> = {}): SubscriptionFacts => ({
  status,
  provider: 'STRIPE',
  currentPeriodEnd: '2026-06-01T00:00:00Z',
  cancelAtPeriodEnd: false,
  pastDueSince: null,
  graceEndsAt: null,
  ...more,
});

describe('plan choices', () => {
  it('offers a checkout through the provider that sells the plan', () => {
    expect(planChoice(plus, free, null)).toEqual({ kind: 'checkout', provider: 'STRIPE', label: 'Upgrade to plus' });
    expect(planChoice(pro, free, null)).toEqual({ kind: 'checkout', provider: 'POLAR', label: 'Upgrade to pro' });
    expect(planChoice(both, free, null)).toMatchObject({ provider: 'STRIPE' });
    expect(planChoice(plus, pro, null)).toMatchObject({ label: 'Downgrade to plus' });
    expect(planChoice(plan('plus2', 29, { stripePriceId: 'p' }), plus, null)).toMatchObject({ label: 'Switch to plus2' });
  });

  it('marks the current plan and leaves plans no provider sells', () => {
    expect(planChoice(free, free, null)).toEqual({ kind: 'current' });
    expect(planChoice(free, plus, null)).toEqual({ kind: 'unavailable' });
  });

  it('sends a running subscription to its portal: a second checkout would bill twice', () => {
    expect(planChoice(pro, plus, sub('ACTIVE'))).toEqual({ kind: 'portal', provider: 'STRIPE' });
    expect(planChoice(free, plus, sub('PAST_DUE', { provider: 'POLAR' }))).toEqual({ kind: 'portal', provider: 'POLAR' });
    expect(planChoice(pro, free, sub('CANCELLED'))).toMatchObject({ kind: 'checkout' });
    expect(planChoice(pro, free, sub('INACTIVE'))).toMatchObject({ kind: 'checkout' });
    expect(isRunning(null)).toBe(false);
  });

  it('opens the portal of the provider that bills', () => {
    expect(portalProvider(null)).toBeNull();
    expect(portalProvider(sub('CANCELLED', { provider: 'POLAR' }))).toBe('POLAR');
  });
});

describe('subscription summary', () => {
  it('says when an active subscription renews or ends', () => {
    expect(subscriptionSummary(sub('ACTIVE'))).toMatchObject({ label: 'Active', detail: 'Renews on June 1, 2026.' });
    expect(subscriptionSummary(sub('ACTIVE', { cancelAtPeriodEnd: true }))).toMatchObject({ label: 'Cancels at period end', color: 'orange' });
    expect(subscriptionSummary(sub('ACTIVE', { cancelAtPeriodEnd: true })).detail).toContain('June 1, 2026');
  });

  it('gives a past-due subscription the end of its grace period', () => {
    const s = subscriptionSummary(sub('PAST_DUE', { pastDueSince: '2026-05-10T12:00:00Z', graceEndsAt: '2026-05-17T12:00:00Z' }));
    expect(s).toMatchObject({ label: 'Past due', color: 'red' });
    expect(s.detail).toContain('May 10, 2026');
    expect(s.detail).toContain('May 17, 2026');
    expect(s.detail).not.toContain('about');
    expect(subscriptionSummary(sub('PAST_DUE')).detail).toBe('A payment failed. The plan is kept for a grace period: update the payment method in the billing portal.');
  });

  it('names the other states', () => {
    expect(subscriptionSummary(sub('INACTIVE')).label).toBe('Awaiting payment');
    expect(subscriptionSummary(sub('CANCELLED')).label).toBe('Cancelled');
  });
});

describe('the page around checkouts', () => {
  it('tells how a checkout ended, from the return address', () => {
    expect(checkoutNotice('?checkout=success')?.color).toBe('teal');
    expect(checkoutNotice('?checkout=cancelled')?.text).toContain('nothing was charged');
    expect(checkoutNotice('?checkout=<script>')).toBeNull();
    expect(checkoutNotice('')).toBeNull();
  });

  it('opens only web addresses a provider would answer', () => {
    expect(isSafeRedirect('https://checkout.stripe.com/c/pay/cs_test_1')).toBe(true);
    expect(isSafeRedirect('http://127.0.0.1:4000/portal')).toBe(true);
    expect(isSafeRedirect('javascript:alert(1)')).toBe(false);
    expect(isSafeRedirect('data:text/html,hi')).toBe(false);
    expect(isSafeRedirect('http://evil.example/')).toBe(false);
    expect(isSafeRedirect('/relative')).toBe(false);
  });

  it('lists limits, a million and up as unlimited', () => {
    expect(limitValue(10)).toBe('10');
    expect(limitValue(1_000_000)).toBe('Unlimited');
    const lines = limitLines({
      maxMonitors: 10,
      minCheckIntervalMinutes: 5,
      playwrightMinutesIncluded: 60,
      k6VuMinutesIncluded: 100,
      aiCreditsIncluded: 0,
      runningCapacity: 1,
      maxTeamMembers: 3,
      maxProjects: 2,
      maxStatusPages: 1,
      customDomains: false,
      ssoEnabled: true,
      dataRetentionDays: 7,
    });
    expect(lines[0]).toEqual({ label: 'Monitors', value: '10' });
    expect(lines.find((l) => l.label === 'Shortest check interval')?.value).toBe('5 minutes');
    expect(lines.find((l) => l.label === 'Single sign-on')?.value).toBe('Yes');
  });
});
