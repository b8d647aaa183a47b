// The monitor editor's values, checks and conversion to the GraphQL input. Form paths are the
// input's (`http.timeoutSeconds`), so server errors land on the right field unchanged.
import type { CreateMonitorInput, HttpMethod, MonitorAggregation, MonitorType, UpdateMonitorInput } from '../../gql/graphql';
import * as v from '../../lib/validate';

export const MONITOR_TYPES: { value: MonitorType; label: string; description: string }[] = [
  { value: 'HTTP', label: 'HTTP', description: 'Requests a URL and checks the status, a keyword or a JSON value' },
  { value: 'WEBSITE', label: 'Website', description: 'Like HTTP, and warns before the TLS certificate expires' },
  { value: 'PING', label: 'Ping', description: 'ICMP echo (TCP when ICMP is not allowed)' },
  { value: 'PORT', label: 'TCP port', description: 'Opens a TCP connection, optionally with TLS' },
  { value: 'DNS', label: 'DNS', description: 'Resolves a domain name and checks the answers' },
  { value: 'HEARTBEAT', label: 'Heartbeat', description: 'Waits for your job to ping a URL' },
  { value: 'SYNTHETIC_TEST', label: 'Synthetic', description: 'Runs one of your Playwright tests on a schedule' },
];

export const AGGREGATIONS: { value: MonitorAggregation; label: string }[] = [
  { value: 'ANY', label: 'Down when any location sees it down' },
  { value: 'MAJORITY', label: 'Down when most locations see it down' },
  { value: 'ALL', label: 'Down only when every location sees it down' },
];

/** Placeholders a custom alert message may use. */
export const MESSAGE_PLACEHOLDERS = ['{{monitor.name}}', '{{monitor.target}}', '{{monitor.status}}', '{{location}}', '{{result.error}}', '{{result.responseTimeMs}}'];
const MAX_LOCATIONS = 20;
const LOCATION = /^[a-z0-9_-]{1,50}$/;

export interface MonitorValues {
  [key: string]: unknown;
  name: string;
  description: string;
  type: MonitorType;
  target: string;
  frequencyMinutes: number;
  enabled: boolean;
  http: {
    method: HttpMethod;
    expectedStatusCodes: string;
    keyword: string;
    keywordMode: 'PRESENT' | 'ABSENT';
    jsonPath: string;
    jsonExpected: string;
    timeoutSeconds: number;
    followRedirects: boolean;
    ignoreTlsErrors: boolean;
    body: string;
    headers: { name: string; value: string }[];
  };
  tls: { expiryDays: number };
  port: { port: number | ''; tls: boolean; timeoutSeconds: number };
  ping: { timeoutSeconds: number };
  heartbeat: { gracePeriodMinutes: number };
  /** `expected` is one value a line. */
  dns: { recordType: string; expected: string; resolver: string; timeoutSeconds: number };
  /** Domain registration watch of website monitors; off sends `expiryDays: 0`. */
  domain: { enabled: boolean; expiryDays: number | ''; name: string };
  /** Seconds between checks while failing; empty or 0 is off. */
  downIntervalSeconds: number | '';
  /** Monitors of the same project this one depends on. */
  parentIds: string[];
  tagIds: string[];
  notificationProviderIds: string[];
  alert: AlertValues;
  /** The Playwright test a synthetic monitor runs. */
  syntheticTestId: string | null;
  /** Where it is checked from (location names of the workers); empty is `default`. */
  locations: string[];
  aggregation: MonitorAggregation;
}

export interface AlertValues {
  enabled: boolean;
  failureThreshold: number;
  recoveryThreshold: number;
  alertOnFailure: boolean;
  alertOnRecovery: boolean;
  alertOnSslExpiration: boolean;
  alertOnTimeout: boolean;
  customMessage: string;
}

