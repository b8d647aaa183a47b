import { Anchor, Button, Checkbox, Chip, Fieldset, Group, MultiSelect, NumberInput, Radio, SimpleGrid, Stack, Switch, Text, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDebouncedValue } from '@mantine/hooks';
import { Link, useNavigate, useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { Page } from '../../components/Page';
import { FormAlert, NotFound, pending } from '../../components/States';
import { graphql } from '../../gql';
import type { JobType } from '../../gql/graphql';
import { describeCron, validateCron } from './cron';
import { errorText } from '../../lib/errors';
import { useFormSubmit } from '../../lib/form';
import { JOB_TYPES, createJobInput, emptyJob, jobToValues, updateJobInput, validateJob, type JobValues } from './jobForm';
import { useProject } from '../../lib/project';
import { runnerOf } from '../../lib/testForm';
import { ProvidersQuery, providerLabel } from '../settings/NotificationProviders';
import { TestOrder } from './TestOrder';

const EditJobQuery = graphql(`
  query EditJob($id: ID!) {
    job(id: $id) {
      id
      name
      description
      jobType
      cronSchedule
      timeoutSeconds
      tests {
        id
      }
      alertConfig {
        enabled
        onFailure
        onSuccess
        onTimeout
        customMessage
      }
      notificationProviderIds
    }
  }
`);

const PickTestsQuery = graphql(`
  query PickTests($projectId: ID!) {
    tests(projectId: $projectId, first: 200) {
      totalCount
      nodes {
        id
        title
        type
      }
    }
  }
`);

const CronPreviewQuery = graphql(`
  query CronPreview($expression: String!) {
    cronPreview(expression: $expression, count: 3)
  }
`);

const CreateJobMutation = graphql(`
  mutation CreateJob($input: CreateJobInput!) {
    createJob(input: $input) {
      id
    }
  }
`);

const UpdateJobMutation = graphql(`
  mutation UpdateJob($id: ID!, $input: UpdateJobInput!) {
    updateJob(id: $id, input: $input) {
      id
      name
      cronSchedule
      nextRunAt
      timeoutSeconds
      tests {
        id
        title
      }
    }
  }
`);

const PRESETS = [
  { label: 'Every 15 minutes', value: '*/15 * * * *' },
  { label: 'Hourly', value: '0 * * * *' },
  { label: 'Daily at 06:00', value: '0 6 * * *' },
  { label: 'Weekdays at 09:00', value: '0 9 * * 1-5' },
  { label: 'Mondays at 09:00', value: '0 9 * * 1' },
];

export default function JobEditor() {
  const { jobId } = useParams();
  const [existing, refetch] = useQuery({ query: EditJobQuery, variables: { id: jobId ?? '' }, pause: !jobId });
  if (!jobId) return <JobForm />;
  const waiting = pending(existing, () => refetch({ requestPolicy: 'network-only' }));
  if (waiting) return waiting;
  const job = existing.data?.job;
  if (!job) return <NotFound what="job" />;
  return <JobForm id={job.id} initial={jobToValues(job)} />;
}

const utc = (iso: string) => `${new Date(iso).toLocaleString('en-GB', { timeZone: 'UTC', weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' })} UTC`;

/** The schedule in words (computed here) and its next fire times (from the server). */
function SchedulePreview({ expression }: { expression: string }) {
  const [debounced] = useDebouncedValue(expression.trim(), 400);
  const valid = Boolean(debounced) && validateCron(debounced) === null;
  const [preview] = useQuery({ query: CronPreviewQuery, variables: { expression: debounced }, pause: !valid });
  if (!expression.trim()) return <>Leave empty to run the job only by hand and from CI.</>;
  const words = describeCron(expression);
  if (!words) return <>Five fields, minute hour day-of-month month day-of-week, or @hourly, @daily, @weekly, @monthly.</>;
  const times = valid && debounced === expression.trim() ? preview.data?.cronPreview : undefined;
  return (
    <span data-testid="cron-preview">
      <strong>{words} (UTC).</strong>
      {times && times.length > 0 && <> Next: {times.map(utc).join('; ')}.</>}
      {valid && preview.error && !preview.data && <> The server refuses it: {errorText(preview.error)}</>}
    </span>
  );
}

function JobForm({ id, initial }: { id?: string; initial?: JobValues }) {
  const project = useProject();
  const navigate = useNavigate();
  const [tests] = useQuery({ query: PickTestsQuery, variables: { projectId: project.id } });
  const [providers] = useQuery({ query: ProvidersQuery, variables: { projectId: project.id } });
  const [, create] = useMutation(CreateJobMutation);
  const [, update] = useMutation(UpdateJobMutation);
  const form = useForm<JobValues>({ initialValues: initial ?? emptyJob(), validate: validateJob, validateInputOnBlur: ['cronSchedule', 'timeoutSeconds'] });
  const { general, submit, submitting } = useFormSubmit(form);
  const values = form.getValues();
  const onSubmit = form.onSubmit(async (vals) => {
    if (id) {
      const data = await submit(() => update({ id, input: updateJobInput(vals) }));
      if (data) navigate(`/projects/${project.id}/jobs/${id}`);
    } else {
      const data = await submit(() => create({ input: createJobInput(project.id, vals) }));
      if (data) navigate(`/projects/${project.id}/jobs/${data.createJob.id}`);
    }
  });
  const back = id ? `/projects/${project.id}/jobs/${id}` : `/projects/${project.id}/jobs`;
  const allTests = tests.data?.tests.nodes ?? [];
  return (
    <Page title={id ? `Edit ${initial?.name}` : 'New job'} description={<Anchor component={Link} to={back}>Back</Anchor>}>
      <form onSubmit={onSubmit} noValidate aria-label={id ? 'Edit job' : 'New job'}>
        <Stack maw={760}>
          <FormAlert messages={general} />
          {id ? (
            <Text size="sm">
              Runner: <strong>{values.jobType === 'K6' ? 'k6' : 'Playwright'}</strong> (a job keeps its runner; create another job for the other one).
            </Text>
          ) : (
            <Radio.Group
              label="Runner"
              required
              {...form.getInputProps('jobType')}
              onChange={(t) => {
                const jobType = t as JobType;
                form.setFieldValue('jobType', jobType);
                // Tests of the other runner cannot be in this job.
                form.setFieldValue(
                  'testIds',
                  values.testIds.filter((testId) => {
                    const test = allTests.find((x) => x.id === testId);
                    return !test || runnerOf(test.type) === jobType;
                  }),
                );
              }}
            >
              <SimpleGrid cols={{ base: 1, sm: 2 }} mt="xs">
                {JOB_TYPES.map((t) => (
                  <Radio key={t.value} value={t.value} label={t.label} description={t.description} />
                ))}
              </SimpleGrid>
            </Radio.Group>
          )}
          <TextInput label="Name" required {...form.getInputProps('name')} />
          <Textarea label="Description" autosize minRows={1} {...form.getInputProps('description')} />
          <Stack gap={6}>
            <TextInput
              label="Schedule (cron, UTC)"
              placeholder="*/15 * * * *"
              styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
              description={<SchedulePreview expression={values.cronSchedule} />}
              inputWrapperOrder={['label', 'input', 'description', 'error']}
              {...form.getInputProps('cronSchedule')}
            />
            <Group gap={6} aria-label="Common schedules" role="group">
              {PRESETS.map((p) => (
                <Chip key={p.value} size="xs" checked={values.cronSchedule.trim() === p.value} onChange={() => form.setFieldValue('cronSchedule', p.value)} variant="outline">
                  {p.label}
                </Chip>
                ))}
            </Group>
          </Stack>
          <NumberInput label="Timeout (seconds)" description="A run still going after this is stopped (10 to 3600)" min={10} max={3600} maw={260} {...form.getInputProps('timeoutSeconds')} />
          <TestOrder
            value={values.testIds}
            onChange={(ids) => form.setFieldValue('testIds', ids)}
            tests={allTests}
            runner={values.jobType}
            error={form.errors.testIds as string | undefined}
            truncated={(tests.data?.tests.totalCount ?? 0) > allTests.length}
          />
          <Fieldset legend="Alerts">
            <Stack>
              <Switch label="Send alerts" {...form.getInputProps('alertConfig.enabled', { type: 'checkbox' })} />
              <Group>
                <Checkbox label="When a run fails" disabled={!values.alertConfig.enabled} {...form.getInputProps('alertConfig.onFailure', { type: 'checkbox' })} />
                <Checkbox label="When a run times out" disabled={!values.alertConfig.enabled} {...form.getInputProps('alertConfig.onTimeout', { type: 'checkbox' })} />
                <Checkbox label="When a run passes" disabled={!values.alertConfig.enabled} {...form.getInputProps('alertConfig.onSuccess', { type: 'checkbox' })} />
              </Group>
              <MultiSelect
                label="Notify"
                placeholder={providers.data?.notificationProviders.nodes.length ? 'Choose providers' : 'No notification providers yet'}
                data={(providers.data?.notificationProviders.nodes ?? []).map((p) => ({ value: p.id, label: providerLabel(p) }))}
                {...form.getInputProps('notificationProviderIds')}
              />
              <Textarea
                label="Custom message"
                description="Optional; placeholders: {{job.name}}, {{run.status}}, {{run.id}}, {{run.durationMs}}, {{run.error}}"
                autosize
                minRows={2}
                {...form.getInputProps('alertConfig.customMessage')}
              />
            </Stack>
          </Fieldset>
          <Group>
            <Button type="submit" loading={submitting}>
              {id ? 'Save' : 'Create job'}
            </Button>
            <Button variant="default" component={Link} to={back}>
              Cancel
            </Button>
          </Group>
        </Stack>
      </form>
    </Page>
  );
}
