import { graphql } from '../../gql';

/** Everything the dashboard shows, in one request (a fixed number of statements). */
export const ProjectOverviewQuery = graphql(`
  query ProjectOverview($projectId: ID!) {
    projectOverview(projectId: $projectId) {
      monitorCounts {
        status
        count
      }
      failingMonitors {
        id
        name
        target
        status
        lastStatusChangeAt
      }
      openIncidents {
        id
        statusPageId
        title
        status
        impact
        createdAt
      }
      failingJobs {
        id
        name
        status
        lastRunAt
      }
      recentRuns {
        id
        status
        trigger
        createdAt
        durationMs
        testId
        job {
          id
          name
        }
      }
      testCount
      jobCount
      callbackCount
      statusPageCount
      triggers {
        windowHours
        total
        failed
        errorRate
      }
    }
  }
`);

export const OverviewMonitorStatusSubscription = graphql(`
  subscription OverviewMonitorStatus($projectId: ID!) {
    monitorStatusChanged(projectId: $projectId) {
      id
      status
    }
  }
`);

export const OverviewRunSubscription = graphql(`
  subscription OverviewRunUpdated($projectId: ID!) {
    runUpdated(projectId: $projectId) {
      id
      status
    }
  }
`);

export const OverviewTriggerSubscription = graphql(`
  subscription OverviewCallbackLogAdded($projectId: ID!) {
    callbackLogAdded(projectId: $projectId) {
      id
      success
    }
  }
`);
