// The GraphQL operations of incidents, scheduled maintenance, templates and postmortems.
import { graphql } from '../../gql';

export const IncidentsQuery = graphql(`
  query StatusPageIncidents($statusPageId: ID!, $first: Int!, $after: String, $filter: IncidentFilter) {
    incidents(statusPageId: $statusPageId, first: $first, after: $after, filter: $filter) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        ...IncidentSummary
      }
    }
  }
  fragment IncidentSummary on Incident {
    id
    kind
    title
    status
    impact
    backfilled
    backfilledAt
    scheduledFor
    scheduledUntil
    remindPrior
    reminderIntervals
    resolvedAt
    shortlink
    createdAt
    components {
      componentId
      newStatus
    }
    postmortem {
      id
      published
    }
  }
`);

export const IncidentQuery = graphql(`
  query StatusPageIncident($id: ID!) {
    incident(id: $id) {
      ...IncidentDetail
    }
  }
  fragment IncidentDetail on Incident {
    id
    statusPageId
    kind
    title
    status
    impact
    impactOverride
    message
    deliverNotifications
    backfilled
    backfilledAt
    scheduledFor
    scheduledUntil
    remindPrior
    reminderIntervals
    remindersSent
    autoInProgress
    autoCompleted
    autoTransitionToMaintenanceState
    autoTransitionToOperationalState
    notifyAtStart
    notifyAtEnd
    monitoringAt
    resolvedAt
    shortlink
    updates {
      id
      status
      message
      displayAt
      deliverNotifications
      createdAt
    }
    components {
      componentId
      oldStatus
      newStatus
      createdAt
    }
    postmortem {
      ...PostmortemFields
    }
    createdAt
    updatedAt
  }
  fragment PostmortemFields on Postmortem {
    id
    incidentId
    body
    bodyLastUpdatedAt
    published
    publishedAt
    notifiedSubscribers
    updatedAt
  }
`);

export const TemplatesQuery = graphql(`
  query IncidentTemplates($statusPageId: ID!) {
    incidentTemplates(statusPageId: $statusPageId, first: 200) {
      totalCount
      nodes {
        ...IncidentTemplateFields
      }
    }
  }
  fragment IncidentTemplateFields on IncidentTemplate {
    id
    name
    title
    body
    status
    shouldSendNotifications
    componentIds
  }
`);

export const CreateIncidentMutation = graphql(`
  mutation CreateIncident($input: CreateIncidentInput!) {
    createIncident(input: $input) {
      id
    }
  }
`);

export const AddIncidentUpdateMutation = graphql(`
  mutation AddIncidentUpdate($input: AddIncidentUpdateInput!) {
    addIncidentUpdate(input: $input) {
      id
    }
  }
`);

export const UpdateIncidentMutation = graphql(`
  mutation UpdateIncident($id: ID!, $input: UpdateIncidentInput!) {
    updateIncident(id: $id, input: $input) {
      ...IncidentDetail
    }
  }
`);

export const ResolveIncidentMutation = graphql(`
  mutation ResolveIncident($id: ID!, $message: String) {
    resolveIncident(id: $id, message: $message) {
      ...IncidentDetail
    }
  }
`);

export const DeleteIncidentMutation = graphql(`
  mutation DeleteIncident($id: ID!) {
    deleteIncident(id: $id)
  }
`);

export const CreateMaintenanceMutation = graphql(`
  mutation CreateMaintenance($input: CreateMaintenanceInput!) {
    createMaintenance(input: $input) {
      id
    }
  }
`);

export const UpdateMaintenanceMutation = graphql(`
  mutation UpdateMaintenance($id: ID!, $input: UpdateMaintenanceInput!) {
    updateMaintenance(id: $id, input: $input) {
      ...IncidentDetail
    }
  }
`);

export const SavePostmortemMutation = graphql(`
  mutation SavePostmortem($incidentId: ID!, $body: String!) {
    savePostmortem(incidentId: $incidentId, body: $body) {
      ...PostmortemFields
    }
  }
`);

export const PublishPostmortemMutation = graphql(`
  mutation PublishPostmortem($incidentId: ID!, $notifySubscribers: Boolean!) {
    publishPostmortem(incidentId: $incidentId, notifySubscribers: $notifySubscribers) {
      ...PostmortemFields
    }
  }
`);

export const UnpublishPostmortemMutation = graphql(`
  mutation UnpublishPostmortem($incidentId: ID!) {
    unpublishPostmortem(incidentId: $incidentId) {
      ...PostmortemFields
    }
  }
`);

export const CreateTemplateMutation = graphql(`
  mutation CreateIncidentTemplate($input: CreateIncidentTemplateInput!) {
    createIncidentTemplate(input: $input) {
      ...IncidentTemplateFields
    }
  }
`);

export const UpdateTemplateMutation = graphql(`
  mutation UpdateIncidentTemplate($id: ID!, $input: UpdateIncidentTemplateInput!) {
    updateIncidentTemplate(id: $id, input: $input) {
      ...IncidentTemplateFields
    }
  }
`);

export const DeleteTemplateMutation = graphql(`
  mutation DeleteIncidentTemplate($id: ID!) {
    deleteIncidentTemplate(id: $id)
  }
`);
