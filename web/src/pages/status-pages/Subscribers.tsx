import { Badge, Button, Checkbox, Code, Group, Modal, Select, SimpleGrid, Stack, Switch, Table, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useClient, useMutation, useQuery } from 'urql';
import { ConfirmButton } from '../../components/ConfirmButton';
import { Empty, FormAlert, QueryView } from '../../components/States';
import type { StatusPageSubscriberMode, StatusPageSubscriberState, SubscriberFieldsFragment } from '../../gql/graphql';
import { enumLabel } from '../../lib/format';
import { useFormSubmit } from '../../lib/form';
import { act, notifyError, notifySaved } from '../../lib/notify';
import { useStatusPage } from './context';
import { EMPTY_SUBSCRIBER, addressOf, allowedModes, csvFileName, metricsSummary, subscriberInput, validateSubscriber, type SubscriberValues } from './SubscribersForm';
import { AddSubscriberMutation, ClearQuarantineMutation, RemoveSubscriberMutation, StatusPageMetricsQuery, SubscribersCsvQuery, SubscribersQuery } from './SubscribersOperations';

const MODES: StatusPageSubscriberMode[] = ['EMAIL', 'SMS', 'WEBHOOK', 'SLACK'];
const STATES: StatusPageSubscriberState[] = ['ACTIVE', 'PENDING', 'QUARANTINED'];
const PAGE_SIZE = 50;
const STATE_COLOR: Record<StatusPageSubscriberState, string> = { ACTIVE: 'teal', PENDING: 'gray', QUARANTINED: 'red' };

/** The page's subscribers: figures, a filtered and paged list, add, remove, release, export. */
export default function Subscribers() {
  const { page, editor } = useStatusPage();
  const [mode, setMode] = useState<StatusPageSubscriberMode | null>(null);
  const [state, setState] = useState<StatusPageSubscriberState | null>(null);
  const [after, setAfter] = useState<string | null>(null);
  const [earlier, setEarlier] = useState<SubscriberFieldsFragment[]>([]);
  const [adding, setAdding] = useState(false);
  const [secret, setSecret] = useState<string | null>(null);
  const filter = { mode, state };
  const [result, refetch] = useQuery({ query: SubscribersQuery, variables: { statusPageId: page.id, first: PAGE_SIZE, after, filter } });
  const reload = () => {
    setEarlier([]);
    setAfter(null);
    refetch({ requestPolicy: 'network-only' });
  };
  const connection = result.data?.statusPageSubscribers;
  const subscribers = [...earlier, ...(connection?.nodes ?? [])];
  const refilter = (apply: () => void) => {
    setEarlier([]);
    setAfter(null);
    apply();
  };
  return (
    <Stack>
      <Group justify="space-between" align="flex-start">
        <div>
          <Title order={2} size="h3">
            Subscribers
          </Title>
          <Text size="sm" c="dimmed">
            People and systems told of incidents, maintenance and postmortems. Visitors subscribe from the public page and confirm by a link.
          </Text>
        </div>
        <Group gap="xs">
          <ExportButton />
          {editor && allowedModes(page).length > 0 && <Button onClick={() => setAdding(true)}>Add subscriber</Button>}
        </Group>
      </Group>
      <Metrics />
      <Group gap="sm" align="flex-end">
        <Select label="Kind" placeholder="Every kind" clearable data={MODES.map((m) => ({ value: m, label: enumLabel(m) }))} value={mode} onChange={(m) => refilter(() => setMode(m as StatusPageSubscriberMode | null))} w={180} />
        <Select label="State" placeholder="Every state" clearable data={STATES.map((s) => ({ value: s, label: enumLabel(s) }))} value={state} onChange={(s) => refilter(() => setState(s as StatusPageSubscriberState | null))} w={180} />
        {connection && (
          <Text size="sm" c="dimmed" data-testid="subscriber-count">
            {connection.totalCount} {connection.totalCount === 1 ? 'subscriber' : 'subscribers'}
          </Text>
        )}
      </Group>
      <QueryView result={result} retry={reload} isEmpty={subscribers.length === 0} empty={<Empty title="No subscribers">Subscribers appear here once they subscribe or you add them.</Empty>}>
        {() => (
          <Stack>
            <SubscriberTable subscribers={subscribers} onChange={reload} />
            {connection?.pageInfo.hasNextPage && (
              <Group>
                <Button
                  variant="default"
                  onClick={() => {
                    setEarlier(subscribers);
                    setAfter(connection.pageInfo.endCursor ?? null);
                  }}
                >
                  Show more subscribers
                </Button>
              </Group>
            )}
          </Stack>
        )}
      </QueryView>
      {adding && (
        <AddSubscriber
          onClose={() => setAdding(false)}
          onAdded={(signingSecret) => {
            setAdding(false);
            setSecret(signingSecret);
            reload();
          }}
        />
      )}
      {secret && (
        <Modal opened onClose={() => setSecret(null)} title="Webhook signing secret" closeButtonProps={{ 'aria-label': 'Close' }}>
          <Stack>
            <Text size="sm">Requests to this webhook carry X-Vigil-Signature, signed with this secret. It is shown only now: copy it.</Text>
            <Code block data-testid="signing-secret">
              {secret}
            </Code>
            <Group justify="flex-end">
              <Button onClick={() => setSecret(null)}>Done</Button>
            </Group>
          </Stack>
        </Modal>
      )}
    </Stack>
  );
}

