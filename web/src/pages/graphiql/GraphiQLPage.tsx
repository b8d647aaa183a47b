// GraphiQL, bundled with the app (nothing is loaded from the internet) and signed in with
// its session. Loaded with its route: the editor (Monaco) and its workers stay out of the
// first load.
import 'graphiql/setup-workers/vite';
import 'graphiql/style.css';
import { Box, useComputedColorScheme } from '@mantine/core';
import { GraphiQL } from 'graphiql';
import { useEffect, useMemo } from 'react';
import { useMe } from '../../lib/session';
import { createConnection } from './fetcher';
import { userStorage } from './storage';

const DEFAULT_QUERY = `# Vigil's GraphQL API, as the signed-in user. The schema is in the
# documentation explorer (the book icon); docs/api.md has the conventions.
query Me {
  me { id name email }
  organizations(first: 10) {
    nodes { id name projects { id name } }
  }
}
`;

export default function GraphiQLPage() {
  const me = useMe();
  const scheme = useComputedColorScheme('light', { getInitialValueInEffect: false });
  const connection = useMemo(() => createConnection(), []);
  useEffect(() => () => connection.dispose(), [connection]);
  const storage = useMemo(() => userStorage(me.id, window.localStorage), [me.id]);
  useEffect(() => {
    document.title = 'GraphiQL · Vigil';
  }, []);
  return (
    <Box h="calc(100dvh - var(--app-shell-header-height, 56px) - 2 * var(--mantine-spacing-md))" data-testid="graphiql">
      <GraphiQL fetcher={connection.fetcher} storage={storage} defaultQuery={DEFAULT_QUERY} forcedTheme={scheme} />
    </Box>
  );
}
