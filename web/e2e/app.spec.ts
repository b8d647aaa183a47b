import { expect, seriousViolations, signUpWithOrganization, test } from './fixtures';
import { Target } from './target';

test('sign up, verify the email, create an organization and a project, sign out and back in, reset the password', async ({ page, vigil, consoleErrors }) => {
  const { email } = await signUpWithOrganization(page, 'Acme');
  await expect(page.getByText('No monitors yet')).toBeVisible();

  // The verification link Vigil mailed (to its log, without SMTP).
  await expect.poll(() => vigil.mailedLink('/verify-email?token=')).not.toBeNull();
  await page.goto(vigil.mailedLink('/verify-email?token=')!);
  await expect(page.getByText('Email verified')).toBeVisible();

  // A second project, through the organization's projects page.
  await page.goto('/');
  await page.getByTestId('switcher').click();
  await page.getByRole('menuitem', { name: 'Manage Acme' }).click();
  await expect(page.getByRole('heading', { name: 'Acme: projects' })).toBeVisible();
  await page.getByRole('form', { name: 'New project' }).getByLabel('Name').fill('Payments');
  await page.getByRole('button', { name: 'Create project' }).click();
  await expect(page.getByTestId('switcher')).toContainText('Acme / Payments');
  const paymentsUrl = page.url();
  // The session remembers the project (setActive): `/` opens its overview.
  await page.goto('/');
  await expect(page).toHaveURL(paymentsUrl.replace(/\/monitors$/, '/overview'));

  // Switch back to the first project.
  await page.getByTestId('switcher').click();
  const first = page.getByRole('menuitem').first();
  await expect(first).toBeVisible();
  await first.click();
  await expect(page).not.toHaveURL(paymentsUrl);
  await expect(page.getByTestId('switcher')).not.toContainText('Payments');

  // Sign out, then a wrong password, then the right one.
  await page.getByTestId('user-menu').click();
  await page.getByRole('menuitem', { name: 'Sign out' }).click();
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  await page.getByLabel('Email').fill(email);
  await page.getByRole('textbox', { name: 'Password', exact: true }).fill('not the password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert')).toBeVisible();
  // With the keyboard: the password field, then Enter submits.
  await page.getByRole('textbox', { name: 'Password', exact: true }).fill('');
  await page.getByRole('textbox', { name: 'Email' }).focus();
  await page.keyboard.press('Tab');
  await page.keyboard.type('correct horse battery');
  await page.keyboard.press('Enter');
  // Back where the session ended (`next`): the monitors.
  await expect(page.getByRole('heading', { name: 'Monitors' })).toBeVisible();
  // The first Tab reaches the skip link, which moves focus to the content.
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Skip to content' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('#main')).toBeFocused();

  // Password reset through the mailed link.
  await page.getByTestId('user-menu').click();
  await page.getByRole('menuitem', { name: 'Sign out' }).click();
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  await page.getByRole('link', { name: 'Forgot your password?' }).click();
  await expect(page.getByRole('heading', { name: 'Reset your password' })).toBeVisible();
  await page.getByLabel('Email').fill(email);
  await page.getByRole('button', { name: 'Send reset link' }).click();
  await expect(page.getByText('Check your email')).toBeVisible();
  await expect.poll(() => vigil.mailedLink('/reset-password?token=')).not.toBeNull();
  await page.goto(vigil.mailedLink('/reset-password?token=')!);
  await page.getByRole('textbox', { name: 'New password', exact: true }).fill('short');
  await page.getByRole('button', { name: 'Set password' }).click();
  await expect(page.getByText('Use at least 8 characters')).toBeVisible();
  await page.getByRole('textbox', { name: 'New password', exact: true }).fill('a brand new passphrase');
  await page.getByLabel('Repeat the new password').fill('a brand new passphrase');
  await page.getByRole('button', { name: 'Set password' }).click();
  await expect(page.getByText('Password changed')).toBeVisible();
  await page.goto('/sign-in');
  await page.getByLabel('Email').fill(email);
  await page.getByRole('textbox', { name: 'Password', exact: true }).fill('a brand new passphrase');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { name: 'Overview' })).toBeVisible();

  expect(consoleErrors).toEqual([]);
});