/** Views over 30 days and the newest subscriber counts. */
function Metrics() {
  const { page } = useStatusPage();
  const [result] = useQuery({ query: StatusPageMetricsQuery, variables: { id: page.id, days: 30 } });
  const summary = metricsSummary(result.data?.statusPage?.metrics ?? []);
  const figure = (label: string, value: number | null, testId: string) => (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={600} size="lg" data-testid={testId}>
        {value == null ? '—' : value.toLocaleString('en')}
      </Text>
    </div>
  );
  return (
    <SimpleGrid cols={{ base: 2, sm: 4 }} aria-label="Subscriber figures">
      {figure('Page views, 30 days', summary.views, 'metric-views')}
      {figure('Active subscribers', summary.subscribers, 'metric-subscribers')}
      {figure('Awaiting confirmation', summary.pending, 'metric-pending')}
      {figure('Quarantined', summary.quarantined, 'metric-quarantined')}
    </SimpleGrid>
  );
}

/** Downloads every subscriber as CSV. */
function ExportButton() {
  const { page } = useStatusPage();
  const client = useClient();
  const [busy, setBusy] = useState(false);
  return (
    <Button
      variant="default"
      loading={busy}
      onClick={async () => {
        setBusy(true);
        const result = await client.query(SubscribersCsvQuery, { statusPageId: page.id }, { requestPolicy: 'network-only' }).toPromise();
        setBusy(false);
        const csv = result.data?.statusPageSubscribersCsv;
        if (csv == null) {
          notifyError(result.error, 'The export failed');
          return;
        }
        const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
        const link = document.createElement('a');
        link.href = url;
        link.download = csvFileName(page.subdomain, new Date());
        link.click();
        URL.revokeObjectURL(url);
      }}
    >
      Export CSV
    </Button>
  );
}

