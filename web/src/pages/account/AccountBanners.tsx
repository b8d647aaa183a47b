import { Alert, Button, Group, Text } from '@mantine/core';
import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../../gql';
import { act, notifySaved } from '../../lib/notify';
import { useMe, useSession } from '../../lib/session';

const ImpersonationQuery = graphql(`
  query Impersonation {
    currentSession {
      id
      impersonatedBy
    }
  }
`);

const StopImpersonatingMutation = graphql(`
  mutation StopImpersonating {
    stopImpersonating
  }
`);

const ResendVerificationMutation = graphql(`
  mutation ResendEmailVerification {
    requestEmailVerification
  }
`);

/** Notices about the signed-in account, above every page: impersonation, an unverified address. */
export function AccountBanners() {
  return (
    <>
      <ImpersonationBanner />
      <UnverifiedEmailBanner />
    </>
  );
}

/** "Impersonating Ada — Stop": always in view while an administrator acts as someone else. */
function ImpersonationBanner() {
  const me = useMe();
  const { signedOut } = useSession();
  const [result] = useQuery({ query: ImpersonationQuery });
  const [, stop] = useMutation(StopImpersonatingMutation);
  if (!result.data?.currentSession?.impersonatedBy) return null;
  return (
    <Alert color="grape" variant="filled" mb="md" role="status" data-testid="impersonation-banner" style={{ position: 'sticky', top: 0, zIndex: 10 }}>
      <Group justify="space-between" gap="xs">
        <Text size="sm" fw={500} style={{ overflowWrap: 'anywhere' }}>
          Impersonating {me.name} ({me.email}): everything you do is recorded as done by you on their behalf.
        </Text>
        <Button
          size="xs"
          variant="white"
          color="grape"
          onClick={async () => {
            // The impersonation session ends. The browser gets the administrator's own session
            // back when it is still valid (a fresh load rebuilds the client and its socket with
            // it); otherwise the administrator signs in again.
            const result = await stop({});
            if (result.error) {
              await act(async () => result);
              return;
            }
            if (result.data?.stopImpersonating) window.location.assign('/admin/users');
            else {
              notifySaved('Impersonation ended: sign in again as yourself');
              signedOut();
            }
          }}
        >
          Stop impersonating
        </Button>
      </Group>
    </Alert>
  );
}

function UnverifiedEmailBanner() {
  const me = useMe();
  const [, resend] = useMutation(ResendVerificationMutation);
  const [sent, setSent] = useState(false);
  if (me.emailVerified) return null;
  return (
    <Alert color="yellow" variant="light" mb="md" role="status" data-testid="unverified-email" title="Confirm your email address">
      <Group justify="space-between" gap="xs">
        <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
          We sent a link to <strong>{me.email}</strong>. Until you follow it, invitations to organizations cannot be accepted.
        </Text>
        <Button
          size="xs"
          variant="default"
          disabled={sent}
          onClick={async () => {
            if (await act(() => resend({}), 'A new link is on its way')) setSent(true);
          }}
        >
          {sent ? 'Link sent' : 'Send a new link'}
        </Button>
      </Group>
    </Alert>
  );
}
