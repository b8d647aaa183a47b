import { Alert, Anchor, Badge, Button, Code, Group, List, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { ConfirmButton } from '../../components/ConfirmButton';
import { CopyField } from '../../components/CopyField';
import { RunnerBanner } from '../../components/RunnerBanner';
import { Page } from '../../components/Page';
import { StatusBadge } from '../../components/StatusBadge';
import { Empty, NotFound, pending } from '../../components/States';
import { graphql } from '../../gql';
import { describeCron } from './cron';
import { alertSummary, curlExample } from './jobForm';
import { dateTime, enumLabel, relativeTime } from '../../lib/format';
import { useRefetchOnReconnect } from '../../lib/live';
import { useRefetchOnRunChanges } from './liveJobs';
import { act, notifyError } from '../../lib/notify';
import { atLeast, useProject } from '../../lib/project';
import { TriggerJobMutation } from '../runs/operations';
import { RunTable, useLiveRows } from '../runs/RunTable';

const JobQuery = graphql(`
  query Job($id: ID!) {
    job(id: $id) {
      id
      name
      description
      jobType
      cronSchedule
      nextRunAt
      schedulePaused
      lastRunAt
      status
      timeoutSeconds
      triggerUrl
      alertConfig {
        enabled
        onFailure
        onSuccess
        onTimeout
      }
      notificationProviderIds
      tests {
        id
        title
        type
      }
      runs(first: 50) {
        totalCount
        nodes {
          ...RunRow
        }
      }
    }
  }
`);

const PauseScheduleMutation = graphql(`
  mutation PauseJobSchedule($id: ID!) {
    pauseJobSchedule(id: $id) {
      id
      nextRunAt
      schedulePaused
    }
  }
`);

const ResumeScheduleMutation = graphql(`
  mutation ResumeJobSchedule($id: ID!) {
    resumeJobSchedule(id: $id) {
      id
      nextRunAt
      schedulePaused
    }
  }
`);

const DeleteJobMutation = graphql(`
  mutation DeleteJob($id: ID!) {
    deleteJob(id: $id)
  }
`);

const CreateJobKeyMutation = graphql(`
  mutation CreateJobKey($input: CreateApiKeyInput!) {
    createApiKey(input: $input) {
      key
      apiKey {
        id
        name
      }
    }
  }
`);

export default function JobDetail() {
  const { jobId = '' } = useParams();
  const project = useProject();
  const navigate = useNavigate();
  const [result, refetch] = useQuery({ query: JobQuery, variables: { id: jobId } });
  const [, trigger] = useMutation(TriggerJobMutation);
  const [, remove] = useMutation(DeleteJobMutation);
  const [, pauseSchedule] = useMutation(PauseScheduleMutation);
  const [, resumeSchedule] = useMutation(ResumeScheduleMutation);
  const [triggering, setTriggering] = useState(false);
  const live = useLiveRows(result.data?.job?.runs.nodes ?? [], { jobId });
  const reload = () => {
    live.reset();
    refetch({ requestPolicy: 'network-only' });
  };
  useRefetchOnReconnect(reload);
  // The job's status and last run follow its runs (the runs list itself is live above).
  useRefetchOnRunChanges(project.id, () => refetch({ requestPolicy: 'network-only' }), jobId);

  const waiting = pending(result, reload);
  if (waiting) return waiting;
  const job = result.data?.job;
  if (!job) return <NotFound what="job" />;
  const editor = atLeast(project.viewerLevel, 'PROJECT_EDITOR');
  const schedule = job.cronSchedule ? describeCron(job.cronSchedule) : null;
  return (
    <Page
      title={job.name}
      description={
        <>
          <Anchor component={Link} to={`/projects/${project.id}/jobs`}>
            Jobs
          </Anchor>{' '}
          · {job.jobType === 'K6' ? 'k6' : 'Playwright'} · {job.tests.length} test{job.tests.length === 1 ? '' : 's'}
        </>
      }
      actions={
        editor && (
          <>
            <Button
              loading={triggering}
              disabled={job.tests.length === 0}
              title={job.tests.length === 0 ? 'Add tests to the job first' : undefined}
              onClick={async () => {
                setTriggering(true);
                try {
                  const r = await trigger({ id: job.id });
                  if (r.error || !r.data) notifyError(r.error, 'Could not trigger the job');
                  else navigate(`/projects/${project.id}/runs/${r.data.triggerJob.id}`);
                } finally {
                  setTriggering(false);
                }
              }}
            >
              Trigger now
            </Button>
            {job.cronSchedule && (
              <Button
                variant="default"
                data-testid="job-schedule-toggle"
                onClick={() =>
                  job.schedulePaused
                    ? act(() => resumeSchedule({ id: job.id }), 'Schedule resumed')
                    : act(() => pauseSchedule({ id: job.id }), 'Schedule paused')
                }
              >
                {job.schedulePaused ? 'Resume schedule' : 'Pause schedule'}
              </Button>
            )}
            <Button component={Link} to="edit" variant="default">
              Edit
            </Button>
            <ConfirmButton
              variant="light"
              size="sm"
              title={`Delete ${job.name}?`}
              message="Its schedule stops and its trigger URL stops working; its runs go too."
              onConfirm={async () => {
                if (await act(() => remove({ id: job.id }), 'Job deleted')) navigate(`/projects/${project.id}/jobs`);
              }}
            >
              Delete
            </ConfirmButton>
          </>
        )
      }
    >
      <RunnerBanner />
      {job.description && <Text size="sm">{job.description}</Text>}
      <Paper withBorder p="md">
        <SimpleGrid cols={{ base: 2, sm: 4 }}>
          <div>
            <Text size="xs" c="dimmed">
              Last outcome
            </Text>
            <StatusBadge status={job.status} testId="job-detail-status" />
          </div>
          <div>
            <Text size="xs" c="dimmed">
              Schedule (UTC)
            </Text>
            {job.cronSchedule ? (
              <>
                <Code>{job.cronSchedule}</Code>
                <Text size="sm">{schedule}</Text>
              </>
            ) : (
              <Text size="sm">None: by hand and from CI</Text>
            )}
          </div>
          <div>
            <Text size="xs" c="dimmed">
              Next run
            </Text>
            <Text size="sm" title={dateTime(job.nextRunAt)} data-testid="job-next-run">
              {job.schedulePaused ? 'Paused' : job.nextRunAt ? relativeTime(job.nextRunAt) : '—'}
            </Text>
          </div>
          <div>
            <Text size="xs" c="dimmed">
              Last run
            </Text>
            <Text size="sm" title={dateTime(job.lastRunAt)}>
              {relativeTime(job.lastRunAt)}
            </Text>
          </div>
        </SimpleGrid>
        <Text size="xs" c="dimmed" mt="sm">
          Timeout {job.timeoutSeconds} s ·{' '}
          {alertSummary(job.alertConfig, job.notificationProviderIds.length)}
        </Text>
      </Paper>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Paper withBorder p="md">
          <Title order={2} size="h4" mb="xs">
            Tests, in order
          </Title>
          {job.tests.length === 0 ? (
            <Text size="sm" c="dimmed">
              No tests: edit the job to add some.
            </Text>
          ) : (
            <List type="ordered" size="sm" spacing={4} data-testid="job-detail-tests">
              {job.tests.map((t) => (
                <List.Item key={t.id}>
                  <Anchor component={Link} to={`/projects/${project.id}/tests/${t.id}`}>
                    {t.title}
                  </Anchor>{' '}
                  <Badge variant="light" color="gray" size="sm">
                    {enumLabel(t.type)}
                  </Badge>
                </List.Item>
              ))}
            </List>
          )}
        </Paper>
        <RemoteTrigger jobId={job.id} jobName={job.name} triggerUrl={job.triggerUrl} timeoutSeconds={job.timeoutSeconds} editor={editor} />
      </SimpleGrid>
      <Title order={2} size="h4">
        Runs
      </Title>
      {live.rows.length === 0 ? (
        <Empty title="No runs yet">{editor ? '“Trigger now” starts one; so does the schedule or a POST to the trigger URL.' : 'Runs appear here once the job is triggered.'}</Empty>
      ) : (
        <>
          <RunTable runs={live.rows} projectId={project.id} showWhat={false} label={`Runs of ${job.name}`} />
          {job.runs.totalCount + live.added > live.rows.length && (
            <Text size="sm" c="dimmed">
              The newest {live.rows.length} of {job.runs.totalCount + live.added} runs;{' '}
              <Anchor component={Link} to={`/projects/${project.id}/runs?job=${job.id}`}>
                all runs of this job
              </Anchor>
              .
            </Text>
          )}
        </>
      )}
    </Page>
  );
}

/** The URL CI posts to, a curl example, and a key limited to this job. */
function RemoteTrigger({ jobId, jobName, triggerUrl, timeoutSeconds, editor }: { jobId: string; jobName: string; triggerUrl: string; timeoutSeconds: number; editor: boolean }) {
  const [, createKey] = useMutation(CreateJobKeyMutation);
  const [key, setKey] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Title order={2} size="h4">
          Trigger from CI/CD
        </Title>
        <CopyField label="Trigger URL" value={triggerUrl} description="POST with an API key limited to this job; ?wait=true waits for the result." />
        <div>
          <Text size="sm" fw={500} mb={4} id="curl-example-label">
            Example
          </Text>
          <Code block tabIndex={0} role="region" aria-labelledby="curl-example-label" data-testid="curl-example">
            {curlExample(triggerUrl, timeoutSeconds)}
          </Code>
          <Text size="xs" c="dimmed" mt={4}>
            200 with the finished run, or 202 while it is still going.
          </Text>
        </div>
        {key ? (
          <Alert color="teal" variant="light" title="Key created" withCloseButton onClose={() => setKey(null)}>
            <Stack gap="xs">
              <Text size="sm">Store it as VIGIL_JOB_KEY in your CI secrets now: it is shown only this once.</Text>
              <CopyField label="Job API key" value={key} />
            </Stack>
          </Alert>
        ) : (
          editor && (
            <Group>
              <Button
                size="xs"
                variant="light"
                loading={creating}
                onClick={async () => {
                  setCreating(true);
                  try {
                    const r = await createKey({ input: { name: `CI: ${jobName}`.slice(0, 200), permission: 'WRITE', jobId } });
                    if (r.error || !r.data) notifyError(r.error, 'Could not create a key');
                    else setKey(r.data.createApiKey.key);
                  } finally {
                    setCreating(false);
                  }
                }}
              >
                Create a key for this job
              </Button>
              <Anchor component={Link} to="/settings/api-keys" size="sm">
                Manage API keys
              </Anchor>
            </Group>
          )
        )}
      </Stack>
    </Paper>
  );
}
