import { Alert, Badge, Button, CopyButton, Group, NumberInput, Paper, Select, Stack, Switch, Table, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { ConfirmButton } from '../../components/ConfirmButton';
import { Page } from '../../components/Page';
import { ScrollRegion } from '../../components/ScrollRegion';
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
      rateLimitMax
      rateLimitWindowSeconds
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
    initialValues: { name: '', permission: 'WRITE' as ApiKeyPermission, projectId: '' as string | null, expiresAt: '', rateLimitMax: '' as number | string, rateLimitWindowSeconds: '' as number | string },
    validate: {
      name: (value) => v.name(value),
      rateLimitMax: (value, values) =>
        value === '' ? (values.rateLimitWindowSeconds === '' ? null : 'Give the number of requests too, or clear both') : v.intInRange(value, 1, 1_000_000, 'Requests'),
      rateLimitWindowSeconds: (value, values) =>
        value === '' ? (values.rateLimitMax === '' ? null : 'Give the window too, or clear both') : v.intInRange(value, 1, 86_400 * 31, 'The window'),
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
          rateLimitMax: values.rateLimitMax === '' ? undefined : Number(values.rateLimitMax),
          rateLimitWindowSeconds: values.rateLimitWindowSeconds === '' ? undefined : Number(values.rateLimitWindowSeconds),
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
            <KeyBox value={created.key} />
          </Stack>
        </Alert>
      )}
      <QueryView result={result} retry={reload} isEmpty={keys.length === 0} empty={<Empty title="No API keys yet">Create one for scripts and CI.</Empty>}>
        {() => (
          <ScrollRegion label="API keys" minWidth={560}>
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
                    {k.lastRequest ? (
                      <span title={dateTime(k.lastRequest)}>
                        {relativeTime(k.lastRequest)} · {k.requestCount} {k.requestCount === 1 ? 'request' : 'requests'}
                      </span>
                    ) : (
                      'Never used'
                    )}
                    {k.rateLimitMax != null && k.rateLimitWindowSeconds != null && (
                      <Text size="xs" c="dimmed">
                        at most {k.rateLimitMax} per {windowLabel(k.rateLimitWindowSeconds)}
                      </Text>
                    )}
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
          </ScrollRegion>
        )}
      </QueryView>
      <Paper withBorder p="md" maw={560}>
        <form onSubmit={onSubmit} noValidate aria-label="New API key">
          <Stack>
            <Text fw={600}>New key</Text>
            <FormAlert messages={general} />
            <TextInput label="Name" required data-shortcut="new" {...form.getInputProps('name')} />
            <Select
              label="Permission"
              allowDeselect={false}
              data={PERMISSIONS.map((p) => ({ value: p, label: { READ: 'Read (queries)', WRITE: 'Write (queries and changes)', ADMIN: 'Admin (everything you may do)' }[p] }))}
              {...form.getInputProps('permission')}
            />
            <Select label="Project" placeholder="Every project" clearable data={projects} {...form.getInputProps('projectId')} />
            <TextInput label="Expires" type="date" {...form.getInputProps('expiresAt')} />
            <Group grow align="flex-start">
              <NumberInput label="Rate limit: requests" description="Optional; both or neither." min={1} max={1_000_000} allowDecimal={false} {...form.getInputProps('rateLimitMax')} />
              <NumberInput label="Per (seconds)" description="60 for a minute, 3600 an hour." min={1} max={86_400 * 31} allowDecimal={false} {...form.getInputProps('rateLimitWindowSeconds')} />
            </Group>
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

/** "minute", "5 minutes", "hour", "90 seconds". */
function windowLabel(seconds: number): string {
  const units: [number, string][] = [
    [86_400, 'day'],
    [3600, 'hour'],
    [60, 'minute'],
  ];
  for (const [size, unit] of units) {
    if (seconds % size === 0) {
      const n = seconds / size;
      return n === 1 ? unit : `${n} ${unit}s`;
    }
  }
  return seconds === 1 ? 'second' : `${seconds} seconds`;
}

/**
 * The new key, shown once. In a font stack whose underscores show at this size, with room
 * under the line so that no font clips them: a key is full of them.
 */
function KeyBox({ value }: { value: string }) {
  return (
    <Group gap="xs" wrap="nowrap" align="flex-end">
      <TextInput
        label="API key"
        value={value}
        readOnly
        style={{ flex: 1, minWidth: 0 }}
        onFocus={(e) => e.currentTarget.select()}
        data-testid="api-key-value"
        styles={{
          input: {
            fontFamily: "'DejaVu Sans Mono', 'Liberation Mono', Menlo, Consolas, 'Courier New', monospace",
            lineHeight: 1.8,
            height: 'auto',
            paddingBlock: 6,
          },
        }}
      />
      <CopyButton value={value} timeout={2000}>
        {({ copied, copy }) => (
          <Button variant="default" onClick={copy} aria-label={copied ? 'API key copied' : 'Copy API key'} color={copied ? 'teal' : undefined}>
            {copied ? 'Copied' : 'Copy'}
          </Button>
        )}
      </CopyButton>
    </Group>
  );
}
