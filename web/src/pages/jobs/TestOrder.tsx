import { Badge, Button, Group, Paper, Select, Stack, Text } from '@mantine/core';
import { useEffect, useId, useRef, useState } from 'react';
import type { JobType, TestType } from '../../gql/graphql';
import { enumLabel } from '../../lib/format';
import { addItem, moveAnnouncement, moveItem, orderedTests, removeItem } from './ordering';
import { runnerOf } from '../../lib/testForm';

export interface PickableTest {
  id: string;
  title: string;
  type: TestType;
}

/**
 * The tests of a job in run order: add from the project's tests of the job's runner, move up
 * and down, remove. Buttons keep focus on the moved test, and a live region says where it went.
 */
export function TestOrder({
  value,
  onChange,
  tests,
  runner,
  error,
  truncated,
}: {
  value: string[];
  onChange: (ids: string[]) => void;
  tests: PickableTest[];
  runner: JobType;
  error?: string;
  truncated?: boolean;
}) {
  const id = useId();
  const [announcement, setAnnouncement] = useState('');
  const buttons = useRef(new Map<string, HTMLButtonElement | null>());
  const [focusNext, setFocusNext] = useState<{ id: string; direction: 'up' | 'down' } | null>(null);
  const rows = orderedTests(value, tests);
  const available = tests.filter((t) => runnerOf(t.type) === runner && !value.includes(t.id));
  const titleOf = (testId: string) => tests.find((t) => t.id === testId)?.title ?? 'A deleted test';

  useEffect(() => {
    if (!focusNext) return;
    const index = value.indexOf(focusNext.id);
    // At an end the pressed button is disabled now: focus the other one.
    const direction = index === 0 && focusNext.direction === 'up' ? 'down' : index === value.length - 1 && focusNext.direction === 'down' ? 'up' : focusNext.direction;
    buttons.current.get(`${focusNext.id}:${direction}`)?.focus();
    setFocusNext(null);
  }, [focusNext, value]);

  const move = (testId: string, delta: number) => {
    const next = moveItem(value, value.indexOf(testId), delta);
    onChange(next);
    setAnnouncement(moveAnnouncement(titleOf(testId), next, testId));
    setFocusNext({ id: testId, direction: delta < 0 ? 'up' : 'down' });
  };

  return (
    <Stack gap="xs">
      <Text size="sm" fw={500} id={`${id}-label`}>
        Tests, in the order they run
      </Text>
      {rows.length === 0 ? (
        <Text size="sm" c="dimmed">
          No tests yet: add {runner === 'K6' ? 'performance (k6)' : 'Playwright'} tests below. A job without tests cannot be triggered.
        </Text>
      ) : (
        <Paper withBorder p={0} component="ol" aria-labelledby={`${id}-label`} data-testid="job-tests" style={{ listStyle: 'none', margin: 0 }}>
          {rows.map((row, i) => {
            const title = 'missing' in row ? 'A deleted test' : row.title;
            return (
              <Group key={row.id} component="li" justify="space-between" wrap="nowrap" px="sm" py={6} data-testid="job-test" style={{ borderTop: i ? '1px solid var(--mantine-color-default-border)' : undefined }}>
                <Group gap="xs" wrap="nowrap" style={{ minWidth: 0 }}>
                  <Text size="sm" c="dimmed" w={24} ta="right" aria-hidden>
                    {i + 1}.
                  </Text>
                  <Text size="sm" truncate>
                    {title}
                  </Text>
                  {!('missing' in row) && (
                    <Badge variant="light" color="gray" size="sm">
                      {enumLabel(row.type)}
                    </Badge>
                  )}
                </Group>
                <Group gap={4} wrap="nowrap">
                  <Button
                    size="xs"
                    variant="subtle"
                    ref={(el) => {
                      buttons.current.set(`${row.id}:up`, el);
                    }}
                    disabled={i === 0}
                    onClick={() => move(row.id, -1)}
                    aria-label={`Move ${title} up`}
                  >
                    ↑
                  </Button>
                  <Button
                    size="xs"
                    variant="subtle"
                    ref={(el) => {
                      buttons.current.set(`${row.id}:down`, el);
                    }}
                    disabled={i === rows.length - 1}
                    onClick={() => move(row.id, 1)}
                    aria-label={`Move ${title} down`}
                  >
                    ↓
                  </Button>
                  <Button
                    size="xs"
                    variant="subtle"
                    color="red"
                    onClick={() => {
                      onChange(removeItem(value, row.id));
                      setAnnouncement(`${title} removed`);
                    }}
                    aria-label={`Remove ${title}`}
                  >
                    Remove
                  </Button>
                </Group>
              </Group>
            );
          })}
        </Paper>
      )}
      <div aria-live="polite" className="sr-only" data-testid="order-announcement">
        {announcement}
      </div>
      <Select
        label="Add a test"
        placeholder={available.length ? 'Choose a test' : `No other ${runner === 'K6' ? 'performance' : 'Playwright'} tests in this project`}
        searchable
        disabled={available.length === 0}
        data={available.map((t) => ({ value: t.id, label: t.title }))}
        value={null}
        onChange={(testId) => {
          if (!testId) return;
          const next = addItem(value, testId);
          onChange(next);
          setAnnouncement(`${titleOf(testId)} added at position ${next.length}`);
        }}
        error={error}
        description={truncated ? 'Only the first 200 tests of the project are listed.' : undefined}
        maw={480}
      />
    </Stack>
  );
}
