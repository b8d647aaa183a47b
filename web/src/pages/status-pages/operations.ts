// The GraphQL operations of the status page screens: pages with every setting, images, the
// custom domain, components with their monitors, and the live updates of a page.
import { graphql } from '../../gql';

export const StatusPagesQuery = graphql(`
  query StatusPages($projectId: ID!) {
    statusPages(projectId: $projectId, first: 200) {
      totalCount
      nodes {
        id
        name
        subdomain
        url
        published
        customDomain
        customDomainVerified
        components {
          id
          status
        }
      }
    }
  }
`);

export const StatusPageQuery = graphql(`
  query StatusPage($id: ID!) {
    statusPage(id: $id) {
      ...StatusPageFields
    }
  }
  fragment StatusPageFields on StatusPage {
    id
    projectId
    name
    subdomain
    url
    published
    headline
    description
    supportUrl
    timezone
    theme
    hiddenFromSearch
    allowPageSubscribers
    allowIncidentSubscribers
    allowEmailSubscribers
    allowSmsSubscribers
    allowWebhookSubscribers
    notificationsFromEmail
    notificationsEmailFooter
    cssBodyBackgroundColor
    cssFontColor
    cssLightFontColor
    cssGreens
    cssYellows
    cssOranges
    cssBlues
    cssReds
    cssBorderColor
    cssGraphColor
    cssLinkColor
    cssNoData
    faviconUrl
    logoUrl
    heroCoverUrl
    emailLogoUrl
    twitterLogoUrl
    customDomain
    customDomainVerified
    customDomainVerification {
      recordName
      recordValue
    }
    components {
      ...StatusPageComponentFields
    }
    createdAt
    updatedAt
  }
  fragment StatusPageComponentFields on StatusPageComponent {
    id
    statusPageId
    name
    description
    status
    groupName
    position
    showcase
    onlyShowIfDegraded
    aggregationMethod
    failureThreshold
    startDate
    monitors {
      monitorId
      weight
    }
  }
`);

/** The page each time something it shows changes (component statuses included). */
export const StatusPageUpdatedSubscription = graphql(`
  subscription StatusPageUpdated($statusPageId: ID!) {
    statusPageUpdated(statusPageId: $statusPageId) {
      ...StatusPageFields
    }
  }
`);

/** The project's monitors, to link to components. */
export const MonitorPickerQuery = graphql(`
  query StatusPageMonitorPicker($projectId: ID!) {
    monitors(projectId: $projectId, first: 200) {
      totalCount
      nodes {
        id
        name
        status
      }
    }
  }
`);

export const CreateStatusPageMutation = graphql(`
  mutation CreateStatusPage($input: CreateStatusPageInput!) {
    createStatusPage(input: $input) {
      id
      subdomain
      url
      published
    }
  }
`);

export const UpdateStatusPageMutation = graphql(`
  mutation UpdateStatusPage($id: ID!, $input: UpdateStatusPageInput!) {
    updateStatusPage(id: $id, input: $input) {
      ...StatusPageFields
    }
  }
`);

export const SetStatusPageImageMutation = graphql(`
  mutation SetStatusPageImage($id: ID!, $kind: StatusPageImageKind!, $contentType: String, $dataBase64: String) {
    setStatusPageImage(id: $id, kind: $kind, contentType: $contentType, dataBase64: $dataBase64) {
      ...StatusPageFields
    }
  }
`);

export const SetCustomDomainMutation = graphql(`
  mutation SetStatusPageCustomDomain($id: ID!, $domain: String) {
    setStatusPageCustomDomain(id: $id, domain: $domain) {
      ...StatusPageFields
    }
  }
`);

export const VerifyCustomDomainMutation = graphql(`
  mutation VerifyStatusPageCustomDomain($id: ID!) {
    verifyStatusPageCustomDomain(id: $id) {
      ...StatusPageFields
    }
  }
`);

export const PublishStatusPageMutation = graphql(`
  mutation PublishStatusPage($id: ID!) {
    publishStatusPage(id: $id) {
      id
      published
    }
  }
`);

export const UnpublishStatusPageMutation = graphql(`
  mutation UnpublishStatusPage($id: ID!) {
    unpublishStatusPage(id: $id) {
      id
      published
    }
  }
`);

export const DeleteStatusPageMutation = graphql(`
  mutation DeleteStatusPage($id: ID!) {
    deleteStatusPage(id: $id)
  }
`);

export const CreateComponentMutation = graphql(`
  mutation CreateStatusPageComponent($input: CreateStatusPageComponentInput!) {
    createStatusPageComponent(input: $input) {
      ...StatusPageComponentFields
    }
  }
`);

export const UpdateComponentMutation = graphql(`
  mutation UpdateStatusPageComponent($id: ID!, $input: UpdateStatusPageComponentInput!) {
    updateStatusPageComponent(id: $id, input: $input) {
      ...StatusPageComponentFields
    }
  }
`);

export const SetComponentMonitorsMutation = graphql(`
  mutation SetStatusPageComponentMonitors($componentId: ID!, $monitors: [ComponentMonitorInput!]!) {
    setStatusPageComponentMonitors(componentId: $componentId, monitors: $monitors) {
      ...StatusPageComponentFields
    }
  }
`);

export const DeleteComponentMutation = graphql(`
  mutation DeleteStatusPageComponent($id: ID!) {
    deleteStatusPageComponent(id: $id)
  }
`);

export const ReorderComponentsMutation = graphql(`
  mutation ReorderStatusPageComponents($statusPageId: ID!, $componentIds: [ID!]!) {
    reorderStatusPageComponents(statusPageId: $statusPageId, componentIds: $componentIds) {
      ...StatusPageFields
    }
  }
`);
