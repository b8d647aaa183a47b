// A run as it goes: its state over `runUpdated`, its output as stored so far merged with the
// lines of `runLog`, then the stored log, artifacts and k6 figures once it has finished. Used by
// the run page and the test editor.
import { Alert, Anchor, Badge, Group, List, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useQuery, useSubscription } from 'urql';
import type { RunDetailFragment } from '../../gql/graphql';
import { formatMs } from '../../lib/format';
import { useRefetchOnReconnect } from '../../lib/live';
import { addLiveLines, artifactName, atBottom, isFinal, latestStored, mergeLog, pickRun, sameOrigin, type LiveLine, type MergedLog } from '../../lib/runLog';
import { RunLogSubscription, RunQuery, RunUpdatedSubscription } from './operations';

export type LiveRunData = RunDetailFragment & { job: (RunDetailFragment['job'] & { tests?: { id: string; title: string }[] }) | null };

/**
 * After a gap in the output, the run is fetched again this long after: the server saves the
 * output so far every 2 s, so by then the saved output holds the missing lines.
 */
const GAP_REFETCH_MS = 2500;

/** The run with its live state and output. */
export function useLiveRun(runId: string) {
  const [result, refetch] = useQuery({ query: RunQuery, variables: { id: runId } });
  const [live, setLive] = useState<RunDetailFragment | null>(null);
  const [lines, setLines] = useState<readonly LiveLine[]>([]);
  const loaded = result.data?.run ?? null;
  const run = pickRun<LiveRunData>(loaded, live ? { ...live, job: loaded?.job ?? live.job } : null);
  const done = run ? isFinal(run.status) : false;

  // Subscribed from the start (not after the query): lines printed meanwhile are in the
  // stored output, the rest come live; the merge skips what both have.
  useSubscription({ query: RunUpdatedSubscription, variables: { runId }, pause: done }, (_prev: unknown, event) => {
    setLive(event.runUpdated);
    return null;
  });
  useSubscription({ query: RunLogSubscription, variables: { runId }, pause: done }, (_prev: unknown, event) => {
    const { number, line } = event.runLog;
    setLines((current) => addLiveLines(current, [{ number, line }]));
    return null;
  });

  // The stored output: of the loaded run or of the last live event, whichever holds more.
  const stored = run ? latestStored(loaded, live) : null;
  const storedLogs = stored?.logs ?? null;
  const storedLines = stored?.logLines ?? null;
  const known = run !== null;
  const output = useMemo(() => mergeLog(known ? { logs: storedLogs, logLines: storedLines } : null, lines), [known, storedLogs, storedLines, lines]);

  // Lines missing between the stored output and live lines: fetch the run again, once a gap.
  const latestRefetch = useRef(refetch);
  latestRefetch.current = refetch;
  const askedFor = useRef(new Set<number>());
  const timers = useRef<ReturnType<typeof setTimeout>[]>([]);
  useEffect(() => {
    if (done || output.gapAt === null || askedFor.current.has(output.gapAt)) return;
    askedFor.current.add(output.gapAt);
    timers.current.push(setTimeout(() => latestRefetch.current({ requestPolicy: 'network-only' }), GAP_REFETCH_MS));
  }, [done, output.gapAt]);
  useEffect(() => {
    const pending = timers.current;
    return () => pending.forEach(clearTimeout);
  }, []);

  const reload = () => {
    setLive(null);
    refetch({ requestPolicy: 'network-only' });
  };
  // Lines printed while the socket was down are in the output saved since.
  useRefetchOnReconnect(reload);
  return { result, run, output, reload };
}

