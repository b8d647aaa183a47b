// What the command palette offers: pages to go to (matched by their words) and objects the
// server's `search` found, each with where it leads. Pure, so it is unit-tested.
import { ACCOUNT_NAV, ORG_NAV, PROJECT_NAV, PROJECT_SETTINGS_NAV } from './nav';

export interface PaletteItem {
  /** Unique within the list. */
  key: string;
  /** What the item is: a page, or the kind of object found. */
  group: string;
  label: string;
  detail?: string | null;
  path: string;
}

export interface SearchHitLike {
  kind: string;
  id: string;
  title: string;
  detail?: string | null;
}

const KIND_PATH: Record<string, string> = {
  MONITOR: 'monitors',
  TEST: 'tests',
  JOB: 'jobs',
  CALLBACK: 'callbacks',
  RUN: 'runs',
};

const KIND_GROUP: Record<string, string> = {
  MONITOR: 'Monitors',
  TEST: 'Tests',
  JOB: 'Jobs',
  CALLBACK: 'Callbacks',
  RUN: 'Runs',
};

/** Where a search hit leads in project `projectId`. */
export function hitItem(projectId: string, hit: SearchHitLike): PaletteItem {
  return {
    key: `${hit.kind}:${hit.id}`,
    group: KIND_GROUP[hit.kind] ?? 'Found',
    label: hit.title,
    detail: hit.detail,
    path: `/projects/${projectId}/${KIND_PATH[hit.kind] ?? ''}/${hit.id}`,
  };
}

/** The pages of the project, its settings, its organization and the account. */
export function pageItems(projectId: string | null, orgId: string | null): PaletteItem[] {
  const items: PaletteItem[] = [];
  if (projectId) {
    for (const e of PROJECT_NAV) items.push({ key: `p:${e.path}`, group: 'Go to', label: e.label, path: `/projects/${projectId}/${e.path}` });
    for (const e of [
      { label: 'New monitor', path: 'monitors/new' },
      { label: 'New test', path: 'tests/new' },
      { label: 'New job', path: 'jobs/new' },
      { label: 'New callback', path: 'callbacks/new' },
    ])
      items.push({ key: `n:${e.path}`, group: 'Create', label: e.label, path: `/projects/${projectId}/${e.path}` });
    for (const e of PROJECT_SETTINGS_NAV) items.push({ key: `ps:${e.path}`, group: 'Project settings', label: e.label, path: `/projects/${projectId}/${e.path}` });
  }
  if (orgId) {
    for (const e of ORG_NAV.filter((e) => e.path !== 'billing'))
      items.push({ key: `o:${e.path}`, group: 'Organization', label: e.label, path: `/organizations/${orgId}/${e.path}` });
  }
  for (const e of ACCOUNT_NAV) items.push({ key: `a:${e.path}`, group: 'Account', label: e.label, path: `/settings/${e.path}` });
  return items;
}

/** The items whose words hold every word of `text` (any case); all of them for blank text. */
export function matchItems(items: PaletteItem[], text: string): PaletteItem[] {
  const words = text.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return items;
  return items.filter((item) => {
    const hay = `${item.group} ${item.label}`.toLowerCase();
    return words.every((w) => hay.includes(w));
  });
}

/** The next index when moving by `delta` through `count` items, wrapping around. */
export function step(index: number, delta: number, count: number): number {
  if (count === 0) return 0;
  return (((index + delta) % count) + count) % count;
}
