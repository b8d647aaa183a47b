import {
  ActionIcon,
  AppShell,
  Burger,
  Button,
  Divider,
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
import { useDisclosure } from '@mantine/hooks';
import { useCallback, useMemo } from 'react';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../gql';
import { ACCOUNT_NAV, ADMIN_NAV, ORG_NAV, PROJECT_NAV, PROJECT_SETTINGS_NAV, scopeOf, type NavEntry } from '../lib/nav';
import { SetActiveMutation, WorkspaceQuery } from '../lib/queries';
import { useMe, useSession } from '../lib/session';
import { WorkspaceContext, orgOfProject, type WorkspaceValue } from '../lib/workspace';
import { LiveBanner } from './LiveBanner';
import { AccountBanners } from '../pages/account/AccountBanners';
import { useBillingOn } from './PlanLimit';
import { ErrorState, Loading } from './States';

const SignOutMutation = graphql(`
  mutation SignOut {
    signOut
  }
`);

export function Layout() {
  const [opened, { toggle, close }] = useDisclosure();
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

  return (
    <AppShell header={{ height: 56 }} navbar={{ width: 250, breakpoint: 'sm', collapsed: { mobile: !opened } }} padding="md">
      <a href="#main" className="skip-link">
        Skip to content
      </a>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label="Toggle navigation" />
            <Text component={Link} to="/" fw={700} size="lg" aria-label="Vigil home">
              Vigil
            </Text>
            {value && <Switcher value={value} />}
          </Group>
          <Group gap="xs" wrap="nowrap">
            <ColorSchemeToggle />
            <UserMenu />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label="Main">
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
    </AppShell>
  );
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
        <Button variant="default" size="xs" aria-label={`Organization and project: ${label}. Switch`} data-testid="switcher" maw={320}>
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
  const section = (title: string, base: string, entries: NavEntry[]) => (
    <nav aria-label={title}>
      <Text size="xs" fw={700} c="dimmed" tt="uppercase" px="sm" pt="sm" pb={4}>
        {title}
      </Text>
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
      {projectId && org && section('Project settings', `/projects/${projectId}`, PROJECT_SETTINGS_NAV)}
      {orgId && section('Organization', `/organizations/${orgId}`, orgNav)}
      <Divider my="xs" />
      {section('Account', '/settings', ACCOUNT_NAV)}
      {me.role === 'ADMIN' && section('Administration', '/admin', ADMIN_NAV)}
    </>
  );
}

function ColorSchemeToggle() {
  const { setColorScheme } = useMantineColorScheme();
  const computed = useComputedColorScheme('light', { getInitialValueInEffect: false });
  const next = computed === 'dark' ? 'light' : 'dark';
  return (
    <Tooltip label={`Switch to ${next} mode`}>
      <ActionIcon variant="default" size="lg" onClick={() => setColorScheme(next)} aria-label={`Switch to ${next} mode`} data-testid="color-scheme">
        <span aria-hidden>{computed === 'dark' ? '☀' : '☾'}</span>
      </ActionIcon>
    </Tooltip>
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
        <UnstyledButton aria-label={`Account menu for ${me.name}`} data-testid="user-menu" px="xs">
          <Text size="sm" fw={500}>
            {me.name}
          </Text>
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
