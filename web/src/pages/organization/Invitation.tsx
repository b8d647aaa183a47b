import { Alert, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { Page } from '../../components/Page';
import { NotFound, pending } from '../../components/States';
import { graphql } from '../../gql';
import { errorText } from '../../lib/errors';
import { enumLabel } from '../../lib/format';
import { useMe } from '../../lib/session';
import { useWorkspace } from '../../lib/workspace';

const InvitationQuery = graphql(`
  query Invitation($id: ID!) {
    invitation(id: $id) {
      id
      email
      role
      status
      expiresAt
      organizationId
      organizationName
      inviter {
        id
        name
      }
    }
  }
`);

const AcceptInvitationMutation = graphql(`
  mutation AcceptInvitation($id: ID!) {
    acceptInvitation(id: $id) {
      id
      organizationId
    }
  }
`);

const DeclineInvitationMutation = graphql(`
  mutation DeclineInvitation($id: ID!) {
    revokeInvitation(id: $id) {
      id
      status
    }
  }
`);

/** `/invitations/:id`, the link mailed to the invitee. */
export default function InvitationPage() {
  const { id = '' } = useParams();
  const me = useMe();
  const navigate = useNavigate();
  const { refresh } = useWorkspace();
  const [result, refetch] = useQuery({ query: InvitationQuery, variables: { id } });
  const [accepting, accept] = useMutation(AcceptInvitationMutation);
  const [declining, decline] = useMutation(DeclineInvitationMutation);
  const [error, setError] = useState<string | null>(null);
  const waiting = pending(result, () => refetch({ requestPolicy: 'network-only' }));
  if (waiting) return waiting;
  const invitation = result.data?.invitation;
  if (!invitation) return <NotFound what="invitation" />;
  const open = invitation.status === 'PENDING';
  return (
    <Page title={`Join ${invitation.organizationName}`}>
      <Paper withBorder p="md" maw={560}>
        <Stack>
          <Text>
            {invitation.inviter?.name ?? 'Someone'} invited {invitation.email} to {invitation.organizationName} as {enumLabel(invitation.role)}.
          </Text>
          {invitation.email.toLowerCase() !== me.email.toLowerCase() && (
            <Alert color="yellow">You are signed in as {me.email}; the invitation is for {invitation.email}.</Alert>
          )}
          {!me.emailVerified && <Alert color="yellow">Verify your email address first: the link is in the mail Vigil sent when you signed up.</Alert>}
          {!open && <Alert color="gray">This invitation is {invitation.status.toLowerCase()}.</Alert>}
          {error && (
            <Alert color="red" role="alert">
              {error}
            </Alert>
          )}
          {open && (
            <Group>
              <Button
                loading={accepting.fetching}
                onClick={async () => {
                  const r = await accept({ id });
                  if (r.error) return setError(errorText(r.error));
                  refresh();
                  navigate(`/organizations/${invitation.organizationId}/projects`);
                }}
              >
                Accept
              </Button>
              <Button
                variant="default"
                loading={declining.fetching}
                onClick={async () => {
                  const r = await decline({ id });
                  if (r.error) return setError(errorText(r.error));
                  refetch({ requestPolicy: 'network-only' });
                }}
              >
                Decline
              </Button>
            </Group>
          )}
        </Stack>
      </Paper>
    </Page>
  );
}
