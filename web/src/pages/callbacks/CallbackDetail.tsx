import { ActionIcon, Anchor, Badge, Button, Code, Group, Modal, NumberInput, Paper, PasswordInput, Select, SimpleGrid, Stack, Switch, Table, Tabs, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDisclosure } from '@mantine/hooks';
import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useMutation, useQuery, useSubscription } from 'urql';
import { ConfirmButton } from '../../components/ConfirmButton';
import { CopyField } from '../../components/CopyField';
import { Page } from '../../components/Page';
import { SecretShownOnce } from '../../components/SecretShownOnce';
import { ScrollRegion } from '../../components/ScrollRegion';
import { StatusBadge } from '../../components/StatusBadge';
import { Empty, FormAlert, NotFound, pending } from '../../components/States';
import { graphql } from '../../gql';
import type { ActionExecutionStatus, ActionRowFragment, ActionType, CallbackLogRowFragment, ServiceProvider } from '../../gql/graphql';
import { useFormSubmit } from '../../lib/form';
import { dateTime, enumLabel, formatMs, formatPercent, prependUnique, prettyJson, relativeTime } from '../../lib/format';
import { ACTION_ERROR_ALIASES, ACTION_TYPES, MASK, actionConfigFromForm, actionFormDefaults, actionFormFromConfig, summariseAction, validateActionForm, type ActionFormValues } from './actionForm';
import { loggedBody, loggedHeaders, payloadText, requestLine } from './bodies';
import { useRefetchOnReconnect } from '../../lib/live';
import { act } from '../../lib/notify';
import { moveAction, nextOrder, pipelineSteps, sortActions } from './pipeline';
import { atLeast, useProject } from '../../lib/project';
import { useNow } from '../../lib/clock';

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
    response
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

const CallbackStatsQuery = graphql(`
  query CallbackStats($id: ID!) {
    callback(id: $id) {
      id
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
`);

const StoredPayloadsQuery = graphql(`
  query StoredPayloads($projectId: ID!, $callbackId: ID!) {
    storedPayloads(projectId: $projectId, callbackId: $callbackId, first: 50) {
      totalCount
      nodes {
        id
        key
        payload
        callbackLogId
        createdAt
      }
    }
  }
`);

const QueuedMessagesQuery = graphql(`
  query QueuedMessages($projectId: ID!, $callbackId: ID!) {
    queueMessages(projectId: $projectId, callbackId: $callbackId, first: 50) {
      totalCount
      nodes {
        id
        queue
        payload
        status
        deliveries
        leaseUntil
        createdAt
      }
    }
  }
`);

const CredentialChoicesQuery = graphql(`
  query CredentialChoices($projectId: ID!) {
    serviceCredentials(projectId: $projectId, first: 200) {
      nodes {
        id
        name
        provider
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
      generatedSecret
    }
  }
`);

const UpdateActionMutation = graphql(`
  mutation UpdateAction($id: ID!, $input: UpdateActionInput!) {
    updateAction(id: $id, input: $input) {
      ...ActionRow
      generatedSecret
    }
  }
`);

const DeleteActionMutation = graphql(`
  mutation DeleteAction($id: ID!) {
    deleteAction(id: $id)
  }
`);

/**
 * Runs `run` a moment after `tick` changes (a live event), at most once per `delay`: a burst of
 * triggers costs one refetch, and the figures follow the log.
 */
function useAfterTicks(tick: number, run: () => void, delay = 300) {
  const latest = useRef(run);
  latest.current = run;
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(() => {
    if (tick === 0 || timer.current) return;
    timer.current = setTimeout(() => {
      timer.current = null;
      latest.current();
    }, delay);
  }, [tick, delay]);
  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );
}

