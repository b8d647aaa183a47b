import { Anchor, Badge, Button, Group, Stack, Text } from '@mantine/core';
import { lazy, useCallback, useEffect, useMemo, useState } from 'react';
import { Link, Navigate, Route, Routes, useLocation, useParams } from 'react-router';
import { useMutation, useQuery, useSubscription } from 'urql';
import { Page } from '../../components/Page';
import { NotFound, pending } from '../../components/States';
import type { StatusPageFieldsFragment } from '../../gql/graphql';
import { apiErrors } from '../../lib/errors';
import { useRefetchOnReconnect } from '../../lib/live';
import { act } from '../../lib/notify';
import { atLeast, useProject } from '../../lib/project';
import { StatusPageContext, useStatusPage, type CurrentStatusPage } from './context';
import { PublishStatusPageMutation, StatusPageQuery, StatusPageUpdatedSubscription, UnpublishStatusPageMutation } from './operations';
import StatusPageList from './StatusPageList';

const Components = lazy(() => import('./Components'));
const PageSettings = lazy(() => import('./PageSettings'));
const Incidents = lazy(() => import('./Incidents'));
const IncidentComposer = lazy(() => import('./IncidentComposer'));
const IncidentDetail = lazy(() => import('./IncidentDetail'));
const PostmortemEditor = lazy(() => import('./PostmortemEditor'));
const Maintenance = lazy(() => import('./Maintenance'));
const MaintenanceSchedule = lazy(() => import('./MaintenanceSchedule'));
const Templates = lazy(() => import('./Templates'));
const Subscribers = lazy(() => import('./Subscribers'));

/** Everything under /projects/:projectId/status-pages. */
export default function StatusPageRoutes() {
  return (
    <Routes>
      <Route index element={<StatusPageList />} />
      <Route path=":statusPageId/*" element={<StatusPageShell />} />
    </Routes>
  );
}

const SECTIONS = [
  { path: 'components', label: 'Components' },
  { path: 'incidents', label: 'Incidents' },
  { path: 'maintenance', label: 'Maintenance' },
  { path: 'templates', label: 'Templates' },
  { path: 'subscribers', label: 'Subscribers' },
  { path: 'settings', label: 'Settings' },
];

/** One page: loaded once, kept live by `statusPageUpdated`, with its sections below. */
function StatusPageShell() {
  const { statusPageId = '' } = useParams();
  const project = useProject();
  const [result, refetch] = useQuery({ query: StatusPageQuery, variables: { id: statusPageId } });
  const [current, setCurrent] = useState<StatusPageFieldsFragment | null>(null);
  const [version, setVersion] = useState(0);
  const loaded = result.data?.statusPage ?? null;
  // The newest of what the query loaded and what arrived live.
  useEffect(() => setCurrent(loaded), [loaded]);
  useSubscription({ query: StatusPageUpdatedSubscription, variables: { statusPageId } }, (_prev: unknown, event) => {
    setCurrent(event.statusPageUpdated);
    setVersion((n) => n + 1);
    return null;
  });
  const reload = useCallback(() => {
    refetch({ requestPolicy: 'network-only' });
    setVersion((n) => n + 1);
  }, [refetch]);
  useRefetchOnReconnect(reload);
  const editor = atLeast(project.viewerLevel, 'PROJECT_EDITOR');
  const base = `/projects/${project.id}/status-pages/${statusPageId}`;
  // Until the effect above runs, what was just loaded.
  const shown = current ?? loaded;
  const value: CurrentStatusPage | null = useMemo(
    () => (shown ? { page: shown, base, editor, reload, version, replace: setCurrent } : null),
    [shown, base, editor, reload, version],
  );

  if (apiErrors(result.error).some((e) => e.code === 'NOT_FOUND')) return <NotFound what="status page" />;
  const waiting = pending(result, reload);
  if (waiting) return waiting;
  if (!value) return <NotFound what="status page" />;
  const page = value.page;
  return (
    <StatusPageContext.Provider value={value}>
      <Page
        title={page.name}
        description={
          <Anchor component={Link} to={`/projects/${project.id}/status-pages`}>
            All status pages
          </Anchor>
        }
        actions={<PublishControls />}
      >
        <Group gap="xs">
          <Badge color={page.published ? 'teal' : 'gray'} variant="light" data-testid="status-page-state">
            {page.published ? 'Published' : 'Draft'}
          </Badge>
          {page.published ? (
            <Anchor href={page.url} target="_blank" rel="noopener noreferrer" size="sm" className="mono">
              {page.url}
            </Anchor>
          ) : (
            <Text size="sm" c="dimmed">
              Not public yet: publish the page to show it at <span className="mono">{page.url}</span>
            </Text>
          )}
        </Group>
        <Sections />
        <Stack gap="md">
          <Routes>
            <Route index element={<Navigate to="components" replace />} />
            <Route path="components" element={<Components />} />
            <Route path="incidents" element={<Incidents />} />
            <Route path="incidents/new" element={<IncidentComposer />} />
            <Route path="incidents/:incidentId" element={<IncidentDetail />} />
            <Route path="incidents/:incidentId/postmortem" element={<PostmortemEditor />} />
            <Route path="maintenance" element={<Maintenance />} />
            <Route path="maintenance/new" element={<MaintenanceSchedule />} />
            <Route path="maintenance/:incidentId" element={<IncidentDetail />} />
            <Route path="templates" element={<Templates />} />
            <Route path="subscribers" element={<Subscribers />} />
            <Route path="settings" element={<PageSettings />} />
            <Route path="*" element={<NotFound />} />
          </Routes>
        </Stack>
      </Page>
    </StatusPageContext.Provider>
  );
}

/** The page's sections as links, the current one marked. */
function Sections() {
  const { pathname } = useLocation();
  const { base } = useStatusPage();
  return (
    <nav aria-label="Status page sections">
      <Group gap={4}>
        {SECTIONS.map((s) => {
          const to = `${base}/${s.path}`;
          const active = pathname === to || pathname.startsWith(`${to}/`);
          return (
            <Button key={s.path} component={Link} to={to} size="sm" variant={active ? 'light' : 'subtle'} aria-current={active ? 'page' : undefined}>
              {s.label}
            </Button>
          );
        })}
      </Group>
    </nav>
  );
}

function PublishControls() {
  const { page, editor, reload } = useStatusPage();
  const [publishing, publish] = useMutation(PublishStatusPageMutation);
  const [unpublishing, unpublish] = useMutation(UnpublishStatusPageMutation);
  if (!editor) return null;
  return page.published ? (
    <Button
      variant="default"
      loading={unpublishing.fetching}
      onClick={async () => {
        if (await act(() => unpublish({ id: page.id }), 'The page is a draft again: the public no longer sees it')) reload();
      }}
    >
      Unpublish
    </Button>
  ) : (
    <Button
      loading={publishing.fetching}
      onClick={async () => {
        if (await act(() => publish({ id: page.id }), 'Published: the page is public')) reload();
      }}
    >
      Publish
    </Button>
  );
}