export function emptyMonitor(): MonitorValues {
  return {
    name: '',
    description: '',
    type: 'HTTP',
    target: '',
    frequencyMinutes: 5,
    enabled: true,
    http: {
      method: 'GET',
      expectedStatusCodes: '200-299',
      keyword: '',
      keywordMode: 'PRESENT',
      jsonPath: '',
      jsonExpected: '',
      timeoutSeconds: 30,
      followRedirects: true,
      ignoreTlsErrors: false,
      body: '',
      headers: [],
    },
    tls: { expiryDays: 14 },
    port: { port: '', tls: false, timeoutSeconds: 10 },
    ping: { timeoutSeconds: 10 },
    heartbeat: { gracePeriodMinutes: 5 },
    dns: { recordType: 'A', expected: '', resolver: '', timeoutSeconds: 10 },
    domain: { enabled: false, expiryDays: 30, name: '' },
    downIntervalSeconds: '',
    parentIds: [],
    tagIds: [],
    notificationProviderIds: [],
    alert: {
      enabled: true,
      failureThreshold: 1,
      recoveryThreshold: 1,
      alertOnFailure: true,
      alertOnRecovery: true,
      alertOnSslExpiration: true,
      alertOnTimeout: true,
      customMessage: '',
    },
    syntheticTestId: null,
    locations: ['default'],
    aggregation: 'ANY',
  };
}

interface StoredMonitor {
  name: string;
  description?: string | null;
  type: MonitorType;
  target: string;
  frequencyMinutes: number;
  enabled: boolean;
  config: unknown;
  downIntervalSeconds?: number | null;
  parentIds?: string[];
  tags: { id: string }[];
  notificationProviderIds: string[];
  alert: Pick<AlertValues, 'enabled' | 'failureThreshold' | 'recoveryThreshold'> &
    Partial<Pick<AlertValues, 'alertOnFailure' | 'alertOnRecovery' | 'alertOnSslExpiration' | 'alertOnTimeout'>> & { customMessage?: string | null };
  locations?: string[];
  aggregation?: MonitorAggregation;
}

type Json = Record<string, unknown>;
const obj = (value: unknown): Json => (value && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : {});
const str = (value: unknown, fallback = ''): string => (typeof value === 'string' ? value : fallback);
const num = (value: unknown, fallback: number): number => (typeof value === 'number' ? value : fallback);

/** Values for editing a stored monitor (its `config` as the server returns it). */
export function monitorToValues(m: StoredMonitor): MonitorValues {
  const base = emptyMonitor();
  const config = obj(m.config);
  const http = obj(config.http);
  const port = obj(config.port);
  const dns = obj(config.dns);
  const domain = config.domain ? obj(config.domain) : null;
  const downInterval = m.downIntervalSeconds ?? num(config.downIntervalSeconds, 0);
  return {
    ...base,
    name: m.name,
    description: m.description ?? '',
    type: m.type,
    target: m.target,
    frequencyMinutes: m.frequencyMinutes,
    enabled: m.enabled,
    http: {
      method: (str(http.method, 'GET').toUpperCase() as HttpMethod) ?? 'GET',
      expectedStatusCodes: Array.isArray(http.expectedStatusCodes) ? (http.expectedStatusCodes as string[]).join(', ') : base.http.expectedStatusCodes,
      keyword: str(http.keyword),
      keywordMode: str(http.keywordMode, 'present').toUpperCase() === 'ABSENT' ? 'ABSENT' : 'PRESENT',
      jsonPath: str(http.jsonPath),
      jsonExpected: str(http.jsonExpected),
      timeoutSeconds: num(http.timeoutSeconds, 30),
      followRedirects: http.followRedirects !== false,
      ignoreTlsErrors: http.ignoreTlsErrors === true,
      body: str(http.body),
      headers: Array.isArray(http.headers) ? (http.headers as { name: string; value: string }[]).map((h) => ({ name: h.name, value: h.value })) : [],
    },
    tls: { expiryDays: num(obj(config.tls).expiryDays, 14) },
    port: { port: num(port.port, 0) || '', tls: port.tls === true, timeoutSeconds: num(port.timeoutSeconds, 10) },
    ping: { timeoutSeconds: num(obj(config.ping).timeoutSeconds, 10) },
    heartbeat: { gracePeriodMinutes: num(obj(config.heartbeat).gracePeriodMinutes, 5) },
    dns: {
      recordType: str(dns.recordType, 'A').toUpperCase(),
      expected: Array.isArray(dns.expected) ? (dns.expected as unknown[]).filter((x) => typeof x === 'string').join('\n') : '',
      resolver: str(dns.resolver),
      timeoutSeconds: num(dns.timeoutSeconds, 10),
    },
    domain: domain
      ? { enabled: num(domain.expiryDays, 0) > 0, expiryDays: num(domain.expiryDays, 0) || base.domain.expiryDays, name: str(domain.name) }
      : base.domain,
    downIntervalSeconds: downInterval > 0 ? downInterval : '',
    parentIds: m.parentIds ?? [],
    tagIds: m.tags.map((t) => t.id),
    notificationProviderIds: m.notificationProviderIds,
    alert: {
      enabled: m.alert.enabled,
      failureThreshold: m.alert.failureThreshold,
      recoveryThreshold: m.alert.recoveryThreshold,
      alertOnFailure: m.alert.alertOnFailure ?? true,
      alertOnRecovery: m.alert.alertOnRecovery ?? true,
      alertOnSslExpiration: m.alert.alertOnSslExpiration ?? true,
      alertOnTimeout: m.alert.alertOnTimeout ?? true,
      customMessage: m.alert.customMessage ?? '',
    },
    syntheticTestId: str(obj(config.synthetic).testId) || null,
    locations: m.locations?.length ? m.locations : base.locations,
    aggregation: m.aggregation ?? base.aggregation,
  };
}

