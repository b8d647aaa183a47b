import { Button, Group, Paper, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useNavigate } from 'react-router';
import { useMutation } from 'urql';
import { ConfirmButton } from '../../components/ConfirmButton';
import { Page } from '../../components/Page';
import { FormAlert } from '../../components/States';
import { graphql } from '../../gql';
import { useFormSubmit } from '../../lib/form';
import { act } from '../../lib/notify';
import { atLeast, useProject } from '../../lib/project';
import * as v from '../../lib/validate';
import { useWorkspace } from '../../lib/workspace';

const UpdateProjectMutation = graphql(`
  mutation UpdateProject($id: ID!, $input: UpdateProjectInput!) {
    updateProject(id: $id, input: $input) {
      id
      name
      slug
      description
      status
    }
  }
`);

const DeleteProjectMutation = graphql(`
  mutation DeleteProject($id: ID!) {
    deleteProject(id: $id)
  }
`);

export function General() {
  const project = useProject();
  const navigate = useNavigate();
  const { refresh } = useWorkspace();
  const [, update] = useMutation(UpdateProjectMutation);
  const [, remove] = useMutation(DeleteProjectMutation);
  const canEdit = atLeast(project.viewerLevel, 'PROJECT_ADMIN');
  const orgAdmin = atLeast(project.viewerLevel, 'ORG_ADMIN');
  const form = useForm({
    initialValues: { name: project.name, slug: project.slug, description: project.description ?? '' },
    validate: { name: (value) => v.name(value) },
  });
  const { general, submit, submitting } = useFormSubmit(form);
  const onSubmit = form.onSubmit(async (values) => {
    if (await submit(() => update({ id: project.id, input: { name: values.name.trim(), slug: values.slug.trim(), description: values.description } }))) refresh();
  });
  return (
    <Page title="Project settings">
      <Paper withBorder p="md" maw={520}>
        <form onSubmit={onSubmit} noValidate aria-label="Project settings">
          <Stack>
            <FormAlert messages={general} />
            <TextInput label="Name" required disabled={!canEdit} {...form.getInputProps('name')} />
            <TextInput label="Slug" disabled={!canEdit} {...form.getInputProps('slug')} />
            <TextInput label="Description" disabled={!canEdit} {...form.getInputProps('description')} />
            {canEdit && (
              <Group>
                <Button type="submit" loading={submitting}>
                  Save
                </Button>
              </Group>
            )}
          </Stack>
        </form>
      </Paper>
      {orgAdmin && !project.isDefault && (
        <Paper withBorder p="md" maw={520}>
          <Stack align="flex-start">
            <Text fw={600}>Delete the project</Text>
            <Text size="sm" c="dimmed">
              Deletes its monitors, callbacks and settings. This cannot be undone.
            </Text>
            <ConfirmButton
              variant="light"
              title={`Delete ${project.name}?`}
              message="Everything in it is deleted for good."
              onConfirm={async () => {
                if (await act(() => remove({ id: project.id }), 'Project deleted')) {
                  refresh();
                  navigate('/');
                }
              }}
            >
              Delete project
            </ConfirmButton>
          </Stack>
        </Paper>
      )}
    </Page>
  );
}
