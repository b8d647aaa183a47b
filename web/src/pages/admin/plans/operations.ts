import { graphql } from '../../../gql';

export const AdminPlansQuery = graphql(`
  query AdminPlans {
    plans(includeInactive: true) {
      ...AdminPlan
    }
  }
  fragment AdminPlan on Plan {
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
    maxTimeoutDuration
    limits {
      tier
    }
  }
`);

export const CreatePlanMutation = graphql(`
  mutation CreatePlan($input: CreatePlanInput!) {
    createPlan(input: $input) {
      ...AdminPlan
    }
  }
`);

export const UpdatePlanMutation = graphql(`
  mutation UpdatePlan($id: ID!, $input: UpdatePlanInput!) {
    updatePlan(id: $id, input: $input) {
      ...AdminPlan
    }
  }
`);

export const SetOrganizationPlanMutation = graphql(`
  mutation SetOrganizationPlan($organizationId: ID!, $planId: ID!) {
    setOrganizationPlan(organizationId: $organizationId, planId: $planId) {
      id
      name
      plan {
        id
        name
      }
    }
  }
`);
