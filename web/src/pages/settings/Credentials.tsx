import { Button, Group, Paper, PasswordInput, Select, Stack, Table, Text, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQuery } from 'urql';
import { ConfirmButton } from '../../components/ConfirmButton';
import { Page } from '../../components/Page';
import { Empty, FormAlert, QueryView } from '../../components/States';
import { graphql } from '../../gql';
import type { ServiceProvider } from '../../gql/graphql';
import { useFormSubmit } from '../../lib/form';
import { enumLabel, prettyJson, relativeTime } from '../../lib/format';
import { act } from '../../lib/notify';
import { atLeast, useProject } from '../../lib/project';
import * as v from '../../lib/validate';

const PROVIDERS: ServiceProvider[] = ['SENDGRID', 'TWILIO', 'SLACK', 'DISCORD', 'GENERIC'];

const CredentialsQuery = graphql(`
  query ServiceCredentials($projectId: ID!) {
    serviceCredentials(projectId: $projectId, first: 200) {
      totalCount
      nodes {
        id
        name
        provider
        meta
        updatedAt
      }
    }
  }
`);

const CreateCredentialMutation = graphql(`
  mutation CreateServiceCredential($input: CreateServiceCredentialInput!) {
    createServiceCredential(input: $input) {
      id
    }
  }
`);

const DeleteCredentialMutation = graphql(`
  mutation DeleteServiceCredential($id: ID!) {
    deleteServiceCredential(id: $id)
  }
`);

export function Credentials() {
  const project = useProject();
  const admin = atLeast(project.viewerLevel, 'PROJECT_ADMIN');
  const [result, refetch] = useQuery({ query: CredentialsQuery, variables: { projectId: project.id } });
  const [, create] = useMutation(CreateCredentialMutation);
  const [, remove] = useMutation(DeleteCredentialMutation);
  const reload = () => refetch({ requestPolicy: 'network-only' });
  const form = useForm({
    initialValues: { name: '', provider: 'GENERIC' as ServiceProvider, secret: '', meta: '' },
    validate: {
      name: (value) => v.name(value),
      secret: (value) => v.required(value, 'Secret'),
      meta: (value) => (value.trim() ? v.jsonObject(value, 'Settings') : null),
    },
  });
  const { general, submit, submitting } = useFormSubmit(form);
  const onSubmit = form.onSubmit(async (values) => {
    const data = await submit(() =>
      create({
        input: { projectId: project.id, name: values.name.trim(), provider: values.provider, secret: values.secret, meta: values.meta.trim() ? JSON.parse(values.meta) : undefined },
      }),
    );
    if (data) {
      form.reset();
      reload();
    }
  });
  const nodes = result.data?.serviceCredentials.nodes ?? [];
  return (
    <Page title="Service credentials" description="Tokens and keys that providers and actions use (SendGrid, Twilio, Slack…). Stored encrypted; never shown again.">
      <QueryView result={result} retry={reload} isEmpty={nodes.length === 0} empty={<Empty title="No service credentials yet" />}>
        {() => (
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Name</Table.Th>
                <Table.Th>Provider</Table.Th>
                <Table.Th>Settings</Table.Th>
                <Table.Th>Updated</Table.Th>
                <Table.Th>
                  <span className="sr-only">Actions</span>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {nodes.map((c) => (
                <Table.Tr key={c.id}>
                  <Table.Td>{c.name}</Table.Td>
                  <Table.Td>{enumLabel(c.provider)}</Table.Td>
                  <Table.Td>
                    <Text size="xs" className="mono" style={{ whiteSpace: 'pre-wrap' }}>
                      {prettyJson(c.meta)}
                    </Text>
                  </Table.Td>
                  <Table.Td>{relativeTime(c.updatedAt)}</Table.Td>
                  <Table.Td>
                    {admin && (
                      <ConfirmButton
                        aria-label={`Delete ${c.name}`}
                        title={`Delete ${c.name}?`}
                        message="Providers and actions that use it will fail."
                        onConfirm={async () => {
                          if (await act(() => remove({ id: c.id }), 'Credential deleted')) reload();
                        }}
                      >
                        Delete
                      </ConfirmButton>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </QueryView>
      {admin ? (
        <Paper withBorder p="md" maw={560}>
          <form onSubmit={onSubmit} noValidate aria-label="New service credential">
            <Stack>
              <Text fw={600}>New credential</Text>
              <FormAlert messages={general} />
              <TextInput label="Name" required data-shortcut="new" {...form.getInputProps('name')} />
              <Select label="Provider" allowDeselect={false} data={PROVIDERS.map((p) => ({ value: p, label: enumLabel(p) }))} {...form.getInputProps('provider')} />
              <PasswordInput label="Secret" description="The token or key" required autoComplete="off" {...form.getInputProps('secret')} />
              <Textarea label="Settings (JSON)" description='Optional, for example {"accountSid": "AC…", "from": "+15550100"}' autosize minRows={2} className="mono" {...form.getInputProps('meta')} />
              <Group>
                <Button type="submit" loading={submitting}>
                  Add credential
                </Button>
              </Group>
            </Stack>
          </form>
        </Paper>
      ) : (
        <Text size="sm" c="dimmed">
          Project admins manage service credentials.
        </Text>
      )}
    </Page>
  );
}