export default function CallbackDetail() {
  const { callbackId = '' } = useParams();
  const project = useProject();
  const navigate = useNavigate();
  const [result, refetch] = useQuery({ query: CallbackQuery, variables: { id: callbackId } });
  const [, rotate] = useMutation(RotateTokenMutation);
  const [, remove] = useMutation(DeleteCallbackMutation);
  // One subscription for the page: the log, the counters and the executions all follow it.
  const [live, setLive] = useState<CallbackLogRowFragment[]>([]);
  const [tick, setTick] = useState(0);
  useSubscription({ query: LogAddedSubscription, variables: { callbackId } }, (_prev: unknown, event) => {
    setLive((items) => prependUnique(items, [event.callbackLogAdded], 100));
    setTick((t) => t + 1);
    return null;
  });
  const reload = () => refetch({ requestPolicy: 'network-only' });
  const waiting = pending(result, reload);
  if (waiting) return waiting;
  const callback = result.data?.callback;
  if (!callback) return <NotFound what="callback" />;
  const editor = atLeast(project.viewerLevel, 'PROJECT_EDITOR');
  const stores = callback.actions.some((a) => a.type === 'STORE');
  const queues = [...new Set(callback.actions.filter((a) => a.type === 'QUEUE').map((a) => actionFormFromConfig('QUEUE', a.config).queue))];
  return (
    <Page
      title={callback.name}
      description={
        <>
          <Anchor component={Link} to="..">
            Callbacks
          </Anchor>{' '}
          · forwards to <span style={{ overflowWrap: 'anywhere' }}>{callback.callbackUrl}</span> {!callback.activeStatus && <Badge color="gray">inactive</Badge>}
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
      <LiveStats callbackId={callback.id} tick={tick} />
      <Tabs defaultValue="log" keepMounted={false}>
        <Tabs.List style={{ flexWrap: 'wrap' }}>
          <Tabs.Tab value="log">Live log</Tabs.Tab>
          <Tabs.Tab value="actions">Actions ({callback.actions.length})</Tabs.Tab>
          <Tabs.Tab value="executions">Executions</Tabs.Tab>
          {(stores || queues.length > 0) && <Tabs.Tab value="payloads">Payloads</Tabs.Tab>}
        </Tabs.List>
        <Tabs.Panel value="log" pt="md">
          <LiveLog callbackId={callback.id} live={live} editor={editor} />
        </Tabs.Panel>
        <Tabs.Panel value="actions" pt="md">
          <ActionsEditor callbackId={callback.id} projectId={project.id} actions={callback.actions} editor={editor} onChange={reload} />
        </Tabs.Panel>
        <Tabs.Panel value="executions" pt="md">
          <Executions callbackId={callback.id} actions={callback.actions} tick={tick} />
        </Tabs.Panel>
        <Tabs.Panel value="payloads" pt="md">
          <Payloads projectId={project.id} callbackId={callback.id} stores={stores} queues={queues} tick={tick} />
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
      <Text fw={600} data-testid={`stat-${label}`}>
        {value}
      </Text>
    </Paper>
  );
}

/** The last 24 hours' figures, read again after each trigger the live log shows. */
function LiveStats({ callbackId, tick }: { callbackId: string; tick: number }) {
  const [result, refetch] = useQuery({ query: CallbackStatsQuery, variables: { id: callbackId }, requestPolicy: 'network-only' });
  const reload = useCallback(() => refetch({ requestPolicy: 'network-only' }), [refetch]);
  useAfterTicks(tick, reload);
  useRefetchOnReconnect(reload);
  const stats = result.data?.callback?.stats;
  return (
    <SimpleGrid cols={{ base: 2, sm: 4 }} aria-live="polite">
      <Stat label="Triggers, 24 h" value={stats ? String(stats.total) : '—'} />
      <Stat label="Success" value={stats && stats.total > 0 ? formatPercent(stats.successRate, 1) : '—'} />
      <Stat label="Average" value={formatMs(stats?.avgResponseTimeMs)} />
      <Stat label="95th percentile" value={formatMs(stats?.p95ResponseTimeMs)} />
    </SimpleGrid>
  );
}

function LiveLog({ callbackId, live, editor }: { callbackId: string; live: CallbackLogRowFragment[]; editor: boolean }) {
  const [result, refetch] = useQuery({ query: LogsQuery, variables: { callbackId } });
  const [, replay] = useMutation(ReplayMutation);
  const reload = () => refetch({ requestPolicy: 'network-only' });
  useRefetchOnReconnect(reload);
  // One clock for the page's relative times, so that two rows a second apart agree.
  const now = useNow();
  const rows = prependUnique(result.data?.callbackLogs.nodes ?? [], live, 100);
  const waiting = pending(result, reload);
  if (waiting) return waiting;
  if (rows.length === 0) return <Empty title="No triggers yet">Send a request to the trigger URL: it shows up here as it happens.</Empty>;
  return (
    <ScrollRegion label="Trigger log" minWidth={600}>
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
            <LogRow key={log.id} log={log} now={now} editor={editor} onReplay={() => act(() => replay({ id: log.id }), 'Replayed')} />
          ))}
        </Table.Tbody>
      </Table>
    </ScrollRegion>
  );
}

