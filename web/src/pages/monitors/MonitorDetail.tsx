import { Anchor, Badge, Box, Button, Group, Menu, Paper, SegmentedControl, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { Suspense, lazy, useEffect, useRef, useState, type ReactNode } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { useClient, useMutation, useQuery, useSubscription } from 'urql';
import { ConfirmButton } from '../../components/ConfirmButton';
import { CopyField } from '../../components/CopyField';
import { Page } from '../../components/Page';
import { StatusBadge } from '../../components/StatusBadge';
import { Empty, Loading, NotFound, pending, QueryView } from '../../components/States';
import { UptimeBars } from '../../components/UptimeBars';
import { graphql } from '../../gql';
import type { MonitorAlertRowFragment, MonitorResultRowFragment } from '../../gql/graphql';
import { dateTime, formatMs, formatPercent, prependUnique, relativeTime } from '../../lib/format';
import { useRefetchOnReconnect } from '../../lib/live';
import { alertsHeldBy, resultSummary } from './monitorResult';
import { resultError, summarizeError } from './errorSummary';
import { RANGES, alertTypeLabel, channelLabel, formatDuration, rangeFromParam } from './monitorView';
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
      downtimes(days: 30) {
        start
        end
        durationSeconds
        cause
        errorClass
        location
      }
      alerts(first: 20) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        nodes {
          ...MonitorAlertRow
        }
      }
    }
  }
  fragment MonitorAlertRow on MonitorAlert {
    id
    type
    channel
    providerName
    status
    sentAt
    attempts
    nextAttemptAt
    error
  }
