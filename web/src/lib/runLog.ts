// A run's output as the run page shows it. While the run goes, lines arrive one by one over
// `runLog`; the subscription does not replay what was printed before it started, and the
// stored `logs` (the end of the output) exist only once the run has finished. So: live lines
// in a capped buffer while running, then the stored tail. Pure, so it is unit-tested.

export const LIVE_CAP = 5000;

export interface LogBuffer {
  lines: string[];
  /** Lines dropped from the start to stay under the cap. */
  dropped: number;
}

export const emptyLog: LogBuffer = { lines: [], dropped: 0 };

/** Appends lines, dropping the oldest past `cap`. */
export function appendLines(buffer: LogBuffer, added: readonly string[], cap = LIVE_CAP): LogBuffer {
  if (added.length === 0) return buffer;
  const all = buffer.lines.concat(added);
  const over = Math.max(0, all.length - cap);
  return { lines: over ? all.slice(over) : all, dropped: buffer.dropped + over };
}

/** The stored log text as lines, without the blank lines at its end. */
export function splitLog(text: string | null | undefined): string[] {
  if (!text) return [];
  const lines = text.replace(/\r\n/g, '\n').split('\n');
  while (lines.length > 0 && lines[lines.length - 1].trim() === '') lines.pop();
  return lines;
}

export const FINAL_STATUSES = ['PASSED', 'FAILED', 'ERROR', 'TIMED_OUT', 'CANCELLED'] as const;

export function isFinal(status: string): boolean {
  return (FINAL_STATUSES as readonly string[]).includes(status);
}

export interface ShownLog {
  lines: string[];
  source: 'live' | 'stored' | 'none';
  /** Something was printed that is not shown (before the page subscribed, or past the cap). */
  partial: boolean;
}

/**
 * What to show: the stored tail once the run has finished and it is there; before that the
 * live lines. `joinedLate` is true when the run was already running when the page subscribed
 * (its earlier lines were missed).
 */
export function shownLog(status: string, stored: string | null | undefined, live: LogBuffer, joinedLate: boolean): ShownLog {
  if (isFinal(status) && stored) return { lines: splitLog(stored), source: 'stored', partial: false };
  if (live.lines.length > 0 || joinedLate) return { lines: live.lines, source: 'live', partial: joinedLate || live.dropped > 0 };
  return { lines: [], source: 'none', partial: false };
}

/** Whether a scrolled box is at (or within `slack` pixels of) its bottom: keep following. */
export function atBottom(scrollTop: number, clientHeight: number, scrollHeight: number, slack = 24): boolean {
  return scrollHeight - (scrollTop + clientHeight) <= slack;
}

/**
 * The run to show: what came live (newer) unless the loaded run has finished and the live one
 * has not (a reload after a missed event knows better).
 */
export function pickRun<T extends { status: string }>(loaded: T | null | undefined, live: T | null | undefined): T | null {
  if (!live) return loaded ?? null;
  if (!loaded) return live;
  if (isFinal(loaded.status) && !isFinal(live.status)) return loaded;
  return live;
}

/** Rows as loaded, each replaced by its live update when one came. */
export function withLive<T extends { id: string; status: string }>(rows: readonly T[], live: Readonly<Record<string, T>>): T[] {
  return rows.map((row) => pickRun(row, live[row.id]) ?? row);
}

/** The artifact's path within its run: `001-checkout-pays/test-failed-1.png`. */
export function artifactName(path: string): string {
  return path.replace(/^runs\/[^/]+\//, '').replace(/^(test-results|k6)\//, '');
}

/**
 * An artifact URL on this app's own origin. The API builds them from the configured base URL;
 * the files are served by the same Vigil that serves this app, and the session cookie only
 * goes to the host the app was opened on (127.0.0.1 and localhost are different hosts).
 */
export function sameOrigin(url: string): string {
  try {
    const parsed = new URL(url);
    return parsed.pathname.startsWith('/artifacts/') ? `${parsed.pathname}${parsed.search}` : url;
  } catch {
    return url;
  }
}
