import { Anchor, Button, Group, Paper, Select, Stack, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { ConfirmButton } from '../../components/ConfirmButton';
import { Page } from '../../components/Page';
import { ScrollRegion } from '../../components/ScrollRegion';
import { Empty, QueryView } from '../../components/States';
import { graphql } from '../../gql';
import type { ProjectRole } from '../../gql/graphql';
import { enumLabel } from '../../lib/format';
import { act } from '../../lib/notify';
import { atLeast, useProject } from '../../lib/project';

const ROLES: ProjectRole[] = ['PROJECT_ADMIN', 'PROJECT_EDITOR', 'PROJECT_VIEWER'];

const ProjectMembersQuery = graphql(`
  query ProjectMembers($id: ID!, $organizationId: ID!) {
    project(id: $id) {
      id
      members {
        id
        role
        user {
          id
          name
          email
        }
      }
    }
    members(organizationId: $organizationId, first: 200) {
      nodes {
        id
        role
        user {
          id
          name
          email
        }
      }
    }
  }
`);

const SetProjectMemberMutation = graphql(`
  mutation SetProjectMember($input: SetProjectMemberInput!) {
    setProjectMember(input: $input) {
      id
      role
    }
  }
`);

const RemoveProjectMemberMutation = graphql(`
  mutation RemoveProjectMember($projectId: ID!, $userId: ID!) {
    removeProjectMember(projectId: $projectId, userId: $userId)
  }
`);

export function ProjectMembers() {
  const project = useProject();
  const admin = atLeast(project.viewerLevel, 'PROJECT_ADMIN');
  const [result, refetch] = useQuery({ query: ProjectMembersQuery, variables: { id: project.id, organizationId: project.organizationId } });
  const [, setMember] = useMutation(SetProjectMemberMutation);
  const [, remove] = useMutation(RemoveProjectMemberMutation);
  const [userId, setUserId] = useState<string | null>(null);
  const [role, setRole] = useState<ProjectRole>('PROJECT_EDITOR');
  const reload = () => refetch({ requestPolicy: 'network-only' });
  const members = result.data?.project?.members ?? [];
  const candidates = (result.data?.members.nodes ?? []).filter(
    (m) => !members.some((pm) => pm.user.id === m.user.id) && m.role !== 'ORG_OWNER' && m.role !== 'ORG_ADMIN',
  );
  return (
    <Page
      title="Project members"
      description="Organization owners and admins manage every project and need no role here. Every other member of the organization can view this project; a role here lets them do more."
    >
      <QueryView
        result={result}
        retry={reload}
        isEmpty={members.length === 0}
        empty={<Empty title="No project roles yet">Owners and admins of the organization manage this project; its other members can view it.</Empty>}
      >
        {() => (
          <ScrollRegion label="Project members" minWidth={560}>
            <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Name</Table.Th>
                <Table.Th>Email</Table.Th>
                <Table.Th>Role</Table.Th>
                <Table.Th>
                  <span className="sr-only">Actions</span>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {members.map((m) => (
                <Table.Tr key={m.id}>
                  <Table.Td>{m.user.name}</Table.Td>
                  <Table.Td>{m.user.email}</Table.Td>
                  <Table.Td>
                    {admin ? (
                      <Select
                        size="xs"
                        aria-label={`Project role of ${m.user.name}`}
                        allowDeselect={false}
                        data={ROLES.map((r) => ({ value: r, label: enumLabel(r) }))}
                        value={m.role}
                        onChange={(r) => r && void act(() => setMember({ input: { projectId: project.id, userId: m.user.id, role: r as ProjectRole } }), 'Role changed').then(reload)}
                      />
                    ) : (
                      enumLabel(m.role)
                    )}
                  </Table.Td>
                  <Table.Td>
                    {admin && (
                      <ConfirmButton
                        title={`Remove ${m.user.name} from the project?`}
                        message="They keep their organization membership."
                        confirmLabel="Remove"
                        onConfirm={async () => {
                          if (await act(() => remove({ projectId: project.id, userId: m.user.id }), 'Removed')) reload();
                        }}
                      >
                        Remove
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
      {admin && (
        <Paper withBorder p="md" maw={640}>
          <Stack>
            <Text fw={600}>Give a member a role</Text>
            {candidates.length === 0 ? (
              <Text size="sm" c="dimmed">
                No member is left to give a role: the others already have one here, or are organization owners or admins. To add someone new,{' '}
                <Anchor component={Link} to={`/organizations/${project.organizationId}/invitations`} size="sm">
                  invite them to the organization
                </Anchor>{' '}
                and choose this project.
              </Text>
            ) : (
              <Group align="flex-end">
                <Select label="Member" data={candidates.map((m) => ({ value: m.user.id, label: `${m.user.name} (${m.user.email})` }))} value={userId} onChange={setUserId} />
                <Select label="Role" allowDeselect={false} data={ROLES.map((r) => ({ value: r, label: enumLabel(r) }))} value={role} onChange={(r) => r && setRole(r as ProjectRole)} />
                <Button
                  disabled={!userId}
                  onClick={async () => {
                    if (userId && (await act(() => setMember({ input: { projectId: project.id, userId, role } }), 'Role given'))) {
                      setUserId(null);
                      reload();
                    }
                  }}
                >
                  Add
                </Button>
              </Group>
            )}
          </Stack>
        </Paper>
      )}
    </Page>
  );
}
