import { Badge, Button, ColorInput, Group, Paper, Stack, Table, Text, TextInput } from '@mantine/core';
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

export const TagsQuery = graphql(`
  query Tags($projectId: ID!) {
    tags(projectId: $projectId, first: 200) {
      totalCount
      nodes {
        id
        name
        color
      }
    }
  }
`);

const CreateTagMutation = graphql(`
  mutation CreateTag($input: CreateTagInput!) {
    createTag(input: $input) {
      id
    }
  }
`);

const DeleteTagMutation = graphql(`
  mutation DeleteTag($id: ID!) {
    deleteTag(id: $id)
  }
`);

export function Tags() {
  const project = useProject();
  const [result, refetch] = useQuery({ query: TagsQuery, variables: { projectId: project.id } });
  const [, create] = useMutation(CreateTagMutation);
  const [, remove] = useMutation(DeleteTagMutation);
  const reload = () => refetch({ requestPolicy: 'network-only' });
  const form = useForm({ initialValues: { name: '', color: '#4263eb' }, validate: { name: (value) => v.name(value), color: v.color } });
  const { general, submit, submitting } = useFormSubmit(form);
  const onSubmit = form.onSubmit(async (values) => {
    if (await submit(() => create({ input: { projectId: project.id, name: values.name.trim(), color: values.color || undefined } }))) {
      form.reset();
      reload();
    }
  });
  const editor = atLeast(project.viewerLevel, 'PROJECT_EDITOR');
  const nodes = result.data?.tags.nodes ?? [];
  return (
    <Page title="Tags" description="Labels to group and filter monitors.">
      <QueryView result={result} retry={reload} isEmpty={nodes.length === 0} empty={<Empty title="No tags yet" />}>
        {() => (
          <Table striped maw={640}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Tag</Table.Th>
                <Table.Th>Colour</Table.Th>
                <Table.Th>
                  <span className="sr-only">Actions</span>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {nodes.map((t) => (
                <Table.Tr key={t.id}>
                  <Table.Td>
                    <Badge color={t.color ?? 'gray'} variant="outline" autoContrast>
                      {t.name}
                    </Badge>
                  </Table.Td>
                  <Table.Td className="mono">{t.color}</Table.Td>
                  <Table.Td>
                    {editor && (
                      <ConfirmButton
                        aria-label={`Delete tag ${t.name}`}
                        title={`Delete the tag ${t.name}?`}
                        message="Monitors keep working; they lose the tag."
                        onConfirm={async () => {
                          if (await act(() => remove({ id: t.id }), 'Tag deleted')) reload();
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
      {editor && (
        <Paper withBorder p="md" maw={480}>
          <form onSubmit={onSubmit} noValidate aria-label="New tag">
            <Stack>
              <Text fw={600}>New tag</Text>
              <FormAlert messages={general} />
              <TextInput label="Name" required data-shortcut="new" {...form.getInputProps('name')} />
              <ColorInput label="Colour" format="hex" withEyeDropper={false} {...form.getInputProps('color')} />
              <Group>
                <Button type="submit" loading={submitting}>
                  Add tag
                </Button>
              </Group>
            </Stack>
          </form>
        </Paper>
      )}
    </Page>
  );
}
