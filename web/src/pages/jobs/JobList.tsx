import { Anchor, Button, Code, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { RunnerBanner } from '../../components/RunnerBanner';
import { Page } from '../../components/Page';
import { StatusBadge } from '../../components/StatusBadge';
import { Empty, QueryView } from '../../components/States';
import { graphql } from '../../gql';
import { describeCron } from './cron';
import { dateTime, relativeTime } from '../../lib/format';
import { useRefetchOnReconnect } from '../../lib/live';
import { useRefetchOnRunChanges } from './liveJobs';
import { atLeast, useProject } from '../../lib/project';

const JobsQuery = graphql(`
  query Jobs($projectId: ID!) {
    jobs(projectId: $projectId, first: 200) {
      totalCount
      nodes {
        id
        name
        jobType
        status
        cronSchedule
        nextRunAt
        schedulePaused
        lastRunAt
        tests {
          id
        }
      }
    }
  }
`);

export default function JobList() {
  const project = useProject();
  const [result, refetch] = useQuery({ query: JobsQuery, variables: { projectId: project.id } });
  const reload = () => refetch({ requestPolicy: 'network-only' });
  useRefetchOnReconnect(reload);
  // Status and last run follow the jobs' runs.
  useRefetchOnRunChanges(project.id, reload);
  const editor = atLeast(project.viewerLevel, 'PROJECT_EDITOR');
  const nodes = result.data?.jobs.nodes ?? [];
  return (
    <Page
      title="Jobs"
      description="Tests run together, by hand, from CI/CD or on a schedule (UTC). Status and last run update as runs start and end."
      actions={
        editor && (
          <Button component={Link} to="new">
            New job
          </Button>
        )
      }
    >
      <RunnerBanner />
      <QueryView
        result={result}
        retry={reload}
        isEmpty={nodes.length === 0}
        empty={
          <Empty
            title="No jobs yet"
            action={
              editor && (
                <Button component={Link} to="new">
                  Create a job
                </Button>
              )
            }
          >
            A job runs Playwright or k6 tests in order, when you trigger it, when CI calls its URL, or on a cron schedule.
          </Empty>
        }
      >
        {() => (
          <Table striped highlightOnHover data-testid="job-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Status</Table.Th>
                <Table.Th>Name</Table.Th>
                <Table.Th>Runner</Table.Th>
                <Table.Th>Schedule</Table.Th>
                <Table.Th>Next run</Table.Th>
                <Table.Th>Last run</Table.Th>
                <Table.Th>Tests</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {nodes.map((j) => (
                <Table.Tr key={j.id} data-testid={`job-row-${j.name}`}>
                  <Table.Td>
                    <StatusBadge status={j.status} testId="job-status" />
                  </Table.Td>
                  <Table.Td>
                    <Anchor component={Link} to={j.id}>
                      {j.name}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{j.jobType === 'K6' ? 'k6' : 'Playwright'}</Table.Td>
                  <Table.Td>
                    {j.cronSchedule ? (
                      <>
                        <Code>{j.cronSchedule}</Code>
                        <Text size="xs" c="dimmed">
                          {describeCron(j.cronSchedule) ?? ''}
                        </Text>
                      </>
                    ) : (
                      <Text size="sm" c="dimmed">
                        none
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td title={dateTime(j.nextRunAt)}>{j.schedulePaused ? 'Paused' : j.nextRunAt ? relativeTime(j.nextRunAt) : '—'}</Table.Td>
                  <Table.Td title={dateTime(j.lastRunAt)}>{relativeTime(j.lastRunAt)}</Table.Td>
                  <Table.Td>{j.tests.length}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </QueryView>
    </Page>
  );
}
