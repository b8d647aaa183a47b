import { Alert, Button, Group, Paper, Select, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { FormAlert, QueryView } from '../../components/States';
import { graphql } from '../../gql';
import { apiErrors } from '../../lib/errors';

const OrganizationSsoQuery = graphql(`
  query OrganizationSso($organizationId: ID!) {
    organizationSso(organizationId: $organizationId) {
      organizationId
      required
      providerId
      providerName
      requiredBy
      available
      unavailableReason
    }
    ssoProviders {
      id
      name
    }
  }
`);

const UpdateOrganizationSsoMutation = graphql(`
  mutation UpdateOrganizationSso($organizationId: ID!, $input: UpdateOrganizationSsoInput!) {
    updateOrganizationSso(organizationId: $organizationId, input: $input) {
      organizationId
      required
      providerId
      providerName
      requiredBy
      available
      unavailableReason
    }
  }
`);

/** The organization's single sign-on requirement; owners change it where the plan allows. */
export function OrganizationSso({ orgId, owner }: { orgId: string; owner: boolean }) {
  const [result, refetch] = useQuery({ query: OrganizationSsoQuery, variables: { organizationId: orgId } });
  const [saving, update] = useMutation(UpdateOrganizationSsoMutation);
  const [choice, setChoice] = useState<string | null>(null);
  const [errors, setErrors] = useState<string[]>([]);
  const reload = () => refetch({ requestPolicy: 'network-only' });
  const save = async (providerId: string | null) => {
    const answer = await update({ organizationId: orgId, input: { providerId } });
    setErrors(apiErrors(answer.error).map((e) => e.message));
    if (!answer.error) reload();
  };
  return (
    <Paper withBorder p="md" maw={520}>
      <QueryView result={result} retry={reload}>
        {() => {
          const sso = result.data!.organizationSso;
          const providers = result.data!.ssoProviders;
          const disabled = !owner || !sso.available || providers.length === 0;
          const reason = !sso.available
            ? sso.unavailableReason
            : providers.length === 0
              ? 'This instance has no single sign-on provider configured.'
              : !owner
                ? 'Only owners change this.'
                : null;
          return (
            <Stack>
              <Text fw={600}>Single sign-on</Text>
              <Text size="sm" c="dimmed">
                {sso.required
                  ? `Members sign in with ${sso.providerName}. The owner who required it may still use a password.`
                  : 'Members may sign in with a password or any provider.'}
              </Text>
              {reason && (
                <Alert color="gray" role="note">
                  {reason}
                </Alert>
              )}
              <FormAlert messages={errors} />
              <Select
                label="Require signing in with"
                placeholder="Choose a provider"
                disabled={disabled}
                data={providers.map((p) => ({ value: p.id, label: p.name }))}
                value={choice ?? sso.providerId ?? null}
                onChange={setChoice}
              />
              <Group>
                <Button disabled={disabled || !(choice ?? sso.providerId)} loading={saving.fetching} onClick={() => void save(choice ?? sso.providerId ?? null)}>
                  Require single sign-on
                </Button>
                {sso.required && (
                  <Button variant="subtle" color="red" disabled={!owner} loading={saving.fetching} onClick={() => void save(null)}>
                    Stop requiring it
                  </Button>
                )}
              </Group>
              <Text size="xs" c="dimmed">
                Requiring it signs every other member out; they sign in again with the provider.
              </Text>
            </Stack>
          );
        }}
      </QueryView>
    </Paper>
  );
}
