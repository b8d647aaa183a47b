// Merges live events into a list of monitors loaded once: status changes replace a monitor's
// status, new results update its last check and response time. Pure, so it is unit-tested.

export interface LiveMonitor {
  id: string;
  status: string;
  lastCheckAt?: string | null;
  latestResult?: { responseTimeMs?: number | null; checkedAt: string } | null;
}

export interface StatusEvent {
  id: string;
  status: string;
  lastCheckAt?: string | null;
  lastStatusChangeAt?: string | null;
}

export interface ResultEvent {
  monitorId: string;
  checkedAt: string;
  responseTimeMs?: number | null;
}

export type Overlay = Record<string, { status?: string; lastCheckAt?: string | null; responseTimeMs?: number | null; checkedAt?: string }>;

export function applyStatus(overlay: Overlay, event: StatusEvent): Overlay {
  return { ...overlay, [event.id]: { ...overlay[event.id], status: event.status, lastCheckAt: event.lastCheckAt ?? overlay[event.id]?.lastCheckAt } };
}

export function applyResult(overlay: Overlay, event: ResultEvent): Overlay {
  const current = overlay[event.monitorId];
  // Results can arrive out of order from several locations: keep the newest.
  if (current?.checkedAt && current.checkedAt > event.checkedAt) return overlay;
  return { ...overlay, [event.monitorId]: { ...current, lastCheckAt: event.checkedAt, checkedAt: event.checkedAt, responseTimeMs: event.responseTimeMs ?? null } };
}

/** The monitor as loaded, with what arrived live on top. */
export function merge<T extends LiveMonitor>(monitor: T, overlay: Overlay): T {
  const live = overlay[monitor.id];
  if (!live) return monitor;
  const loadedAt = monitor.latestResult?.checkedAt ?? '';
  const newer = live.checkedAt !== undefined && live.checkedAt >= loadedAt;
  return {
    ...monitor,
    status: live.status ?? monitor.status,
    lastCheckAt: newer ? live.lastCheckAt : monitor.lastCheckAt,
    latestResult: newer ? { ...monitor.latestResult, checkedAt: live.checkedAt!, responseTimeMs: live.responseTimeMs } : monitor.latestResult,
  };
}
