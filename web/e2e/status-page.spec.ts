// The public status page in Chromium: a page made through the API (components backed by
// heartbeat monitors whose pings give the uptime bars real figures), read without JavaScript,
// and checked by axe on a desktop and on a phone.
import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from '@playwright/test';
import { expect, newEmail, test } from './fixtures';

async function gql(url: string, token: string | null, query: string, variables: Record<string, unknown> = {}) {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = await response.json();
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data;
}

/** A published page with three components, two of them behind pinged heartbeat monitors. */
async function seed(url: string): Promise<string> {
  const signedUp = await gql(url, null, 'mutation($i: SignUpInput!) { signUp(input: $i) { token } }', {
    i: { email: newEmail('status'), password: 'correct horse battery', name: 'Status Owner' },
  });
  const token: string = signedUp.signUp.token;
  const org = await gql(url, token, 'mutation { createOrganization(input: { name: "Acme" }) { projects { id } } }');
  const projectId: string = org.createOrganization.projects[0].id;
  const monitor = async (name: string) => {
    const made = await gql(url, token, 'mutation($i: CreateMonitorInput!) { createMonitor(input: $i) { id heartbeatUrl } }', {
      i: { projectId, name, type: 'HEARTBEAT', frequencyMinutes: 5, heartbeat: { gracePeriodMinutes: 5 } },
    });
    return made.createMonitor as { id: string; heartbeatUrl: string };
  };
  const api = await monitor('internal-api-check');
  const web = await monitor('internal-web-check');
  // Today's figures: the API answered three pings of four, the website all of its own.
  for (const ping of [api.heartbeatUrl, api.heartbeatUrl, api.heartbeatUrl, `${api.heartbeatUrl}/fail`, web.heartbeatUrl]) {
    const answered = await fetch(ping.replace(/^https?:\/\/[^/]+/, url), { method: 'POST' });
    expect(answered.ok).toBe(true);
  }
  const subdomain = `acme-${Date.now()}`;
  const page = await gql(url, token, 'mutation($i: CreateStatusPageInput!) { createStatusPage(input: $i) { id } }', {
    i: { projectId, name: 'Acme Cloud', subdomain },
  });
  const statusPageId: string = page.createStatusPage.id;
  for (const [name, description, monitorIds] of [
    ['Public API', 'REST and GraphQL endpoints', [api.id]],
    ['Website', 'The marketing site and documentation', [web.id]],
    ['Email delivery', null, []],
  ] as const) {
    await gql(url, token, 'mutation($i: CreateStatusPageComponentInput!) { createStatusPageComponent(input: $i) { id } }', {
      i: { statusPageId, name, description, monitorIds },
    });
  }
  await gql(url, token, 'mutation($id: ID!) { publishStatusPage(id: $id) { published } }', { id: statusPageId });
  return subdomain;
}

/** Every axe violation (any impact) of the WCAG 2.1 A and AA rules and axe's best practices. */
async function violations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  return results.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join('; ')}`);
}

const VIEWPORTS = [
  { name: 'desktop', viewport: { width: 1280, height: 900 }, days: 90 },
  { name: 'phone', viewport: { width: 390, height: 844 }, days: 30 },
];

async function openPage(browser: Browser, viewport: { width: number; height: number }, javaScriptEnabled: boolean) {
  const context = await browser.newContext({ viewport, javaScriptEnabled });
  return { context, page: await context.newPage() };
}

test('a published status page reads without JavaScript and passes axe on a desktop and a phone', async ({ browser, vigil }) => {
  const subdomain = await seed(vigil.url);
  const url = `${vigil.url}/status/${subdomain}`;
  for (const { name, viewport, days } of VIEWPORTS) {
    // The page as a visitor without JavaScript reads it.
    const plain = await openPage(browser, viewport, false);
    const response = await plain.page.goto(url);
    expect(response?.status(), name).toBe(200);
    const page = plain.page;
    await expect(page.getByRole('heading', { level: 1, name: 'Acme Cloud' })).toBeVisible();
    await expect(page.getByRole('heading', { level: 2, name: 'All Systems Operational' })).toBeVisible();
    for (const component of ['Public API', 'Website', 'Email delivery']) {
      await expect(page.getByRole('heading', { level: 3, name: component })).toBeVisible();
    }
    await expect(page.getByText('internal-api-check')).toHaveCount(0);
    const bar = page.getByRole('list', { name: 'Public API: uptime over the last 90 days' });
    // A phone shows the last 30 days.
    await expect(bar.getByRole('listitem')).toHaveCount(days);
    const today = bar.getByRole('listitem').last();
    await expect(today).toContainText('75% uptime');
    // Keyboard focus shows the day's figures.
    await today.focus();
    const tip = await today.locator('.tip').boundingBox();
    expect(tip?.width ?? 0, `${name}: the day's tooltip opens on focus`).toBeGreaterThan(40);
    await plain.context.close();

    // axe on the front page, the history and the 404.
    const checked = await openPage(browser, viewport, true);
    for (const path of ['', '/history', '-no-such-page']) {
      await checked.page.goto(`${url}${path}`);
      const width = await checked.page.evaluate(() => document.documentElement.scrollWidth);
      expect(width, `${name} ${path || '/'}: no sideways scrolling`).toBeLessThanOrEqual(viewport.width);
      expect(await violations(checked.page), `${name} ${path || '/'}`).toEqual([]);
    }
    await checked.context.close();
  }
});