test('an HTTP monitor turns up, then down, live; server field errors land on their field', async ({ page, consoleErrors }) => {
  const target = await Target.start();
  try {
    await signUpWithOrganization(page, 'Monitoring Co');
    await page.getByRole('link', { name: 'New monitor' }).click();
    await page.getByRole('textbox', { name: 'Name', exact: true }).fill('API health');

    // Checked before sending.
    await page.getByRole('button', { name: 'Create monitor' }).click();
    await expect(page.getByText('URL is required')).toBeVisible();

    // Refused by the server: BAD_USER_INPUT with extensions.field = "target".
    const url = page.getByRole('textbox', { name: 'URL', exact: true });
    await url.fill(target.url.replace('http://', 'http://user:secret@') + '/health');
    await page.getByRole('button', { name: 'Create monitor' }).click();
    await expect(page.getByText(/must not carry credentials/)).toBeVisible();
    await expect(url).toHaveAttribute('aria-invalid', 'true');

    await url.fill(`${target.url}/health`);
    await page.getByLabel('Check every (minutes)').fill('1');
    await page.getByRole('button', { name: 'Create monitor' }).click();
    await expect(page.getByRole('heading', { name: 'API health' })).toBeVisible();

    // The list turns up without a reload.
    await page.getByRole('navigation', { name: 'Project' }).getByRole('link', { name: 'Monitors' }).click();
    await page.evaluate(() => ((window as unknown as { marker: number }).marker = 42));
    const row = page.getByTestId('monitor-row-API health');
    await expect(row.getByTestId('monitor-status')).toHaveAttribute('data-status', 'UP', { timeout: 45_000 });

    // The target fails; "check now" makes the next check immediate; the detail turns down live.
    target.status = 500;
    await row.getByRole('link', { name: 'API health' }).click();
    await page.getByRole('button', { name: 'Check now' }).click();
    await expect(page.getByTestId('monitor-detail-status')).toHaveAttribute('data-status', 'DOWN', { timeout: 45_000 });
    await expect(page.getByTestId('results-table')).toContainText('down');
    await expect(page.getByRole('img', { name: /Uptime over the last 90 days/ })).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
    expect(await page.evaluate(() => (window as unknown as { marker: number }).marker)).toBe(42);

    // Mute from the detail page.
    await page.getByRole('button', { name: 'Mute' }).click();
    await page.getByRole('menuitem', { name: '1 hour' }).click();
    await expect(page.getByRole('button', { name: 'Unmute' })).toBeVisible();
    expect(target.requests.length).toBeGreaterThanOrEqual(2);

    // A DNS monitor that depends on the first one; created paused, so it resolves nothing.
    await page.getByRole('navigation', { name: 'Project' }).getByRole('link', { name: 'Monitors' }).click();
    await page.getByRole('link', { name: 'New monitor' }).click();
    await page.getByRole('radio', { name: 'DNS', exact: true }).check();
    await page.getByRole('textbox', { name: 'Name', exact: true }).fill('Mail DNS');
    await page.getByRole('textbox', { name: 'Domain name' }).fill('example.com');
    const resolver = page.getByRole('textbox', { name: 'Resolver' });
    await resolver.fill('dns.example');
    await page.getByRole('textbox', { name: 'Expected values' }).fill('mail.example.com');
    await page.getByRole('combobox', { name: 'Depends on' }).click();
    await page.getByRole('option', { name: 'API health' }).click();
    await page.getByRole('switch', { name: 'Enabled' }).uncheck();
    await page.getByRole('button', { name: 'Create monitor' }).click();
    await expect(page.getByText(/Use an IP address/)).toBeVisible();
    await resolver.fill('192.0.2.53:53');
    await page.getByRole('button', { name: 'Create monitor' }).click();
    await expect(page.getByRole('heading', { name: 'Mail DNS' })).toBeVisible();
    // Edit mode loads what was stored.
    await page.getByRole('link', { name: 'Edit' }).click();
    await expect(page.getByRole('textbox', { name: 'Resolver' })).toHaveValue('192.0.2.53:53');
    await expect(page.getByRole('textbox', { name: 'Expected values' })).toHaveValue('mail.example.com');
    await expect(page.getByRole('form', { name: 'Edit monitor' })).toContainText('API health');
  } finally {
    await target.close();
  }
  expect(consoleErrors).toEqual([]);
});

