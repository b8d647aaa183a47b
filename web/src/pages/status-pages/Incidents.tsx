import { Anchor, Badge, Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { Empty, QueryView } from '../../components/States';
import type { IncidentSummaryFragment } from '../../gql/graphql';
import { useStatusPage, useReloadOnPageChange } from './context';
import { ImpactBadge, IncidentStatusBadge } from './IncidentBadges';
import { IncidentsQuery } from './incidentOperations';
import { isClosed } from './incidentForm';
import { dateTimeIn, zoneOf } from './zonedTime';

/** The page's incidents: open ones first, then the history, newest first. */
export default function Incidents() {
  const { page, editor } = useStatusPage();
  const [after, setAfter] = useState<string | null>(null);
  const [earlier, setEarlier] = useState<IncidentSummaryFragment[]>([]);
  const [result, refetch] = useQuery({ query: IncidentsQuery, variables: { statusPageId: page.id, first: 50, after, filter: { kind: 'INCIDENT' } } });
  const reload = () => {
    setEarlier([]);
    setAfter(null);
    refetch({ requestPolicy: 'network-only' });
  };
  useReloadOnPageChange(reload);
  const connection = result.data?.incidents;
  const incidents = [...earlier, ...(connection?.nodes ?? [])];
  const open = incidents.filter((i) => !isClosed(i.status));
  const past = incidents.filter((i) => isClosed(i.status));
  return (
    <Stack>
      <Group justify="space-between" align="flex-start">
        <div>
          <Title order={2} size="h3">
            Incidents
          </Title>
          <Text size="sm" c="dimmed">
            What you tell visitors when something goes wrong. An open incident sets the status of the components it names.
          </Text>
        </div>
        {editor && (
          <Button component={Link} to="new">
            Report an incident
          </Button>
        )}
      </Group>
      <QueryView result={result} retry={reload} isEmpty={incidents.length === 0} empty={<Empty title="No incidents yet">Incidents you report show on the public page with their updates.</Empty>}>
        {() => (
          <Stack>
            <Title order={3} size="h4">
              Open
            </Title>
            {open.length === 0 ? (
              <Text size="sm" c="dimmed">
                No open incident.
              </Text>
            ) : (
              <IncidentTable incidents={open} />
            )}
            <Title order={3} size="h4">
              History
            </Title>
            {past.length === 0 ? (
              <Text size="sm" c="dimmed">
                Nothing resolved yet.
              </Text>
            ) : (
              <IncidentTable incidents={past} />
            )}
            {connection?.pageInfo.hasNextPage && (
              <Group>
                <Button
                  variant="default"
                  onClick={() => {
                    setEarlier(incidents);
                    setAfter(connection.pageInfo.endCursor ?? null);
                  }}
                >
                  Show older incidents
                </Button>
              </Group>
            )}
          </Stack>
        )}
      </QueryView>
    </Stack>
  );
}

function IncidentTable({ incidents }: { incidents: IncidentSummaryFragment[] }) {
  const { page } = useStatusPage();
  const zone = zoneOf(page.timezone);
  const names = new Map(page.components.map((c) => [c.id, c.name]));
  return (
    <Table striped data-testid="incident-table">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Incident</Table.Th>
          <Table.Th>Status</Table.Th>
          <Table.Th>Components</Table.Th>
          <Table.Th>Began</Table.Th>
          <Table.Th>Resolved</Table.Th>
          <Table.Th>Postmortem</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {incidents.map((i) => (
          <Table.Tr key={i.id} data-testid={`incident-row-${i.title}`}>
            <Table.Td>
              <Anchor component={Link} to={i.id}>
                {i.title}
              </Anchor>
              {i.backfilled && (
                <Text size="xs" c="dimmed">
                  Entered after the fact
                </Text>
              )}
            </Table.Td>
            <Table.Td>
              <Group gap={4}>
                <IncidentStatusBadge status={i.status} />
                <ImpactBadge impact={i.impact} />
              </Group>
            </Table.Td>
            <Table.Td>
              <Text size="sm">{[...new Set(i.components.map((c) => names.get(c.componentId) ?? 'a deleted component'))].join(', ') || '—'}</Text>
            </Table.Td>
            <Table.Td>
              <Text size="sm">{dateTimeIn(i.backfilledAt ?? i.createdAt, zone)}</Text>
            </Table.Td>
            <Table.Td>
              <Text size="sm">{dateTimeIn(i.resolvedAt, zone)}</Text>
            </Table.Td>
            <Table.Td>
              {i.postmortem ? (
                <Badge variant="light" color={i.postmortem.published ? 'teal' : 'gray'}>
                  {i.postmortem.published ? 'Published' : 'Draft'}
                </Badge>
              ) : (
                <Text size="sm" c="dimmed">
                  —
                </Text>
              )}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
