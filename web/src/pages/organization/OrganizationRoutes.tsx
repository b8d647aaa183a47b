import { Anchor, Badge, Button, Group, MultiSelect, Paper, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { Suspense, lazy, useMemo, useState } from 'react';
import { Link, Navigate, Route, Routes, useNavigate, useParams, useSearchParams } from 'react-router';
import { useMutation, useQuery, useSubscription } from 'urql';
import { ConfirmButton } from '../../components/ConfirmButton';
import { Page } from '../../components/Page';
import { ScrollRegion } from '../../components/ScrollRegion';
import { LimitedButton } from '../../components/PlanLimit';
import { Empty, FormAlert, Loading, NotFound, QueryView } from '../../components/States';
import { graphql } from '../../gql';
import type { AuditEntryFragment, OrgRole } from '../../gql/graphql';
import { useFormSubmit } from '../../lib/form';
import { dateTime, enumLabel, prependUnique, relativeTime } from '../../lib/format';
import { useRefetchOnReconnect } from '../../lib/live';
import { act } from '../../lib/notify';
import { useMe } from '../../lib/session';
import * as v from '../../lib/validate';
import { useWorkspace } from '../../lib/workspace';
import { OrganizationSso } from './Sso';
import { OrganizationNotificationProviders } from '../settings/NotificationProviders';
import { AUDIT_ACTION_CHOICES, auditSentence, type AuditContext, type Part } from './auditSentence';
import { useNow } from '../../lib/clock';

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
      <Route path="notifications" element={<OrganizationNotificationProviders orgId={orgId} name={org.name} admin={isAdmin(org.viewerRole)} />} />
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
      <ScrollRegion label="Projects" minWidth={560}>
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
      </ScrollRegion>
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
  const owners = (result.data?.members.nodes ?? []).filter((m) => m.role === 'ORG_OWNER').length;
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
          <ScrollRegion label="Members" minWidth={560}>
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
                    {m.user.id === me.id && m.role === 'ORG_OWNER' && owners === 1 ? (
                      <Stack gap={2} align="flex-start">
                        <Button size="xs" variant="subtle" color="red" disabled aria-describedby={`sole-owner-${m.id}`}>
                          Leave
                        </Button>
                        <Text size="xs" c="dimmed" id={`sole-owner-${m.id}`} maw={220}>
                          You are the only owner: make another member an owner first, or delete the organization.
                        </Text>
                      </Stack>
                    ) : (admin || m.user.id === me.id) && (
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
          </ScrollRegion>
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
          <ScrollRegion label="Invitations" minWidth={560}>
            <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Email</Table.Th>
                <Table.Th>Role</Table.Th>
                <Table.Th>Projects</Table.Th>
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
                  <Table.Td>
                    {i.role === 'ORG_OWNER' || i.role === 'ORG_ADMIN'
                      ? 'Every project'
                      : i.projectIds.length === 0
                        ? 'None (can view every project)'
                        : i.projectIds.map((id) => org.projects.find((p) => p.id === id)?.name ?? 'a deleted project').join(', ')}
                  </Table.Td>
                  <Table.Td>{enumLabel(i.status)}</Table.Td>
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
          </ScrollRegion>
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

/** `2026-12-07` (a date input's value) as the start of that day, local time, in RFC 3339. */
function dayStart(value: string, plusDays = 0): string | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return undefined;
  const [y, m, d] = value.split('-').map(Number);
  const date = new Date(y, m - 1, d + plusDays);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

function SentenceView({ parts }: { parts: Part[] }) {
  return (
    <Text size="sm">
      {parts.map((p, i) =>
        typeof p === 'string' ? (
          <span key={i}>{p}</span>
        ) : p.to ? (
          <Anchor key={i} component={Link} to={p.to} fw={600} size="sm">
            {p.text}
          </Anchor>
        ) : (
          <Text key={i} span fw={600} size="sm">
            {p.text}
          </Text>
        ),
      )}
    </Text>
  );
}

function AuditLog({ orgId }: { orgId: string }) {
  const { organizations } = useWorkspace();
  const org = organizations.find((o) => o.id === orgId)!;
  // Filters live in the address, so that a filtered trail can be reloaded and shared.
  const [params, setParams] = useSearchParams();
  const userId = params.get('user') ?? '';
  const action = params.get('action') ?? '';
  const from = params.get('from') ?? '';
  const to = params.get('to') ?? '';
  const setFilter = (key: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
    setAfter(null);
  };
  const [after, setAfter] = useState<string | null>(null);
  const rangeError = from && to && from > to ? 'The end is before the start' : null;
  const filter = useMemo(() => {
    const f = {
      action: action || undefined,
      userId: userId || undefined,
      since: dayStart(from),
      // The end date is included: up to the start of the next day.
      until: dayStart(to, 1),
    };
    return Object.values(f).some(Boolean) ? f : undefined;
  }, [action, userId, from, to]);
  const admin = isAdmin(org.viewerRole);
  const [result, refetch] = useQuery({ query: AuditLogsQuery, variables: { organizationId: orgId, after, filter }, pause: !admin || !!rangeError });
  const [members] = useQuery({ query: MembersQuery, variables: { organizationId: orgId }, pause: !admin });
  const [live] = useSubscription(
    { query: AuditLogAddedSubscription, variables: { organizationId: orgId }, pause: !admin || !!filter || !!after },
    (prev: AuditEntryFragment[] = [], event) => [event.auditLogAdded, ...prev].slice(0, 200),
  );
  const reload = () => refetch({ requestPolicy: 'network-only' });
  useRefetchOnReconnect(reload);
  const now = useNow();
  const ctx: AuditContext = useMemo(
    () => ({
      projects: new Map(org.projects.map((p) => [p.id, p.name])),
      users: new Map((members.data?.members.nodes ?? []).map((m) => [m.user.id, m.user.name])),
    }),
    [org.projects, members.data],
  );
  if (!admin) {
    return (
      <Page title={`${org.name}: audit log`}>
        <Empty title="Only organization admins can read the audit log" />
      </Page>
    );
  }
  const rows = prependUnique(result.data?.auditLogs.nodes ?? [], filter || after ? [] : (live.data ?? []));
  const userChoices = (members.data?.members.nodes ?? []).map((m) => ({ value: m.user.id, label: `${m.user.name} (${m.user.email})` }));
  return (
    <Page title={`${org.name}: audit log`} description="Every change in the organization, newest first; new entries appear as they happen.">
      <Group align="flex-start" gap="sm" role="search" aria-label="Filter the audit log">
        <Select label="Who" placeholder="Anyone" clearable searchable data={userChoices} value={userId || null} onChange={(v) => setFilter('user', v)} w={{ base: '100%', sm: 240 }} />
        <Select label="What" placeholder="Everything" clearable data={AUDIT_ACTION_CHOICES} value={action || null} onChange={(v) => setFilter('action', v)} w={{ base: '100%', sm: 220 }} />
        <TextInput label="From" type="date" value={from} onChange={(e) => setFilter('from', e.currentTarget.value)} w={{ base: '47%', sm: 160 }} />
        <TextInput label="To" type="date" value={to} error={rangeError} onChange={(e) => setFilter('to', e.currentTarget.value)} w={{ base: '47%', sm: 160 }} />
      </Group>
      <QueryView result={result} retry={reload} isEmpty={rows.length === 0} empty={<Empty title={filter ? 'Nothing matches these filters' : 'Nothing recorded yet'} />}>
        {() => (
          <Stack gap={0} data-testid="audit-log" aria-live="polite">
            {rows.map((entry) => (
              <Group key={entry.id} justify="space-between" wrap="nowrap" align="flex-start" py="xs" gap="sm" style={{ borderBottom: '1px solid var(--mantine-color-default-border)' }} data-testid="audit-entry">
                <SentenceView parts={auditSentence(entry, ctx)} />
                <Text size="xs" c="dimmed" title={dateTime(entry.createdAt)} style={{ whiteSpace: 'nowrap' }}>
                  {relativeTime(entry.createdAt, now)}
                </Text>
              </Group>
            ))}
          </Stack>
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