/** The output: what was stored and what came live, merged by line number. */
export function RunOutput({ run, output }: { run: RunDetailFragment; output: MergedLog }) {
  const running = !isFinal(run.status);
  const source = running ? 'live' : run.logs ? 'stored' : output.lines.length > 0 ? 'live' : 'none';
  const box = useRef<HTMLPreElement>(null);
  const follow = useRef(true);
  useLayoutEffect(() => {
    const el = box.current;
    if (el && follow.current) el.scrollTop = el.scrollHeight;
  }, [output.last, output.lines.length, source]);
  return (
    <Stack gap="xs">
      <Group justify="space-between">
        <Title order={2} size="h4">
          Output
        </Title>
        {run.logsUrl && (
          <Anchor href={sameOrigin(run.logsUrl)} target="_blank" rel="noopener" size="sm">
            Whole log
          </Anchor>
        )}
      </Group>
      {output.partial && (
        <Text size="sm" c="dimmed" data-testid="log-partial">
          {running ? 'Only the latest lines are shown here; the whole log is stored with the run when it ends.' : 'Only the end of the output is shown here.'}
        </Text>
      )}
      {source === 'stored' && run.logsUrl && (
        <Text size="xs" c="dimmed">
          Secrets are masked. The whole log is linked above.
        </Text>
      )}
      {output.lines.length === 0 ? (
        <Text size="sm" c="dimmed" data-testid="log-empty">
          {run.status === 'QUEUED' ? 'Waiting for a runner to pick the run up…' : running ? 'Waiting for output…' : 'The run printed nothing.'}
        </Text>
      ) : (
        <pre
          ref={box}
          className="run-log"
          tabIndex={0}
          role="region"
          aria-label={`Output of the run${running ? ', updating live' : ''}`}
          data-testid="run-log"
          data-source={source}
          data-first-line={output.first ?? undefined}
          data-last-line={output.last}
          data-gap={output.gap}
          onScroll={(e) => {
            const el = e.currentTarget;
            follow.current = atBottom(el.scrollTop, el.clientHeight, el.scrollHeight);
          }}
        >
          {output.lines.join('\n')}
        </pre>
      )}
    </Stack>
  );
}

const ARTIFACT_LABELS: Record<string, string> = {
  report: 'HTML report',
  log: 'Whole log',
  results: 'Results (JSON)',
  screenshot: 'Screenshot',
  video: 'Video',
  trace: 'Trace',
  'k6-report': 'k6 HTML report',
  'k6-summary': 'k6 summary (JSON)',
  'k6-console': 'k6 console output',
};

/** The report link and every stored artifact. */
export function RunArtifacts({ run }: { run: RunDetailFragment }) {
  const k6 = run.k6Results.length > 0 || run.job?.jobType === 'K6';
  // The main report is listed first on its own; the same file as `k6-report` is not repeated.
  const others = run.artifacts.filter((a) => a.kind !== 'report' && !(a.kind === 'k6-report' && a.url === run.reportUrl) && a.kind !== 'log');
  const screenshots = others.filter((a) => a.kind === 'screenshot').slice(0, 6);
  if (!run.reportUrl && others.length === 0) {
    return isFinal(run.status) ? (
      <Text size="sm" c="dimmed">
        No artifacts were stored for this run.
      </Text>
    ) : null;
  }
  return (
    <Stack gap="xs" data-testid="run-artifacts">
      <Title order={2} size="h4">
        Report and artifacts
      </Title>
      {run.reportUrl && (
        <Text size="sm">
          <Anchor href={sameOrigin(run.reportUrl)} target="_blank" rel="noopener" fw={600}>
            {k6 ? 'Open the k6 report' : 'Open the Playwright report'}
          </Anchor>
        </Text>
      )}
      {screenshots.length > 0 && (
        <Group gap="sm">
          {screenshots.map((a) => (
            <Anchor key={a.path} href={sameOrigin(a.url)} target="_blank" rel="noopener" underline="never">
              <img src={sameOrigin(a.url)} alt={`Screenshot ${artifactName(a.path)}`} loading="lazy" height={120} style={{ border: '1px solid var(--mantine-color-default-border)', borderRadius: 4, display: 'block' }} />
            </Anchor>
          ))}
        </Group>
      )}
      {others.length > 0 && (
        <List size="sm" spacing={4}>
          {others.map((a) => (
            <List.Item key={a.path}>
              <Anchor href={sameOrigin(a.url)} target="_blank" rel="noopener">
                {ARTIFACT_LABELS[a.kind] ?? a.kind}
              </Anchor>{' '}
              <Text span size="xs" c="dimmed" className="mono">
                {artifactName(a.path)}
              </Text>
            </List.Item>
          ))}
        </List>
      )}
    </Stack>
  );
}

