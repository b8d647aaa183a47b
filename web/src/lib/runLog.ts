// A run's output as the run page shows it. The stored `logs` hold the output so far (saved
// every ~2 s while the run runs, the end of it once finished) and `logLines` the number of the
// last line they hold; `runLog` streams each line with its number. The page shows both merged
// by number: no line twice, in order, capped, with the lines it lacks marked. Pure, so it is
// unit-tested.

export const LIVE_CAP = 5000;

/** One numbered line of output (`RunLogLine`). */
export interface LiveLine {
  number: number;
  line: string;
}

/**
 * Adds live lines to a list sorted by number: a number already there is skipped, a late one
 * goes in its place, and past `cap` the lowest numbers are dropped. Returns `lines` itself
 * when nothing changed.
 */
export function addLiveLines(lines: readonly LiveLine[], added: readonly LiveLine[], cap = LIVE_CAP): readonly LiveLine[] {
  let out: LiveLine[] | null = null;
  for (const next of added) {
    const list: readonly LiveLine[] = out ?? lines;
    const last = list.length > 0 ? list[list.length - 1].number : -Infinity;
    if (next.number > last) {
      out ??= lines.slice();
      out.push(next);
      continue;
    }
    const at = lowerBound(list, next.number);
    if (at < list.length && list[at].number === next.number) continue;
    out ??= lines.slice();
    out.splice(at, 0, next);
  }
  if (!out) return lines;
  return out.length > cap ? out.slice(out.length - cap) : out;
}

/** The index of the first line numbered `number` or more. */
function lowerBound(lines: readonly LiveLine[], number: number): number {
  let lo = 0;
  let hi = lines.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (lines[mid].number < number) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The stored log text as lines, without the blank lines at its end. */
export function splitLog(text: string | null | undefined): string[] {
  if (!text) return [];
  const lines = text.replace(/\r\n/g, '\n').split('\n');
  while (lines.length > 0 && lines[lines.length - 1].trim() === '') lines.pop();
  return lines;
}

/**
 * The stored log text as its lines, counted as the server counts them (`logLines`): every
 * line ends with a newline, so only the empty piece after the last one is not a line.
 */
export function storedLines(text: string | null | undefined): string[] {
  if (!text) return [];
  const lines = text.replace(/\r\n/g, '\n').split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/** The line the server puts first when it keeps only the end of a long output. */
export const TAIL_MARKER = '[… earlier output is in the full log]';

export const FINAL_STATUSES = ['PASSED', 'FAILED', 'ERROR', 'TIMED_OUT', 'CANCELLED'] as const;

export function isFinal(status: string): boolean {
  return (FINAL_STATUSES as readonly string[]).includes(status);
}

/** What a run holds of its output: `Run.logs` and `Run.logLines`. */
export interface StoredLog {
  logs?: string | null;
  logLines?: number | null;
}

export interface MergedLog {
  /** The lines to show, in order; each run of missing lines is one marker line. */
  lines: string[];
  /** The number of the first line shown (null when none is). */
  first: number | null;
  /** The number of the last line shown (0 when none is). */
  last: number;
  /** Lines are missing between lines shown (or between the stored output and live lines). */
  gap: boolean;
  /** The number of the first missing line of the last gap: the page refetches once per gap. */
  gapAt: number | null;
  /** Lines before the first one shown are not shown (a tail, or past the cap). */
  partial: boolean;
}

/** The marker shown in place of `count` missing lines. */
export function gapMarker(count: number): string {
  return `[… ${count.toLocaleString('en')} line${count === 1 ? '' : 's'} not shown]`;
}

interface Numbered {
  number: number;
  line: string;
  /** The first stored line of a tail the server cut, maybe in the middle of the line. */
  cut?: boolean;
}

/**
 * The stored output merged with the live lines. `stored` is null while the run is not loaded
 * yet: lines before the first live one are then missing but not a gap. Once it is loaded, the
 * stored output ends at line `logLines` (0 when nothing was saved yet), and a live line more
 * than one past the lines before it is a gap. Where both have a line, the stored one is kept,
 * unless it is the first line of a cut tail and the live one is whole. At most `cap` lines,
 * the last ones.
 */
export function mergeLog(stored: StoredLog | null, live: readonly LiveLine[], cap = LIVE_CAP): MergedLog {
  let texts = stored?.logLines == null ? splitLog(stored?.logs) : storedLines(stored.logs);
  const cut = texts.length > 0 && texts[0].startsWith(TAIL_MARKER);
  if (cut) texts = texts.slice(1);
  // Without `logLines` (runs stored before lines were numbered), the text is the output from
  // its first line.
  const end = stored ? (stored.logLines ?? texts.length) : 0;
  const start = end - texts.length + 1;

  const all: Numbered[] = [];
  let i = 0;
  // Live lines before the stored ones (a tail that starts later than what came live).
  while (i < live.length && live[i].number < start) all.push(live[i++]);
  texts.forEach((line, k) => {
    const number = start + k;
    while (i < live.length && live[i].number < number) i++;
    const same = i < live.length && live[i].number === number ? live[i] : null;
    if (k === 0 && cut) all.push(same ? same : { number, line, cut: true });
    else all.push({ number, line });
  });
  while (i < live.length && live[i].number <= end) i++;
  while (i < live.length) all.push(live[i++]);

  const capped = all.length > cap;
  const shown = capped ? all.slice(all.length - cap) : all;
  const first = shown.length > 0 ? shown[0].number : null;
  // Nothing stored precedes the first live line: the lines after the stored end (`logLines`,
  // 0 before anything was saved) up to it are missing.
  const afterStored = stored !== null && !capped && texts.length === 0 && first !== null && first > end;
  let previous = afterStored ? end : null;
  const lines: string[] = [];
  let gapAt: number | null = null;
  for (const entry of shown) {
    if (previous !== null && entry.number > previous + 1) {
      lines.push(gapMarker(entry.number - previous - 1));
      gapAt = previous + 1;
    }
    lines.push(entry.line);
    previous = entry.number;
  }
  const leading = first !== null && (afterStored ? end > 0 : first > 1);
  return {
    lines,
    first,
    last: shown.length > 0 ? shown[shown.length - 1].number : 0,
    gap: gapAt !== null,
    gapAt,
    partial: leading || Boolean(shown[0]?.cut),
  };
}

/**
 * Which of the loaded run and the live one holds more of the output: the higher `logLines`,
 * the finished one on a tie (its stored output is the final one).
 */
export function latestStored<T extends StoredLog & { status: string }>(...runs: (T | null | undefined)[]): T | null {
  let best: T | null = null;
  for (const run of runs) {
    if (!run) continue;
    if (!best) {
      best = run;
      continue;
    }
    const a = run.logLines ?? -1;
    const b = best.logLines ?? -1;
    if (a > b || (a === b && isFinal(run.status) && !isFinal(best.status)) || (a === b && !best.logs && run.logs)) best = run;
  }
  return best;
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
