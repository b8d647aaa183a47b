import { test as base, expect, gql, organizationId, seriousViolations, signUp } from './fixtures';
import { SmtpReceiver } from './smtp';
import { Vigil } from './vigil';

// Billing where the instance bills: a cloud-mode server of its own (the suite's shared server
// is self-hosted). A new organization starts on the free plan: its usage meters with the
// included amounts, its quotas, the spending limit, and a limit shown where it bites. Cloud
// mode needs SMTP: a loopback receiver takes the mails.
const test = base.extend<object, { cloud: { vigil: Vigil; smtp: SmtpReceiver } }>({
  cloud: [
    async ({}, use) => {
      const smtp = await SmtpReceiver.start();
      const vigil = await Vigil.start({ VIGIL_MODE: 'cloud', ...smtp.settings() });
      await use({ vigil, smtp });
      await vigil.stop();
      await smtp.stop();
    },
    { scope: 'worker' },
  ],
  baseURL: async ({ cloud }, use) => use(cloud.vigil.url),
});

test.describe.configure({ mode: 'serial' });

test('a free organization sees its meters and quotas, sets a spending limit, and meets its monitor limit', async ({ page, cloud, consoleErrors }) => {
  // Signed in by the link of the verification mail (cloud sign-ups open no session).
  const email = await signUp(page);
  await expect(page.getByText('Check your email')).toBeVisible();
  const prefix = `${cloud.vigil.url}/verify-email?token=`;
  await expect.poll(() => cloud.smtp.linkTo(email, prefix)).not.toBeNull();
  await page.goto(cloud.smtp.linkTo(email, prefix)!);
  await expect(page.getByText('Email verified')).toBeVisible();
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Create an organization' })).toBeVisible();
  await page.getByLabel('Name').fill('Cloudy');
  await page.getByRole('button', { name: 'Create organization' }).click();
  await expect(page.getByRole('heading', { name: 'Monitors' })).toBeVisible();
  const projectUrl = page.url().replace(/\/monitors$/, '');
  const orgId = await organizationId(page);

  // Billing is in the sidebar where the instance bills.
  await page.getByRole('navigation', { name: 'Organization' }).getByRole('link', { name: 'Billing' }).click();
  await expect(page.getByRole('heading', { name: 'Cloudy: billing' })).toBeVisible();
  await expect(page.getByText('Current plan: free')).toBeVisible();

  // The period's meters with what the plan includes, and the quotas in use.
  const usage = page.getByRole('region', { name: 'Usage this period' });
  await expect(usage.getByText('0 of 60 minutes')).toBeVisible();
  await expect(usage.getByText(/checks \(not limited by the plan\)/)).toBeVisible();
  await expect(usage.getByText('Overage this period: $0.00')).toBeVisible();
  const quotas = page.getByRole('region', { name: 'Plan limits in use' });
  await expect(quotas.getByText('0 of 10')).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);

  // The spending limit: checked before sending, then saved, and read back after a reload.
  const form = page.getByRole('form', { name: 'Spending limit' });
  await form.getByRole('switch', { name: /Limit what usage beyond the plan/ }).check();
  await form.getByRole('textbox', { name: /Monthly limit/ }).fill('-5');
  await form.getByRole('button', { name: 'Save spending limit' }).click();
  await expect(form.getByText('Enter an amount like 50 or 49.99', { exact: true })).toBeVisible();
  const before = await gql<{ organization: { billingSettings: { enableSpendingLimit: boolean } } }>(
    page,
    'query($id: ID!) { organization(id: $id) { billingSettings { enableSpendingLimit } } }',
    { id: orgId },
  );
  expect(before.organization.billingSettings.enableSpendingLimit).toBe(false);
  await form.getByRole('textbox', { name: /Monthly limit/ }).fill('25');
  await form.getByRole('checkbox', { name: /Hard stop/ }).check();
  await form.getByRole('button', { name: 'Save spending limit' }).click();
  await expect(page.getByText('Spending limit saved')).toBeVisible();
  await page.reload();
  await expect(page.getByText('Spending limit: $25.00 (0% used)')).toBeVisible();
  const saved = page.getByRole('form', { name: 'Spending limit' });
  await expect(saved.getByRole('textbox', { name: /Monthly limit/ })).toHaveValue('25');
  await expect(saved.getByRole('checkbox', { name: /Hard stop/ })).toBeChecked();

  // The free plan's ten monitors: the tenth made, "New monitor" is off with the reason.
  const projectId = /\/projects\/([^/]+)/.exec(projectUrl)?.[1];
  expect(projectId).toBeTruthy();
  for (let i = 1; i <= 10; i++) {
    await gql(page, 'mutation($i: CreateMonitorInput!) { createMonitor(input: $i) { id } }', {
      i: { projectId, name: `site ${i}`, type: 'HEARTBEAT', frequencyMinutes: 60, heartbeat: { gracePeriodMinutes: 10 } },
    });
  }
  await page.goto(`/projects/${projectId}/monitors`);
  await expect(page.getByRole('button', { name: 'New monitor' })).toBeDisabled();
  await expect(page.getByText('Your plan allows 10 monitors:')).toBeVisible();
  await page.getByRole('link', { name: 'upgrade' }).click();
  await expect(page.getByRole('heading', { name: 'Cloudy: billing' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Plan limits in use' }).getByText('10 of 10')).toBeVisible();
  expect(consoleErrors).toEqual([]);
});
