import { Group, Kbd, Loader, Modal, Stack, Table, Text, TextInput, UnstyledButton } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useMemo, useState, type KeyboardEvent } from 'react';
import { useNavigate } from 'react-router';
import { useQuery } from 'urql';
import { graphql } from '../gql';
import { hitItem, matchItems, pageItems, step, type PaletteItem } from '../lib/palette';
import { PALETTE_CHORD, SHORTCUTS } from '../lib/shortcuts';

const SearchQuery = graphql(`
  query PaletteSearch($projectId: ID!, $query: String!) {
    search(projectId: $projectId, query: $query, first: 5) {
      kind
      id
      title
      detail
    }
  }
`);

/** Pages offered at most, besides what the search finds. */
const MAX_PAGES = 8;

/** Ctrl/⌘+K: search the project's monitors, tests, jobs, callbacks and runs, and go to pages. */
export function CommandPalette({ opened, onClose, projectId, orgId }: { opened: boolean; onClose: () => void; projectId: string | null; orgId: string | null }) {
  const navigate = useNavigate();
  const [text, setText] = useState('');
  const [active, setActive] = useState(0);
  const [debounced] = useDebouncedValue(text.trim(), 200);
  const [result] = useQuery({
    query: SearchQuery,
    variables: { projectId: projectId ?? '', query: debounced.slice(0, 100) },
    pause: !opened || !projectId || debounced === '',
    requestPolicy: 'network-only',
  });
  useEffect(() => {
    if (!opened) setText('');
  }, [opened]);

  const items: PaletteItem[] = useMemo(() => {
    const found = debounced && projectId && result.data ? result.data.search.map((h) => hitItem(projectId, h)) : [];
    const pages = matchItems(pageItems(projectId, orgId), text).slice(0, MAX_PAGES);
    return [...found, ...pages];
  }, [debounced, projectId, orgId, result.data, text]);
  useEffect(() => setActive(0), [items.length, text]);

  const go = (item: PaletteItem | undefined) => {
    if (!item) return;
    onClose();
    navigate(item.path);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      setActive((i) => step(i, e.key === 'ArrowDown' ? 1 : -1, items.length));
    } else if (e.key === 'Enter') {
      e.preventDefault();
      go(items[active]);
    }
  };
  const optionId = (i: number) => `palette-option-${i}`;
  const searching = result.fetching || text.trim() !== debounced;

  return (
    <Modal opened={opened} onClose={onClose} title="Search and go" size="lg" yOffset="10vh" data-testid="palette">
      <Stack gap="sm">
        <TextInput
          data-autofocus
          placeholder={projectId ? 'Monitors, tests, jobs, callbacks, run ids, pages…' : 'Pages…'}
          aria-label="Search"
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          onKeyDown={onKeyDown}
          role="combobox"
          aria-expanded={items.length > 0}
          aria-controls="palette-list"
          aria-autocomplete="list"
          aria-activedescendant={items.length > 0 ? optionId(active) : undefined}
          rightSection={searching && debounced ? <Loader size="xs" aria-hidden /> : null}
        />
        {items.length === 0 ? (
          <Text size="sm" c="dimmed" role="status">
            {searching ? 'Searching…' : 'Nothing matches.'}
          </Text>
        ) : (
          <div id="palette-list" role="listbox" aria-label="Results" style={{ maxHeight: '50vh', overflowY: 'auto' }}>
            {items.map((item, i) => (
              <UnstyledButton
                key={item.key}
                id={optionId(i)}
                role="option"
                aria-selected={i === active}
                tabIndex={-1}
                w="100%"
                px="sm"
                py={6}
                display="block"
                style={{ borderRadius: 'var(--mantine-radius-sm)', background: i === active ? 'var(--mantine-color-indigo-light)' : undefined }}
                onMouseEnter={() => setActive(i)}
                onClick={() => go(item)}
              >
                <Group justify="space-between" wrap="nowrap" gap="sm">
                  <Text size="sm" truncate="end">
                    {item.label}
                    {item.detail && (
                      <Text span size="xs" c="dimmed" ml={6}>
                        {item.detail}
                      </Text>
                    )}
                  </Text>
                  <Text size="xs" c="dimmed" style={{ flexShrink: 0 }}>
                    {item.group}
                  </Text>
                </Group>
              </UnstyledButton>
            ))}
          </div>
        )}
        <Text size="xs" c="dimmed">
          <Kbd size="xs">↑</Kbd> <Kbd size="xs">↓</Kbd> to move, <Kbd size="xs">Enter</Kbd> to open, <Kbd size="xs">Esc</Kbd> to close. Press <Kbd size="xs">?</Kbd> outside a field for every shortcut.
        </Text>
      </Stack>
    </Modal>
  );
}

/** The `?` sheet: every keyboard shortcut. */
export function ShortcutSheet({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  return (
    <Modal opened={opened} onClose={onClose} title="Keyboard shortcuts" data-testid="shortcut-sheet">
      <Table>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Keys</Table.Th>
            <Table.Th>Does</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          <Table.Tr>
            <Table.Td>
              <Kbd>{PALETTE_CHORD}</Kbd>
            </Table.Td>
            <Table.Td>Search and go, from anywhere</Table.Td>
          </Table.Tr>
          {SHORTCUTS.map((s) => (
            <Table.Tr key={s.action}>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                {s.keys.map((k, i) => (
                  <span key={i}>
                    {i > 0 && ' then '}
                    <Kbd>{k}</Kbd>
                  </span>
                ))}
              </Table.Td>
              <Table.Td>{s.label}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Text size="xs" c="dimmed" mt="sm">
        Shortcuts other than {PALETTE_CHORD} wait while you type in a field.
      </Text>
    </Modal>
  );
}
