import { describe, expect, it } from 'vitest';
import { pickProject } from './workspace';

describe('workspace', () => {
  it('opens the session project, else the first default project', () => {
    const orgs = [
      { id: 'o1', name: 'A', slug: 'a', viewerRole: 'ORG_OWNER', projects: [{ id: 'p2', name: 'X', isDefault: false, status: 'ACTIVE' }, { id: 'p1', name: 'D', isDefault: true, status: 'ACTIVE' }] },
    ] as Parameters<typeof pickProject>[0];
    expect(pickProject(orgs, 'p2')).toBe('p2');
    expect(pickProject(orgs, 'gone')).toBe('p1');
    expect(pickProject([], null)).toBeNull();
  });
});
