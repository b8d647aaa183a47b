import { Badge, Button, Group, Modal, Select, Stack, Table, Text, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { ConfirmButton } from '../../../components/ConfirmButton';
import { Page } from '../../../components/Page';
import { ScrollRegion } from '../../../components/ScrollRegion';
import { Empty, FormAlert, QueryView } from '../../../components/States';
import { graphql } from '../../../gql';
import type { AdminUserFragment, UserRole } from '../../../gql/graphql';
import { useFormSubmit } from '../../../lib/form';
import { dateTime, relativeTime } from '../../../lib/format';
import { act } from '../../../lib/notify';
import { useMe, useSession } from '../../../lib/session';
import { banInput, banStatus } from './userAdmin';

const UsersQuery = graphql(`
  query AdminUsers($filter: UserFilter, $after: String) {
    users(first: 50, after: $after, filter: $filter) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        ...AdminUser
      }
    }
  }
  fragment AdminUser on User {
    id
    name
    email
    emailVerified
    role
    banned
    banReason
    banExpires
    twoFactorEnabled
    createdAt
  }
`);

const BanUserMutation = graphql(`
  mutation BanUser($input: BanUserInput!) {
    banUser(input: $input) {
      ...AdminUser
    }
  }
`);

const UnbanUserMutation = graphql(`
  mutation UnbanUser($userId: ID!) {
    unbanUser(userId: $userId) {
      ...AdminUser
    }
  }
`);

const SetUserRoleMutation = graphql(`
  mutation SetUserRole($userId: ID!, $role: UserRole!) {
    setUserRole(userId: $userId, role: $role) {
      ...AdminUser
    }
  }
`);

const ImpersonateUserMutation = graphql(`
  mutation ImpersonateUser($userId: ID!) {
    impersonateUser(userId: $userId) {
      token
      user {
        id
        name
        email
        emailVerified
        role
        twoFactorEnabled
      }
    }
  }
`);

const ROLE_OPTIONS: { value: UserRole; label: string }[] = [
  { value: 'USER', label: 'User' },
  { value: 'ADMIN', label: 'System administrator' },
];

/** `/admin/users`: every account of the instance, for system administrators. */
export default function UserAdmin() {
  const me = useMe();
  const admin = me.role === 'ADMIN';
  const [search, setSearch] = useState('');
  const [bannedOnly, setBannedOnly] = useState<string | null>(null);
  const [debounced] = useDebouncedValue(search.trim(), 250);
  const [after, setAfter] = useState<string | null>(null);
  const filter = { search: debounced || undefined, banned: bannedOnly === 'banned' ? true : bannedOnly === 'active' ? false : undefined };
  const [result, refetch] = useQuery({ query: UsersQuery, variables: { filter, after }, pause: !admin });
  const [, unban] = useMutation(UnbanUserMutation);
  const [, setRole] = useMutation(SetUserRoleMutation);
  const [, impersonate] = useMutation(ImpersonateUserMutation);
  const { signedIn } = useSession();
  const [banning, setBanning] = useState<AdminUserFragment | null>(null);
  const reload = () => refetch({ requestPolicy: 'network-only' });
  if (!admin) {
    return (
      <Page title="Users">
        <Empty title="Only system administrators manage users" />
      </Page>
    );
  }
  const users = result.data?.users.nodes ?? [];
  return (
    <Page title="Users" description="Every account of this instance. Banning ends a user's sessions; impersonating opens a one-hour session as them, recorded as yours.">
      <Group align="flex-end" role="search" aria-label="Find users">
        <TextInput
          label="Search"
          placeholder="Name or email"
          value={search}
          onChange={(e) => {
            setSearch(e.currentTarget.value);
            setAfter(null);
          }}
          w={{ base: '100%', sm: 280 }}
        />
        <Select
          label="Status"
          placeholder="Everyone"
          clearable
          data={[
            { value: 'active', label: 'Not banned' },
            { value: 'banned', label: 'Banned' },
          ]}
          value={bannedOnly}
          onChange={(v) => {
            setBannedOnly(v);
            setAfter(null);
          }}
          w={{ base: '100%', sm: 180 }}
        />
      </Group>
      <QueryView result={result} retry={reload} isEmpty={users.length === 0} empty={<Empty title="No user matches" />}>
        {() => (
          <ScrollRegion label="Users" minWidth={720}>
            <Table striped data-testid="users">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>User</Table.Th>
                  <Table.Th>Role</Table.Th>
                  <Table.Th>Status</Table.Th>
                  <Table.Th>Joined</Table.Th>
                  <Table.Th>
                    <span className="sr-only">Actions</span>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {users.map((u) => {
                  const self = u.id === me.id;
                  return (
                    <Table.Tr key={u.id} data-testid="user-row">
                      <Table.Td>
                        <Text size="sm" fw={500}>
                          {u.name}
                        </Text>
                        <Text size="xs" c="dimmed">
                          {u.email} {!u.emailVerified && '· not verified'} {u.twoFactorEnabled && '· two-factor'}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Select
                          aria-label={`Role of ${u.name}`}
                          size="xs"
                          allowDeselect={false}
                          data={ROLE_OPTIONS}
                          value={u.role}
                          disabled={self}
                          title={self ? 'You cannot change your own role' : undefined}
                          onChange={(role) => role && role !== u.role && void act(() => setRole({ userId: u.id, role: role as UserRole }), 'Role changed').then(reload)}
                          w={190}
                        />
                      </Table.Td>
                      <Table.Td>
                        {u.banned ? (
                          <Stack gap={2}>
                            <Badge color="red" variant="light">
                              Banned
                            </Badge>
                            <Text size="xs">{banStatus(u)}</Text>
                          </Stack>
                        ) : (
                          <Badge color="teal" variant="light">
                            Active
                          </Badge>
                        )}
                      </Table.Td>
                      <Table.Td title={dateTime(u.createdAt)} style={{ whiteSpace: 'nowrap' }}>
                        {relativeTime(u.createdAt)}
                      </Table.Td>
                      <Table.Td>
                        {!self && (
                          <Group gap={4} wrap="nowrap">
                            {u.banned ? (
                              <Button size="xs" variant="light" onClick={() => void act(() => unban({ userId: u.id }), `${u.name} unbanned`).then(reload)}>
                                Unban
                              </Button>
                            ) : (
                              <Button size="xs" variant="light" color="red" onClick={() => setBanning(u)}>
                                Ban
                              </Button>
                            )}
                            <ConfirmButton
                              size="xs"
                              variant="subtle"
                              disabled={u.banned}
                              title={`Impersonate ${u.name}?`}
                              message="You will see Vigil as they do for up to an hour; what you do is recorded as done by you. Stopping signs you out."
                              confirmLabel="Impersonate"
                              onConfirm={async () => {
                                const r = await impersonate({ userId: u.id });
                                if (r.error || !r.data) {
                                  await act(async () => r);
                                  return;
                                }
                                signedIn(r.data.impersonateUser.user);
                                window.location.assign('/');
                              }}
                            >
                              Impersonate
                            </ConfirmButton>
                          </Group>
                        )}
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </ScrollRegion>
        )}
      </QueryView>
      <Group>
        {after && (
          <Button variant="default" onClick={() => setAfter(null)}>
            First page
          </Button>
        )}
        {result.data?.users.pageInfo.hasNextPage && (
          <Button variant="default" onClick={() => setAfter(result.data!.users.pageInfo.endCursor ?? null)}>
            More
          </Button>
        )}
      </Group>
      <Modal closeButtonProps={{ 'aria-label': 'Close' }} opened={!!banning} onClose={() => setBanning(null)} title={banning ? `Ban ${banning.name}` : 'Ban'}>
        {banning && (
          <BanForm
            user={banning}
            onDone={() => {
              setBanning(null);
              reload();
            }}
          />
        )}
      </Modal>
    </Page>
  );
}

function BanForm({ user, onDone }: { user: AdminUserFragment; onDone: () => void }) {
  const [, ban] = useMutation(BanUserMutation);
  const form = useForm({
    initialValues: { reason: '', until: '' },
    validate: {
      reason: (value) => (value.trim().length > 500 ? 'Keep the reason under 500 characters' : value.trim() ? null : 'Say why: the user is shown it'),
      until: (value) => (value && !(new Date(value).getTime() > Date.now()) ? 'Choose a date in the future' : null),
    },
  });
  const { general, submit, submitting } = useFormSubmit(form, { expiresAt: 'until' });
  const onSubmit = form.onSubmit(async (values) => {
    if (await submit(() => ban({ input: banInput(user.id, values) }))) onDone();
  });
  return (
    <form onSubmit={onSubmit} noValidate aria-label={`Ban ${user.name}`}>
      <Stack>
        <FormAlert messages={general} />
        <Text size="sm">
          {user.name} ({user.email}) is signed out everywhere and cannot sign in until unbanned.
        </Text>
        <Textarea label="Reason" required autosize minRows={2} {...form.getInputProps('reason')} />
        <TextInput label="Until" type="date" description="Empty: until someone unbans them." {...form.getInputProps('until')} />
        <Group>
          <Button type="submit" color="red" loading={submitting}>
            Ban
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