export function splitCodes(text: string): string[] {
  return text
    .split(/[\s,]+/)
    .map((c) => c.trim())
    .filter(Boolean);
}

const isHttp = (type: MonitorType) => type === 'HTTP' || type === 'WEBSITE';

/** Types Vigil checks itself on a schedule: the ones that can check again sooner while failing. */
export const POLLED_TYPES: readonly MonitorType[] = ['HTTP', 'WEBSITE', 'PING', 'PORT', 'DNS'];
export const isPolled = (type: MonitorType) => POLLED_TYPES.includes(type);

export const DNS_RECORD_TYPES = ['A', 'AAAA', 'CNAME', 'MX', 'NS', 'TXT', 'SOA', 'CAA'] as const;
export const MAX_PARENTS = 10;
const MAX_DNS_EXPECTED = 20;

/** The expected DNS values, one a line. */
export function splitLines(text: string): string[] {
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
}

const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;
const isIpv6 = (text: string) => (text.match(/:/g) ?? []).length >= 2 && /^[0-9a-fA-F:.]+$/.test(text) && (text.match(/::/g) ?? []).length <= 1;
export const isIpAddress = (text: string) => IPV4.test(text) || isIpv6(text);

/** A name server as the server takes it: `ip`, `ip:port` or `[ipv6]:port`; empty is the default. */
export function dnsResolver(value: string): string | null {
  const v = value.trim();
  if (!v) return null;
  const message = 'Use an IP address, optionally with a port (1.1.1.1, 1.1.1.1:53, [2606:4700::1111]:53)';
  const okPort = (p: string) => /^\d{1,5}$/.test(p) && Number(p) >= 1 && Number(p) <= 65535;
  const bracketed = /^\[([^\]]+)\](?::(\d+))?$/.exec(v);
  if (bracketed) return isIpv6(bracketed[1]) && (bracketed[2] === undefined || okPort(bracketed[2])) ? null : message;
  if (isIpAddress(v)) return null;
  const withPort = /^([\d.]+):(\d+)$/.exec(v);
  return withPort && IPV4.test(withPort[1]) && okPort(withPort[2]) ? null : message;
}

/** A domain name to resolve or watch: a host with a dot, not an IP address. */
function domainName(value: string, label: string): string | null {
  const v = value.trim();
  if (!v) return `${label} is required`;
  if (/[\s/]/.test(v) || v.includes('://')) return 'Enter a domain name like example.com, without a scheme or path';
  if (isIpAddress(v)) return 'Enter a domain name (example.com), not an IP address';
  return null;
}

/** The other monitors of the project, as choices for "Depends on". */
export function parentChoices(monitors: readonly { id: string; name: string }[], selfId?: string): { value: string; label: string }[] {
  return monitors.filter((m) => m.id !== selfId).map((m) => ({ value: m.id, label: m.name }));
}

