import type { CodegenConfig } from '@graphql-codegen/cli';

// A typed client from the running server's introspection (docs/api.md, "Clients"):
//   VIGILCTL_URL=http://localhost:8080 sh examples/node/typed.sh
// Run from web/ (typed.sh does), where graphql-codegen and its presets are installed: the
// paths below are relative to it.
const url = process.env.VIGILCTL_URL ?? 'http://localhost:8080';

const config: CodegenConfig = {
  // graphql-codegen sends graphql-js's introspection query to the endpoint.
  schema: `${url}/graphql`,
  documents: ['../examples/node/typed.ts'],
  ignoreNoDocuments: false,
  generates: {
    '../examples/node/gql/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        // Documents as typed strings: no GraphQL library needed at run time.
        documentMode: 'string',
        enumsAsTypes: true,
        useTypeImports: true,
        scalars: { DateTime: 'string', JSON: 'unknown', ID: 'string' },
      },
    },
  },
};

export default config;
