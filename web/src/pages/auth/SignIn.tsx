import { Alert, Anchor, Button, PasswordInput, PinInput, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { Link, useLocation } from 'react-router';
import { useMutation } from 'urql';
import { FormAlert } from '../../components/States';
import { graphql } from '../../gql';
import { apiErrors, normaliseField } from '../../lib/errors';
import { useFormSubmit } from '../../lib/form';
import { useSession } from '../../lib/session';
import * as v from '../../lib/validate';
import { ssoError } from '../../lib/sso';
import { AuthCard } from './AuthCard';
import { SsoButtons } from './SsoButtons';

const SignInMutation = graphql(`
  mutation SignIn($input: SignInInput!) {
    signIn(input: $input) {
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

const SignUpMutation = graphql(`
  mutation SignUp($input: SignUpInput!) {
    signUp(input: $input) {
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

function useNext(): string {
  const next = new URLSearchParams(useLocation().search).get('next');
  return next ? `?next=${encodeURIComponent(next)}` : '';
}

export function SignIn() {
  const { signedIn } = useSession();
  const next = useNext();
  const refused = ssoError(useLocation().search);
  const [needsCode, setNeedsCode] = useState(false);
  const [, signIn] = useMutation(SignInMutation);
  const form = useForm({
    initialValues: { email: '', password: '', totpCode: '' },
    validate: {
      email: v.email,
      password: (value) => v.required(value, 'Password'),
      totpCode: (value) => (needsCode && !/^\d{6}$/.test(value) ? 'Enter the 6-digit code from your authenticator app' : null),
    },
  });
  const { general, submit, submitting } = useFormSubmit(form);

  const onSubmit = form.onSubmit(async (values) => {
    // The server asks for the code with an error on `totpCode`. Read from the answer itself:
    // the form's errors are React state, not updated yet when `submit` returns.
    let codeAsked = false;
    const data = await submit(async () => {
      const result = await signIn({ input: { email: values.email.trim(), password: values.password, totpCode: values.totpCode || undefined } });
      codeAsked = apiErrors(result.error).some((e) => e.field !== undefined && normaliseField(e.field) === 'totpCode');
      return result;
    });
    if (data) {
      signedIn(data.signIn.user);
      return;
    }
    if (codeAsked && !needsCode) {
      setNeedsCode(true);
      // Queued after the errors `submit` set, so that the new field does not open in red.
      form.setErrors(({ totpCode: _asked, ...others }) => others);
    }
  });

  return (
    <AuthCard
      title="Sign in"
      footer={
        <>
          New to Vigil?{' '}
          <Anchor component={Link} to={`/sign-up${next}`}>
            Create an account
          </Anchor>
        </>
      }
    >
      <Stack mb="md">
        {refused && (
          <Alert color="red" role="alert" title="Single sign-on did not work">
            {refused}
          </Alert>
        )}
        <SsoButtons />
      </Stack>
      <form onSubmit={onSubmit} noValidate>
        <Stack>
          <FormAlert messages={general} title="Could not sign in" />
          <TextInput label="Email" type="email" autoComplete="username" required {...form.getInputProps('email')} />
          <PasswordInput label="Password" autoComplete="current-password" required {...form.getInputProps('password')} />
          {needsCode && (
            <Stack gap={4}>
              <Text size="sm" fw={500} id="totp-label">
                Two-factor code
              </Text>
              <Text size="xs" c="dimmed">
                Your account has two-factor authentication on: enter the code from your authenticator app.
              </Text>
              <PinInput
                length={6}
                type="number"
                oneTimeCode
                autoFocus
                aria-label="Two-factor code"
                error={!!form.errors.totpCode}
                {...form.getInputProps('totpCode')}
              />
              {form.errors.totpCode && (
                <Text size="xs" c="red" role="alert">
                  {form.errors.totpCode}
                </Text>
              )}
            </Stack>
          )}
          <Button type="submit" loading={submitting}>
            Sign in
          </Button>
          <Anchor component={Link} to="/reset-password" size="sm">
            Forgot your password?
          </Anchor>
        </Stack>
      </form>
    </AuthCard>
  );
}

export function SignUp() {
  const { signedIn } = useSession();
  const next = useNext();
  const [, signUp] = useMutation(SignUpMutation);
  const form = useForm({
    initialValues: { name: '', email: '', password: '' },
    validate: {
      name: (value) => v.name(value),
      email: v.email,
      password: (value, values) => v.password(value, values.email),
    },
  });
  const { general, submit, submitting } = useFormSubmit(form);
  // Cloud instances open no session at sign-up: the link mailed to the address signs in.
  const [checkEmail, setCheckEmail] = useState<string | null>(null);
  const onSubmit = form.onSubmit(async (values) => {
    const email = values.email.trim();
    const data = await submit(() => signUp({ input: { name: values.name.trim(), email, password: values.password } }));
    if (!data) return;
    if (data.signUp.token && data.signUp.user) signedIn(data.signUp.user);
    else setCheckEmail(email);
  });
  return (
    <AuthCard
      title="Create your account"
      footer={
        <>
          Already have an account?{' '}
          <Anchor component={Link} to={`/sign-in${next}`}>
            Sign in
          </Anchor>
        </>
      }
    >
      {checkEmail ? (
        <Alert color="teal" role="status" title="Check your email">
          <Text size="sm">
            We sent a mail to {checkEmail}. Open the link in it to confirm the address and sign in. If the address already has an account, the mail
            says how to sign in or reset its password.
          </Text>
        </Alert>
      ) : (
        <form onSubmit={onSubmit} noValidate>
          <Stack>
            <FormAlert messages={general} title="Could not create the account" />
            <TextInput label="Name" autoComplete="name" required {...form.getInputProps('name')} />
            <TextInput label="Email" type="email" autoComplete="email" required {...form.getInputProps('email')} />
            <PasswordInput
              label="Password"
              description="At least 8 characters"
              autoComplete="new-password"
              required
              {...form.getInputProps('password')}
            />
            <Button type="submit" loading={submitting}>
              Create account
            </Button>
          </Stack>
        </form>
      )}
    </AuthCard>
  );
}
