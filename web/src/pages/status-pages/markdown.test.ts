import { describe, expect, it } from 'vitest';
import { inline, parse, safeHref } from './markdown';

describe('postmortem Markdown preview', () => {
  it('reads the common blocks', () => {
    const blocks = parse('# Root cause\n\nThe disk\nfilled up.\n\n- one\n- two\n  continued\n\n3. third\n4. fourth\n\n> quoted\n\n---\n\n```\nrm -rf /tmp/x\n```');
    expect(blocks.map((b) => b.type)).toEqual(['heading', 'paragraph', 'list', 'list', 'quote', 'rule', 'code']);
    expect(blocks[0]).toEqual({ type: 'heading', level: 1, children: [{ type: 'text', text: 'Root cause' }] });
    expect(blocks[1]).toEqual({ type: 'paragraph', children: [{ type: 'text', text: 'The disk filled up.' }] });
    expect(blocks[2]).toMatchObject({ ordered: false, items: [[{ text: 'one' }], [{ text: 'two continued' }]] });
    expect(blocks[3]).toMatchObject({ ordered: true, start: 3 });
    expect(blocks[6]).toEqual({ type: 'code', text: 'rm -rf /tmp/x' });
  });

  it('reads pipe tables', () => {
    const [table] = parse('| Time | What |\n|---|:--|\n| 14:00 | **alert** |');
    expect(table).toMatchObject({ type: 'table', head: [[{ text: 'Time' }], [{ text: 'What' }]], rows: [[[{ text: '14:00' }], [{ type: 'strong' }]]] });
  });

  it('reads inlines', () => {
    expect(inline('**bold** and *em* and `code` and ~~gone~~ and snake_case_name')).toEqual([
      { type: 'strong', children: [{ type: 'text', text: 'bold' }] },
      { type: 'text', text: ' and ' },
      { type: 'em', children: [{ type: 'text', text: 'em' }] },
      { type: 'text', text: ' and ' },
      { type: 'code', text: 'code' },
      { type: 'text', text: ' and ' },
      { type: 'del', children: [{ type: 'text', text: 'gone' }] },
      { type: 'text', text: ' and snake_case_name' },
    ]);
    expect(inline('\\*not em\\*')).toEqual([{ type: 'text', text: '*not em*' }]);
    expect(inline('[docs](https://example.com/a?b=1)')).toEqual([{ type: 'link', href: 'https://example.com/a?b=1', children: [{ type: 'text', text: 'docs' }] }]);
  });

  it('keeps raw HTML as text and drops unsafe link targets', () => {
    expect(parse('<script>alert(1)</script><img src=x onerror=alert(2)>')).toEqual([
      { type: 'paragraph', children: [{ type: 'text', text: '<script>alert(1)</script><img src=x onerror=alert(2)>' }] },
    ]);
    expect(inline('[click](javascript:alert(1))')[0]).toMatchObject({ type: 'link', href: null });
    expect(safeHref('java\tscript:alert(1)')).toBeNull();
    expect(inline('![pic](data:image/svg+xml;base64,PHN2Zz4=)')[0]).toEqual({ type: 'image', alt: 'pic', href: null });
    expect(safeHref('JAVASCRIPT:alert(1)')).toBeNull();
    expect(safeHref('/relative')).toBeNull();
    expect(safeHref('mailto:ops@example.com')).toBe('mailto:ops@example.com');
  });

  // Patterns are bounded: without that, these take minutes (the test's timeout fails it).
  it('reads the longest postmortem full of unclosed markers', () => {
    for (const unit of ['[', '*', '_ ', '**a', '`', '![', '<http://', '~~']) {
      const text = unit.repeat(Math.ceil(50_000 / unit.length)).slice(0, 50_000);
      expect(parse(text).length).toBeGreaterThan(0);
    }
  });

  it('does not hang or throw on odd input', () => {
    for (const text of ['', '\n\n', '```', '> ', '|', '**', '[a](', '1.', '#', '-'.repeat(10_000), '*a'.repeat(5_000)]) expect(() => parse(text)).not.toThrow();
  });
});
