import { Anchor, Table, Text } from '@mantine/core';
import { useRef, useState } from 'react';
import { Link } from 'react-router';
import { useSubscription } from 'urql';
import { StatusBadge } from '../../components/StatusBadge';
import type { RunRowFragment } from '../../gql/graphql';
import { dateTime, enumLabel, formatMs, relativeTime } from '../../lib/format';
import { applyRunEvent, mergeRuns, noLiveRuns, type LiveRuns, type RunListFilter } from './liveRuns';
import { useProject } from '../../lib/project';
import { isFinal } from '../../lib/runLog';
import { ProjectRunUpdatedSubscription } from './operations';

/**
 * Loaded rows kept live through one `runUpdated(projectId)` subscription: a changed run
 * replaces its row, a new run matching `filter` joins the list at its place (the top). A new
 * filter starts afresh; `reset` forgets what came live (before a reload). `pause` (a list that
 * cannot have runs yet) does not subscribe.
 */
export function useLiveRows(rows: readonly RunRowFragment[], filter: RunListFilter = {}, pause = false): { rows: RunRowFragment[]; added: number; reset: () => void } {
  const project = useProject();
  const [live, setLive] = useState<LiveRuns<RunRowFragment>>(noLiveRuns);
  const key = JSON.stringify([filter.jobId, filter.testId, filter.status, filter.trigger]);
  const [keyed, setKeyed] = useState(key);
  if (keyed !== key) {
    setKeyed(key);
    setLive(noLiveRuns);
  }
  // The rows and filter of the latest render, for events that arrive between renders.
  const latest = useRef({ rows, filter });
  latest.current = { rows, filter };
  useSubscription({ query: ProjectRunUpdatedSubscription, variables: { projectId: project.id }, pause }, (_prev: unknown, event) => {
    const run = event.runUpdated;
    setLive((current) => applyRunEvent(current, run, latest.current.rows, latest.current.filter));
    return null;
  });
  const merged = mergeRuns(rows, keyed === key ? live : noLiveRuns);
  return { rows: merged.rows, added: merged.added, reset: () => setLive(noLiveRuns) };
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
