import { Anchor, Button, Group, Paper, SimpleGrid, Text } from '@mantine/core';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { Page } from '../../components/Page';
import { StatusBadge } from '../../components/StatusBadge';
import { NotFound, pending } from '../../components/States';
import { dateTime, enumLabel, formatMs, relativeTime } from '../../lib/format';
import { act, notifyError } from '../../lib/notify';
import { atLeast, useProject } from '../../lib/project';
import { isFinal } from '../../lib/runLog';
import { K6Metrics, RunArtifacts, RunError, RunOutput, useElapsed, useLiveRun } from './LiveRun';
import { CancelRunMutation, RunTestMutation, TestTitlesQuery, TriggerJobMutation } from './operations';
import { runDuration } from './RunTable';

/** The run page; a new run id is a new page (its live state and output start afresh). */
export default function RunDetailRoute() {
  const { runId = '' } = useParams();
  return <RunDetail key={runId} runId={runId} />;
}

function RunDetail({ runId }: { runId: string }) {
  const project = useProject();
  const { result, run, output, reload } = useLiveRun(runId);
  const [titles] = useQuery({ query: TestTitlesQuery, variables: { projectId: project.id }, pause: !run });
  const [, cancel] = useMutation(CancelRunMutation);
  const [cancelling, setCancelling] = useState(false);
  const [, trigger] = useMutation(TriggerJobMutation);
  const [, runTest] = useMutation(RunTestMutation);
  const [starting, setStarting] = useState(false);
  const navigate = useNavigate();
  const running = run ? !isFinal(run.status) : false;
  const elapsed = useElapsed(run?.startedAt, running && run?.status === 'RUNNING');

  const waiting = pending(result, reload);
  if (waiting) return waiting;
  if (!run) return <NotFound what="run" />;

  const editor = atLeast(project.viewerLevel, 'PROJECT_EDITOR');
  const testTitles = new Map<string, string>([...(titles.data?.tests.nodes ?? []), ...(run.job?.tests ?? [])].map((t) => [t.id, t.title]));
  const what = run.job ? (
    <Anchor component={Link} to={`/projects/${project.id}/jobs/${run.job.id}`}>
      {run.job.name}
    </Anchor>
  ) : run.testId ? (
    <Anchor component={Link} to={`/projects/${project.id}/tests/${run.testId}`}>
      {testTitles.get(run.testId) ?? 'the test'}
    </Anchor>
  ) : (
    'a deleted job'
  );
  return (
    <Page
      title={`Run ${run.id.slice(-8)}`}
      description={
        <>
          <Anchor component={Link} to={`/projects/${project.id}/runs`}>
            Runs
          </Anchor>{' '}
          · of {what}
          {!run.job && run.testId ? ' (from the editor)' : ''} · {enumLabel(run.trigger).toLowerCase()} trigger
        </>
      }
      actions={
        editor && (
          <>
            {(run.job || run.testId) && (
              <Button
                variant={running ? 'default' : 'filled'}
                loading={starting}
                title={run.job ? 'Triggers the job again' : 'Runs the saved test again'}
                onClick={async () => {
                  setStarting(true);
                  try {
                    // A job runs its tests as they are now; a test from the editor runs its saved script.
                    const again = run.job ? await trigger({ id: run.job.id }) : await runTest({ id: run.testId! });
                    const next = again.data && ('triggerJob' in again.data ? again.data.triggerJob : again.data.runTest);
                    if (again.error || !next) notifyError(again.error, 'Could not start the run');
                    else navigate(`/projects/${project.id}/runs/${next.id}`);
                  } finally {
                    setStarting(false);
                  }
                }}
              >
                Run again
              </Button>
            )}
            {running && (
              <Button
                color="red"
                variant="light"
                loading={cancelling}
                disabled={run.cancelRequested}
                onClick={async () => {
                  setCancelling(true);
                  try {
                    await act(() => cancel({ id: run.id }), 'Cancelling the run');
                  } finally {
                    setCancelling(false);
                  }
                }}
              >
                {run.cancelRequested ? 'Cancelling…' : 'Cancel run'}
              </Button>
            )}
          </>
        )
      }
    >
      <Paper withBorder p="md">
        <SimpleGrid cols={{ base: 2, sm: 4 }}>
          <div>
            <Text size="xs" c="dimmed" id="run-status-label">
              Status
            </Text>
            <Group gap={6} role="status" aria-live="polite" aria-labelledby="run-status-label">
              <StatusBadge status={run.status} testId="run-detail-status" />
              {run.cancelRequested && running && (
                <Text span size="xs" c="dimmed">
                  cancel requested
                </Text>
              )}
            </Group>
          </div>
          <div>
            <Text size="xs" c="dimmed">
              Created
            </Text>
            <Text size="sm" title={dateTime(run.createdAt)}>
              {relativeTime(run.createdAt)}
            </Text>
          </div>
          <div>
            <Text size="xs" c="dimmed">
              Started
            </Text>
            <Text size="sm" title={dateTime(run.startedAt)}>
              {run.startedAt ? relativeTime(run.startedAt) : 'not yet'}
            </Text>
          </div>
          <div>
            <Text size="xs" c="dimmed">
              Duration
            </Text>
            <Text size="sm" data-testid="run-duration">
              {running && elapsed != null ? `${formatMs(elapsed * 1000)} so far` : runDuration(run)}
            </Text>
          </div>
        </SimpleGrid>
        {(run.attempt > 1 || run.location) && (
          <Text size="xs" c="dimmed" mt="xs">
            {run.attempt > 1 && `Attempt ${run.attempt} (a runner stopped during an earlier attempt). `}
            {run.location && `Location ${run.location}.`}
          </Text>
        )}
      </Paper>
      <RunError run={run} />
      <K6Metrics run={run} titles={testTitles} />
      <RunOutput run={run} output={output} />
      <RunArtifacts run={run} />
    </Page>
  );
}
