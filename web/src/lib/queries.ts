import { graphql } from '../gql';

export const MeQuery = graphql(`
  query Me {
    me {
      id
      name
      email
      emailVerified
      role
      twoFactorEnabled
    }
  }
`);

export const WorkspaceQuery = graphql(`
  query Workspace {
    currentSession {
      id
      activeOrganizationId
      activeProjectId
    }
    organizations(first: 200) {
      nodes {
        id
        name
        slug
        viewerRole
        projects {
          id
          name
          isDefault
          status
        }
      }
    }
  }
`);

export const SetActiveMutation = graphql(`
  mutation SetActive($input: SetActiveInput!) {
    setActive(input: $input) {
      id
      activeOrganizationId
      activeProjectId
    }
  }
`);

export const ProjectQuery = graphql(`
  query Project($id: ID!) {
    project(id: $id) {
      id
      name
      slug
      description
      isDefault
      status
      viewerLevel
      organizationId
      organization {
        id
        name
        viewerRole
      }
    }
  }
`);
