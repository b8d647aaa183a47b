import type { Browser, Page } from '@playwright/test';
import { test as base, expect, gql, organizationId, seriousViolations, signUp, signUpWithOrganization } from './fixtures';
import { Target } from './target';
import { Vigil } from './vigil';

// Forms instead of raw JSON (callback actions), live callback figures and formatted bodies,
// the audit log as sentences with filters, copy fixes, and the system administrators' users
// page. The first account of an instance is its system administrator, so this spec starts its
// own server: its first sign-up is the administrator.
const test = base.extend<object, { formsVigil: Vigil }>({
  formsVigil: [
    async ({}, use) => {
      const vigil = await Vigil.start();
      await use(vigil);
      await vigil.stop();
    },
    { scope: 'worker' },
  ],
  baseURL: async ({ formsVigil }, use) => use(formsVigil.url),
});

test.describe.configure({ mode: 'serial' });

const PASSWORD = 'correct horse battery';
const SIZES = [
  { name: 'desktop', width: 1280, height: 900 },
  { name: 'phone', width: 390, height: 844 },
];

/** Picks `option` in the select labelled `label` inside `scope`. */
async function choose(page: Page, scope: ReturnType<Page['getByRole']>, label: string, option: string) {
  await scope.getByRole('combobox', { name: label, exact: true }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

/** At 1280 and 390 px: axe finds nothing serious and the page does not scroll sideways. */
async function checkSizes(page: Page, what: string) {
  for (const size of SIZES) {
    await page.setViewportSize({ width: size.width, height: size.height });
    await expect(page.getByRole('status').filter({ hasText: 'Loading' })).toHaveCount(0);
    // The layout settles after a resize (the navigation folds away): wait for it, then say
    // what still sticks out, outside the regions that scroll on their own.
    const settled = await expect
      .poll(() => page.evaluate(() => document.documentElement.scrollWidth), { timeout: 5000 })
      .toBeLessThanOrEqual(size.width)
      .then(() => true)
      .catch(() => false);
    if (!settled) {
      const wide = await page.evaluate((limit) =>
        Array.from(document.querySelectorAll('body *'))
          .filter((el) => el.getBoundingClientRect().right > limit + 1 && !el.closest('[role=region]'))
          .slice(-5)
          .map((el) => `${el.tagName.toLowerCase()}.${String(el.className).split(' ')[0]} "${(el.textContent ?? '').slice(0, 40)}"`),
      size.width);
      throw new Error(`${what} at ${size.name} scrolls sideways: ${wide.join('; ')}`);
    }
    expect(await seriousViolations(page), `${what} at ${size.name}`).toEqual([]);
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

let admin = { email: '', projectUrl: '', projectId: '', orgId: '' };

test('account copy: the unverified-email notice, the sole owner, API key limits and provider edits', async ({ page, consoleErrors }) => {
  const signed = await signUpWithOrganization(page, 'Forms Co');
  const orgId = await organizationId(page);
  admin = { ...signed, projectId: signed.projectUrl.split('/projects/')[1], orgId };

  // Not verified yet: the notice says so on every page and sends a new link.
  const notice = page.getByTestId('unverified-email');
  await expect(notice).toContainText('Confirm your email address');
  await notice.getByRole('button', { name: 'Send a new link' }).click();
  await expect(notice.getByRole('button', { name: 'Link sent' })).toBeDisabled();

  // The sole owner cannot leave, and is told why.
  await page.goto(`/organizations/${orgId}/members`);
  await expect(page.getByRole('button', { name: 'Leave' })).toBeDisabled();
  await expect(page.getByText('You are the only owner')).toBeVisible();
  await checkSizes(page, 'members');

  // An API key with a rate limit: both fields or neither.
  await page.goto('/settings/api-keys');
  const form = page.getByRole('form', { name: 'New API key' });
  await form.getByRole('textbox', { name: 'Name' }).fill('ci');
  await form.getByRole('textbox', { name: 'Per (seconds)' }).fill('60');
  await form.getByRole('button', { name: 'Create key' }).click();
  await expect(form.getByText('Give the number of requests too')).toBeVisible();
  await form.getByRole('textbox', { name: 'Rate limit: requests' }).fill('100');
  await form.getByRole('button', { name: 'Create key' }).click();
  const key = await page.getByTestId('api-key-value').inputValue();
  expect(key).toMatch(/_/);
  await expect(page.getByRole('row').filter({ hasText: 'ci' })).toContainText('Never used');
  await expect(page.getByRole('row').filter({ hasText: 'ci' })).toContainText('at most 100 per minute');
  await expect(page.getByText('never (0)')).toHaveCount(0);
  await checkSizes(page, 'API keys');

  // A notification provider can be edited: renamed, its masked secret kept.
  await gql(page, 'mutation($i: CreateNotificationProviderInput!) { createNotificationProvider(input: $i) { id } }', {
    i: { projectId: admin.projectId, name: 'Ops hook', type: 'WEBHOOK', config: { url: 'http://127.0.0.1:9/hook' } },
  });
  await page.goto(`${admin.projectUrl}/settings/notifications`);
  await page.getByRole('button', { name: 'Edit Ops hook' }).click();
  const edit = page.getByRole('form', { name: 'Edit Ops hook' });
  await edit.getByRole('textbox', { name: 'Name' }).fill('Ops webhook');
  await edit.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('cell', { name: 'Ops webhook', exact: true })).toBeVisible();
  await expect(page.getByRole('cell', { name: 'Webhook', exact: true })).toBeVisible();
  expect(consoleErrors).toEqual([]);
});

test('callback actions have forms; the counters, executions and payloads follow the live log; bodies are formatted', async ({ page, consoleErrors }) => {
  const target = await Target.start();
  try {
    await signIn(page, admin.email);
    const created = await gql<{ createCallback: { id: string; triggerUrl: string } }>(
      page,
      'mutation($i: CreateCallbackInput!) { createCallback(input: $i) { id triggerUrl } }',
      { i: { projectId: admin.projectId, name: 'Orders', callbackUrl: `${target.url}/orders` } },
    );
    await page.goto(`${admin.projectUrl}/callbacks/${created.createCallback.id}`);
    await expect(page.getByRole('heading', { name: 'Orders', exact: true })).toBeVisible();
    await expect(page.getByTestId('stat-Triggers, 24 h')).toHaveText('0');

    // An HTTP POST action through its form: checked before sending, labels in capitals.
    await page.getByRole('tab', { name: /Actions/ }).click();
    await page.getByRole('button', { name: 'Add action' }).click();
    const dialog = page.getByRole('form', { name: 'New action' });
    await expect(dialog.getByRole('combobox', { name: 'Type' })).toHaveValue('HTTP POST');
    await dialog.getByRole('combobox', { name: 'Type' }).click();
    await expect(page.getByRole('option', { name: 'SMS', exact: true })).toBeVisible();
    await page.getByRole('option', { name: 'HTTP POST', exact: true }).click();
    await dialog.getByRole('textbox', { name: 'URL' }).fill('not a url');
    await dialog.getByRole('button', { name: 'Add header' }).click();
    await dialog.getByRole('textbox', { name: 'Header 1 name' }).fill('Webhook-Signature');
    await dialog.getByRole('button', { name: 'Add action' }).click();
    await expect(dialog.getByText('URL must be a full URL')).toBeVisible();
    await expect(dialog.getByText('Vigil sets this header')).toBeVisible();
    await dialog.getByRole('textbox', { name: 'URL' }).fill(`${target.url}/post`);
    await dialog.getByRole('textbox', { name: 'Header 1 name' }).fill('X-Team');
    await dialog.getByRole('textbox', { name: 'Header 1 value' }).fill('ops');
    await checkSizes(page, 'the action form');
    await dialog.getByRole('button', { name: 'Add action' }).click();
    await expect(page.getByTestId('action-row')).toHaveCount(1);
    await expect(page.getByTestId('action-row')).toContainText('HTTP POST');
    await expect(page.getByTestId('action-row')).toContainText(`${target.url}/post`);

    // A STORE action, and the edit form reads the stored settings back.
    await page.getByRole('button', { name: 'Add action' }).click();
    await choose(page, page.getByRole('form', { name: 'New action' }), 'Type', 'Store');
    await page.getByRole('form', { name: 'New action' }).getByRole('textbox', { name: 'Key' }).fill('latest');
    await page.getByRole('form', { name: 'New action' }).getByRole('button', { name: 'Add action' }).click();
    await expect(page.getByTestId('action-row')).toHaveCount(2);
    await page.getByRole('button', { name: 'Edit action 1' }).click();
    await expect(page.getByRole('form', { name: 'Edit action' }).getByRole('textbox', { name: 'Header 1 value' })).toHaveValue('ops');
    await page.getByRole('button', { name: 'Close' }).click();
    // A QUEUE action (its default queue, events).
    await page.getByRole('button', { name: 'Add action' }).click();
    await choose(page, page.getByRole('form', { name: 'New action' }), 'Type', 'Queue');
    await page.getByRole('form', { name: 'New action' }).getByRole('button', { name: 'Add action' }).click();
    await expect(page.getByTestId('action-row')).toHaveCount(3);

    // A trigger: the log, the counters and (on their tabs) executions and payloads follow it.
    await page.getByRole('tab', { name: 'Live log' }).click();
    const response = await page.request.post(`${created.createCallback.triggerUrl}/new?x=1`, { data: { order: 42, items: ['book'] } });
    expect(response.status()).toBe(200);
    await expect(page.getByTestId('callback-log-row')).toHaveCount(1);
    await expect(page.getByTestId('callback-log-row')).toContainText('POST /new?x=1');
    await expect(page.getByTestId('stat-Triggers, 24 h')).toHaveText('1');
    await expect(page.getByTestId('stat-Success')).toHaveText('100%');
    await page.getByRole('button', { name: 'Details' }).click();
    await expect(page.getByTestId('request-body')).toContainText('"order": 42');
    await expect(page.getByTestId('request-body')).not.toContainText('\\"');
    await expect(page.getByTestId('response-body')).toContainText('"ok": true');
    await checkSizes(page, 'the callback log');

    await page.getByRole('tab', { name: 'Executions' }).click();
    await expect(page.getByTestId('execution-row')).toHaveCount(3);
    await expect(page.getByTestId('execution-row').filter({ hasText: 'HTTP POST' })).toContainText(/success/i);
    // A second trigger shows up here without a reload.
    await page.request.post(created.createCallback.triggerUrl, { data: { order: 43 } });
    await expect(page.getByTestId('execution-row')).toHaveCount(6);
    await expect(page.getByTestId('stat-Triggers, 24 h')).toHaveText('2');
    await checkSizes(page, 'executions');
    expect(target.requests.filter((r) => r.url === '/post').length).toBeGreaterThanOrEqual(1);

    await page.getByRole('tab', { name: 'Payloads' }).click();
    await expect(page.getByTestId('stored-payload')).toHaveCount(2);
    await expect(page.getByTestId('stored-payload').last()).toContainText('"order": 42');
    await expect(page.getByTestId('stored-payload').first()).toContainText('Key latest');
    // The queued messages, as they are: reading them takes none.
    await expect(page.getByTestId('queue-message')).toHaveCount(2);
    await expect(page.getByTestId('queue-message').first()).toContainText('"order": 43');
    await expect(page.getByTestId('queue-message').first()).toContainText('never pulled');
    await expect(page.getByTestId('queue-message').first().locator('[data-status="READY"]')).toBeVisible();
    await checkSizes(page, 'payloads');
  } finally {
    await target.close();
  }
  expect(consoleErrors).toEqual([]);
});

test('the audit log reads as sentences with links, filtered by who, what and when', async ({ page, consoleErrors }) => {
  await signIn(page, admin.email);
  await page.goto(`/organizations/${admin.orgId}/audit-log`);
  const entries = page.getByTestId('audit-entry');
  await expect(entries.filter({ hasText: 'Ann Example created callback Orders' })).toHaveCount(1);
  await expect(entries.filter({ hasText: 'added an HTTP POST action to callback' })).toHaveCount(1);
  await expect(page.getByText('"callbackId"')).toHaveCount(0);
  await checkSizes(page, 'the audit log');

  // What: callbacks only.
  await choose(page, page.getByRole('search', { name: 'Filter the audit log' }), 'What', 'Callbacks');
  await expect(entries.filter({ hasText: 'created callback Orders' })).toHaveCount(1);
  await expect(entries.filter({ hasText: 'created API key' })).toHaveCount(0);
  expect(page.url()).toContain('action=callback.');
  // When: up to yesterday, nothing.
  const yesterday = new Date(Date.now() - 86_400_000);
  const day = `${yesterday.getFullYear()}-${String(yesterday.getMonth() + 1).padStart(2, '0')}-${String(yesterday.getDate()).padStart(2, '0')}`;
  await page.getByRole('textbox', { name: 'To' }).fill(day);
  await expect(page.getByText('Nothing matches these filters')).toBeVisible();
  await page.getByRole('textbox', { name: 'To' }).fill('');
  // Who: the admin.
  await choose(page, page.getByRole('search', { name: 'Filter the audit log' }), 'Who', `Ann Example (${admin.email})`);
  await expect(entries.filter({ hasText: 'created callback Orders' })).toHaveCount(1);

  // The callback's name links to its page.
  await entries.filter({ hasText: 'created callback Orders' }).getByRole('link', { name: 'Orders' }).click();
  await expect(page.getByRole('heading', { name: 'Orders', exact: true })).toBeVisible();
  expect(page.url()).toContain(`${admin.projectUrl}/callbacks/`);
  expect(consoleErrors).toEqual([]);
});

test('sign-in with a wrong password says so', async ({ page, consoleErrors }) => {
  await page.goto('/sign-in');
  await page.getByLabel('Email').fill(admin.email);
  await page.getByRole('textbox', { name: 'Password', exact: true }).fill('not the password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('Could not sign in');
  await expect(alert).toContainText(/invalid email or password/i);
  await expect(page.getByText('Could not save')).toHaveCount(0);
  // The failed sign-in's 401 is the only console error.
  expect(consoleErrors.filter((e) => !e.includes('401'))).toEqual([]);
});

test('system administrators find, ban, promote and impersonate users', async ({ browser, page, formsVigil, consoleErrors }) => {
  const grace = await otherUser(browser, formsVigil.url, 'Grace Hopper');
  await signIn(page, admin.email);
  await page.getByRole('navigation', { name: 'Administration' }).getByRole('link', { name: 'Users' }).click();
  await expect(page.getByRole('heading', { name: 'Users', exact: true })).toBeVisible();
  await page.getByRole('textbox', { name: 'Search' }).fill('grace');
  const rows = page.getByTestId('user-row');
  await expect(rows).toHaveCount(1);
  await expect(rows).toContainText(grace);
  await checkSizes(page, 'users');

  // Ban with a reason (required), then unban.
  await rows.getByRole('button', { name: 'Ban', exact: true }).click();
  const ban = page.getByRole('form', { name: 'Ban Grace Hopper' });
  await ban.getByRole('button', { name: 'Ban', exact: true }).click();
  await expect(ban.getByText('Say why')).toBeVisible();
  await ban.getByRole('textbox', { name: 'Reason' }).fill('Sent spam');
  await ban.getByRole('button', { name: 'Ban', exact: true }).click();
  await expect(rows).toContainText('Banned');
  await expect(rows).toContainText('Sent spam · for good');
  await rows.getByRole('button', { name: 'Unban' }).click();
  await expect(rows).toContainText('Active');

  // Role: system administrator and back.
  await choose(page, rows, 'Role of Grace Hopper', 'System administrator');
  await expect(rows.getByRole('combobox', { name: 'Role of Grace Hopper' })).toHaveValue('System administrator');
  await choose(page, rows, 'Role of Grace Hopper', 'User');
  await expect(rows.getByRole('combobox', { name: 'Role of Grace Hopper' })).toHaveValue('User');

  // Impersonate: a banner on every page until stopped.
  await rows.getByRole('button', { name: 'Impersonate' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Impersonate' }).click();
  const banner = page.getByTestId('impersonation-banner');
  await expect(banner).toContainText('Impersonating Grace Hopper');
  await checkSizes(page, 'impersonating');
  await banner.getByRole('button', { name: 'Stop impersonating' }).click();
  // Back as the administrator, on the users page, without signing in again.
  await expect(page).toHaveURL(/\/admin\/users$/);
  await expect(page.getByTestId('user-row').first()).toBeVisible();
  await expect(page.getByTestId('impersonation-banner')).toHaveCount(0);

  // Not for other users.
  await signIn(page, grace);
  await page.goto('/admin/users');
  await expect(page.getByText('Only system administrators manage users')).toBeVisible();
  expect(consoleErrors).toEqual([]);
});

/** Signs in through the sign-in page (after signing out, if someone is signed in). */
async function signIn(page: Page, email: string) {
  await page.goto('/sign-in');
  await expect(page.getByRole('heading', { name: 'Sign in' }).or(page.getByTestId('user-menu'))).toBeVisible();
  if (await page.getByTestId('user-menu').isVisible()) {
    await page.getByTestId('user-menu').click();
    await page.getByRole('menuitem', { name: 'Sign out' }).click();
  }
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  await page.getByLabel('Email').fill(email);
  await page.getByRole('textbox', { name: 'Password', exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByTestId('user-menu')).toBeVisible();
}

/** A second account, signed up in its own browser context; returns its email. */
async function otherUser(browser: Browser, baseURL: string, name: string): Promise<string> {
  const context = await browser.newContext({ baseURL });
  const page = await context.newPage();
  const email = await signUp(page, name);
  await expect(page.getByRole('heading', { name: 'Create an organization' })).toBeVisible();
  await context.close();
  return email;
}