function Stat({ label, value, testId }: { label: string; value: string; testId?: string }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={600} data-testid={testId}>
        {value}
      </Text>
    </div>
  );
}

const num = (n: number | null | undefined) => (n == null ? '—' : n.toLocaleString('en'));

/** k6's figures, one block per performance test of the run. */
export function K6Metrics({ run, titles }: { run: RunDetailFragment; titles: Map<string, string> }) {
  if (run.k6Results.length === 0) return null;
  return (
    <Stack gap="xs" data-testid="k6-metrics">
      <Title order={2} size="h4">
        k6 metrics
      </Title>
      {run.k6Results.map((k, i) => {
        const failedShare = k.totalRequests ? ` (${((100 * (k.failedRequests ?? 0)) / k.totalRequests).toFixed(1)}%)` : '';
        return (
          <Paper withBorder p="sm" key={k.id}>
            <Group justify="space-between" mb="xs">
              <Text fw={600}>{(k.testId && titles.get(k.testId)) || `Performance test ${i + 1}`}</Text>
              <Group gap="xs">
                {k.thresholdsPassed == null ? (
                  <Badge color="gray" variant="light">
                    no thresholds
                  </Badge>
                ) : (
                  <Badge color={k.thresholdsPassed ? 'teal' : 'red'} variant="light" data-testid="k6-thresholds">
                    {k.thresholdsPassed ? 'thresholds passed' : 'thresholds failed'}
                  </Badge>
                )}
              </Group>
            </Group>
            <SimpleGrid cols={{ base: 2, sm: 4, lg: 7 }}>
              <Stat label="Requests" value={num(k.totalRequests)} testId="k6-total" />
              <Stat label="Failed" value={`${num(k.failedRequests)}${failedShare}`} testId="k6-failed" />
              <Stat label="Rate" value={k.requestRate == null ? '—' : `${k.requestRate.toFixed(2)}/s`} />
              <Stat label="Average" value={formatMs(k.avgResponseTimeMs)} />
              <Stat label="95th percentile" value={formatMs(k.p95ResponseTimeMs)} />
              <Stat label="99th percentile" value={formatMs(k.p99ResponseTimeMs)} />
              <Stat label="Duration" value={formatMs(k.durationMs)} />
            </SimpleGrid>
            {k.errorDetails && (
              <Text size="sm" c="red" mt="xs">
                {k.errorDetails}
              </Text>
            )}
            {(k.summaryUrl || k.consoleUrl) && (
              <Group gap="md" mt="xs">
                {k.summaryUrl && (
                  <Anchor href={sameOrigin(k.summaryUrl)} target="_blank" rel="noopener" size="sm">
                    Summary (JSON)
                  </Anchor>
                )}
                {k.consoleUrl && (
                  <Anchor href={sameOrigin(k.consoleUrl)} target="_blank" rel="noopener" size="sm">
                    Console output
                  </Anchor>
                )}
              </Group>
            )}
          </Paper>
        );
      })}
    </Stack>
  );
}

/** What went wrong, when something did. */
export function RunError({ run }: { run: RunDetailFragment }) {
  if (!run.errorDetails || run.status === 'PASSED') return null;
  return (
    <Alert color={run.status === 'CANCELLED' ? 'gray' : 'red'} variant="light" title={run.status === 'CANCELLED' ? 'Cancelled' : 'What went wrong'} data-testid="run-error">
      <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
        {run.errorDetails}
      </Text>
      {run.exitCode != null && (
        <Text size="xs" c="dimmed" mt={4}>
          Exit code {run.exitCode}
        </Text>
      )}
    </Alert>
  );
}

/** Seconds since a time, ticking once a second while `on`. */
export function useElapsed(since: string | null | undefined, on: boolean): number | null {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!on) return;
    const t = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(t);
  }, [on]);
  if (!since) return null;
  return Math.max(0, Math.round((now - new Date(since).getTime()) / 1000));
}
