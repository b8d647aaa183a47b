import { Badge, Button, Group, Modal, Paper, PasswordInput, Select, Stack, Switch, Table, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { ConfirmButton } from '../../components/ConfirmButton';
import { Page } from '../../components/Page';
import { ScrollRegion } from '../../components/ScrollRegion';
import { SecretShownOnce } from '../../components/SecretShownOnce';
import { Empty, FormAlert, QueryView } from '../../components/States';
import { graphql } from '../../gql';
import type { NotificationProvidersQuery, NotificationProviderType } from '../../gql/graphql';
import { useFormSubmit } from '../../lib/form';
import { enumLabel } from '../../lib/format';
import { act, notifyError } from '../../lib/notify';
import { atLeast, useProject } from '../../lib/project';
import { PROVIDER_FIELDS, PROVIDER_TYPES, changedProviderConfig, providerConfig, validateProviderConfig } from './providers';
import * as v from '../../lib/validate';

export const ProvidersQuery = graphql(`
  query NotificationProviders($projectId: ID!) {
    notificationProviders(projectId: $projectId, first: 200) {
      totalCount
      nodes {
        id
        name
        type
        isEnabled
        config
        projectId
      }
    }
  }
`);

const CreateProviderMutation = graphql(`
  mutation CreateNotificationProvider($input: CreateNotificationProviderInput!) {
    createNotificationProvider(input: $input) {
      id
      name
      generatedSecret
    }
  }
`);

const UpdateProviderMutation = graphql(`
  mutation UpdateNotificationProvider($id: ID!, $input: UpdateNotificationProviderInput!) {
    updateNotificationProvider(id: $id, input: $input) {
      id
      name
      isEnabled
      generatedSecret
    }
  }
`);

const DeleteProviderMutation = graphql(`
  mutation DeleteNotificationProvider($id: ID!) {
    deleteNotificationProvider(id: $id)
  }
`);

const TestProviderMutation = graphql(`
  mutation TestNotificationProvider($id: ID!) {
    testNotificationProvider(id: $id) {
      success
      attempts
      error
    }
  }
`);

export function NotificationProviders() {
  const project = useProject();
  const [result, refetch] = useQuery({ query: ProvidersQuery, variables: { projectId: project.id } });
  const [, create] = useMutation(CreateProviderMutation);
  const [, update] = useMutation(UpdateProviderMutation);
  const [, remove] = useMutation(DeleteProviderMutation);
  const [, test] = useMutation(TestProviderMutation);
  const [testing, setTesting] = useState<string | null>(null);
  const [editing, setEditing] = useState<Provider | null>(null);
  const [generated, setGenerated] = useState<{ name: string; secret: string } | null>(null);
  const showGenerated = (saved: { name: string; generatedSecret?: string | null }) =>
    setGenerated(saved.generatedSecret ? { name: saved.name, secret: saved.generatedSecret } : null);
  const reload = () => refetch({ requestPolicy: 'network-only' });
  const form = useForm({
    initialValues: { name: '', type: 'SLACK' as NotificationProviderType, config: {} as Record<string, string> },
    validate: (values) => ({ ...v.collect({ name: v.name(values.name) }), ...validateProviderConfig(values.type, values.config) }),
  });
  const { general, submit, submitting } = useFormSubmit(form);
  const values = form.getValues();
  const onSubmit = form.onSubmit(async (vals) => {
    const data = await submit(() =>
      create({ input: { projectId: project.id, name: vals.name.trim(), type: vals.type, config: providerConfig(vals.type, vals.config) } }),
    );
    if (data) {
      showGenerated(data.createNotificationProvider);
      form.reset();
      reload();
    }
  });
  const sendTest = async (id: string, name: string) => {
    setTesting(id);
    const r = await test({ id });
    setTesting(null);
    if (r.error || !r.data) return notifyError(r.error, 'Could not send the test');
    const outcome = r.data.testNotificationProvider;
    notifications.show(
      outcome.success
        ? { color: 'teal', title: 'Test sent', message: `${name} delivered the test message.` }
        : { color: 'red', title: 'Test failed', message: `${name}: ${outcome.error ?? 'delivery failed'} (${outcome.attempts} attempt(s))` },
    );
  };
  const editor = atLeast(project.viewerLevel, 'PROJECT_EDITOR');
  const nodes = result.data?.notificationProviders.nodes ?? [];
  return (
    <Page title="Notification providers" description="Where monitor alerts go. Secret settings are stored encrypted and shown masked.">
      {generated && <SecretShownOnce name={generated.name} secret={generated.secret} onClose={() => setGenerated(null)} />}
      <QueryView result={result} retry={reload} isEmpty={nodes.length === 0} empty={<Empty title="No notification providers yet">Add one so that monitors can alert you.</Empty>}>
        {() => (
          <ScrollRegion label="Notification providers" minWidth={560}>
            <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Name</Table.Th>
                <Table.Th>Type</Table.Th>
                <Table.Th>Enabled</Table.Th>
                <Table.Th>
                  <span className="sr-only">Actions</span>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {nodes.map((p) => (
                <Table.Tr key={p.id}>
                  <Table.Td>
                    {p.name} {!p.projectId && <Badge variant="light">organization</Badge>}
                  </Table.Td>
                  <Table.Td>{enumLabel(p.type)}</Table.Td>
                  <Table.Td>
                    <Switch
                      aria-label={`${p.name} enabled`}
                      checked={p.isEnabled}
                      disabled={!editor}
                      onChange={(e) => void act(() => update({ id: p.id, input: { isEnabled: e.currentTarget.checked } })).then(reload)}
                    />
                  </Table.Td>
                  <Table.Td>
                    {editor && (
                      <Group gap="xs" wrap="nowrap">
                        <Button size="xs" variant="light" loading={testing === p.id} onClick={() => void sendTest(p.id, p.name)} aria-label={`Send a test through ${p.name}`}>
                          Send test
                        </Button>
                        <Button size="xs" variant="subtle" onClick={() => setEditing(p)} aria-label={`Edit ${p.name}`}>
                          Edit
                        </Button>
                        <ConfirmButton
                          aria-label={`Delete ${p.name}`}
                          title={`Delete ${p.name}?`}
                          message="Monitors that use it stop alerting through it."
                          onConfirm={async () => {
                            if (await act(() => remove({ id: p.id }), 'Provider deleted')) reload();
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
      </QueryView>
      <Modal closeButtonProps={{ 'aria-label': 'Close' }} opened={!!editing} onClose={() => setEditing(null)} title={editing ? `Edit ${editing.name}` : 'Edit'}>
        {editing && (
          <EditProvider
            provider={editing}
            onDone={(saved) => {
              setEditing(null);
              showGenerated(saved);
              reload();
            }}
          />
        )}
      </Modal>
      {editor && (
        <Paper withBorder p="md" maw={560}>
          <form onSubmit={onSubmit} noValidate aria-label="New notification provider">
            <Stack>
              <Text fw={600}>New provider</Text>
              <FormAlert messages={general} />
              <TextInput label="Name" required data-shortcut="new" {...form.getInputProps('name')} />
              <Select
                label="Type"
                allowDeselect={false}
                data={PROVIDER_TYPES.map((t) => ({ value: t, label: enumLabel(t) }))}
                {...form.getInputProps('type')}
                onChange={(t) => {
                  form.setFieldValue('type', t as NotificationProviderType);
                  form.setFieldValue('config', {});
                }}
              />
              {PROVIDER_FIELDS[values.type].map((f) => {
                const Input = f.secret ? PasswordInput : TextInput;
                return (
                  <Input
                    key={`${values.type}-${f.key}`}
                    label={f.label}
                    description={f.description}
                    required={!f.optional}
                    {...form.getInputProps(`config.${f.key}`)}
                    value={values.config[f.key] ?? ''}
                  />
                );
              })}
              <Group>
                <Button type="submit" loading={submitting}>
                  Add provider
                </Button>
              </Group>
            </Stack>
          </form>
        </Paper>
      )}
    </Page>
  );
}

type Provider = NotificationProvidersQuery['notificationProviders']['nodes'][number];

/** The stored settings as strings for the form (secrets as the server masks them). */
function configStrings(config: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (config && typeof config === 'object') {
    for (const [k, value] of Object.entries(config as Record<string, unknown>)) {
      if (typeof value === 'string' || typeof value === 'number') out[k] = String(value);
      else if (Array.isArray(value)) out[k] = value.join(', ');
    }
  }
  return out;
}

/** Renames a provider or changes its settings; masked secrets left as they are keep their values. */
function EditProvider({ provider, onDone }: { provider: Provider; onDone: (saved: { name: string; generatedSecret?: string | null }) => void }) {
  const [, update] = useMutation(UpdateProviderMutation);
  const initial = configStrings(provider.config);
  const form = useForm({
    initialValues: { name: provider.name, config: initial },
    validate: (values) => ({
      ...v.collect({ name: v.name(values.name) }),
      ...validateProviderConfig(provider.type, values.config, initial),
    }),
  });
  const { general, submit, submitting } = useFormSubmit(form);
  const values = form.getValues();
  const onSubmit = form.onSubmit(async (vals) => {
    const data = await submit(() => update({ id: provider.id, input: { name: vals.name.trim(), config: changedProviderConfig(provider.type, vals.config, initial) } }));
    if (data) onDone(data.updateNotificationProvider);
  });
  return (
    <form onSubmit={onSubmit} noValidate aria-label={`Edit ${provider.name}`}>
      <Stack>
        <FormAlert messages={general} />
        <TextInput label="Name" required {...form.getInputProps('name')} />
        <Text size="sm">Type: {enumLabel(provider.type)}</Text>
        {PROVIDER_FIELDS[provider.type].map((f) => {
          const Input = f.secret ? PasswordInput : TextInput;
          return (
            <Input
              key={f.key}
              label={f.label}
              description={
                f.secret
                  ? provider.type === 'WEBHOOK' && f.key === 'secret'
                    ? 'Shown masked; leave it as it is to keep it, or empty it to have a new one generated and shown once.'
                    : 'Shown masked; leave it as it is to keep the stored value.'
                  : f.description
              }
              required={!f.optional}
              {...form.getInputProps(`config.${f.key}`)}
              value={values.config[f.key] ?? ''}
            />
          );
        })}
        <Group>
          <Button type="submit" loading={submitting}>
            Save
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
