// Checks made before sending, mirroring the server's rules so that most mistakes are caught
// without a round trip. The server stays the judge: its BAD_USER_INPUT errors are shown too.

export type Errors = Record<string, string>;

export const MAX_NAME = 200;
export const MIN_PASSWORD = 8;
export const MAX_PASSWORD = 256;

export function required(value: string | null | undefined, label = 'This'): string | null {
  return value == null || value.trim() === '' ? `${label} is required` : null;
}

export function name(value: string, label = 'Name'): string | null {
  return required(value, label) ?? (value.trim().length > MAX_NAME ? `${label} must be at most ${MAX_NAME} characters` : null);
}

export function email(value: string): string | null {
  const v = value.trim();
  if (!v) return 'Email is required';
  if (v.length > 254 || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v)) return 'Enter a valid email address';
  return null;
}

export function password(value: string, mail = ''): string | null {
  const length = [...value].length;
  if (length < MIN_PASSWORD) return `Use at least ${MIN_PASSWORD} characters`;
  if (length > MAX_PASSWORD) return `Use at most ${MAX_PASSWORD} characters`;
  if (mail && value.toLowerCase() === mail.trim().toLowerCase()) return 'The password must not be your email address';
  if (new Set(value).size < 4) return 'The password is too repetitive';
  return null;
}

export function httpUrl(value: string, label = 'URL'): string | null {
  const v = value.trim();
  if (!v) return `${label} is required`;
  try {
    const url = new URL(v);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return `${label} must start with http:// or https://`;
    if (!url.hostname) return `${label} needs a host`;
  } catch {
    return `${label} must be a full URL, like https://example.com/health`;
  }
  return null;
}

export function host(value: string): string | null {
  const v = value.trim();
  if (!v) return 'Host is required';
  if (/[\s/]/.test(v) || v.includes('://')) return 'Enter a host name or IP address, without a scheme or path';
  return null;
}

export function intInRange(value: number | string | null | undefined, min: number, max: number, label: string): string | null {
  if (value === '' || value == null) return `${label} is required`;
  const n = typeof value === 'number' ? value : Number(value);
  if (!Number.isInteger(n)) return `${label} must be a whole number`;
  if (n < min || n > max) return `${label} must be between ${min} and ${max}`;
  return null;
}

/** `200`, `200-299`, `2xx`. */
export function statusCodes(codes: string[]): string | null {
  for (const raw of codes) {
    const code = raw.trim();
    if (/^[1-5]xx$/i.test(code)) continue;
    const range = /^(\d{3})(?:-(\d{3}))?$/.exec(code);
    if (!range) return `"${raw}" is not a status code, range (200-299) or class (2xx)`;
    const from = Number(range[1]);
    const to = range[2] ? Number(range[2]) : from;
    if (from < 100 || to > 599 || from > to) return `"${raw}" is not a valid status code range`;
  }
  return null;
}

/** `$.status`, `$.items[0].ok`. */
export function jsonPath(value: string): string | null {
  if (!value.trim()) return null;
  return /^\$(\.[A-Za-z_][\w-]*|\[\d+\]|\['[^']*'\])+$/.test(value.trim())
    ? null
    : 'Use a path like $.status or $.items[0].ok';
}

export function color(value: string | null | undefined): string | null {
  if (!value) return null;
  return /^#[0-9a-fA-F]{6}$/.test(value) ? null : 'Use a colour like #22aa88';
}

/** Project variable keys: letters, digits and underscores, not starting with a digit. */
export function variableKey(value: string): string | null {
  const v = value.trim();
  if (!v) return 'Key is required';
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(v)) return 'Use letters, digits and underscores (not starting with a digit)';
  if (v.length > 255) return 'Key must be at most 255 characters';
  return null;
}

/** A custom callback path: `hooks/github` (slashes around it are dropped); empty is none. */
export function customPath(value: string, reserved: readonly string[]): string | null {
  const v = value.trim().replace(/^\/+|\/+$/g, '').toLowerCase();
  if (!v) return null;
  if (v.length < 2 || v.length > 100) return 'Use 2 to 100 characters';
  if (!/^[a-z0-9._\-/]+$/.test(v)) return 'Use a-z, 0-9, -, _, . and /';
  if (v.split('/').some((s) => s === '' || s === '.' || s === '..')) return 'Segments must not be empty, . or ..';
  const first = v.split('/')[0];
  if (reserved.includes(first)) return `Paths starting with "${first}" are reserved`;
  return null;
}

/** A JSON object typed into a text box. */
export function jsonObject(text: string, label = 'Settings'): string | null {
  if (!text.trim()) return `${label} are required`;
  try {
    const value = JSON.parse(text);
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return `${label} must be a JSON object`;
  } catch (e) {
    return `${label} are not valid JSON: ${(e as Error).message}`;
  }
  return null;
}

/** Drops the null entries of a validator map. */
export function collect(entries: Record<string, string | null | undefined>): Errors {
  const out: Errors = {};
  for (const [key, value] of Object.entries(entries)) if (value) out[key] = value;
  return out;
}
