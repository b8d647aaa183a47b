import {
  ActionIcon,
  AppShell,
  Avatar,
  Burger,
  Button,
  Group,
  Menu,
  NavLink,
  ScrollArea,
  Text,
  Tooltip,
  UnstyledButton,
  VisuallyHidden,
  useComputedColorScheme,
  useMantineColorScheme,
} from '@mantine/core';
import { useDisclosure, useLocalStorage } from '@mantine/hooks';
import { Suspense, lazy, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../gql';
import { ACCOUNT_NAV, ADMIN_NAV, ORG_NAV, PROJECT_NAV, PROJECT_SETTINGS_NAV, isSettingsPath, scopeOf, type NavEntry } from '../lib/nav';
import { SetActiveMutation, WorkspaceQuery } from '../lib/queries';
import { useMe, useSession } from '../lib/session';
import { idle, newOnPage, newPathFor, press, typing } from '../lib/shortcuts';
import { WorkspaceContext, orgOfProject, pickProject, type WorkspaceValue } from '../lib/workspace';
import { LiveBanner } from './LiveBanner';
import { AccountBanners } from '../pages/account/AccountBanners';
import { NotificationBell } from './NotificationBell';
import { useBillingOn } from './PlanLimit';
import { ErrorState, Loading } from './States';

const SignOutMutation = graphql(`
  mutation SignOut {
    signOut
  }
`);

// The palette and the shortcut sheet load when first opened: the first load stays small.
const CommandPalette = lazy(() => import('./CommandPalette').then((m) => ({ default: m.CommandPalette })));
const ShortcutSheet = lazy(() => import('./CommandPalette').then((m) => ({ default: m.ShortcutSheet })));

/** Where the sidebar's folded state and the settings group's are kept. */
const SIDEBAR_KEY = 'vigil.sidebar';
const SETTINGS_KEY = 'vigil.nav.settings';

export function Layout() {
  const [opened, { toggle, close }] = useDisclosure();
  const [sidebar, setSidebar] = useLocalStorage<'open' | 'folded'>({ key: SIDEBAR_KEY, defaultValue: 'open', getInitialValueInEffect: false });
  const folded = sidebar === 'folded';
  const location = useLocation();
  const navigate = useNavigate();
  const [workspace, refetch] = useQuery({ query: WorkspaceQuery });
  const [, setActive] = useMutation(SetActiveMutation);
  const refresh = useCallback(() => refetch({ requestPolicy: 'network-only' }), [refetch]);

  const switchTo = useCallback(
    async (organizationId: string, projectId: string) => {
      await setActive({ input: { organizationId, projectId } });
      navigate(`/projects/${projectId}/monitors`);
      close();
    },
    [setActive, navigate, close],
  );

  const value: WorkspaceValue | null = useMemo(() => {
    if (!workspace.data) return null;
    return {
      organizations: workspace.data.organizations.nodes,
      activeOrganizationId: workspace.data.currentSession?.activeOrganizationId ?? null,
      activeProjectId: workspace.data.currentSession?.activeProjectId ?? null,
      switchTo,
      refresh,
    };
  }, [workspace.data, switchTo, refresh]);

  const scope = scopeOf(location.pathname);
  const projectId = value ? (scope.projectId ?? pickProject(value.organizations, value.activeProjectId)) : null;
  const orgId = value ? (scope.orgId ?? (projectId ? orgOfProject(value.organizations, projectId)?.id : undefined) ?? null) : null;
  const [palette, setPalette] = useState(false);
  const [sheet, setSheet] = useState(false);
  useShortcuts({
    projectId,
    pathname: location.pathname,
    navigate,
    openPalette: () => {
      setSheet(false);
      setPalette(true);
    },
    openSheet: () => setSheet(true),
  });

  return (
    <AppShell header={{ height: 56 }} navbar={{ width: 250, breakpoint: 'sm', collapsed: { mobile: !opened, desktop: folded } }} padding="md">
      <a href="#main" className="skip-link">
        Skip to content
      </a>
      <AppShell.Header>
        <Group h="100%" px={{ base: 'xs', sm: 'md' }} justify="space-between" wrap="nowrap" gap="xs">
          <Group gap="xs" wrap="nowrap" style={{ minWidth: 0 }}>
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label="Toggle navigation" />
            <Tooltip label={folded ? 'Show the sidebar' : 'Fold the sidebar'}>
              <ActionIcon
                variant="subtle"
                color="gray"
                size="lg"
                visibleFrom="sm"
                onClick={() => setSidebar(folded ? 'open' : 'folded')}
                aria-label={folded ? 'Show the sidebar' : 'Fold the sidebar'}
                aria-expanded={!folded}
                data-testid="sidebar-toggle"
              >
                <span aria-hidden>{folded ? '»' : '«'}</span>
              </ActionIcon>
            </Tooltip>
            <Text component={Link} to="/" fw={700} size="lg" aria-label="Vigil home">
              Vigil
            </Text>
            {value && <Switcher value={value} />}
          </Group>
          <Group gap={6} wrap="nowrap" style={{ flexShrink: 0 }}>
            <Tooltip label="Search and go (Ctrl+K)">
              <Button variant="default" size="xs" onClick={() => setPalette(true)} aria-label="Search" data-testid="palette-button" px={8}>
                <span aria-hidden>⌕</span>
                <Text span size="xs" ml={6} visibleFrom="md">
                  Search
                </Text>
              </Button>
            </Tooltip>
            <NotificationBell />
            <ColorSchemeToggle />
            <UserMenu />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label="Main" data-folded={folded || undefined}>
        <ScrollArea>{value && <Navigation value={value} pathname={location.pathname} onNavigate={close} />}</ScrollArea>
      </AppShell.Navbar>
      <AppShell.Main id="main" tabIndex={-1}>
        <AccountBanners />
        <LiveBanner />
        {workspace.error && !workspace.data ? (
          <ErrorState error={workspace.error} retry={refresh} />
        ) : !value ? (
          <Loading />
        ) : (
          <WorkspaceContext.Provider value={value}>
            <Outlet />
          </WorkspaceContext.Provider>
        )}
      </AppShell.Main>
      <Suspense fallback={null}>
        {palette && <CommandPalette opened onClose={() => setPalette(false)} projectId={projectId} orgId={orgId} />}
        {sheet && <ShortcutSheet opened onClose={() => setSheet(false)} />}
      </Suspense>
    </AppShell>
  );
}

/** Binds the keyboard shortcuts (lib/shortcuts.ts) and Ctrl/⌘+K to the window. */
function useShortcuts(options: {
  projectId: string | null;
  pathname: string;
  navigate: (path: string) => void;
  openPalette: () => void;
  openSheet: () => void;
}) {
  const latest = useRef(options);
  latest.current = options;
  useEffect(() => {
    let pending = idle;
    const onKey = (e: KeyboardEvent) => {
      const o = latest.current;
      if ((e.ctrlKey || e.metaKey) && !e.altKey && e.key.toLowerCase() === 'k') {
        e.preventDefault();
        o.openPalette();
        return;
      }
      if (e.ctrlKey || e.metaKey || e.altKey || e.defaultPrevented || typing(e.target)) return;
      const step = press(pending, e.key, Date.now());
      pending = step.pending;
      if (!step.action) return;
      e.preventDefault();
      if (step.action === 'palette') o.openPalette();
      else if (step.action === 'help') o.openSheet();
      else if (step.action === 'new') {
        const to = newPathFor(o.pathname);
        if (to) o.navigate(to);
        else newOnPage();
      } else if (step.action.startsWith('go:') && o.projectId) o.navigate(`/projects/${o.projectId}/${step.action.slice(3)}`);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}

function Switcher({ value }: { value: WorkspaceValue }) {
  const location = useLocation();
  const scope = scopeOf(location.pathname);
  const projectId = scope.projectId ?? value.activeProjectId;
  const org = projectId ? orgOfProject(value.organizations, projectId) : value.organizations.find((o) => o.id === scope.orgId);
  const project = org?.projects.find((p) => p.id === projectId);
  const label = org ? `${org.name}${project ? ` / ${project.name}` : ''}` : 'Choose a project';
  return (
    <Menu position="bottom-start" width={280} withinPortal>
      <Menu.Target>
        <Button variant="default" size="xs" aria-label={`Organization and project: ${label}. Switch`} data-testid="switcher" maw={{ base: 120, xs: 200, md: 320 }} style={{ minWidth: 0 }}>
          <Text size="sm" truncate>
            {label}
          </Text>
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        {value.organizations.map((o) => (
          <div key={o.id}>
            <Menu.Label>{o.name}</Menu.Label>
            {o.projects
              .filter((p) => p.status === 'ACTIVE')
              .map((p) => (
                <Menu.Item key={p.id} onClick={() => void value.switchTo(o.id, p.id)} aria-current={p.id === projectId ? 'true' : undefined}>
                  {p.name}
                </Menu.Item>
              ))}
            <Menu.Item component={Link} to={`/organizations/${o.id}/projects`} c="dimmed">
              Manage {o.name}
            </Menu.Item>
            <Menu.Divider />
          </div>
        ))}
        <Menu.Item component={Link} to="/organizations/new">
          New organization
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}

function Navigation({ value, pathname, onNavigate }: { value: WorkspaceValue; pathname: string; onNavigate: () => void }) {
  const scope = scopeOf(pathname);
  const projectId = scope.projectId ?? value.activeProjectId ?? undefined;
  const org = projectId ? orgOfProject(value.organizations, projectId) : undefined;
  const orgId = scope.orgId ?? org?.id;
  const me = useMe();
  // Billing has a page where the instance bills (cloud mode) or the plan limits something.
  const billing = useBillingOn(orgId);
  const orgNav = ORG_NAV.filter((e) => e.path !== 'billing' || billing === true);
  // The settings pages sit behind one entry, folded until opened (kept), open while on one.
  const [settings, setSettings] = useLocalStorage<'open' | 'folded'>({ key: SETTINGS_KEY, defaultValue: 'folded', getInitialValueInEffect: false });
  const onSettingsPage = isSettingsPath(pathname);
  const settingsOpen = settings === 'open' || onSettingsPage;
  const section = (title: string, base: string, entries: NavEntry[], heading = true) => (
    <nav aria-label={title}>
      {heading && (
        <Text size="xs" fw={700} c="dimmed" tt="uppercase" px="sm" pt="sm" pb={4}>
          {title}
        </Text>
      )}
      {entries.map((e) => {
        const to = `${base}/${e.path}`;
        const active = pathname === to || pathname.startsWith(`${to}/`);
        return <NavLink key={to} component={Link} to={to} label={e.label} active={active} aria-current={active ? 'page' : undefined} onClick={onNavigate} />;
      })}
    </nav>
  );
  return (
    <>
      {projectId && org && section('Project', `/projects/${projectId}`, PROJECT_NAV)}
      <NavLink
        component="button"
        label="Settings"
        mt="sm"
        fw={600}
        opened={settingsOpen}
        onChange={(open) => setSettings(open ? 'open' : 'folded')}
        aria-expanded={settingsOpen}
        data-testid="settings-group"
        childrenOffset={0}
      >
        {projectId && org && section('Project settings', `/projects/${projectId}`, PROJECT_SETTINGS_NAV)}
        {orgId && section('Organization', `/organizations/${orgId}`, orgNav)}
        {section('Account', '/settings', ACCOUNT_NAV)}
        {me.role === 'ADMIN' && section('Administration', '/admin', ADMIN_NAV)}
      </NavLink>
    </>
  );
}

function ColorSchemeToggle() {
  const { setColorScheme } = useMantineColorScheme();
  const computed = useComputedColorScheme('light', { getInitialValueInEffect: false });
  const next = computed === 'dark' ? 'light' : 'dark';
  return (
    <Tooltip label={`Switch to ${next} mode`}>
      <ActionIcon variant="default" size="lg" onClick={() => setColorScheme(next)} aria-label={`Switch to ${next} mode`} data-testid="color-scheme" visibleFrom="xs">
        <span aria-hidden>{computed === 'dark' ? '☀' : '☾'}</span>
      </ActionIcon>
    </Tooltip>
  );
}

/** The colour scheme switch inside the account menu, on phones, where the header has no room. */
function ColorSchemeItem() {
  const { setColorScheme } = useMantineColorScheme();
  const computed = useComputedColorScheme('light', { getInitialValueInEffect: false });
  const next = computed === 'dark' ? 'light' : 'dark';
  return (
    <Menu.Item hiddenFrom="xs" onClick={() => setColorScheme(next)}>
      Switch to {next} mode
    </Menu.Item>
  );
}

function UserMenu() {
  const me = useMe();
  const { signedOut } = useSession();
  const navigate = useNavigate();
  const [, signOut] = useMutation(SignOutMutation);
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <UnstyledButton aria-label={`Account menu for ${me.name}`} data-testid="user-menu" px={4}>
          <Text size="sm" fw={500} visibleFrom="sm" truncate="end" maw={160}>
            {me.name}
          </Text>
          <Avatar size="sm" color="indigo" hiddenFrom="sm" aria-hidden>
            {me.name.slice(0, 1).toUpperCase()}
          </Avatar>
          <VisuallyHidden>{me.email}</VisuallyHidden>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{me.email}</Menu.Label>
        <Menu.Item component={Link} to="/settings/profile">
          Account settings
        </Menu.Item>
        <Menu.Item component={Link} to="/settings/api-keys">
          API keys
        </Menu.Item>
        <Menu.Item component={Link} to="/graphiql">
          GraphiQL (API explorer)
        </Menu.Item>
        <ColorSchemeItem />
        <Menu.Divider />
        <Menu.Item
          color="red"
          onClick={async () => {
            await signOut({});
            signedOut();
            navigate('/sign-in');
          }}
        >
          Sign out
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
