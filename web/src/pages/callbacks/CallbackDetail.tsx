import { Anchor, Badge, Button, Code, Group, Modal, Paper, Select, SimpleGrid, Stack, Switch, Table, Tabs, Text, Textarea, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDisclosure } from '@mantine/hooks';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useMutation, useQuery, useSubscription } from 'urql';
import { ConfirmButton } from '../../components/ConfirmButton';
import { CopyField } from '../../components/CopyField';
import { Page } from '../../components/Page';
import { StatusBadge } from '../../components/StatusBadge';
import { Empty, FormAlert, NotFound, pending } from '../../components/States';
import { graphql } from '../../gql';
import type { ActionRowFragment, ActionType, CallbackLogRowFragment } from '../../gql/graphql';
import { useFormSubmit } from '../../lib/form';
import { dateTime, enumLabel, formatMs, formatPercent, prependUnique, prettyJson, relativeTime } from '../../lib/format';
import { useRefetchOnReconnect } from '../../lib/live';
import { act } from '../../lib/notify';
import { ACTION_TEMPLATES, moveAction, nextOrder, pipelineSteps, sortActions } from './pipeline';
import { atLeast, useProject } from '../../lib/project';
import * as v from '../../lib/validate';

const CallbackQuery = graphql(`
  query Callback($id: ID!) {
    callback(id: $id) {
      id
      name
      callbackUrl
      activeStatus
      triggerUrl
      customPath
      customUrl
      timeoutDuration
      cachePeriod
      actions {
        ...ActionRow
      }
      stats(hours: 24) {
        total
        successful
        failed
        successRate
        avgResponseTimeMs
        p95ResponseTimeMs
      }
    }
  }
  fragment ActionRow on Action {
    id
    type
    config
    enabled
    order
    parallel
  }
`);

const LogsQuery = graphql(`
  query CallbackLogs($callbackId: ID!) {
    callbackLogs(callbackId: $callbackId, first: 50) {
      totalCount
      nodes {
        ...CallbackLogRow
      }
    }
  }
  fragment CallbackLogRow on CallbackLog {
    id
    event
    success
    statusCode
    responseTime
    request
    details
    replayOf
    createdAt
  }
`);

const LogAddedSubscription = graphql(`
  subscription CallbackLogAdded($callbackId: ID!) {
    callbackLogAdded(callbackId: $callbackId) {
      ...CallbackLogRow
    }
  }
`);

const ExecutionsQuery = graphql(`
  query ActionExecutions($callbackId: ID!) {
    actionExecutions(callbackId: $callbackId, first: 50) {
      totalCount
      nodes {
        id
        actionId
        callbackLogId
        status
        attempt
        step
        error
        durationMs
        nextAttemptAt
        createdAt
      }
    }
  }
`);

const ReplayMutation = graphql(`
  mutation ReplayCallbackLog($id: ID!) {
    replayCallbackLog(id: $id) {
      id
    }
  }
`);

const RotateTokenMutation = graphql(`
  mutation RotateTriggerToken($id: ID!) {
    rotateTriggerToken(id: $id) {
      id
      triggerUrl
      triggerToken
    }
  }
`);

const DeleteCallbackMutation = graphql(`
  mutation DeleteCallback($id: ID!) {
    deleteCallback(id: $id)
  }
`);

const CreateActionMutation = graphql(`
  mutation CreateAction($input: CreateActionInput!) {
    createAction(input: $input) {
      ...ActionRow
    }
  }
`);

const UpdateActionMutation = graphql(`
  mutation UpdateAction($id: ID!, $input: UpdateActionInput!) {
    updateAction(id: $id, input: $input) {
      ...ActionRow
    }
  }
`);

const DeleteActionMutation = graphql(`
  mutation DeleteAction($id: ID!) {
    deleteAction(id: $id)
  }
`);

