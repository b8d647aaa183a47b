import { expect, gql, seriousViolations, signUpWithOrganization, test } from './fixtures';
import { Target } from './target';

const CREATE_MONITOR = `mutation($i: CreateMonitorInput!) { createMonitor(input: $i) { id } }`;

test('the overview turns down live with a monitor, the bell rings, the palette and the shortcuts find their way', async ({ page, consoleErrors }) => {
  const target = await Target.start();
  try {
    const { projectUrl } = await signUpWithOrganization(page, 'Glance Co');
    const projectId = new URL(projectUrl).pathname.split('/')[2];

    // `/` lands on the overview; an empty project says what to do first.
    await page.goto('/');
    await expect(page.getByRole('heading', { name: 'Overview' })).toBeVisible();
    await expect(page).toHaveURL(`${projectUrl}/overview`);
    const start = page.getByTestId('getting-started');
    await expect(start.getByRole('link', { name: 'Create a monitor' })).toHaveAttribute('href', `/projects/${projectId}/monitors/new`);
    await expect(start.getByRole('link', { name: 'Write a test' })).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);

    // A monitor against a loopback target: the figures follow it without a reload.
    const created = await gql<{ createMonitor: { id: string } }>(page, CREATE_MONITOR, {
      i: { projectId, name: 'Checkout API', type: 'HTTP', target: `${target.url}/health`, frequencyMinutes: 1 },
    });
    const monitorId = created.createMonitor.id;
    await page.evaluate(() => ((window as unknown as { marker: number }).marker = 7));
    await expect(page.getByTestId('count-up')).toHaveText('1', { timeout: 45_000 });
    await expect(page.getByTestId('getting-started')).toHaveCount(0);
    await expect(page.getByTestId('bell-count')).toHaveAttribute('data-count', '0');

    target.status = 500;
    await gql(page, `mutation($id: ID!) { checkMonitorNow(id: $id) { id } }`, { id: monitorId });
    await expect(page.getByTestId('count-down')).toHaveText('1', { timeout: 45_000 });
    await expect(page.getByTestId('count-up')).toHaveText('0');
    const failing = page.getByTestId('failing-monitors');
    await expect(failing.getByRole('link', { name: 'Checkout API' })).toHaveAttribute('href', `/projects/${projectId}/monitors/${monitorId}`);
    // The badge says the whole word.
    const badge = failing.locator('[data-status="DOWN"]');
    await expect(badge).toHaveText('down');
    expect(await badge.evaluate((b) => b.scrollWidth <= b.clientWidth)).toBe(true);
    expect(await page.evaluate(() => (window as unknown as { marker: number }).marker)).toBe(7);

    // The bell got the alert live; opening it leads to the monitor and marks it read.
    await expect(page.getByTestId('bell-count')).toHaveAttribute('data-count', '1', { timeout: 30_000 });
    await page.getByTestId('bell').click();
    const list = page.getByTestId('bell-list');
    await expect(list.getByRole('button').first()).toContainText('Checkout API');
    expect(await seriousViolations(page)).toEqual([]);
    await list.getByRole('button').first().click();
    await expect(page).toHaveURL(`${projectUrl}/monitors/${monitorId}`);
    await expect(page.getByTestId('bell-count')).toHaveAttribute('data-count', '0');
    await expect(page.getByTestId('bell')).toHaveAccessibleName('Notifications, none unread');

    // Ctrl+K: the palette finds the monitor by part of its name and opens it.
    await page.getByRole('navigation', { name: 'Project' }).getByRole('link', { name: 'Runs' }).click();
    await expect(page.getByRole('heading', { name: 'Runs' })).toBeVisible();
    await page.keyboard.press('Control+k');
    const search = page.getByRole('combobox', { name: 'Search' });
    await expect(search).toBeFocused();
    await search.fill('checkout');
    const option = page.getByRole('option', { name: /Checkout API/ });
    await expect(option).toBeVisible();
    await expect(option).toContainText('Monitors');
    expect(await seriousViolations(page)).toEqual([]);
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(`${projectUrl}/monitors/${monitorId}`);
    await expect(page.getByRole('heading', { name: 'Checkout API' })).toBeVisible();
    // Pages too: "new test" leads to the test editor.
    await page.getByTestId('palette-button').click();
    await page.getByRole('combobox', { name: 'Search' }).fill('new test');
    await page.getByRole('option', { name: /New test/ }).click();
    await expect(page).toHaveURL(`${projectUrl}/tests/new`);

    // Shortcuts: "?" lists them, "g m" and "g o" go, "n" opens the list's new form.
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press('g');
    await page.keyboard.press('m');
    await expect(page).toHaveURL(`${projectUrl}/monitors`);
    await page.keyboard.press('Shift+?');
    const sheet = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await expect(sheet).toBeVisible();
    await expect(sheet.getByRole('row', { name: /Go to tests/ })).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await expect(sheet).toHaveCount(0);
    await page.keyboard.press('n');
    await expect(page).toHaveURL(`${projectUrl}/monitors/new`);
    // Typing in a field is typing, not a shortcut.
    await page.getByRole('textbox', { name: 'Name', exact: true }).fill('gm');
    await expect(page).toHaveURL(`${projectUrl}/monitors/new`);
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press('g');
    await page.keyboard.press('o');
    await expect(page.getByRole('heading', { name: 'Overview' })).toBeVisible();

    // The settings pages fold behind one entry; the choice outlives a reload.
    const settings = page.getByTestId('settings-group');
    const orgNav = page.getByRole('navigation', { name: 'Organization' });
    await expect(orgNav.getByRole('link', { name: 'Members' })).toBeVisible();
    await settings.click();
    await expect(settings).toHaveAttribute('aria-expanded', 'false');
    await expect(orgNav.getByRole('link', { name: 'Members' })).toBeHidden();
    await page.reload();
    await expect(page.getByRole('heading', { name: 'Overview' })).toBeVisible();
    await expect(page.getByTestId('settings-group')).toHaveAttribute('aria-expanded', 'false');
    await page.getByTestId('settings-group').click();
    await expect(orgNav.getByRole('link', { name: 'Members' })).toBeVisible();

    // The sidebar folds away and stays folded after a reload.
    const projectNav = page.getByRole('navigation', { name: 'Project' });
    await page.getByTestId('sidebar-toggle').click();
    await expect(projectNav).toBeHidden();
    await page.reload();
    await expect(page.getByRole('heading', { name: 'Overview' })).toBeVisible();
    await expect(projectNav).toBeHidden();
    await page.getByTestId('sidebar-toggle').click();
    await expect(projectNav.getByRole('link', { name: 'Overview' })).toHaveAttribute('aria-current', 'page');

    expect(consoleErrors).toEqual([]);
  } finally {
    await target.close();
  }
});
