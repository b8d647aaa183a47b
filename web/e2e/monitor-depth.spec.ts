// The monitor page in depth (live figures, down periods, alerts sent, the range in the URL),
// the monitor form's alert and location settings, and runs started again from a run page.
import type { Page } from '@playwright/test';
import { expect, gql, seriousViolations, signUpWithOrganization, test } from './fixtures';
import { Target } from './target';

const VIEWS = [
  { name: 'desktop', viewport: { width: 1280, height: 900 } },
  { name: 'phone', viewport: { width: 390, height: 844 } },
];

function projectIdOf(projectUrl: string): string {
  const id = /\/projects\/([^/]+)/.exec(projectUrl)?.[1];
  if (!id) throw new Error(`no project in ${projectUrl}`);
  return id;
}

/** No page scrolls sideways: what does not fit scrolls inside its own container. */
async function expectNoSidewaysScroll(page: Page, what: string) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, `${what} scrolls sideways`).toBeLessThanOrEqual(0);
}

async function expectAccessible(page: Page, what: string) {
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    expect(await seriousViolations(page), `${scheme} ${what}`).toEqual([]);
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

for (const view of VIEWS) {
  test.describe(`at ${view.viewport.width} px`, () => {
    test.use({ viewport: view.viewport });

    test('a monitor going down changes badge, uptime, chart, downtime and alerts without a reload; the range survives one', async ({ page, consoleErrors }) => {
      test.setTimeout(150_000);
      const target = await Target.start();
      const hook = await Target.start();
      try {
        const { projectUrl } = await signUpWithOrganization(page, `Depth ${view.name}`);
        const projectId = projectIdOf(projectUrl);
        const provider = await gql<{ createNotificationProvider: { id: string } }>(
          page,
          'mutation($i: CreateNotificationProviderInput!) { createNotificationProvider(input: $i) { id } }',
          { i: { projectId, name: 'Ops hook', type: 'WEBHOOK', config: { url: `${hook.url}/alerts` } } },
        );
        const created = await gql<{ createMonitor: { id: string } }>(page, 'mutation($i: CreateMonitorInput!) { createMonitor(input: $i) { id } }', {
          i: { projectId, name: 'Storefront', type: 'HTTP', target: `${target.url}/shop`, frequencyMinutes: 1, notificationProviderIds: [provider.createNotificationProvider.id] },
        });
        const monitorUrl = `${new URL(projectUrl).pathname}/monitors/${created.createMonitor.id}`;

        await page.goto(`${monitorUrl}?range=1h`);
        await expect(page.getByRole('heading', { name: 'Storefront' })).toBeVisible();
        await expect(page.getByTestId('monitor-detail-status')).toHaveAttribute('data-status', 'UP', { timeout: 45_000 });
        // The figures follow the first result, live.
        await expect(page.getByTestId('uptime-day')).toHaveText('100%', { timeout: 15_000 });
        await expect(page.getByTestId('response-chart')).toBeVisible({ timeout: 15_000 });
        await expect(page.getByTestId('downtimes-empty')).toBeVisible();
        await expect(page.getByTestId('alerts-empty')).toBeVisible();
        await page.evaluate(() => ((window as unknown as { marker: number }).marker = 7));

        // The target fails: the badge, the uptime card, the chart's shading, the downtime
        // and the alert sent all change on the open page.
        target.status = 500;
        await page.getByRole('button', { name: 'Check now' }).click();
        await expect(page.getByTestId('monitor-detail-status')).toHaveAttribute('data-status', 'DOWN', { timeout: 45_000 });
        await expect(page.getByTestId('uptime-day')).not.toHaveText('100%', { timeout: 15_000 });
        await expect(page.getByTestId('uptime-day')).not.toHaveText('—');
        await expect(page.getByTestId('response-chart')).not.toHaveAttribute('data-down-areas', '0', { timeout: 15_000 });
        const downtimes = page.getByTestId('downtimes-table');
        await expect(downtimes).toContainText('Unexpected status code', { timeout: 15_000 });
        await expect(downtimes).toContainText('so far');
        await expect(page.getByTestId('alert-row').first()).toContainText('Ops hook', { timeout: 15_000 });
        await expect(page.getByTestId('alert-status').first()).toHaveAttribute('data-status', 'SENT', { timeout: 20_000 });
        await expect(page.getByTestId('alert-row').first()).toContainText('Webhook');
        expect(await page.evaluate(() => (window as unknown as { marker: number }).marker)).toBe(7);
        await expect.poll(() => hook.requests.filter((r) => r.url === '/alerts').length).toBeGreaterThanOrEqual(1);
        expect(hook.requests[0].body).toContain('Storefront');

        // The failure is named in words; the raw text is one click away.
        const results = page.getByTestId('results-table');
        await expect(results.getByTestId('error-summary').first()).toHaveText('Unexpected status code');
        await results.getByRole('button', { name: 'Details' }).first().click();
        await expect(results).toContainText('500');

        await expectNoSidewaysScroll(page, 'the monitor page');
        await expectAccessible(page, 'the monitor page');

        // Another range, then a reload: the range is kept in the URL.
        await page.getByText('6 h', { exact: true }).click();
        await expect(page).toHaveURL(/[?&]range=6h/);
        await page.reload();
        await expect(page.getByRole('radio', { name: '6 h' })).toBeChecked();
        await expect(page.getByTestId('alert-status').first()).toHaveAttribute('data-status', 'SENT');
      } finally {
        await target.close();
        await hook.close();
      }
      expect(consoleErrors).toEqual([]);
    });
  });
}

test('the monitor form saves locations, aggregation, alert flags, the custom message and synthetic tests, and reads them back', async ({ page, consoleErrors }) => {
  test.setTimeout(90_000);
  const { projectUrl } = await signUpWithOrganization(page, 'Form Co');
  const projectId = projectIdOf(projectUrl);
  await gql(page, 'mutation($i: CreateTestInput!) { createTest(input: $i) { id } }', {
    i: { projectId, title: 'Checkout journey', type: 'BROWSER', priority: 'HIGH', script: "import { test } from '@playwright/test';\ntest('ok', async () => {});\n" },
  });

  await page.getByRole('link', { name: 'New monitor' }).click();
  await page.getByRole('textbox', { name: 'Name', exact: true }).fill('Regional API');
  await page.getByRole('textbox', { name: 'URL', exact: true }).fill('https://api.example.com/health');
  const locations = page.getByRole('combobox', { name: 'Locations', exact: true });
  await locations.fill('eu-west');
  await locations.press('Enter');
  await page.getByRole('combobox', { name: 'With several locations' }).click();
  await page.getByRole('option', { name: 'Down when most locations see it down' }).click();
  await page.getByRole('checkbox', { name: 'When it recovers' }).uncheck();
  await page.getByRole('checkbox', { name: 'On timeouts' }).uncheck();
  await page.getByRole('textbox', { name: 'Custom message' }).fill('{{monitor.name}} is {{monitor.status}} from {{location}}');
  await page.getByRole('switch', { name: 'Enabled' }).uncheck();
  await expectAccessible(page, 'the monitor form');
  await page.getByRole('button', { name: 'Create monitor' }).click();
  await expect(page.getByRole('heading', { name: 'Regional API', exact: true })).toBeVisible();

  await page.getByRole('link', { name: 'Edit' }).click();
  const form = page.getByRole('form', { name: 'Edit monitor' });
  await expect(form).toContainText('eu-west');
  await expect(form).toContainText('default');
  await expect(page.getByRole('combobox', { name: 'With several locations' })).toHaveValue('Down when most locations see it down');
  await expect(page.getByRole('checkbox', { name: 'When it goes down' })).toBeChecked();
  await expect(page.getByRole('checkbox', { name: 'When it recovers' })).not.toBeChecked();
  await expect(page.getByRole('checkbox', { name: 'On timeouts' })).not.toBeChecked();
  await expect(page.getByRole('textbox', { name: 'Custom message' })).toHaveValue('{{monitor.name}} is {{monitor.status}} from {{location}}');
  // Cleared, the custom message goes; the flags stay as saved.
  await page.getByRole('textbox', { name: 'Custom message' }).fill('');
  await page.getByRole('button', { name: 'Save' }).click();
  // The monitor's page, not the editor ("Edit Regional API").
  await expect(page.getByRole('heading', { name: 'Regional API', exact: true })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Edit' })).toBeVisible();
  const saved = await gql<{ monitors: { nodes: { locations: string[]; aggregation: string; alert: { alertOnRecovery: boolean; alertOnTimeout: boolean; customMessage: string | null } }[] } }>(
    page,
    'query($p: ID!) { monitors(projectId: $p) { nodes { locations aggregation alert { alertOnRecovery alertOnTimeout customMessage } } } }',
    { p: projectId },
  );
  expect(saved.monitors.nodes[0]).toEqual({ locations: ['default', 'eu-west'], aggregation: 'MAJORITY', alert: { alertOnRecovery: false, alertOnTimeout: false, customMessage: null } });

  // A synthetic monitor runs a stored Playwright test; it asks for one before saving.
  await page.getByRole('navigation', { name: 'Project' }).getByRole('link', { name: 'Monitors' }).click();
  await page.getByRole('link', { name: 'New monitor' }).click();
  await page.getByRole('radio', { name: 'Synthetic' }).check();
  await page.getByRole('textbox', { name: 'Name', exact: true }).fill('Checkout synthetic');
  await expect(page.getByRole('textbox', { name: 'URL', exact: true })).toHaveCount(0);
  await page.getByRole('switch', { name: 'Enabled' }).uncheck();
  await page.getByRole('button', { name: 'Create monitor' }).click();
  await expect(page.getByText('Choose the test to run')).toBeVisible();
  await page.getByRole('combobox', { name: 'Test to run' }).click();
  await page.getByRole('option', { name: 'Checkout journey' }).click();
  await page.getByRole('button', { name: 'Create monitor' }).click();
  await expect(page.getByRole('heading', { name: 'Checkout synthetic', exact: true })).toBeVisible();
  await page.getByRole('link', { name: 'Edit' }).click();
  await expect(page.getByRole('combobox', { name: 'Test to run' })).toHaveValue('Checkout journey');
  expect(consoleErrors).toEqual([]);
});

test('"Run again" on a run page starts a new run; the tests list shows each test’s last result, live', async ({ page, consoleErrors }) => {
  test.setTimeout(150_000);
  const target = await Target.start();
  try {
    const { projectUrl } = await signUpWithOrganization(page, 'Rerun Co');
    const projectId = projectIdOf(projectUrl);
    const script = `import http from 'k6/http';
export const options = { iterations: 1 };
export default function () { http.get('${target.url}/load'); }
`;
    const smoke = await gql<{ createTest: { id: string } }>(page, 'mutation($i: CreateTestInput!) { createTest(input: $i) { id } }', {
      i: { projectId, title: 'Smoke load', type: 'PERFORMANCE', priority: 'LOW', script },
    });
    await gql(page, 'mutation($i: CreateTestInput!) { createTest(input: $i) { id } }', {
      i: { projectId, title: 'Never run', type: 'PERFORMANCE', priority: 'LOW', script },
    });
    const first = await gql<{ runTest: { id: string } }>(page, 'mutation($id: ID!) { runTest(id: $id) { id } }', { id: smoke.createTest.id });
    const base = new URL(projectUrl).pathname;
    await page.goto(`${base}/runs/${first.runTest.id}`);
    await expect(page.getByTestId('run-detail-status')).toHaveAttribute('data-status', 'PASSED', { timeout: 60_000 });

    await page.getByRole('button', { name: 'Run again' }).click();
    await expect(page).not.toHaveURL(new RegExp(first.runTest.id));
    await expect(page).toHaveURL(/\/runs\/[0-9a-f-]{36}$/);
    const second = /\/runs\/([0-9a-f-]{36})$/.exec(page.url())![1];
    await expect(page.getByTestId('run-detail-status')).toHaveAttribute('data-status', 'PASSED', { timeout: 60_000 });
    await expectNoSidewaysScroll(page, 'the run page');
    await expectAccessible(page, 'the run page');

    // The list shows the newer run as the test's last, and nothing for the other test.
    await page.getByRole('navigation', { name: 'Project' }).getByRole('link', { name: 'Tests' }).click();
    const row = page.getByTestId('test-row-Smoke load');
    await expect(row.getByTestId('test-last-run').getByRole('link')).toHaveAttribute('href', `${base}/runs/${second}`);
    await expect(row.getByTestId('test-last-run')).toContainText('passed');
    await expect(page.getByTestId('test-row-Never run').getByTestId('test-last-run')).toHaveText('never run');
    await expectAccessible(page, 'the tests list');

    // Live: a run started elsewhere becomes the last result without a reload.
    const third = await gql<{ runTest: { id: string } }>(page, 'mutation($id: ID!) { runTest(id: $id) { id } }', { id: smoke.createTest.id });
    await expect(row.getByTestId('test-last-run').getByRole('link')).toHaveAttribute('href', `${base}/runs/${third.runTest.id}`, { timeout: 30_000 });
  } finally {
    await target.close();
  }
  expect(consoleErrors).toEqual([]);
});