export default function CallbackDetail() {
  const { callbackId = '' } = useParams();
  const project = useProject();
  const navigate = useNavigate();
  const [result, refetch] = useQuery({ query: CallbackQuery, variables: { id: callbackId } });
  const [, rotate] = useMutation(RotateTokenMutation);
  const [, remove] = useMutation(DeleteCallbackMutation);
  const reload = () => refetch({ requestPolicy: 'network-only' });
  const waiting = pending(result, reload);
  if (waiting) return waiting;
  const callback = result.data?.callback;
  if (!callback) return <NotFound what="callback" />;
  const editor = atLeast(project.viewerLevel, 'PROJECT_EDITOR');
  return (
    <Page
      title={callback.name}
      description={
        <>
          <Anchor component={Link} to="..">
            Callbacks
          </Anchor>{' '}
          · forwards to {callback.callbackUrl} {!callback.activeStatus && <Badge color="gray">inactive</Badge>}
        </>
      }
      actions={
        editor && (
          <>
            <Button component={Link} to="edit" variant="default">
              Edit
            </Button>
            <ConfirmButton
              variant="light"
              size="sm"
              title={`Delete ${callback.name}?`}
              message="Its trigger URL stops working; its logs and actions go too."
              onConfirm={async () => {
                if (await act(() => remove({ id: callback.id }), 'Callback deleted')) navigate(`/projects/${project.id}/callbacks`);
              }}
            >
              Delete
            </ConfirmButton>
          </>
        )
      }
    >
      <Paper withBorder p="md">
        <Stack>
          {callback.triggerUrl && <CopyField label="Trigger URL" value={callback.triggerUrl} description="Any method; a path after it and the query string are passed on." />}
          {callback.customUrl && <CopyField label="Custom URL" value={callback.customUrl} />}
          {editor && (
            <Group>
              <ConfirmButton
                variant="subtle"

                title="Issue a new trigger URL?"
                message="The current URL stops working at once."
                confirmLabel="Issue new URL"
                onConfirm={async () => {
                  if (await act(() => rotate({ id: callback.id }), 'New trigger URL issued')) reload();
                }}
              >
                Issue a new trigger URL
              </ConfirmButton>
            </Group>
          )}
        </Stack>
      </Paper>
      <SimpleGrid cols={{ base: 2, sm: 4 }}>
        <Stat label="Triggers, 24 h" value={String(callback.stats.total)} />
        <Stat label="Success" value={formatPercent(callback.stats.successRate, 1)} />
        <Stat label="Average" value={formatMs(callback.stats.avgResponseTimeMs)} />
        <Stat label="95th percentile" value={formatMs(callback.stats.p95ResponseTimeMs)} />
      </SimpleGrid>
      <Tabs defaultValue="log" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="log">Live log</Tabs.Tab>
          <Tabs.Tab value="actions">Actions ({callback.actions.length})</Tabs.Tab>
          <Tabs.Tab value="executions">Executions</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="log" pt="md">
          <LiveLog callbackId={callback.id} editor={editor} />
        </Tabs.Panel>
        <Tabs.Panel value="actions" pt="md">
          <ActionsEditor callbackId={callback.id} actions={callback.actions} editor={editor} onChange={reload} />
        </Tabs.Panel>
        <Tabs.Panel value="executions" pt="md">
          <Executions callbackId={callback.id} actions={callback.actions} />
        </Tabs.Panel>
      </Tabs>
    </Page>
  );
}

function Stat({ label, value }: { label: string; value: string }) {
  return (
    <Paper withBorder p="sm">
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={600}>{value}</Text>
    </Paper>
  );
}

function LiveLog({ callbackId, editor }: { callbackId: string; editor: boolean }) {
  const [result, refetch] = useQuery({ query: LogsQuery, variables: { callbackId } });
  const [live, setLive] = useState<CallbackLogRowFragment[]>([]);
  const [, replay] = useMutation(ReplayMutation);
  useSubscription({ query: LogAddedSubscription, variables: { callbackId } }, (_prev: unknown, event) => {
    setLive((items) => prependUnique(items, [event.callbackLogAdded], 100));
    return null;
  });
  const reload = () => {
    setLive([]);
    refetch({ requestPolicy: 'network-only' });
  };
  useRefetchOnReconnect(reload);
  const rows = prependUnique(result.data?.callbackLogs.nodes ?? [], live, 100);
  const waiting = pending(result, reload);
  if (waiting) return waiting;
  if (rows.length === 0) return <Empty title="No triggers yet">Send a request to the trigger URL: it shows up here as it happens.</Empty>;
  return (
    <Table striped data-testid="callback-log" aria-live="polite">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>When</Table.Th>
          <Table.Th>Request</Table.Th>
          <Table.Th>Outcome</Table.Th>
          <Table.Th>Status</Table.Th>
          <Table.Th>Time</Table.Th>
          <Table.Th>
            <span className="sr-only">Actions</span>
          </Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((log) => (
          <LogRow key={log.id} log={log} editor={editor} onReplay={() => act(() => replay({ id: log.id }), 'Replayed')} />
        ))}
      </Table.Tbody>
    </Table>
  );
}

