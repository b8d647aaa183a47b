// Small display helpers shared by pages (pure, unit-tested).

export function formatPercent(value: number | null | undefined, digits = 2): string {
  if (value == null || Number.isNaN(value)) return '—';
  if (value >= 100) return '100%';
  return `${value.toFixed(digits)}%`;
}

export function formatMs(value: number | null | undefined): string {
  if (value == null) return '—';
  if (value < 1000) return `${value} ms`;
  return `${(value / 1000).toFixed(value < 10_000 ? 2 : 1)} s`;
}

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
  ['second', 1],
];

/** "3 minutes ago", "in 2 hours". */
export function relativeTime(iso: string | null | undefined, now = Date.now()): string {
  if (!iso) return 'never';
  const seconds = Math.round((new Date(iso).getTime() - now) / 1000);
  if (Math.abs(seconds) < 5) return 'just now';
  const format = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });
  for (const [unit, size] of UNITS) {
    if (Math.abs(seconds) >= size || unit === 'second') return format.format(Math.round(seconds / size), unit);
  }
  return '';
}

export function dateTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  return new Date(iso).toLocaleString();
}

/** The colour band of one day's uptime in the 90-day bars. */
export function uptimeBand(uptime: number | null | undefined, checks: number): 'none' | 'up' | 'degraded' | 'down' {
  if (checks === 0 || uptime == null) return 'none';
  if (uptime >= 99.9) return 'up';
  if (uptime >= 95) return 'degraded';
  return 'down';
}

/** Overall uptime across days, weighted by checks; null when nothing was checked. */
export function overallUptime(days: { checks: number; failed: number }[]): number | null {
  const checks = days.reduce((n, d) => n + d.checks, 0);
  if (checks === 0) return null;
  const failed = days.reduce((n, d) => n + d.failed, 0);
  return ((checks - failed) / checks) * 100;
}

/** Pretty JSON for display, or the text as it is. */
export function prettyJson(value: unknown): string {
  if (value == null) return '';
  if (typeof value === 'string') return value;
  return JSON.stringify(value, null, 2);
}

/** Words of enum values that are written in capitals. */
const ACRONYMS = new Set(['api', 'cpu', 'dns', 'http', 'https', 'icmp', 'id', 'json', 'sms', 'smtp', 'sso', 'ssl', 'tcp', 'tls', 'ui', 'url', 'utc']);

/** ORG_ADMIN -> "Org admin", HTTP_POST -> "HTTP POST", SMS -> "SMS". */
export function enumLabel(value: string): string {
  if (value === 'HTTP_POST') return 'HTTP POST';
  return value
    .toLowerCase()
    .split('_')
    .map((word, i) => (ACRONYMS.has(word) ? word.toUpperCase() : i === 0 ? word.charAt(0).toUpperCase() + word.slice(1) : word))
    .join(' ');
}

/** Keeps a list newest-first, de-duplicated by id and capped, with new items on top. */
export function prependUnique<T extends { id: string }>(items: T[], added: T[], cap = 200): T[] {
  const seen = new Set<string>();
  const out: T[] = [];
  for (const item of [...added, ...items]) {
    if (seen.has(item.id)) continue;
    seen.add(item.id);
    out.push(item);
    if (out.length >= cap) break;
  }
  return out;
}
