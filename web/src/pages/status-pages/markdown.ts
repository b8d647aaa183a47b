// A small Markdown reader for the postmortem editor's preview: the common blocks (headings,
// paragraphs, lists, quotes, code, rules, pipe tables) and inlines (emphasis, strong, strike,
// code, links) into a tree that the preview renders as React elements. Nothing is ever
// turned into HTML: raw HTML stays text, and links keep only http, https and mailto targets
// (the public page sanitizes its own rendering the same way). Pure, so it is unit-tested.

export type Inline =
  | { type: 'text'; text: string }
  | { type: 'code'; text: string }
  | { type: 'strong' | 'em' | 'del'; children: Inline[] }
  | { type: 'link'; href: string | null; children: Inline[] }
  | { type: 'image'; alt: string; href: string | null };

export type Block =
  | { type: 'heading'; level: number; children: Inline[] }
  | { type: 'paragraph'; children: Inline[] }
  | { type: 'code'; text: string }
  | { type: 'quote'; children: Block[] }
  | { type: 'list'; ordered: boolean; start: number; items: Inline[][] }
  | { type: 'table'; head: Inline[][]; rows: Inline[][][] }
  | { type: 'rule' };

/** A link target the preview may follow: absolute http, https or mailto; null otherwise. */
export function safeHref(raw: string): string | null {
  try {
    const url = new URL(raw.trim());
    return ['http:', 'https:', 'mailto:'].includes(url.protocol) ? url.href : null;
  } catch {
    return null;
  }
}

const ESCAPABLE = /[\\`*_{}[\]()#+\-.!~|>]/;
// Bounded, so that a 50,000-character postmortem full of unclosed markers stays fast.
const RULES: [RegExp, (m: RegExpExecArray) => Inline][] = [
  [/`([^`]{1,1000})`/y, (m) => ({ type: 'code', text: m[1] })],
  [/\*\*(.{1,1000}?)\*\*/y, (m) => ({ type: 'strong', children: inline(m[1]) })],
  [/__(.{1,1000}?)__/y, (m) => ({ type: 'strong', children: inline(m[1]) })],
  [/~~(.{1,1000}?)~~/y, (m) => ({ type: 'del', children: inline(m[1]) })],
  [/\*([^*\s](?:[^*]{0,1000}[^*\s])?)\*/y, (m) => ({ type: 'em', children: inline(m[1]) })],
  [/_([^_\s](?:[^_]{0,1000}[^_\s])?)_(?![A-Za-z0-9])/y, (m) => ({ type: 'em', children: inline(m[1]) })],
  [/!\[([^\]]{0,500})\]\(([^)\s]{1,2000})(?:\s+"[^"]{0,500}")?\)/y, (m) => ({ type: 'image', alt: m[1], href: safeHref(m[2]) })],
  [/\[([^\]]{1,500})\]\(([^)\s]{1,2000})(?:\s+"[^"]{0,500}")?\)/y, (m) => ({ type: 'link', href: safeHref(m[2]), children: inline(m[1]) })],
  [/<((?:https?:\/\/|mailto:)[^>\s]{1,2000})>/y, (m) => ({ type: 'link', href: safeHref(m[1]), children: [{ type: 'text', text: m[1] }] })],
];

/** The inlines of one block's text. */
export function inline(text: string): Inline[] {
  const out: Inline[] = [];
  let buffer = '';
  const flush = () => {
    if (buffer) out.push({ type: 'text', text: buffer });
    buffer = '';
  };
  let i = 0;
  outer: while (i < text.length) {
    const c = text[i];
    if (c === '\\' && ESCAPABLE.test(text[i + 1] ?? '')) {
      buffer += text[i + 1];
      i += 2;
      continue;
    }
    // Only these characters open an inline; `_` inside a word (snake_case) does not.
    if ('`*_~![<'.includes(c) && !(c === '_' && /[A-Za-z0-9]/.test(text[i - 1] ?? ''))) {
      for (const [pattern, make] of RULES) {
        pattern.lastIndex = i;
        const m = pattern.exec(text);
        if (m) {
          flush();
          out.push(make(m));
          i += m[0].length;
          continue outer;
        }
      }
    }
    buffer += c;
    i += 1;
  }
  flush();
  return out;
}

const FENCE = /^\s{0,3}(```|~~~)/;
const HEADING = /^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$/;
const RULE = /^\s{0,3}([-*_])(\s*\1){2,}\s*$/;
const QUOTE = /^\s{0,3}>\s?/;
const BULLET = /^\s{0,3}[-*+]\s+/;
const NUMBER = /^\s{0,3}(\d{1,9})[.)]\s+/;
const TABLE_RULE = /^\s*\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$/;

function cells(line: string): Inline[][] {
  return line
    .trim()
    .replace(/^\||\|$/g, '')
    .split('|')
    .map((c) => inline(c.trim()));
}

/** Whether `line` starts a block other than a paragraph (and so ends one). */
function startsBlock(line: string): boolean {
  return FENCE.test(line) || HEADING.test(line) || RULE.test(line) || QUOTE.test(line) || BULLET.test(line) || NUMBER.test(line);
}

/** The blocks of a Markdown text. */
export function parse(markdown: string): Block[] {
  const lines = markdown.replace(/\r\n?/g, '\n').split('\n');
  const blocks: Block[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i];
    if (!line.trim()) {
      i += 1;
    } else if (FENCE.test(line)) {
      const fence = FENCE.exec(line)![1];
      const body: string[] = [];
      for (i += 1; i < lines.length && !lines[i].trim().startsWith(fence); i += 1) body.push(lines[i]);
      i += 1;
      blocks.push({ type: 'code', text: body.join('\n') });
    } else if (HEADING.test(line)) {
      const m = HEADING.exec(line)!;
      blocks.push({ type: 'heading', level: m[1].length, children: inline(m[2]) });
      i += 1;
    } else if (RULE.test(line)) {
      blocks.push({ type: 'rule' });
      i += 1;
    } else if (QUOTE.test(line)) {
      const body: string[] = [];
      for (; i < lines.length && lines[i].trim() && QUOTE.test(lines[i]); i += 1) body.push(lines[i].replace(QUOTE, ''));
      blocks.push({ type: 'quote', children: parse(body.join('\n')) });
    } else if (BULLET.test(line) || NUMBER.test(line)) {
      const ordered = NUMBER.test(line);
      const marker = ordered ? NUMBER : BULLET;
      const start = ordered ? Number(NUMBER.exec(line)![1]) : 1;
      const items: string[] = [];
      for (; i < lines.length && lines[i].trim(); i += 1) {
        if (marker.test(lines[i])) items.push(lines[i].replace(marker, ''));
        else if (startsBlock(lines[i])) break;
        else items[items.length - 1] += ` ${lines[i].trim()}`;
      }
      blocks.push({ type: 'list', ordered, start, items: items.map(inline) });
    } else if (line.includes('|') && i + 1 < lines.length && TABLE_RULE.test(lines[i + 1]) && lines[i + 1].includes('-')) {
      const head = cells(line);
      const rows: Inline[][][] = [];
      for (i += 2; i < lines.length && lines[i].trim() && lines[i].includes('|'); i += 1) rows.push(cells(lines[i]));
      blocks.push({ type: 'table', head, rows });
    } else {
      const body: string[] = [];
      for (; i < lines.length && lines[i].trim() && (body.length === 0 || !startsBlock(lines[i])); i += 1) body.push(lines[i].trim());
      blocks.push({ type: 'paragraph', children: inline(body.join(' ')) });
    }
  }
  return blocks;
}