function requestLine(request: unknown): string {
  if (!request || typeof request !== 'object') return '';
  const r = request as Record<string, unknown>;
  const path = typeof r.path === 'string' ? r.path : typeof r.pathSuffix === 'string' ? r.pathSuffix : '';
  return `${typeof r.method === 'string' ? r.method : ''} ${path || '/'}${typeof r.query === 'string' && r.query ? `?${r.query}` : ''}`.trim();
}

function LogRow({ log, editor, onReplay }: { log: CallbackLogRowFragment; editor: boolean; onReplay: () => void }) {
  const [opened, { toggle }] = useDisclosure(false);
  return (
    <>
      <Table.Tr data-testid="callback-log-row">
        <Table.Td title={dateTime(log.createdAt)}>{relativeTime(log.createdAt)}</Table.Td>
        <Table.Td className="mono">{requestLine(log.request)}</Table.Td>
        <Table.Td>
          <StatusBadge status={log.success ? 'SUCCESS' : 'FAILED'} /> <Code>{log.event}</Code> {log.replayOf && <Badge variant="light">replay</Badge>}
        </Table.Td>
        <Table.Td>{log.statusCode ?? '—'}</Table.Td>
        <Table.Td>{formatMs(log.responseTime)}</Table.Td>
        <Table.Td>
          <Group gap="xs" wrap="nowrap">
            <Button size="xs" variant="subtle" onClick={toggle} aria-expanded={opened}>
              {opened ? 'Hide' : 'Details'}
            </Button>
            {editor && (
              <Button size="xs" variant="light" onClick={onReplay}>
                Replay
              </Button>
            )}
          </Group>
        </Table.Td>
      </Table.Tr>
      {opened && (
        <Table.Tr>
          <Table.Td colSpan={6}>
              <SimpleGrid cols={{ base: 1, md: 2 }}>
                <div>
                  <Text size="xs" fw={600}>
                    Request
                  </Text>
                  <Code block>{prettyJson(log.request)}</Code>
                </div>
                <div>
                  <Text size="xs" fw={600}>
                    Details
                  </Text>
                  <Code block>{prettyJson(log.details) || '—'}</Code>
                </div>
              </SimpleGrid>
          </Table.Td>
        </Table.Tr>
      )}
    </>
  );
}

function summariseAction(action: ActionRowFragment): string {
  const c = (action.config ?? {}) as Record<string, unknown>;
  const channel = (c.channel ?? {}) as Record<string, unknown>;
  switch (action.type) {
    case 'HTTP_POST':
      return String(c.url ?? '');
    case 'EMAIL':
      return `to ${String(channel.to ?? channel.credentialId ?? '…')}`;
    case 'STORE':
      return c.key ? `key ${String(c.key)}` : 'every payload';
    case 'QUEUE':
      return `queue ${String(c.queue ?? '')}`;
    default:
      return typeof c.message === 'string' ? c.message : '';
  }
}

