import { createHmac } from 'node:crypto';
import type { Page } from '@playwright/test';
import { expect, newEmail, signUpWithOrganization, test } from './fixtures';
import { Target } from './target';
import { totp } from './totp';

const PASSWORD = 'correct horse battery';

/** Signs out through the account menu. */
async function signOut(page: Page) {
  await page.getByTestId('user-menu').click();
  await page.getByRole('menuitem', { name: 'Sign out' }).click();
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
}

/** Opens an entry of the navigation section `section` (Project settings, Organization, Account). */
async function open(page: Page, section: string, entry: string, heading: string) {
  await page.getByRole('navigation', { name: section }).getByRole('link', { name: entry, exact: true }).click();
  await expect(page.getByRole('heading', { name: heading, exact: true })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Loading' })).toHaveCount(0);
}

/** Picks `option` in the select labelled `label` inside `scope`. */
async function choose(page: Page, scope: ReturnType<Page['getByRole']>, label: string, option: string) {
  await scope.getByRole('combobox', { name: label, exact: true }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

/** The audit log's sentences about `what` (its "What" filter) that contain `text`, as an admin finds them. */
async function auditEntries(page: Page, what: string, text: string | RegExp) {
  const filter = page.getByRole('search', { name: 'Filter the audit log' }).getByRole('combobox', { name: 'What', exact: true });
  if ((await filter.inputValue()) !== what) {
    await filter.click();
    await page.getByRole('option', { name: what, exact: true }).click();
  }
  return page.getByTestId('audit-entry').filter({ hasText: text });
}

test('two-factor sign-in: turned on with a code from the secret shown, then asked for at sign-in', async ({ page, consoleErrors }) => {
  const { email } = await signUpWithOrganization(page, 'Two Factor Ltd');
  await open(page, 'Account', 'Security', 'Security');
  const setUp = page.getByRole('form', { name: 'Set up two-factor authentication' });
  await setUp.getByRole('textbox', { name: 'Password', exact: true }).fill('not my password');
  await setUp.getByRole('button', { name: 'Set up' }).click();
  await expect(setUp.getByText('the password is wrong')).toBeVisible();
  await setUp.getByRole('textbox', { name: 'Password', exact: true }).fill(PASSWORD);
  await setUp.getByRole('button', { name: 'Set up' }).click();

  // The secret, as an authenticator app would take it; the app's codes turn it on.
  const confirm = page.getByRole('form', { name: 'Confirm two-factor authentication' });
  const secret = await confirm.getByRole('textbox', { name: 'Secret' }).inputValue();
  expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
  await expect(confirm.getByText(`otpauth://totp/Vigil:`)).toBeVisible();
  const current = totp(secret);
  await confirm.getByRole('textbox', { name: 'Code' }).fill(current === '000000' ? '111111' : '000000');
  await confirm.getByRole('button', { name: 'Turn on' }).click();
  await expect(confirm.getByText('the code is wrong or has expired')).toBeVisible();
  await confirm.getByRole('textbox', { name: 'Code' }).fill(totp(secret));
  await confirm.getByRole('button', { name: 'Turn on' }).click();
  await expect(page.getByRole('form', { name: 'Turn off two-factor authentication' })).toBeVisible();
  await expect(page.getByText('on', { exact: true })).toBeVisible();

  // Sign-in now asks for a code after the password.
  await signOut(page);
  await page.getByLabel('Email').fill(email);
  await page.getByRole('textbox', { name: 'Password', exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByText('Two-factor code', { exact: true })).toBeVisible();
  const firstDigit = page.locator('[aria-label="Two-factor code"] input').first();
  // A wrong code is refused.
  const next = totp(secret, Date.now() + 30_000);
  await firstDigit.click();
  await page.keyboard.type(next === '123456' ? '654321' : '123456');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  // The next step's code: the one that turned two-factor on is spent, and a code counts once.
  await firstDigit.click();
  await page.keyboard.type(next);
  await page.getByRole('button', { name: 'Sign in' }).click();
  // Signed in, back where the sign-out left: the security page, two-factor on.
  await expect(page.getByRole('heading', { name: 'Security', exact: true })).toBeVisible();
  await expect(page.getByRole('form', { name: 'Turn off two-factor authentication' })).toBeVisible();
  await expect(page.getByTestId('user-menu')).toContainText(email);
  expect(consoleErrors).toEqual([]);
});

test('an invitation: mailed to a new address, accepted from its link after sign-up and verification, the invitee a member with the role', async ({
  page,
  browser,
  vigil,
  consoleErrors,
}) => {
  await signUpWithOrganization(page, 'Invite Co');
  const invitee = newEmail('invitee');
  await open(page, 'Organization', 'Invitations', 'Invite Co: invitations');
  await expect(page.getByText('No invitations yet')).toBeVisible();
  const form = page.getByRole('form', { name: 'Invite someone' });
  await form.getByRole('textbox', { name: 'Email' }).fill(invitee);
  await choose(page, form, 'Role', 'Project editor');
  // The pills box around the input takes the click, as it does a user's.
  await form.getByRole('combobox', { name: 'Projects' }).click({ force: true });
  await page.getByRole('option', { name: 'Default', exact: true }).click();
  await page.keyboard.press('Escape');
  await form.getByRole('button', { name: 'Send invitation' }).click();
  await expect(page.getByRole('row').filter({ hasText: invitee })).toContainText('Pending');
  // The list says which projects the role is for.
  await expect(page.getByRole('row').filter({ hasText: invitee })).toContainText('Default');

  // The invitee opens the mailed link in their own browser, with no account yet.
  await expect.poll(() => vigil.mailedLinkTo(invitee, '/invitations/')).not.toBeNull();
  const link = vigil.mailedLinkTo(invitee, '/invitations/')!;
  const context = await browser.newContext({ baseURL: vigil.url });
  const guest = await context.newPage();
  const guestErrors: string[] = [];
  guest.on('console', (message) => message.type() === 'error' && guestErrors.push(message.text()));
  guest.on('pageerror', (error) => guestErrors.push(String(error)));
  try {
    await guest.goto(link);
    await expect(guest.getByRole('heading', { name: 'Sign in' })).toBeVisible();
    await guest.getByRole('link', { name: 'Create an account' }).click();
    await guest.getByLabel('Name').fill('Ivy Invitee');
    await guest.getByLabel('Email').fill(invitee);
    await guest.getByRole('textbox', { name: 'Password', exact: true }).fill(PASSWORD);
    await guest.getByRole('button', { name: 'Create account' }).click();
    // Back on the invitation, which waits for a verified address.
    await expect(guest.getByRole('heading', { name: 'Join Invite Co' })).toBeVisible();
    await expect(guest.getByText('Verify your email address first')).toBeVisible();
    await expect.poll(() => vigil.mailedLinkTo(invitee, '/verify-email?token=')).not.toBeNull();
    await guest.goto(vigil.mailedLinkTo(invitee, '/verify-email?token=')!);
    await expect(guest.getByText('Email verified')).toBeVisible();
    await guest.goto(link);
    await expect(guest.getByText(`invited ${invitee} to Invite Co as Project editor`)).toBeVisible();
    await guest.getByRole('button', { name: 'Accept' }).click();
    await expect(guest.getByRole('heading', { name: 'Invite Co: projects' })).toBeVisible();
    await expect(guest.getByTestId('switcher')).toContainText('Invite Co');
    // An editor of the project: its monitors page offers to create one.
    await guest.getByRole('link', { name: 'Default', exact: true }).click();
    await expect(guest.getByRole('link', { name: 'New monitor' }).first()).toBeVisible();
    expect(guestErrors).toEqual([]);
  } finally {
    await context.close();
  }

  // The owner sees the new member, the invitation accepted, and both in the audit log.
  await open(page, 'Organization', 'Members', 'Invite Co: members');
  const member = page.getByRole('row').filter({ hasText: invitee });
  await expect(member).toContainText('Ivy Invitee');
  await expect(member.getByRole('combobox', { name: 'Role of Ivy Invitee' })).toHaveValue('Project editor');
  await open(page, 'Organization', 'Invitations', 'Invite Co: invitations');
  await expect(page.getByRole('row').filter({ hasText: invitee })).toContainText('Accepted');
  await open(page, 'Organization', 'Audit log', 'Invite Co: audit log');
  await expect(await auditEntries(page, 'Invitations', 'invited')).toContainText(invitee);
  await expect(await auditEntries(page, 'Invitations', 'accepted an invitation')).toContainText('Ivy Invitee');
  expect(consoleErrors).toEqual([]);
});

test('an API key: shown once, it calls the GraphQL API as its owner; disabled or deleted, it is refused', async ({ page, vigil, consoleErrors }) => {
  const { email, projectUrl } = await signUpWithOrganization(page, 'Key Holders');
  const projectId = new URL(projectUrl).pathname.split('/')[2];
  await page.getByTestId('user-menu').click();
  await page.getByRole('menuitem', { name: 'API keys' }).click();
  await expect(page.getByRole('heading', { name: 'API keys', exact: true })).toBeVisible();
  await expect(page.getByText('No API keys yet')).toBeVisible();
  const form = page.getByRole('form', { name: 'New API key' });
  await form.getByRole('textbox', { name: 'Name' }).fill('CI deploys');
  await choose(page, form, 'Permission', 'Write (queries and changes)');
  await form.getByRole('button', { name: 'Create key' }).click();
  const key = await page.getByTestId('new-api-key').getByRole('textbox', { name: 'API key' }).inputValue();
  expect(key.length).toBeGreaterThan(20);

  const call = async (query: string, variables: Record<string, unknown> = {}) => {
    const response = await fetch(`${vigil.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
      body: JSON.stringify({ query, variables }),
    });
    return (await response.json()) as { data?: Record<string, { [k: string]: unknown } | null>; errors?: { extensions?: { code?: string } }[] };
  };
  const me = await call('{ me { email } }');
  expect(me.errors).toBeUndefined();
  expect(me.data?.me?.email).toBe(email);
  const tag = await call('mutation($input: CreateTagInput!) { createTag(input: $input) { id name } }', { input: { projectId, name: 'made-by-ci' } });
  expect(tag.errors).toBeUndefined();
  expect(tag.data?.createTag?.name).toBe('made-by-ci');

  // Shown only once: gone after a reload, the list shows its start.
  await page.reload();
  const row = page.getByRole('row').filter({ hasText: 'CI deploys' });
  await expect(row).toContainText(`${key.slice(0, 6)}`);
  await expect(page.getByTestId('new-api-key')).toHaveCount(0);
  expect(await page.content()).not.toContain(key);

  // What it did is the owner's: the tag is in the project, the audit log names the key.
  await page.goto(`${new URL(projectUrl).pathname}/settings/tags`);
  await expect(page.getByRole('cell', { name: 'made-by-ci', exact: true })).toBeVisible();
  await open(page, 'Organization', 'Audit log', 'Key Holders: audit log');
  await expect(await auditEntries(page, 'Tags', 'created tag')).toContainText('with an API key');

  // Disabled: refused; enabled again: accepted; deleted: refused.
  await page.getByTestId('user-menu').click();
  await page.getByRole('menuitem', { name: 'API keys' }).click();
  // The switch shows the stored state: it turns once the change is saved and read back.
  const enabled = page.getByRole('switch', { name: 'CI deploys enabled' });
  await expect(enabled).toBeChecked();
  await enabled.click();
  await expect(enabled).not.toBeChecked();
  expect((await call('{ me { email } }')).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  await enabled.click();
  await expect(enabled).toBeChecked();
  expect((await call('{ me { email } }')).data?.me?.email).toBe(email);
  await page.getByRole('button', { name: 'Delete CI deploys' }).click();
  await page.getByRole('dialog', { name: 'Delete CI deploys?' }).getByRole('button', { name: 'Delete' }).click();
  await expect(page.getByText('No API keys yet')).toBeVisible();
  const refused = await call('{ me { email } }');
  expect(refused.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  expect(refused.data?.me ?? null).toBeNull();
  expect(consoleErrors).toEqual([]);
});

test('variables, tags, credentials and a webhook provider: created in settings, secrets never shown again, a test notification received, all in the audit log', async ({
  page,
  consoleErrors,
}) => {
  const VARIABLE_SECRET = 'db-password-5b1f9e';
  const CREDENTIAL_SECRET = 'sk-credential-7c2d4a';
  const SIGNING_SECRET = 'whsec-signing-3e8f60';
  const secrets = [VARIABLE_SECRET, CREDENTIAL_SECRET, SIGNING_SECRET];
  const expectNoSecret = async () => {
    const html = await page.content();
    for (const secret of secrets) expect(html, secret).not.toContain(secret);
  };
  const receiver = await Target.start();
  try {
    await signUpWithOrganization(page, 'Settings Co');

    // Variables: a plain value is shown; a secret one is not, not even after a reload.
    await open(page, 'Project settings', 'Variables & secrets', 'Variables & secrets');
    await expect(page.getByText('No variables yet')).toBeVisible();
    const variable = page.getByRole('form', { name: 'New variable' });
    await variable.getByRole('textbox', { name: 'Key' }).fill('9LIVES');
    await variable.getByRole('textbox', { name: 'Value' }).fill('x');
    await variable.getByRole('button', { name: 'Add variable' }).click();
    await expect(variable.getByText('Use letters, digits and underscores (not starting with a digit)')).toBeVisible();
    await variable.getByRole('textbox', { name: 'Key' }).fill('API_BASE_URL');
    await variable.getByRole('textbox', { name: 'Value' }).fill('https://api.example.com');
    await variable.getByRole('button', { name: 'Add variable' }).click();
    await expect(page.getByRole('row').filter({ hasText: 'API_BASE_URL' })).toContainText('https://api.example.com');
    await variable.getByRole('textbox', { name: 'Key' }).fill('DB_PASSWORD');
    await variable.getByRole('textbox', { name: 'Value' }).fill(VARIABLE_SECRET);
    await variable.getByRole('checkbox', { name: /Secret/ }).check();
    await variable.getByRole('button', { name: 'Add variable' }).click();
    const secretRow = page.getByRole('row').filter({ hasText: 'DB_PASSWORD' });
    await expect(secretRow).toContainText('secret');
    await expect(variable.getByRole('textbox', { name: 'Value' })).toHaveValue('');
    await expectNoSecret();
    await page.reload();
    await expect(secretRow).toContainText('secret');
    await expectNoSecret();

    // Tags.
    await open(page, 'Project settings', 'Tags', 'Tags');
    await expect(page.getByText('No tags yet')).toBeVisible();
    const tag = page.getByRole('form', { name: 'New tag' });
    // `n` on a page whose create form is inline puts the cursor in its first field.
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press('n');
    await expect(tag.getByRole('textbox', { name: 'Name' })).toBeFocused();
    await tag.getByRole('textbox', { name: 'Name' }).fill('payments');
    await tag.getByRole('textbox', { name: 'Colour' }).fill('#e8590c');
    // Leaving the field closes its colour picker.
    await tag.getByRole('textbox', { name: 'Colour' }).press('Tab');
    await tag.getByRole('button', { name: 'Add tag' }).click();
    await expect(page.getByRole('row').filter({ hasText: 'payments' })).toContainText('#e8590c');

    // A service credential: its settings are shown masked, its secret never.
    await open(page, 'Project settings', 'Service credentials', 'Service credentials');
    await expect(page.getByText('No service credentials yet')).toBeVisible();
    const credential = page.getByRole('form', { name: 'New service credential' });
    await credential.getByRole('textbox', { name: 'Name' }).fill('Mail relay');
    await credential.getByRole('textbox', { name: 'Secret' }).fill(CREDENTIAL_SECRET);
    await credential.getByRole('textbox', { name: 'Settings (JSON)' }).fill('{"from": "alerts@example.com"}');
    await credential.getByRole('button', { name: 'Add credential' }).click();
    const credentialRow = page.getByRole('row').filter({ hasText: 'Mail relay' });
    await expect(credentialRow).toContainText('"from": "al****om"');
    await expect(credentialRow).not.toContainText('alerts@example.com');
    await expect(credential.getByRole('textbox', { name: 'Secret' })).toHaveValue('');
    await expectNoSecret();
    await page.reload();
    await expect(page.getByRole('row').filter({ hasText: 'Mail relay' })).toBeVisible();
    await expectNoSecret();

    // A signed webhook to a receiver on loopback; its test message arrives, signed.
    await open(page, 'Project settings', 'Notification providers', 'Notification providers');
    await expect(page.getByText('No notification providers yet')).toBeVisible();
    const provider = page.getByRole('form', { name: 'New notification provider' });
    await provider.getByRole('textbox', { name: 'Name' }).fill('Ops webhook');
    await choose(page, provider, 'Type', 'Webhook');
    await provider.getByRole('textbox', { name: 'URL' }).fill(`${receiver.url}/hooks/vigil`);
    await provider.getByRole('textbox', { name: 'Signing secret' }).fill(SIGNING_SECRET);
    await provider.getByRole('button', { name: 'Add provider' }).click();
    await expect(page.getByRole('row').filter({ hasText: 'Ops webhook' })).toContainText('Webhook');
    await expectNoSecret();
    await page.getByRole('button', { name: 'Send a test through Ops webhook' }).click();
    await expect(page.getByText('Ops webhook delivered the test message.')).toBeVisible();
    const delivered = receiver.requests.filter((r) => r.url === '/hooks/vigil');
    expect(delivered).toHaveLength(1);
    expect(delivered[0].method).toBe('POST');
    const body = JSON.parse(delivered[0].body);
    expect(body.event).toBe('provider.test');
    expect(body.title).toBe('Test notification from Vigil: Ops webhook');
    // The receiver's check: HMAC-SHA-256 of "<t>.<body>" with the signing secret.
    const [t, v1] = String(delivered[0].headers['x-vigil-signature']).split(',');
    const expected = createHmac('sha256', SIGNING_SECRET).update(`${t.replace('t=', '')}.${delivered[0].body}`).digest('hex');
    expect(v1).toBe(`v1=${expected}`);

    // Without a secret, Vigil generates one and shows it this once; the test is signed with it.
    await provider.getByRole('textbox', { name: 'Name' }).fill('Generated hook');
    await choose(page, provider, 'Type', 'Webhook');
    await provider.getByRole('textbox', { name: 'URL' }).fill(`${receiver.url}/hooks/generated`);
    await provider.getByRole('button', { name: 'Add provider' }).click();
    const shown = page.getByTestId('generated-secret');
    await expect(shown).toContainText('shown only this once');
    const generated = await shown.getByRole('textbox', { name: 'Signing secret' }).inputValue();
    expect(generated).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    await page.getByRole('button', { name: 'Send a test through Generated hook' }).click();
    await expect(page.getByText('Generated hook delivered the test message.')).toBeVisible();
    const signed = receiver.requests.filter((r) => r.url === '/hooks/generated');
    expect(signed).toHaveLength(1);
    const [gt, gv1] = String(signed[0].headers['x-vigil-signature']).split(',');
    expect(gv1).toBe(`v1=${createHmac('sha256', generated).update(`${gt.replace('t=', '')}.${signed[0].body}`).digest('hex')}`);
    await page.reload();
    await expect(page.getByRole('row').filter({ hasText: 'Generated hook' })).toBeVisible();
    await expect(page.getByTestId('generated-secret')).toHaveCount(0);
    await expect(page.locator('body')).not.toContainText(generated);

    // The audit log holds each change and the test, and none of the secrets.
    await open(page, 'Organization', 'Audit log', 'Settings Co: audit log');
    await expect(await auditEntries(page, 'Variables', /created (secret|variable)/)).toHaveCount(2);
    await expect(await auditEntries(page, 'Tags', 'created tag')).toHaveCount(1);
    await expect(await auditEntries(page, 'Service credentials', 'created service credential')).toHaveCount(1);
    await expect(await auditEntries(page, 'Notification providers', 'created notification provider')).toHaveCount(2);
    await expect((await auditEntries(page, 'Notification providers', 'sent a test message')).first()).toContainText('delivered');
    await page.goto(page.url().split('?')[0]);
    await expect(page.getByTestId('audit-entry').filter({ hasText: /created (secret|variable)/ })).toHaveCount(2);
    await expectNoSecret();
  } finally {
    await receiver.close();
  }
  expect(consoleErrors).toEqual([]);
});

test('an organization-wide provider: added on the organization’s page, listed read-only in its projects, offered by the monitor form', async ({ page, consoleErrors }) => {
  const receiver = await Target.start();
  try {
    await signUpWithOrganization(page, 'Shared Co');
    await open(page, 'Organization', 'Notification providers', 'Shared Co: notification providers');
    await expect(page.getByText('No notification providers yet')).toBeVisible();
    const provider = page.getByRole('form', { name: 'New notification provider' });
    await provider.getByRole('textbox', { name: 'Name' }).fill('Org hook');
    await choose(page, provider, 'Type', 'Webhook');
    await provider.getByRole('textbox', { name: 'URL' }).fill(`${receiver.url}/hooks/org`);
    await provider.getByRole('button', { name: 'Add provider' }).click();
    await expect(page.getByTestId('generated-secret')).toContainText('shown only this once');
    await expect(page.getByRole('row').filter({ hasText: 'Org hook' })).toContainText('organization');
    await page.getByRole('button', { name: 'Send a test through Org hook' }).click();
    await expect(page.getByText('Org hook delivered the test message.')).toBeVisible();
    expect(receiver.requests.filter((r) => r.url === '/hooks/org')).toHaveLength(1);

    // The project lists it, to be changed on the organization's page only.
    await open(page, 'Project settings', 'Notification providers', 'Notification providers');
    const row = page.getByRole('row').filter({ hasText: 'Org hook' });
    await expect(row).toContainText('organization');
    await expect(page.getByRole('button', { name: 'Edit Org hook' })).toHaveCount(0);
    await expect(row.getByRole('switch', { name: 'Org hook enabled' })).toBeDisabled();
    await row.getByRole('link', { name: 'Organization settings' }).click();
    await expect(page.getByRole('heading', { name: 'Shared Co: notification providers' })).toBeVisible();

    // A monitor of the project alerts through it.
    await page.getByRole('navigation', { name: 'Project' }).getByRole('link', { name: 'Monitors' }).click();
    await page.getByRole('link', { name: 'New monitor' }).click();
    await page.getByRole('textbox', { name: 'Name', exact: true }).fill('Shop');
    await page.getByRole('textbox', { name: 'URL', exact: true }).fill(`${receiver.url}/shop`);
    await page.getByRole('combobox', { name: 'Notify' }).click();
    await page.getByRole('option', { name: 'Org hook (organization)' }).click();
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Create monitor' }).click();
    await expect(page.getByRole('heading', { name: 'Shop', exact: true })).toBeVisible();
    await page.getByRole('link', { name: 'Edit' }).click();
    await expect(page.getByRole('form', { name: 'Edit monitor' }).getByText('Org hook (organization)')).toBeVisible();
  } finally {
    await receiver.close();
  }
  expect(consoleErrors).toEqual([]);
});