/** Errors by form path; empty when the values can be sent. */
export function validateMonitor(values: MonitorValues): v.Errors {
  const errors: Record<string, string | null> = {
    name: v.name(values.name),
    frequencyMinutes: v.intInRange(values.frequencyMinutes, 1, 1440, 'Frequency'),
    'alert.failureThreshold': v.intInRange(values.alert.failureThreshold, 1, 100, 'Failure threshold'),
    'alert.recoveryThreshold': v.intInRange(values.alert.recoveryThreshold, 1, 100, 'Recovery threshold'),
  };
  if (isHttp(values.type)) {
    errors.target = v.httpUrl(values.target);
    errors['http.timeoutSeconds'] = v.intInRange(values.http.timeoutSeconds, 1, 60, 'Timeout');
    const codes = splitCodes(values.http.expectedStatusCodes);
    errors['http.expectedStatusCodes'] = codes.length === 0 ? 'Give at least one status code' : v.statusCodes(codes);
    errors['http.jsonPath'] = v.jsonPath(values.http.jsonPath);
    if (values.http.jsonExpected.trim() && !values.http.jsonPath.trim()) errors['http.jsonExpected'] = 'An expected value needs a JSON path';
    values.http.headers.forEach((h, i) => {
      if (!/^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/.test(h.name.trim())) errors[`http.headers.${i}.name`] = 'Not a valid header name';
    });
    if (values.type === 'WEBSITE') {
      errors['tls.expiryDays'] = v.intInRange(values.tls.expiryDays, 1, 365, 'Days');
      if (values.domain.enabled) {
        errors['domain.expiryDays'] = v.intInRange(values.domain.expiryDays, 1, 365, 'Days');
        if (values.domain.name.trim()) {
          errors['domain.name'] = domainName(values.domain.name, 'Domain') ?? (values.domain.name.includes('.') ? null : 'Use a registered domain name like example.com');
        }
      }
    }
  } else if (values.type === 'PING') {
    errors.target = v.host(values.target);
    errors['ping.timeoutSeconds'] = v.intInRange(values.ping.timeoutSeconds, 1, 60, 'Timeout');
  } else if (values.type === 'PORT') {
    errors.target = v.host(values.target);
    errors['port.port'] = v.intInRange(values.port.port, 1, 65535, 'Port');
    errors['port.timeoutSeconds'] = v.intInRange(values.port.timeoutSeconds, 1, 60, 'Timeout');
  } else if (values.type === 'DNS') {
    errors.target = domainName(values.target, 'Domain name');
    const d = values.dns;
    if (!(DNS_RECORD_TYPES as readonly string[]).includes(d.recordType.trim().toUpperCase())) errors['dns.recordType'] = `Use one of ${DNS_RECORD_TYPES.join(', ')}`;
    const expected = splitLines(d.expected);
    if (expected.length > MAX_DNS_EXPECTED) errors['dns.expected'] = `At most ${MAX_DNS_EXPECTED} values`;
    else if (expected.some((e) => e.length > 1024)) errors['dns.expected'] = 'Each value is at most 1024 characters';
    errors['dns.resolver'] = dnsResolver(d.resolver);
    errors['dns.timeoutSeconds'] = v.intInRange(d.timeoutSeconds, 1, 60, 'Timeout');
  } else if (values.type === 'HEARTBEAT') {
    errors['heartbeat.gracePeriodMinutes'] = v.intInRange(values.heartbeat.gracePeriodMinutes, 0, 10080, 'Grace period');
  } else if (values.type === 'SYNTHETIC_TEST') {
    if (!values.syntheticTestId) errors.syntheticTestId = 'Choose the test to run';
  }
  if (values.type !== 'HEARTBEAT') {
    const names = values.locations.map((l) => l.trim().toLowerCase());
    if (names.length > MAX_LOCATIONS) errors.locations = `At most ${MAX_LOCATIONS} locations`;
    else {
      const bad = names.find((n) => !LOCATION.test(n));
      if (bad !== undefined) errors.locations = `"${bad}" is not a location name (a-z, 0-9, - and _)`;
    }
  }
  if (values.alert.customMessage.length > 4000) errors['alert.customMessage'] = 'At most 4000 characters';
  if (isPolled(values.type) && values.downIntervalSeconds !== '' && Number(values.downIntervalSeconds) !== 0) {
    errors.downIntervalSeconds =
      v.intInRange(values.downIntervalSeconds, 20, 86400, 'Interval') && 'Use 20 to 86400 seconds (empty or 0 turns it off)';
  }
  if (values.parentIds.length > MAX_PARENTS) errors.parentIds = `At most ${MAX_PARENTS} monitors`;
  return v.collect(errors);
}

