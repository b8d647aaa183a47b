import { describe, expect, it } from 'vitest';
import { addItem, moveAnnouncement, moveItem, orderedTests, removeItem } from './ordering';
import { appendLines, atBottom, emptyLog, isFinal, shownLog, splitLog } from './runLog';

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
  it('appends lines and drops the oldest past the cap', () => {
    let log = appendLines(emptyLog, ['1', '2'], 3);
    expect(log).toEqual({ lines: ['1', '2'], dropped: 0 });
    log = appendLines(log, ['3', '4', '5'], 3);
    expect(log).toEqual({ lines: ['3', '4', '5'], dropped: 2 });
    expect(appendLines(log, [], 3)).toBe(log);
  });

  it('splits a stored log without a phantom last line', () => {
    expect(splitLog('a\nb\n')).toEqual(['a', 'b']);
    expect(splitLog('a\r\nb')).toEqual(['a', 'b']);
    expect(splitLog('a\n\n')).toEqual(['a', '']);
    expect(splitLog(null)).toEqual([]);
    expect(splitLog('')).toEqual([]);
  });

  it('knows the final states', () => {
    expect(['QUEUED', 'RUNNING'].map(isFinal)).toEqual([false, false]);
    expect(['PASSED', 'FAILED', 'ERROR', 'TIMED_OUT', 'CANCELLED'].every(isFinal)).toBe(true);
  });

  it('shows live lines while running, then the stored log once finished', () => {
    const live = appendLines(emptyLog, ['[vigil] k6 run "Load"', 'tick']);
    expect(shownLog('RUNNING', null, live, false)).toEqual({ lines: live.lines, source: 'live', partial: false });
    expect(shownLog('PASSED', 'a\nb\nc\n', live, false)).toEqual({ lines: ['a', 'b', 'c'], source: 'stored', partial: false });
    // Finished without a stored log (an error before any output): keep what came live.
    expect(shownLog('ERROR', null, live, false).source).toBe('live');
    expect(shownLog('QUEUED', null, emptyLog, false)).toEqual({ lines: [], source: 'none', partial: false });
  });

  it('says when lines are missing: joined a running run late, or past the cap', () => {
    expect(shownLog('RUNNING', null, emptyLog, true)).toEqual({ lines: [], source: 'live', partial: true });
    const capped = appendLines(emptyLog, ['1', '2', '3'], 2);
    expect(shownLog('RUNNING', null, capped, false).partial).toBe(true);
    expect(shownLog('PASSED', 'done\n', capped, true).partial).toBe(false);
  });

  it('follows the bottom only when the reader is there', () => {
    expect(atBottom(600, 400, 1000)).toBe(true);
    expect(atBottom(590, 400, 1000)).toBe(true);
    expect(atBottom(300, 400, 1000)).toBe(false);
  });
});
