import { Alert, Badge, Button, Group, Paper, Select, Stack, Switch, Table, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { ConfirmButton } from '../../components/ConfirmButton';
import { CopyField } from '../../components/CopyField';
import { Page } from '../../components/Page';
import { Empty, FormAlert, QueryView } from '../../components/States';
import { graphql } from '../../gql';
import type { ApiKeyPermission } from '../../gql/graphql';
import { useFormSubmit } from '../../lib/form';
import { dateTime, enumLabel, relativeTime } from '../../lib/format';
import { act } from '../../lib/notify';
import * as v from '../../lib/validate';
import { useWorkspace } from '../../lib/workspace';

const ApiKeysQuery = graphql(`
  query ApiKeys {
    apiKeys {
      id
      name
      start
      permission
      projectId
      jobId
      enabled
      expiresAt
      lastRequest
      requestCount
      createdAt
    }
  }
`);

const CreateApiKeyMutation = graphql(`
  mutation CreateApiKey($input: CreateApiKeyInput!) {
    createApiKey(input: $input) {
      key
      apiKey {
        id
        name
      }
    }
  }
`);

const UpdateApiKeyMutation = graphql(`
  mutation UpdateApiKey($id: ID!, $input: UpdateApiKeyInput!) {
    updateApiKey(id: $id, input: $input) {
      id
      enabled
    }
  }
`);

const DeleteApiKeyMutation = graphql(`
  mutation DeleteApiKey($id: ID!) {
    deleteApiKey(id: $id)
  }
`);

const PERMISSIONS: ApiKeyPermission[] = ['READ', 'WRITE', 'ADMIN'];

export function ApiKeys() {
  const { organizations } = useWorkspace();
  const [result, refetch] = useQuery({ query: ApiKeysQuery });
  const [, create] = useMutation(CreateApiKeyMutation);
  const [, update] = useMutation(UpdateApiKeyMutation);
  const [, remove] = useMutation(DeleteApiKeyMutation);
  const [created, setCreated] = useState<{ name: string; key: string } | null>(null);
  const reload = () => refetch({ requestPolicy: 'network-only' });
  const projects = organizations.flatMap((o) => o.projects.map((p) => ({ value: p.id, label: `${o.name} / ${p.name}` })));
  const form = useForm({
    initialValues: { name: '', permission: 'WRITE' as ApiKeyPermission, projectId: '' as string | null, expiresAt: '' },
    validate: {
      name: (value) => v.name(value),
      expiresAt: (value) => (value && !(new Date(value).getTime() > Date.now()) ? 'Choose a date in the future' : null),
    },
  });
  const { general, submit, submitting } = useFormSubmit(form);
  const onSubmit = form.onSubmit(async (values) => {
    const data = await submit(() =>
      create({
        input: {
          name: values.name.trim(),
          permission: values.permission,
          projectId: values.projectId || undefined,
          expiresAt: values.expiresAt ? new Date(values.expiresAt).toISOString() : undefined,
        },
      }),
    );
    if (!data) return;
    setCreated({ name: data.createApiKey.apiKey.name, key: data.createApiKey.key });
    form.reset();
    reload();
  });
  const keys = result.data?.apiKeys ?? [];
  const projectName = (id: string | null | undefined) => projects.find((p) => p.value === id)?.label ?? 'a project';
  return (
    <Page title="API keys" description="Keys act as you, limited to their permission and, optionally, to one project. Send them as Authorization: Bearer.">
      {created && (
        <Alert color="teal" title={`Key “${created.name}” created`} withCloseButton onClose={() => setCreated(null)} data-testid="new-api-key">
          <Stack gap="xs">
            <Text size="sm">Copy it now: it is shown only this once.</Text>
            <CopyField label="API key" value={created.key} />
          </Stack>
        </Alert>
      )}
      <QueryView result={result} retry={reload} isEmpty={keys.length === 0} empty={<Empty title="No API keys yet">Create one for scripts and CI.</Empty>}>
        {() => (
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Name</Table.Th>
                <Table.Th>Key</Table.Th>
                <Table.Th>Permission</Table.Th>
                <Table.Th>Last used</Table.Th>
                <Table.Th>Enabled</Table.Th>
                <Table.Th>
                  <span className="sr-only">Actions</span>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {keys.map((k) => (
                <Table.Tr key={k.id}>
                  <Table.Td>
                    {k.name}
                    {k.expiresAt && (
                      <Text size="xs" c="dimmed">
                        expires {dateTime(k.expiresAt)}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td className="mono">{k.start}…</Table.Td>
                  <Table.Td>
                    <Badge variant="light">{enumLabel(k.permission)}</Badge> {k.projectId && <Text span size="xs">{projectName(k.projectId)}</Text>}
                    {k.jobId && (
                      <Text span size="xs">
                        {' '}
                        (one job only: triggers it and reads its runs)
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    {relativeTime(k.lastRequest)} ({k.requestCount})
                  </Table.Td>
                  <Table.Td>
                    <Switch aria-label={`${k.name} enabled`} checked={k.enabled} onChange={(e) => void act(() => update({ id: k.id, input: { enabled: e.currentTarget.checked } })).then(reload)} />
                  </Table.Td>
                  <Table.Td>
                    <ConfirmButton
                      aria-label={`Delete ${k.name}`}
                      title={`Delete ${k.name}?`}
                      message="Scripts using it stop working at once."
                      onConfirm={async () => {
                        if (await act(() => remove({ id: k.id }), 'Key deleted')) reload();
                      }}
                    >
                      Delete
                    </ConfirmButton>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </QueryView>
      <Paper withBorder p="md" maw={560}>
        <form onSubmit={onSubmit} noValidate aria-label="New API key">
          <Stack>
            <Text fw={600}>New key</Text>
            <FormAlert messages={general} />
            <TextInput label="Name" required {...form.getInputProps('name')} />
            <Select
              label="Permission"
              allowDeselect={false}
              data={PERMISSIONS.map((p) => ({ value: p, label: { READ: 'Read (queries)', WRITE: 'Write (queries and changes)', ADMIN: 'Admin (everything you may do)' }[p] }))}
              {...form.getInputProps('permission')}
            />
            <Select label="Project" placeholder="Every project" clearable data={projects} {...form.getInputProps('projectId')} />
            <TextInput label="Expires" type="date" {...form.getInputProps('expiresAt')} />
            <Group>
              <Button type="submit" loading={submitting}>
                Create key
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>
    </Page>
  );
}
