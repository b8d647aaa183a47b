import { describe, expect, it } from 'vitest';
import { hitItem, matchItems, pageItems, step } from './palette';

describe('command palette', () => {
  it('leads a hit to its page', () => {
    expect(hitItem('p1', { kind: 'MONITOR', id: 'm1', title: 'API', detail: 'https://x' })).toEqual({
      key: 'MONITOR:m1',
      group: 'Monitors',
      label: 'API',
      detail: 'https://x',
      path: '/projects/p1/monitors/m1',
    });
    expect(hitItem('p1', { kind: 'RUN', id: 'r1', title: 'Run r1' }).path).toBe('/projects/p1/runs/r1');
  });

  it('matches pages by every word, in any case', () => {
    const items = pageItems('p1', 'o1');
    expect(matchItems(items, 'MONITORS').map((i) => i.path)).toEqual(['/projects/p1/monitors']);
    expect(matchItems(items, 'new test').map((i) => i.path)).toEqual(['/projects/p1/tests/new']);
    expect(matchItems(items, 'organization members').map((i) => i.path)).toEqual(['/organizations/o1/members']);
    expect(matchItems(items, '  ')).toHaveLength(items.length);
    expect(matchItems(items, 'nothing like this')).toEqual([]);
  });

  it('offers account pages without a project', () => {
    expect(pageItems(null, null).every((i) => i.path.startsWith('/settings/'))).toBe(true);
  });

  it('moves through the list, wrapping', () => {
    expect(step(0, -1, 3)).toBe(2);
    expect(step(2, 1, 3)).toBe(0);
    expect(step(0, 1, 0)).toBe(0);
  });
});
