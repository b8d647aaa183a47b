#!/bin/sh
# Generates the typed client from the running server's introspection, compiles it and runs it.
#   VIGILCTL_URL=http://localhost:8080 VIGILCTL_API_KEY=vgl_… sh examples/node/typed.sh
# graphql-codegen and TypeScript come from the web app's dependencies (cd web && npm ci).
set -eu
cd "$(dirname "$0")"
BIN=../../web/node_modules/.bin
(cd ../../web && node_modules/.bin/graphql-codegen --config ../examples/node/codegen.ts --silent)
"$BIN/tsc" -p tsconfig.json
# The output is CommonJS whatever the enclosing package says.
echo '{"type":"commonjs"}' > dist/package.json
node dist/typed.js
