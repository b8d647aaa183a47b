import { Alert, Badge, Button, Code, Group, Paper, PasswordInput, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { CopyField } from '../../components/CopyField';
import { Page } from '../../components/Page';
import { FormAlert, QueryView } from '../../components/States';
import { graphql } from '../../gql';
import { useFormSubmit } from '../../lib/form';
import { relativeTime } from '../../lib/format';
import { act } from '../../lib/notify';
import { useMe, useSession } from '../../lib/session';
import * as v from '../../lib/validate';
import { LinkedAccounts } from './LinkedAccounts';

const ChangePasswordMutation = graphql(`
  mutation ChangePassword($input: ChangePasswordInput!) {
    changePassword(input: $input)
  }
`);

const EnrollTotpMutation = graphql(`
  mutation EnrollTotp($password: String!) {
    enrollTotp(password: $password) {
      secret
      uri
    }
  }
`);

const ConfirmTotpMutation = graphql(`
  mutation ConfirmTotp($code: String!) {
    confirmTotp(code: $code) {
      id
      twoFactorEnabled
    }
  }
`);

const DisableTotpMutation = graphql(`
  mutation DisableTotp($password: String!) {
    disableTotp(password: $password) {
      id
      twoFactorEnabled
    }
  }
`);

const SessionsQuery = graphql(`
  query Sessions {
    sessions {
      id
      createdAt
      expiresAt
      ipAddress
      userAgent
      current
    }
  }
`);

const RevokeSessionMutation = graphql(`
  mutation RevokeSession($id: ID!) {
    revokeSession(id: $id)
  }
`);

export function Security() {
  return (
    <Page title="Security">
      <ChangePassword />
      <TwoFactor />
      <LinkedAccounts />
      <Sessions />
    </Page>
  );
}

function ChangePassword() {
  const me = useMe();
  const [, change] = useMutation(ChangePasswordMutation);
  const [done, setDone] = useState(false);
  const form = useForm({
    initialValues: { currentPassword: '', newPassword: '' },
    validate: { currentPassword: (value) => v.required(value, 'Current password'), newPassword: (value) => v.password(value, me.email) },
  });
  const { general, submit, submitting } = useFormSubmit(form);
  const onSubmit = form.onSubmit(async (values) => {
    if (await submit(() => change({ input: values }))) {
      form.reset();
      setDone(true);
    }
  });
  return (
    <Paper withBorder p="md" maw={520}>
      <form onSubmit={onSubmit} noValidate aria-label="Change password">
        <Stack>
          <Title order={2} size="h4">
            Password
          </Title>
          {done && <Alert color="teal">Password changed; your other sessions were signed out.</Alert>}
          <FormAlert messages={general} />
          <PasswordInput label="Current password" autoComplete="current-password" {...form.getInputProps('currentPassword')} />
          <PasswordInput label="New password" autoComplete="new-password" {...form.getInputProps('newPassword')} />
          <Group>
            <Button type="submit" loading={submitting}>
              Change password
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

function TwoFactor() {
  const me = useMe();
  const { refreshMe } = useSession();
  const [, enroll] = useMutation(EnrollTotpMutation);
  const [, confirm] = useMutation(ConfirmTotpMutation);
  const [, disable] = useMutation(DisableTotpMutation);
  const [enrolment, setEnrolment] = useState<{ secret: string; uri: string } | null>(null);
  const passwordForm = useForm({ initialValues: { password: '' }, validate: { password: (value) => v.required(value, 'Password') } });
  const codeForm = useForm({ initialValues: { code: '' }, validate: { code: (value) => (/^\d{6}$/.test(value.trim()) ? null : 'Enter the 6-digit code') } });
  const pw = useFormSubmit(passwordForm);
  const code = useFormSubmit(codeForm);
  return (
    <Paper withBorder p="md" maw={520}>
      <Stack>
        <Group justify="space-between">
          <Title order={2} size="h4">
            Two-factor authentication
          </Title>
          <Badge color={me.twoFactorEnabled ? 'teal' : 'gray'}>{me.twoFactorEnabled ? 'on' : 'off'}</Badge>
        </Group>
        {enrolment ? (
          <form
            noValidate
            aria-label="Confirm two-factor authentication"
            onSubmit={codeForm.onSubmit(async (values) => {
              if (await code.submit(() => confirm({ code: values.code.trim() }))) {
                setEnrolment(null);
                await refreshMe();
              }
            })}
          >
            <Stack>
              <Text size="sm">Add this secret to your authenticator app (or open the otpauth link on your phone), then enter the code it shows.</Text>
              <CopyField label="Secret" value={enrolment.secret} />
              <Code block>{enrolment.uri}</Code>
              <FormAlert messages={code.general} />
              <TextInput label="Code" inputMode="numeric" autoComplete="one-time-code" {...codeForm.getInputProps('code')} />
              <Group>
                <Button type="submit" loading={code.submitting}>
                  Turn on
                </Button>
                <Button variant="default" onClick={() => setEnrolment(null)}>
                  Cancel
                </Button>
              </Group>
            </Stack>
          </form>
        ) : (
          <form
            noValidate
            aria-label={me.twoFactorEnabled ? 'Turn off two-factor authentication' : 'Set up two-factor authentication'}
            onSubmit={passwordForm.onSubmit(async (values) => {
              if (me.twoFactorEnabled) {
                if (await pw.submit(() => disable({ password: values.password }))) {
                  passwordForm.reset();
                  await refreshMe();
                }
              } else {
                const data = await pw.submit(() => enroll({ password: values.password }));
                if (data) {
                  passwordForm.reset();
                  setEnrolment(data.enrollTotp);
                }
              }
            })}
          >
            <Stack>
              <Text size="sm">
                {me.twoFactorEnabled ? 'Sign-in asks for a code from your authenticator app.' : 'Ask for a code from an authenticator app at every sign-in.'}
              </Text>
              <FormAlert messages={pw.general} />
              <PasswordInput label="Password" autoComplete="current-password" {...passwordForm.getInputProps('password')} />
              <Group>
                <Button type="submit" loading={pw.submitting} color={me.twoFactorEnabled ? 'red' : undefined}>
                  {me.twoFactorEnabled ? 'Turn off' : 'Set up'}
                </Button>
              </Group>
            </Stack>
          </form>
        )}
      </Stack>
    </Paper>
  );
}

function Sessions() {
  const [result, refetch] = useQuery({ query: SessionsQuery });
  const [, revoke] = useMutation(RevokeSessionMutation);
  const reload = () => refetch({ requestPolicy: 'network-only' });
  return (
    <Stack>
      <Title order={2} size="h4">
        Sessions
      </Title>
      <QueryView result={result} retry={reload}>
        {() => (
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Started</Table.Th>
                <Table.Th>Browser</Table.Th>
                <Table.Th>Address</Table.Th>
                <Table.Th>
                  <span className="sr-only">Actions</span>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {result.data?.sessions.map((s) => (
                <Table.Tr key={s.id}>
                  <Table.Td>{relativeTime(s.createdAt)}</Table.Td>
                  <Table.Td>
                    <Text size="xs" truncate maw={360}>
                      {s.userAgent ?? 'unknown'}
                    </Text>
                  </Table.Td>
                  <Table.Td>{s.ipAddress ?? '—'}</Table.Td>
                  <Table.Td>
                    {s.current ? (
                      <Badge variant="light">this session</Badge>
                    ) : (
                      <Button size="xs" variant="subtle" color="red" onClick={() => void act(() => revoke({ id: s.id }), 'Session ended').then(reload)}>
                        Sign out
                      </Button>
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
