// The job editor's values, checks and conversion to the GraphQL inputs. Form paths are the
// input's (`cronSchedule`, `alertConfig.customMessage`), so server errors land on their field.
import type { CreateJobInput, JobType, UpdateJobInput } from '../../gql/graphql';
import { parseCron, validateCron } from './cron';
import * as v from '../../lib/validate';

/** Tests one job may hold (server: job::MAX_TESTS). */
export const MAX_JOB_TESTS = 100;

export const JOB_TYPES: { value: JobType; label: string; description: string }[] = [
  { value: 'PLAYWRIGHT', label: 'Playwright', description: 'Runs browser, API, database and custom tests' },
  { value: 'K6', label: 'k6', description: 'Runs performance tests' },
];

export interface JobValues {
  [key: string]: unknown;
  name: string;
  description: string;
  jobType: JobType;
  cronSchedule: string;
  testIds: string[];
  timeoutSeconds: number | string;
  alertConfig: { enabled: boolean; onFailure: boolean; onSuccess: boolean; onTimeout: boolean; customMessage: string };
  notificationProviderIds: string[];
}

export function emptyJob(jobType: JobType = 'PLAYWRIGHT'): JobValues {
  return {
    name: '',
    description: '',
    jobType,
    cronSchedule: '',
    testIds: [],
    timeoutSeconds: 600,
    alertConfig: { enabled: true, onFailure: true, onSuccess: false, onTimeout: true, customMessage: '' },
    notificationProviderIds: [],
  };
}

interface StoredJob {
  name: string;
  description?: string | null;
  jobType: JobType;
  cronSchedule?: string | null;
  tests: { id: string }[];
  timeoutSeconds: number;
  alertConfig: { enabled: boolean; onFailure: boolean; onSuccess: boolean; onTimeout: boolean; customMessage?: string | null };
  notificationProviderIds: string[];
}

export function jobToValues(job: StoredJob): JobValues {
  return {
    name: job.name,
    description: job.description ?? '',
    jobType: job.jobType,
    cronSchedule: job.cronSchedule ?? '',
    testIds: job.tests.map((t) => t.id),
    timeoutSeconds: job.timeoutSeconds,
    alertConfig: { ...job.alertConfig, customMessage: job.alertConfig.customMessage ?? '' },
    notificationProviderIds: job.notificationProviderIds,
  };
}

export function validateJob(values: JobValues): v.Errors {
  return v.collect({
    name: v.name(values.name),
    description: values.description.length > 10_000 ? 'Description must be at most 10000 characters' : null,
    cronSchedule: validateCron(values.cronSchedule),
    timeoutSeconds: v.intInRange(values.timeoutSeconds, 10, 3600, 'Timeout'),
    testIds: values.testIds.length > MAX_JOB_TESTS ? `A job holds at most ${MAX_JOB_TESTS} tests` : new Set(values.testIds).size !== values.testIds.length ? 'A test is listed twice' : null,
    'alertConfig.customMessage': values.alertConfig.customMessage.trim().length > 4000 ? 'The message must be at most 4000 characters' : null,
  });
}

/** The schedule as sent: normalised like the server stores it, empty for none. */
export function scheduleToSend(text: string): string {
  const parsed = parseCron(text);
  return parsed.ok ? parsed.expression : text.trim();
}

function settings(values: JobValues) {
  return {
    name: values.name.trim(),
    testIds: values.testIds,
    timeoutSeconds: Number(values.timeoutSeconds),
    alertConfig: { ...values.alertConfig, customMessage: values.alertConfig.customMessage.trim() || undefined },
    notificationProviderIds: values.notificationProviderIds,
  };
}

export function createJobInput(projectId: string, values: JobValues): CreateJobInput {
  const schedule = values.cronSchedule.trim() ? scheduleToSend(values.cronSchedule) : undefined;
  return { projectId, jobType: values.jobType, ...settings(values), description: values.description.trim() || undefined, cronSchedule: schedule };
}

/** An empty schedule is sent as "" (the server removes the schedule). */
export function updateJobInput(values: JobValues): UpdateJobInput {
  return { ...settings(values), description: values.description.trim(), cronSchedule: values.cronSchedule.trim() ? scheduleToSend(values.cronSchedule) : '' };
}

/** The shell command CI runs (the key in an environment variable, never in the command). */
export function curlExample(triggerUrl: string, timeoutSeconds: number): string {
  return `curl -fsS -X POST \\\n  -H "Authorization: Bearer $VIGIL_JOB_KEY" \\\n  "${triggerUrl}?wait=true&timeout=${timeoutSeconds}"`;
}

/** "alerts on failure and timeout to 2 providers". */
export function alertSummary(alert: { enabled: boolean; onFailure: boolean; onTimeout: boolean; onSuccess: boolean }, providers: number): string {
  if (!alert.enabled) return 'alerts off';
  const when = [alert.onFailure && 'failure', alert.onTimeout && 'timeout', alert.onSuccess && 'success'].filter((w): w is string => Boolean(w));
  if (when.length === 0) return 'alerts on, for no outcome';
  const list = when.length > 1 ? `${when.slice(0, -1).join(', ')} and ${when[when.length - 1]}` : when[0];
  if (providers === 0) return `alerts on ${list}, but no notification provider is chosen`;
  return `alerts on ${list} to ${providers} notification provider${providers === 1 ? '' : 's'}`;
}
