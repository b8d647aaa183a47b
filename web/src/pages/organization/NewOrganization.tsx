import { Button, Paper, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useNavigate } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { Page } from '../../components/Page';
import { FormAlert } from '../../components/States';
import { graphql } from '../../gql';
import { useFormSubmit } from '../../lib/form';
import * as v from '../../lib/validate';
import { useWorkspace } from '../../lib/workspace';
import { Anchor, List, Text } from '@mantine/core';
import { Link } from 'react-router';

const CreateOrganizationMutation = graphql(`
  mutation CreateOrganization($input: CreateOrganizationInput!) {
    createOrganization(input: $input) {
      id
      name
      projects {
        id
        isDefault
      }
    }
  }
`);

const MyInvitationsQuery = graphql(`
  query MyInvitations {
    myInvitations {
      id
      organizationName
      role
    }
  }
`);

export default function NewOrganization() {
  const navigate = useNavigate();
  const { switchTo, refresh, organizations } = useWorkspace();
  const [, create] = useMutation(CreateOrganizationMutation);
  const [invitations] = useQuery({ query: MyInvitationsQuery });
  const form = useForm({
    initialValues: { name: '', slug: '' },
    validate: { name: (value) => v.name(value), slug: (value) => (value && !/^[a-z0-9-]{2,48}$/.test(value) ? 'Use 2-48 of a-z, 0-9 and -' : null) },
  });
  const { general, submit, submitting } = useFormSubmit(form);
  const onSubmit = form.onSubmit(async (values) => {
    const data = await submit(() => create({ input: { name: values.name.trim(), slug: values.slug.trim() || undefined } }));
    if (!data) return;
    refresh();
    const project = data.createOrganization.projects.find((p) => p.isDefault) ?? data.createOrganization.projects[0];
    if (project) await switchTo(data.createOrganization.id, project.id);
    else navigate(`/organizations/${data.createOrganization.id}/projects`);
  });
  const pending = invitations.data?.myInvitations ?? [];
  return (
    <Page
      title="Create an organization"
      description={
        organizations.length === 0
          ? 'Welcome to Vigil. An organization holds your projects and your team; it starts with a default project.'
          : 'An organization holds projects and a team; it starts with a default project.'
      }
    >
      {pending.length > 0 && (
        <Paper withBorder p="md">
          <Text fw={600}>You have been invited</Text>
          <List>
            {pending.map((i) => (
              <List.Item key={i.id}>
                <Anchor component={Link} to={`/invitations/${i.id}`}>
                  {i.organizationName}
                </Anchor>
              </List.Item>
            ))}
          </List>
        </Paper>
      )}
      <Paper withBorder p="md" maw={520}>
        <form onSubmit={onSubmit} noValidate>
          <Stack>
            <FormAlert messages={general} />
            <TextInput label="Name" required {...form.getInputProps('name')} />
            <TextInput label="Slug" description="Optional; derived from the name when empty" {...form.getInputProps('slug')} />
            <Button type="submit" loading={submitting}>
              Create organization
            </Button>
          </Stack>
        </form>
      </Paper>
    </Page>
  );
}