test('a callback: trigger it with fetch and watch the log line appear; actions; replay', async ({ page, consoleErrors }) => {
  const target = await Target.start();
  try {
    await signUpWithOrganization(page, 'Hooks Inc');
    await page.getByRole('navigation', { name: 'Project' }).getByRole('link', { name: 'Callbacks' }).click();
    await expect(page.getByText('No callbacks yet')).toBeVisible();
    await page.getByRole('link', { name: 'New callback' }).first().click();
    await page.getByRole('textbox', { name: 'Name', exact: true }).fill('Orders');
    await page.getByLabel('Callback URL').fill(`${target.url}/orders`);
    await page.getByLabel('Custom path').fill('monitors/x');
    await page.getByRole('button', { name: 'Create callback' }).click();
    await expect(page.getByText('Paths starting with "monitors" are reserved')).toBeVisible();
    await page.getByLabel('Custom path').fill('');
    await page.getByRole('button', { name: 'Create callback' }).click();
    await expect(page.getByRole('heading', { name: 'Orders' })).toBeVisible();

    const triggerUrl = await page.getByRole('textbox', { name: 'Trigger URL' }).inputValue();
    expect(triggerUrl).toMatch(/\/t\/.+/);
    await expect(page.getByText('No triggers yet')).toBeVisible();

    const response = await fetch(`${triggerUrl}/new?source=e2e`, { method: 'POST', body: '{"order":1}', headers: { 'content-type': 'application/json' } });
    expect(response.status).toBe(200);
    const rows = page.getByTestId('callback-log-row');
    await expect(rows).toHaveCount(1);
    await expect(rows.first()).toContainText('POST');
    expect(target.requests.some((r) => r.url.startsWith('/orders/new') && r.body === '{"order":1}')).toBe(true);
    expect(await seriousViolations(page)).toEqual([]);

    // A STORE action, added through the actions editor.
    await page.getByRole('tab', { name: /Actions/ }).click();
    await page.getByRole('button', { name: 'Add action' }).click();
    const dialog = page.getByRole('dialog', { name: 'New action' });
    await dialog.getByRole('combobox', { name: 'Type' }).click();
    await page.getByRole('option', { name: 'Store' }).click();
    await dialog.getByRole('button', { name: 'Add action' }).click();
    await expect(page.getByTestId('action-row')).toHaveCount(1);
    await expect(page.getByTestId('action-row')).toContainText('Store');

    // Replay the trigger: a second log line arrives live.
    await page.getByRole('tab', { name: 'Live log' }).click();
    await page.getByRole('button', { name: 'Replay' }).first().click();
    await expect(rows).toHaveCount(2);
    await expect(page.getByText('replay', { exact: true })).toBeVisible();
  } finally {
    await target.close();
  }
  expect(consoleErrors).toEqual([]);
});

test('main pages have no serious or critical accessibility violations, light and dark', async ({ page, consoleErrors }) => {
  // axe over every main page, twice (light and dark): about 90 s on a busy 2-core machine.
  test.setTimeout(240_000);
  await page.goto('/sign-in');
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await page.goto('/sign-up');
  await expect(page.getByRole('heading', { name: 'Create your account' })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);

  const { projectUrl } = await signUpWithOrganization(page, 'Access Ltd');
  const base = new URL(projectUrl).pathname;
  const orgLink = page.getByRole('navigation', { name: 'Organization' }).getByRole('link', { name: 'Members' });
  const orgMembers = await orgLink.getAttribute('href');
  const pages: [string, string][] = [
    [`${base}/monitors`, 'Monitors'],
    [`${base}/monitors/new`, 'New monitor'],
    [`${base}/callbacks`, 'Callbacks'],
    [`${base}/callbacks/new`, 'New callback'],
    [`${base}/tests`, 'Tests'],
    [`${base}/tests/new`, 'New test'],
    [`${base}/jobs`, 'Jobs'],
    [`${base}/jobs/new`, 'New job'],
    [`${base}/runs`, 'Runs'],
    [`${base}/settings/variables`, 'Variables & secrets'],
    [`${base}/settings/tags`, 'Tags'],
    [`${base}/settings/notifications`, 'Notification providers'],
    [`${base}/settings/credentials`, 'Service credentials'],
    [`${base}/settings/members`, 'Project members'],
    [orgMembers!, 'Access Ltd: members'],
    [orgMembers!.replace(/members$/, 'audit-log'), 'Access Ltd: audit log'],
    [orgMembers!.replace(/members$/, 'invitations'), 'Access Ltd: invitations'],
    [orgMembers!.replace(/members$/, 'notifications'), 'Access Ltd: notification providers'],
    ['/settings/api-keys', 'API keys'],
    ['/settings/security', 'Security'],
  ];
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    for (const [path, heading] of pages) {
      await page.goto(path);
      await expect(page.getByRole('heading', { name: heading, exact: true })).toBeVisible();
      await expect(page.getByRole('status').filter({ hasText: 'Loading' })).toHaveCount(0);
      const violations = await seriousViolations(page);
      expect(violations, `${scheme} ${path}`).toEqual([]);
    }
  }
  // Monitor, callback, test, job and run detail pages are checked in their own tests.
  expect(consoleErrors).toEqual([]);
});

test('a dropped live connection says so and reconnects', async ({ page, vigil, consoleErrors }) => {
  await signUpWithOrganization(page, 'Reconnect Org');
  await expect(page.getByTestId('live-banner')).toHaveCount(0);

  await vigil.kill();
  await expect(page.getByTestId('live-banner')).toHaveAttribute('data-live', 'reconnecting', { timeout: 30_000 });
  await vigil.boot();
  await expect(page.getByTestId('live-banner')).toHaveAttribute('data-live', 'reconnected', { timeout: 30_000 });
  // Still signed in and live after the restart: the session cookie still works.
  await expect(page.getByRole('heading', { name: 'Monitors' })).toBeVisible();

  // The browser reports the refused socket while the server is down; nothing else.
  const unexpected = consoleErrors.filter((e) => !/WebSocket connection to .* failed|ERR_CONNECTION_REFUSED|Failed to load resource/.test(e));
  expect(unexpected).toEqual([]);
});
