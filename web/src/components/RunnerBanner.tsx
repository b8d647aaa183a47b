import { Alert, List, Text } from '@mantine/core';
import { useQuery } from 'urql';
import { graphql } from '../gql';

const RunnerStatusQuery = graphql(`
  query RunnerStatus {
    runnerStatus {
      checked
      problems
    }
  }
`);

/** Says when this server cannot start test runs, and what its operator must install. */
export function RunnerBanner() {
  const [result] = useQuery({ query: RunnerStatusQuery, requestPolicy: 'cache-first' });
  const problems = result.data?.runnerStatus.problems ?? [];
  if (problems.length === 0) return null;
  return (
    <Alert color="orange" variant="light" role="status" data-testid="runner-banner" mb="md" title="Test runs cannot start on this server">
      <Text size="sm">The server is missing parts it runs tests with. Whoever operates it can fix this:</Text>
      <List size="sm" mt="xs">
        {problems.map((p) => (
          <List.Item key={p}>{p}</List.Item>
        ))}
      </List>
    </Alert>
  );
}
