import type { Page } from '@playwright/test';
import { expect, gql, seriousViolations, signUpWithOrganization, test } from './fixtures';
import { Target } from './target';

/** Chooses a file in the file input labelled `label` (a button opening the file chooser). */
async function chooseFile(page: Page, label: string, file: { name: string; mimeType: string; buffer: Buffer }): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: label }).click();
  await (await chooser).setFiles(file);
}

/** An HTTP monitor of the current project against `target`, checked every minute. */
async function createMonitor(page: Page, projectUrl: string, name: string, target: Target): Promise<string> {
  const projectId = projectUrl.split('/projects/')[1];
  const data = await gql<{ createMonitor: { id: string } }>(
    page,
    'mutation($input: CreateMonitorInput!) { createMonitor(input: $input) { id } }',
    { input: { projectId, name, type: 'HTTP', target: `${target.url}/health`, frequencyMinutes: 1 } },
  );
  return data.createMonitor.id;
}

test('a status page: created, two components linked to a monitor, reordered with the keyboard, published, live', async ({ page, vigil, consoleErrors }) => {
  const target = await Target.start();
  try {
    const { projectUrl } = await signUpWithOrganization(page, 'Status Co');
    const monitorId = await createMonitor(page, projectUrl, 'API health', target);

    // The list, from the navigation beside Monitors.
    await page.getByRole('navigation', { name: 'Project' }).getByRole('link', { name: 'Status pages' }).click();
    await expect(page.getByRole('heading', { name: 'Status pages' })).toBeVisible();
    await expect(page.getByText('No status pages yet')).toBeVisible();

    // A reserved subdomain is refused by the server, on the field.
    const create = page.getByRole('form', { name: 'New status page' });
    await create.getByLabel('Name').fill('Status Co');
    await create.getByLabel('Subdomain').fill('graphql');
    await create.getByRole('button', { name: 'Create status page' }).click();
    await expect(create.getByLabel('Subdomain')).toHaveAttribute('aria-invalid', 'true');
    await expect(create.getByText(/reserved/)).toBeVisible();
    // Checked before sending.
    await create.getByLabel('Subdomain').fill('-bad-');
    await create.getByRole('button', { name: 'Create status page' }).click();
    await expect(create.getByText('Must not start or end with -')).toBeVisible();

    const subdomain = `status-co-${Date.now()}`;
    await create.getByLabel('Subdomain').fill(subdomain);
    await create.getByRole('button', { name: 'Create status page' }).click();
    await expect(page.getByRole('heading', { name: 'Status Co', level: 1 })).toBeVisible();
    await expect(page.getByTestId('status-page-state')).toHaveText('Draft');
    await expect(page.getByText('No components yet')).toBeVisible();

    // Two components linked to the monitor.
    for (const name of ['Website', 'API']) {
      const form = page.getByRole('form', { name: 'New component' });
      await form.getByLabel('Name').fill(name);
      await form.getByRole('combobox', { name: 'Monitors' }).click();
      await page.getByRole('option', { name: 'API health' }).click();
      await page.keyboard.press('Escape');
      await form.getByRole('button', { name: 'Add component' }).click();
      await expect(page.getByTestId(`component-${name}`)).toBeVisible();
    }
    const names = page.getByTestId('components').getByTestId('component-name');
    await expect(names).toHaveText(['Website', 'API']);
    await expect(page.getByTestId('component-API').getByTestId('component-monitors')).toContainText('API health');

    // Reordered with the keyboard: focus the button, press Enter; focus stays on the moved one.
    await expect(page.getByRole('button', { name: 'Move Website up' })).toBeDisabled();
    await page.getByRole('button', { name: 'Move API up' }).focus();
    await page.keyboard.press('Enter');
    await expect(names).toHaveText(['API', 'Website']);
    await expect(page.getByTestId('order-announcement')).toHaveText('API moved to position 1 of 2');
    await expect(page.getByRole('button', { name: 'Move API down' })).toBeFocused();
    // The order is the server's (once it answered): it survives a reload.
    await expect(page.getByTestId('components')).toHaveAttribute('aria-busy', 'false');
    await page.reload();
    await expect(names).toHaveText(['API', 'Website']);

    // Edited: a group, a weighted method, a weight; a threshold out of range is held in range.
    await page.getByRole('button', { name: 'Edit API' }).click();
    const dialog = page.getByRole('form', { name: 'Edit API' });
    await dialog.getByLabel('Group').fill('Core');
    await dialog.getByLabel('How monitors combine').click();
    await page.getByRole('option', { name: 'Weighted average' }).click();
    await dialog.getByLabel('Weight of API health').fill('5');
    const threshold = dialog.getByLabel('Failure threshold');
    await threshold.fill('500');
    await threshold.blur();
    await expect(threshold).toHaveValue('200');
    await threshold.fill('1');
    await dialog.getByRole('button', { name: 'Save component' }).click();
    await expect(dialog).toHaveCount(0);
    const core = page.getByTestId('group-Core');
    await expect(core.getByTestId('component-monitors')).toContainText('weighted average');
    await expect(core.getByTestId('component-monitors')).toContainText('×5');
    // A group moves as a whole.
    await page.getByRole('button', { name: 'Move group Core down' }).click();
    await expect(names).toHaveText(['Website', 'API']);
    await expect(page.getByTestId('components')).toHaveAttribute('aria-busy', 'false');
    await expect(page.getByRole('button', { name: 'Move group Core up' })).toBeFocused();
    expect(await seriousViolations(page)).toEqual([]);

    // Live: the monitor goes down and the component follows without a reload.
    await expect(page.getByTestId('component-API').getByTestId('component-status')).toHaveAttribute('data-status', 'OPERATIONAL');
    await page.evaluate(() => ((window as unknown as { marker: number }).marker = 7));
    target.status = 500;
    await gql(page, 'mutation($id: ID!) { checkMonitorNow(id: $id) { id } }', { id: monitorId });
    await expect(page.getByTestId('component-API').getByTestId('component-status')).toHaveAttribute('data-status', 'MAJOR_OUTAGE', { timeout: 45_000 });
    expect(await page.evaluate(() => (window as unknown as { marker: number }).marker)).toBe(7);

    // A draft is not public; published, the public page shows the components.
    const draft = await page.request.get(`${vigil.url}/status/${subdomain}`);
    expect(draft.status()).toBe(404);
    await page.getByRole('button', { name: 'Publish' }).click();
    await expect(page.getByTestId('status-page-state')).toHaveText('Published');
    const publicUrl = await page.getByRole('link', { name: new RegExp(`/status/${subdomain}$`) }).getAttribute('href');
    expect(publicUrl).toMatch(new RegExp(`/status/${subdomain}$`));
    const visitor = await page.context().browser()!.newPage();
    await visitor.goto(publicUrl!);
    for (const name of ['API', 'Website']) await expect(visitor.getByRole('heading', { level: 3, name, exact: true })).toBeVisible();
    await expect(visitor.getByText('API health')).toHaveCount(0);

    // An incident, composed in the app, is on the public page.
    await page.getByRole('navigation', { name: 'Status page sections' }).getByRole('link', { name: 'Incidents' }).click();
    await expect(page.getByText('No incidents yet')).toBeVisible();
    await page.getByRole('link', { name: 'Report an incident' }).click();
    const composer = page.getByRole('form', { name: 'New incident' });
    await composer.getByLabel('Title').fill('Elevated API errors');
    await composer.getByRole('radio', { name: 'Identified' }).check();
    await composer.getByLabel('Message').fill('A bad deploy: rolling back.');
    await composer.getByRole('checkbox', { name: 'Website' }).check();
    await composer.getByRole('combobox', { name: 'Status of Website' }).selectOption('DEGRADED_PERFORMANCE');
    await composer.getByRole('button', { name: 'Open incident' }).click();
    await expect(page.getByRole('heading', { name: 'Elevated API errors' })).toBeVisible();
    await expect(page.getByTestId('incident-status')).toHaveAttribute('data-status', 'IDENTIFIED');
    await expect(page.getByTestId('incident-components')).toContainText('Degraded performance');
    expect(await seriousViolations(page)).toEqual([]);
    await expect(async () => {
      await visitor.reload();
      await expect(visitor.getByText('Elevated API errors').first()).toBeVisible({ timeout: 1_000 });
    }).toPass({ timeout: 15_000 });
    await expect(visitor.getByText('A bad deploy: rolling back.').first()).toBeVisible();
    await visitor.close();

    expect(consoleErrors).toEqual([]);
  } finally {
    await target.close();
  }
});

