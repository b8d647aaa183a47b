import { Anchor, Badge, Button, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { Page } from '../../components/Page';
import { Empty, QueryView } from '../../components/States';
import { graphql } from '../../gql';
import { formatMs, formatPercent } from '../../lib/format';
import { atLeast, useProject } from '../../lib/project';

const CallbacksQuery = graphql(`
  query Callbacks($projectId: ID!) {
    callbacks(projectId: $projectId, first: 200) {
      totalCount
      nodes {
        id
        name
        callbackUrl
        activeStatus
        triggerUrl
        customPath
        stats(hours: 24) {
          total
          successRate
          avgResponseTimeMs
        }
      }
    }
  }
`);

export default function CallbackList() {
  const project = useProject();
  const [result, refetch] = useQuery({ query: CallbacksQuery, variables: { projectId: project.id } });
  const editor = atLeast(project.viewerLevel, 'PROJECT_EDITOR');
  const nodes = result.data?.callbacks.nodes ?? [];
  return (
    <Page
      title="Callbacks"
      description="Webhook endpoints: Vigil forwards each request to your URL, logs it and runs the callback's actions."
      actions={
        editor && (
          <Button component={Link} to="new">
            New callback
          </Button>
        )
      }
    >
      <QueryView
        result={result}
        retry={() => refetch({ requestPolicy: 'network-only' })}
        isEmpty={nodes.length === 0}
        empty={
          <Empty
            title="No callbacks yet"
            action={
              editor && (
                <Button component={Link} to="new">
                  Create a callback
                </Button>
              )
            }
          >
            A callback gives you a trigger URL to hand to another service.
          </Empty>
        }
      >
        {() => (
          <Table striped highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Name</Table.Th>
                <Table.Th>Forwards to</Table.Th>
                <Table.Th>Triggers (24 h)</Table.Th>
                <Table.Th>Success</Table.Th>
                <Table.Th>Average</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {nodes.map((c) => (
                <Table.Tr key={c.id}>
                  <Table.Td>
                    <Anchor component={Link} to={c.id}>
                      {c.name}
                    </Anchor>{' '}
                    {!c.activeStatus && <Badge color="gray">inactive</Badge>}
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" truncate maw={320}>
                      {c.callbackUrl}
                    </Text>
                  </Table.Td>
                  <Table.Td>{c.stats.total}</Table.Td>
                  <Table.Td>{formatPercent(c.stats.successRate, 1)}</Table.Td>
                  <Table.Td>{formatMs(c.stats.avgResponseTimeMs)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </QueryView>
    </Page>
  );
}
