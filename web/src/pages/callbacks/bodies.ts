// How a logged request or answer is shown: JSON pretty-printed (not escaped JSON inside the
// log's JSON), other text as it is, binary as base64 said so.

export interface LoggedBody {
  /** The text to show. */
  text: string;
  /** `json` when it was JSON and is shown pretty-printed. */
  kind: 'json' | 'text' | 'base64' | 'empty';
  /** "first 16 KiB of 40 KiB" and the like, when only a prefix was kept. */
  note: string | null;
}

function bytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${Math.round(n / 102.4) / 10} KiB`;
  return `${Math.round(n / (1024 * 102.4)) / 10} MiB`;
}

/** Pretty JSON when `text` is a JSON object or array, else null. */
export function prettyJsonText(text: string): string | null {
  const t = text.trim();
  if (!(t.startsWith('{') || t.startsWith('['))) return null;
  try {
    return JSON.stringify(JSON.parse(t), null, 2);
  } catch {
    return null;
  }
}

/** The body of a logged request (`request`) or answer (`response`) of a callback log. */
export function loggedBody(record: unknown): LoggedBody {
  const r = (record && typeof record === 'object' ? record : {}) as Record<string, unknown>;
  const body = typeof r.body === 'string' ? r.body : '';
  const total = typeof r.bodyBytes === 'number' ? r.bodyBytes : null;
  const note = r.bodyTruncated === true && total != null ? `Only the first part is kept: ${bytes(total)} in all.` : null;
  if (!body) return { text: '', kind: 'empty', note };
  if (r.bodyBase64 === true) return { text: body, kind: 'base64', note };
  const pretty = r.bodyTruncated === true ? null : prettyJsonText(body);
  return pretty != null ? { text: pretty, kind: 'json', note } : { text: body, kind: 'text', note };
}

/** A logged request's headers as name/value pairs, sorted by name. */
export function loggedHeaders(record: unknown): [string, string][] {
  const r = (record && typeof record === 'object' ? record : {}) as Record<string, unknown>;
  const headers = r.headers && typeof r.headers === 'object' ? (r.headers as Record<string, unknown>) : {};
  return Object.entries(headers)
    .map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)] as [string, string])
    .sort(([a], [b]) => a.localeCompare(b));
}

/** `POST /orders/42?x=1`: a logged request's first line, its path with its leading slash. */
export function requestLine(request: unknown): string {
  if (!request || typeof request !== 'object') return '';
  const r = request as Record<string, unknown>;
  const raw = typeof r.path === 'string' ? r.path : typeof r.pathSuffix === 'string' ? r.pathSuffix : '';
  const path = raw.startsWith('/') ? raw : `/${raw}`;
  const query = typeof r.query === 'string' && r.query ? `?${r.query}` : '';
  return `${typeof r.method === 'string' ? r.method : ''} ${path}${query}`.trim();
}

/** A JSON value (a stored or queued payload) for display: JSON in strings unwrapped. */
export function payloadText(value: unknown): string {
  if (typeof value === 'string') return prettyJsonText(value) ?? value;
  return JSON.stringify(value, null, 2) ?? '';
}