function Body({ label, record }: { label: string; record: unknown }) {
  const body = loggedBody(record);
  return (
    <div>
      <Text size="xs" fw={600}>
        {label}
        {body.kind === 'json' && ' (JSON)'}
        {body.kind === 'base64' && ' (binary, base64)'}
      </Text>
      {body.kind === 'empty' ? (
        <Text size="sm" c="dimmed">
          Empty
        </Text>
      ) : (
        <Code block data-testid={`${label.toLowerCase().replace(/\s+/g, '-')}`} style={{ maxHeight: 320, overflow: 'auto', whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
          {body.text}
        </Code>
      )}
      {body.note && (
        <Text size="xs" c="dimmed">
          {body.note}
        </Text>
      )}
    </div>
  );
}

function LogRow({ log, now, editor, onReplay }: { log: CallbackLogRowFragment; now: number; editor: boolean; onReplay: () => void }) {
  const [opened, { toggle }] = useDisclosure(false);
  const headers = loggedHeaders(log.request);
  const response = log.response as Record<string, unknown> | null | undefined;
  const details = { ...((log.details ?? {}) as Record<string, unknown>) };
  return (
    <>
      <Table.Tr data-testid="callback-log-row">
        <Table.Td title={dateTime(log.createdAt)} style={{ whiteSpace: 'nowrap' }}>
          {relativeTime(log.createdAt, now)}
        </Table.Td>
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
              <Stack gap="xs">
                <Text size="xs" fw={600}>
                  Request
                </Text>
                <Code>{requestLine(log.request)}</Code>
                {headers.length > 0 && (
                  <Code block style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
                    {headers.map(([k, v]) => `${k}: ${v}`).join('\n')}
                  </Code>
                )}
                <Body label="Request body" record={log.request} />
              </Stack>
              <Stack gap="xs">
                <Text size="xs" fw={600}>
                  Answer
                </Text>
                {response ? (
                  <>
                    <Text size="sm">
                      {log.statusCode ?? '—'}
                      {typeof response.contentType === 'string' && ` · ${response.contentType}`}
                    </Text>
                    <Body label="Response body" record={response} />
                  </>
                ) : (
                  <Text size="sm" c="dimmed">
                    {log.event === 'forwarded' ? 'Not kept for triggers logged before answers were stored.' : 'Not forwarded: nothing was answered.'}
                  </Text>
                )}
                {Object.keys(details).length > 0 && (
                  <>
                    <Text size="xs" fw={600}>
                      Details
                    </Text>
                    <Code block style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
                      {prettyJson(details)}
                    </Code>
                  </>
                )}
              </Stack>
            </SimpleGrid>
          </Table.Td>
        </Table.Tr>
      )}
    </>
  );
}

