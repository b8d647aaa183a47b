// The navigation of a project, in one place.

export interface NavEntry {
  label: string;
  /** Relative to /projects/:projectId/. */
  path: string;
}

export const PROJECT_NAV: NavEntry[] = [
  { label: 'Overview', path: 'overview' },
  { label: 'Monitors', path: 'monitors' },
  { label: 'Status pages', path: 'status-pages' },
  { label: 'Callbacks', path: 'callbacks' },
  { label: 'Tests', path: 'tests' },
  { label: 'Jobs', path: 'jobs' },
  { label: 'Runs', path: 'runs' },
];

export const PROJECT_SETTINGS_NAV: NavEntry[] = [
  { label: 'Members', path: 'settings/members' },
  { label: 'Variables & secrets', path: 'settings/variables' },
  { label: 'Tags', path: 'settings/tags' },
  { label: 'Notification providers', path: 'settings/notifications' },
  { label: 'Service credentials', path: 'settings/credentials' },
  { label: 'Project', path: 'settings/general' },
];

export const ORG_NAV: NavEntry[] = [
  { label: 'Projects', path: 'projects' },
  { label: 'Members', path: 'members' },
  { label: 'Invitations', path: 'invitations' },
  { label: 'Notification providers', path: 'notifications' },
  { label: 'Audit log', path: 'audit-log' },
  { label: 'Organization', path: 'general' },
  /** Shown only where billing is on (cloud instances). */
  { label: 'Billing', path: 'billing' },
];

/** The system administrators' screens, relative to /admin/. */
export const ADMIN_NAV: NavEntry[] = [
  { label: 'Users', path: 'users' },
  { label: 'Plans', path: 'plans' },
];

export const ACCOUNT_NAV: NavEntry[] = [
  { label: 'Profile', path: 'profile' },
  { label: 'Security', path: 'security' },
  { label: 'API keys', path: 'api-keys' },
];

/** Which workspace a path is in. */
export function scopeOf(pathname: string): { projectId?: string; orgId?: string; account?: boolean } {
  const project = /^\/projects\/([^/]+)/.exec(pathname);
  if (project) return { projectId: project[1] };
  const org = /^\/organizations\/([^/]+)/.exec(pathname);
  if (org && org[1] !== 'new') return { orgId: org[1] };
  if (pathname.startsWith('/settings')) return { account: true };
  return {};
}

/** Whether a path is one of the settings pages the sidebar groups behind "Settings". */
export function isSettingsPath(pathname: string): boolean {
  if (/^\/projects\/[^/]+\/settings(\/|$)/.test(pathname)) return true;
  if (/^\/organizations\/(?!new(\/|$))[^/]+(\/|$)/.test(pathname)) return true;
  return pathname.startsWith('/settings') || pathname.startsWith('/admin');
}