function ActionsEditor({ callbackId, actions, editor, onChange }: { callbackId: string; actions: ActionRowFragment[]; editor: boolean; onChange: () => void }) {
  const [, update] = useMutation(UpdateActionMutation);
  const [, remove] = useMutation(DeleteActionMutation);
  const [editing, setEditing] = useState<ActionRowFragment | null>(null);
  const [adding, setAdding] = useState(false);
  const sorted = sortActions(actions);
  const steps = pipelineSteps(actions);
  const stepOf = new Map(steps.flatMap((s, i) => s.map((a) => [a.id, i + 1] as const)));
  const move = async (index: number, delta: number) => {
    for (const u of moveAction(actions, index, delta)) {
      const r = await update({ id: u.id, input: { order: u.order } });
      if (r.error) {
        await act(async () => r);
        break;
      }
    }
    onChange();
  };
  return (
    <Stack>
      <Text size="sm" c="dimmed">
        After each trigger the enabled actions run in order, one step after another; consecutive actions marked parallel run together in one step.
        {steps.length > 0 && ` This pipeline has ${steps.length} step${steps.length > 1 ? 's' : ''}.`}
      </Text>
      {sorted.length === 0 ? (
        <Empty title="No actions">Add one to post the payload somewhere, notify a channel, store it or queue it.</Empty>
      ) : (
        <Table striped aria-label="Actions in order">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Step</Table.Th>
              <Table.Th>Action</Table.Th>
              <Table.Th>Parallel</Table.Th>
              <Table.Th>Enabled</Table.Th>
              <Table.Th>
                <span className="sr-only">Order and changes</span>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {sorted.map((a, i) => (
              <Table.Tr key={a.id} data-testid="action-row">
                <Table.Td>{stepOf.get(a.id) ?? '—'}</Table.Td>
                <Table.Td>
                  <Text size="sm" fw={500}>
                    {enumLabel(a.type)}
                  </Text>
                  <Text size="xs" c="dimmed" truncate maw={360}>
                    {summariseAction(a)}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Switch
                    aria-label={`Action ${i + 1} runs in parallel with its neighbours`}
                    checked={a.parallel}
                    disabled={!editor}
                    onChange={(e) => void act(() => update({ id: a.id, input: { parallel: e.currentTarget.checked } })).then(onChange)}
                  />
                </Table.Td>
                <Table.Td>
                  <Switch
                    aria-label={`Action ${i + 1} enabled`}
                    checked={a.enabled}
                    disabled={!editor}
                    onChange={(e) => void act(() => update({ id: a.id, input: { enabled: e.currentTarget.checked } })).then(onChange)}
                  />
                </Table.Td>
                <Table.Td>
                  {editor && (
                    <Group gap={4} wrap="nowrap">
                      <Button size="xs" variant="subtle" disabled={i === 0} onClick={() => void move(i, -1)} aria-label={`Move action ${i + 1} up`}>
                        ↑
                      </Button>
                      <Button size="xs" variant="subtle" disabled={i === sorted.length - 1} onClick={() => void move(i, 1)} aria-label={`Move action ${i + 1} down`}>
                        ↓
                      </Button>
                      <Button size="xs" variant="subtle" onClick={() => setEditing(a)} aria-label={`Edit action ${i + 1}`}>
                        Edit
                      </Button>
                      <ConfirmButton
                        aria-label={`Delete action ${i + 1}`}
                        title="Delete this action?"
                        message="Triggers after this no longer run it."
                        onConfirm={async () => {
                          if (await act(() => remove({ id: a.id }), 'Action deleted')) onChange();
                        }}
                      >
                        Delete
                      </ConfirmButton>
                    </Group>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {editor && (
        <Group>
          <Button variant="light" onClick={() => setAdding(true)}>
            Add action
          </Button>
        </Group>
      )}
      <Modal closeButtonProps={{ 'aria-label': 'Close' }} opened={adding} onClose={() => setAdding(false)} title="New action" size="lg">
        {adding && (
          <ActionForm
            callbackId={callbackId}
            order={nextOrder(actions)}
            onDone={() => {
              setAdding(false);
              onChange();
            }}
          />
        )}
      </Modal>
      <Modal closeButtonProps={{ 'aria-label': 'Close' }} opened={!!editing} onClose={() => setEditing(null)} title="Edit action" size="lg">
        {editing && (
          <ActionForm
            callbackId={callbackId}
            action={editing}
            onDone={() => {
              setEditing(null);
              onChange();
            }}
          />
        )}
      </Modal>
    </Stack>
  );
}

const ACTION_TYPES: ActionType[] = ['HTTP_POST', 'SLACK', 'DISCORD', 'EMAIL', 'SMS', 'STORE', 'QUEUE'];

function ActionForm({ callbackId, action, order, onDone }: { callbackId: string; action?: ActionRowFragment; order?: number; onDone: () => void }) {
  const [, create] = useMutation(CreateActionMutation);
  const [, update] = useMutation(UpdateActionMutation);
  const form = useForm({
    initialValues: {
      type: (action?.type ?? 'HTTP_POST') as ActionType,
      config: JSON.stringify(action?.config ?? ACTION_TEMPLATES.HTTP_POST, null, 2),
      parallel: action?.parallel ?? false,
    },
    validate: { config: (value) => v.jsonObject(value) },
  });
  const { general, submit, submitting } = useFormSubmit(form);
  const onSubmit = form.onSubmit(async (values) => {
    const config = JSON.parse(values.config) as Record<string, unknown>;
    const data = action
      ? await submit(() => update({ id: action.id, input: { config, parallel: values.parallel } }))
      : await submit(() => create({ input: { callbackId, type: values.type, config, parallel: values.parallel, order } }));
    if (data) onDone();
  });
  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack>
        <FormAlert messages={general} />
        <Select
          label="Type"
          allowDeselect={false}
          disabled={!!action}
          data={ACTION_TYPES.map((t) => ({ value: t, label: enumLabel(t) }))}
          {...form.getInputProps('type')}
          onChange={(t) => {
            form.setFieldValue('type', t as ActionType);
            form.setFieldValue('config', JSON.stringify(ACTION_TEMPLATES[t as string] ?? {}, null, 2));
          }}
        />
        <Textarea
          label="Settings (JSON)"
          description="Text fields are templates over the trigger ({{request.body}}); all types take maxAttempts (1-10) and retryDelaySeconds. Secrets show masked; leave them masked to keep them."
          autosize
          minRows={6}
          className="mono"
          styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
          {...form.getInputProps('config')}
        />
        <Switch label="Run in parallel with the neighbouring parallel actions" {...form.getInputProps('parallel', { type: 'checkbox' })} />
        <Group>
          <Button type="submit" loading={submitting}>
            {action ? 'Save' : 'Add action'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function Executions({ callbackId, actions }: { callbackId: string; actions: ActionRowFragment[] }) {
  const [result, refetch] = useQuery({ query: ExecutionsQuery, variables: { callbackId }, requestPolicy: 'network-only' });
  const reload = () => refetch({ requestPolicy: 'network-only' });
  useRefetchOnReconnect(reload);
  const typeOf = new Map(actions.map((a) => [a.id, a.type]));
  const nodes = result.data?.actionExecutions.nodes ?? [];
  const waiting = pending(result, reload);
  if (waiting) return waiting;
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2} size="h5">
          Action executions, newest first
        </Title>
        <Button size="xs" variant="default" onClick={reload}>
          Refresh
        </Button>
      </Group>
      {nodes.length === 0 ? (
        <Empty title="No executions yet" />
      ) : (
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>When</Table.Th>
              <Table.Th>Action</Table.Th>
              <Table.Th>Step</Table.Th>
              <Table.Th>Status</Table.Th>
              <Table.Th>Attempts</Table.Th>
              <Table.Th>Time</Table.Th>
              <Table.Th>Error</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {nodes.map((e) => (
              <Table.Tr key={e.id}>
                <Table.Td title={dateTime(e.createdAt)}>{relativeTime(e.createdAt)}</Table.Td>
                <Table.Td>{enumLabel(typeOf.get(e.actionId) ?? 'deleted')}</Table.Td>
                <Table.Td>{e.step + 1}</Table.Td>
                <Table.Td>
                  <StatusBadge status={e.status} />
                </Table.Td>
                <Table.Td>{e.attempt}</Table.Td>
                <Table.Td>{formatMs(e.durationMs)}</Table.Td>
                <Table.Td>
                  <Text size="xs">{e.error ?? (e.nextAttemptAt ? `next attempt ${relativeTime(e.nextAttemptAt)}` : '')}</Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
