import type { Page } from '@playwright/test';
import { expect, seriousViolations, signUpWithOrganization, test } from './fixtures';
import { Target } from './target';

/** A k6 script against the loopback target: `seconds` of requests, a console line each. */
function k6Script(url: string, seconds: number): string {
  return `import http from 'k6/http';
import { check, sleep } from 'k6';

export const options = {
  vus: 1,
  duration: '${seconds}s',
  thresholds: { http_req_duration: ['p(95)<2000'] },
};

export default function () {
  const res = http.get('${url}/load');
  check(res, { 'status is 200': (r) => r.status === 200 });
  console.log('request answered ' + res.status);
  sleep(0.5);
}
`;
}

/** Replaces the script editor's text as a paste would (no auto-closed brackets). */
async function setScript(page: Page, name: string, script: string) {
  const editor = page.getByRole('textbox', { name });
  await editor.click();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText(script);
}

/** A GraphQL call with the browser's session cookie. */
async function api<T>(page: Page, query: string, variables: Record<string, unknown>): Promise<T> {
  const response = await page.request.post('/graphql', { headers: { 'content-type': 'application/json' }, data: { query, variables } });
  const body = await response.json();
  expect(body.errors).toBeUndefined();
  return body.data as T;
}

/** A k6 test through the API. */
async function createTestByApi(page: Page, projectId: string, title: string, script: string, tagIds: string[] = []): Promise<string> {
  const data = await api<{ createTest: { id: string } }>(page, 'mutation($input: CreateTestInput!) { createTest(input: $input) { id } }', {
    input: { projectId, title, script, type: 'PERFORMANCE', priority: 'LOW', tagIds },
  });
  return data.createTest.id;
}

