import { describe, expect, it } from 'vitest';
import { retryDelay } from './client';
import { ConnectionStatus } from './connection';
import { formatMs, formatPercent, overallUptime, prependUnique, relativeTime, uptimeBand } from './format';
import { applyResult, applyStatus, merge, type LiveMonitor } from './liveMonitors';
import { scopeOf } from './nav';
import { validateProviderConfig, providerConfig } from './providers';
import { pickProject } from './workspace';

describe('connection status', () => {
  it('says reconnecting after a drop and counts the reconnects', () => {
    const status = new ConnectionStatus();
    const seen: string[] = [];
    status.subscribe(() => seen.push(status.snapshot()));
    status.connecting();
    status.connected();
    status.dropped();
    status.connecting();
    status.connected();
    expect(seen).toEqual(['connecting:0', 'connected:0', 'reconnecting:0', 'connected:1']);
  });

  it('is connecting, not reconnecting, before the first connection', () => {
    const status = new ConnectionStatus();
    status.dropped();
    expect(status.state).toBe('connecting');
  });

  it('backs off with jitter up to 10 s', () => {
    expect(retryDelay(0, () => 0)).toBe(250);
    expect(retryDelay(0, () => 1)).toBe(500);
    expect(retryDelay(3, () => 1)).toBe(4000);
    expect(retryDelay(10, () => 1)).toBe(10_000);
  });
});

describe('live monitor overlay', () => {
  const monitor: LiveMonitor = { id: 'm', status: 'PENDING', lastCheckAt: null, latestResult: null };
  it('applies status changes and newer results', () => {
    let overlay = applyStatus({}, { id: 'm', status: 'UP' });
    overlay = applyResult(overlay, { monitorId: 'm', checkedAt: '2026-01-01T00:00:10Z', responseTimeMs: 12 });
    const merged = merge(monitor, overlay);
    expect(merged.status).toBe('UP');
    expect(merged.lastCheckAt).toBe('2026-01-01T00:00:10Z');
    expect(merged.latestResult?.responseTimeMs).toBe(12);
  });

  it('ignores an older result arriving late', () => {
    let overlay = applyResult({}, { monitorId: 'm', checkedAt: '2026-01-01T00:00:10Z', responseTimeMs: 12 });
    overlay = applyResult(overlay, { monitorId: 'm', checkedAt: '2026-01-01T00:00:05Z', responseTimeMs: 99 });
    expect(merge(monitor, overlay).latestResult?.responseTimeMs).toBe(12);
  });

  it('keeps what was loaded when it is newer than the live result', () => {
    const loaded = { ...monitor, lastCheckAt: '2026-01-01T00:01:00Z', latestResult: { checkedAt: '2026-01-01T00:01:00Z', responseTimeMs: 5 } };
    const overlay = applyResult({}, { monitorId: 'm', checkedAt: '2026-01-01T00:00:10Z', responseTimeMs: 12 });
    expect(merge(loaded, overlay).latestResult?.responseTimeMs).toBe(5);
  });
});

describe('format', () => {
  it('formats figures', () => {
    expect(formatPercent(99.987)).toBe('99.99%');
    expect(formatPercent(100)).toBe('100%');
    expect(formatPercent(null)).toBe('—');
    expect(formatMs(120)).toBe('120 ms');
    expect(formatMs(1500)).toBe('1.50 s');
    expect(relativeTime('2026-01-01T00:00:00Z', Date.parse('2026-01-01T00:05:00Z'))).toBe('5 minutes ago');
    expect(relativeTime(null)).toBe('never');
  });

  it('computes uptime across days, weighted by checks', () => {
    expect(overallUptime([{ checks: 100, failed: 1 }, { checks: 0, failed: 0 }, { checks: 100, failed: 0 }])).toBeCloseTo(99.5);
    expect(overallUptime([{ checks: 0, failed: 0 }])).toBeNull();
    expect(uptimeBand(null, 0)).toBe('none');
    expect(uptimeBand(99.95, 10)).toBe('up');
    expect(uptimeBand(97, 10)).toBe('degraded');
    expect(uptimeBand(50, 10)).toBe('down');
  });

  it('prepends new items once, newest first, capped', () => {
    const out = prependUnique([{ id: 'b' }, { id: 'a' }], [{ id: 'c' }, { id: 'b' }], 3);
    expect(out.map((x) => x.id)).toEqual(['c', 'b', 'a']);
    expect(prependUnique([{ id: 'a' }, { id: 'b' }], [{ id: 'c' }], 2).map((x) => x.id)).toEqual(['c', 'a']);
  });
});

describe('navigation', () => {
  it('knows the scope of a path', () => {
    expect(scopeOf('/projects/p1/monitors/m1')).toEqual({ projectId: 'p1' });
    expect(scopeOf('/organizations/o1/members')).toEqual({ orgId: 'o1' });
    expect(scopeOf('/organizations/new')).toEqual({});
    expect(scopeOf('/settings/api-keys')).toEqual({ account: true });
  });

  it('opens the session project, else the first default project', () => {
    const orgs = [
      { id: 'o1', name: 'A', slug: 'a', viewerRole: 'ORG_OWNER', projects: [{ id: 'p2', name: 'X', isDefault: false, status: 'ACTIVE' }, { id: 'p1', name: 'D', isDefault: true, status: 'ACTIVE' }] },
    ] as Parameters<typeof pickProject>[0];
    expect(pickProject(orgs, 'p2')).toBe('p2');
    expect(pickProject(orgs, 'gone')).toBe('p1');
    expect(pickProject([], null)).toBeNull();
  });
});

describe('notification provider settings', () => {
  it('requires the settings of the type under config.<key>', () => {
    expect(validateProviderConfig('TELEGRAM', { botToken: '' })).toEqual({ 'config.botToken': 'Bot token is required', 'config.chatId': 'Chat ID is required' });
    expect(validateProviderConfig('SLACK', { webhookUrl: 'nope' })['config.webhookUrl']).toMatch(/full URL/);
    expect(validateProviderConfig('EMAIL', { to: 'ops@example.com' })).toEqual({});
  });

  it('sends only the keys of the type', () => {
    expect(providerConfig('WEBHOOK', { url: ' https://x.test ', secret: '', webhookUrl: 'left over' })).toEqual({ url: 'https://x.test' });
  });
});