test('page settings: the preview follows the branding, refusals are shown where they belong', async ({ page, consoleErrors }) => {
  await signUpWithOrganization(page, 'Brand Co');
  await page.getByRole('navigation', { name: 'Project' }).getByRole('link', { name: 'Status pages' }).click();
  const create = page.getByRole('form', { name: 'New status page' });
  await create.getByLabel('Name').fill('Brand Co');
  await create.getByRole('button', { name: 'Create status page' }).click();
  await expect(page.getByRole('heading', { name: 'Brand Co', level: 1 })).toBeVisible();
  await page.getByRole('navigation', { name: 'Status page sections' }).getByRole('link', { name: 'Settings' }).click();

  // The preview follows what is typed, before saving.
  const form = page.getByRole('form', { name: 'Status page settings' });
  const preview = page.getByTestId('branding-preview');
  await form.getByLabel('Headline').fill('Everything about our uptime');
  await expect(preview).toContainText('Everything about our uptime');
  await form.getByLabel('Theme').click();
  await page.getByRole('option', { name: 'Light', exact: true }).click();
  await form.getByRole('textbox', { name: 'Background' }).fill('#fdf6e3');
  await expect(preview).toHaveCSS('background-color', 'rgb(253, 246, 227)');
  await expect(page.getByTestId('preview-banner')).toHaveText('All systems operational');

  // A script payload in a colour does not stay in the field; a script URL is refused before
  // sending; the server's refusal of a reserved subdomain lands on its field, nothing saved.
  const links = form.getByRole('textbox', { name: 'Links' });
  await links.fill('red;}</style><script>alert(1)</script>');
  await links.blur();
  await expect(links).toHaveValue('');
  await form.getByLabel('Support URL').fill('javascript:alert(1)');
  await form.getByRole('button', { name: 'Save settings' }).click();
  await expect(form.getByText('Support URL must start with http:// or https://')).toBeVisible();
  await form.getByLabel('Support URL').fill('https://help.example.com');
  await form.getByLabel('Subdomain').fill('graphql');
  await form.getByRole('button', { name: 'Save settings' }).click();
  await expect(form.getByLabel('Subdomain')).toHaveAttribute('aria-invalid', 'true');
  await expect(form.getByText(/reserved/)).toBeVisible();
  await page.reload();
  await expect(form.getByLabel('Headline')).toHaveValue('');
  // Oversized text is refused before sending.
  await form.getByLabel('Description').fill('x'.repeat(5001));
  await form.getByRole('button', { name: 'Save settings' }).click();
  await expect(form.getByText('Description must be at most 5,000 characters')).toBeVisible();
  await form.getByLabel('Description').fill('');
  await form.getByLabel('Headline').fill('Everything about our uptime');
  await form.getByRole('textbox', { name: 'Background' }).fill('#fdf6e3');
  await form.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByText('Settings saved')).toBeVisible();
  await page.reload();
  await expect(form.getByLabel('Headline')).toHaveValue('Everything about our uptime');
  await expect(form.getByRole('textbox', { name: 'Background' })).toHaveValue('#fdf6e3');

  // An image whose bytes are not an image: the server's refusal is shown on its input.
  await chooseFile(page, 'Upload logo', { name: 'logo.png', mimeType: 'image/png', buffer: Buffer.from('<svg onload="alert(1)"></svg>') });
  await expect(page.getByTestId('image-LOGO').getByText(/not a PNG, JPEG, WebP or ICO image/)).toBeVisible();
  // A real PNG is taken and shows in the preview.
  const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
  await chooseFile(page, 'Upload logo', { name: 'logo.png', mimeType: 'image/png', buffer: png });
  await expect(page.getByTestId('preview-logo')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Remove logo' })).toBeVisible();

  // A custom domain: the TXT record to create, and a Verify that says what it found.
  const domain = page.getByRole('form', { name: 'Custom domain' });
  await domain.getByLabel('Domain').fill('https://status.example.com/');
  await domain.getByRole('button', { name: 'Save domain' }).click();
  await expect(domain.getByText('Only the host name: no scheme, port or path')).toBeVisible();
  await domain.getByLabel('Domain').fill('Status.Example.com');
  await domain.getByRole('button', { name: 'Save domain' }).click();
  await expect(page.getByTestId('domain-state')).toHaveText('Not verified');
  await expect(page.getByRole('textbox', { name: 'Record name' })).toHaveValue('_vigil-challenge.status.example.com');
  await expect(page.getByRole('textbox', { name: 'Record value' })).toHaveValue(/^vigil-verification=/);
  await page.getByRole('button', { name: 'Verify' }).click();
  await expect(page.getByTestId('verify-outcome')).toContainText('Not verified yet');
  await expect(page.getByTestId('domain-state')).toHaveText('Not verified');
  expect(await seriousViolations(page)).toEqual([]);

  // Deleted after a confirmation.
  await page.getByRole('button', { name: 'Delete status page' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Delete page' }).click();
  await expect(page.getByRole('heading', { name: 'Status pages' })).toBeVisible();
  await expect(page.getByText('No status pages yet')).toBeVisible();

  expect(consoleErrors).toEqual([]);
});

test('incidents from a template, updated and resolved, a postmortem with a safe preview, maintenance on the calendar', async ({ page, consoleErrors }) => {
  const { projectUrl } = await signUpWithOrganization(page, 'Ops Co');
  const projectId = projectUrl.split('/projects/')[1];
  // The page and its components through the API: this test is about what comes after.
  const made = await gql<{ createStatusPage: { id: string } }>(page, 'mutation($input: CreateStatusPageInput!) { createStatusPage(input: $input) { id } }', {
    input: { projectId, name: 'Ops Co' },
  });
  const statusPageId = made.createStatusPage.id;
  await gql(page, 'mutation($id: ID!, $input: UpdateStatusPageInput!) { updateStatusPage(id: $id, input: $input) { id } }', { id: statusPageId, input: { timezone: 'Europe/Paris' } });
  for (const name of ['Database', 'Dashboard']) {
    await gql(page, 'mutation($input: CreateStatusPageComponentInput!) { createStatusPageComponent(input: $input) { id } }', { input: { statusPageId, name } });
  }
  const base = `${projectUrl}/status-pages/${statusPageId}`;
  const sections = page.getByRole('navigation', { name: 'Status page sections' });

  // A template, then an incident composed from it.
  await page.goto(`${base}/templates`);
  await page.getByRole('button', { name: 'New template' }).click();
  const editor = page.getByRole('form', { name: 'New template' });
  await editor.getByLabel('Name').fill('Database down');
  await editor.getByLabel('Incident title').fill('Database unreachable');
  await editor.getByLabel('Message').fill('Queries fail; we are on it.');
  await editor.getByRole('checkbox', { name: 'Database' }).check();
  await editor.getByRole('button', { name: 'Save template' }).click();
  await expect(page.getByTestId('template-table')).toContainText('Database unreachable');

  await sections.getByRole('link', { name: 'Incidents' }).click();
  await page.getByRole('link', { name: 'Report an incident' }).click();
  const composer = page.getByRole('form', { name: 'New incident' });
  await composer.getByLabel('Start from a template').click();
  await page.getByRole('option', { name: 'Database down' }).click();
  await expect(composer.getByLabel('Title')).toHaveValue('Database unreachable');
  await expect(composer.getByLabel('Message')).toHaveValue('Queries fail; we are on it.');
  await expect(composer.getByRole('checkbox', { name: 'Database' })).toBeChecked();
  await composer.getByRole('combobox', { name: 'Status of Database' }).selectOption('MAJOR_OUTAGE');
  await composer.getByRole('button', { name: 'Open incident' }).click();
  await expect(page.getByTestId('incident-status')).toHaveAttribute('data-status', 'INVESTIGATING');
  const incidentId = page.url().split('/incidents/')[1];
  await expect(page.getByTestId('incident-components')).toContainText('Major outage');

  // An update that moves to monitoring and brings the database back to degraded.
  const update = page.getByRole('form', { name: 'Post an update' });
  await update.getByRole('radio', { name: 'Monitoring' }).check();
  await update.getByLabel('Message').fill('A replica took over. <b>Watching</b>.');
  await update.getByRole('combobox', { name: 'Status of Database' }).selectOption('DEGRADED_PERFORMANCE');
  await update.getByRole('button', { name: 'Post update' }).click();
  await expect(page.getByTestId('incident-status')).toHaveAttribute('data-status', 'MONITORING');
  await expect(page.getByTestId('incident-timeline').getByTestId('update-message').first()).toHaveText('A replica took over. <b>Watching</b>.');
  // An update shown in the future is refused before sending.
  await update.getByLabel('Message').fill('Later');
  await update.getByLabel(/Shown at/).fill('2999-01-01T10:00');
  await update.getByRole('button', { name: 'Post update' }).click();
  await expect(update.getByText('Must not be in the future')).toBeVisible();

  // Resolved with the standard message; it takes no more updates.
  await page.getByRole('button', { name: 'Resolve' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Resolve' }).click();
  await expect(page.getByTestId('incident-status')).toHaveAttribute('data-status', 'RESOLVED');
  await expect(page.getByRole('form', { name: 'Post an update' })).toHaveCount(0);
  await expect(page.getByTestId('incident-timeline')).toContainText('This incident has been resolved.');
  expect(await seriousViolations(page)).toEqual([]);

  // The postmortem: Markdown with a preview that renders no script, saved, then published.
  await page.getByRole('link', { name: 'Write the postmortem' }).click();
  const markdown = page.getByRole('textbox', { name: 'Markdown' });
  await markdown.fill('## Root cause\n\nThe **primary** disk filled.\n\n<img src=x onerror="window.hacked=1"><script>window.hacked=2</script>\n\n[details](javascript:window.hacked=3)');
  const preview = page.getByTestId('postmortem-preview');
  await expect(preview.getByRole('heading', { name: 'Root cause' })).toBeVisible();
  await expect(preview.locator('strong')).toHaveText('primary');
  await expect(preview).toContainText('<script>window.hacked=2</script>');
  await expect(preview.locator('img, script, a[href^="javascript"]')).toHaveCount(0);
  await page.getByRole('button', { name: 'Save draft' }).click();
  await expect(page.getByTestId('postmortem-state')).toHaveText('Draft');
  await page.getByRole('checkbox', { name: 'Notify subscribers when publishing' }).check();
  await page.getByRole('button', { name: 'Publish postmortem' }).click();
  await expect(page.getByTestId('postmortem-state')).toHaveText('Published');
  expect(await page.evaluate(() => (window as unknown as { hacked?: number }).hacked)).toBeUndefined();
  expect(await seriousViolations(page)).toEqual([]);
  await page.getByRole('button', { name: 'Unpublish postmortem' }).click();
  await expect(page.getByTestId('postmortem-state')).toHaveText('Draft');
  // Told once: publishing again cannot notify twice.
  await expect(page.getByRole('checkbox', { name: 'Notify subscribers when publishing' })).toBeDisabled();

  // Maintenance: scheduled in the page's zone, listed under its day.
  await sections.getByRole('link', { name: 'Maintenance' }).click();
  await expect(page.getByText('No maintenance scheduled')).toBeVisible();
  await page.getByRole('link', { name: 'Schedule maintenance' }).click();
  const schedule = page.getByRole('form', { name: 'Schedule maintenance' });
  await schedule.getByLabel('Title').fill('Database upgrade');
  await schedule.getByLabel('Message').fill('Writes pause for ten minutes.');
  await schedule.getByRole('textbox', { name: 'Ends', exact: true }).fill('2020-01-01T10:00');
  await schedule.getByRole('button', { name: 'Schedule maintenance' }).click();
  await expect(schedule.getByText(/End must be after the start|Must not be in the past/)).toBeVisible();
  const year = new Date().getUTCFullYear() + 1;
  await schedule.getByRole('textbox', { name: 'Starts', exact: true }).fill(`${year}-03-10T22:00`);
  await schedule.getByRole('textbox', { name: 'Ends', exact: true }).fill(`${year}-03-10T23:30`);
  await schedule.getByRole('checkbox', { name: 'Database' }).check();
  await schedule.getByRole('button', { name: 'Schedule maintenance' }).click();
  await expect(page.getByTestId('incident-status')).toHaveAttribute('data-status', 'SCHEDULED');
  await expect(page.getByText(/10 Mar \d{4}, 22:00 (CET|GMT\+1)/)).toBeVisible();
  await sections.getByRole('link', { name: 'Maintenance' }).click();
  const upcoming = page.getByTestId('maintenance-upcoming');
  await expect(upcoming).toContainText(/Wednesday|Tuesday|Monday|Thursday|Friday|Saturday|Sunday/);
  await expect(upcoming.getByTestId('maintenance-Database upgrade')).toContainText('22:00–23:30');
  await expect(upcoming).toContainText(`10 March ${year}`);
  expect(await seriousViolations(page)).toEqual([]);

  // Another account, in its own project, opens neither this page nor, under a page of its
  // own, this page's incident.
  const other = await page.context().browser()!.newContext({ baseURL: new URL(page.url()).origin });
  const stranger = await other.newPage();
  const { projectUrl: theirs } = await signUpWithOrganization(stranger, 'Other Co');
  await stranger.goto(`${theirs}/status-pages/${statusPageId}/incidents`);
  await expect(stranger.getByText('This status page does not exist, or it is not shared with you.')).toBeVisible();
  const own = await gql<{ createStatusPage: { id: string } }>(stranger, 'mutation($input: CreateStatusPageInput!) { createStatusPage(input: $input) { id } }', {
    input: { projectId: theirs.split('/projects/')[1], name: 'Other Co' },
  });
  await stranger.goto(`${theirs}/status-pages/${own.createStatusPage.id}/incidents/${incidentId}/postmortem`);
  await expect(stranger.getByText('This incident does not exist, or it is not shared with you.')).toBeVisible();
  await stranger.goto(`${theirs}/status-pages/${own.createStatusPage.id}/incidents/${incidentId}`);
  await expect(stranger.getByText('This incident does not exist, or it is not shared with you.')).toBeVisible();
  await other.close();

  expect(consoleErrors).toEqual([]);
});

test('subscribers: a visitor subscribes without JavaScript, editors add, filter, export, release and remove', async ({ page, vigil, consoleErrors }) => {
  const { projectUrl } = await signUpWithOrganization(page, 'Subs Co');
  const projectId = projectUrl.split('/projects/')[1];
  const subdomain = `subs-co-${Date.now()}`;
  const created = await gql<{ createStatusPage: { id: string } }>(page, 'mutation($i: CreateStatusPageInput!) { createStatusPage(input: $i) { id } }', {
    i: { projectId, name: 'Subs Co', subdomain },
  });
  const pageId = created.createStatusPage.id;
  await gql(page, 'mutation($i: CreateStatusPageComponentInput!) { createStatusPageComponent(input: $i) { id } }', { i: { statusPageId: pageId, name: 'API' } });
  await gql(page, 'mutation($id: ID!, $i: UpdateStatusPageInput!) { updateStatusPage(id: $id, input: $i) { id } }', { id: pageId, i: { allowWebhookSubscribers: true } });
  await gql(page, 'mutation($id: ID!) { publishStatusPage(id: $id) { id } }', { id: pageId });

  // A visitor: the public form, in a browser without JavaScript.
  const context = await page.context().browser()!.newContext({ javaScriptEnabled: false });
  const visitor = await context.newPage();
  await visitor.goto(`${vigil.url}/status/${subdomain}`);
  await visitor.getByRole('link', { name: 'Subscribe to updates' }).click();
  await expect(visitor.getByRole('heading', { name: 'Subscribe to Subs Co updates' })).toBeVisible();
  await visitor.getByLabel('Email address').fill('ann@localhost');
  await visitor.getByRole('button', { name: 'Subscribe' }).click();
  await expect(visitor.getByRole('alert')).toContainText('is not a valid email address');
  await visitor.getByLabel('Email address').fill('visitor@example.com');
  await visitor.getByRole('checkbox', { name: 'API' }).check();
  await visitor.getByRole('button', { name: 'Subscribe' }).click();
  await expect(visitor.getByRole('heading', { name: 'Check your messages' })).toBeVisible();
  await context.close();
  // axe needs script of its own: the form again, in an ordinary browser.
  const checking = await page.context().browser()!.newContext();
  const checker = await checking.newPage();
  await checker.goto(`${vigil.url}/status/${subdomain}/subscribe`);
  expect(await seriousViolations(checker)).toEqual([]);
  await checking.close();

  // The editor's tab.
  await page.goto(`${projectUrl}/status-pages/${pageId}/subscribers`);
  await expect(page.getByRole('heading', { name: 'Subscribers', level: 2 })).toBeVisible();
  const visitorRow = page.getByTestId('subscriber-row-visitor@example.com');
  await expect(visitorRow).toContainText('Pending');
  await expect(visitorRow).toContainText('API');

  await page.getByRole('button', { name: 'Add subscriber' }).click();
  const add = page.getByRole('form', { name: 'Add subscriber' });
  await add.getByLabel('Email address').fill('ops@example.com');
  await add.getByRole('switch', { name: /Skip confirmation/ }).check();
  await add.getByRole('button', { name: 'Add subscriber' }).click();
  await expect(page.getByTestId('subscriber-row-ops@example.com')).toContainText('Active');
  // The same address twice is refused.
  await page.getByRole('button', { name: 'Add subscriber' }).click();
  await add.getByLabel('Email address').fill('OPS@example.com');
  await add.getByRole('button', { name: 'Add subscriber' }).click();
  await expect(add.getByText(/subscribed to the page already/)).toBeVisible();
  await page.getByRole('button', { name: 'Cancel' }).click();

  // Filters.
  await page.getByRole('combobox', { name: 'State', exact: true }).click();
  await page.getByRole('option', { name: 'Pending', exact: true }).click();
  await expect(page.getByTestId('subscriber-count')).toHaveText('1 subscriber');
  await expect(page.getByTestId('subscriber-row-ops@example.com')).toHaveCount(0);
  await page.getByRole('combobox', { name: 'State', exact: true }).click();
  await page.getByRole('option', { name: 'Active', exact: true }).click();
  await expect(page.getByTestId('subscriber-row-ops@example.com')).toBeVisible();

  // The export downloads a CSV of every subscriber.
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export CSV' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(new RegExp(`^${subdomain}-subscribers-\\d{4}-\\d{2}-\\d{2}\\.csv$`));
  const csv = await (await file.createReadStream()).toArray();
  const text = Buffer.concat(csv).toString('utf8');
  expect(text.split('\r\n')[0]).toMatch(/^id,mode,email,/);
  expect(text).toContain('visitor@example.com');
  expect(text).toContain('ops@example.com');

  // Remove.
  await page.getByRole('button', { name: 'Remove subscriber ops@example.com' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Remove' }).click();
  await expect(page.getByTestId('subscriber-row-ops@example.com')).toHaveCount(0);
  await expect(page.getByTestId('metric-views')).not.toHaveText('—');
  expect(await seriousViolations(page)).toEqual([]);
  expect(consoleErrors).toEqual([]);
});
