// Sums the gzipped size of the JavaScript a first visit loads: the entry chunk and the
// chunks it imports statically (from Vite's manifest), not the lazy-loaded routes and charts.
// Fails the build above the budget.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const BUDGET = 300 * 1024;
const dist = 'dist';
const manifest = JSON.parse(readFileSync(join(dist, '.vite/manifest.json'), 'utf8'));
const entries = Object.entries(manifest).filter(([, chunk]) => chunk.isEntry);
const seen = new Set();
const visit = (key) => {
  if (seen.has(key)) return;
  seen.add(key);
  for (const imported of manifest[key].imports ?? []) visit(imported);
};
for (const [key] of entries) visit(key);

let raw = 0;
let gzipped = 0;
for (const key of seen) {
  const file = manifest[key].file;
  if (!file.endsWith('.js')) continue;
  const bytes = readFileSync(join(dist, file));
  raw += bytes.length;
  gzipped += gzipSync(bytes, { level: 9 }).length;
}
const kb = (n) => (n / 1024).toFixed(1);
console.log(
  `initial JavaScript: ${seen.size} chunk(s), ${kb(raw)} kB, ${kb(gzipped)} kB gzipped (budget ${kb(BUDGET)} kB)`,
);
if (gzipped > BUDGET) {
  console.error('initial JavaScript is over budget');
  process.exit(1);
}
