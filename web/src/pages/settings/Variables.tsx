import { Badge, Button, Checkbox, Group, Paper, Stack, Table, Text, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQuery } from 'urql';
import { ConfirmButton } from '../../components/ConfirmButton';
import { Page } from '../../components/Page';
import { Empty, FormAlert, QueryView } from '../../components/States';
import { graphql } from '../../gql';
import { useFormSubmit } from '../../lib/form';
import { act } from '../../lib/notify';
import { atLeast, useProject } from '../../lib/project';
import * as v from '../../lib/validate';
import { useState } from 'react';

const VariablesQuery = graphql(`
  query ProjectVariables($projectId: ID!) {
    projectVariables(projectId: $projectId, first: 200) {
      totalCount
      nodes {
        id
        key
        value
        isSecret
        description
        updatedAt
      }
    }
  }
`);

const CreateVariableMutation = graphql(`
  mutation CreateProjectVariable($input: CreateProjectVariableInput!) {
    createProjectVariable(input: $input) {
      id
    }
  }
`);

const UpdateVariableMutation = graphql(`
  mutation UpdateProjectVariable($id: ID!, $input: UpdateProjectVariableInput!) {
    updateProjectVariable(id: $id, input: $input) {
      id
      value
    }
  }
`);

const DeleteVariableMutation = graphql(`
  mutation DeleteProjectVariable($id: ID!) {
    deleteProjectVariable(id: $id)
  }
`);

export function Variables() {
  const project = useProject();
  const [result, refetch] = useQuery({ query: VariablesQuery, variables: { projectId: project.id } });
  const [, create] = useMutation(CreateVariableMutation);
  const [, remove] = useMutation(DeleteVariableMutation);
  const reload = () => refetch({ requestPolicy: 'network-only' });
  const form = useForm({
    initialValues: { key: '', value: '', isSecret: false, description: '' },
    validate: { key: v.variableKey, value: (value) => v.required(value, 'Value') },
  });
  const { general, submit, submitting } = useFormSubmit(form);
  const onSubmit = form.onSubmit(async (values) => {
    const data = await submit(() =>
      create({ input: { projectId: project.id, key: values.key.trim(), value: values.value, isSecret: values.isSecret, description: values.description.trim() || undefined } }),
    );
    if (!data) return;
    form.reset();
    reload();
  });
  const editor = atLeast(project.viewerLevel, 'PROJECT_EDITOR');
  const nodes = result.data?.projectVariables.nodes ?? [];
  return (
    <Page title="Variables & secrets" description="Values that tests, actions and templates read. Secrets are encrypted and never shown again.">
      <QueryView result={result} retry={reload} isEmpty={nodes.length === 0} empty={<Empty title="No variables yet" />}>
        {() => (
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Key</Table.Th>
                <Table.Th>Value</Table.Th>
                <Table.Th>Description</Table.Th>
                <Table.Th>
                  <span className="sr-only">Actions</span>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {nodes.map((n) => (
                <Table.Tr key={n.id}>
                  <Table.Td className="mono">{n.key}</Table.Td>
                  <Table.Td>{n.isSecret ? <Badge variant="light">secret</Badge> : <Text className="mono" size="sm">{n.value}</Text>}</Table.Td>
                  <Table.Td>{n.description}</Table.Td>
                  <Table.Td>
                    {editor && (
                      <Group gap="xs" wrap="nowrap">
                        <EditValue id={n.id} name={n.key} secret={n.isSecret} onSaved={reload} />
                        <ConfirmButton
                          aria-label={`Delete ${n.key}`}
                          title={`Delete ${n.key}?`}
                          message="Anything that reads it will no longer find it."
                          onConfirm={async () => {
                            if (await act(() => remove({ id: n.id }), 'Variable deleted')) reload();
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
      </QueryView>
      {editor && (
        <Paper withBorder p="md" maw={560}>
          <form onSubmit={onSubmit} noValidate aria-label="New variable">
            <Stack>
              <Text fw={600}>New variable</Text>
              <FormAlert messages={general} />
              <TextInput label="Key" required placeholder="API_BASE_URL" data-shortcut="new" {...form.getInputProps('key')} />
              <Textarea label="Value" required autosize minRows={1} {...form.getInputProps('value')} />
              <Checkbox label="Secret (project admins; encrypted, write-only)" {...form.getInputProps('isSecret', { type: 'checkbox' })} />
              <TextInput label="Description" {...form.getInputProps('description')} />
              <Group>
                <Button type="submit" loading={submitting}>
                  Add variable
                </Button>
              </Group>
            </Stack>
          </form>
        </Paper>
      )}
    </Page>
  );
}

function EditValue({ id, name, secret, onSaved }: { id: string; name: string; secret: boolean; onSaved: () => void }) {
  const [open, setOpen] = useState(false);
  const [, update] = useMutation(UpdateVariableMutation);
  const form = useForm({ initialValues: { value: '' }, validate: { value: (value) => v.required(value, 'Value') } });
  const { general, submit, submitting } = useFormSubmit(form);
  if (!open) {
    return (
      <Button size="xs" variant="subtle" onClick={() => setOpen(true)} aria-label={`Change ${name}`}>
        {secret ? 'Replace' : 'Change'}
      </Button>
    );
  }
  return (
    <form
      noValidate
      onSubmit={form.onSubmit(async (values) => {
        if (await submit(() => update({ id, input: { value: values.value } }))) {
          setOpen(false);
          onSaved();
        }
      })}
    >
      <Group gap="xs" wrap="nowrap" align="flex-start">
        <TextInput size="xs" aria-label={`New value of ${name}`} autoFocus {...form.getInputProps('value')} error={form.errors.value ?? general[0]} />
        <Button size="xs" type="submit" loading={submitting}>
          Save
        </Button>
        <Button size="xs" variant="default" onClick={() => setOpen(false)}>
          Cancel
        </Button>
      </Group>
    </form>
  );
}
