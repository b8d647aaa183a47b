import { Alert, Anchor, Button, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useEffect, useRef, useState } from 'react';
import { Link, useLocation } from 'react-router';
import { useMutation } from 'urql';
import { FormAlert, Loading } from '../../components/States';
import { graphql } from '../../gql';
import { errorText } from '../../lib/errors';
import { useFormSubmit } from '../../lib/form';
import { type Me, useSession } from '../../lib/session';
import * as v from '../../lib/validate';
import { AuthCard } from './AuthCard';

const VerifyEmailMutation = graphql(`
  mutation VerifyEmail($token: String!) {
    verifyEmail(token: $token) {
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

const RequestResetMutation = graphql(`
  mutation RequestPasswordReset($email: String!) {
    requestPasswordReset(email: $email)
  }
`);

const ResetPasswordMutation = graphql(`
  mutation ResetPassword($input: ResetPasswordInput!) {
    resetPassword(input: $input)
  }
`);

function useToken(): string | null {
  return new URLSearchParams(useLocation().search).get('token');
}

/** `/verify-email?token=…`, the link mailed after sign-up. */
export function VerifyEmail() {
  const token = useToken();
  const { me, refreshMe, signedIn } = useSession();
  const [state, setState] = useState<{ status: 'working' } | { status: 'done'; signedInAs: Me | null } | { status: 'failed'; message: string }>({
    status: 'working',
  });
  const [, verify] = useMutation(VerifyEmailMutation);
  const sent = useRef(false);
  useEffect(() => {
    if (!token) {
      setState({ status: 'failed', message: 'This link has no token. Open the link from the email again.' });
      return;
    }
    if (sent.current) return;
    sent.current = true;
    void verify({ token }).then((result) => {
      if (result.error || !result.data) setState({ status: 'failed', message: errorText(result.error) });
      else {
        // Cloud instances sign in through this link (sign-up opened no session); the app
        // switches to the signed-in pages when the user continues.
        const { token: session, user } = result.data.verifyEmail;
        setState({ status: 'done', signedInAs: session ? user : null });
        if (!session && me) void refreshMe();
      }
    });
  }, [token, verify, me, refreshMe]);
  return (
    <AuthCard title="Verify your email">
      {state.status === 'working' && <Loading label="Verifying…" />}
      {state.status === 'done' && (
        <Alert color="teal" role="status" title="Email verified">
          <Text size="sm">
            {state.signedInAs ? 'Thank you, you are signed in. ' : 'Thank you. '}
            <Anchor
              component={Link}
              to="/"
              onClick={() => {
                if (state.signedInAs) signedIn(state.signedInAs);
              }}
            >
              Continue to Vigil
            </Anchor>
          </Text>
        </Alert>
      )}
      {state.status === 'failed' && (
        <Alert color="red" role="alert" title="The link did not work">
          <Text size="sm">{state.message}</Text>
          <Text size="sm" mt="xs">
            Links expire; you can ask for a new one in <Anchor component={Link} to="/settings/profile">your profile</Anchor>.
          </Text>
        </Alert>
      )}
    </AuthCard>
  );
}

/** `/reset-password`: asks for the link; `/reset-password?token=…`: sets the new password. */
export function ResetPassword() {
  const token = useToken();
  return token ? <SetNewPassword token={token} /> : <RequestReset />;
}

function RequestReset() {
  const [sent, setSent] = useState(false);
  const [, request] = useMutation(RequestResetMutation);
  const form = useForm({ initialValues: { email: '' }, validate: { email: v.email } });
  const { general, submit, submitting } = useFormSubmit(form);
  const onSubmit = form.onSubmit(async (values) => {
    const data = await submit(() => request({ email: values.email.trim() }));
    if (data) setSent(true);
  });
  return (
    <AuthCard title="Reset your password" footer={<Anchor component={Link} to="/sign-in">Back to sign in</Anchor>}>
      {sent ? (
        <Alert color="teal" role="status" title="Check your email">
          If an account uses this address, a link to reset its password is on its way.
        </Alert>
      ) : (
        <form onSubmit={onSubmit} noValidate>
          <Stack>
            <FormAlert messages={general} title="Could not send the link" />
            <TextInput label="Email" type="email" autoComplete="email" required {...form.getInputProps('email')} />
            <Button type="submit" loading={submitting}>
              Send reset link
            </Button>
          </Stack>
        </form>
      )}
    </AuthCard>
  );
}

function SetNewPassword({ token }: { token: string }) {
  const [done, setDone] = useState(false);
  const { me, signedOut } = useSession();
  const [, reset] = useMutation(ResetPasswordMutation);
  const form = useForm({
    initialValues: { newPassword: '', confirm: '' },
    validate: {
      newPassword: (value) => v.password(value),
      confirm: (value, values) => (value !== values.newPassword ? 'The passwords do not match' : null),
    },
  });
  const { general, submit, submitting } = useFormSubmit(form, { token: 'newPassword' });
  const onSubmit = form.onSubmit(async (values) => {
    const data = await submit(() => reset({ input: { token, newPassword: values.newPassword } }));
    if (data) {
      setDone(true);
      // Every session ends with a reset, this one too.
      if (me) signedOut();
    }
  });
  return (
    <AuthCard title="Choose a new password" footer={<Anchor component={Link} to="/sign-in">Back to sign in</Anchor>}>
      {done ? (
        <Alert color="teal" role="status" title="Password changed">
          <Text size="sm">
            Your password is changed and every session was signed out. <Anchor component={Link} to="/sign-in">Sign in</Anchor>
          </Text>
        </Alert>
      ) : (
        <form onSubmit={onSubmit} noValidate>
          <Stack>
            <FormAlert messages={general} title="Could not change the password" />
            <PasswordInput label="New password" autoComplete="new-password" required {...form.getInputProps('newPassword')} />
            <PasswordInput label="Repeat the new password" autoComplete="new-password" required {...form.getInputProps('confirm')} />
            <Button type="submit" loading={submitting}>
              Set password
            </Button>
          </Stack>
        </form>
      )}
    </AuthCard>
  );
}
