// Prints "N tests: N passed, N failed, N skipped" from a Vitest or Playwright JSON report, for
// the summary of scripts/test: `node scripts/test-counts.mjs vitest|playwright <report.json>`.
import { existsSync, readFileSync } from 'node:fs';

const [kind, file] = process.argv.slice(2);
if (!file || !existsSync(file)) {
  console.log('no report (the runner stopped before writing it)');
  process.exit(0);
}
const report = JSON.parse(readFileSync(file, 'utf8'));
let passed, failed, skipped;
if (kind === 'vitest') {
  passed = report.numPassedTests;
  failed = report.numFailedTests;
  skipped = report.numPendingTests + report.numTodoTests;
} else if (kind === 'playwright') {
  // expected: passed; unexpected: failed; flaky: passed on a retry (the suite has none).
  const { expected, unexpected, flaky, skipped: notRun } = report.stats;
  passed = expected + flaky;
  failed = unexpected;
  skipped = notRun;
  // Errors outside a test (a fixture or the config failing) count as failures too.
  failed += (report.errors ?? []).length;
} else {
  throw new Error(`unknown report kind ${kind}`);
}
console.log(`${passed + failed + skipped} tests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
