import { describe, expect, it } from 'vitest';
import { SEQUENCE_MS, idle, newPathFor, press } from './shortcuts';

describe('keyboard shortcuts', () => {
  it('completes a two-key sequence', () => {
    const first = press(idle, 'g', 1000);
    expect(first.action).toBeNull();
    expect(first.pending.keys).toEqual(['g']);
    expect(press(first.pending, 'm', 1200)).toEqual({ action: 'go:monitors', pending: idle });
  });

  it('forgets a sequence after the wait', () => {
    const first = press(idle, 'g', 1000);
    expect(press(first.pending, 'm', 1000 + SEQUENCE_MS + 1).action).toBeNull();
  });

  it('runs single keys and restarts on an unknown second key', () => {
    expect(press(idle, '?', 0).action).toBe('help');
    expect(press(idle, 'n', 0).action).toBe('new');
    const first = press(idle, 'g', 0);
    // "g x" is nothing; "g ?" still opens the sheet, as "?" alone would.
    expect(press(first.pending, 'x', 10)).toEqual({ action: null, pending: idle });
    expect(press(first.pending, '?', 10).action).toBe('help');
    expect(press(idle, 'x', 0)).toEqual({ action: null, pending: idle });
  });

  it('knows the new form of a list', () => {
    expect(newPathFor('/projects/p1/monitors')).toBe('/projects/p1/monitors/new');
    expect(newPathFor('/projects/p1/jobs/')).toBe('/projects/p1/jobs/new');
    expect(newPathFor('/projects/p1/monitors/m1')).toBeNull();
    expect(newPathFor('/projects/p1/runs')).toBeNull();
  });
});
