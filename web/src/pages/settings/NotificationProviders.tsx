import { Anchor, Badge, Button, Group, Modal, Paper, PasswordInput, Select, Stack, Switch, Table, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { Link } from 'react-router';
import { useMutation, useQuery, type UseQueryState } from 'urql';
import { ConfirmButton } from '../../components/ConfirmButton';
import { Page } from '../../components/Page';
import { ScrollRegion } from '../../components/ScrollRegion';
import { SecretShownOnce } from '../../components/SecretShownOnce';
import { Empty, FormAlert, QueryView } from '../../components/States';
import { graphql } from '../../gql';
import type { NotificationProviderType, ProviderFieldsFragment } from '../../gql/graphql';
import { useFormSubmit } from '../../lib/form';
import { enumLabel } from '../../lib/format';
import { act, notifyError } from '../../lib/notify';
import { atLeast, useProject } from '../../lib/project';
import { PROVIDER_FIELDS, PROVIDER_TYPES, changedProviderConfig, providerConfig, validateProviderConfig } from './providers';
import * as v from '../../lib/validate';

graphql(`
  fragment ProviderFields on NotificationProvider {
    id
    name
    type
    isEnabled
    config
    projectId
    organizationId
  }
`);

/** A project's providers and its organization's organization-wide ones: what it may link. */
export const ProvidersQuery = graphql(`
  query NotificationProviders($projectId: ID!) {
    notificationProviders(projectId: $projectId, includeOrganizationWide: true, first: 200) {
      totalCount
      nodes {
        ...ProviderFields
      }
    }
  }
`);

const OrganizationProvidersQuery = graphql(`
  query OrganizationNotificationProviders($organizationId: ID!) {
    organizationNotificationProviders(organizationId: $organizationId, first: 200) {
      totalCount
      nodes {
        ...ProviderFields
      }
    }
  }
`);

/** A provider's name as pickers show it: organization-wide ones say so. */
export function providerLabel(p: { name: string; projectId?: string | null }): string {
  return p.projectId ? p.name : `${p.name} (organization)`;
}

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

/** A project's providers; its organization's organization-wide ones are listed, changed on the organization's page. */
export function NotificationProviders() {
  const project = useProject();
  const [result, refetch] = useQuery({ query: ProvidersQuery, variables: { projectId: project.id } });
  const nodes = result.data?.notificationProviders.nodes ?? [];
  return (
    <ProviderSettings
      title="Notification providers"
      description="Where monitor and job alerts go. Secret settings are stored encrypted and shown masked. Providers marked organization are shared by every project of the organization and managed in its settings."
      result={result}
      nodes={nodes}
      reload={() => refetch({ requestPolicy: 'network-only' })}
      canCreate={atLeast(project.viewerLevel, 'PROJECT_EDITOR')}
      canChange={(p) => !!p.projectId && atLeast(project.viewerLevel, 'PROJECT_EDITOR')}
      owner={{ projectId: project.id }}
      organizationPath={`/organizations/${project.organizationId}/notifications`}
    />
  );
}

/** The organization-wide providers of an organization: every project may link them; organization admins change them. */
export function OrganizationNotificationProviders({ orgId, name, admin }: { orgId: string; name: string; admin: boolean }) {
  const [result, refetch] = useQuery({ query: OrganizationProvidersQuery, variables: { organizationId: orgId } });
  const nodes = result.data?.organizationNotificationProviders.nodes ?? [];
  return (
    <ProviderSettings
      title={`${name}: notification providers`}
      description={
        admin
          ? 'Organization-wide channels: monitors and jobs of every project may alert through them. Secret settings are stored encrypted and shown masked.'
          : 'Organization-wide channels: monitors and jobs of every project may alert through them. Organization admins add and change them.'
      }
      result={result}
      nodes={nodes}
      reload={() => refetch({ requestPolicy: 'network-only' })}
      canCreate={admin}
      canChange={() => admin}
      owner={{ organizationId: orgId }}
    />
  );
}

type Provider = ProviderFieldsFragment;

function ProviderSettings({
  title,
  description,
  result,
  nodes,
  reload,
  canCreate,
  canChange,
  owner,
  organizationPath,
}: {
  title: string;
  description: string;
  result: UseQueryState<unknown>;
  nodes: readonly Provider[];
  reload: () => void;
  canCreate: boolean;
  canChange: (p: Provider) => boolean;
  owner: { projectId: string } | { organizationId: string };
  organizationPath?: string;
}) {
  const [, create] = useMutation(CreateProviderMutation);
  const [, update] = useMutation(UpdateProviderMutation);
  const [, remove] = useMutation(DeleteProviderMutation);
  const [, test] = useMutation(TestProviderMutation);
  const [testing, setTesting] = useState<string | null>(null);
  const [editing, setEditing] = useState<Provider | null>(null);
  const [generated, setGenerated] = useState<{ name: string; secret: string } | null>(null);
  const showGenerated = (saved: { name: string; generatedSecret?: string | null }) =>
    setGenerated(saved.generatedSecret ? { name: saved.name, secret: saved.generatedSecret } : null);
  const form = useForm({
    initialValues: { name: '', type: 'SLACK' as NotificationProviderType, config: {} as Record<string, string> },
    validate: (values) => ({ ...v.collect({ name: v.name(values.name) }), ...validateProviderConfig(values.type, values.config) }),
  });
  const { general, submit, submitting } = useFormSubmit(form);
  const values = form.getValues();
  const onSubmit = form.onSubmit(async (vals) => {
    const data = await submit(() =>
      create({ input: { ...owner, name: vals.name.trim(), type: vals.type, config: providerConfig(vals.type, vals.config) } }),
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
  return (
    <Page title={title} description={description}>
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
                      disabled={!canChange(p)}
                      onChange={(e) => void act(() => update({ id: p.id, input: { isEnabled: e.currentTarget.checked } })).then(reload)}
                    />
                  </Table.Td>
                  <Table.Td>
                    {canChange(p) ? (
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
                          message={p.projectId ? 'Monitors and jobs that use it stop alerting through it.' : 'Monitors and jobs of every project that use it stop alerting through it.'}
                          onConfirm={async () => {
                            if (await act(() => remove({ id: p.id }), 'Provider deleted')) reload();
                          }}
                        >
                          Delete
                        </ConfirmButton>
                      </Group>
                    ) : (
                      !p.projectId &&
                      organizationPath && (
                        <Anchor component={Link} to={organizationPath} size="sm">
                          Organization settings
                        </Anchor>
                      )
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
      {canCreate && (
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