function SubscriberTable({ subscribers, onChange }: { subscribers: SubscriberFieldsFragment[]; onChange: () => void }) {
  const { page, editor } = useStatusPage();
  const [, remove] = useMutation(RemoveSubscriberMutation);
  const [, clear] = useMutation(ClearQuarantineMutation);
  const names = new Map(page.components.map((c) => [c.id, c.name]));
  return (
    <Table striped data-testid="subscriber-table">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Address</Table.Th>
          <Table.Th>Kind</Table.Th>
          <Table.Th>State</Table.Th>
          <Table.Th>Follows</Table.Th>
          <Table.Th>Since</Table.Th>
          <Table.Th>
            <span className="sr-only">Actions</span>
          </Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {subscribers.map((s) => {
          const address = addressOf(s);
          const follows = s.incidentIds.length > 0 ? 'One incident' : s.componentIds.map((id) => names.get(id) ?? 'a deleted component').join(', ') || 'Whole page';
          return (
            <Table.Tr key={s.id} data-testid={`subscriber-row-${address}`}>
              <Table.Td className="mono">{address}</Table.Td>
              <Table.Td>{enumLabel(s.mode)}</Table.Td>
              <Table.Td>
                <Badge variant="light" color={STATE_COLOR[s.state]}>
                  {enumLabel(s.state)}
                </Badge>
              </Table.Td>
              <Table.Td>{follows}</Table.Td>
              <Table.Td>{new Date(s.createdAt).toLocaleDateString('en')}</Table.Td>
              <Table.Td>
                {editor && (
                  <Group gap={4} wrap="nowrap">
                    {s.state === 'QUARANTINED' && (
                      <Button
                        size="xs"
                        variant="light"
                        aria-label={`Clear quarantine of ${address}`}
                        onClick={async () => {
                          if (await act(() => clear({ id: s.id }), 'Quarantine cleared')) onChange();
                        }}
                      >
                        Clear quarantine
                      </Button>
                    )}
                    <ConfirmButton
                      aria-label={`Remove subscriber ${address}`}
                      title={`Remove ${address}?`}
                      message="It receives nothing more from this page."
                      confirmLabel="Remove"
                      onConfirm={async () => {
                        if (await act(() => remove({ id: s.id }), 'Subscriber removed')) onChange();
                      }}
                    >
                      Remove
                    </ConfirmButton>
                  </Group>
                )}
              </Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}

function AddSubscriber({ onClose, onAdded }: { onClose: () => void; onAdded: (signingSecret: string | null) => void }) {
  const { page } = useStatusPage();
  const modes = allowedModes(page);
  const [, add] = useMutation(AddSubscriberMutation);
  const form = useForm<SubscriberValues>({ initialValues: { ...EMPTY_SUBSCRIBER, mode: modes[0] ?? 'EMAIL' }, validate: validateSubscriber });
  const { general, submit, submitting } = useFormSubmit(form);
  const onSubmit = form.onSubmit(async (values) => {
    const data = await submit(() => add({ input: subscriberInput(page.id, values) }));
    if (!data) return;
    notifySaved('Subscriber added');
    onAdded(data.addStatusPageSubscriber.signingSecret ?? null);
  });
  const mode = form.values.mode;
  return (
    <Modal opened onClose={onClose} title="Add subscriber" size="lg" closeButtonProps={{ 'aria-label': 'Close' }}>
      <form onSubmit={onSubmit} noValidate aria-label="Add subscriber">
        <Stack>
          <FormAlert messages={general} />
          <Select label="Kind" allowDeselect={false} data={modes.map((m) => ({ value: m, label: enumLabel(m) }))} {...form.getInputProps('mode')} onChange={(m) => m && form.setFieldValue('mode', m as StatusPageSubscriberMode)} />
          {mode === 'EMAIL' && <TextInput label="Email address" type="email" required data-autofocus {...form.getInputProps('email')} />}
          {mode === 'SMS' && (
            <>
              <TextInput label="Phone number" description="International form, such as +14155550123" required {...form.getInputProps('phoneNumber')} />
              <TextInput label="Country" description="Two letters, such as US" required maxLength={2} {...form.getInputProps('phoneCountry')} />
            </>
          )}
          {(mode === 'WEBHOOK' || mode === 'SLACK') && (
            <TextInput label={mode === 'SLACK' ? 'Slack incoming webhook URL' : 'Webhook URL'} required {...form.getInputProps('endpoint')} />
          )}
          {page.components.length > 0 && (
            <Checkbox.Group label="Only these components" description="Leave all unticked for every update of the page." {...form.getInputProps('componentIds')}>
              <Stack gap={6} mt="xs">
                {page.components.map((c) => (
                  <Checkbox key={c.id} value={c.id} label={c.name} />
                ))}
              </Stack>
            </Checkbox.Group>
          )}
          {(mode === 'EMAIL' || mode === 'SMS') && (
            <Switch label="Skip confirmation" description="Active at once, without a confirmation message. Only for people who agreed to it." {...form.getInputProps('skipConfirmationNotification', { type: 'checkbox' })} />
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={submitting}>
              Add subscriber
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
