import { Button, Group, Select, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import { useClient, useQuery } from 'urql';
import { Page } from '../../components/Page';
import { Empty, QueryView } from '../../components/States';
import { graphql } from '../../gql';
import type { RunRowFragment, RunStatus, RunTrigger } from '../../gql/graphql';
import { errorText } from '../../lib/errors';
import { enumLabel } from '../../lib/format';
import { useRefetchOnReconnect } from '../../lib/live';
import { useProject } from '../../lib/project';
import { TestTitlesQuery } from './operations';
import { RunTable, useLiveRows } from './RunTable';

const RunsQuery = graphql(`
  query Runs($projectId: ID!, $filter: RunFilter, $after: String) {
    runs(projectId: $projectId, first: 50, after: $after, filter: $filter) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        ...RunRow
      }
    }
  }
`);

const JobNamesQuery = graphql(`
  query JobNames($projectId: ID!) {
    jobs(projectId: $projectId, first: 200) {
      nodes {
        id
        name
      }
    }
  }
`);

const STATUSES: RunStatus[] = ['QUEUED', 'RUNNING', 'PASSED', 'FAILED', 'ERROR', 'TIMED_OUT', 'CANCELLED'];
const TRIGGERS: RunTrigger[] = ['MANUAL', 'REMOTE', 'SCHEDULE'];

export default function RunList() {
  const project = useProject();
  // Filters live in the address (?job=…&status=…&trigger=…), so a filtered list can be linked.
  const [params, setParams] = useSearchParams();
  const status = params.get('status');
  const trigger = params.get('trigger');
  const jobId = params.get('job');
  const set = (key: string) => (value: string | null) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (value) next.set(key, value);
        else next.delete(key);
        return next;
      },
      { replace: true },
    );
  const filter = { status: (status as RunStatus) ?? undefined, trigger: (trigger as RunTrigger) ?? undefined, jobId: jobId ?? undefined };
  const [result, refetch] = useQuery({ query: RunsQuery, variables: { projectId: project.id, filter } });
  const [jobs] = useQuery({ query: JobNamesQuery, variables: { projectId: project.id } });
  const [titles] = useQuery({ query: TestTitlesQuery, variables: { projectId: project.id } });
  // Older pages, fetched on demand after the first (which stays live through urql).
  const client = useClient();
  // `next`: the cursor after the last older page; undefined until one was loaded.
  type Older = { rows: RunRowFragment[]; next?: string | null; loading: boolean; error: string | null };
  const none: Older = { rows: [], loading: false, error: null };
  const [older, setOlder] = useState<Older>(none);
  const filterKey = JSON.stringify(filter);
  useEffect(() => setOlder({ rows: [], loading: false, error: null }), [filterKey]);
  const first = result.data?.runs;
  const cursor = older.next === undefined ? (first?.pageInfo.hasNextPage ? first.pageInfo.endCursor : null) : older.next;
  const hasMore = Boolean(cursor);
  const loadOlder = async () => {
    if (!cursor) return;
    setOlder((o) => ({ ...o, loading: true, error: null }));
    const page = await client.query(RunsQuery, { projectId: project.id, filter, after: cursor }, { requestPolicy: 'network-only' }).toPromise();
    const runs = page.data?.runs;
    if (!runs) {
      setOlder((o) => ({ ...o, loading: false, error: errorText(page.error) || 'Could not load older runs.' }));
      return;
    }
    setOlder((o) => ({ rows: [...o.rows, ...runs.nodes], next: runs.pageInfo.hasNextPage ? runs.pageInfo.endCursor : null, loading: false, error: null }));
  };
  const seen = new Set((first?.nodes ?? []).map((r) => r.id));
  // Live through the project's run events: changed rows, and new runs that match the filter.
  const live = useLiveRows([...(first?.nodes ?? []), ...older.rows.filter((r) => !seen.has(r.id))], filter);
  const reload = () => {
    live.reset();
    setOlder(none);
    refetch({ requestPolicy: 'network-only' });
  };
  useRefetchOnReconnect(reload);
  const filtering = Boolean(status || trigger || jobId);
  const testTitles = new Map((titles.data?.tests.nodes ?? []).map((t) => [t.id, t.title]));
  const total = (result.data?.runs.totalCount ?? 0) + live.added;
  return (
    <Page
      title="Runs"
      description="Runs of jobs and of single tests, newest first. The list updates live: new runs appear at the top."
    >
      <Group align="flex-end">
        <Select label="Job" placeholder="Any" clearable searchable data={(jobs.data?.jobs.nodes ?? []).map((j) => ({ value: j.id, label: j.name }))} value={jobId} onChange={set('job')} />
        <Select label="Status" placeholder="Any" clearable data={STATUSES.map((s) => ({ value: s, label: enumLabel(s) }))} value={status} onChange={set('status')} />
        <Select label="Trigger" placeholder="Any" clearable data={TRIGGERS.map((t) => ({ value: t, label: enumLabel(t) }))} value={trigger} onChange={set('trigger')} />
      </Group>
      <QueryView
        result={result}
        retry={reload}
        isEmpty={live.rows.length === 0}
        empty={
          filtering ? (
            <Empty title="No run matches" />
          ) : (
            <Empty title="No runs yet">Trigger a job, let its schedule fire, or run a test from its editor: runs show up here.</Empty>
          )
        }
      >
        {() => (
          <>
            <RunTable runs={live.rows} projectId={project.id} testTitles={testTitles} label="Runs" />
            <Group justify="center" gap="sm">
              <Text size="sm" c="dimmed">
                {live.rows.length} of {total} runs
              </Text>
              {hasMore && (
                <Button variant="default" size="xs" loading={older.loading} onClick={() => void loadOlder()}>
                  Show older runs
                </Button>
              )}
              {older.error && (
                <Text size="sm" c="red" role="alert">
                  {older.error}
                </Text>
              )}
            </Group>
          </>
        )}
      </QueryView>
    </Page>
  );
}
