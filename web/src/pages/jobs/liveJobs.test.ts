import { describe, expect, it } from 'vitest';
import { runStateChanged } from './liveJobs';

describe('runStateChanged', () => {
  it('reports each new state of a run once', () => {
    const seen = new Map<string, string>();
    expect(runStateChanged(seen, { id: 'r1', jobId: 'j1', status: 'QUEUED' })).toBe(true);
    expect(runStateChanged(seen, { id: 'r1', jobId: 'j1', status: 'QUEUED' })).toBe(false);
    expect(runStateChanged(seen, { id: 'r1', jobId: 'j1', status: 'RUNNING' })).toBe(true);
    expect(runStateChanged(seen, { id: 'r1', jobId: 'j1', status: 'PASSED' })).toBe(true);
  });

  it('ignores runs of other jobs when a job is given', () => {
    const seen = new Map<string, string>();
    expect(runStateChanged(seen, { id: 'r1', jobId: 'j2', status: 'RUNNING' }, 'j1')).toBe(false);
    expect(runStateChanged(seen, { id: 'r2', jobId: null, status: 'RUNNING' }, 'j1')).toBe(false);
    expect(runStateChanged(seen, { id: 'r3', jobId: 'j1', status: 'RUNNING' }, 'j1')).toBe(true);
  });

  it('keeps a bounded memory of runs', () => {
    const seen = new Map<string, string>();
    for (let i = 0; i < 600; i += 1) runStateChanged(seen, { id: `r${i}`, status: 'QUEUED' });
    expect(seen.size).toBeLessThanOrEqual(500);
  });
});
