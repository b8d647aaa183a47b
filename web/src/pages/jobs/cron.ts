// Cron schedules of jobs as the server reads them (server/src/testing/cron.rs, croner): five
// fields in UTC, minute hour day-of-month month day-of-week, or a nickname. Parsed here to
// catch mistakes before sending and to describe a schedule in words; the server stays the
// judge (its `cronPreview` gives the fire times).

export interface CronField {
  /** Every value of the range (`*` or `?`). */
  any: boolean;
  /** The items as written, for describing. */
  items: CronItem[];
  /** The values the field allows (empty for the special day forms only). */
  values: Set<number>;
}

export type CronItem =
  | { kind: 'value'; value: number }
  | { kind: 'range'; from: number; to: number; step: number }
  | { kind: 'every'; step: number }
  /** Day of month: `L` (last day), `15W` (weekday nearest the 15th), `LW`. */
  | { kind: 'last-day' }
  | { kind: 'nearest-weekday'; day: number }
  | { kind: 'last-weekday-of-month' }
  /** Day of week: `5L` (last Friday), `1#2` (second Monday). */
  | { kind: 'last-of-week'; weekday: number }
  | { kind: 'nth-of-week'; weekday: number; to: number; nth: number };

export interface Cron {
  minute: CronField;
  hour: CronField;
  dayOfMonth: CronField;
  month: CronField;
  dayOfWeek: CronField;
}

export type CronResult = { ok: true; cron: Cron; expression: string } | { ok: false; error: string };

export const NICKNAMES: Record<string, string> = {
  '@yearly': '0 0 1 1 *',
  '@annually': '0 0 1 1 *',
  '@monthly': '0 0 1 * *',
  '@weekly': '0 0 * * 0',
  '@daily': '0 0 * * *',
  '@hourly': '0 * * * *',
};

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTH_NAMES = MONTHS.map((m) => m.slice(0, 3).toUpperCase());
const WEEKDAY_NAMES = WEEKDAYS.map((d) => d.slice(0, 3).toUpperCase());
/** Longest month lengths (February may have 29 days). */
const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

interface Spec {
  name: string;
  min: number;
  max: number;
  names?: string[];
  /** Index of names[0]. */
  nameBase?: number;
}

const SPECS: Spec[] = [
  { name: 'minute', min: 0, max: 59 },
  { name: 'hour', min: 0, max: 23 },
  { name: 'day of month', min: 1, max: 31 },
  { name: 'month', min: 1, max: 12, names: MONTH_NAMES, nameBase: 1 },
  { name: 'day of week', min: 0, max: 7, names: WEEKDAY_NAMES, nameBase: 0 },
];

class CronError extends Error {}

function parseValue(text: string, spec: Spec): number {
  const upper = text.toUpperCase();
  if (spec.names) {
    const index = spec.names.indexOf(upper);
    if (index >= 0) return index + (spec.nameBase ?? 0);
  }
  if (!/^\d+$/.test(text)) throw new CronError(`${spec.name}: "${text}" is not a number${spec.names ? ' or a name' : ''}`);
  const n = Number(text);
  if (n < spec.min || n > spec.max) throw new CronError(`${spec.name}: ${n} is out of range (${spec.min}-${spec.max})`);
  return n;
}

function parseStep(text: string, spec: Spec): number {
  if (!/^\d+$/.test(text)) throw new CronError(`${spec.name}: step "${text}" is not a number`);
  const n = Number(text);
  if (n === 0) throw new CronError(`${spec.name}: a step cannot be zero`);
  return n;
}

