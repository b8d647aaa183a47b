import { Alert, Button, Center, Group, Loader, Stack, Text, Title } from '@mantine/core';
import type { CombinedError } from '@urql/core';
import type { ReactNode } from 'react';
import { errorText } from '../lib/errors';

export function Loading({ label = 'Loading…' }: { label?: string }) {
  return (
    <Center py="xl" role="status" aria-live="polite">
      <Group gap="sm">
        <Loader size="sm" aria-hidden />
        <Text c="dimmed">{label}</Text>
      </Group>
    </Center>
  );
}

export function ErrorState({ error, retry, title = 'Could not load this page' }: { error?: CombinedError | null; retry?: () => void; title?: string }) {
  return (
    <Alert color="red" title={title} role="alert" variant="light">
      <Stack gap="xs">
        <Text size="sm">{errorText(error) || 'Something went wrong.'}</Text>
        {retry && (
          <Group>
            <Button size="xs" variant="light" color="red" onClick={retry}>
              Try again
            </Button>
          </Group>
        )}
      </Stack>
    </Alert>
  );
}

export function NotFound({ what = 'page' }: { what?: string }) {
  return (
    <Stack py="xl" align="center" gap="xs">
      <Title order={2}>Not found</Title>
      <Text c="dimmed">This {what} does not exist, or it is not shared with you.</Text>
    </Stack>
  );
}

export function Empty({ title, children, action }: { title: string; children?: ReactNode; action?: ReactNode }) {
  return (
    <Stack py="xl" align="center" gap="xs" data-testid="empty">
      <Text fw={600}>{title}</Text>
      {children && (
        <Text c="dimmed" size="sm" ta="center" maw={480}>
          {children}
        </Text>
      )}
      {action}
    </Stack>
  );
}

/** A query's state as urql gives it. */
export interface QueryResult {
  fetching: boolean;
  data?: unknown;
  error?: CombinedError;
}

interface Waiting {
  /** Says what is loading ("Loading…" by default). */
  loadingLabel?: string;
  /** Heads the error ("Could not load this page" by default). */
  errorTitle?: string;
}

/**
 * What a page shows while its query has no data: the loader while it loads, the error (with
 * `retry`) when it failed; `null` once there is data (or the query is paused). For pages that return early; sections
 * use {@link QueryView}.
 */
export function pending(result: QueryResult, retry?: () => void, { loadingLabel, errorTitle }: Waiting = {}): ReactNode | null {
  if (result.data) return null;
  if (result.fetching) return <Loading label={loadingLabel} />;
  if (result.error) return <ErrorState error={result.error} retry={retry} title={errorTitle} />;
  return null;
}

/**
 * A section backed by a query: the loader, the error with a retry, `empty` when `isEmpty`
 * (nothing to list yet, or no match), else `children`, rendered only past the first two.
 */
export function QueryView({
  result,
  retry,
  isEmpty = false,
  empty = null,
  loadingLabel,
  errorTitle,
  children,
}: {
  result: QueryResult;
  retry?: () => void;
  isEmpty?: boolean;
  empty?: ReactNode;
  children: () => ReactNode;
} & Waiting) {
  const waiting = pending(result, retry, { loadingLabel, errorTitle });
  if (waiting) return waiting;
  if (isEmpty) return empty;
  return children();
}

/** The messages of a form that belong to no field. */
export function FormAlert({ messages, title = 'Could not save' }: { messages: string[]; title?: string }) {
  if (messages.length === 0) return null;
  return (
    <Alert color="red" role="alert" variant="light" title={title}>
      {messages.map((m, i) => (
        <Text size="sm" key={i}>
          {m}
        </Text>
      ))}
    </Alert>
  );
}
