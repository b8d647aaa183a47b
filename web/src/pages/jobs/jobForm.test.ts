import { describe, expect, it } from 'vitest';
import { alertSummary, createJobInput, curlExample, emptyJob, jobToValues, updateJobInput, validateJob } from './jobForm';

describe('job form', () => {
  it('checks the schedule, timeout and tests before sending', () => {
    const values = { ...emptyJob(), name: 'Nightly', cronSchedule: '61 * * * *', timeoutSeconds: 5, testIds: ['a', 'a'] };
    const errors = validateJob(values);
    expect(Object.keys(errors).sort()).toEqual(['cronSchedule', 'testIds', 'timeoutSeconds']);
    expect(errors.timeoutSeconds).toBe('Timeout must be between 10 and 3600');
    expect(validateJob({ ...emptyJob(), name: 'Manual only' })).toEqual({});
  });

  it('sends a normalised schedule, none on create, "" to remove it on update', () => {
    const values = { ...emptyJob('K6'), name: 'Load', cronSchedule: '  */15  * * * * ', testIds: ['t1', 't2'] };
    const create = createJobInput('p1', values);
    expect(create).toMatchObject({ projectId: 'p1', jobType: 'K6', name: 'Load', cronSchedule: '*/15 * * * *', testIds: ['t1', 't2'], timeoutSeconds: 600 });
    expect(create.alertConfig).toEqual({ enabled: true, onFailure: true, onSuccess: false, onTimeout: true, customMessage: undefined });
    expect(createJobInput('p1', { ...values, cronSchedule: ' ' }).cronSchedule).toBeUndefined();
    expect(updateJobInput({ ...values, cronSchedule: '' }).cronSchedule).toBe('');
    expect(updateJobInput({ ...values, cronSchedule: '@daily' }).cronSchedule).toBe('@daily');
    expect('jobType' in updateJobInput(values)).toBe(false);
  });

  it('reads a stored job', () => {
    const values = jobToValues({
      name: 'Nightly',
      description: null,
      jobType: 'PLAYWRIGHT',
      cronSchedule: null,
      tests: [{ id: 'b' }, { id: 'a' }],
      timeoutSeconds: 120,
      alertConfig: { enabled: true, onFailure: true, onSuccess: true, onTimeout: false, customMessage: null },
      notificationProviderIds: ['n1'],
    });
    expect(values).toMatchObject({ description: '', cronSchedule: '', testIds: ['b', 'a'], timeoutSeconds: 120 });
    expect(values.alertConfig.customMessage).toBe('');
  });
});

describe('job page', () => {
  it('writes a curl command that reads the key from the environment and waits for the run', () => {
    const command = curlExample('https://vigil.example.com/api/jobs/j1/trigger', 600);
    expect(command).toContain('-X POST');
    expect(command).toContain('Authorization: Bearer $VIGIL_JOB_KEY');
    expect(command).toContain('"https://vigil.example.com/api/jobs/j1/trigger?wait=true&timeout=600"');
  });

  it('sums up the alert settings', () => {
    const alert = { enabled: true, onFailure: true, onTimeout: true, onSuccess: false };
    expect(alertSummary(alert, 2)).toBe('alerts on failure and timeout to 2 notification providers');
    expect(alertSummary({ ...alert, onSuccess: true }, 1)).toBe('alerts on failure, timeout and success to 1 notification provider');
    expect(alertSummary(alert, 0)).toBe('alerts on failure and timeout, but no notification provider is chosen');
    expect(alertSummary({ ...alert, enabled: false }, 3)).toBe('alerts off');
    expect(alertSummary({ enabled: true, onFailure: false, onTimeout: false, onSuccess: false }, 1)).toBe('alerts on, for no outcome');
  });
});
