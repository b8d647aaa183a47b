// Generates the typed operations into a temporary directory and compares them with the
// committed src/gql/: a stale generated file fails the build.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const tmp = mkdtempSync(join(tmpdir(), 'vigil-codegen-'));
try {
  // The local binary: never let npx fetch a same-named package.
  execFileSync(join('node_modules', '.bin', 'graphql-codegen'), ['--config', 'codegen.ts', '--silent'], {
    stdio: 'inherit',
    env: { ...process.env, CODEGEN_OUT: tmp + '/' },
  });
  const committed = 'src/gql';
  const names = new Set([...readdirSync(tmp), ...safeList(committed)]);
  const stale = [...names].filter(
    (name) => read(join(tmp, name)) !== read(join(committed, name)),
  );
  if (stale.length > 0) {
    console.error(
      `src/gql is stale (${stale.join(', ')}): run \`npm run codegen\` and commit the result`,
    );
    process.exit(1);
  }
  console.log('codegen: src/gql is up to date');
} finally {
  rmSync(tmp, { recursive: true, force: true });
}

function safeList(dir) {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

function read(path) {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return null;
  }
}
