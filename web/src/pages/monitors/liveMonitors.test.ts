import { describe, expect, it } from 'vitest';
import { applyResult, applyStatus, merge, type LiveMonitor } from './liveMonitors';

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