function ActionsEditor({ callbackId, projectId, actions, editor, onChange }: { callbackId: string; projectId: string; actions: ActionRowFragment[]; editor: boolean; onChange: () => void }) {
  const [, update] = useMutation(UpdateActionMutation);
  const [, remove] = useMutation(DeleteActionMutation);
  const [editing, setEditing] = useState<ActionRowFragment | null>(null);
  const [adding, setAdding] = useState(false);
  const [generated, setGenerated] = useState<string | null>(null);
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
      {generated && <SecretShownOnce name="HTTP POST action" secret={generated} onClose={() => setGenerated(null)} />}
      <Text size="sm" c="dimmed">
        After each trigger the enabled actions run in order, one step after another; consecutive actions marked parallel run together in one step.
        {steps.length > 0 && ` This pipeline has ${steps.length} step${steps.length > 1 ? 's' : ''}.`}
      </Text>
      {sorted.length === 0 ? (
        <Empty title="No actions">Add one to post the payload somewhere, notify a channel, store it or queue it.</Empty>
      ) : (
        <ScrollRegion label="Actions" minWidth={600}>
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
                      {summariseAction(a.type, a.config)}
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
        </ScrollRegion>
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
            projectId={projectId}
            order={nextOrder(actions)}
            onDone={(secret) => {
              setAdding(false);
              setGenerated(secret ?? null);
              onChange();
            }}
          />
        )}
      </Modal>
      <Modal closeButtonProps={{ 'aria-label': 'Close' }} opened={!!editing} onClose={() => setEditing(null)} title="Edit action" size="lg">
        {editing && (
          <ActionForm
            callbackId={callbackId}
            projectId={projectId}
            action={editing}
            onDone={(secret) => {
              setEditing(null);
              setGenerated(secret ?? null);
              onChange();
            }}
          />
        )}
      </Modal>
    </Stack>
  );
}

/** The service credentials a channel action of a type can send through. */
const CREDENTIAL_PROVIDER: Partial<Record<ActionType, ServiceProvider>> = {
  SLACK: 'SLACK',
  DISCORD: 'DISCORD',
  EMAIL: 'SENDGRID',
  SMS: 'TWILIO',
};

const TEMPLATE_HINT = 'A template over the trigger: {{request.body}}, {{request.headers.x-event}}, {{request.method}}.';
const SECRET_HINT = `Shown as ${MASK} once saved; leave it so to keep the stored value.`;