async function expectAccessible(page: Page, what: string) {
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    expect(await seriousViolations(page), `${scheme} ${what}`).toEqual([]);
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

test('a k6 test from the editor runs live, then in a job: ordered tests, cron, live log, passed, k6 metrics', async ({ page, consoleErrors }) => {
  test.setTimeout(240_000);
  const target = await Target.start();
  try {
    const { projectUrl } = await signUpWithOrganization(page, 'Load Testers');
    const projectId = new URL(projectUrl).pathname.split('/')[2];
    const nav = page.getByRole('navigation', { name: 'Project' });

    // A k6 test, written in the editor.
    await nav.getByRole('link', { name: 'Tests' }).click();
    await expect(page.getByText('No tests yet')).toBeVisible();
    await page.getByRole('link', { name: 'New test' }).first().click();
    await page.getByRole('textbox', { name: 'Title', exact: true }).fill('Checkout load');
    await page.getByRole('combobox', { name: 'Type' }).click();
    await page.getByRole('option', { name: 'Performance (k6)' }).click();
    // The k6 template, with the variables and secrets helper, replaced the Playwright one.
    const editor = page.getByRole('textbox', { name: 'k6 script' });
    await expect(editor).toContainText("from './vigil.js'");
    // Syntax highlighting: keywords and strings are styled tokens.
    await expect(editor.locator('span').filter({ hasText: /^import$/ }).first()).toBeVisible();
    await setScript(page, 'k6 script', '   ');
    await page.getByRole('button', { name: 'Create test' }).click();
    await expect(page.getByText('The script must not be empty')).toBeVisible();
    await expect(editor).toHaveAttribute('aria-invalid', 'true');
    await setScript(page, 'k6 script', k6Script(target.url, 8));
    // Tab indents inside the editor; Escape then Tab leaves it.
    await page.keyboard.press('ControlOrMeta+End');
    await page.keyboard.press('Tab');
    await expect(editor).toBeFocused();
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Escape');
    await page.keyboard.press('Tab');
    await expect(page.getByRole('button', { name: 'Create test' })).toBeFocused();
    await page.getByRole('button', { name: 'Create test' }).click();
    await expect(page.getByRole('heading', { name: 'Checkout load' })).toBeVisible();

    // Run now: the editor's script runs on its own; its output streams in below.
    await page.getByRole('button', { name: 'Run now' }).click();
    const editorRun = page.getByTestId('editor-run');
    await expect(editorRun.locator('[data-testid="run-log"][data-source="live"]')).toContainText('request answered 200', { timeout: 60_000 });
    await expect(editorRun.getByTestId('editor-run-status')).toHaveAttribute('data-status', 'PASSED', { timeout: 60_000 });
    await expect(editorRun.getByTestId('k6-metrics')).toBeVisible();
    await expect(page.getByTestId('run-table').getByTestId('run-row')).toHaveCount(1);
    await expectAccessible(page, 'test editor');

    // A second, quick test through the API (tagged), to order the job's tests.
    const tag = await api<{ createTag: { id: string } }>(page, 'mutation($input: CreateTagInput!) { createTag(input: $input) { id } }', { input: { projectId, name: 'smoke', color: '#22aa88' } });
    await createTestByApi(page, projectId, 'Warm-up', k6Script(target.url, 1).replace("duration: '1s'", 'iterations: 1'), [tag.createTag.id]);
    await nav.getByRole('link', { name: 'Tests' }).click();
    await expect(page.getByTestId('test-row-Warm-up')).toContainText('smoke');
    await expect(page.getByTestId('test-row-Warm-up')).toContainText('low');
    await page.getByRole('textbox', { name: 'Search' }).fill('warm');
    await expect(page.getByTestId('test-table').getByRole('row')).toHaveCount(2);
    await page.getByRole('textbox', { name: 'Search' }).fill('nothing like it');
    await expect(page.getByText('No test matches')).toBeVisible();
    await page.getByRole('textbox', { name: 'Search' }).fill('');
    await expect(page.getByTestId('test-table').getByRole('row')).toHaveCount(3);
    await expectAccessible(page, 'tests list');

    // A job: the schedule is described and checked before sending.
    await nav.getByRole('link', { name: 'Jobs' }).click();
    await expect(page.getByText('No jobs yet')).toBeVisible();
    await page.getByRole('link', { name: 'New job' }).first().click();
    await page.getByRole('radio', { name: /k6/ }).check();
    await page.getByRole('textbox', { name: 'Name', exact: true }).fill('Nightly load');
    const schedule = page.getByRole('textbox', { name: 'Schedule (cron, UTC)' });
    await schedule.fill('61 * * * *');
    await page.getByRole('button', { name: 'Create job' }).click();
    await expect(page.getByText('minute: 61 is out of range')).toBeVisible();
    await expect(schedule).toHaveAttribute('aria-invalid', 'true');
    await schedule.fill('30 9 * * 1-5');
    await expect(page.getByTestId('cron-preview')).toContainText('At 09:30 on Monday through Friday (UTC).');
    await expect(page.getByTestId('cron-preview')).toContainText('Next:');

    // Tests in order: add both, then move the warm-up first with the keyboard.
    const add = page.getByRole('combobox', { name: 'Add a test' });
    await add.click();
    await page.getByRole('option', { name: 'Checkout load' }).click();
    await add.click();
    await page.getByRole('option', { name: 'Warm-up' }).click();
    const order = page.getByTestId('job-test');
    await expect(order).toHaveText([/Checkout load/, /Warm-up/]);
    const up = page.getByRole('button', { name: 'Move Warm-up up' });
    await up.focus();
    await page.keyboard.press('Enter');
    await expect(order).toHaveText([/Warm-up/, /Checkout load/]);
    await expect(page.getByTestId('order-announcement')).toHaveText('Warm-up moved to position 1 of 2');
    // At the top its "up" button is disabled: focus moved to "down", so Enter moves it back.
    await expect(page.getByRole('button', { name: 'Move Warm-up down' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(order).toHaveText([/Checkout load/, /Warm-up/]);
    await page.getByRole('button', { name: 'Move Warm-up up' }).click();
    await expect(order).toHaveText([/Warm-up/, /Checkout load/]);
    await expectAccessible(page, 'job editor');
    await page.getByRole('button', { name: 'Create job' }).click();

    // The job page: its tests in order, the remote trigger and a curl example.
    await expect(page.getByRole('heading', { name: 'Nightly load' })).toBeVisible();
    await expect(page.getByTestId('job-detail-tests').getByRole('listitem')).toHaveText([/Warm-up/, /Checkout load/]);
    const triggerUrl = await page.getByRole('textbox', { name: 'Trigger URL' }).inputValue();
    expect(triggerUrl).toMatch(/\/api\/jobs\/[0-9a-f-]+\/trigger$/);
    await expect(page.getByTestId('curl-example')).toContainText(`${triggerUrl}?wait=true&timeout=600`);
    await expect(page.getByText('At 09:30 on Monday through Friday')).toBeVisible();
    await expect(page.getByText('No runs yet')).toBeVisible();
    await expectAccessible(page, 'job page');

    // Trigger: the run page follows it live.
    const requestsBefore = target.requests.length;
    await page.getByRole('button', { name: 'Trigger now' }).click();
    await expect(page.getByRole('heading', { name: /^Run / })).toBeVisible();
    await expect(page.locator('[data-testid="run-log"][data-source="live"]')).toContainText('request answered 200', { timeout: 60_000 });
    await expect(page.getByTestId('run-detail-status')).toHaveAttribute('data-status', 'RUNNING');
    await expect(page.getByRole('button', { name: 'Cancel run' })).toBeVisible();
    await expect(page.getByTestId('run-detail-status')).toHaveAttribute('data-status', 'PASSED', { timeout: 60_000 });
    await expect(page.getByRole('button', { name: 'Cancel run' })).toHaveCount(0);
    // Finished: the stored output, k6's figures for both tests, the report and artifacts.
    await expect(page.locator('[data-testid="run-log"][data-source="stored"]')).toContainText('request answered 200');
    const metrics = page.getByTestId('k6-metrics');
    await expect(metrics).toContainText('Warm-up');
    await expect(metrics).toContainText('Checkout load');
    await expect(metrics.getByTestId('k6-thresholds').first()).toHaveText('thresholds passed');
    expect(Number((await metrics.getByTestId('k6-total').last().textContent())?.replace(/,/g, ''))).toBeGreaterThan(3);
    expect(target.requests.length).toBeGreaterThan(requestsBefore);
    const report = page.getByRole('link', { name: 'Open the k6 report' });
    const reportResponse = await page.request.get((await report.getAttribute('href'))!);
    expect(reportResponse.status()).toBe(200);
    await expect(page.getByTestId('run-artifacts').getByRole('link', { name: 'k6 summary (JSON)' }).first()).toBeVisible();
    await expectAccessible(page, 'run page');

    // The job's runs list and the project's runs list show the run as passed.
    await page.getByRole('link', { name: 'Nightly load' }).first().click();
    await expect(page.getByTestId('run-row').getByTestId('run-status')).toHaveAttribute('data-status', 'PASSED');
    await expect(page.getByTestId('job-detail-status')).toHaveAttribute('data-status', 'PASSED');
    await nav.getByRole('link', { name: 'Runs' }).click();
    await expect(page.getByTestId('run-row')).toHaveCount(2);
    await expect(page.getByTestId('run-row').first()).toContainText('Nightly load');
    await expect(page.getByTestId('run-row').nth(1)).toContainText('Checkout load');
  } finally {
    await target.close();
  }
  expect(consoleErrors).toEqual([]);
});

test('long runs are cancelled: by someone else while the runs list watches (new runs appear live), and from the run page', async ({ page, consoleErrors }) => {
  test.setTimeout(180_000);
  const target = await Target.start();
  try {
    const { projectUrl } = await signUpWithOrganization(page, 'Cancellers');
    const projectId = new URL(projectUrl).pathname.split('/')[2];
    const testId = await createTestByApi(page, projectId, 'Soak', k6Script(target.url, 300));
    const testPage = `${new URL(projectUrl).pathname}/tests/${testId}`;
    const runsLink = page.getByRole('navigation', { name: 'Project' }).getByRole('link', { name: 'Runs' });

    // Ctrl+Enter in the editor runs the script.
    await page.goto(testPage);
    await expect(page.getByRole('heading', { name: 'Soak' })).toBeVisible();
    await page.getByRole('textbox', { name: 'k6 script' }).click();
    await page.keyboard.press('ControlOrMeta+Enter');
    await expect(page.getByTestId('editor-run').getByTestId('run-log')).toContainText('request answered 200', { timeout: 60_000 });

    // The runs list follows the run: cancelled through the API, it turns cancelled without a reload.
    await runsLink.click();
    const row = page.getByTestId('run-row');
    await expect(row.getByTestId('run-status')).toHaveAttribute('data-status', 'RUNNING');
    await expect(row).toContainText('Soak');
    await page.evaluate(() => ((window as unknown as { marker: number }).marker = 7));
    const runId = (await row.getAttribute('data-run-id'))!;
    await api(page, 'mutation($id: ID!) { cancelRun(id: $id) { id } }', { id: runId });
    await expect(row.getByTestId('run-status')).toHaveAttribute('data-status', 'CANCELLED', { timeout: 30_000 });
    // A run started elsewhere (here through the API) appears at the top of the list, live too.
    const started = await api<{ runTest: { id: string } }>(page, 'mutation($id: ID!) { runTest(id: $id) { id } }', { id: testId });
    await expect(row).toHaveCount(2);
    await expect(row.first()).toHaveAttribute('data-run-id', started.runTest.id);
    await expect(row.first()).toContainText('Soak');
    await api(page, 'mutation($id: ID!) { cancelRun(id: $id) { id } }', { id: started.runTest.id });
    await expect(row.first().getByTestId('run-status')).toHaveAttribute('data-status', 'CANCELLED', { timeout: 30_000 });
    expect(await page.evaluate(() => (window as unknown as { marker: number }).marker)).toBe(7);

    // Another run, cancelled with the run page's button.
    await page.goto(testPage);
    await page.getByRole('button', { name: 'Run now' }).click();
    const editorRun = page.getByTestId('editor-run');
    await expect(editorRun.getByTestId('run-log')).toContainText('request answered 200', { timeout: 60_000 });
    await editorRun.getByRole('link', { name: 'Open the run' }).click();
    await expect(page.getByTestId('run-detail-status')).toHaveAttribute('data-status', 'RUNNING');
    // Opened mid-run: the output so far (from its first line, printed before the page opened),
    // then the lines that come live, each once and none missing.
    const output = page.locator('[data-testid="run-log"][data-source="live"]');
    await expect(output).toContainText('[vigil] k6 run "Soak"');
    await expect(output).toHaveAttribute('data-first-line', '1');
    await expect(page.getByTestId('log-partial')).toHaveCount(0);
    const openedAt = Number(await output.getAttribute('data-last-line'));
    await expect.poll(async () => Number(await output.getAttribute('data-last-line')), { timeout: 30_000 }).toBeGreaterThan(openedAt + 2);
    await expect
      .poll(
        async () => {
          const [text, last, gap] = await Promise.all([output.textContent(), output.getAttribute('data-last-line'), output.getAttribute('data-gap')]);
          return { lines: (text ?? '').split('\n').length === Number(last), gap };
        },
        { timeout: 15_000 },
      )
      .toEqual({ lines: true, gap: 'false' });
    await expectAccessible(page, 'running run page');
    await page.getByRole('button', { name: 'Cancel run' }).click();
    await expect(page.getByTestId('run-detail-status')).toHaveAttribute('data-status', 'CANCELLED', { timeout: 30_000 });
    await expect(page.getByTestId('run-error')).toContainText('cancelled');
    await expect(page.locator('[data-testid="run-log"][data-source="stored"]')).toContainText('[vigil] cancelled');
    await expect(page.getByRole('button', { name: 'Cancel run' })).toHaveCount(0);

    await runsLink.click();
    await expect(row).toHaveCount(3);
    for (const status of await row.getByTestId('run-status').all()) await expect(status).toHaveAttribute('data-status', 'CANCELLED');
  } finally {
    await target.close();
  }
  expect(consoleErrors).toEqual([]);
});
