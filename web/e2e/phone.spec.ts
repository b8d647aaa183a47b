import type { Page } from '@playwright/test';
import { expect, gql, organizationId, seriousViolations, signUpWithOrganization, test } from './fixtures';
import { Target } from './target';

const VIEWPORTS = [
  { name: 'phone', width: 390, height: 844 },
  { name: 'desktop', width: 1280, height: 900 },
];

/** What a page must hold at any width: no sideways scroll, whole badges, nothing axe calls serious. */
async function checkLayout(page: Page, what: string) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  // What sticks out, to say which element is at fault: the outermost elements past the edge.
  const wide = overflow <= 0 ? [] : await page.evaluate(() =>
    Array.from(document.querySelectorAll('body, body *'))
      .filter((e) => e.getBoundingClientRect().right > window.innerWidth || e.scrollWidth > e.clientWidth + 1)
      .filter((e) => {
        // Inside a box that clips or scrolls, it widens nothing.
        for (let a = e.parentElement; a && a !== document.body; a = a.parentElement) if (getComputedStyle(a).overflowX !== 'visible') return false;
        return true;
      })
      .slice(0, 8)
      .map((e) => `${e.tagName.toLowerCase()}.${String(e.className).split(' ').slice(0, 3).join('.')} right ${Math.round(e.getBoundingClientRect().right)} scroll ${e.scrollWidth}/${e.clientWidth}`),
  );
  expect(overflow, `${what}: the page scrolls sideways by ${overflow}px: ${wide.join(', ')}`).toBeLessThanOrEqual(0);
  const cut = await page.evaluate(() =>
    Array.from(document.querySelectorAll('.mantine-Badge-root'))
      .filter((b) => b.scrollWidth > b.clientWidth + 1)
      .map((b) => b.textContent),
  );
  expect(cut, `${what}: badges cut short`).toEqual([]);
  const header = await page.evaluate(() => {
    const h = document.querySelector('.mantine-AppShell-header');
    return h ? `${h.scrollWidth}x${h.scrollHeight} in ${h.clientWidth}x${h.clientHeight}` : 'no header';
  });
  const [content, box] = header.split(' in ');
  const [cw, ch] = (content ?? '').split('x').map(Number);
  const [bw, bh] = (box ?? '').split('x').map(Number);
  expect(cw <= bw + 1 && ch <= bh + 1, `${what}: the header keeps to one line (${header})`).toBe(true);
  expect(await seriousViolations(page), what).toEqual([]);
}

test('every main page of a project with data fits a phone and a desktop, badges whole, axe clean', async ({ page, consoleErrors }) => {
  test.setTimeout(600_000);
  const target = await Target.start();
  try {
    const { projectUrl } = await signUpWithOrganization(page, 'Pocket Co');
    const projectId = new URL(projectUrl).pathname.split('/')[2];
    const orgId = await organizationId(page);

    // Data: a monitor that fails (long results table, a DOWN badge), a callback with triggers,
    // a test, a job with a run, a status page.
    target.status = 500;
    const monitor = await gql<{ createMonitor: { id: string } }>(page, `mutation($i: CreateMonitorInput!) { createMonitor(input: $i) { id } }`, {
      i: { projectId, name: 'Storefront with a rather long monitor name for narrow screens', type: 'HTTP', target: `${target.url}/a/very/long/path/that/does/not/fit/on/a/phone?with=query&and=more`, frequencyMinutes: 1 },
    });
    const monitorId = monitor.createMonitor.id;
    await expect
      .poll(async () => (await gql<{ monitor: { status: string } }>(page, `query($id: ID!) { monitor(id: $id) { status } }`, { id: monitorId })).monitor.status, { timeout: 45_000 })
      .toBe('DOWN');
    const callback = await gql<{ createCallback: { id: string; triggerUrl: string } }>(page, `mutation($i: CreateCallbackInput!) { createCallback(input: $i) { id triggerUrl } }`, {
      i: { projectId, name: 'Order webhook', callbackUrl: `${target.url}/hook` },
    });
    const trigger = new URL(callback.createCallback.triggerUrl).pathname;
    for (let i = 0; i < 3; i++) await page.request.post(trigger, { data: { order: i } });
    const test = await gql<{ createTest: { id: string } }>(page, `mutation($i: CreateTestInput!) { createTest(input: $i) { id } }`, {
      i: { projectId, title: 'Checkout journey', type: 'PERFORMANCE', script: "import http from 'k6/http';\nexport default function () { http.get('http://127.0.0.1:9/'); }\n" },
    });
    const job = await gql<{ createJob: { id: string } }>(page, `mutation($i: CreateJobInput!) { createJob(input: $i) { id } }`, {
      i: { projectId, name: 'Nightly checkout', jobType: 'K6', testIds: [test.createTest.id] },
    });
    const run = await gql<{ triggerJob: { id: string } }>(page, `mutation($id: ID!) { triggerJob(id: $id) { id } }`, { id: job.createJob.id });
    await gql(page, `mutation($i: CreateStatusPageInput!) { createStatusPage(input: $i) { id } }`, { i: { projectId, name: 'Pocket status', subdomain: `pocket-${Date.now()}` } });

    const paths = [
      `${projectUrl}/callbacks/${callback.createCallback.id}`,
      `${projectUrl}/monitors/${monitorId}`,
      `${projectUrl}/overview`,
      `${projectUrl}/monitors`,
      `${projectUrl}/monitors/new`,
      `${projectUrl}/status-pages`,
      `${projectUrl}/callbacks`,
      `${projectUrl}/tests`,
      `${projectUrl}/tests/${test.createTest.id}`,
      `${projectUrl}/jobs`,
      `${projectUrl}/jobs/${job.createJob.id}`,
      `${projectUrl}/runs`,
      `${projectUrl}/runs/${run.triggerJob.id}`,
      `${projectUrl}/settings/members`,
      `${projectUrl}/settings/variables`,
      `${projectUrl}/settings/notifications`,
      `/organizations/${orgId}/projects`,
      `/organizations/${orgId}/members`,
      `/organizations/${orgId}/audit-log`,
      `/organizations/${orgId}/notifications`,
      '/settings/profile',
      '/settings/api-keys',
    ];
    for (const viewport of VIEWPORTS) {
      await page.setViewportSize({ width: viewport.width, height: viewport.height });
      for (const path of paths) {
        await page.goto(path);
        await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
        await expect(page.getByText('Loading…')).toHaveCount(0);
        await checkLayout(page, `${viewport.name} ${new URL(path, 'http://x').pathname}`);
      }
    }
    // The whole status word, at both widths, in the monitor's "Recent results".
    await page.goto(`${projectUrl}/monitors/${monitorId}`);
    await expect(page.getByTestId('results-table').locator('[data-status="DOWN"]').first()).toHaveText('down');

    expect(consoleErrors.filter((e) => !/Failed to load resource/.test(e))).toEqual([]);
  } finally {
    await target.close();
  }
});
