import { describe, expect, it } from 'vitest';
import { enumLabel, formatMs, formatPercent, overallUptime, prependUnique, relativeTime, uptimeBand } from './format';

describe('format', () => {
  it('formats figures', () => {
    expect(formatPercent(99.987)).toBe('99.99%');
    expect(formatPercent(100)).toBe('100%');
    expect(formatPercent(null)).toBe('—');
    expect(formatMs(120)).toBe('120 ms');
    expect(formatMs(1500)).toBe('1.50 s');
    expect(relativeTime('2026-01-01T00:00:00Z', Date.parse('2026-01-01T00:05:00Z'))).toBe('5 minutes ago');
    expect(relativeTime(null)).toBe('never');
  });

  it('computes uptime across days, weighted by checks', () => {
    expect(overallUptime([{ checks: 100, failed: 1 }, { checks: 0, failed: 0 }, { checks: 100, failed: 0 }])).toBeCloseTo(99.5);
    expect(overallUptime([{ checks: 0, failed: 0 }])).toBeNull();
    expect(uptimeBand(null, 0)).toBe('none');
    expect(uptimeBand(99.95, 10)).toBe('up');
    expect(uptimeBand(97, 10)).toBe('degraded');
    expect(uptimeBand(50, 10)).toBe('down');
  });

  it('prepends new items once, newest first, capped', () => {
    const out = prependUnique([{ id: 'b' }, { id: 'a' }], [{ id: 'c' }, { id: 'b' }], 3);
    expect(out.map((x) => x.id)).toEqual(['c', 'b', 'a']);
    expect(prependUnique([{ id: 'a' }, { id: 'b' }], [{ id: 'c' }], 2).map((x) => x.id)).toEqual(['c', 'a']);
  });
});

describe('enumLabel', () => {
  it('writes acronyms in capitals and the rest as a sentence', () => {
    expect(enumLabel('HTTP_POST')).toBe('HTTP POST');
    expect(enumLabel('SMS')).toBe('SMS');
    expect(enumLabel('ORG_ADMIN')).toBe('Org admin');
    expect(enumLabel('DNS')).toBe('DNS');
    expect(enumLabel('project_editor')).toBe('Project editor');
  });
});
