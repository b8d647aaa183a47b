// The order of a page's components as the public page shows it: in position order, a group at
// the place of its first member with its members together (server/src/public/view.rs). The
// components screen moves a component within its group, or a component standing alone or a
// whole group among the page's lines, and sends the whole resulting order
// (`reorderStatusPageComponents`). Pure, so it is unit-tested.
import { moveItem } from '../jobs/ordering';

export interface Orderable {
  id: string;
  name: string;
  groupName?: string | null;
}

/** A line of the page: a component alone, or a group with its members in order. */
export type Line<T extends Orderable> = { kind: 'single'; component: T } | { kind: 'group'; name: string; members: T[] };

/** The name of a component's group; blank names stand alone, as on the server. */
export function groupOf(component: Orderable): string | null {
  const name = component.groupName?.trim();
  return name ? name : null;
}

/** The page's lines from its components in position order. */
export function lines<T extends Orderable>(components: readonly T[]): Line<T>[] {
  const out: Line<T>[] = [];
  const groups = new Map<string, { kind: 'group'; name: string; members: T[] }>();
  for (const component of components) {
    const name = groupOf(component);
    if (name === null) {
      out.push({ kind: 'single', component });
      continue;
    }
    const group = groups.get(name);
    if (group) {
      group.members.push(component);
    } else {
      const created = { kind: 'group' as const, name, members: [component] };
      groups.set(name, created);
      out.push(created);
    }
  }
  return out;
}

/** The ids in the order the lines show them. */
export function flatten<T extends Orderable>(page: readonly Line<T>[]): string[] {
  return page.flatMap((line) => (line.kind === 'single' ? [line.component.id] : line.members.map((m) => m.id)));
}

function lineIndex<T extends Orderable>(page: readonly Line<T>[], match: (line: Line<T>) => boolean): number {
  return page.findIndex(match);
}

/**
 * The whole order after moving component `id` by `delta`: within its group when it has one,
 * else among the page's lines. The same order when it cannot move (an end, an unknown id).
 */
export function moveComponent<T extends Orderable>(components: readonly T[], id: string, delta: number): string[] {
  const page = lines(components);
  const component = components.find((c) => c.id === id);
  if (!component) return flatten(page);
  const group = groupOf(component);
  if (group === null) {
    const at = lineIndex(page, (l) => l.kind === 'single' && l.component.id === id);
    return flatten(moveItem(page, at, delta));
  }
  const next = page.map((line) => {
    if (line.kind !== 'group' || line.name !== group) return line;
    const at = line.members.findIndex((m) => m.id === id);
    return { ...line, members: moveItem(line.members, at, delta) };
  });
  return flatten(next);
}

/** The whole order after moving group `name` (with its members) by `delta` among the lines. */
export function moveGroup<T extends Orderable>(components: readonly T[], name: string, delta: number): string[] {
  const page = lines(components);
  const at = lineIndex(page, (l) => l.kind === 'group' && l.name === name);
  return flatten(moveItem(page, at, delta));
}

/** Where a component can go: whether it is first or last of its group, or of the page. */
export function movable<T extends Orderable>(components: readonly T[], id: string): { up: boolean; down: boolean } {
  // Against the order as shown: a stored order with a group split is shown (and sent) joined.
  const order = flatten(lines(components));
  return { up: moveComponent(components, id, -1).join() !== order.join(), down: moveComponent(components, id, 1).join() !== order.join() };
}

/** Components reordered by `ids` (unknown ids skipped, components not listed kept at the end). */
export function applyOrder<T extends { id: string }>(components: readonly T[], ids: readonly string[]): T[] {
  const byId = new Map(components.map((c) => [c.id, c]));
  const out = ids.map((id) => byId.get(id)).filter((c): c is T => c !== undefined);
  const listed = new Set(ids);
  return [...out, ...components.filter((c) => !listed.has(c.id))];
}

/** What a screen reader hears after a move: "API moved to position 2 of 3 in Backend". */
export function announce<T extends Orderable>(components: readonly T[], order: readonly string[], moved: { id?: string; group?: string }): string {
  const ordered = applyOrder(components, order);
  const page = lines(ordered);
  if (moved.group !== undefined) {
    const at = lineIndex(page, (l) => l.kind === 'group' && l.name === moved.group);
    return `Group ${moved.group} moved to position ${at + 1} of ${page.length}`;
  }
  const component = ordered.find((c) => c.id === moved.id);
  if (!component) return '';
  const group = groupOf(component);
  if (group === null) {
    const at = lineIndex(page, (l) => l.kind === 'single' && l.component.id === moved.id);
    return `${component.name} moved to position ${at + 1} of ${page.length}`;
  }
  const line = page.find((l) => l.kind === 'group' && l.name === group);
  const members = line && line.kind === 'group' ? line.members : [];
  return `${component.name} moved to position ${members.findIndex((m) => m.id === moved.id) + 1} of ${members.length} in ${group}`;
}
