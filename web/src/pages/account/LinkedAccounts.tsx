import { Badge, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQuery } from 'urql';
import { ConfirmButton } from '../../components/ConfirmButton';
import { QueryView } from '../../components/States';
import { graphql } from '../../gql';
import { relativeTime } from '../../lib/format';
import { act } from '../../lib/notify';

const LinkedAccountsQuery = graphql(`
  query LinkedAccounts {
    me {
      id
      linkedAccounts {
        provider
        providerName
        createdAt
      }
    }
  }
`);

const UnlinkAccountMutation = graphql(`
  mutation UnlinkAccount($provider: String!) {
    unlinkAccount(provider: $provider)
  }
`);

/** The ways the user signs in: the password and single sign-on providers, each unlinkable but the last. */
export function LinkedAccounts() {
  const [result, refetch] = useQuery({ query: LinkedAccountsQuery });
  const [, unlink] = useMutation(UnlinkAccountMutation);
  const reload = () => refetch({ requestPolicy: 'network-only' });
  const accounts = result.data?.me?.linkedAccounts ?? [];
  return (
    <Stack>
      <Title order={2} size="h4">
        Linked accounts
      </Title>
      <Text size="sm" c="dimmed">
        Signing in with a provider whose verified address is yours links it here.
      </Text>
      <QueryView result={result} retry={reload}>
        {() => (
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Sign in with</Table.Th>
                <Table.Th>Since</Table.Th>
                <Table.Th>
                  <span className="sr-only">Actions</span>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {accounts.map((a) => (
                <Table.Tr key={a.provider}>
                  <Table.Td>{a.providerName}</Table.Td>
                  <Table.Td>{relativeTime(a.createdAt)}</Table.Td>
                  <Table.Td>
                    {a.provider === 'credential' ? (
                      <Badge variant="light">password</Badge>
                    ) : accounts.length > 1 ? (
                      <ConfirmButton
                        size="xs"
                        variant="subtle"
                        title={`Unlink ${a.providerName}?`}
                        confirmLabel="Unlink"
                        message={`You will no longer sign in with ${a.providerName} until you sign in with it again.`}
                        onConfirm={async () => {
                          if (await act(() => unlink({ provider: a.provider }), 'Account unlinked')) reload();
                        }}
                      >
                        Unlink
                      </ConfirmButton>
                    ) : (
                      <Text size="xs" c="dimmed">
                        your only way to sign in
                      </Text>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </QueryView>
    </Stack>
  );
}
