import { Anchor, Table, Text } from '@mantine/core';
import { useCallback, useState, type ReactNode } from 'react';
import { Link } from 'react-router';
import { useSubscription } from 'urql';
import { StatusBadge } from '../../components/StatusBadge';
import type { RunRowFragment } from '../../gql/graphql';
import { dateTime, enumLabel, formatMs, relativeTime } from '../../lib/format';
import { isFinal, withLive } from '../../lib/runLog';
import { RunRowUpdatedSubscription } from './operations';

/** Runs followed live at once in one list (one subscription each). */
const MAX_WATCHED = 25;

/** Follows one unfinished run and reports its updates. */
function RunWatcher({ runId, onUpdate }: { runId: string; onUpdate: (run: RunRowFragment) => void }) {
  useSubscription({ query: RunRowUpdatedSubscription, variables: { runId } }, (_prev: unknown, event) => {
    onUpdate(event.runUpdated);
    return null;
  });
  return null;
}

/** Rows with the live state of their unfinished runs (`runUpdated` per run). */
export function useLiveRows(rows: readonly RunRowFragment[]): { rows: RunRowFragment[]; watchers: ReactNode; reset: () => void } {
  const [live, setLive] = useState<Record<string, RunRowFragment>>({});
  const onUpdate = useCallback((run: RunRowFragment) => setLive((current) => ({ ...current, [run.id]: run })), []);
  const merged = withLive(rows, live);
  const watchers = merged
    .filter((r) => !isFinal(r.status))
    .slice(0, MAX_WATCHED)
    .map((r) => <RunWatcher key={r.id} runId={r.id} onUpdate={onUpdate} />);
  return { rows: merged, watchers, reset: () => setLive({}) };
}

export function runDuration(run: Pick<RunRowFragment, 'duration' | 'durationMs' | 'status'>): string {
  if (run.duration) return run.duration;
  if (run.durationMs != null) return formatMs(run.durationMs);
  return isFinal(run.status) ? '—' : '…';
}

/** A list of runs: status, what ran, trigger, duration, created. */
export function RunTable({
  runs,
  projectId,
  testTitles,
  showWhat = true,
  label,
}: {
  runs: RunRowFragment[];
  projectId: string;
  testTitles?: Map<string, string>;
  showWhat?: boolean;
  label: string;
}) {
  return (
    <Table striped highlightOnHover aria-label={label} data-testid="run-table">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Status</Table.Th>
          <Table.Th>Run</Table.Th>
          {showWhat && <Table.Th>Of</Table.Th>}
          <Table.Th>Trigger</Table.Th>
          <Table.Th>Duration</Table.Th>
          <Table.Th>Created</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {runs.map((run) => (
          <Table.Tr key={run.id} data-testid="run-row" data-run-id={run.id}>
            <Table.Td>
              <StatusBadge status={run.status} testId="run-status" />
              {run.cancelRequested && !isFinal(run.status) && (
                <Text span size="xs" c="dimmed" ml={4}>
                  cancelling
                </Text>
              )}
            </Table.Td>
            <Table.Td>
              <Anchor component={Link} to={`/projects/${projectId}/runs/${run.id}`} className="mono">
                {run.id.slice(-8)}
              </Anchor>
            </Table.Td>
            {showWhat && (
              <Table.Td>
                {run.job ? (
                  <Anchor component={Link} to={`/projects/${projectId}/jobs/${run.job.id}`}>
                    {run.job.name}
                  </Anchor>
                ) : run.testId ? (
                  <>
                    <Anchor component={Link} to={`/projects/${projectId}/tests/${run.testId}`}>
                      {testTitles?.get(run.testId) ?? 'A test'}
                    </Anchor>{' '}
                    <Text span size="xs" c="dimmed">
                      (from the editor)
                    </Text>
                  </>
                ) : (
                  <Text span size="sm" c="dimmed">
                    deleted
                  </Text>
                )}
              </Table.Td>
            )}
            <Table.Td>{enumLabel(run.trigger)}</Table.Td>
            <Table.Td>{runDuration(run)}</Table.Td>
            <Table.Td title={dateTime(run.createdAt)}>{relativeTime(run.createdAt)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
