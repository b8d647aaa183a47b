import { describe, expect, it } from 'vitest';
import { alertTypeLabel, channelLabel, downAreas, formatDuration, rangeFromParam } from './monitorView';

describe('rangeFromParam', () => {
  it('reads the URL value, defaulting to 24 hours', () => {
    expect(rangeFromParam('7d').value).toBe('WEEK');
    expect(rangeFromParam('1H').value).toBe('HOUR');
    expect(rangeFromParam(null).value).toBe('DAY');
    expect(rangeFromParam('forever').param).toBe('24h');
  });
});

describe('downAreas', () => {
  const b = (start: string, checks: number, failed: number) => ({ start, checks, failed });
  it('joins consecutive failing buckets and ends each at the next bucket', () => {
    const buckets = [b('t0', 5, 0), b('t1', 5, 2), b('t2', 5, 5), b('t3', 5, 0), b('t4', 0, 0), b('t5', 3, 1)];
    expect(downAreas(buckets)).toEqual([
      { x1: 't1', x2: 't3' },
      { x1: 't5', x2: 't5' },
    ]);
  });
  it('shades nothing when every check passed', () => {
    expect(downAreas([b('t0', 5, 0), b('t1', 0, 0)])).toEqual([]);
    expect(downAreas([])).toEqual([]);
  });
});

describe('formatDuration', () => {
  it('reads in the largest units', () => {
    expect(formatDuration(42)).toBe('42 s');
    expect(formatDuration(600)).toBe('10 min');
    expect(formatDuration(3600)).toBe('1 h');
    expect(formatDuration(3 * 3600 + 300)).toBe('3 h 5 min');
    expect(formatDuration(2 * 86400 + 4 * 3600)).toBe('2 d 4 h');
    expect(formatDuration(-5)).toBe('0 s');
  });
});

describe('labels', () => {
  it('names alert types and channels', () => {
    expect(alertTypeLabel('MONITOR_FAILURE')).toBe('Down');
    expect(alertTypeLabel('SOMETHING_NEW')).toBe('something new');
    expect(channelLabel('webhook')).toBe('Webhook');
    expect(channelLabel('sms')).toBe('SMS');
    expect(channelLabel('pager')).toBe('pager');
  });
});
