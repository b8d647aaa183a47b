// The ordered tests of a job, as the job editor changes them: ids in run order, no duplicates
// (the server refuses a test listed twice). Pure, so it is unit-tested.

/** Moves the item at `index` by `delta` places; the same list when it cannot move. */
export function moveItem<T>(items: readonly T[], index: number, delta: number): T[] {
  const target = index + delta;
  if (index < 0 || index >= items.length || target < 0 || target >= items.length || delta === 0) return [...items];
  const out = [...items];
  const [moved] = out.splice(index, 1);
  out.splice(target, 0, moved);
  return out;
}

/** Appends an id at the end unless it is already there. */
export function addItem(ids: readonly string[], id: string): string[] {
  return ids.includes(id) ? [...ids] : [...ids, id];
}

export function removeItem(ids: readonly string[], id: string): string[] {
  return ids.filter((x) => x !== id);
}

/**
 * The tests of a job in order, by id, for display: ids whose test is unknown (deleted since,
 * or not loaded) are kept with a placeholder so that the order sent back stays the same.
 */
export function orderedTests<T extends { id: string }>(ids: readonly string[], known: readonly T[]): (T | { id: string; missing: true })[] {
  const byId = new Map(known.map((t) => [t.id, t]));
  return ids.map((id) => byId.get(id) ?? { id, missing: true as const });
}

/** What a screen reader hears after a move: "Login moved to position 2 of 3". */
export function moveAnnouncement(name: string, ids: readonly string[], id: string): string {
  return `${name} moved to position ${ids.indexOf(id) + 1} of ${ids.length}`;
}
