// Prints "N tests: N passed, N failed, N skipped" from a Vitest or Playwright JSON report, for
// the summary of scripts/test: `node scripts/test-counts.mjs vitest|playwright <report.json>`.
// `failures` prints, for each failed Playwright test, its error and the end of the server log
// the fixture attached (`vigil log`), so that a failure on a CI machine can be understood.
import { existsSync, readFileSync } from 'node:fs';

const [kind, file] = process.argv.slice(2);
if (!file || !existsSync(file)) {
  console.log('no report (the runner stopped before writing it)');
  process.exit(0);
}
const report = JSON.parse(readFileSync(file, 'utf8'));
let passed, failed, skipped;
if (kind === 'failures') {
  const tests = [];
  const walk = (suite) => {
    for (const spec of suite.specs ?? []) for (const test of spec.tests) tests.push({ title: `${spec.file}:${spec.line} ${spec.title}`, test });
    for (const child of suite.suites ?? []) walk(child);
  };
  for (const suite of report.suites ?? []) walk(suite);
  const strip = (text) => text.replace(/\x1b\[[0-9;]*m/g, '');
  for (const { title, test } of tests) {
    if (test.status !== 'unexpected') continue;
    const result = test.results[test.results.length - 1];
    console.log(`-- ${title}`);
    console.log(strip(result.error?.message ?? 'no message').split('\n').slice(0, 6).join('\n'));
    for (const attachment of result.attachments ?? []) {
      if (!attachment.body) continue;
      console.log(`   ${attachment.name}:`);
      console.log(strip(Buffer.from(attachment.body, 'base64').toString('utf8')).split('\n').slice(-30).join('\n'));
    }
  }
  for (const error of report.errors ?? []) console.log(strip(error.message ?? '').split('\n').slice(0, 6).join('\n'));
  process.exit(0);
}
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
