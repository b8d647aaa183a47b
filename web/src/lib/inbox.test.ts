import { describe, expect, it } from 'vitest';
import { inboxItem, unreadLabel } from './inbox';

describe('notification bell', () => {
  it('links a monitor alert to its monitor', () => {
    expect(inboxItem('monitor_down', { title: 'API is down', body: 'HTTP 500', monitorId: 'm1', projectId: 'p1' })).toEqual({
      title: 'API is down',
      body: 'HTTP 500',
      path: '/projects/p1/monitors/m1',
    });
  });

  it('links an invitation and names the organization', () => {
    expect(inboxItem('invitation', { invitationId: 'i1', organization: 'Acme' })).toEqual({ title: 'You are invited to Acme', body: null, path: '/invitations/i1' });
  });

  it('survives unknown kinds and odd content', () => {
    expect(inboxItem('something_new', null)).toEqual({ title: 'something new', body: null, path: null });
    expect(inboxItem('monitor_up', { monitorId: 'm1' })).toEqual({ title: 'A monitor recovered', body: null, path: null });
    expect(inboxItem('monitor_up', 'text')).toEqual({ title: 'A monitor recovered', body: null, path: null });
  });

  it('caps the badge', () => {
    expect(unreadLabel(3)).toBe('3');
    expect(unreadLabel(120)).toBe('99+');
  });
});
