// The test editor's values, checks, starter scripts and conversion to the GraphQL inputs.
// Form paths are the input's (`title`, `script`), so server errors land on their field.
import type { CreateTestInput, JobType, TestPriority, TestType, UpdateTestInput } from '../gql/graphql';
import * as v from './validate';

/** Largest script the server accepts (256 KiB, counted in UTF-8 bytes). */
export const MAX_SCRIPT_BYTES = 256 * 1024;

export const TEST_TYPES: { value: TestType; label: string; description: string }[] = [
  { value: 'BROWSER', label: 'Browser', description: 'A Playwright test that drives Chromium' },
  { value: 'API', label: 'API', description: 'A Playwright test of an HTTP API (request fixture)' },
  { value: 'DATABASE', label: 'Database', description: 'A Playwright test that checks data' },
  { value: 'CUSTOM', label: 'Custom', description: 'Any other Playwright test' },
  { value: 'PERFORMANCE', label: 'Performance (k6)', description: 'A k6 load test script' },
];

export const PRIORITIES: TestPriority[] = ['LOW', 'MEDIUM', 'HIGH'];

/** The runner of a test type, as the server decides it (`Test.runner`). */
export function runnerOf(type: TestType): JobType {
  return type === 'PERFORMANCE' ? 'K6' : 'PLAYWRIGHT';
}

/** Starter scripts, showing the `vigil` helper that reads project variables and secrets. */
export const TEMPLATES: Record<JobType, string> = {
  PLAYWRIGHT: `import { test, expect } from '@playwright/test';
// Project variables and secrets (Settings → Variables & secrets); secrets are masked in logs.
import { getVariable, getSecret, hasVariable } from './vigil';

// The site under test: a BASE_URL project variable when you add one, else this example.
const baseUrl = hasVariable('BASE_URL') ? getVariable('BASE_URL') : 'https://example.com';

test('home page loads', async ({ page }) => {
  await page.goto(baseUrl);
  await expect(page).toHaveTitle(/.+/);
});

test('sign in', async ({ page }) => {
  test.skip(!hasVariable('EMAIL') || !hasVariable('PASSWORD'), 'needs an EMAIL variable and a PASSWORD secret');
  await page.goto(baseUrl + '/sign-in');
  await page.getByLabel('Email').fill(getVariable('EMAIL'));
  await page.getByLabel('Password').fill(getSecret('PASSWORD'));
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
});
`,
  K6: `import http from 'k6/http';
import { check, sleep } from 'k6';
// Project variables and secrets (Settings → Variables & secrets); secrets are masked in logs.
import { getVariable, getSecret, hasVariable } from './vigil.js';

// The site under test: a BASE_URL project variable when you add one, else this example.
const baseUrl = hasVariable('BASE_URL') ? getVariable('BASE_URL') : 'https://example.com';

export const options = {
  vus: 5,
  duration: '30s',
  thresholds: {
    http_req_failed: ['rate<0.01'],
    http_req_duration: ['p(95)<500'],
  },
};

export default function () {
  const headers = hasVariable('TOKEN') ? { Authorization: \`Bearer \${getSecret('TOKEN')}\` } : {};
  const res = http.get(baseUrl, { headers });
  check(res, { 'status is 200': (r) => r.status === 200 });
  sleep(1);
}
`,
};

export interface TestValues {
  [key: string]: unknown;
  title: string;
  description: string;
  type: TestType;
  priority: TestPriority;
  script: string;
  tagIds: string[];
}

export function emptyTest(type: TestType = 'BROWSER'): TestValues {
  return { title: '', description: '', type, priority: 'MEDIUM', script: TEMPLATES[runnerOf(type)], tagIds: [] };
}

export function utf8Length(text: string): number {
  return new TextEncoder().encode(text).length;
}

/** Mirrors the server's `check_script`. */
export function validateScript(script: string): string | null {
  if (!script.trim()) return 'The script must not be empty';
  if (utf8Length(script) > MAX_SCRIPT_BYTES) return `The script must be at most ${MAX_SCRIPT_BYTES / 1024} KiB`;
  if (script.includes('\0')) return 'The script must not contain NUL characters';
  return null;
}

export function validateTest(values: TestValues): v.Errors {
  return v.collect({
    title: v.name(values.title, 'Title'),
    description: values.description.length > 10_000 ? 'Description must be at most 10000 characters' : null,
    script: validateScript(values.script),
  });
}

/**
 * Whether switching type should swap the script for the other runner's template: only when
 * the runner changes and the script is still a template (nothing of the author's is lost).
 */
export function swapTemplate(script: string, from: TestType, to: TestType): string {
  if (runnerOf(from) === runnerOf(to)) return script;
  const untouched = !script.trim() || Object.values(TEMPLATES).some((t) => t.trim() === script.trim());
  return untouched ? TEMPLATES[runnerOf(to)] : script;
}

export function updateTestInput(values: TestValues): UpdateTestInput {
  return {
    title: values.title.trim(),
    description: values.description.trim(),
    type: values.type,
    priority: values.priority,
    script: values.script,
    tagIds: values.tagIds,
  };
}

export function createTestInput(projectId: string, values: TestValues): CreateTestInput {
  return { projectId, ...updateTestInput(values), title: values.title.trim(), script: values.script, description: values.description.trim() || undefined };
}
