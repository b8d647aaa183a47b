import type { Page } from '@playwright/test';
import { expect, gql, signUpWithOrganization, test } from './fixtures';

/** Replaces the text of GraphiQL's operation editor (Monaco) with `text`. */
async function setOperation(page: Page, text: string): Promise<void> {
  await page.locator('.graphiql-query-editor .monaco-editor').click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Delete');
  // Inserted at once, as a paste: Monaco closes no brackets of its own.
  await page.keyboard.insertText(text);
  // GraphiQL parses the editor 100 ms after the last change and saves it then (in the signed-in
  // user's own keys): until it has, Run would send the previous operation's kind.
  await expect
    .poll(() => page.evaluate(() => Object.keys(localStorage).filter((k) => /^vigil:[^:]+:graphiql:query$/.test(k)).map((k) => localStorage.getItem(k))))
    .toEqual([text]);
}

/** The text of GraphiQL's response pane, without the spaces Monaco lays it out with (it wraps
 * long lines). */
async function answer(page: Page): Promise<string> {
  return ((await page.locator('.graphiql-response').textContent()) ?? '').replace(/\s+/g, '');
}

test('GraphiQL from the app: a query and a live subscription, signed in with the session, with nothing loaded beyond loopback', async ({ page, context, consoleErrors }) => {
  // Every request of the page, its workers and sockets.
  const urls: string[] = [];
  context.on('request', (request) => urls.push(request.url()));
  // Whether a subscribe message for the audit log left on a socket.
  let subscribed = false;
  page.on('websocket', (socket) => {
    urls.push(socket.url());
    socket.on('framesent', (frame) => {
      if (String(frame.payload).includes('auditLogAdded')) subscribed = true;
    });
  });

  const { email } = await signUpWithOrganization(page, 'GraphiQL Co');
  const { organizations } = await gql<{ organizations: { nodes: { id: string; projects: { id: string }[] }[] } }>(
    page,
    '{ organizations(first: 1) { nodes { id projects { id } } } }',
  );
  const organization = organizations.nodes[0];

  // From the account menu.
  await page.getByTestId('user-menu').click();
  await page.getByRole('menuitem', { name: 'GraphiQL (API explorer)' }).click();
  await expect(page).toHaveURL(/\/graphiql$/);
  const run = page.getByRole('button', { name: /Execute query/ });
  await expect(page.locator('.graphiql-query-editor .monaco-editor')).toBeVisible();

  // A query, with the session's cookie: the signed-in user answers.
  await setOperation(page, '{ me { email } }');
  await run.click();
  await expect.poll(() => answer(page)).toContain(`"email":"${email}"`);

  // A subscription over the socket: audit entries of the organization, caused through the API.
  await setOperation(page, `subscription { auditLogAdded(organizationId: "${organization.id}") { action organizationId } }`);
  await run.click();
  await expect.poll(() => subscribed).toBe(true);
  // The server may still be setting the subscription up when the frame leaves: tag again
  // until an entry shows.
  let n = 0;
  await expect(async () => {
    n += 1;
    await gql(page, 'mutation($i: CreateTagInput!) { createTag(input: $i) { id } }', { i: { projectId: organization.projects[0].id, name: `live-${n}` } });
    await expect.poll(() => answer(page), { timeout: 2_000 }).toContain('"action":"tag.create"');
  }).toPass({ timeout: 30_000 });
  expect(await answer(page)).toContain(`"organizationId":"${organization.id}"`);

  // GET /graphql from the browser leads here too.
  await page.goto('/graphql');
  await expect(page).toHaveURL(/\/graphiql$/);
  await expect(page.locator('.graphiql-query-editor .monaco-editor')).toBeVisible();

  const outside = urls.filter((url) => {
    const { protocol, hostname } = new URL(url);
    if (protocol === 'data:' || protocol === 'blob:') return false;
    return hostname !== '127.0.0.1' && hostname !== 'localhost';
  });
  expect(urls.length).toBeGreaterThan(0);
  expect(outside).toEqual([]);
  expect(consoleErrors).toEqual([]);
});
