// Operations on runs shared by the runs list, the run page, jobs and the test editor.
import { graphql } from '../../gql';

export const RunRowFragment = graphql(`
  fragment RunRow on Run {
    id
    jobId
    testId
    status
    trigger
    createdAt
    startedAt
    completedAt
    durationMs
    duration
    cancelRequested
    job {
      id
      name
      jobType
    }
  }
`);

export const RunDetailFragment = graphql(`
  fragment RunDetail on Run {
    ...RunRow
    location
    logs
    logLines
    errorDetails
    exitCode
    attempt
    reportUrl
    logsUrl
    videoUrl
    artifacts {
      kind
      path
      url
    }
    k6Results {
      id
      testId
      status
      durationMs
      thresholdsPassed
      totalRequests
      failedRequests
      requestRate
      avgResponseTimeMs
      p95ResponseTimeMs
      p99ResponseTimeMs
      errorDetails
      reportUrl
      consoleUrl
      summaryUrl
    }
  }
`);

export const RunQuery = graphql(`
  query Run($id: ID!) {
    run(id: $id) {
      ...RunDetail
      job {
        id
        name
        jobType
        tests {
          id
          title
        }
      }
    }
  }
`);

export const RunUpdatedSubscription = graphql(`
  subscription RunUpdated($runId: ID!) {
    runUpdated(runId: $runId) {
      ...RunDetail
    }
  }
`);

/** Every run of a project as it changes, new ones included: the runs lists. */
export const ProjectRunUpdatedSubscription = graphql(`
  subscription ProjectRunUpdated($projectId: ID!) {
    runUpdated(projectId: $projectId) {
      ...RunRow
    }
  }
`);

export const RunLogSubscription = graphql(`
  subscription RunLog($runId: ID!) {
    runLog(runId: $runId) {
      runId
      number
      line
    }
  }
`);

export const CancelRunMutation = graphql(`
  mutation CancelRun($id: ID!) {
    cancelRun(id: $id) {
      id
      status
      cancelRequested
    }
  }
`);

export const TriggerJobMutation = graphql(`
  mutation TriggerJob($id: ID!) {
    triggerJob(id: $id) {
      ...RunRow
    }
  }
`);

export const RunTestMutation = graphql(`
  mutation RunTest($id: ID!, $script: String) {
    runTest(id: $id, script: $script) {
      ...RunRow
    }
  }
`);

/** Titles of a project's tests, to name single-test runs and k6 results. */
export const TestTitlesQuery = graphql(`
  query TestTitles($projectId: ID!) {
    tests(projectId: $projectId, first: 200) {
      nodes {
        id
        title
      }
    }
  }
`);