function parseItem(text: string, spec: Spec, position: number): CronItem {
  if (text === '') throw new CronError(`${spec.name}: an empty list item`);
  const dayOfMonth = position === 2;
  const dayOfWeek = position === 4;
  const upper = text.toUpperCase();
  if (dayOfMonth && upper === 'L') return { kind: 'last-day' };
  if (dayOfMonth && upper === 'LW') return { kind: 'last-weekday-of-month' };
  if (dayOfMonth && /^\d+W$/.test(upper)) return { kind: 'nearest-weekday', day: parseValue(upper.slice(0, -1), spec) };
  if (dayOfWeek && /^[^#]+L$/.test(upper)) return { kind: 'last-of-week', weekday: parseValue(upper.slice(0, -1), spec) % 7 };
  if (dayOfWeek && upper.includes('#')) {
    const [day, nth] = upper.split('#');
    const n = Number(nth);
    if (!/^[1-5]$/.test(nth ?? '')) throw new CronError(`${spec.name}: "#${nth}" must be #1 to #5`);
    const [from, to = from] = day.split('-');
    const first = parseValue(from, spec);
    const last = parseValue(to, spec);
    if (first > last) throw new CronError(`${spec.name}: the range ${day} runs backwards`);
    return { kind: 'nth-of-week', weekday: first % 7, to: last % 7, nth: n };
  }
  const [base, step, extra] = text.split('/');
  if (extra !== undefined) throw new CronError(`${spec.name}: "${text}" has two steps`);
  if (base === '*') return step === undefined ? { kind: 'every', step: 1 } : { kind: 'every', step: parseStep(step, spec) };
  const dash = base.indexOf('-');
  if (dash > 0) {
    const from = parseValue(base.slice(0, dash), spec);
    const to = parseValue(base.slice(dash + 1), spec);
    if (from > to) throw new CronError(`${spec.name}: the range ${base} runs backwards`);
    return { kind: 'range', from, to, step: step === undefined ? 1 : parseStep(step, spec) };
  }
  if (step !== undefined) throw new CronError(`${spec.name}: "${text}": a step needs * or a range before it, like */${step}`);
  return { kind: 'value', value: parseValue(base, spec) };
}

function parseField(text: string, position: number): CronField {
  const spec = SPECS[position];
  if (text === '?' && (position === 2 || position === 4)) text = '*';
  const items = text.split(',').map((item) => parseItem(item, spec, position));
  const values = new Set<number>();
  for (const item of items) {
    if (item.kind === 'value') values.add(item.value);
    if (item.kind === 'range') for (let v = item.from; v <= item.to; v += item.step) values.add(v);
    if (item.kind === 'every') for (let v = spec.min; v <= spec.max; v += item.step) values.add(v);
  }
  // Sunday is 0 or 7.
  if (position === 4 && values.has(7)) {
    values.delete(7);
    values.add(0);
  }
  // A field that allows every value (`*`, `0-59`, `0-6`) restricts nothing.
  const size = (position === 4 ? 6 : spec.max) - spec.min + 1;
  const special = items.some((i) => i.kind !== 'value' && i.kind !== 'range' && i.kind !== 'every');
  return { any: !special && values.size === size, items, values };
}

/** Parses an expression; the error reads like the server's. */
export function parseCron(input: string): CronResult {
  const expression = input.trim().split(/\s+/).join(' ');
  if (!expression) return { ok: false, error: 'Enter a schedule, or leave it empty to run the job only by hand or from CI' };
  if (expression.length > 255) return { ok: false, error: 'A schedule must be at most 255 characters' };
  let fiveFields = expression;
  if (expression.startsWith('@')) {
    const nick = NICKNAMES[expression.toLowerCase()];
    if (!nick) return { ok: false, error: `Unknown nickname ${expression}: use @hourly, @daily, @weekly, @monthly or @yearly` };
    fiveFields = nick;
  }
  const parts = fiveFields.split(' ');
  if (parts.length !== 5) return { ok: false, error: `A schedule has 5 fields (minute hour day-of-month month day-of-week), this has ${parts.length}` };
  try {
    const [minute, hour, dayOfMonth, month, dayOfWeek] = parts.map(parseField);
    const cron = { minute, hour, dayOfMonth, month, dayOfWeek };
    if (neverFires(cron)) return { ok: false, error: 'This schedule never fires: no selected month has that day' };
    return { ok: true, cron, expression };
  } catch (e) {
    if (e instanceof CronError) return { ok: false, error: `Not a valid schedule: ${e.message}` };
    throw e;
  }
}

/** Only days of month that no selected month has (`0 0 30 2 *`) and no weekday to fall back on. */
function neverFires(cron: Cron): boolean {
  if (!cron.dayOfWeek.any || cron.dayOfMonth.any) return false;
  if (cron.dayOfMonth.items.some((i) => i.kind !== 'value' && i.kind !== 'range' && i.kind !== 'every')) return false;
  const firstDay = Math.min(...cron.dayOfMonth.values);
  return [...cron.month.values].every((m) => firstDay > DAYS_IN_MONTH[m - 1]);
}

/** An error message for the form, or null when the schedule is fine (empty is fine: no schedule). */
export function validateCron(input: string): string | null {
  if (!input.trim()) return null;
  const result = parseCron(input);
  return result.ok ? null : result.error;
}

export function ordinal(n: number): string {
  const tens = n % 100;
  if (tens >= 11 && tens <= 13) return `${n}th`;
  return `${n}${({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[n % 10] ?? 'th'}`;
}

function list(words: string[]): string {
  if (words.length <= 1) return words[0] ?? '';
  return `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}

const pad = (n: number) => String(n).padStart(2, '0');
const time = (h: number, m: number) => `${pad(h)}:${pad(m)}`;

type Namer = (v: number) => string;

/** The items of a restricted field in words: `1, 15 and 20 through 25`. */
function itemsText(field: CronField, name: Namer, unit: string): string {
  return list(
    field.items.map((item) => {
      switch (item.kind) {
        case 'value':
          return name(item.value);
        case 'range':
          return item.step === 1 ? `${name(item.from)} through ${name(item.to)}` : `every ${ordinal(item.step)} ${unit} from ${name(item.from)} through ${name(item.to)}`;
        case 'every':
          return `every ${ordinal(item.step)} ${unit}`;
        case 'last-day':
          return 'the last day of the month';
        case 'last-weekday-of-month':
          return 'the last weekday of the month';
        case 'nearest-weekday':
          return `the weekday nearest day ${item.day}`;
        case 'last-of-week':
          return `the last ${WEEKDAYS[item.weekday]} of the month`;
        case 'nth-of-week':
          return `the ${['first', 'second', 'third', 'fourth', 'fifth'][item.nth - 1]} ${WEEKDAYS[item.weekday]}${item.to !== item.weekday ? ` through ${WEEKDAYS[item.to]}` : ''} of the month`;
      }
    }),
  );
}

const singles = (field: CronField): number[] | null => (field.items.every((i) => i.kind === 'value') ? field.items.map((i) => (i as { value: number }).value) : null);
const everyStep = (field: CronField): number | null => (field.items.length === 1 && field.items[0].kind === 'every' ? field.items[0].step : null);

function timeText(minute: CronField, hour: CronField): string {
  const minutes = singles(minute);
  const hours = singles(hour);
  if (minutes && minutes.length === 1 && hours && hours.length <= 8) {
    return `at ${list([...hours].sort((a, b) => a - b).map((h) => time(h, minutes[0])))}`;
  }
  const minuteStep = everyStep(minute);
  const hourStep = everyStep(hour);
  if (minutes && minutes.length === 1 && hourStep !== null) {
    if (minutes[0] === 0) return hourStep === 1 ? 'every hour' : `every ${hourStep} hours`;
    return hourStep === 1 ? `at minute ${minutes[0]} past every hour` : `at minute ${minutes[0]} past every ${ordinal(hourStep)} hour`;
  }
  let text: string;
  if (minuteStep !== null) text = minuteStep === 1 ? 'every minute' : `every ${minuteStep} minutes`;
  else if (minutes) text = `at minute${minutes.length > 1 ? 's' : ''} ${list(minutes.map(String))}`;
  else text = `at minutes ${itemsText(minute, String, 'minute')}`;
  if (hour.any) return text;
  if (hours && hours.length === 1) return `${text} between ${time(hours[0], 0)} and ${time(hours[0], 59)}`;
  const range = hour.items.length === 1 && hour.items[0].kind === 'range' && hour.items[0].step === 1 ? hour.items[0] : null;
  if (range) return `${text} between ${time(range.from, 0)} and ${time(range.to, 59)}`;
  if (hourStep !== null) return `${text} past every ${ordinal(hourStep)} hour`;
  return `${text} past hour${hours && hours.length > 1 ? 's' : ''} ${itemsText(hour, String, 'hour')}`;
}

function daysText(cron: Cron): string {
  const dom = cron.dayOfMonth.any ? '' : describeDayOfMonth(cron.dayOfMonth);
  const dow = cron.dayOfWeek.any ? '' : `on ${itemsText(cron.dayOfWeek, (v) => WEEKDAYS[v % 7], 'day of the week')}`;
  // Both restricted: croner (like Vixie cron) fires on either.
  return dom && dow ? `${dom} or ${dow}` : dom || dow;
}

function describeDayOfMonth(field: CronField): string {
  const days = singles(field);
  if (days) return `on day${days.length > 1 ? 's' : ''} ${list(days.map(String))} of the month`;
  const step = everyStep(field);
  if (step !== null) return `every ${ordinal(step)} day of the month`;
  if (field.items.every((i) => i.kind === 'range')) return `on days ${itemsText(field, String, 'day')} of the month`;
  return `on ${itemsText(field, (v) => `day ${v}`, 'day')}`;
}

/** A schedule in words: "Every 15 minutes", "At 09:00 on Monday". Null when it does not parse. */
export function describeCron(input: string): string | null {
  const result = parseCron(input);
  if (!result.ok) return null;
  const { cron } = result;
  const parts = [timeText(cron.minute, cron.hour)];
  const days = daysText(cron);
  if (days) parts.push(days);
  if (!cron.month.any) parts.push(`in ${itemsText(cron.month, (v) => MONTHS[v - 1], 'month')}`);
  if (!days && cron.month.any && parts[0].startsWith('at ') && !parts[0].includes('minute')) parts.push('every day');
  const text = parts.join(' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}
