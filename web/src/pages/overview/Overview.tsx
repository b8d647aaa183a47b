import { Anchor, Button, Card, Group, List, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useCallback, useEffect, useRef, type ReactNode } from 'react';
import { Link } from 'react-router';
import { useQuery, useSubscription } from 'urql';
import { Page } from '../../components/Page';
import { StatusBadge } from '../../components/StatusBadge';
import { QueryView } from '../../components/States';
import type { ProjectOverviewQuery as Data } from '../../gql/graphql';
import { formatPercent, relativeTime } from '../../lib/format';
import { useRefetchOnReconnect } from '../../lib/live';
import { atLeast, useProject } from '../../lib/project';
import { OverviewMonitorStatusSubscription, OverviewRunSubscription, OverviewTriggerSubscription, ProjectOverviewQuery } from './operations';

type Overview = Data['projectOverview'];

/** Events in a burst (a check round, a run's steps) cause one reload, this long after the first. */
const SETTLE_MS = 300;

/** `/projects/:projectId/overview`: the project at a glance, live. */
export default function OverviewPage() {
  const project = useProject();
  const [result, refetch] = useQuery({ query: ProjectOverviewQuery, variables: { projectId: project.id } });
  const reload = useCallback(() => refetch({ requestPolicy: 'network-only' }), [refetch]);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const soon = useCallback(() => {
    if (timer.current) return;
    timer.current = setTimeout(() => {
      timer.current = null;
      reload();
    }, SETTLE_MS);
  }, [reload]);
  useEffect(() => () => (timer.current ? clearTimeout(timer.current) : undefined), []);
  const variables = { projectId: project.id };
  const onEvent = () => {
    soon();
    return null;
  };
  useSubscription({ query: OverviewMonitorStatusSubscription, variables }, onEvent);
  useSubscription({ query: OverviewRunSubscription, variables }, onEvent);
  useSubscription({ query: OverviewTriggerSubscription, variables }, onEvent);
  useRefetchOnReconnect(reload);

  return (
    <Page title="Overview" description={`${project.name}: monitors, incidents, runs and triggers, updated live.`}>
      <QueryView result={result} retry={reload}>
        {() => <Dashboard overview={result.data!.projectOverview} base={`/projects/${project.id}`} editor={atLeast(project.viewerLevel, 'PROJECT_EDITOR')} />}
      </QueryView>
    </Page>
  );
}

function count(overview: Overview, status: string): number {
  return overview.monitorCounts.find((c) => c.status === status)?.count ?? 0;
}

function Dashboard({ overview, base, editor }: { overview: Overview; base: string; editor: boolean }) {
  const monitors = overview.monitorCounts.reduce((sum, c) => sum + c.count, 0);
  const failing = count(overview, 'DOWN') + count(overview, 'ERROR');
  const fresh = monitors === 0 && overview.testCount === 0 && overview.callbackCount === 0;
  const triggers = overview.triggers;
  return (
    <Stack gap="lg">
      {fresh && <GettingStarted base={base} editor={editor} />}
      <SimpleGrid cols={{ base: 1, xs: 2, lg: 4 }} spacing="md">
        <Figure title="Monitors" to={`${base}/monitors`} testId="overview-monitors">
          {monitors === 0 ? (
            <Text size="sm" c="dimmed">
              None yet
            </Text>
          ) : (
            <Group gap="md" wrap="wrap">
              <Count label="up" value={count(overview, 'UP')} testId="count-up" />
              <Count label="down" value={failing} testId="count-down" alert={failing > 0} />
              <Count label="paused" value={count(overview, 'PAUSED')} testId="count-paused" />
              {monitors - count(overview, 'UP') - failing - count(overview, 'PAUSED') > 0 && (
                <Count label="other" value={monitors - count(overview, 'UP') - failing - count(overview, 'PAUSED')} testId="count-other" />
              )}
            </Group>
          )}
        </Figure>
        <Figure title="Open incidents" to={`${base}/status-pages`} testId="overview-incidents">
          <Count label={overview.statusPageCount === 1 ? 'on 1 status page' : `on ${overview.statusPageCount} status pages`} value={overview.openIncidents.length} alert={overview.openIncidents.length > 0} testId="count-incidents" />
        </Figure>
        <Figure title="Tests and jobs" to={`${base}/jobs`} testId="overview-jobs">
          <Group gap="md">
            <Count label="tests" value={overview.testCount} testId="count-tests" />
            <Count label="jobs" value={overview.jobCount} testId="count-jobs" />
            <Count label="failing" value={overview.failingJobs.length} alert={overview.failingJobs.length > 0} testId="count-failing-jobs" />
          </Group>
        </Figure>
        <Figure title={`Callback triggers, ${triggers.windowHours} h`} to={`${base}/callbacks`} testId="overview-triggers">
          <Group gap="md">
            <Count label="triggers" value={triggers.total} testId="count-triggers" />
            <Count label="error rate" value={triggers.errorRate === null || triggers.errorRate === undefined ? '—' : formatPercent(triggers.errorRate, 1)} alert={triggers.failed > 0} testId="error-rate" />
          </Group>
        </Figure>
      </SimpleGrid>

      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <Section title="Failing monitors" testId="failing-monitors" empty={monitors === 0 ? <EmptyLink text="No monitors yet." to={`${base}/monitors/new`} action="Create a monitor" editor={editor} /> : 'Every monitor is up or paused.'}>
          {overview.failingMonitors.map((m) => (
            <Row key={m.id} badge={<StatusBadge status={m.status} />} to={`${base}/monitors/${m.id}`} label={m.name} detail={`since ${relativeTime(m.lastStatusChangeAt)}`} />
          ))}
        </Section>
        <Section title="Open incidents" testId="open-incidents" empty={overview.statusPageCount === 0 ? <EmptyLink text="No status page yet." to={`${base}/status-pages`} action="Create a status page" editor={editor} /> : 'No open incident.'}>
          {overview.openIncidents.map((i) => (
            <Row key={i.id} badge={<StatusBadge status={i.status} />} to={`${base}/status-pages/${i.statusPageId}/incidents/${i.id}`} label={i.title} detail={`opened ${relativeTime(i.createdAt)}`} />
          ))}
        </Section>
        <Section title="Failing jobs" testId="failing-jobs" empty={overview.jobCount === 0 ? <EmptyLink text="No jobs yet." to={overview.testCount === 0 ? `${base}/tests/new` : `${base}/jobs/new`} action={overview.testCount === 0 ? 'Write a test' : 'Create a job'} editor={editor} /> : 'No job is failing.'}>
          {overview.failingJobs.map((j) => (
            <Row key={j.id} badge={<StatusBadge status={j.status} />} to={`${base}/jobs/${j.id}`} label={j.name} detail={`last run ${relativeTime(j.lastRunAt)}`} />
          ))}
        </Section>
        <Section title="Recent runs" testId="recent-runs" empty="No runs yet: trigger a job or run a test from its editor." more={overview.recentRuns.length > 0 ? { to: `${base}/runs`, label: 'All runs' } : undefined}>
          {overview.recentRuns.map((r) => (
            <Row key={r.id} badge={<StatusBadge status={r.status} />} to={`${base}/runs/${r.id}`} label={r.job?.name ?? (r.testId ? 'Test run' : 'Run')} detail={`${r.trigger.toLowerCase()} · ${relativeTime(r.createdAt)}`} />
          ))}
        </Section>
      </SimpleGrid>
    </Stack>
  );
}

