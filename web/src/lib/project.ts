import { createContext, useContext } from 'react';
import type { ProjectQuery } from '../gql/graphql';

export type CurrentProject = NonNullable<ProjectQuery['project']>;

export const ProjectContext = createContext<CurrentProject>(null as unknown as CurrentProject);

export function useProject(): CurrentProject {
  return useContext(ProjectContext);
}

const RANK = ['PROJECT_VIEWER', 'PROJECT_EDITOR', 'PROJECT_ADMIN', 'ORG_ADMIN', 'ORG_OWNER'];

/** Whether the caller's level in the project is at least `level`. */
export function atLeast(level: string | null | undefined, wanted: 'PROJECT_EDITOR' | 'PROJECT_ADMIN' | 'ORG_ADMIN'): boolean {
  return RANK.indexOf(level ?? '') >= RANK.indexOf(wanted);
}
