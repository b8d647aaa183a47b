import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Page } from '@playwright/test';
import { Vigil } from './vigil';

interface Fixtures {
  /** Console errors and uncaught exceptions of the page; each test ends by checking none. */
  consoleErrors: string[];
  /** On a failure, attaches the page's address and the end of the server's log to the report. */
  diagnostics: void;
}

export const test = base.extend<Fixtures, { vigil: Vigil }>({
  vigil: [
    async ({}, use) => {
      const vigil = await Vigil.start();
      await use(vigil);
      await vigil.stop();
    },
    { scope: 'worker' },
  ],
  baseURL: async ({ vigil }, use) => use(vigil.url),
  page: async ({ page }, use) => {
    // The sidebar keeps the settings pages behind one folded "Settings" entry. Journeys that
    // click through those pages start as a user who unfolded it once (the choice is kept in
    // localStorage); overview.spec.ts folds and unfolds it.
    await page.addInitScript(() => {
      if (localStorage.getItem('vigil.nav.settings') === null) localStorage.setItem('vigil.nav.settings', '"open"');
    });
    await use(page);
  },
  diagnostics: [
    async ({ page, vigil }, use, testInfo) => {
      await use();
      if (testInfo.status === testInfo.expectedStatus) return;
      const body = `${vigil.logTail(30)}\npage: ${page.url()}`;
      await testInfo.attach('vigil log', { body, contentType: 'text/plain' });
    },
    { auto: true },
  ],
  consoleErrors: async ({ page }, use) => {
    const errors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    page.on('pageerror', (error) => errors.push(String(error)));
    await use(errors);
  },
});

export { expect };

/** A GraphQL call with the browser's session cookie, for what a journey does not click through. */
export async function gql<T = Record<string, unknown>>(page: Page, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const response = await page.request.post('/graphql', { data: { query, variables }, headers: { 'x-requested-with': 'e2e' } });
  const body = (await response.json()) as { data?: T; errors?: { message: string }[] };
  if (body.errors?.length) throw new Error(body.errors.map((e) => e.message).join('; '));
  return body.data as T;
}

let counter = 0;

/** An address no account has yet. */
export function newEmail(prefix = 'user'): string {
  counter += 1;
  return `${prefix}${Date.now()}${counter}@example.com`;
}

/** A new account through the sign-up page; returns its email. */
export async function signUp(page: Page, name = 'Ann Example'): Promise<string> {
  const email = newEmail();
  await page.goto('/sign-up');
  await page.getByLabel('Name').fill(name);
  await page.getByLabel('Email').fill(email);
  await page.getByRole('textbox', { name: 'Password', exact: true }).fill('correct horse battery');
  await page.getByRole('button', { name: 'Create account' }).click();
  return email;
}

/** Signs up, creates an organization through onboarding, and lands in its default project. */
export async function signUpWithOrganization(page: Page, organization = 'Acme'): Promise<{ email: string; projectUrl: string }> {
  const email = await signUp(page);
  await expect(page.getByRole('heading', { name: 'Create an organization' })).toBeVisible();
  await page.getByLabel('Name').fill(organization);
  await page.getByRole('button', { name: 'Create organization' }).click();
  await expect(page.getByRole('heading', { name: 'Monitors' })).toBeVisible();
  const projectUrl = page.url().replace(/\/monitors$/, '');
  return { email, projectUrl };
}

/** The id of the organization the sidebar's Organization section is about. */
export async function organizationId(page: Page): Promise<string> {
  const href = await page.getByRole('navigation', { name: 'Organization' }).getByRole('link', { name: 'Projects' }).getAttribute('href');
  const id = /^\/organizations\/([^/]+)\/projects$/.exec(href ?? '')?.[1];
  if (!id) throw new Error(`no organization in ${href}`);
  return id;
}

/** Serious and critical axe violations on the current page (WCAG 2.1 A and AA rules). */
export async function seriousViolations(page: Page): Promise<string[]> {
  // Contrast is measured once transitions have ended: a popover or modal caught fading in has
  // blended colours that no one reads.
  // (Spinners and other endless animations are left running.) Two frames first, so that a
  // change just made (a colour scheme switched, a click) has started its transitions.
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  await page.evaluate(() =>
    Promise.all(
      document
        .getAnimations()
        .filter((a) => a.effect?.getTiming().iterations !== Infinity)
        .map((a) => a.finished.catch(() => undefined)),
    ),
  );
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => `${n.target.join(' ')}: ${n.any[0]?.message ?? ''}`).join('; ')}`);
}
