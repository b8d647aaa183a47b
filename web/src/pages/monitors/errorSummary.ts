// Connection errors as people say them: "Connection refused" rather than a chain of library
// messages. The raw text stays available (shown on demand); this only names the failure.

type Json = Record<string, unknown>;

/** A short name for a check's failure, from its error class and raw message; null when it did not fail. */
export function summarizeError(errorClass: string | null | undefined, error: string | null | undefined): string | null {
  const raw = (error ?? '').toLowerCase();
  const cls = (errorClass ?? '').toLowerCase();
  if (!raw && !cls) return null;
  if (cls === 'timeout' || raw.includes('timed out') || raw.includes('no answer within') || raw.includes('deadline has elapsed')) return 'Timed out';
  if (raw.includes('connection refused') || raw.includes('econnrefused')) return 'Connection refused';
  if (raw.includes('connection reset') || raw.includes('econnreset') || raw.includes('broken pipe')) return 'Connection reset';
  if (raw.includes('private or reserved')) return 'Address not allowed';
  if (cls === 'dns' || raw.includes('dns') || raw.includes('failed to lookup') || raw.includes('name or service not known') || raw.includes('no address')) {
    return 'DNS lookup failed';
  }
  if (cls === 'tls' || raw.includes('certificate') || raw.includes('handshake') || raw.includes('tls')) {
    if (raw.includes('expired')) return 'TLS certificate expired';
    if (raw.includes('unknownissuer') || raw.includes('unknown issuer') || raw.includes('self-signed') || raw.includes('self signed')) return 'TLS certificate not trusted';
    if (raw.includes('notvalidforname') || raw.includes('not valid for') || raw.includes('hostname')) return 'TLS certificate for another name';
    if (raw.includes('certificate')) return 'TLS certificate invalid';
    return 'TLS handshake failed';
  }
  if (raw.includes('network is unreachable') || raw.includes('no route to host') || raw.includes('host is unreachable')) return 'Host unreachable';
  if (cls === 'connect') return 'Connection failed';
  if (cls === 'redirect') return 'Too many redirects';
  if (cls === 'status') return 'Unexpected status code';
  if (cls === 'keyword') return 'Keyword check failed';
  if (cls === 'json') return 'JSON check failed';
  if (cls === 'config') return 'Could not run the check';
  // Anything else reads well enough as it is: its first clause.
  const first = (error ?? '').split(': ')[0].trim();
  return first ? first.charAt(0).toUpperCase() + first.slice(1) : null;
}

/** The summary and the raw message of a result's `details`, when the check failed with an error. */
export function resultError(details: unknown): { summary: string; raw: string } | null {
  if (!details || typeof details !== 'object' || Array.isArray(details)) return null;
  const d = details as Json;
  const raw = typeof d.error === 'string' ? d.error : '';
  const summary = summarizeError(typeof d.errorClass === 'string' ? d.errorClass : null, raw);
  return summary && raw ? { summary, raw } : null;
}
