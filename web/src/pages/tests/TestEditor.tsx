import { Anchor, Button, Group, MultiSelect, Paper, Select, SimpleGrid, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { ConfirmButton } from '../../components/ConfirmButton';
import { RunnerBanner } from '../../components/RunnerBanner';
import { Page } from '../../components/Page';
import { ScriptEditor } from '../../components/ScriptEditor';
import { StatusBadge } from '../../components/StatusBadge';
import { FormAlert, NotFound, pending } from '../../components/States';
import { graphql } from '../../gql';
import type { RunRowFragment, TestPriority, TestType } from '../../gql/graphql';
import { apiErrors, formErrors } from '../../lib/errors';
import { useFormSubmit } from '../../lib/form';
import { enumLabel } from '../../lib/format';
import { useRefetchOnReconnect } from '../../lib/live';
import { act, notifySaved } from '../../lib/notify';
import { atLeast, useProject } from '../../lib/project';
import { isFinal } from '../../lib/runLog';
import { PRIORITIES, TEST_TYPES, createTestInput, emptyTest, runnerOf, swapTemplate, updateTestInput, validateScript, validateTest, type TestValues } from '../../lib/testForm';
import { TagsQuery } from '../settings/Tags';
import { K6Metrics, RunError, RunOutput, useLiveRun } from '../runs/LiveRun';
import { RunTestMutation } from '../runs/operations';
import { RunTable, runDuration, useLiveRows } from '../runs/RunTable';

const TestQuery = graphql(`
  query Test($id: ID!) {
    test(id: $id) {
      id
      title
      description
      type
      priority
      script
      runner
      tags {
        id
      }
      runs(first: 10) {
        totalCount
        nodes {
          ...RunRow
        }
      }
    }
  }
`);

const CreateTestMutation = graphql(`
  mutation CreateTest($input: CreateTestInput!) {
    createTest(input: $input) {
      id
    }
  }
`);

const UpdateTestMutation = graphql(`
  mutation UpdateTest($id: ID!, $input: UpdateTestInput!) {
    updateTest(id: $id, input: $input) {
      id
      title
      description
      type
      priority
      script
      runner
      tags {
        id
      }
    }
  }
`);

const DeleteTestMutation = graphql(`
  mutation DeleteTest($id: ID!) {
    deleteTest(id: $id)
  }
`);

export default function TestEditor() {
  const { testId } = useParams();
  const [existing, refetch] = useQuery({ query: TestQuery, variables: { id: testId ?? '' }, pause: !testId });
  const reload = () => refetch({ requestPolicy: 'network-only' });
  if (!testId) return <TestForm key="new" />;
  const waiting = pending(existing, reload);
  if (waiting) return waiting;
  const test = existing.data?.test;
  if (!test) return <NotFound what="test" />;
  return (
    <TestForm
      key={test.id}
      id={test.id}
      initial={{ title: test.title, description: test.description ?? '', type: test.type, priority: test.priority, script: test.script, tagIds: test.tags.map((t) => t.id) }}
      runs={test.runs.nodes}
      runCount={test.runs.totalCount}
      reload={reload}
    />
  );
}

function TestForm({ id, initial, runs = [], runCount = 0, reload }: { id?: string; initial?: TestValues; runs?: RunRowFragment[]; runCount?: number; reload?: () => void }) {
  const project = useProject();
  const navigate = useNavigate();
  const editor = atLeast(project.viewerLevel, 'PROJECT_EDITOR');
  const [tags] = useQuery({ query: TagsQuery, variables: { projectId: project.id } });
  const [, create] = useMutation(CreateTestMutation);
  const [, update] = useMutation(UpdateTestMutation);
  const [, remove] = useMutation(DeleteTestMutation);
  const [, runTest] = useMutation(RunTestMutation);
  const [runId, setRunId] = useState<string | null>(null);
  const [starting, setStarting] = useState(false);
  const [runProblem, setRunProblem] = useState<string[]>([]);
  const form = useForm<TestValues>({ initialValues: initial ?? emptyTest(), validate: validateTest });
  const { general, submit, submitting } = useFormSubmit(form);
  const values = form.getValues();
  // Runs of this test from the editor, new ones included (none before the test exists).
  const live = useLiveRows(runs, { testId: id }, !id);
  useRefetchOnReconnect(() => {
    live.reset();
    reload?.();
  });

  const onSubmit = form.onSubmit(async (vals) => {
    if (id) {
      const data = await submit(() => update({ id, input: updateTestInput(vals) }));
      if (data) {
        form.resetDirty();
        notifySaved('Test saved');
      }
    } else {
      const data = await submit(() => create({ input: createTestInput(project.id, vals) }));
      if (data) {
        notifySaved('Test created: run it from here');
        navigate(`/projects/${project.id}/tests/${data.createTest.id}`);
      }
    }
  });

  /** Runs the script as it is in the editor, saved or not. */
  const runNow = async () => {
    if (!id || starting || (initial && runnerOf(initial.type) !== runnerOf(form.getValues().type))) return;
    setRunProblem([]);
    const problem = validateScript(form.getValues().script);
    if (problem) {
      form.setFieldError('script', problem);
      return;
    }
    setStarting(true);
    try {
      const result = await runTest({ id, script: form.getValues().script });
      if (result.error || !result.data) {
        const split = formErrors(apiErrors(result.error), ['script']);
        form.setErrors(split.fields);
        setRunProblem(split.general.length ? split.general : Object.keys(split.fields).length ? [] : ['Could not start the run.']);
        return;
      }
      setRunId(result.data.runTest.id);
      reload?.();
    } finally {
      setStarting(false);
    }
  };

  const back = `/projects/${project.id}/tests`;
  const runner = runnerOf(values.type);
  // `runTest` sends the script only: the saved type decides the runner.
  const typeChanged = Boolean(id && initial && runnerOf(initial.type) !== runner);
  return (
    <Page
      title={id ? initial?.title ?? 'Test' : 'New test'}
      description={
        <>
          <Anchor component={Link} to={back}>
            Tests
          </Anchor>
          {id && ` · ${runner === 'K6' ? 'a k6 script' : 'a Playwright test'}`}
        </>
      }
      actions={
        id &&
        editor && (
          <ConfirmButton
            variant="light"
            size="sm"
            title={`Delete ${initial?.title}?`}
            message="Jobs lose it; the figures of its past k6 runs stay."
            onConfirm={async () => {
              if (await act(() => remove({ id }), 'Test deleted')) navigate(back);
            }}
          >
            Delete
          </ConfirmButton>
        )
      }
    >
      <RunnerBanner />
      <form onSubmit={onSubmit} noValidate aria-label={id ? 'Edit test' : 'New test'}>
        <Stack>
          <FormAlert messages={general} />
          {!editor && (
            <Text size="sm" c="dimmed">
              You can read this test; editors of the project change and run it.
            </Text>
          )}
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <TextInput label="Title" required readOnly={!editor} {...form.getInputProps('title')} />
            <Select
              label="Type"
              disabled={!editor}
              allowDeselect={false}
              data={TEST_TYPES.map((t) => ({ value: t.value, label: t.label }))}
              {...form.getInputProps('type')}
              onChange={(t) => {
                const type = t as TestType;
                form.setFieldValue('script', swapTemplate(form.getValues().script, form.getValues().type, type));
                form.setFieldValue('type', type);
              }}
              description={TEST_TYPES.find((t) => t.value === values.type)?.description}
              inputWrapperOrder={['label', 'input', 'description', 'error']}
            />
            <Select label="Priority" disabled={!editor} allowDeselect={false} data={PRIORITIES.map((p) => ({ value: p, label: enumLabel(p) }))} {...form.getInputProps('priority')} onChange={(p) => form.setFieldValue('priority', p as TestPriority)} />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <MultiSelect
              label="Tags"
              disabled={!editor}
              placeholder={tags.data?.tags.nodes.length ? 'Choose tags' : 'No tags yet'}
              data={(tags.data?.tags.nodes ?? []).map((t) => ({ value: t.id, label: t.name }))}
              {...form.getInputProps('tagIds')}
            />
            <Textarea label="Description" readOnly={!editor} autosize minRows={1} {...form.getInputProps('description')} />
          </SimpleGrid>
          <ScriptEditor
            label={runner === 'K6' ? 'k6 script' : 'Playwright test'}
            required
            description={
              <>
                {runner === 'K6'
                  ? "JavaScript for k6; import getVariable and getSecret from './vigil.js' for the project's variables and secrets."
                  : "A Playwright spec (TypeScript); import getVariable and getSecret from './vigil' for the project's variables and secrets."}{' '}
                Tab indents; press Esc then Tab to leave the editor{id ? '; Ctrl+Enter runs the script' : ''}.
              </>
            }
            value={values.script}
            onChange={(script) => form.setFieldValue('script', script)}
            error={form.errors.script}
            typescript={runner === 'PLAYWRIGHT'}
            readOnly={!editor}
            onRun={id && editor ? () => void runNow() : undefined}
          />
          <Group>
            {editor && (
              <Button type="submit" loading={submitting}>
                {id ? 'Save' : 'Create test'}
              </Button>
            )}
            {id && editor && (
              <Button variant="light" onClick={() => void runNow()} loading={starting} disabled={typeChanged || (runId !== null && !isFinal(runStatusOf(live.rows, runId)))}>
                Run now
              </Button>
            )}
            <Button variant="default" component={Link} to={back}>
              {id ? 'Back to tests' : 'Cancel'}
            </Button>
            {id && typeChanged ? (
              <Text size="sm" c="dimmed">
                Save the new type before running: a run uses the saved type&apos;s runner.
              </Text>
            ) : (
              id &&
              form.isDirty() && (
                <Text size="sm" c="dimmed">
                  Unsaved changes: “Run now” runs the script as it is in the editor.
                </Text>
              )
            )}
          </Group>
          {!id && (
            <Text size="sm" c="dimmed">
              Create the test to run it from here.
            </Text>
          )}
        </Stack>
      </form>
      <FormAlert messages={runProblem} />
      {runId && <RunPanel key={runId} runId={runId} title={initial?.title ?? 'Test'} />}
      {id && (
        <Stack gap="xs">
          <Title order={2} size="h4">
            Runs from the editor
          </Title>
          {live.rows.length === 0 ? (
            <Text size="sm" c="dimmed">
              None yet. Runs of jobs that include this test are on each job's page.
            </Text>
          ) : (
            <>
              <RunTable runs={live.rows} projectId={project.id} showWhat={false} label="Runs of this test from the editor" />
              {runCount + live.added > live.rows.length && (
                <Text size="sm" c="dimmed">
                  The newest {live.rows.length} of {runCount + live.added}.
                </Text>
              )}
            </>
          )}
        </Stack>
      )}
    </Page>
  );
}

function runStatusOf(rows: { id: string; status: string }[], runId: string): string {
  return rows.find((r) => r.id === runId)?.status ?? 'QUEUED';
}

/** The run started from the editor, live: state, output, k6 figures. */
function RunPanel({ runId, title }: { runId: string; title: string }) {
  const project = useProject();
  const { result, run, output, reload } = useLiveRun(runId);
  const waiting = pending(result, reload, { loadingLabel: 'Starting the run…', errorTitle: 'Could not follow the run' });
  if (waiting) return waiting;
  if (!run) return null;
  return (
    <Paper withBorder p="md" data-testid="editor-run">
      <Stack>
        <Group justify="space-between">
          <Group gap="xs" role="status" aria-live="polite">
            <Text fw={600}>This run</Text>
            <StatusBadge status={run.status} testId="editor-run-status" />
            <Text size="sm" c="dimmed">
              {runDuration(run)}
            </Text>
          </Group>
          <Anchor component={Link} to={`/projects/${project.id}/runs/${run.id}`}>
            Open the run
          </Anchor>
        </Group>
        <RunError run={run} />
        <K6Metrics run={run} titles={new Map(run.testId ? [[run.testId, title]] : [])} />
        <RunOutput run={run} output={output} />
      </Stack>
    </Paper>
  );
}
