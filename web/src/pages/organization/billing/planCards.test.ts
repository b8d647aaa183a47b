// The plan sections rendered from data alone (server-side rendering: no browser, no API).
import { MantineProvider } from '@mantine/core';
import { Client, Provider } from 'urql';
import { createElement, type ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { BillingPlanFragment } from '../../../gql/graphql';
import { CurrentPlan, PlanChooser, type BillingSubscriptionFacts } from './PlanCards';

const client = new Client({ url: 'http://127.0.0.1/graphql', exchanges: [] });
const render = (element: ReactElement) => renderToStaticMarkup(createElement(Provider, { value: client }, createElement(MantineProvider, null, element)));
const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

const limits = {
  tier: 'FREE' as const,
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
  ssoEnabled: false,
  dataRetentionDays: 7,
};
const plan = (name: string, price: number, more: Partial<BillingPlanFragment> = {}): BillingPlanFragment => ({
  id: name,
  name,
  description: null,
  price,
  currency: 'USD',
  interval: 'MONTH',
  features: [],
  isActive: true,
  stripePriceId: null,
  polarProductId: null,
  maxTriggers: 1000,
  limits,
  ...more,
});
const free = plan('free', 0);
const plus = plan('plus', 29, { stripePriceId: 'price_plus', features: ['50 monitors', '<img src=x onerror=alert(1)>'] });
const pro = plan('pro', 99, { polarProductId: '3f1c2a4e-7f55-4b8b-9d7e-4b1e5b2b9a10' });
const pastDue: BillingSubscriptionFacts = {
  status: 'PAST_DUE',
  provider: 'STRIPE',
  currentPeriodStart: '2026-05-01T00:00:00Z',
  currentPeriodEnd: '2026-06-01T00:00:00Z',
  cancelAtPeriodEnd: false,
  pastDueSince: '2026-05-10T12:00:00Z',
  graceEndsAt: '2026-05-24T12:00:00Z',
};

describe('current plan', () => {
  it('shows the plan, its limits and a past-due subscription with the portal for owners', () => {
    const out = text(render(createElement(CurrentPlan, { organizationId: 'o1', plan: plus, subscription: pastDue, canManage: true })));
    expect(out).toContain('Current plan: plus');
    expect(out).toContain('$29 / month');
    expect(out).toContain('Past due');
    // The server's grace period (14 days here), not a guess.
    expect(out).toContain('until May 24, 2026');
    expect(out).toContain('Manage billing');
    expect(out).toContain('Invoices');
    expect(out).toContain('Monitors 10');
  });

  it('gives members no portal, and a free organization none either', () => {
    expect(text(render(createElement(CurrentPlan, { organizationId: 'o1', plan: plus, subscription: pastDue, canManage: false })))).not.toContain('Manage billing');
    const out = text(render(createElement(CurrentPlan, { organizationId: 'o1', plan: free, subscription: null, canManage: true })));
    expect(out).toContain('Free');
    expect(out).not.toContain('Manage billing');
  });
});

describe('plan chooser', () => {
  it('offers owners a checkout per plan, through the provider that sells it', () => {
    const html = render(createElement(PlanChooser, { organizationId: 'o1', plans: [free, plus, pro], current: free, subscription: null, canManage: true }));
    const out = text(html);
    expect(out).toContain('Upgrade to plus');
    expect(out).toContain('Upgrade to pro');
    expect(out).toContain('Current');
    expect(html).not.toContain('<img');
    expect(out).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });

  it('sends a running subscription to the portal, and shows members the plans without buttons', () => {
    const running = text(render(createElement(PlanChooser, { organizationId: 'o1', plans: [free, plus, pro], current: plus, subscription: pastDue, canManage: true })));
    expect(running).toContain('Change in the billing portal');
    expect(running).not.toContain('Upgrade to');
    const member = text(render(createElement(PlanChooser, { organizationId: 'o1', plans: [free, plus, pro], current: free, subscription: null, canManage: false })));
    expect(member).toContain("Only the organization&#x27;s owners and admins change its plan.");
    expect(member).not.toContain('Upgrade to');
    expect(member).toContain('$99 / month');
  });
});
