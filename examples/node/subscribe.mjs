// A subscription with the `graphql-ws` client (graphql-transport-ws on /graphql/ws):
// listens to the organization's audit log (an ADMIN key: the audit log is for organization
// admins), makes a change over HTTP, prints the event.
//   VIGILCTL_URL=http://localhost:8080 VIGILCTL_API_KEY=vgl_… node examples/node/subscribe.mjs
// graphql-ws and ws come from the web app's dependencies (cd web && npm ci).
import { createRequire } from 'node:module';

const require = createRequire(new URL('../../web/package.json', import.meta.url));
const { createClient } = require('graphql-ws');
const WebSocket = require('ws');

const url = process.env.VIGILCTL_URL ?? 'http://localhost:8080';
const key = process.env.VIGILCTL_API_KEY;
if (!key) throw new Error('set VIGILCTL_API_KEY to an API key (vgl_…)');

async function gql(query, variables = {}) {
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = await res.json();
  if (body.errors) throw new Error(`${body.errors[0].extensions?.code}: ${body.errors[0].message}`);
  return body.data;
}

const { organizations } = await gql('{ organizations { nodes { id projects { id } } } }');
const org = organizations.nodes[0];

const client = createClient({
  url: url.replace(/^http/, 'ws') + '/graphql/ws',
  webSocketImpl: WebSocket,
  // The API key authenticates the socket, as a bearer token does a request.
  connectionParams: { token: key },
});

const events = client.iterate({
  query: 'subscription($org: ID!) { auditLogAdded(organizationId: $org) { action details } }',
  variables: { org: org.id },
});
// The server starts listening once it has read the `subscribe` message, which the protocol
// does not acknowledge: make a change until its event comes back (the first one usually does).
let event = null;
const first = events.next().then((result) => (event = result.value));
const create = 'mutation($i: CreateTagInput!) { createTag(input: $i) { id } }';
const remove = 'mutation($id: ID!) { deleteTag(id: $id) }';
for (let i = 0; i < 50 && !event; i++) {
  const { createTag } = await gql(create, { i: { projectId: org.projects[0].id, name: `from-graphql-ws-${i}` } });
  await gql(remove, { id: createTag.id });
}
await first;
if (event.errors) throw new Error(JSON.stringify(event.errors));
console.log(JSON.stringify(event.data.auditLogAdded));
await events.return?.();
await client.dispose();
