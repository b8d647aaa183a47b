import { graphql } from '../../../gql';

export const BillingOverviewQuery = graphql(`
  query BillingOverview($id: ID!) {
    serverInfo {
      billingEnabled
    }
    organization(id: $id) {
      id
      name
      viewerRole
      plan {
        ...BillingPlan
      }
      subscription {
        status
        provider
        currentPeriodStart
        currentPeriodEnd
        cancelAtPeriodEnd
        pastDueSince
        graceEndsAt
      }
    }
    plans {
      ...BillingPlan
    }
  }
  fragment BillingPlan on Plan {
    id
    name
    description
    price
    currency
    interval
    features
    isActive
    stripePriceId
    polarProductId
    maxTriggers
    limits {
      tier
      maxMonitors
      minCheckIntervalMinutes
      playwrightMinutesIncluded
      k6VuMinutesIncluded
      aiCreditsIncluded
      runningCapacity
      maxTeamMembers
      maxProjects
      maxStatusPages
      customDomains
      ssoEnabled
      dataRetentionDays
    }
  }
`);

export const CreateCheckoutSessionMutation = graphql(`
  mutation CreateCheckoutSession($organizationId: ID!, $planId: ID!) {
    createCheckoutSession(organizationId: $organizationId, planId: $planId)
  }
`);

export const CreatePolarCheckoutMutation = graphql(`
  mutation CreatePolarCheckout($organizationId: ID!, $planId: ID!) {
    createPolarCheckout(organizationId: $organizationId, planId: $planId)
  }
`);

export const CreateBillingPortalSessionMutation = graphql(`
  mutation CreateBillingPortalSession($organizationId: ID!) {
    createBillingPortalSession(organizationId: $organizationId)
  }
`);

export const CreatePolarPortalSessionMutation = graphql(`
  mutation CreatePolarPortalSession($organizationId: ID!) {
    createPolarPortalSession(organizationId: $organizationId)
  }
`);
