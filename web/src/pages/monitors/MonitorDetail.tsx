import { Anchor, Button, Group, Menu, Paper, SegmentedControl, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { Suspense, lazy, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useMutation, useQuery, useSubscription } from 'urql';
import { ConfirmButton } from '../../components/ConfirmButton';
import { CopyField } from '../../components/CopyField';
import { Page } from '../../components/Page';
import { StatusBadge } from '../../components/StatusBadge';
import { Empty, Loading, NotFound, pending, QueryView } from '../../components/States';
import { UptimeBars } from '../../components/UptimeBars';
import { graphql } from '../../gql';
import type { MonitorResultRowFragment, SeriesRange } from '../../gql/graphql';
import { dateTime, formatMs, formatPercent, prependUnique, relativeTime } from '../../lib/format';
import { useRefetchOnReconnect } from '../../lib/live';
import { alertsHeldBy, resultSummary } from './monitorResult';
import { act } from '../../lib/notify';
import { atLeast, useProject } from '../../lib/project';
import { MonitorStatusChangedSubscription } from './MonitorList';

const ResponseTimeChart = lazy(() => import('../../components/ResponseTimeChart'));

const MonitorQuery = graphql(`
  query Monitor($id: ID!) {
    monitor(id: $id) {
      id
      name
      description
      type
      target
      status
      enabled
      muted
      mutedUntil
      frequencyMinutes
      lastCheckAt
      nextCheckAt
      lastStatusChangeAt
      heartbeatUrl
      locations
      uptimes {
        day
        week
        month
        quarter
      }
      dailyUptime(days: 90) {
        date
        checks
        failed
        uptime
      }
      locationStatuses {
        location
        status
        lastCheckedAt
      }
    }
  }
`);

const ResultsQuery = graphql(`
  query MonitorResults($monitorId: ID!) {
    monitorResults(monitorId: $monitorId, first: 50) {
      totalCount
      nodes {
        ...MonitorResultRow
      }
    }
  }
  fragment MonitorResultRow on MonitorResult {
    id
    checkedAt
    location
    status
    responseTimeMs
    isUp
    details
  }
`);

const ResponseTimesQuery = graphql(`
  query ResponseTimes($id: ID!, $range: SeriesRange!) {
    monitor(id: $id) {
      id
      responseTimes(range: $range) {
        start
        checks
        avgMs
        p95Ms
      }
    }
  }
`);

const ResultAddedSubscription = graphql(`
  subscription MonitorResultAdded($monitorId: ID!) {
    monitorResultAdded(monitorId: $monitorId) {
      ...MonitorResultRow
    }
  }
`);

const CheckNowMutation = graphql(`
  mutation CheckMonitorNow($id: ID!) {
    checkMonitorNow(id: $id) {
      id
      nextCheckAt
    }
  }
`);

const MuteMutation = graphql(`
  mutation MuteMonitor($id: ID!, $until: DateTime!) {
    muteMonitor(id: $id, until: $until) {
      id
      muted
      mutedUntil
    }
  }
`);

const UnmuteMutation = graphql(`
  mutation UnmuteMonitor($id: ID!) {
    unmuteMonitor(id: $id) {
      id
      muted
      mutedUntil
    }
  }
`);

const SetEnabledMutation = graphql(`
  mutation SetMonitorEnabled($id: ID!, $enabled: Boolean!) {
    updateMonitor(id: $id, input: { enabled: $enabled }) {
      id
      enabled
      status
    }
  }
`);

const DeleteMonitorMutation = graphql(`
  mutation DeleteMonitor($id: ID!) {
    deleteMonitor(id: $id)
  }
`);

const RotateHeartbeatMutation = graphql(`
  mutation RotateHeartbeatUrl($id: ID!) {
    rotateHeartbeatUrl(id: $id) {
      id
      heartbeatUrl
    }
  }
`);

const RANGES: { value: SeriesRange; label: string; hours: number }[] = [
  { value: 'HOUR', label: '1 h', hours: 1 },
  { value: 'SIX_HOURS', label: '6 h', hours: 6 },
  { value: 'DAY', label: '24 h', hours: 24 },
  { value: 'WEEK', label: '7 d', hours: 168 },
  { value: 'MONTH', label: '30 d', hours: 720 },
  { value: 'QUARTER', label: '90 d', hours: 2160 },
];

const MUTES = [
  { label: '1 hour', hours: 1 },
  { label: '8 hours', hours: 8 },
  { label: '24 hours', hours: 24 },
  { label: '7 days', hours: 168 },
];

export default function MonitorDetail() {
  const { monitorId = '' } = useParams();
  const project = useProject();
  const navigate = useNavigate();
  const [result, refetch] = useQuery({ query: MonitorQuery, variables: { id: monitorId } });
  const [results, refetchResults] = useQuery({ query: ResultsQuery, variables: { monitorId } });
  const [live, setLive] = useState<MonitorResultRowFragment[]>([]);
  const [liveStatus, setLiveStatus] = useState<string | null>(null);
  useSubscription({ query: ResultAddedSubscription, variables: { monitorId } }, (_prev: unknown, event) => {
    setLive((items) => prependUnique(items, [event.monitorResultAdded], 50));
    return null;
  });
  useSubscription({ query: MonitorStatusChangedSubscription, variables: { projectId: project.id } }, (_prev: unknown, event) => {
    if (event.monitorStatusChanged.id === monitorId) setLiveStatus(event.monitorStatusChanged.status);
    return null;
  });
  const [, checkNow] = useMutation(CheckNowMutation);
  const [, mute] = useMutation(MuteMutation);
  const [, unmute] = useMutation(UnmuteMutation);
  const [, setEnabled] = useMutation(SetEnabledMutation);
  const [, remove] = useMutation(DeleteMonitorMutation);
  const [, rotate] = useMutation(RotateHeartbeatMutation);
  const reload = () => {
    setLive([]);
    setLiveStatus(null);
    refetch({ requestPolicy: 'network-only' });
    refetchResults({ requestPolicy: 'network-only' });
  };
  useRefetchOnReconnect(reload);

  const waiting = pending(result, reload);
  if (waiting) return waiting;
  const monitor = result.data?.monitor;
  if (!monitor) return <NotFound what="monitor" />;
  const editor = atLeast(project.viewerLevel, 'PROJECT_EDITOR');
  const status = liveStatus ?? monitor.status;
  const rows = prependUnique(results.data?.monitorResults.nodes ?? [], live, 50);
  const held = rows[0] ? alertsHeldBy(rows[0].details) : null;
  const refresh = () => refetch({ requestPolicy: 'network-only' });
  return (
    <Page
      title={monitor.name}
      description={
        <>
          <Anchor component={Link} to="..">
            Monitors
          </Anchor>{' '}
          · {monitor.type.toLowerCase()} · {monitor.target || 'heartbeat'} · every {monitor.frequencyMinutes} min
        </>
      }
      actions={
        editor && (
          <>
            <Button
              variant="light"
              onClick={() => void act(() => checkNow({ id: monitor.id }), 'A check is on its way')}
              disabled={!monitor.enabled || monitor.type === 'HEARTBEAT'}
            >
              Check now
            </Button>
            {monitor.muted ? (
              <Button variant="default" onClick={() => void act(() => unmute({ id: monitor.id }), 'Alerts are back on').then(refresh)}>
                Unmute
              </Button>
            ) : (
              <Menu>
                <Menu.Target>
                  <Button variant="default">Mute</Button>
                </Menu.Target>
                <Menu.Dropdown>
                  <Menu.Label>Silence alerts for</Menu.Label>
                  {MUTES.map((m) => (
                    <Menu.Item
                      key={m.hours}
                      onClick={() =>
                        void act(() => mute({ id: monitor.id, until: new Date(Date.now() + m.hours * 3600_000).toISOString() }), `Muted for ${m.label}`).then(refresh)
                      }
                    >
                      {m.label}
                    </Menu.Item>
                  ))}
                </Menu.Dropdown>
              </Menu>
            )}
            <Button variant="default" onClick={() => void act(() => setEnabled({ id: monitor.id, enabled: !monitor.enabled })).then(refresh)}>
              {monitor.enabled ? 'Pause' : 'Resume'}
            </Button>
            <Button component={Link} to="edit" variant="default">
              Edit
            </Button>
            <ConfirmButton
              variant="light"
              size="sm"
              title={`Delete ${monitor.name}?`}
              message="Its results and history go too."
              onConfirm={async () => {
                if (await act(() => remove({ id: monitor.id }), 'Monitor deleted')) navigate(`/projects/${project.id}/monitors`);
              }}
            >
              Delete
            </ConfirmButton>
          </>
        )
      }
    >
      <Group>
        <StatusBadge status={status} testId="monitor-detail-status" />
        {monitor.muted && <Text size="sm">Muted until {dateTime(monitor.mutedUntil)}</Text>}
        {!monitor.enabled && <Text size="sm">Paused</Text>}
        {held && <Text size="sm">Alerts held: {held.name} is down</Text>}
        <Text size="sm" c="dimmed">
          Last check {relativeTime(live[0]?.checkedAt ?? monitor.lastCheckAt)}
        </Text>
      </Group>
      <SimpleGrid cols={{ base: 2, sm: 4 }}>
        {(['day', 'week', 'month', 'quarter'] as const).map((w) => (
          <Paper withBorder p="sm" key={w}>
            <Text size="xs" c="dimmed">
              Uptime, {{ day: '24 hours', week: '7 days', month: '30 days', quarter: '90 days' }[w]}
            </Text>
            <Text fw={600}>{formatPercent(monitor.uptimes[w])}</Text>
          </Paper>
        ))}
      </SimpleGrid>
      {monitor.heartbeatUrl && (
        <Paper withBorder p="md">
          <Stack>
            <CopyField label="Heartbeat URL" value={monitor.heartbeatUrl} description="Have your job request it when it succeeds; append /start or /fail to report those." />
            {editor && (
              <Group>
                <Button size="xs" variant="subtle" onClick={() => void act(() => rotate({ id: monitor.id }), 'New heartbeat URL issued').then(refresh)}>
                  Issue a new URL
                </Button>
              </Group>
            )}
          </Stack>
        </Paper>
      )}
      <Paper withBorder p="md">
        <UptimeBars days={monitor.dailyUptime} />
      </Paper>
      <ResponseTimes monitorId={monitor.id} />
      {monitor.locationStatuses.length > 1 && (
        <Paper withBorder p="md">
          <Title order={2} size="h4" mb="xs">
            Locations
          </Title>
          <Group>
            {monitor.locationStatuses.map((l) => (
              <Group key={l.location} gap={4}>
                <Text size="sm">{l.location}</Text>
                <StatusBadge status={l.status} />
              </Group>
            ))}
          </Group>
        </Paper>
      )}
      <Title order={2} size="h4">
        Recent results
      </Title>
      <QueryView result={results} retry={reload} isEmpty={rows.length === 0} empty={<Empty title="No results yet">The first check runs within a few seconds of creation; “Check now” runs one at once.</Empty>}>
        {() => (
          <Table striped data-testid="results-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Checked</Table.Th>
                <Table.Th>Result</Table.Th>
                <Table.Th>Response</Table.Th>
                <Table.Th>Location</Table.Th>
                <Table.Th>Details</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((r) => (
                <Table.Tr key={r.id}>
                  <Table.Td title={dateTime(r.checkedAt)}>{dateTime(r.checkedAt)}</Table.Td>
                  <Table.Td>
                    <StatusBadge status={r.status} />
                  </Table.Td>
                  <Table.Td>{formatMs(r.responseTimeMs)}</Table.Td>
                  <Table.Td>{r.location}</Table.Td>
                  <Table.Td>
                    <HeldNote details={r.details} />
                    <Text size="xs" className="mono" lineClamp={3} style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}>
                      {resultSummary(r.details)}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </QueryView>
    </Page>
  );
}

function HeldNote({ details }: { details: unknown }) {
  const held = alertsHeldBy(details);
  if (!held) return null;
  return (
    <Text size="xs" fw={600} data-testid="alerts-held">
      Alerts held: {held.name} is down
    </Text>
  );
}

function ResponseTimes({ monitorId }: { monitorId: string }) {
  const [range, setRange] = useState<SeriesRange>('DAY');
  const [result, refetch] = useQuery({ query: ResponseTimesQuery, variables: { id: monitorId, range } });
  const hours = RANGES.find((r) => r.value === range)!.hours;
  const buckets = result.data?.monitor?.responseTimes ?? [];
  return (
    <Paper withBorder p="md">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4">
          Response time
        </Title>
        <SegmentedControl size="xs" aria-label="Range" value={range} onChange={(v) => setRange(v as SeriesRange)} data={RANGES.map((r) => ({ value: r.value, label: r.label }))} />
      </Group>
      <QueryView result={result} retry={() => refetch({ requestPolicy: 'network-only' })} isEmpty={buckets.every((b) => b.checks === 0)} empty={<Empty title="No checks in this range" />} loadingLabel="Loading the chart…" errorTitle="Could not load response times">
        {() => (
          <Suspense fallback={<Loading label="Loading the chart…" />}>
            <ResponseTimeChart buckets={buckets} hours={hours} />
          </Suspense>
        )}
      </QueryView>
    </Paper>
  );
}
