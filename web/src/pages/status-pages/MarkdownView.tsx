import { Anchor, Blockquote, Code, Divider, List, Table, Text, Title, Typography } from '@mantine/core';
import type { ReactNode } from 'react';
import { parse, type Block, type Inline } from './markdown';

function inlines(nodes: Inline[]): ReactNode[] {
  return nodes.map((n, i) => {
    switch (n.type) {
      case 'text':
        return n.text;
      case 'code':
        return <Code key={i}>{n.text}</Code>;
      case 'strong':
        return <strong key={i}>{inlines(n.children)}</strong>;
      case 'em':
        return <em key={i}>{inlines(n.children)}</em>;
      case 'del':
        return <del key={i}>{inlines(n.children)}</del>;
      case 'link':
        return n.href ? (
          <Anchor key={i} href={n.href} target="_blank" rel="noopener noreferrer nofollow">
            {inlines(n.children)}
          </Anchor>
        ) : (
          <span key={i}>{inlines(n.children)}</span>
        );
      case 'image':
        // Not fetched in the editor: a picture's address is the author's, not Vigil's.
        return <span key={i}>[image{n.alt ? `: ${n.alt}` : ''}]</span>;
    }
  });
}

function block(b: Block, i: number): ReactNode {
  switch (b.type) {
    case 'heading':
      // Below the editor's own headings.
      return (
        <Title key={i} order={Math.min(b.level + 2, 6) as 3 | 4 | 5 | 6} mt="sm">
          {inlines(b.children)}
        </Title>
      );
    case 'paragraph':
      return <Text key={i}>{inlines(b.children)}</Text>;
    case 'code':
      return (
        <Code key={i} block>
          {b.text}
        </Code>
      );
    case 'quote':
      return <Blockquote key={i}>{b.children.map(block)}</Blockquote>;
    case 'list':
      return (
        <List key={i} type={b.ordered ? 'ordered' : 'unordered'} start={b.ordered ? b.start : undefined} withPadding>
          {b.items.map((item, j) => (
            <List.Item key={j}>{inlines(item)}</List.Item>
          ))}
        </List>
      );
    case 'table':
      return (
        <Table key={i} withTableBorder>
          <Table.Thead>
            <Table.Tr>
              {b.head.map((c, j) => (
                <Table.Th key={j}>{inlines(c)}</Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {b.rows.map((row, j) => (
              <Table.Tr key={j}>
                {row.map((c, k) => (
                  <Table.Td key={k}>{inlines(c)}</Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      );
    case 'rule':
      return <Divider key={i} my="sm" />;
  }
}

/** Markdown rendered as React elements (never as HTML): see markdown.ts. */
export function MarkdownView({ text }: { text: string }) {
  return <Typography>{parse(text).map(block)}</Typography>;
}
