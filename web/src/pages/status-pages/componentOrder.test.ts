import { describe, expect, it } from 'vitest';
import { announce, applyOrder, flatten, lines, movable, moveComponent, moveGroup } from './componentOrder';

const c = (id: string, groupName: string | null = null) => ({ id, name: id.toUpperCase(), groupName });

describe('component ordering', () => {
  const page = [c('web'), c('api', 'Backend'), c('cdn'), c('db', 'Backend'), c('mail')];

  it('shows a group at its first member, members together', () => {
    const shown = lines(page);
    expect(shown.map((l) => (l.kind === 'single' ? l.component.id : `[${l.name}]`))).toEqual(['web', '[Backend]', 'cdn', 'mail']);
    expect(flatten(shown)).toEqual(['web', 'api', 'db', 'cdn', 'mail']);
  });

  it('treats blank group names as no group', () => {
    expect(lines([c('a', '  '), c('b', '')]).map((l) => l.kind)).toEqual(['single', 'single']);
  });

  it('moves a component alone among the lines, past a whole group', () => {
    expect(moveComponent(page, 'cdn', -1)).toEqual(['web', 'cdn', 'api', 'db', 'mail']);
    expect(moveComponent(page, 'web', 1)).toEqual(['api', 'db', 'web', 'cdn', 'mail']);
  });

  it('moves a member within its group only', () => {
    expect(moveComponent(page, 'db', -1)).toEqual(['web', 'db', 'api', 'cdn', 'mail']);
    // First of its group: it does not leave the group.
    expect(moveComponent(page, 'api', -1)).toEqual(['web', 'api', 'db', 'cdn', 'mail']);
  });

  it('moves a group with its members', () => {
    expect(moveGroup(page, 'Backend', 1)).toEqual(['web', 'cdn', 'api', 'db', 'mail']);
    expect(moveGroup(page, 'Backend', -1)).toEqual(['api', 'db', 'web', 'cdn', 'mail']);
  });

  it('stays put at the ends and for unknown ids, always listing every component once', () => {
    const all = ['web', 'api', 'db', 'cdn', 'mail'];
    expect(moveComponent(page, 'web', -1)).toEqual(all);
    expect(moveComponent(page, 'mail', 1)).toEqual(all);
    expect(moveComponent(page, 'nope', 1)).toEqual(all);
    expect(moveGroup(page, 'Nope', 1)).toEqual(all);
    for (const id of all) for (const delta of [-1, 1]) expect([...moveComponent(page, id, delta)].sort()).toEqual([...all].sort());
  });

  it('says where a component can go', () => {
    expect(movable(page, 'web')).toEqual({ up: false, down: true });
    expect(movable(page, 'api')).toEqual({ up: false, down: true });
    expect(movable(page, 'db')).toEqual({ up: true, down: false });
    expect(movable(page, 'mail')).toEqual({ up: true, down: false });
  });

  it('applies an order, keeping components it does not list', () => {
    expect(applyOrder(page, ['mail', 'web', 'gone']).map((x) => x.id)).toEqual(['mail', 'web', 'api', 'cdn', 'db']);
  });

  it('announces the new place', () => {
    expect(announce(page, moveComponent(page, 'cdn', -1), { id: 'cdn' })).toBe('CDN moved to position 2 of 4');
    expect(announce(page, moveComponent(page, 'db', -1), { id: 'db' })).toBe('DB moved to position 1 of 2 in Backend');
    expect(announce(page, moveGroup(page, 'Backend', 1), { group: 'Backend' })).toBe('Group Backend moved to position 3 of 4');
  });
});
