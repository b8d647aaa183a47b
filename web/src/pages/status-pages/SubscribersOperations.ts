// The GraphQL operations of a status page's subscribers and metrics.
import { graphql } from '../../gql';

export const SubscribersQuery = graphql(`
  query StatusPageSubscribers($statusPageId: ID!, $first: Int!, $after: String, $filter: StatusPageSubscriberFilter) {
    statusPageSubscribers(statusPageId: $statusPageId, first: $first, after: $after, filter: $filter) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        ...SubscriberFields
      }
    }
  }
  fragment SubscriberFields on StatusPageSubscriber {
    id
    mode
    state
    email
    phoneNumber
    phoneCountry
    endpoint
    componentIds
    incidentIds
    confirmedAt
    quarantinedAt
    purgeAt
    failedDeliveries
    createdAt
  }
`);

export const SubscribersCsvQuery = graphql(`
  query StatusPageSubscribersCsv($statusPageId: ID!) {
    statusPageSubscribersCsv(statusPageId: $statusPageId)
  }
`);

export const StatusPageMetricsQuery = graphql(`
  query StatusPageMetrics($id: ID!, $days: Int!) {
    statusPage(id: $id) {
      id
      metrics(days: $days) {
        date
        pageViews
        subscribers
        pendingSubscribers
        quarantinedSubscribers
      }
    }
  }
`);

export const AddSubscriberMutation = graphql(`
  mutation AddStatusPageSubscriber($input: AddStatusPageSubscriberInput!) {
    addStatusPageSubscriber(input: $input) {
      signingSecret
      subscriber {
        ...SubscriberFields
      }
    }
  }
`);

export const RemoveSubscriberMutation = graphql(`
  mutation RemoveStatusPageSubscriber($id: ID!) {
    removeStatusPageSubscriber(id: $id)
  }
`);

export const ClearQuarantineMutation = graphql(`
  mutation ClearStatusPageSubscriberQuarantine($id: ID!) {
    clearStatusPageSubscriberQuarantine(id: $id) {
      ...SubscriberFields
    }
  }
`);
