// A list of runs kept live by the project's `runUpdated(projectId)` events: a run of the list
// that changes replaces its row; a run that is not in the list yet (triggered by the schedule,
// CI/CD or another user) joins it when it matches the list's filter, in order of creation, so
// new runs appear at the top. Pure, so it is unit-tested.
import { isFinal, pickRun } from '../../lib/runLog';

export interface LiveRunRow {
  id: string;
  status: string;
  createdAt: string;
  jobId?: string | null;
  testId?: string | null;
  trigger?: string | null;
}

/** Which runs a list shows. */
export interface RunListFilter {
  /** Runs of this job. */
  jobId?: string | null;
  /** Runs of this test on its own (from its editor), not runs of jobs that include it. */
  testId?: string | null;
  status?: string | null;
  trigger?: string | null;
}

export interface LiveRuns<T> {
  /** The latest event of each run of the list (loaded rows and added runs). */
  updates: Readonly<Record<string, T>>;
  /** Runs added to the list live, newest first. */
  added: readonly string[];
}

export const noLiveRuns: LiveRuns<never> = { updates: {}, added: [] };

/** Runs added live that a list keeps at most (the oldest go first). */
export const MAX_ADDED = 100;

export function matchesFilter(run: LiveRunRow, filter: RunListFilter): boolean {
  if (filter.jobId && run.jobId !== filter.jobId) return false;
  if (filter.testId && (run.testId !== filter.testId || run.jobId)) return false;
  if (filter.status && run.status !== filter.status) return false;
  if (filter.trigger && run.trigger !== filter.trigger) return false;
  return true;
}

const time = (at: string) => {
  const t = Date.parse(at);
  return Number.isNaN(t) ? 0 : t;
};

/** Newest first; the id breaks ties (ids grow with time). */
function newerFirst(a: LiveRunRow, b: LiveRunRow): number {
  return time(b.createdAt) - time(a.createdAt) || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);
}

/**
 * Applies one `runUpdated` event. `rows` are the list's loaded rows. A run not among them is
 * added when it matches `filter` and is not older than the oldest loaded row (an older one
 * belongs to a page that is not loaded). An update never takes a finished run back to
 * unfinished (events of several replicas can cross).
 */
export function applyRunEvent<T extends LiveRunRow>(live: LiveRuns<T>, run: T, rows: readonly LiveRunRow[], filter: RunListFilter, max = MAX_ADDED): LiveRuns<T> {
  const previous = live.updates[run.id];
  const next = previous && isFinal(previous.status) && !isFinal(run.status) ? previous : run;
  if (rows.some((r) => r.id === run.id) || live.added.includes(run.id)) {
    return next === previous ? live : { ...live, updates: { ...live.updates, [run.id]: next } };
  }
  if (!matchesFilter(next, filter)) return live;
  const oldest = rows.length > 0 ? rows.reduce((a, b) => (newerFirst(a, b) > 0 ? a : b)) : null;
  if (oldest && newerFirst(next, oldest) > 0) return live;
  const ids = [...live.added, run.id];
  const updates: Record<string, T> = { ...live.updates, [run.id]: next };
  ids.sort((a, b) => newerFirst(updates[a], updates[b]));
  for (const dropped of ids.splice(max)) delete updates[dropped];
  return { updates, added: ids };
}

/**
 * The list to show: each loaded row replaced by its latest event (unless only the loaded row
 * has finished: a reload after a missed event knows better), and the added runs among them
 * by time of creation. `added` counts the added runs shown (for "n of total").
 */
export function mergeRuns<T extends LiveRunRow>(rows: readonly T[], live: LiveRuns<T>): { rows: T[]; added: number } {
  const loaded = new Set(rows.map((r) => r.id));
  const extra = live.added.filter((id) => !loaded.has(id)).map((id) => live.updates[id]);
  const current = rows.map((row) => pickRun(row, live.updates[row.id]) ?? row);
  if (extra.length === 0) return { rows: current, added: 0 };
  const out: T[] = [];
  let j = 0;
  for (const row of current) {
    while (j < extra.length && newerFirst(extra[j], row) < 0) out.push(extra[j++]);
    out.push(row);
  }
  while (j < extra.length) out.push(extra[j++]);
  return { rows: out, added: extra.length };
}
