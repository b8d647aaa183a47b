// The usage and quota sections rendered from data alone (server-side rendering: no browser, no API).
import { MantineProvider } from '@mantine/core';
import { createElement, type ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { Usage } from './usageOperations';
import { QuotasView } from './Quotas';
import { UsageView } from './UsageMeters';

const render = (element: ReactElement) => renderToStaticMarkup(createElement(MantineProvider, null, element));
const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

const usage: Usage = {
  periodStart: '2026-05-01T00:00:00Z',
  periodEnd: '2026-06-01T00:00:00Z',
  overageCents: 1250,
  spendingLimitCents: 5000,
  hardStopped: false,
  hardStopReason: null,
  meters: [
    { meter: 'PLAYWRIGHT_MINUTES', used: 75, included: 60, unit: 'minutes', overageUnits: 15, overageCents: 1250 },
    { meter: 'MONITOR_CHECKS', used: 3400, included: null, unit: 'checks', overageUnits: 0, overageCents: 0 },
  ],
};

describe('usage section', () => {
  it('shows each meter, its overage, the period and the spending limit', () => {
    const out = text(render(createElement(UsageView, { usage, currency: 'USD' })));
    expect(out).toContain('Period 1 May – 31 May 2026');
    expect(out).toContain('Playwright minutes 75 of 60 minutes');
    expect(out).toContain('Over by 15 minutes: $12.50');
    expect(out).toContain('3,400 checks (not limited by the plan)');
    expect(out).toContain('Overage this period: $12.50');
    expect(out).toContain('Spending limit: $50.00 (25% used)');
    expect(out).not.toContain('Paid usage is stopped');
  });

  it('gives a bar only to meters with an included amount, labelled for screen readers', () => {
    const html = render(createElement(UsageView, { usage, currency: 'USD' }));
    expect(html).toContain('aria-label="Playwright minutes: 100% of the included amount"');
    expect(html).not.toContain('Monitor checks: ');
  });

  it('warns when the hard stop refuses paid usage, with the day it lifts', () => {
    const out = text(render(createElement(UsageView, { usage: { ...usage, hardStopped: true }, currency: 'USD' })));
    expect(out).toContain('Paid usage is stopped');
    expect(out).toContain('June 1, 2026');
    expect(out).toContain('The spending limit is reached');
  });

  it('gives the reason the server gives for the hard stop', () => {
    const reason = 'The free plan includes 60 Playwright minutes a period; all are used.';
    const out = text(render(createElement(UsageView, { usage: { ...usage, hardStopped: true, hardStopReason: reason }, currency: 'USD' })));
    expect(out).toContain(reason);
    expect(out).not.toContain('The spending limit is reached');
  });

  it('leaves out the spending line without a limit, and shows text from the server as text', () => {
    const odd = { ...usage, spendingLimitCents: null, meters: [{ ...usage.meters[0], meter: '<img src=x onerror=alert(1)>' as never, unit: '<b>u</b>' }] };
    const html = render(createElement(UsageView, { usage: odd, currency: 'USD' }));
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<b>u</b>');
    expect(text(html)).not.toContain('Spending limit');
  });
});

describe('quotas section', () => {
  it('shows use of each limit, full ones as reached, unlimited ones without a bar', () => {
    const html = render(
      createElement(QuotasView, {
        quotas: [
          { limit: 'MONITORS', used: 10, max: 10 },
          { limit: 'PROJECTS', used: 1, max: 3 },
          { limit: 'MEMBERS', used: 12, max: null },
        ],
      }),
    );
    const out = text(html);
    expect(out).toContain('Monitors 10 of 10 Limit reached: upgrade to add more.');
    expect(out).toContain('Projects 1 of 3');
    expect(out).toContain('Members 12 (unlimited)');
    expect(html).toContain('aria-label="Projects: 33% of the plan&#x27;s limit"');
    expect(html).not.toContain('Members: ');
  });
});
