import { describe, expect, it } from 'vitest';
import { addItem, moveAnnouncement, moveItem, orderedTests, removeItem } from './ordering';

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
