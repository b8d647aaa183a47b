import { describe, expect, it } from 'vitest';
import { addLiveLines, gapMarker, latestStored, mergeLog, storedLines, TAIL_MARKER, type LiveLine } from './runLog';
import { artifactName, sameOrigin, atBottom, isFinal, pickRun, splitLog } from './runLog';

/** Live lines numbered `from` to `to`, each reading `line <n>`. */
function live(from: number, to: number): LiveLine[] {
  const out: LiveLine[] = [];
  for (let n = from; n <= to; n++) out.push({ number: n, line: `line ${n}` });
  return out;
}

/** Stored output holding lines `from` to `to` (and `logLines` = `to`). */
function stored(from: number, to: number) {
  return { logs: live(from, to).map((l) => `${l.line}\n`).join(''), logLines: to };
}

const texts = (from: number, to: number) => live(from, to).map((l) => l.line);

describe('live lines', () => {
  it('keeps lines in order by number, each once', () => {
    let lines = addLiveLines([], live(1, 3));
    lines = addLiveLines(lines, [{ number: 2, line: 'again' }, ...live(4, 5)]);
    expect(lines.map((l) => l.line)).toEqual(texts(1, 5));
    // A late line goes in its place.
    lines = addLiveLines(addLiveLines([], [...live(1, 2), ...live(4, 4)]), live(3, 3));
    expect(lines.map((l) => l.number)).toEqual([1, 2, 3, 4]);
  });

  it('drops the lowest numbers past the cap, and returns the same list when nothing changed', () => {
    const lines = addLiveLines([], live(1, 5), 3);
    expect(lines.map((l) => l.number)).toEqual([3, 4, 5]);
    expect(addLiveLines(lines, [], 3)).toBe(lines);
    expect(addLiveLines(lines, live(4, 4), 3)).toBe(lines);
  });
});

describe('run output', () => {
  it('counts stored lines as the server does', () => {
    expect(storedLines('a\nb\n')).toEqual(['a', 'b']);
    expect(storedLines('a\n\n')).toEqual(['a', '']);
    expect(storedLines('a\r\nb')).toEqual(['a', 'b']);
    expect(storedLines(null)).toEqual([]);
  });

  it('shows nothing before anything is known', () => {
    expect(mergeLog(null, [])).toEqual({ lines: [], first: null, last: 0, gap: false, gapAt: null, partial: false });
    expect(mergeLog({ logs: null, logLines: null }, [])).toEqual({ lines: [], first: null, last: 0, gap: false, gapAt: null, partial: false });
  });

  it('follows a run from its start: live lines only', () => {
    const merged = mergeLog({ logs: null, logLines: null }, live(1, 4));
    expect(merged).toEqual({ lines: texts(1, 4), first: 1, last: 4, gap: false, gapAt: null, partial: false });
  });

  it('opens a running run: the stored output, then the live lines after it, none twice', () => {
    // Lines 8 to 10 came live and are stored too.
    const merged = mergeLog(stored(1, 10), live(8, 14));
    expect(merged.lines).toEqual(texts(1, 14));
    expect(merged).toMatchObject({ first: 1, last: 14, gap: false, partial: false });
  });

  it('keeps live lines that came before a newer stored output', () => {
    expect(mergeLog(stored(1, 6), live(1, 3)).lines).toEqual(texts(1, 6));
    expect(mergeLog(stored(1, 3), live(1, 6)).lines).toEqual(texts(1, 6));
  });

  it('flags a gap between the stored output and the live lines, and marks it', () => {
    const merged = mergeLog(stored(1, 10), live(14, 15));
    expect(merged.gap).toBe(true);
    expect(merged.gapAt).toBe(11);
    expect(merged.lines).toEqual([...texts(1, 10), gapMarker(3), ...texts(14, 15)]);
    expect(merged.partial).toBe(false);
    // The refetched output fills it.
    const filled = mergeLog(stored(1, 14), live(14, 15));
    expect(filled).toMatchObject({ gap: false, gapAt: null, lines: texts(1, 15) });
  });

  it('flags a gap when nothing was stored yet but the first live line is not the first line', () => {
    const merged = mergeLog({ logs: null, logLines: null }, live(5, 6));
    expect(merged).toMatchObject({ gap: true, gapAt: 1, partial: false, first: 5 });
    expect(merged.lines).toEqual([gapMarker(4), ...texts(5, 6)]);
  });

  it('is not a gap while the run is not loaded yet, but earlier lines are not shown', () => {
    expect(mergeLog(null, live(5, 6))).toMatchObject({ gap: false, gapAt: null, partial: true, lines: texts(5, 6) });
  });

  it('flags a gap inside the live lines (lines lost while the socket was down)', () => {
    const merged = mergeLog(stored(1, 2), [...live(3, 4), ...live(9, 9)]);
    expect(merged).toMatchObject({ gap: true, gapAt: 5 });
    expect(merged.lines).toEqual([...texts(1, 4), gapMarker(4), 'line 9']);
  });

  it('is partial when the stored output is only a tail', () => {
    // logLines 100 but 3 lines held: lines 98 to 100.
    const tail = { logs: 'line 98\nline 99\nline 100\n', logLines: 100 };
    expect(mergeLog(tail, live(101, 102))).toMatchObject({ lines: texts(98, 102), first: 98, last: 102, partial: true, gap: false });
  });

  it("drops the server's tail marker, and prefers a whole live line to the cut first one", () => {
    const tail = { logs: `${TAIL_MARKER}\nne 9\nline 10\n`, logLines: 10 };
    const merged = mergeLog(tail, []);
    expect(merged).toMatchObject({ lines: ['ne 9', 'line 10'], first: 9, partial: true });
    // The cut line is the first one even when it is line 1.
    expect(mergeLog({ logs: `${TAIL_MARKER}\nne 1\nline 2\n`, logLines: 2 }, []).partial).toBe(true);
    expect(mergeLog(tail, live(9, 11))).toMatchObject({ lines: texts(9, 11), first: 9, partial: true });
    expect(mergeLog(tail, live(1, 11))).toMatchObject({ lines: texts(1, 11), first: 1, partial: false, gap: false });
  });

  it('shows the final output with what came live, and marks what neither holds', () => {
    const final = { logs: `${TAIL_MARKER}\nline 8\nline 9\nline 10\n`, logLines: 10 };
    const merged = mergeLog(final, live(1, 3));
    expect(merged.lines).toEqual([...texts(1, 3), gapMarker(4), ...texts(8, 10)]);
    expect(merged).toMatchObject({ partial: false, gap: true, first: 1, last: 10 });
  });

  it('keeps the stored line where both have one', () => {
    const merged = mergeLog({ logs: 'a\nb\n', logLines: 2 }, [{ number: 2, line: 'other' }]);
    expect(merged.lines).toEqual(['a', 'b']);
  });

  it('keeps the last lines past the cap, partial but not a gap', () => {
    const merged = mergeLog(stored(1, 4), live(5, 10), 5);
    expect(merged).toMatchObject({ lines: texts(6, 10), first: 6, last: 10, partial: true, gap: false });
    const liveOnly = mergeLog({ logs: null, logLines: null }, live(1, 10), 5);
    expect(liveOnly).toMatchObject({ lines: texts(6, 10), partial: true, gap: false });
  });

  it('reads output stored before lines were numbered as the output from line 1', () => {
    expect(mergeLog({ logs: 'a\nb\n\n', logLines: null }, [])).toMatchObject({ lines: ['a', 'b'], first: 1, last: 2, partial: false });
    expect(mergeLog({ logs: `${TAIL_MARKER}\nb\n`, logLines: null }, []).partial).toBe(true);
  });

  it('takes the stored output that holds more lines, the final one on a tie', () => {
    type Stored = { status: string; logs: string | null; logLines: number | null };
    const queued: Stored = { status: 'RUNNING', logs: null, logLines: null };
    const snapshot: Stored = { status: 'RUNNING', logs: 'a\n', logLines: 1 };
    const final: Stored = { status: 'PASSED', logs: 'a\n', logLines: 1 };
    expect(latestStored(queued, snapshot)).toBe(snapshot);
    expect(latestStored(snapshot, queued)).toBe(snapshot);
    expect(latestStored(snapshot, final)).toBe(final);
    expect(latestStored(final, snapshot)).toBe(final);
    expect(latestStored(null, queued)).toBe(queued);
    expect(latestStored(null, undefined)).toBeNull();
  });

  it('names the missing lines', () => {
    expect(gapMarker(1)).toBe('[… 1 line not shown]');
    expect(gapMarker(1200)).toBe('[… 1,200 lines not shown]');
  });
});

