import type { Page } from '@playwright/test';
import { test as base, expect, organizationId, seriousViolations, signUpWithOrganization } from './fixtures';
import { Vigil } from './vigil';

// The first account of an instance is its system administrator. The suite shares one server
// per worker, so this spec starts its own: its first sign-up is the administrator. The server
// is self-hosted (the suite's default), where billing is off; the usage, quota and
// spending-limit sections wait for their API and are covered by Vitest.
const test = base.extend<object, { billingVigil: Vigil }>({
  billingVigil: [
    async ({}, use) => {
      const vigil = await Vigil.start();
      await use(vigil);
      await vigil.stop();
    },
    { scope: 'worker' },
  ],
  baseURL: async ({ billingVigil }, use) => use(billingVigil.url),
});

test.describe.configure({ mode: 'serial' });

/** Picks `option` in the select labelled `label` inside `scope`. */
async function choose(page: Page, scope: ReturnType<Page['getByRole']>, label: string, option: string) {
  await scope.getByRole('combobox', { name: label, exact: true }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

let adminOrganization = '';

test('self-hosted billing is off; a system administrator creates, edits and assigns a plan', async ({ page, consoleErrors }) => {
  await signUpWithOrganization(page, 'Acme');
  const orgId = await organizationId(page);
  adminOrganization = orgId;

  // No Billing entry where nothing is billed; the page says so, with the unlimited plan.
  await expect(page.getByRole('navigation', { name: 'Organization' }).getByRole('link', { name: 'Members' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Organization' }).getByRole('link', { name: 'Billing' })).toHaveCount(0);
  await page.goto(`/organizations/${orgId}/billing`);
  await expect(page.getByRole('heading', { name: 'Acme: billing' })).toBeVisible();
  await expect(page.getByText('Billing is off on self-hosted instances')).toBeVisible();
  await expect(page.getByText('unlimited', { exact: true })).toBeVisible();
  await expect(page.getByRole('alert')).toHaveCount(0);
  expect(await seriousViolations(page)).toEqual([]);

  // The plans, from the Administration section only system administrators have.
  await page.getByRole('navigation', { name: 'Administration' }).getByRole('link', { name: 'Plans' }).click();
  await expect(page.getByRole('heading', { name: 'Plans', exact: true })).toBeVisible();
  for (const seeded of ['free', 'plus', 'pro', 'unlimited']) {
    await expect(page.getByRole('link', { name: `Edit plan ${seeded}` })).toBeVisible();
  }
  expect(await seriousViolations(page)).toEqual([]);

  // A new plan: checked before sending, then by the server (a seeded plan's name is taken).
  await page.getByRole('link', { name: 'New plan' }).click();
  const create = page.getByRole('form', { name: 'New plan' });
  await create.getByRole('textbox', { name: 'Name', exact: true }).fill('free');
  await create.getByRole('textbox', { name: 'Price', exact: true }).fill('-4');
  await create.getByLabel('Polar product id').fill('not-a-uuid');
  await create.getByRole('button', { name: 'Create plan' }).click();
  await expect(create.getByText('A price between 0 and 1000000')).toBeVisible();
  await expect(create.getByText('A Polar product id (a UUID)')).toBeVisible();
  await create.getByRole('textbox', { name: 'Price', exact: true }).fill('49');
  await create.getByLabel('Polar product id').fill('');
  await create.getByRole('button', { name: 'Create plan' }).click();
  await expect(create.getByText(/another plan has this name/)).toBeVisible();
  await expect(page.getByRole('heading', { name: 'New plan' })).toBeVisible();

  await create.getByRole('textbox', { name: 'Name', exact: true }).fill('team');
  await create.getByLabel('Description').fill('For growing teams');
  await create.getByLabel('Features').fill('250 monitors\n<script>alert(1)</script>');
  await choose(page, create, 'Limits', 'Pro');
  await create.getByLabel('Stripe price id').fill('price_team_monthly');
  expect(await seriousViolations(page)).toEqual([]);
  await create.getByRole('button', { name: 'Create plan' }).click();
  await expect(page.getByRole('heading', { name: 'Plans', exact: true })).toBeVisible();
  const team = page.getByRole('row').filter({ has: page.getByRole('link', { name: 'Edit plan team' }) });
  await expect(team).toContainText('$49 / month');
  await expect(team).toContainText('Pro');
  await expect(team).toContainText('Stripe');
  await expect(team).toContainText('active');

  // Edited: a yearly price, sold through Polar too; the feature that looks like a script stays text.
  await page.getByRole('link', { name: 'Edit plan team' }).click();
  const edit = page.getByRole('form', { name: 'Plan team' });
  await expect(edit.getByLabel('Features')).toHaveValue('250 monitors\n<script>alert(1)</script>');
  await edit.getByRole('textbox', { name: 'Price', exact: true }).fill('490');
  await choose(page, edit, 'Interval', 'Yearly');
  await edit.getByLabel('Polar product id').fill('3f1c2a4e-7f55-4b8b-9d7e-4b1e5b2b9a10');
  await edit.getByRole('button', { name: 'Save plan' }).click();
  await expect(page.getByRole('heading', { name: 'Plans', exact: true })).toBeVisible();
  await expect(team).toContainText('$490 / year');
  await expect(team).toContainText('Stripe, Polar');

  // A seeded plan keeps its name.
  await page.getByRole('link', { name: 'Edit plan free' }).click();
  await expect(page.getByRole('form', { name: 'Plan free' }).getByRole('textbox', { name: 'Name', exact: true })).toBeDisabled();
  await page.getByRole('button', { name: 'Cancel' }).click();

  // Assigned by hand: an id that is not one is refused before sending, an unknown one by the server.
  const assign = page.getByRole('form', { name: 'Assign a plan' });
  await choose(page, assign, 'Organization', 'Another organization (by id)');
  await assign.getByLabel('Organization id').fill("x' OR 1=1");
  await choose(page, assign, 'Plan', 'team');
  await assign.getByRole('button', { name: 'Assign plan' }).click();
  await expect(assign.getByText(/An organization id is a UUID/)).toBeVisible();
  await assign.getByLabel('Organization id').fill('0190c3e2-7f55-7b8b-9d7e-4b1e5b2b9a10');
  await assign.getByRole('button', { name: 'Assign plan' }).click();
  await expect(assign.getByText(/Not found/)).toBeVisible();
  await choose(page, assign, 'Organization', 'Acme');
  await assign.getByRole('button', { name: 'Assign plan' }).click();
  await expect(assign.getByRole('status')).toHaveText('Acme is now on the team plan.');
  expect(await seriousViolations(page)).toEqual([]);

  // The organization's audit trail has it.
  await page.goto(`/organizations/${orgId}/audit-log`);
  await choose(page, page.getByRole('search', { name: 'Filter the audit log' }), 'What', 'Billing');
  await expect(page.getByTestId('audit-entry').filter({ hasText: 'put the organization on plan team' })).toBeVisible();
  expect(consoleErrors).toEqual([]);
});

test('another account: billing off, no plan screens, and no way into the first organization', async ({ page, consoleErrors }) => {
  await signUpWithOrganization(page, 'Beta');
  const orgId = await organizationId(page);
  await expect(page.getByRole('navigation', { name: 'Administration' })).toHaveCount(0);

  await page.goto('/admin/plans');
  await expect(page.getByText('Only system administrators manage plans')).toBeVisible();
  await expect(page.getByRole('link', { name: 'New plan' })).toHaveCount(0);

  await page.goto(`/organizations/${orgId}/billing`);
  await expect(page.getByText('Billing is off on self-hosted instances')).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);

  // Another tenant's billing page does not exist for this account.
  expect(adminOrganization).not.toBe('');
  await page.goto(`/organizations/${adminOrganization}/billing`);
  await expect(page.getByRole('heading', { name: 'Not found' })).toBeVisible();
  await expect(page.getByText('team')).toHaveCount(0);
  expect(consoleErrors).toEqual([]);
});