function ActionForm({ callbackId, projectId, action, order, onDone }: { callbackId: string; projectId: string; action?: ActionRowFragment; order?: number; onDone: (generatedSecret?: string | null) => void }) {
  const [, create] = useMutation(CreateActionMutation);
  const [, update] = useMutation(UpdateActionMutation);
  const [type, setType] = useState<ActionType>(action?.type ?? 'HTTP_POST');
  const [credentials] = useQuery({ query: CredentialChoicesQuery, variables: { projectId } });
  const form = useForm<ActionFormValues & { parallel: boolean }>({
    initialValues: { ...(action ? actionFormFromConfig(action.type, action.config) : actionFormDefaults('HTTP_POST')), parallel: action?.parallel ?? false },
    validate: (values) => validateActionForm(type, values),
  });
  const { general, submit, submitting } = useFormSubmit(form, ACTION_ERROR_ALIASES);
  const onSubmit = form.onSubmit(async (values) => {
    const config = actionConfigFromForm(type, values);
    if (action) {
      const data = await submit(() => update({ id: action.id, input: { config, parallel: values.parallel } }));
      if (data) onDone(data.updateAction.generatedSecret);
    } else {
      const data = await submit(() => create({ input: { callbackId, type, config, parallel: values.parallel, order } }));
      if (data) onDone(data.createAction.generatedSecret);
    }
  });
  const provider = CREDENTIAL_PROVIDER[type];
  const choices = (credentials.data?.serviceCredentials.nodes ?? []).filter((c) => c.provider === provider).map((c) => ({ value: c.id, label: c.name }));
  const values = form.getValues();
  const channel = provider !== undefined;
  return (
    <form onSubmit={onSubmit} noValidate aria-label={action ? 'Edit action' : 'New action'}>
      <Stack>
        <FormAlert messages={general} />
        <Select
          label="Type"
          allowDeselect={false}
          disabled={!!action}
          data={ACTION_TYPES.map((t) => ({ value: t, label: enumLabel(t) }))}
          value={type}
          onChange={(t) => {
            const next = (t ?? 'HTTP_POST') as ActionType;
            setType(next);
            form.setValues({ ...actionFormDefaults(next), parallel: values.parallel });
            form.clearErrors();
          }}
        />
        {type === 'HTTP_POST' && (
          <>
            <TextInput label="URL" required placeholder="https://example.com/hook" description="Gets a signed POST after each trigger." {...form.getInputProps('url')} />
            <Stack gap={4}>
              <Text size="sm" fw={500}>
                Headers
              </Text>
              {values.headers.map((_, i) => (
                <Group key={i} gap="xs" align="flex-start" wrap="nowrap">
                  <TextInput aria-label={`Header ${i + 1} name`} placeholder="X-Team" style={{ flex: 1 }} {...form.getInputProps(`headers.${i}.name`)} />
                  <TextInput aria-label={`Header ${i + 1} value`} placeholder="value" style={{ flex: 1 }} {...form.getInputProps(`headers.${i}.value`)} />
                  <ActionIcon variant="subtle" size="lg" aria-label={`Remove header ${i + 1}`} onClick={() => form.removeListItem('headers', i)}>
                    ×
                  </ActionIcon>
                </Group>
              ))}
              {form.errors.headers && (
                <Text size="xs" c="red">
                  {form.errors.headers}
                </Text>
              )}
              <Group>
                <Button size="xs" variant="subtle" onClick={() => form.insertListItem('headers', { name: '', value: '' })}>
                  Add header
                </Button>
              </Group>
            </Stack>
            <Textarea
              label="Body"
              description={`Empty sends the trigger's body as it came. ${TEMPLATE_HINT}`}
              autosize
              minRows={3}
              styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
              {...form.getInputProps('body')}
            />
            <PasswordInput label="Signing secret" description={`Requests carry Standard Webhooks signature headers made with it: a whsec_ secret or 8+ characters; left empty, Vigil generates one and shows it once. ${SECRET_HINT}`} {...form.getInputProps('secret')} />
          </>
        )}
        {channel && (
          <Switch
            label={`Send through a ${enumLabel(provider)} service credential of the project`}
            {...form.getInputProps('useCredential', { type: 'checkbox' })}
          />
        )}
        {channel && values.useCredential && (
          <Select
            label="Service credential"
            required
            data={choices}
            placeholder={choices.length ? 'Choose one' : 'None of this kind yet'}
            description={choices.length ? undefined : 'Add one under Settings → Service credentials.'}
            {...form.getInputProps('credentialId')}
          />
        )}
        {(type === 'SLACK' || type === 'DISCORD') && !values.useCredential && (
          <PasswordInput label="Webhook URL" required description={SECRET_HINT} placeholder={type === 'SLACK' ? 'https://hooks.slack.com/services/…' : 'https://discord.com/api/webhooks/…'} {...form.getInputProps('webhookUrl')} />
        )}
        {type === 'EMAIL' && (
          <>
            <TextInput label="To" required description="Addresses separated by commas (at most 50)." {...form.getInputProps('to')} />
            {!values.useCredential && <PasswordInput label="SendGrid API key" description={`Optional: without it mail goes through the server's SMTP. ${SECRET_HINT}`} {...form.getInputProps('sendgridApiKey')} />}
            <TextInput label="From" description="SendGrid only, like Ops <ops@example.com>." {...form.getInputProps('from')} />
            <TextInput label="Subject" required description={TEMPLATE_HINT} {...form.getInputProps('subject')} />
          </>
        )}
        {type === 'SMS' && (
          <>
            <TextInput label="Twilio account SID" required={!values.useCredential} description={values.useCredential ? 'Optional: the credential’s own is used otherwise.' : undefined} {...form.getInputProps('accountSid')} />
            {!values.useCredential && <PasswordInput label="Twilio auth token" required description={SECRET_HINT} {...form.getInputProps('authToken')} />}
            <TextInput label="From number" required placeholder="+14155550100" {...form.getInputProps('from')} />
            <TextInput label="To numbers" required description="International format, separated by commas (at most 10)." {...form.getInputProps('to')} />
          </>
        )}
        {channel && <Textarea label="Message" required autosize minRows={3} description={TEMPLATE_HINT} {...form.getInputProps('message')} />}
        {type === 'STORE' && <TextInput label="Key" description={`Optional: payloads stored under the same key can be listed together. ${TEMPLATE_HINT}`} {...form.getInputProps('key')} />}
        {type === 'QUEUE' && <TextInput label="Queue" required description="Letters a-z, digits, - and _. Consumers pull the queue's messages through the API (pullQueueMessages)." {...form.getInputProps('queue')} />}
        <Group grow>
          <NumberInput label="Attempts" min={1} max={10} allowDecimal={false} {...form.getInputProps('maxAttempts')} />
          <NumberInput label="First retry after (seconds)" min={1} max={3600} allowDecimal={false} description="Doubled after each attempt." {...form.getInputProps('retryDelaySeconds')} />
        </Group>
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

const UNFINISHED: ActionExecutionStatus[] = ['PENDING', 'RUNNING'];

/** Executions, read again after each trigger and every two seconds while some are unfinished. */
function Executions({ callbackId, actions, tick }: { callbackId: string; actions: ActionRowFragment[]; tick: number }) {
  const [result, refetch] = useQuery({ query: ExecutionsQuery, variables: { callbackId }, requestPolicy: 'network-only' });
  const reload = useCallback(() => refetch({ requestPolicy: 'network-only' }), [refetch]);
  useRefetchOnReconnect(reload);
  useAfterTicks(tick, reload, 500);
  const nodes = result.data?.actionExecutions.nodes ?? [];
  const busy = nodes.some((e) => UNFINISHED.includes(e.status));
  useEffect(() => {
    if (!busy) return;
    const timer = setInterval(reload, 2000);
    return () => clearInterval(timer);
  }, [busy, reload]);
  const now = useNow();
  const typeOf = new Map(actions.map((a) => [a.id, a.type]));
  const waiting = pending(result, reload);
  if (waiting) return waiting;
  return (
    <Stack>
      <Title order={2} size="h5">
        Action executions, newest first
      </Title>
      <Text size="sm" c="dimmed">
        New triggers and attempts show up here as they happen.
      </Text>
      {nodes.length === 0 ? (
        <Empty title="No executions yet" />
      ) : (
        <ScrollRegion label="Action executions" minWidth={600}>
          <Table striped data-testid="executions" aria-live="polite">
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
                <Table.Tr key={e.id} data-testid="execution-row">
                  <Table.Td title={dateTime(e.createdAt)} style={{ whiteSpace: 'nowrap' }}>
                    {relativeTime(e.createdAt, now)}
                  </Table.Td>
                  <Table.Td>{typeOf.has(e.actionId) ? enumLabel(typeOf.get(e.actionId) ?? '') : 'Deleted action'}</Table.Td>
                  <Table.Td>{e.step + 1}</Table.Td>
                  <Table.Td>
                    <StatusBadge status={e.status} />
                  </Table.Td>
                  <Table.Td>{e.attempt}</Table.Td>
                  <Table.Td>{formatMs(e.durationMs)}</Table.Td>
                  <Table.Td>
                    <Text size="xs">{e.error ?? (e.nextAttemptAt ? `next attempt ${relativeTime(e.nextAttemptAt, now)}` : '')}</Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollRegion>
      )}
    </Stack>
  );
}

/** A kept payload: what is said about it, when it came, and the payload formatted. */
function PayloadCard({ testId, payload, createdAt, now, children }: { testId: string; payload: unknown; createdAt: string; now: number; children: ReactNode }) {
  return (
    <Paper withBorder p="sm" data-testid={testId}>
      <Group gap="xs" mb={4}>
        {children}
        <Text size="xs" c="dimmed" title={dateTime(createdAt)}>
          {relativeTime(createdAt, now)}
        </Text>
      </Group>
      <Code block style={{ maxHeight: 240, overflow: 'auto', whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
        {payloadText(payload)}
      </Code>
    </Paper>
  );
}

/** What STORE actions kept, and what QUEUE actions queued. */
function Payloads({ projectId, callbackId, stores, queues, tick }: { projectId: string; callbackId: string; stores: boolean; queues: string[]; tick: number }) {
  const [result, refetch] = useQuery({ query: StoredPayloadsQuery, variables: { projectId, callbackId }, pause: !stores, requestPolicy: 'network-only' });
  const [queued, refetchQueued] = useQuery({ query: QueuedMessagesQuery, variables: { projectId, callbackId }, pause: queues.length === 0, requestPolicy: 'network-only' });
  const reload = useCallback(() => {
    if (stores) refetch({ requestPolicy: 'network-only' });
    if (queues.length > 0) refetchQueued({ requestPolicy: 'network-only' });
  }, [refetch, refetchQueued, stores, queues.length]);
  // STORE and QUEUE actions run after the trigger is logged, on a worker: read again after
  // each trigger, and every few seconds while the tab is open (consumers pull and acknowledge
  // messages meanwhile).
  useAfterTicks(tick, reload, 1500);
  useEffect(() => {
    if (!stores && queues.length === 0) return;
    const timer = setInterval(reload, 3000);
    return () => clearInterval(timer);
  }, [stores, queues.length, reload]);
  const now = useNow();
  const nodes = result.data?.storedPayloads.nodes ?? [];
  const messages = queued.data?.queueMessages.nodes ?? [];
  return (
    <Stack>
      {queues.length > 0 && (
        <Paper withBorder p="sm">
          <Text size="sm">
            Queued to {queues.map((q, i) => [i > 0 && ', ', <Code key={q}>{q}</Code>])}: consumers take the messages with <Code>pullQueueMessages</Code> and
            acknowledge them with <Code>ackQueueMessage</Code>; a message pulled and not acknowledged comes back after its visibility time.
          </Text>
        </Paper>
      )}
      {queues.length > 0 &&
        (pending(queued, reload) ??
          (messages.length === 0 ? (
            <Empty title="No queued messages yet">The QUEUE action adds each trigger’s payload to its queue.</Empty>
          ) : (
            <Stack gap="sm" data-testid="queue-messages">
              <Title order={2} size="h5">
                Queued messages, newest first ({queued.data?.queueMessages.totalCount})
              </Title>
              {messages.map((m) => (
                <PayloadCard key={m.id} testId="queue-message" payload={m.payload} createdAt={m.createdAt} now={now}>
                  <StatusBadge status={m.status} />
                  <Code>{m.queue}</Code>
                  <Text size="xs" c="dimmed">
                    {m.deliveries === 0 ? 'never pulled' : m.deliveries === 1 ? 'pulled once' : `pulled ${m.deliveries} times`}
                    {m.status === 'LEASED' && m.leaseUntil ? `, back ${relativeTime(m.leaseUntil, now)} unless acknowledged` : ''}
                  </Text>
                </PayloadCard>
              ))}
            </Stack>
          )))}
      {stores &&
        (pending(result, reload) ??
          (nodes.length === 0 ? (
            <Empty title="Nothing stored yet">The STORE action keeps each trigger’s payload here.</Empty>
          ) : (
            <Stack gap="sm" data-testid="stored-payloads">
              <Title order={2} size="h5">
                Stored payloads, newest first ({result.data?.storedPayloads.totalCount})
              </Title>
              {nodes.map((p) => (
                <PayloadCard key={p.id} testId="stored-payload" payload={p.payload} createdAt={p.createdAt} now={now}>
                  <Text size="sm" fw={500}>
                    {p.key ? `Key ${p.key}` : 'No key'}
                  </Text>
                </PayloadCard>
              ))}
            </Stack>
          )))}
    </Stack>
  );
}