describe('run log', () => {
  it('splits a stored log without the blank lines at its end', () => {
    expect(splitLog('a\nb\n')).toEqual(['a', 'b']);
    expect(splitLog('a\r\nb')).toEqual(['a', 'b']);
    expect(splitLog('a\n\nb\n \n\n')).toEqual(['a', '', 'b']);
    expect(splitLog(null)).toEqual([]);
    expect(splitLog('')).toEqual([]);
  });

  it('knows the final states', () => {
    expect(['QUEUED', 'RUNNING'].map(isFinal)).toEqual([false, false]);
    expect(['PASSED', 'FAILED', 'ERROR', 'TIMED_OUT', 'CANCELLED'].every(isFinal)).toBe(true);
  });

  it('follows the bottom only when the reader is there', () => {
    expect(atBottom(600, 400, 1000)).toBe(true);
    expect(atBottom(590, 400, 1000)).toBe(true);
    expect(atBottom(300, 400, 1000)).toBe(false);
  });
});

describe('live runs', () => {
  const run = (id: string, status: string) => ({ id, status });

  it('prefers the live run, unless only the loaded one has finished', () => {
    expect(pickRun(run('r', 'QUEUED'), run('r', 'RUNNING'))?.status).toBe('RUNNING');
    expect(pickRun(run('r', 'RUNNING'), run('r', 'PASSED'))?.status).toBe('PASSED');
    expect(pickRun(run('r', 'PASSED'), run('r', 'RUNNING'))?.status).toBe('PASSED');
    expect(pickRun(null, run('r', 'RUNNING'))?.status).toBe('RUNNING');
    expect(pickRun(run('r', 'QUEUED'), null)?.status).toBe('QUEUED');
    expect(pickRun(null, null)).toBeNull();
  });
});

describe('artifacts', () => {
  it('names an artifact by its path within the run', () => {
    expect(artifactName('runs/01a2/test-results/001-browse-fails/test-failed-1.png')).toBe('001-browse-fails/test-failed-1.png');
    expect(artifactName('runs/01a2/k6/001-load/summary.json')).toBe('001-load/summary.json');
    expect(artifactName('runs/01a2/results.json')).toBe('results.json');
  });

  it("links artifacts on the app's own origin", () => {
    expect(sameOrigin('http://localhost:8080/artifacts/runs/r1/report/index.html')).toBe('/artifacts/runs/r1/report/index.html');
    expect(sameOrigin('https://vigil.example.com/artifacts/runs/r1/k6/a%20b/summary.json?x=1')).toBe('/artifacts/runs/r1/k6/a%20b/summary.json?x=1');
    expect(sameOrigin('https://elsewhere.example.com/file')).toBe('https://elsewhere.example.com/file');
    expect(sameOrigin('not a url')).toBe('not a url');
  });
});
