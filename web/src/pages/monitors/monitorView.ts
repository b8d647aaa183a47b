// What the monitor page derives from its data: the chart's range as kept in the URL, the
// stretches of the chart to shade as down, and durations as people read them. Pure, tested.
import type { SeriesRange } from '../../gql/graphql';

export interface RangeOption {
  value: SeriesRange;
  /** The `?range=` value and the button's label. */
  param: string;
  label: string;
  hours: number;
}

export const RANGES: RangeOption[] = [
  { value: 'HOUR', param: '1h', label: '1 h', hours: 1 },
  { value: 'SIX_HOURS', param: '6h', label: '6 h', hours: 6 },
  { value: 'DAY', param: '24h', label: '24 h', hours: 24 },
  { value: 'WEEK', param: '7d', label: '7 d', hours: 168 },
  { value: 'MONTH', param: '30d', label: '30 d', hours: 720 },
  { value: 'QUARTER', param: '90d', label: '90 d', hours: 2160 },
];

export const DEFAULT_RANGE = RANGES[2];

/** The range a `?range=` value names; the default (24 h) for anything else. */
export function rangeFromParam(param: string | null | undefined): RangeOption {
  return RANGES.find((r) => r.param === param?.trim().toLowerCase()) ?? DEFAULT_RANGE;
}

export interface ChartBucket {
  start: string;
  checks: number;
  failed: number;
}

/**
 * Stretches of the chart where checks failed, as [first bucket start, end] pairs: runs of
 * consecutive buckets with a failure, each ending where the next bucket starts (or at its own
 * start when it is the last one).
 */
export function downAreas(buckets: readonly ChartBucket[]): { x1: string; x2: string }[] {
  const areas: { x1: string; x2: string }[] = [];
  let open: string | null = null;
  buckets.forEach((b, i) => {
    const down = b.checks > 0 && b.failed > 0;
    if (down && open === null) open = b.start;
    const next = buckets[i + 1];
    const nextDown = next ? next.checks > 0 && next.failed > 0 : false;
    if (open !== null && down && !nextDown) {
      areas.push({ x1: open, x2: next ? next.start : b.start });
      open = null;
    }
  });
  return areas;
}

/** "45 s", "12 min", "3 h 5 min", "2 d 4 h". */
export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s} s`;
  const minutes = Math.floor(s / 60);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return minutes % 60 ? `${hours} h ${minutes % 60} min` : `${hours} h`;
  const days = Math.floor(hours / 24);
  return hours % 24 ? `${days} d ${hours % 24} h` : `${days} d`;
}

const ALERT_TYPES: Record<string, string> = {
  MONITOR_FAILURE: 'Down',
  MONITOR_RECOVERY: 'Recovered',
  SSL_EXPIRING: 'Certificate expiring',
  DOMAIN_EXPIRING: 'Domain expiring',
  JOB_FAILED: 'Job failed',
  JOB_SUCCESS: 'Job passed',
  JOB_TIMEOUT: 'Job timed out',
};

/** What an alert was about, in words. */
export function alertTypeLabel(type: string): string {
  return ALERT_TYPES[type] ?? type.toLowerCase().replace(/_/g, ' ');
}

const CHANNELS: Record<string, string> = {
  email: 'Email',
  slack: 'Slack',
  discord: 'Discord',
  teams: 'Teams',
  telegram: 'Telegram',
  webhook: 'Webhook',
  sms: 'SMS',
};

/** "Webhook", "SMS": the channel's name as its makers write it. */
export function channelLabel(channel: string): string {
  return CHANNELS[channel.toLowerCase()] ?? channel;
}
