import { Anchor, Button, Group, Select, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { useQuery, useSubscription } from 'urql';
import { Page } from '../../components/Page';
import { LimitedButton } from '../../components/PlanLimit';
import { StatusBadge } from '../../components/StatusBadge';
import { Empty, QueryView } from '../../components/States';
import { graphql } from '../../gql';
import type { MonitorStatus, MonitorType } from '../../gql/graphql';
import { formatMs, formatPercent, relativeTime } from '../../lib/format';
import { useRefetchOnReconnect } from '../../lib/live';
import { applyResult, applyStatus, merge, type Overlay } from './liveMonitors';
import { atLeast, useProject } from '../../lib/project';

const MonitorsQuery = graphql(`
  query Monitors($projectId: ID!, $filter: MonitorFilter) {
    monitors(projectId: $projectId, first: 200, filter: $filter) {
      totalCount
      nodes {
        id
        name
        type
        target
        status
        enabled
        muted
        lastCheckAt
        tags {
          id
          name
          color
        }
        latestResult {
          id
          checkedAt
          responseTimeMs
        }
        uptimes {
          day
        }
      }
    }
  }
`);

export const MonitorStatusChangedSubscription = graphql(`
  subscription MonitorStatusChanged($projectId: ID!) {
    monitorStatusChanged(projectId: $projectId) {
      id
      status
      lastCheckAt
      lastStatusChangeAt
    }
  }
`);

const ProjectResultAddedSubscription = graphql(`
  subscription ProjectMonitorResultAdded($projectId: ID!) {
    monitorResultAdded(projectId: $projectId) {
      id
      monitorId
      checkedAt
      responseTimeMs
      status
    }
  }
`);

const STATUSES: MonitorStatus[] = ['UP', 'DOWN', 'PENDING', 'PAUSED', 'MAINTENANCE', 'ERROR'];
const TYPES: MonitorType[] = ['HTTP', 'WEBSITE', 'PING', 'PORT', 'DNS', 'HEARTBEAT'];

export default function MonitorList() {
  const project = useProject();
  const [search, setSearch] = useState('');
  const [status, setStatus] = useState<string | null>(null);
  const [type, setType] = useState<string | null>(null);
  const [debounced] = useDebouncedValue(search, 250);
  const filter = useMemo(
    () => ({ search: debounced.trim() || undefined, status: (status as MonitorStatus) ?? undefined, type: (type as MonitorType) ?? undefined }),
    [debounced, status, type],
  );
  const [result, refetch] = useQuery({ query: MonitorsQuery, variables: { projectId: project.id, filter } });
  const [overlay, setOverlay] = useState<Overlay>({});
  useSubscription({ query: MonitorStatusChangedSubscription, variables: { projectId: project.id } }, (_prev: unknown, event) => {
    setOverlay((o) => applyStatus(o, event.monitorStatusChanged));
    return null;
  });
  useSubscription({ query: ProjectResultAddedSubscription, variables: { projectId: project.id } }, (_prev: unknown, event) => {
    setOverlay((o) => applyResult(o, event.monitorResultAdded));
    return null;
  });
  const reload = () => {
    setOverlay({});
    refetch({ requestPolicy: 'network-only' });
  };
  useRefetchOnReconnect(reload);
  const editor = atLeast(project.viewerLevel, 'PROJECT_EDITOR');
  const monitors = (result.data?.monitors.nodes ?? []).map((m) => merge(m, overlay));
  const filtered = status ? monitors.filter((m) => m.status === status) : monitors;
  const filtering = Boolean(filter.search || status || type);
  return (
    <Page
      title="Monitors"
      description="Status updates live as checks come in."
      actions={
        editor && (
          <LimitedButton organizationId={project.organizationId} kind="MONITORS" to="new">
            New monitor
          </LimitedButton>
        )
      }
    >
      <Group align="flex-end">
        <TextInput label="Search" placeholder="Name or target" value={search} onChange={(e) => setSearch(e.currentTarget.value)} />
        <Select label="Status" placeholder="Any" clearable data={STATUSES.map((s) => ({ value: s, label: s.toLowerCase() }))} value={status} onChange={setStatus} />
        <Select label="Type" placeholder="Any" clearable data={TYPES.map((t) => ({ value: t, label: t.toLowerCase() }))} value={type} onChange={setType} />
      </Group>
      <QueryView
        result={result}
        retry={reload}
        isEmpty={filtered.length === 0}
        empty={
          filtering ? (
            <Empty title="No monitor matches" />
          ) : (
            <Empty
              title="No monitors yet"
              action={
                editor && (
                  <Button component={Link} to="new">
                    Create your first monitor
                  </Button>
                )
              }
            >
              A monitor checks a URL, a host or a port every few minutes and alerts you when it goes down.
            </Empty>
          )
        }
      >
        {() => (
          <Table striped highlightOnHover data-testid="monitor-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Status</Table.Th>
                <Table.Th>Name</Table.Th>
                <Table.Th>Type</Table.Th>
                <Table.Th>Last check</Table.Th>
                <Table.Th>Response</Table.Th>
                <Table.Th>Uptime (24 h)</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {filtered.map((m) => (
                <Table.Tr key={m.id} data-testid={`monitor-row-${m.name}`}>
                  <Table.Td>
                    <StatusBadge status={m.status} testId="monitor-status" />
                    {m.muted && (
                      <Text span size="xs" c="dimmed" ml={4}>
                        muted
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Anchor component={Link} to={m.id}>
                      {m.name}
                    </Anchor>
                    <Text size="xs" c="dimmed" truncate maw={360}>
                      {m.target}
                    </Text>
                  </Table.Td>
                  <Table.Td>{m.type.toLowerCase()}</Table.Td>
                  <Table.Td>{relativeTime(m.lastCheckAt)}</Table.Td>
                  <Table.Td>{formatMs(m.latestResult?.responseTimeMs)}</Table.Td>
                  <Table.Td>{formatPercent(m.uptimes.day)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </QueryView>
    </Page>
  );
}
