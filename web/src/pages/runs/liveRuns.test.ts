import { describe, expect, it } from 'vitest';
import { applyRunEvent, matchesFilter, mergeRuns, noLiveRuns, type LiveRunRow, type LiveRuns, type RunListFilter } from './liveRuns';

type Row = LiveRunRow & { jobId: string | null; testId: string | null; trigger: string };

/** A run created `minute` minutes past 10:00. */
function run(id: string, minute: number, status = 'QUEUED', more: Partial<Row> = {}): Row {
  return { id, status, createdAt: `2026-05-04T10:${String(minute).padStart(2, '0')}:00Z`, jobId: 'job1', testId: null, trigger: 'MANUAL', ...more };
}

function apply(events: Row[], rows: Row[], filter: RunListFilter = {}, max?: number): LiveRuns<Row> {
  return events.reduce<LiveRuns<Row>>((live, event) => applyRunEvent(live, event, rows, filter, max), noLiveRuns);
}

const ids = (rows: { id: string }[]) => rows.map((r) => r.id);
const statuses = (rows: { status: string }[]) => rows.map((r) => r.status);

describe('live runs lists', () => {
  const rows = [run('c', 30, 'RUNNING'), run('b', 20, 'QUEUED'), run('a', 10, 'PASSED')];

  it('replaces a changed run in its row', () => {
    const live = apply([run('b', 20, 'RUNNING'), run('c', 30, 'FAILED')], rows);
    const merged = mergeRuns(rows, live);
    expect(ids(merged.rows)).toEqual(['c', 'b', 'a']);
    expect(statuses(merged.rows)).toEqual(['FAILED', 'RUNNING', 'PASSED']);
    expect(merged.added).toBe(0);
  });

  it('puts a new run at the top, newest first', () => {
    const live = apply([run('d', 40), run('e', 50), run('d', 40, 'RUNNING')], rows);
    const merged = mergeRuns(rows, live);
    expect(ids(merged.rows)).toEqual(['e', 'd', 'c', 'b', 'a']);
    expect(statuses(merged.rows).slice(0, 2)).toEqual(['QUEUED', 'RUNNING']);
    expect(merged.added).toBe(2);
  });

  it('adds a new run to an empty list', () => {
    expect(ids(mergeRuns([], apply([run('d', 40)], [])).rows)).toEqual(['d']);
  });

  it('leaves out runs that do not match the filter', () => {
    const events = [run('d', 40, 'QUEUED', { jobId: 'job2' }), run('e', 50, 'QUEUED', { jobId: 'job1' })];
    expect(ids(mergeRuns(rows, apply(events, rows, { jobId: 'job1' })).rows)).toEqual(['e', 'c', 'b', 'a']);
    // Runs of one test from its editor: not runs of jobs.
    const editor = [run('f', 41, 'QUEUED', { jobId: null, testId: 't1' }), run('g', 42, 'QUEUED', { jobId: 'job1', testId: 't1' }), run('h', 43, 'QUEUED', { jobId: null, testId: 't2' })];
    expect(ids(mergeRuns([], apply(editor, [], { testId: 't1' })).rows)).toEqual(['f']);
    expect(matchesFilter(run('x', 1, 'FAILED', { trigger: 'SCHEDULE' }), { status: 'FAILED', trigger: 'SCHEDULE' })).toBe(true);
    expect(matchesFilter(run('x', 1, 'FAILED', { trigger: 'SCHEDULE' }), { status: 'PASSED' })).toBe(false);
    expect(matchesFilter(run('x', 1, 'FAILED', { trigger: 'SCHEDULE' }), { trigger: 'MANUAL' })).toBe(false);
  });

  it('keeps an added run once shown, when it no longer matches a status filter', () => {
    const running: Row[] = [];
    const live = apply([run('d', 40, 'RUNNING'), run('d', 40, 'PASSED')], running, { status: 'RUNNING' });
    expect(statuses(mergeRuns(running, live).rows)).toEqual(['PASSED']);
    // A run that did not match when it was queued joins once it does.
    expect(ids(mergeRuns(running, apply([run('e', 50, 'QUEUED'), run('e', 50, 'RUNNING')], running, { status: 'RUNNING' })).rows)).toEqual(['e']);
  });

  it('does not add a run older than the loaded rows (it belongs to a page not loaded)', () => {
    expect(ids(mergeRuns(rows, apply([run('z', 5, 'FAILED')], rows)).rows)).toEqual(['c', 'b', 'a']);
    // Between loaded rows: in its place.
    expect(ids(mergeRuns(rows, apply([run('bb', 25)], rows)).rows)).toEqual(['c', 'bb', 'b', 'a']);
  });

  it('shows a run once when the reloaded rows include an added one', () => {
    const live = apply([run('d', 40, 'RUNNING')], rows);
    const reloaded = [run('d', 40, 'QUEUED'), ...rows];
    const merged = mergeRuns(reloaded, live);
    expect(ids(merged.rows)).toEqual(['d', 'c', 'b', 'a']);
    expect(merged.rows[0].status).toBe('RUNNING');
    expect(merged.added).toBe(0);
  });

  it('never takes a finished run back to unfinished', () => {
    // Events crossing: the late RUNNING after PASSED.
    const live = apply([run('b', 20, 'PASSED'), run('b', 20, 'RUNNING')], rows);
    expect(mergeRuns(rows, live).rows[1].status).toBe('PASSED');
    // A loaded row that has finished stays so.
    const finished = [run('b', 20, 'FAILED')];
    expect(mergeRuns(finished, apply([run('b', 20, 'RUNNING')], finished)).rows[0].status).toBe('FAILED');
  });

  it('keeps at most `max` added runs, the newest', () => {
    const live = apply([run('d', 40), run('e', 50), run('f', 55)], rows, {}, 2);
    expect(live.added).toEqual(['f', 'e']);
    expect(Object.keys(live.updates).sort()).toEqual(['e', 'f']);
  });

  it('ignores events of runs neither loaded nor added, and repeats', () => {
    const live = apply([run('d', 40, 'QUEUED', { jobId: 'job2' })], rows, { jobId: 'job1' });
    expect(live).toBe(noLiveRuns);
    const once = apply([run('b', 20, 'PASSED')], rows);
    expect(applyRunEvent(once, once.updates.b, rows, {})).toBe(once);
  });
});
