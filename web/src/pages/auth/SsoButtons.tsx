import { Button, Divider, Stack } from '@mantine/core';
import { useQuery } from 'urql';
import { graphql } from '../../gql';
import { type SsoProviderInfo, ssoButtons } from '../../lib/sso';

const SsoProvidersQuery = graphql(`
  query SsoProviders {
    ssoProviders {
      id
      name
    }
  }
`);

/** The buttons for a list of providers: plain links, since the sign-in is a browser redirect. */
export function SsoButtonList({ providers }: { providers: readonly SsoProviderInfo[] }) {
  const buttons = ssoButtons(providers);
  if (buttons.length === 0) return null;
  return (
    <Stack gap="xs">
      {buttons.map((b) => (
        <Button key={b.key} component="a" href={b.href} variant="default">
          {b.label}
        </Button>
      ))}
      <Divider label="or with your password" labelPosition="center" />
    </Stack>
  );
}

/** "Sign in with …" for each provider the instance has (none: nothing). */
export function SsoButtons() {
  const [result] = useQuery({ query: SsoProvidersQuery });
  return <SsoButtonList providers={result.data?.ssoProviders ?? []} />;
}
