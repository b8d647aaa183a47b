// What a monitor result's `details` JSON says, in a line for the results table.
import { prettyJson } from '../../lib/format';

type Json = Record<string, unknown>;

/** One line for a result: the status code, DNS answers, error, domain expiry; else the JSON. */
export function resultSummary(details: unknown): string {
  if (!details || typeof details !== 'object' || Array.isArray(details)) return '';
  const d = details as Json;
  const parts: string[] = [];
  if (d.statusCode != null) parts.push(`HTTP ${d.statusCode}`);
  if (Array.isArray(d.answers)) {
    const kind = typeof d.recordType === 'string' ? d.recordType : 'DNS';
    parts.push(`${kind}: ${d.answers.length ? d.answers.map(String).join(', ') : 'no answers'}`);
  }
  if (typeof d.error === 'string') parts.push(d.error);
  if (typeof d.message === 'string') parts.push(d.message);
  if (typeof d.domainDaysLeft === 'number') {
    const name = typeof d.domain === 'string' ? `${d.domain} ` : '';
    const left = d.domainDaysLeft === 1 ? '1 day' : `${d.domainDaysLeft} days`;
    parts.push(`domain ${name}expires in ${left}${d.domainExpiring === true ? ' (soon)' : ''}`);
  } else if (typeof d.domainError === 'string') {
    parts.push(`domain: ${d.domainError}`);
  }
  return parts.length ? parts.join(' · ') : prettyJson(details);
}

/** The monitor holding this result's alerts back, when one is down. */
export function alertsHeldBy(details: unknown): { monitorId: string; name: string } | null {
  if (!details || typeof details !== 'object' || Array.isArray(details)) return null;
  const held = (details as Json).alertsHeldBy;
  if (!held || typeof held !== 'object') return null;
  const h = held as Json;
  return typeof h.name === 'string' ? { monitorId: typeof h.monitorId === 'string' ? h.monitorId : '', name: h.name } : null;
}