function GettingStarted({ base, editor }: { base: string; editor: boolean }) {
  return (
    <Card withBorder padding="lg" data-testid="getting-started">
      <Title order={2} size="h4" mb="xs">
        Get started
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        This project is empty. Three first steps, each a minute:
      </Text>
      <List size="sm" spacing="xs" type="ordered">
        <List.Item>
          <Anchor component={Link} to={`${base}/monitors/new`}>
            Create a monitor
          </Anchor>{' '}
          to check a URL, a host or a port every few minutes and hear when it goes down.
        </List.Item>
        <List.Item>
          <Anchor component={Link} to={`${base}/tests/new`}>
            Write a test
          </Anchor>{' '}
          (Playwright or k6), then schedule it with a job.
        </List.Item>
        <List.Item>
          <Anchor component={Link} to={`${base}/callbacks/new`}>
            Create a callback
          </Anchor>{' '}
          to receive webhooks at a trigger URL and run actions.
        </List.Item>
      </List>
      {!editor && (
        <Text size="sm" c="dimmed" mt="sm">
          Your role in this project can view, not create: ask a project admin.
        </Text>
      )}
    </Card>
  );
}

function Figure({ title, to, testId, children }: { title: string; to: string; testId: string; children: ReactNode }) {
  return (
    <Card withBorder padding="md" data-testid={testId}>
      <Anchor component={Link} to={to} fw={600} size="sm" mb="xs" display="block">
        {title}
      </Anchor>
      {children}
    </Card>
  );
}

function Count({ label, value, testId, alert = false }: { label: string; value: number | string; testId: string; alert?: boolean }) {
  return (
    <Stack gap={0}>
      <Text fz={28} fw={700} lh={1.1} c={alert ? 'red.8' : undefined} data-testid={testId}>
        {value}
      </Text>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
    </Stack>
  );
}

function Section({ title, testId, empty, more, children }: { title: string; testId: string; empty: ReactNode; more?: { to: string; label: string }; children: ReactNode[] }) {
  return (
    <Card withBorder padding="md" data-testid={testId}>
      <Group justify="space-between" mb="xs" wrap="nowrap">
        <Title order={2} size="h5">
          {title}
        </Title>
        {more && (
          <Anchor component={Link} to={more.to} size="sm">
            {more.label}
          </Anchor>
        )}
      </Group>
      {children.length === 0 ? (
        typeof empty === 'string' ? (
          <Text size="sm" c="dimmed">
            {empty}
          </Text>
        ) : (
          empty
        )
      ) : (
        <Stack gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {children}
        </Stack>
      )}
    </Card>
  );
}

function Row({ badge, to, label, detail }: { badge: ReactNode; to: string; label: string; detail: string }) {
  return (
    <Group component="li" gap="sm" wrap="nowrap" align="center">
      {badge}
      <Stack gap={0} style={{ minWidth: 0 }}>
        <Anchor component={Link} to={to} size="sm" truncate="end">
          {label}
        </Anchor>
        <Text size="xs" c="dimmed">
          {detail}
        </Text>
      </Stack>
    </Group>
  );
}

function EmptyLink({ text, to, action, editor }: { text: string; to: string; action: string; editor: boolean }) {
  return (
    <Group gap="sm">
      <Text size="sm" c="dimmed">
        {text}
      </Text>
      {editor && (
        <Button component={Link} to={to} size="xs" variant="light">
          {action}
        </Button>
      )}
    </Group>
  );
}
