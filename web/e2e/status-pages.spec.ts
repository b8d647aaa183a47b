import type { Page } from '@playwright/test';
import { expect, seriousViolations, signUpWithOrganization, test } from './fixtures';
import { Target } from './target';

/** A GraphQL call with the browser's session cookie, for what the journey does not click through. */
async function gql<T = Record<string, unknown>>(page: Page, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const response = await page.request.post('/graphql', { data: { query, variables }, headers: { 'x-requested-with': 'e2e' } });
  const body = (await response.json()) as { data?: T; errors?: { message: string }[] };
  if (body.errors?.length) throw new Error(body.errors.map((e) => e.message).join('; '));
  return body.data as T;
}

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

test('a status page: created, two components linked to a monitor, reordered with the keyboard, published, live', async ({ page, consoleErrors }) => {
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
    // The order is the server's: it survives a reload.
    await page.reload();
    await expect(names).toHaveText(['API', 'Website']);
    expect(await seriousViolations(page)).toEqual([]);

    // Live: the monitor goes down and the component follows without a reload.
    await expect(page.getByTestId('component-API').getByTestId('component-status')).toHaveAttribute('data-status', 'OPERATIONAL');
    await page.evaluate(() => ((window as unknown as { marker: number }).marker = 7));
    target.status = 500;
    await gql(page, 'mutation($id: ID!) { checkMonitorNow(id: $id) { id } }', { id: monitorId });
    await expect(page.getByTestId('component-API').getByTestId('component-status')).toHaveAttribute('data-status', 'MAJOR_OUTAGE', { timeout: 45_000 });
    expect(await page.evaluate(() => (window as unknown as { marker: number }).marker)).toBe(7);

    // Published: the public page shows the components.
    await page.getByRole('button', { name: 'Publish' }).click();
    await expect(page.getByTestId('status-page-state')).toHaveText('Published');
    const publicUrl = await page.getByRole('link', { name: new RegExp(`/status/${subdomain}$`) }).getAttribute('href');
    expect(publicUrl).toMatch(new RegExp(`/status/${subdomain}$`));

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
