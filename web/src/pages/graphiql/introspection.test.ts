// graphql-js, the reference client, against a running Vigil: its own introspection query (what
// GraphiQL, graphql-codegen, Apollo and Postman send) is answered, and the schema built from the
// answer is the committed schema.graphql. Starts the real binary as the browser tests do
// (e2e/vigil.ts: the debug build, web/dist, SQLite or E2E_DATABASE=postgres).
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  buildClientSchema,
  buildSchema,
  GraphQLSchema,
  findBreakingChanges,
  findDangerousChanges,
  getIntrospectionQuery,
  isSpecifiedDirective,
  lexicographicSortSchema,
  printSchema,
  specifiedDirectives,
  type IntrospectionQuery,
} from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Vigil, vigilBinary } from '../../../e2e/vigil';

const root = resolve(import.meta.dirname, '../../../..');
const dist = resolve(root, 'web/dist/index.html');

// Without the binary or the built app the test cannot run: it says so, and fails instead
// where nothing may be skipped (TEST_NO_SKIP, as in CI).
const missing = !existsSync(vigilBinary()) ? `no Vigil binary at ${vigilBinary()} (cargo build --bin vigil)` : !existsSync(dist) ? 'web/dist is not built (npm run build)' : null;
if (missing && process.env.TEST_NO_SKIP) throw new Error(`graphql-js introspection test: ${missing}`);
if (missing) console.warn(`SKIPPED graphql-js introspection test: ${missing}`);

describe.skipIf(missing !== null)('graphql-js against a running Vigil', () => {
  let vigil: Vigil;
  beforeAll(async () => {
    vigil = await Vigil.start();
  }, 60_000);
  afterAll(async () => {
    await vigil?.stop();
  });

  async function introspect(query: string): Promise<{ data?: IntrospectionQuery; errors?: unknown[] }> {
    const response = await fetch(`${vigil.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query, operationName: 'IntrospectionQuery' }),
    });
    expect(response.status).toBe(200);
    return response.json();
  }

  it('answers getIntrospectionQuery() with schema.graphql', async () => {
    const answer = await introspect(
      getIntrospectionQuery({ descriptions: true, specifiedByUrl: true, directiveIsRepeatable: true, schemaDescription: true, inputValueDeprecation: true, oneOf: true }),
    );
    expect(answer.errors).toBeUndefined();
    // async-graphql answers `__schema { description }` with the spec's description of
    // __Schema itself (a fixed text), where the schema has none: set aside before comparing.
    const description = answer.data!.__schema.description;
    expect(description == null || description.startsWith('A GraphQL Schema defines')).toBe(true);
    // The built-in directives (@skip, @include, @deprecated, …) are graphql-js's own on both
    // sides: their locations differ between graphql-js versions and servers (graphql-js 16.15
    // allows @deprecated on directive definitions), and the SDL leaves them out.
    const client = buildClientSchema(answer.data!);
    const builtIn = client.getDirectives().filter(isSpecifiedDirective).map((d) => d.name);
    expect(builtIn).toEqual(expect.arrayContaining(['skip', 'include', 'deprecated']));
    const served = new GraphQLSchema({
      ...client.toConfig(),
      description: undefined,
      directives: [...specifiedDirectives, ...client.getDirectives().filter((d) => !isSpecifiedDirective(d))],
    });
    const committed = buildSchema(readFileSync(resolve(root, 'schema.graphql'), 'utf8'));
    expect(printSchema(lexicographicSortSchema(served))).toBe(printSchema(lexicographicSortSchema(committed)));
    expect(findBreakingChanges(committed, served)).toEqual([]);
    expect(findDangerousChanges(committed, served)).toEqual([]);
    expect(Object.keys(served.getTypeMap()).sort()).toEqual(Object.keys(committed.getTypeMap()).sort());
  }, 30_000);

  it('answers the query GraphiQL sends, with its default options', async () => {
    const answer = await introspect(getIntrospectionQuery({ inputValueDeprecation: true, schemaDescription: true }));
    expect(answer.errors).toBeUndefined();
    expect(buildClientSchema(answer.data!).getQueryType()?.name).toBe('Query');
  }, 30_000);
});
