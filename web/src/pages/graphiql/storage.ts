// GraphiQL keeps its tabs, queries, variables and last answers in localStorage. On a shared
// browser one account must not find another's there: each user gets their own keys.
import type { Storage } from '@graphiql/toolkit';

/** `backing` (localStorage) seen through keys of `userId` only. */
export function userStorage(userId: string, backing: globalThis.Storage): Storage {
  const prefix = `vigil:${userId}:`;
  const own = () => {
    const keys: string[] = [];
    for (let i = 0; i < backing.length; i += 1) {
      const key = backing.key(i);
      if (key?.startsWith(prefix)) keys.push(key);
    }
    return keys;
  };
  return {
    getItem: (key) => backing.getItem(prefix + key),
    setItem: (key, value) => backing.setItem(prefix + key, value),
    removeItem: (key) => backing.removeItem(prefix + key),
    clear: () => own().forEach((key) => backing.removeItem(key)),
    get length() {
      return own().length;
    },
  };
}
