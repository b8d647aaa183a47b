// Keyboard shortcuts: single keys and two-key sequences ("g m"), matched by a small state
// machine fed one key at a time. Pure, so it is unit-tested; the Layout binds it to keydown.

export interface Shortcut {
  /** Keys pressed one after the other, e.g. ['g', 'm'], or one key, e.g. ['?']. */
  keys: string[];
  /** What it does, as the `?` sheet lists it. */
  label: string;
  /** An id the Layout acts on: a path under the project (`go:monitors`), or a command. */
  action: string;
}

export const SHORTCUTS: Shortcut[] = [
  { keys: ['g', 'o'], label: 'Go to the overview', action: 'go:overview' },
  { keys: ['g', 'm'], label: 'Go to monitors', action: 'go:monitors' },
  { keys: ['g', 's'], label: 'Go to status pages', action: 'go:status-pages' },
  { keys: ['g', 'c'], label: 'Go to callbacks', action: 'go:callbacks' },
  { keys: ['g', 't'], label: 'Go to tests', action: 'go:tests' },
  { keys: ['g', 'j'], label: 'Go to jobs', action: 'go:jobs' },
  { keys: ['g', 'r'], label: 'Go to runs', action: 'go:runs' },
  { keys: ['n'], label: 'New item: a monitor, callback, test or job on its list; a tag, variable, credential, provider, API key or status page on its page', action: 'new' },
  { keys: ['/'], label: 'Search (command palette)', action: 'palette' },
  { keys: ['?'], label: 'Show these shortcuts', action: 'help' },
];

/** Ctrl+K or ⌘K, which opens the palette from anywhere, even inside a field. */
export const PALETTE_CHORD = 'Ctrl+K / ⌘K';

/** How long the second key of a sequence may wait for, in milliseconds. */
export const SEQUENCE_MS = 1500;

export interface Pending {
  keys: string[];
  at: number;
}

export const idle: Pending = { keys: [], at: 0 };

/**
 * Feeds `key` pressed at `now` (ms): returns the action completed, if any, and what is left
 * pending. A key that starts no shortcut clears the sequence.
 */
export function press(pending: Pending, key: string, now: number, shortcuts: Shortcut[] = SHORTCUTS): { action: string | null; pending: Pending } {
  const before = pending.keys.length > 0 && now - pending.at <= SEQUENCE_MS ? pending.keys : [];
  for (const keys of [[...before, key], [key]]) {
    const done = shortcuts.find((s) => s.keys.length === keys.length && s.keys.every((k, i) => k === keys[i]));
    if (done) return { action: done.action, pending: idle };
    const started = shortcuts.some((s) => s.keys.length > keys.length && keys.every((k, i) => s.keys[i] === k));
    if (started) return { action: null, pending: { keys, at: now } };
  }
  return { action: null, pending: idle };
}

/** Whether a keydown is typed into something (a field, an editor) and not a shortcut. */
export function typing(target: EventTarget | null): boolean {
  if (!target || typeof (target as HTMLElement).closest !== 'function') return false;
  const element = target as HTMLElement;
  if (element.isContentEditable) return true;
  return element.closest('input, textarea, select, [contenteditable="true"], .cm-editor, [role="dialog"]') !== null;
}

/**
 * `n` on a page without a "new" route: the page's own way to add one, marked
 * `data-shortcut="new"` (the first field of its create form gets the focus; a button is
 * pressed). False when the page has none.
 */
export function newOnPage(root: ParentNode = document): boolean {
  const target = root.querySelector<HTMLElement>('[data-shortcut="new"]');
  if (!target) return false;
  if (target.matches('input, textarea, select')) target.focus();
  else target.click();
  return true;
}

/** Where `n` leads from a path: the "new" form of the list it is on, else nowhere. */
export function newPathFor(pathname: string): string | null {
  const match = /^\/projects\/([^/]+)\/(monitors|callbacks|tests|jobs)\/?$/.exec(pathname);
  return match ? `/projects/${match[1]}/${match[2]}/new` : null;
}
