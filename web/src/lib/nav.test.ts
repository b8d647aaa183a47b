import { describe, expect, it } from 'vitest';
import { scopeOf } from './nav';

describe('navigation', () => {
  it('knows the scope of a path', () => {
    expect(scopeOf('/projects/p1/monitors/m1')).toEqual({ projectId: 'p1' });
    expect(scopeOf('/organizations/o1/members')).toEqual({ orgId: 'o1' });
    expect(scopeOf('/organizations/new')).toEqual({});
    expect(scopeOf('/settings/api-keys')).toEqual({ account: true });
  });
});
