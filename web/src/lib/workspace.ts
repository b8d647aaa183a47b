import { createContext, useContext } from 'react';
import type { WorkspaceQuery } from '../gql/graphql';

export type WorkspaceOrg = WorkspaceQuery['organizations']['nodes'][number];

export interface WorkspaceValue {
  organizations: WorkspaceOrg[];
  activeOrganizationId: string | null;
  activeProjectId: string | null;
  /** Remembers the choice on the session and opens the project. */
  switchTo: (organizationId: string, projectId: string) => Promise<void>;
  refresh: () => void;
}

export const WorkspaceContext = createContext<WorkspaceValue>(null as unknown as WorkspaceValue);

export function useWorkspace(): WorkspaceValue {
  return useContext(WorkspaceContext);
}

export function orgOfProject(orgs: WorkspaceOrg[], projectId: string): WorkspaceOrg | undefined {
  return orgs.find((o) => o.projects.some((p) => p.id === projectId));
}

/** The project to open: the session's, else the first organization's default. */
export function pickProject(orgs: WorkspaceOrg[], activeProjectId: string | null): string | null {
  if (activeProjectId && orgOfProject(orgs, activeProjectId)) return activeProjectId;
  for (const org of orgs) {
    const project = org.projects.find((p) => p.isDefault && p.status === 'ACTIVE') ?? org.projects.find((p) => p.status === 'ACTIVE');
    if (project) return project.id;
  }
  return null;
}
