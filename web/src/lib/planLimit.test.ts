import { describe, expect, it } from 'vitest';
import { billingLinkFor } from '../components/PlanLimit';
import { billingPath, countOf, limitsApply, planLimitOf, planLimitText, quotaLabel, quotaPercent, quotaReached, quotaReason, type Quota } from './planLimit';

const gqlError = (message: string, extensions: Record<string, unknown>) => ({ graphQLErrors: [{ message, extensions }] }) as never;

describe('plan limits', () => {
  it('apply on every tier but unlimited, whatever the server bills', () => {
    expect(limitsApply({ plan: { limits: { tier: 'UNLIMITED' } } })).toBe(false);
    expect(limitsApply({ plan: { limits: { tier: 'FREE' } } })).toBe(true);
    expect(limitsApply({ plan: { limits: { tier: 'PRO' } } })).toBe(true);
  });
});

describe('quotas', () => {
  const quotas: Quota[] = [
    { limit: 'MONITORS', used: 10, max: 10 },
    { limit: 'PROJECTS', used: 1, max: 3 },
    { limit: 'STATUS_PAGES', used: 2, max: 1 },
    { limit: 'MEMBERS', used: 400, max: null },
    { limit: 'CALLBACKS', used: 1, max: 1 },
  ];

  it('says why a button is off once the use reaches the limit', () => {
    expect(quotaReason(quotas, 'MONITORS')).toBe('Your plan allows 10 monitors');
    expect(quotaReason(quotas, 'STATUS_PAGES')).toBe('Your plan allows 1 status page');
    expect(quotaReason(quotas, 'CALLBACKS')).toBe('Your plan allows 1 callback');
    expect(quotaReason(quotas, 'PROJECTS')).toBeNull();
    expect(quotaReason(quotas, 'MEMBERS')).toBeNull();
  });

  it('leaves buttons on while the quotas are unknown', () => {
    expect(quotaReason(undefined, 'MONITORS')).toBeNull();
    expect(quotaReason([], 'MONITORS')).toBeNull();
  });

  it('reads use as a share of the limit, capped, and unlimited as none', () => {
    expect(quotaPercent({ limit: 'PROJECTS', used: 1, max: 4 })).toBe(25);
    expect(quotaPercent({ limit: 'PROJECTS', used: 9, max: 4 })).toBe(100);
    expect(quotaPercent({ limit: 'PROJECTS', used: 0, max: 0 })).toBe(0);
    expect(quotaPercent({ limit: 'PROJECTS', used: 1, max: 0 })).toBe(100);
    expect(quotaPercent({ limit: 'MEMBERS', used: 5, max: null })).toBeNull();
    expect(quotaReached({ limit: 'MEMBERS', used: 5, max: null })).toBe(false);
    expect(quotaReached(undefined)).toBe(false);
  });

  it('names limits for people', () => {
    expect(quotaLabel('STATUS_PAGES')).toBe('Status pages');
    expect(countOf('MONITORS', 1000)).toBe('1,000 monitors');
  });
});

describe('PLAN_LIMIT refusals', () => {
  it('reads the extensions of the first refusal', () => {
    const error = gqlError('Your free plan allows 10 monitors: upgrade to add more', { code: 'PLAN_LIMIT', limit: 'MONITORS', current: 10, max: 10, plan: 'free' });
    expect(planLimitOf(error)).toEqual({ message: 'Your free plan allows 10 monitors: upgrade to add more', limit: 'MONITORS', current: 10, max: 10, plan: 'free' });
  });

  it('ignores other errors and missing or mistyped extensions', () => {
    expect(planLimitOf(gqlError('nope', { code: 'FORBIDDEN' }))).toBeNull();
    expect(planLimitOf(null)).toBeNull();
    expect(planLimitOf(gqlError('x', { code: 'PLAN_LIMIT', current: '10', max: Number.NaN, limit: 7, plan: '' }))).toEqual({ message: 'x', limit: null, current: null, max: null, plan: null });
  });

  it('shows the server message, or says what it can without one', () => {
    expect(planLimitText({ message: 'Spending limit reached; resets on 1 June', limit: 'SPENDING_LIMIT', current: 5000, max: 5000, plan: 'pro' })).toBe('Spending limit reached; resets on 1 June');
    expect(planLimitText({ message: ' ', limit: 'STATUS_PAGES', current: 1, max: 1, plan: 'free' })).toBe('You have reached the status pages limit of the free plan (1 of 1).');
    expect(planLimitText({ message: '', limit: null, current: null, max: null, plan: null })).toBe('You have reached a limit.');
  });

  it('links to the billing page of the organization the page is in', () => {
    expect(billingPath('o1')).toBe('/organizations/o1/billing');
    expect(billingLinkFor('/organizations/o1/projects')).toBe('/organizations/o1/billing');
    expect(billingLinkFor('/projects/p1/monitors/new')).toBe('/billing?project=p1');
    expect(billingLinkFor('/settings/profile')).toBe('/billing');
  });
});
