// Times in a status page's time zone: what editors type into date-time fields and what the
// screens show is wall-clock time there (the public page shows it too), while the API speaks
// UTC. Built on Intl only, daylight saving included. Pure, so it is unit-tested.

/** The page's zone, UTC when it has none or the browser does not know it. */
export function zoneOf(timezone: string | null | undefined): string {
  if (!timezone) return 'UTC';
  try {
    new Intl.DateTimeFormat('en', { timeZone: timezone });
    return timezone;
  } catch {
    return 'UTC';
  }
}

interface Parts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

function partsIn(ms: number, zone: string): Parts {
  const format = new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  });
  const out: Record<string, number> = {};
  for (const p of format.formatToParts(new Date(ms))) if (p.type !== 'literal') out[p.type] = Number(p.value);
  return out as unknown as Parts;
}

/** How far the zone's wall clock is ahead of UTC at instant `ms`, in milliseconds. */
export function offsetAt(ms: number, zone: string): number {
  const p = partsIn(ms, zone);
  const wall = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return wall - Math.floor(ms / 1000) * 1000;
}

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

/**
 * The instant (RFC 3339, UTC) of a wall-clock time `YYYY-MM-DDTHH:mm` in `zone`, or null when
 * the text is not one. A time skipped by a clock change is read with the offset before it.
 */
export function zonedToUtc(local: string, zone: string): string | null {
  const m = LOCAL.exec(local.trim());
  if (!m) return null;
  const [year, month, day, hour, minute] = m.slice(1).map(Number);
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59) return null;
  const wall = Date.UTC(year, month - 1, day, hour, minute);
  // The offset at the guess, then at the result: they differ only around a clock change.
  const first = wall - offsetAt(wall, zone);
  const second = wall - offsetAt(first, zone);
  const ms = offsetAt(second, zone) === offsetAt(first, zone) ? second : Math.max(first, second);
  return new Date(ms).toISOString();
}

const pad = (n: number) => String(n).padStart(2, '0');

/** An instant as the `YYYY-MM-DDTHH:mm` wall-clock time of `zone` (for a date-time field). */
export function utcToZoned(iso: string, zone: string): string {
  const p = partsIn(new Date(iso).getTime(), zone);
  return `${p.year}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}`;
}

/** The calendar day (`YYYY-MM-DD`) of an instant in `zone`. */
export function dayOf(iso: string, zone: string): string {
  return utcToZoned(iso, zone).slice(0, 10);
}

/** "Tuesday, 9 December 2025" for a day key. */
export function dayLabel(day: string): string {
  const [y, m, d] = day.split('-').map(Number);
  return new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }).format(new Date(Date.UTC(y, m - 1, d)));
}

/** "14:05" in `zone`. */
export function timeIn(iso: string, zone: string): string {
  return utcToZoned(iso, zone).slice(11);
}

/** "9 Dec 2025, 14:05 CET": a moment as the page shows it. */
export function dateTimeIn(iso: string | null | undefined, zone: string): string {
  if (!iso) return '—';
  return new Intl.DateTimeFormat('en-GB', { timeZone: zone, day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZoneName: 'short' }).format(new Date(iso));
}

/** The zone's short name at an instant ("CET", "GMT+1", "UTC"). */
export function zoneName(zone: string, iso = new Date().toISOString()): string {
  const part = new Intl.DateTimeFormat('en-GB', { timeZone: zone, timeZoneName: 'short' }).formatToParts(new Date(iso)).find((p) => p.type === 'timeZoneName');
  return part?.value ?? zone;
}
