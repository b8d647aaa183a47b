import { lazy, useEffect } from 'react';
import { Navigate, Route, Routes, useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { NotFound, pending } from '../../components/States';
import { ProjectQuery, SetActiveMutation } from '../../lib/queries';
import { ProjectContext } from '../../lib/project';
import { useWorkspace } from '../../lib/workspace';

const Overview = lazy(() => import('../overview/Overview'));
const MonitorList = lazy(() => import('../monitors/MonitorList'));
const MonitorDetail = lazy(() => import('../monitors/MonitorDetail'));
const MonitorEditor = lazy(() => import('../monitors/MonitorEditor'));
const CallbackList = lazy(() => import('../callbacks/CallbackList'));
const CallbackDetail = lazy(() => import('../callbacks/CallbackDetail'));
const CallbackEditor = lazy(() => import('../callbacks/CallbackEditor'));
const TestList = lazy(() => import('../tests/TestList'));
const TestEditor = lazy(() => import('../tests/TestEditor'));
const JobList = lazy(() => import('../jobs/JobList'));
const JobDetail = lazy(() => import('../jobs/JobDetail'));
const JobEditor = lazy(() => import('../jobs/JobEditor'));
const RunList = lazy(() => import('../runs/RunList'));
const RunDetail = lazy(() => import('../runs/RunDetail'));
const ProjectSettings = lazy(() => import('../settings/ProjectSettings'));
const StatusPageRoutes = lazy(() => import('../status-pages/StatusPageRoutes'));

/** Everything under /projects/:projectId. */
export default function ProjectRoutes() {
  const { projectId = '' } = useParams();
  const { activeProjectId } = useWorkspace();
  const [result, refetch] = useQuery({ query: ProjectQuery, variables: { id: projectId } });
  const [, setActive] = useMutation(SetActiveMutation);
  const project = result.data?.project;
  useEffect(() => {
    // Remember the project on the session, so that `/` opens it next time.
    if (project && project.id !== activeProjectId) void setActive({ input: { organizationId: project.organizationId, projectId: project.id } });
  }, [project, activeProjectId, setActive]);
  const waiting = pending(result, () => refetch({ requestPolicy: 'network-only' }));
  if (waiting) return waiting;
  if (!project) return <NotFound what="project" />;
  return (
    <ProjectContext.Provider value={project}>
      <Routes>
        <Route index element={<Navigate to="overview" replace />} />
        <Route path="overview" element={<Overview />} />
        <Route path="monitors" element={<MonitorList />} />
        <Route path="monitors/new" element={<MonitorEditor />} />
        <Route path="monitors/:monitorId" element={<MonitorDetail />} />
        <Route path="monitors/:monitorId/edit" element={<MonitorEditor />} />
        <Route path="status-pages/*" element={<StatusPageRoutes />} />
        <Route path="callbacks" element={<CallbackList />} />
        <Route path="callbacks/new" element={<CallbackEditor />} />
        <Route path="callbacks/:callbackId" element={<CallbackDetail />} />
        <Route path="callbacks/:callbackId/edit" element={<CallbackEditor />} />
        <Route path="tests" element={<TestList />} />
        <Route path="tests/new" element={<TestEditor />} />
        <Route path="tests/:testId" element={<TestEditor />} />
        <Route path="jobs" element={<JobList />} />
        <Route path="jobs/new" element={<JobEditor />} />
        <Route path="jobs/:jobId" element={<JobDetail />} />
        <Route path="jobs/:jobId/edit" element={<JobEditor />} />
        <Route path="runs" element={<RunList />} />
        <Route path="runs/:runId" element={<RunDetail />} />
        <Route path="settings/*" element={<ProjectSettings />} />
        <Route path="*" element={<NotFound />} />
      </Routes>
    </ProjectContext.Provider>
  );
}