type Settings = UpdateMonitorInput;

/** The input fields shared by create and update, for the values' type only. */
export function monitorSettings(values: MonitorValues): Settings {
  const out: Settings = {
    name: values.name.trim(),
    description: values.description.trim() || undefined,
    frequencyMinutes: Number(values.frequencyMinutes),
    enabled: values.enabled,
    tagIds: values.tagIds,
    notificationProviderIds: values.notificationProviderIds,
    alert: {
      enabled: values.alert.enabled,
      failureThreshold: Number(values.alert.failureThreshold),
      recoveryThreshold: Number(values.alert.recoveryThreshold),
      alertOnFailure: values.alert.alertOnFailure,
      alertOnRecovery: values.alert.alertOnRecovery,
      alertOnSslExpiration: values.alert.alertOnSslExpiration,
      alertOnTimeout: values.alert.alertOnTimeout,
      // Empty clears a custom message (the server keeps no blank one).
      customMessage: values.alert.customMessage.trim(),
    },
  };
  if (values.type !== 'HEARTBEAT' && values.type !== 'SYNTHETIC_TEST') out.target = values.target.trim();
  if (values.type !== 'HEARTBEAT') {
    const locations = [...new Set(values.locations.map((l) => l.trim().toLowerCase()).filter(Boolean))];
    out.locations = locations.length ? locations : ['default'];
    out.aggregation = values.aggregation;
  }
  if (values.type === 'SYNTHETIC_TEST' && values.syntheticTestId) out.syntheticTestId = values.syntheticTestId;
  if (isHttp(values.type)) {
    const h = values.http;
    out.http = {
      method: h.method,
      expectedStatusCodes: splitCodes(h.expectedStatusCodes),
      keyword: h.keyword.trim() || undefined,
      keywordMode: h.keyword.trim() ? h.keywordMode : undefined,
      jsonPath: h.jsonPath.trim() || undefined,
      jsonExpected: h.jsonExpected.trim() || undefined,
      timeoutSeconds: Number(h.timeoutSeconds),
      followRedirects: h.followRedirects,
      ignoreTlsErrors: h.ignoreTlsErrors,
      body: h.body || undefined,
      headers: h.headers.map((x) => ({ name: x.name.trim(), value: x.value })),
    };
    if (values.type === 'WEBSITE') {
      out.tls = { expiryDays: Number(values.tls.expiryDays) };
      const d = values.domain;
      // Always sent, so turning the watch off (0) reaches the server.
      out.domain = d.enabled ? { expiryDays: Number(d.expiryDays), name: d.name.trim() || undefined } : { expiryDays: 0 };
    }
  }
  if (values.type === 'PING') out.ping = { timeoutSeconds: Number(values.ping.timeoutSeconds) };
  if (values.type === 'PORT') out.port = { port: Number(values.port.port), tls: values.port.tls, timeoutSeconds: Number(values.port.timeoutSeconds) };
  if (values.type === 'HEARTBEAT') out.heartbeat = { gracePeriodMinutes: Number(values.heartbeat.gracePeriodMinutes) };
  if (values.type === 'DNS') {
    const d = values.dns;
    out.dns = {
      recordType: d.recordType.trim().toUpperCase(),
      expected: splitLines(d.expected),
      resolver: d.resolver.trim() || undefined,
      timeoutSeconds: Number(d.timeoutSeconds),
    };
  }
  // Empty is 0, which turns it off.
  if (isPolled(values.type)) out.downIntervalSeconds = Number(values.downIntervalSeconds || 0);
  out.parentIds = values.parentIds;
  return out;
}

export function createMonitorInput(projectId: string, values: MonitorValues): CreateMonitorInput {
  return { projectId, type: values.type, ...monitorSettings(values), name: values.name.trim() };
}

/** Server field names that differ from the form's paths. */
export const MONITOR_FIELD_ALIASES: Record<string, string> = {
  'synthetic.testId': 'syntheticTestId',
};
