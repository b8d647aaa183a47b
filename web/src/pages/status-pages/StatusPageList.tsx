import { Anchor, Badge, Group, Paper, Stack, Table, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { Link, useNavigate } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { Page } from '../../components/Page';
import { LimitedButton } from '../../components/PlanLimit';
import { Empty, FormAlert, QueryView } from '../../components/States';
import { useFormSubmit } from '../../lib/form';
import { atLeast, useProject } from '../../lib/project';
import * as v from '../../lib/validate';
import { ComponentStatusBadge } from './ComponentStatusBadge';
import { CreateStatusPageMutation, StatusPagesQuery } from './operations';
import { overallStatus } from './preview';
import { subdomain } from './settingsForm';

export default function StatusPageList() {
  const project = useProject();
  const [result, refetch] = useQuery({ query: StatusPagesQuery, variables: { projectId: project.id } });
  const reload = () => refetch({ requestPolicy: 'network-only' });
  const editor = atLeast(project.viewerLevel, 'PROJECT_EDITOR');
  const pages = result.data?.statusPages.nodes ?? [];
  return (
    <Page title="Status pages" description="Public pages that show your components’ status, incidents and maintenance.">
      <QueryView
        result={result}
        retry={reload}
        isEmpty={pages.length === 0}
        empty={<Empty title="No status pages yet">A status page tells your users what works right now, from the monitors you link to its components.</Empty>}
      >
        {() => (
          <Table striped data-testid="status-page-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Name</Table.Th>
                <Table.Th>State</Table.Th>
                <Table.Th>Public URL</Table.Th>
                <Table.Th>Custom domain</Table.Th>
                <Table.Th>Components</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {pages.map((p) => (
                <Table.Tr key={p.id} data-testid={`status-page-row-${p.name}`}>
                  <Table.Td>
                    <Anchor component={Link} to={`${p.id}/components`}>
                      {p.name}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>
                    <Badge color={p.published ? 'teal' : 'gray'} variant="light">
                      {p.published ? 'Published' : 'Draft'}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    {p.published ? (
                      <Anchor href={p.url} target="_blank" rel="noopener noreferrer" className="mono" size="sm">
                        {p.url}
                      </Anchor>
                    ) : (
                      <Text size="sm" className="mono" c="dimmed">
                        {p.url}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    {p.customDomain ? (
                      <Group gap={6} wrap="nowrap">
                        <Text size="sm" className="mono">
                          {p.customDomain}
                        </Text>
                        <Badge color={p.customDomainVerified ? 'teal' : 'yellow'} variant="light">
                          {p.customDomainVerified ? 'Verified' : 'Not verified'}
                        </Badge>
                      </Group>
                    ) : (
                      <Text size="sm" c="dimmed">
                        None
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Group gap={6} wrap="nowrap">
                      <Text size="sm">{p.components.length}</Text>
                      {p.components.length > 0 && <ComponentStatusBadge status={overallStatus(p.components.map((c) => c.status))} />}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </QueryView>
      {editor && <NewStatusPage />}
    </Page>
  );
}

function NewStatusPage() {
  const project = useProject();
  const navigate = useNavigate();
  const [, create] = useMutation(CreateStatusPageMutation);
  const form = useForm({
    initialValues: { name: '', subdomain: '' },
    validate: { name: (value) => v.name(value), subdomain: (value) => subdomain(value, false) },
  });
  const { general, submit, submitting } = useFormSubmit(form);
  const onSubmit = form.onSubmit(async (values) => {
    const data = await submit(() =>
      create({ input: { projectId: project.id, name: values.name.trim(), subdomain: values.subdomain.trim().toLowerCase() || undefined } }),
    );
    if (data) navigate(`${data.createStatusPage.id}/components`);
  });
  return (
    <Paper withBorder p="md" maw={520}>
      <form onSubmit={onSubmit} noValidate aria-label="New status page">
        <Stack>
          <Text fw={600}>New status page</Text>
          <FormAlert messages={general} />
          <TextInput label="Name" required data-shortcut="new" {...form.getInputProps('name')} />
          <TextInput
            label="Subdomain"
            description="The page's address: /status/your-subdomain. Leave it empty to make one from the name."
            placeholder="acme"
            {...form.getInputProps('subdomain')}
          />
          <Group>
            <LimitedButton organizationId={project.organizationId} kind="STATUS_PAGES" type="submit" loading={submitting}>
              Create status page
            </LimitedButton>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
