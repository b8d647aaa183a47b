import { Navigate } from 'react-router';
import { pickProject, useWorkspace } from '../lib/workspace';

/** `/`: the overview of the project the session worked in last, else the first one, else onboarding. */
export function Home() {
  const { organizations, activeProjectId } = useWorkspace();
  const projectId = pickProject(organizations, activeProjectId);
  if (!projectId) return <Navigate to="/organizations/new" replace />;
  return <Navigate to={`/projects/${projectId}/overview`} replace />;
}
