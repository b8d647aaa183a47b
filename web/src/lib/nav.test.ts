import { describe, expect, it } from 'vitest';
import { isSettingsPath, scopeOf } from './nav';

describe('navigation', () => {
  it('knows the scope of a path', () => {
    expect(scopeOf('/projects/p1/monitors/m1')).toEqual({ projectId: 'p1' });
    expect(scopeOf('/organizations/o1/members')).toEqual({ orgId: 'o1' });
    expect(scopeOf('/organizations/new')).toEqual({});
    expect(scopeOf('/settings/api-keys')).toEqual({ account: true });
  });

  it('tells the settings pages the sidebar groups', () => {
    expect(isSettingsPath('/projects/p1/settings/members')).toBe(true);
    expect(isSettingsPath('/organizations/o1/audit-log')).toBe(true);
    expect(isSettingsPath('/settings/api-keys')).toBe(true);
    expect(isSettingsPath('/admin/plans')).toBe(true);
    expect(isSettingsPath('/projects/p1/monitors')).toBe(false);
    expect(isSettingsPath('/organizations/new')).toBe(false);
  });
});
