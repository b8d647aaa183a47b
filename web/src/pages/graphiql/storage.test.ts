import { describe, expect, it } from 'vitest';
import { userStorage } from './storage';

/** localStorage's interface over a Map. */
function memory(): globalThis.Storage {
  const items = new Map<string, string>();
  return {
    get length() {
      return items.size;
    },
    key: (i) => [...items.keys()][i] ?? null,
    getItem: (k) => items.get(k) ?? null,
    setItem: (k, v) => void items.set(k, String(v)),
    removeItem: (k) => void items.delete(k),
    clear: () => items.clear(),
  };
}

describe('GraphiQL storage', () => {
  it('keeps each user apart', () => {
    const backing = memory();
    backing.setItem('unrelated', 'kept');
    const ann = userStorage('ann', backing);
    const bob = userStorage('bob', backing);
    ann.setItem('graphiql:query', '{ me { email } }');
    expect(ann.getItem('graphiql:query')).toBe('{ me { email } }');
    expect(bob.getItem('graphiql:query')).toBeNull();
    expect(ann.length).toBe(1);
    expect(bob.length).toBe(0);
  });

  it('clears only its own user', () => {
    const backing = memory();
    backing.setItem('unrelated', 'kept');
    const ann = userStorage('ann', backing);
    const bob = userStorage('bob', backing);
    ann.setItem('graphiql:tabState', '{}');
    bob.setItem('graphiql:tabState', '{}');
    ann.clear();
    expect(ann.length).toBe(0);
    expect(bob.getItem('graphiql:tabState')).toBe('{}');
    expect(backing.getItem('unrelated')).toBe('kept');
  });
});
