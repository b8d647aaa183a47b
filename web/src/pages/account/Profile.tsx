import { Alert, Button, Group, Paper, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation } from 'urql';
import { Page } from '../../components/Page';
import { FormAlert } from '../../components/States';
import { graphql } from '../../gql';
import { useFormSubmit } from '../../lib/form';
import { act } from '../../lib/notify';
import { useMe, useSession } from '../../lib/session';
import * as v from '../../lib/validate';

const UpdateProfileMutation = graphql(`
  mutation UpdateProfile($input: UpdateProfileInput!) {
    updateProfile(input: $input) {
      id
      name
    }
  }
`);

const RequestVerificationMutation = graphql(`
  mutation RequestEmailVerification {
    requestEmailVerification
  }
`);

export function Profile() {
  const me = useMe();
  const { refreshMe } = useSession();
  const [, update] = useMutation(UpdateProfileMutation);
  const [, requestVerification] = useMutation(RequestVerificationMutation);
  const form = useForm({ initialValues: { name: me.name }, validate: { name: (value) => v.name(value) } });
  const { general, submit, submitting } = useFormSubmit(form);
  const onSubmit = form.onSubmit(async (values) => {
    if (await submit(() => update({ input: { name: values.name.trim() } }))) await refreshMe();
  });
  return (
    <Page title="Profile">
      <Paper withBorder p="md" maw={520}>
        <Stack>
          <Text size="sm">
            Email: <strong>{me.email}</strong> {me.emailVerified ? '(verified)' : '(not verified)'}
          </Text>
          {!me.emailVerified && (
            <Alert color="yellow" title="Verify your email address">
              <Stack gap="xs" align="flex-start">
                <Text size="sm">Invitations can only be accepted with a verified address.</Text>
                <Button size="xs" variant="light" onClick={() => void act(() => requestVerification({}), 'A verification link is on its way')}>
                  Send a new link
                </Button>
              </Stack>
            </Alert>
          )}
          <form onSubmit={onSubmit} noValidate aria-label="Profile">
            <Stack>
              <FormAlert messages={general} />
              <TextInput label="Name" required {...form.getInputProps('name')} />
              <Group>
                <Button type="submit" loading={submitting}>
                  Save
                </Button>
              </Group>
            </Stack>
          </form>
        </Stack>
      </Paper>
    </Page>
  );
}
