import { describe, expect, it } from 'vitest';
import { addItem, moveAnnouncement, moveItem, orderedTests, removeItem } from './ordering';
import { artifactName, sameOrigin, atBottom, isFinal, pickRun, splitLog } from './runLog';

describe('test ordering', () => {
  it('moves an item up and down, and not past either end', () => {
    expect(moveItem(['a', 'b', 'c'], 2, -1)).toEqual(['a', 'c', 'b']);
    expect(moveItem(['a', 'b', 'c'], 0, 1)).toEqual(['b', 'a', 'c']);
    expect(moveItem(['a', 'b', 'c'], 0, -1)).toEqual(['a', 'b', 'c']);
    expect(moveItem(['a', 'b', 'c'], 2, 1)).toEqual(['a', 'b', 'c']);
    expect(moveItem(['a', 'b', 'c'], 5, -1)).toEqual(['a', 'b', 'c']);
    expect(moveItem(['a', 'b', 'c', 'd'], 0, 3)).toEqual(['b', 'c', 'd', 'a']);
  });

  it('does not change the list it is given', () => {
    const ids = ['a', 'b'];
    moveItem(ids, 0, 1);
    addItem(ids, 'c');
    removeItem(ids, 'a');
    expect(ids).toEqual(['a', 'b']);
  });

  it('adds at the end once, removes by id', () => {
    expect(addItem(['a'], 'b')).toEqual(['a', 'b']);
    expect(addItem(['a', 'b'], 'a')).toEqual(['a', 'b']);
    expect(removeItem(['a', 'b', 'c'], 'b')).toEqual(['a', 'c']);
    expect(removeItem(['a'], 'x')).toEqual(['a']);
  });

  it('keeps unknown ids in place so the order sent back is unchanged', () => {
    const tests = [
      { id: 'b', title: 'B' },
      { id: 'a', title: 'A' },
    ];
    expect(orderedTests(['a', 'gone', 'b'], tests)).toEqual([{ id: 'a', title: 'A' }, { id: 'gone', missing: true }, { id: 'b', title: 'B' }]);
  });

  it('announces the new position', () => {
    expect(moveAnnouncement('Login', ['x', 'login', 'y'], 'login')).toBe('Login moved to position 2 of 3');
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