`);

const OlderAlertsQuery = graphql(`
  query MonitorOlderAlerts($id: ID!, $after: String!) {
    monitor(id: $id) {
      id
      alerts(first: 50, after: $after) {
        pageInfo {
          hasNextPage
          endCursor
        }
        nodes {
          ...MonitorAlertRow
        }
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
        failed
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

/**
 * Calls `run` at most once per `waitMs` however many times the returned function is called:
 * a burst of live events (several locations, a result and a status change) makes one refetch.
 */
function useCoalesced(run: () => void, waitMs = 1500): () => void {
  const latest = useRef(run);
  latest.current = run;
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );
  return () => {
    if (timer.current) return;
    timer.current = setTimeout(() => {
      timer.current = null;
      latest.current();
    }, waitMs);
  };
}

/** A wide table that scrolls inside its own box on a narrow screen, reachable by keyboard. */
function Scroll({ label, minWidth, children }: { label: string; minWidth: number; children: ReactNode }) {
  return (
    <Box role="region" aria-label={label} tabIndex={0} style={{ overflowX: 'auto' }}>
      <Box style={{ minWidth }}>{children}</Box>
    </Box>
  );
}

/** A date and time that never wraps. */
function When({ iso }: { iso: string | null | undefined }) {
  return (
    <Text span size="sm" style={{ whiteSpace: 'nowrap' }}>
      {dateTime(iso)}
    </Text>
  );
}

/** A failure named in a few words, with the raw message one click away. */
function ErrorText({ summary, raw }: { summary: string; raw: string }) {
  const [open, setOpen] = useState(false);
  return (
    <Stack gap={2}>
      <Group gap={6} wrap="nowrap">
        <Text size="sm" fw={500} style={{ whiteSpace: 'nowrap' }} data-testid="error-summary">
          {summary}
        </Text>
        {raw !== summary && (
          <Button variant="subtle" size="compact-xs" aria-expanded={open} onClick={() => setOpen((o) => !o)}>
            {open ? 'Hide details' : 'Details'}
          </Button>
        )}
      </Group>
      {open && (
        <Text size="xs" className="mono" style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
          {raw}
        </Text>
      )}
    </Stack>
  );
}

const DELIVERY_COLORS: Record<string, string> = { SENT: 'teal', FAILED: 'red', PENDING: 'gray' };

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
  // The figures (uptime cards, bars, chart, downtimes, alerts) follow the same events as the
  // badge: each burst of results refetches them once.
  const [tick, setTick] = useState(0);
  const follow = useCoalesced(() => {
    refetch({ requestPolicy: 'network-only' });
    setTick((t) => t + 1);
  });
  useSubscription({ query: ResultAddedSubscription, variables: { monitorId } }, (_prev: unknown, event) => {
    setLive((items) => prependUnique(items, [event.monitorResultAdded], 50));
    follow();
    return null;
  });
  useSubscription({ query: MonitorStatusChangedSubscription, variables: { projectId: project.id } }, (_prev: unknown, event) => {
    if (event.monitorStatusChanged.id === monitorId) {
      setLiveStatus(event.monitorStatusChanged.status);
      follow();
    }
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
    setTick((t) => t + 1);
  };
  useRefetchOnReconnect(reload);

  // A delivery waiting for its (next) attempt changes with no monitor event: look again soon.
  const deliveryPending =
    result.data?.monitor?.alerts.nodes.some((a) => a.status === 'PENDING' && (!a.nextAttemptAt || new Date(a.nextAttemptAt).getTime() - Date.now() < 30_000)) ?? false;
  useEffect(() => {
    if (!deliveryPending) return;
    const timer = setTimeout(() => refetch({ requestPolicy: 'network-only' }), 3000);
    return () => clearTimeout(timer);
  }, [deliveryPending, result.data, refetch]);

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
            <Text fw={600} data-testid={`uptime-${w}`}>
              {formatPercent(monitor.uptimes[w])}
            </Text>
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
      <ResponseTimes monitorId={monitor.id} tick={tick} />
      <Downtimes downtimes={monitor.downtimes} />
      <AlertHistory monitorId={monitor.id} latest={monitor.alerts.nodes} total={monitor.alerts.totalCount} after={monitor.alerts.pageInfo.hasNextPage ? (monitor.alerts.pageInfo.endCursor ?? null) : null} />
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
          <Scroll label="Recent results" minWidth={640}>
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
                    <Table.Td>
                      <When iso={r.checkedAt} />
                    </Table.Td>
                    <Table.Td>
                      <StatusBadge status={r.status} />
                    </Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{r.isUp ? formatMs(r.responseTimeMs) : '—'}</Table.Td>
                    <Table.Td>{r.location}</Table.Td>
                    <Table.Td>
                      <HeldNote details={r.details} />
                      <ResultDetails details={r.details} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Scroll>
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

function ResultDetails({ details }: { details: unknown }) {
  const error = resultError(details);
  if (error) return <ErrorText summary={error.summary} raw={resultSummary(details)} />;
  return (
    <Text size="xs" className="mono" lineClamp={3} style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}>
      {resultSummary(details)}
    </Text>
  );
}

interface DowntimeRow {
  start: string;
  end?: string | null;
  durationSeconds: number;
  cause?: string | null;
  errorClass?: string | null;
  location: string;
}

function Downtimes({ downtimes }: { downtimes: DowntimeRow[] }) {
  return (
    <Paper withBorder p="md">
      <Title order={2} size="h4" mb="xs">
        Downtime, last 30 days
      </Title>
      {downtimes.length === 0 ? (
        <Text size="sm" c="dimmed" data-testid="downtimes-empty">
          No downtime in the last 30 days.
        </Text>
      ) : (
        <Scroll label="Downtime" minWidth={560}>
          <Table data-testid="downtimes-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Started</Table.Th>
                <Table.Th>Ended</Table.Th>
                <Table.Th>Duration</Table.Th>
                <Table.Th>Cause</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {downtimes.map((d) => {
                const summary = summarizeError(d.errorClass, d.cause);
                return (
                  <Table.Tr key={d.start}>
                    <Table.Td>
                      <When iso={d.start} />
                    </Table.Td>
                    <Table.Td>{d.end ? <When iso={d.end} /> : <StatusBadge status="DOWN" />}</Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      {formatDuration(d.durationSeconds)}
                      {d.end ? '' : ' so far'}
                    </Table.Td>
                    <Table.Td>
                      {summary ? <ErrorText summary={summary} raw={d.cause ?? summary} /> : <Text size="sm">—</Text>}
                      <Text size="xs" c="dimmed">
                        from {d.location}
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Scroll>
      )}
    </Paper>
  );
}

type AlertRow = MonitorAlertRowFragment;

/** The alerts sent: the latest page follows the monitor's events; older ones load on demand,
 * a page at a time. */
function AlertHistory({ monitorId, latest, total, after }: { monitorId: string; latest: AlertRow[]; total: number; after: string | null }) {
  const client = useClient();
  const [older, setOlder] = useState<{ rows: AlertRow[]; after: string | null } | null>(null);
  const [loading, setLoading] = useState(false);
  const next = older ? older.after : after;
  const seen = new Set(latest.map((a) => a.id));
  const alerts = [...latest, ...(older?.rows ?? []).filter((a) => !seen.has(a.id))];
  const loadOlder = async () => {
    if (!next) return;
    setLoading(true);
    const page = await client.query(OlderAlertsQuery, { id: monitorId, after: next }, { requestPolicy: 'network-only' }).toPromise();
    setLoading(false);
    const alertsPage = page.data?.monitor?.alerts;
    if (!alertsPage) return;
    setOlder((prev) => ({ rows: [...(prev?.rows ?? []), ...alertsPage.nodes], after: alertsPage.pageInfo.hasNextPage ? (alertsPage.pageInfo.endCursor ?? null) : null }));
  };
  return (
    <Paper withBorder p="md">
      <Title order={2} size="h4" mb="xs">
        Alerts sent
      </Title>
      {alerts.length === 0 ? (
        <Text size="sm" c="dimmed" data-testid="alerts-empty">
          No alerts yet. They go to the notification providers chosen in the monitor's settings.
        </Text>
      ) : (
        <>
          <Scroll label="Alerts sent" minWidth={560}>
            <Table data-testid="alerts-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>When</Table.Th>
                  <Table.Th>Alert</Table.Th>
                  <Table.Th>Channel</Table.Th>
                  <Table.Th>Delivery</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {alerts.map((a) => (
                  <Table.Tr key={a.id} data-testid="alert-row">
                    <Table.Td>
                      <When iso={a.sentAt} />
                    </Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{alertTypeLabel(a.type)}</Table.Td>
                    <Table.Td>
                      <Text size="sm">{a.providerName ?? 'A deleted provider'}</Text>
                      <Text size="xs" c="dimmed">
                        {channelLabel(a.channel)}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Badge variant="light" color={DELIVERY_COLORS[a.status] ?? 'gray'} data-testid="alert-status" data-status={a.status} style={{ flexShrink: 0 }}>
                        {a.status.toLowerCase()}
                      </Badge>
                      <Text size="xs" c="dimmed">
                        {a.attempts === 1 ? '1 attempt' : `${a.attempts} attempts`}
                        {a.status === 'PENDING' && a.nextAttemptAt ? `, next ${relativeTime(a.nextAttemptAt)}` : ''}
                      </Text>
                      {a.error && (
                        <Text size="xs" c="red" style={{ wordBreak: 'break-word' }}>
                          {a.error}
                        </Text>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Scroll>
          {total > alerts.length && (
            <Group gap="sm" mt="xs">
              <Text size="sm" c="dimmed" data-testid="alerts-shown">
                The latest {alerts.length} of {total} deliveries.
              </Text>
              {next && (
                <Button variant="default" size="xs" loading={loading} onClick={() => void loadOlder()}>
                  Show older alerts
                </Button>
              )}
            </Group>
          )}
        </>
      )}
    </Paper>
  );
}

function ResponseTimes({ monitorId, tick }: { monitorId: string; tick: number }) {
  const [params, setParams] = useSearchParams();
  const selected = rangeFromParam(params.get('range'));
  const range = selected.value;
  const setRange = (param: string) =>
    setParams(
      (p) => {
        const next = new URLSearchParams(p);
        next.set('range', param);
        return next;
      },
      { replace: true },
    );
  const [result, refetch] = useQuery({ query: ResponseTimesQuery, variables: { id: monitorId, range } });
  useEffect(() => {
    if (tick > 0) refetch({ requestPolicy: 'network-only' });
    // Only a new tick refetches (`refetch` changes with the variables, which refetch anyway).
  }, [tick]);
  const hours = selected.hours;
  const buckets = result.data?.monitor?.responseTimes ?? [];
  return (
    <Paper withBorder p="md">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4">
          Response time
        </Title>
        <SegmentedControl size="xs" aria-label="Range" value={selected.param} onChange={setRange} data={RANGES.map((r) => ({ value: r.param, label: r.label }))} />
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
