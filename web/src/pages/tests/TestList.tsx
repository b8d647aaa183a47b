import { Anchor, Badge, Button, Group, Select, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { RunnerBanner } from '../../components/RunnerBanner';
import { StatusBadge } from '../../components/StatusBadge';
import { Page } from '../../components/Page';
import { Empty, QueryView } from '../../components/States';
import { graphql } from '../../gql';
import type { TestPriority, TestType } from '../../gql/graphql';
import { dateTime, enumLabel, relativeTime } from '../../lib/format';
import { useRefetchOnReconnect } from '../../lib/live';
import { useRefetchOnRunChanges } from '../jobs/liveJobs';
import { atLeast, useProject } from '../../lib/project';
import { TEST_TYPES } from '../../lib/testForm';
import { TagsQuery } from '../settings/Tags';

const TestsQuery = graphql(`
  query Tests($projectId: ID!, $filter: TestFilter) {
    tests(projectId: $projectId, first: 200, filter: $filter) {
      totalCount
      nodes {
        id
        title
        type
        priority
        updatedAt
        lastRun {
          id
          status
          createdAt
          completedAt
        }
        tags {
          id
          name
          color
        }
      }
    }
  }
`);

const PRIORITY_COLORS: Record<TestPriority, string> = { HIGH: 'red', MEDIUM: 'yellow', LOW: 'gray' };

export function PriorityBadge({ priority }: { priority: TestPriority }) {
  return (
    <Badge variant="light" color={PRIORITY_COLORS[priority]}>
      {priority.toLowerCase()}
    </Badge>
  );
}

export default function TestList() {
  const project = useProject();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 250);
  const [type, setType] = useState<string | null>(null);
  const [tagId, setTagId] = useState<string | null>(null);
  const filter = { search: debounced || undefined, type: (type as TestType) ?? undefined, tagId: tagId ?? undefined };
  const [result, refetch] = useQuery({ query: TestsQuery, variables: { projectId: project.id, filter } });
  const [tags] = useQuery({ query: TagsQuery, variables: { projectId: project.id } });
  const reload = () => refetch({ requestPolicy: 'network-only' });
  useRefetchOnReconnect(reload);
  // Each test's last result follows its runs.
  useRefetchOnRunChanges(project.id, reload);
  const editor = atLeast(project.viewerLevel, 'PROJECT_EDITOR');
  const nodes = result.data?.tests.nodes ?? [];
  const filtering = Boolean(debounced || type || tagId);
  const total = result.data?.tests.totalCount ?? 0;
  return (
    <Page
      title="Tests"
      description="Playwright tests and k6 scripts. Jobs run them; the editor runs one on its own."
      actions={
        editor && (
          <Button component={Link} to="new">
            New test
          </Button>
        )
      }
    >
      <RunnerBanner />
      <Group align="flex-end">
        <TextInput label="Search" placeholder="Part of the title" value={search} onChange={(e) => setSearch(e.currentTarget.value)} />
        <Select label="Type" placeholder="Any" clearable data={TEST_TYPES.map((t) => ({ value: t.value, label: t.label }))} value={type} onChange={setType} />
        <Select
          label="Tag"
          placeholder={tags.data?.tags.nodes.length ? 'Any' : 'No tags'}
          clearable
          disabled={!tags.data?.tags.nodes.length}
          data={(tags.data?.tags.nodes ?? []).map((t) => ({ value: t.id, label: t.name }))}
          value={tagId}
          onChange={setTagId}
        />
      </Group>
      <QueryView
        result={result}
        retry={reload}
        isEmpty={nodes.length === 0}
        empty={
          filtering ? (
            <Empty title="No test matches" />
          ) : (
            <Empty
              title="No tests yet"
              action={
                editor && (
                  <Button component={Link} to="new">
                    Write your first test
                  </Button>
                )
              }
            >
              A test is a Playwright spec (browser, API, database) or a k6 load test script.
            </Empty>
          )
        }
      >
        {() => (
          <>
            <Table striped highlightOnHover data-testid="test-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Title</Table.Th>
                  <Table.Th>Type</Table.Th>
                  <Table.Th>Priority</Table.Th>
                  <Table.Th>Last run</Table.Th>
                  <Table.Th>Tags</Table.Th>
                  <Table.Th>Updated</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {nodes.map((t) => (
                  <Table.Tr key={t.id} data-testid={`test-row-${t.title}`}>
                    <Table.Td>
                      <Anchor component={Link} to={t.id}>
                        {t.title}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>{t.type === 'PERFORMANCE' ? 'Performance (k6)' : enumLabel(t.type)}</Table.Td>
                    <Table.Td>
                      <PriorityBadge priority={t.priority} />
                    </Table.Td>
                    <Table.Td data-testid="test-last-run">
                      {t.lastRun ? (
                        <Group gap={6} wrap="nowrap">
                          <Anchor component={Link} to={`/projects/${project.id}/runs/${t.lastRun.id}`} aria-label={`Last run: ${t.lastRun.status.toLowerCase().replace(/_/g, ' ')}`}>
                            <StatusBadge status={t.lastRun.status} />
                          </Anchor>
                          <Text size="sm" c="dimmed" title={dateTime(t.lastRun.completedAt ?? t.lastRun.createdAt)} style={{ whiteSpace: 'nowrap' }}>
                            {relativeTime(t.lastRun.completedAt ?? t.lastRun.createdAt)}
                          </Text>
                        </Group>
                      ) : (
                        <Text size="sm" c="dimmed">
                          never run
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Group gap={4}>
                        {t.tags.map((tag) => (
                          <Badge key={tag.id} variant="default" leftSection={tag.color ? <span aria-hidden style={{ display: 'inline-block', width: 8, height: 8, borderRadius: 4, background: tag.color }} /> : undefined}>
                            {tag.name}
                          </Badge>
                        ))}
                      </Group>
                    </Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{relativeTime(t.updatedAt)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
            {total > nodes.length && (
              <Text size="sm" c="dimmed">
                The first {nodes.length} of {total} tests; search to find the others.
              </Text>
            )}
          </>
        )}
      </QueryView>
    </Page>
  );
}
