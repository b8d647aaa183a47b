// A typed client: the operations below are checked against the server's schema by
// graphql-codegen (codegen.ts) and tsc; `data` has the exact type of what was asked.
import { graphql } from './gql';
import type { TypedDocumentString } from './gql/graphql';

const url = process.env.VIGILCTL_URL ?? 'http://localhost:8080';
const key = process.env.VIGILCTL_API_KEY ?? '';

async function execute<Result, Variables>(
  document: TypedDocumentString<Result, Variables>,
  variables: Variables,
): Promise<Result> {
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
    body: JSON.stringify({ query: document.toString(), variables }),
  });
  const body = (await res.json()) as { data?: Result; errors?: { message: string; extensions?: { code?: string } }[] };
  if (body.errors?.length) {
    throw new Error(`${body.errors[0].extensions?.code}: ${body.errors[0].message}`);
  }
  return body.data as Result;
}

const Projects = graphql(`
  query ExampleProjects {
    organizations {
      nodes {
        name
        projects { id name }
      }
    }
  }
`);

const Node = graphql(`
  query ExampleNode($id: ID!) {
    node(id: $id) {
      __typename
      id
      ... on Project { name slug }
    }
  }
`);

async function main(): Promise<void> {
  const { organizations } = await execute(Projects, {});
  const project = organizations.nodes[0].projects[0];
  const { node } = await execute(Node, { id: project.id });
  if (node?.__typename === 'Project') {
    console.log(`${node.__typename} ${node.name} (${node.slug})`);
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
