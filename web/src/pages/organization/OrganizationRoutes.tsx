import { Anchor, Badge, Button, Code, Group, MultiSelect, Paper, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { Suspense, lazy, useMemo, useState } from 'react';
import { Link, Navigate, Route, Routes, useNavigate, useParams } from 'react-router';
import { useMutation, useQuery, useSubscription } from 'urql';
import { ConfirmButton } from '../../components/ConfirmButton';
import { Page } from '../../components/Page';
import { LimitedButton } from '../../components/PlanLimit';
import { Empty, FormAlert, Loading, NotFound, QueryView } from '../../components/States';
import { graphql } from '../../gql';
import type { AuditEntryFragment, OrgRole } from '../../gql/graphql';
import { useFormSubmit } from '../../lib/form';
import { dateTime, enumLabel, prependUnique, prettyJson, relativeTime } from '../../lib/format';
import { useRefetchOnReconnect } from '../../lib/live';
import { act } from '../../lib/notify';
import { useMe } from '../../lib/session';
import * as v from '../../lib/validate';
import { useWorkspace } from '../../lib/workspace';
import { OrganizationSso } from './Sso';

const BillingPage = lazy(() => import('./billing/BillingPage'));

const ROLES: OrgRole[] = ['ORG_OWNER', 'ORG_ADMIN', 'PROJECT_ADMIN', 'PROJECT_EDITOR', 'PROJECT_VIEWER'];
const roleOptions = ROLES.map((r) => ({ value: r, label: enumLabel(r) }));

export default function OrganizationRoutes() {
  const { orgId = '' } = useParams();
  const { organizations } = useWorkspace();
  const org = organizations.find((o) => o.id === orgId);
  if (!org) return <NotFound what="organization" />;
  return (
    <Routes>
      <Route index element={<Navigate to="projects" replace />} />
      <Route path="projects" element={<Projects orgId={orgId} />} />
      <Route path="members" element={<Members orgId={orgId} />} />
      <Route path="invitations" element={<Invitations orgId={orgId} />} />
      <Route path="audit-log" element={<AuditLog orgId={orgId} />} />
      <Route path="general" element={<General orgId={orgId} />} />
      <Route
        path="billing"
        element={
          <Suspense fallback={<Loading />}>
            <BillingPage orgId={orgId} />
          </Suspense>
        }
      />
      <Route path="*" element={<NotFound />} />
    </Routes>
  );
}

const isAdmin = (role: string | null | undefined) => role === 'ORG_OWNER' || role === 'ORG_ADMIN';

const CreateProjectMutation = graphql(`
  mutation CreateProject($input: CreateProjectInput!) {
    createProject(input: $input) {
      id
      name
    }
  }
`);

function Projects({ orgId }: { orgId: string }) {
  const { organizations, refresh, switchTo } = useWorkspace();
  const org = organizations.find((o) => o.id === orgId)!;
  const [, create] = useMutation(CreateProjectMutation);
  const form = useForm({
    initialValues: { name: '', slug: '', description: '' },
    validate: { name: (value) => v.name(value) },
  });
  const { general, submit, submitting } = useFormSubmit(form);
  const onSubmit = form.onSubmit(async (values) => {
    const data = await submit(() =>
      create({ input: { organizationId: orgId, name: values.name.trim(), slug: values.slug.trim() || undefined, description: values.description.trim() || undefined } }),
    );
    if (!data) return;
    form.reset();
    refresh();
    await switchTo(orgId, data.createProject.id);
  });
  return (
    <Page title={`${org.name}: projects`} description="Monitors, callbacks and settings live in a project.">
      <Table striped highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Project</Table.Th>
            <Table.Th>Status</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {org.projects.map((p) => (
            <Table.Tr key={p.id}>
              <Table.Td>
                <Anchor component={Link} to={`/projects/${p.id}/monitors`}>
                  {p.name}
                </Anchor>{' '}
                {p.isDefault && <Badge variant="light">default</Badge>}
              </Table.Td>
              <Table.Td>{p.status.toLowerCase()}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {isAdmin(org.viewerRole) && (
        <Paper withBorder p="md" maw={520}>
          <form onSubmit={onSubmit} noValidate aria-label="New project">
            <Stack>
              <Text fw={600}>New project</Text>
              <FormAlert messages={general} />
              <TextInput label="Name" required {...form.getInputProps('name')} />
              <TextInput label="Slug" description="Optional" {...form.getInputProps('slug')} />
              <TextInput label="Description" {...form.getInputProps('description')} />
              <Group>
                <LimitedButton organizationId={orgId} kind="PROJECTS" type="submit" loading={submitting}>
                  Create project
                </LimitedButton>
              </Group>
            </Stack>
          </form>
        </Paper>
      )}
    </Page>
  );
}

const MembersQuery = graphql(`
  query Members($organizationId: ID!) {
    members(organizationId: $organizationId, first: 200) {
      totalCount
      nodes {
        id
        role
        createdAt
        user {
          id
          name
          email
        }
      }
    }
  }
`);

const UpdateMemberRoleMutation = graphql(`
  mutation UpdateMemberRole($memberId: ID!, $role: OrgRole!) {
    updateMemberRole(memberId: $memberId, role: $role) {
      id
      role
    }
  }
`);

const RemoveMemberMutation = graphql(`
  mutation RemoveMember($memberId: ID!) {
    removeMember(memberId: $memberId)
  }
`);

function Members({ orgId }: { orgId: string }) {
  const me = useMe();
  const { organizations, refresh } = useWorkspace();
  const org = organizations.find((o) => o.id === orgId)!;
  const [result, refetch] = useQuery({ query: MembersQuery, variables: { organizationId: orgId } });
  const [, updateRole] = useMutation(UpdateMemberRoleMutation);
  const [, remove] = useMutation(RemoveMemberMutation);
  const reload = () => refetch({ requestPolicy: 'network-only' });
  const admin = isAdmin(org.viewerRole);
  return (
    <Page
      title={`${org.name}: members`}
      actions={
        admin && (
          <Button component={Link} to={`/organizations/${orgId}/invitations`} variant="light">
            Invite people
          </Button>
        )
      }
    >
      <QueryView result={result} retry={reload}>
        {() => (
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Name</Table.Th>
                <Table.Th>Email</Table.Th>
                <Table.Th>Role</Table.Th>
                <Table.Th>Joined</Table.Th>
                <Table.Th>
                  <span className="sr-only">Actions</span>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {result.data?.members.nodes.map((m) => (
                <Table.Tr key={m.id}>
                  <Table.Td>{m.user.name}</Table.Td>
                  <Table.Td>{m.user.email}</Table.Td>
                  <Table.Td>
                    {admin && m.user.id !== me.id ? (
                      <Select
                        aria-label={`Role of ${m.user.name}`}
                        data={roleOptions}
                        value={m.role}
                        allowDeselect={false}
                        size="xs"
                        onChange={(role) => role && void act(() => updateRole({ memberId: m.id, role: role as OrgRole }), 'Role changed').then(reload)}
                      />
                    ) : (
                      enumLabel(m.role)
                    )}
                  </Table.Td>
                  <Table.Td>{relativeTime(m.createdAt)}</Table.Td>
                  <Table.Td>
                    {(admin || m.user.id === me.id) && (
                      <ConfirmButton
                        title={m.user.id === me.id ? 'Leave the organization?' : `Remove ${m.user.name}?`}
                        message={m.user.id === me.id ? 'You will lose access to its projects.' : `${m.user.name} will lose access to ${org.name}.`}
                        confirmLabel={m.user.id === me.id ? 'Leave' : 'Remove'}
                        onConfirm={async () => {
                          if (await act(() => remove({ memberId: m.id }), 'Member removed')) {
                            reload();
                            refresh();
                          }
                        }}
                      >
                        {m.user.id === me.id ? 'Leave' : 'Remove'}
                      </ConfirmButton>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </QueryView>
    </Page>
  );
}

const InvitationsQuery = graphql(`
  query Invitations($organizationId: ID!) {
    invitations(organizationId: $organizationId, first: 100) {
      totalCount
      nodes {
        id
        email
        role
        status
        expiresAt
        createdAt
        projectIds
        inviter {
          id
          name
        }
      }
    }
  }
`);

const InviteMemberMutation = graphql(`
  mutation InviteMember($input: InviteMemberInput!) {
    inviteMember(input: $input) {
      id
    }
  }
`);

const RevokeInvitationMutation = graphql(`
  mutation RevokeInvitation($id: ID!) {
    revokeInvitation(id: $id) {
      id
      status
    }
  }
`);

function Invitations({ orgId }: { orgId: string }) {
  const { organizations } = useWorkspace();
  const org = organizations.find((o) => o.id === orgId)!;
  const [result, refetch] = useQuery({ query: InvitationsQuery, variables: { organizationId: orgId }, pause: !isAdmin(org.viewerRole) });
  const [, invite] = useMutation(InviteMemberMutation);
  const [, revoke] = useMutation(RevokeInvitationMutation);
  const reload = () => refetch({ requestPolicy: 'network-only' });
  const form = useForm({
    initialValues: { email: '', role: 'PROJECT_VIEWER' as OrgRole, projectIds: [] as string[] },
    validate: { email: v.email },
  });
  const { general, submit, submitting } = useFormSubmit(form);
  const onSubmit = form.onSubmit(async (values) => {
    const data = await submit(() => invite({ input: { organizationId: orgId, email: values.email.trim(), role: values.role, projectIds: values.projectIds } }));
    if (!data) return;
    form.reset();
    reload();
  });
  const projectOptions = org.projects.map((p) => ({ value: p.id, label: p.name }));
  if (!isAdmin(org.viewerRole)) {
    return (
      <Page title={`${org.name}: invitations`}>
        <Empty title="Only organization admins manage invitations" />
      </Page>
    );
  }
  const nodes = result.data?.invitations.nodes ?? [];
  return (
    <Page title={`${org.name}: invitations`} description="Invitees get an email with a link; they join once they accept with a verified address.">
      <Paper withBorder p="md" maw={640}>
        <form onSubmit={onSubmit} noValidate aria-label="Invite someone">
          <Stack>
            <Text fw={600}>Invite someone</Text>
            <FormAlert messages={general} />
            <TextInput label="Email" type="email" required {...form.getInputProps('email')} />
            <Select label="Role" data={roleOptions} allowDeselect={false} {...form.getInputProps('role')} />
            {form.getValues().role.startsWith('PROJECT_') && (
              <MultiSelect
                label="Projects"
                description="The projects the role applies to (members can view every project)"
                data={projectOptions}
                {...form.getInputProps('projectIds')}
              />
            )}
            <Group>
              <Button type="submit" loading={submitting}>
                Send invitation
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>
      <QueryView result={result} retry={reload} isEmpty={nodes.length === 0} empty={<Empty title="No invitations yet" />}>
        {() => (
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Email</Table.Th>
                <Table.Th>Role</Table.Th>
                <Table.Th>Status</Table.Th>
                <Table.Th>Expires</Table.Th>
                <Table.Th>
                  <span className="sr-only">Actions</span>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {nodes.map((i) => (
                <Table.Tr key={i.id}>
                  <Table.Td>{i.email}</Table.Td>
                  <Table.Td>{enumLabel(i.role)}</Table.Td>
                  <Table.Td>{i.status.toLowerCase()}</Table.Td>
                  <Table.Td>{dateTime(i.expiresAt)}</Table.Td>
                  <Table.Td>
                    {i.status === 'PENDING' && (
                      <ConfirmButton
                        title="Revoke the invitation?"
                        message={`The link sent to ${i.email} will stop working.`}
                        confirmLabel="Revoke"
                        onConfirm={async () => {
                          if (await act(() => revoke({ id: i.id }), 'Invitation revoked')) reload();
                        }}
                      >
                        Revoke
                      </ConfirmButton>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </QueryView>
    </Page>
  );
}

const AuditLogsQuery = graphql(`
  query AuditLogs($organizationId: ID!, $after: String, $filter: AuditLogFilter) {
    auditLogs(organizationId: $organizationId, first: 50, after: $after, filter: $filter) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        ...AuditEntry
      }
    }
  }
  fragment AuditEntry on AuditLog {
    id
    action
    details
    createdAt
    user {
      id
      name
      email
    }
  }
`);

const AuditLogAddedSubscription = graphql(`
  subscription AuditLogAdded($organizationId: ID!) {
    auditLogAdded(organizationId: $organizationId) {
      ...AuditEntry
    }
  }
`);

function AuditLog({ orgId }: { orgId: string }) {
  const { organizations } = useWorkspace();
  const org = organizations.find((o) => o.id === orgId)!;
  const [action, setAction] = useState('');
  const [after, setAfter] = useState<string | null>(null);
  const filter = useMemo(() => (action.trim() ? { action: action.trim() } : undefined), [action]);
  const admin = isAdmin(org.viewerRole);
  const [result, refetch] = useQuery({ query: AuditLogsQuery, variables: { organizationId: orgId, after, filter }, pause: !admin });
  const [live] = useSubscription(
    { query: AuditLogAddedSubscription, variables: { organizationId: orgId }, pause: !admin || !!filter || !!after },
    (prev: AuditEntryFragment[] = [], event) => [event.auditLogAdded, ...prev].slice(0, 200),
  );
  const reload = () => refetch({ requestPolicy: 'network-only' });
  useRefetchOnReconnect(reload);
  if (!admin) {
    return (
      <Page title={`${org.name}: audit log`}>
        <Empty title="Only organization admins can read the audit log" />
      </Page>
    );
  }
  const rows = prependUnique(result.data?.auditLogs.nodes ?? [], live.data ?? []);
  return (
    <Page title={`${org.name}: audit log`} description="Every change in the organization, newest first; new entries appear as they happen.">
      <TextInput
        label="Action"
        description="Exact action name, like project.create"
        maw={320}
        value={action}
        onChange={(e) => {
          setAction(e.currentTarget.value);
          setAfter(null);
        }}
      />
      <QueryView result={result} retry={reload} isEmpty={rows.length === 0} empty={<Empty title="Nothing recorded yet" />}>
        {() => (
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>When</Table.Th>
                <Table.Th>Who</Table.Th>
                <Table.Th>Action</Table.Th>
                <Table.Th>Details</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((entry) => (
                <Table.Tr key={entry.id}>
                  <Table.Td title={dateTime(entry.createdAt)}>{relativeTime(entry.createdAt)}</Table.Td>
                  <Table.Td>{entry.user?.name ?? 'deleted account'}</Table.Td>
                  <Table.Td>
                    <Code>{entry.action}</Code>
                  </Table.Td>
                  <Table.Td>
                    <Text size="xs" className="mono" style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}>
                      {entry.details ? prettyJson(entry.details) : ''}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </QueryView>
      <Group>
        {after && (
          <Button variant="default" onClick={() => setAfter(null)}>
            Newest
          </Button>
        )}
        {result.data?.auditLogs.pageInfo.hasNextPage && (
          <Button variant="default" onClick={() => setAfter(result.data!.auditLogs.pageInfo.endCursor ?? null)}>
            Older
          </Button>
        )}
      </Group>
    </Page>
  );
}

const UpdateOrganizationMutation = graphql(`
  mutation UpdateOrganization($id: ID!, $input: UpdateOrganizationInput!) {
    updateOrganization(id: $id, input: $input) {
      id
      name
      slug
    }
  }
`);

const DeleteOrganizationMutation = graphql(`
  mutation DeleteOrganization($id: ID!) {
    deleteOrganization(id: $id)
  }
`);

function General({ orgId }: { orgId: string }) {
  const { organizations, refresh } = useWorkspace();
  const navigate = useNavigate();
  const org = organizations.find((o) => o.id === orgId)!;
  const [, update] = useMutation(UpdateOrganizationMutation);
  const [, remove] = useMutation(DeleteOrganizationMutation);
  const form = useForm({
    initialValues: { name: org.name, slug: org.slug },
    validate: { name: (value) => v.name(value), slug: (value) => (!/^[a-z0-9-]{2,48}$/.test(value) ? 'Use 2-48 of a-z, 0-9 and -' : null) },
  });
  const { general, submit, submitting } = useFormSubmit(form);
  const onSubmit = form.onSubmit(async (values) => {
    const data = await submit(() => update({ id: orgId, input: { name: values.name.trim(), slug: values.slug.trim() } }));
    if (data) refresh();
  });
  return (
    <Page title={`${org.name}: settings`}>
      <Paper withBorder p="md" maw={520}>
        <form onSubmit={onSubmit} noValidate aria-label="Organization settings">
          <Stack>
            <FormAlert messages={general} />
            <TextInput label="Name" required disabled={!isAdmin(org.viewerRole)} {...form.getInputProps('name')} />
            <TextInput label="Slug" required disabled={!isAdmin(org.viewerRole)} {...form.getInputProps('slug')} />
            {isAdmin(org.viewerRole) && (
              <Group>
                <Button type="submit" loading={submitting}>
                  Save
                </Button>
              </Group>
            )}
          </Stack>
        </form>
      </Paper>
      <OrganizationSso orgId={orgId} owner={org.viewerRole === 'ORG_OWNER'} />
      {org.viewerRole === 'ORG_OWNER' && (
        <Paper withBorder p="md" maw={520}>
          <Stack align="flex-start">
            <Text fw={600}>Delete the organization</Text>
            <Text size="sm" c="dimmed">
              Deletes every project, monitor and callback in it. This cannot be undone.
            </Text>
            <ConfirmButton
              variant="light"
              title={`Delete ${org.name}?`}
              message="Everything in it is deleted for good."
              onConfirm={async () => {
                if (await act(() => remove({ id: orgId }), 'Organization deleted')) {
                  refresh();
                  navigate('/');
                }
              }}
            >
              Delete organization
            </ConfirmButton>
          </Stack>
        </Paper>
      )}
    </Page>
  );
}
