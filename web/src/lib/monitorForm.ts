// The monitor editor's values, checks and conversion to the GraphQL input. Form paths are the
// input's (`http.timeoutSeconds`), so server errors land on the right field unchanged.
import type { CreateMonitorInput, HttpMethod, MonitorType, UpdateMonitorInput } from '../gql/graphql';
import * as v from './validate';

export const MONITOR_TYPES: { value: MonitorType; label: string; description: string }[] = [
  { value: 'HTTP', label: 'HTTP', description: 'Requests a URL and checks the status, a keyword or a JSON value' },
  { value: 'WEBSITE', label: 'Website', description: 'Like HTTP, and warns before the TLS certificate expires' },
  { value: 'PING', label: 'Ping', description: 'ICMP echo (TCP when ICMP is not allowed)' },
  { value: 'PORT', label: 'TCP port', description: 'Opens a TCP connection, optionally with TLS' },
  { value: 'HEARTBEAT', label: 'Heartbeat', description: 'Waits for your job to ping a URL' },
];

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
  tagIds: string[];
  notificationProviderIds: string[];
  alert: { enabled: boolean; failureThreshold: number; recoveryThreshold: number };
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
    tagIds: [],
    notificationProviderIds: [],
    alert: { enabled: true, failureThreshold: 1, recoveryThreshold: 1 },
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
  tags: { id: string }[];
  notificationProviderIds: string[];
  alert: { enabled: boolean; failureThreshold: number; recoveryThreshold: number };
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
    tagIds: m.tags.map((t) => t.id),
    notificationProviderIds: m.notificationProviderIds,
    alert: { enabled: m.alert.enabled, failureThreshold: m.alert.failureThreshold, recoveryThreshold: m.alert.recoveryThreshold },
  };
}

export function splitCodes(text: string): string[] {
  return text
    .split(/[\s,]+/)
    .map((c) => c.trim())
    .filter(Boolean);
}

const isHttp = (type: MonitorType) => type === 'HTTP' || type === 'WEBSITE';

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
    if (values.type === 'WEBSITE') errors['tls.expiryDays'] = v.intInRange(values.tls.expiryDays, 1, 365, 'Days');
  } else if (values.type === 'PING') {
    errors.target = v.host(values.target);
    errors['ping.timeoutSeconds'] = v.intInRange(values.ping.timeoutSeconds, 1, 60, 'Timeout');
  } else if (values.type === 'PORT') {
    errors.target = v.host(values.target);
    errors['port.port'] = v.intInRange(values.port.port, 1, 65535, 'Port');
    errors['port.timeoutSeconds'] = v.intInRange(values.port.timeoutSeconds, 1, 60, 'Timeout');
  } else if (values.type === 'HEARTBEAT') {
    errors['heartbeat.gracePeriodMinutes'] = v.intInRange(values.heartbeat.gracePeriodMinutes, 0, 10080, 'Grace period');
  }
  return v.collect(errors);
}

type Settings = Omit<UpdateMonitorInput, 'syntheticTestId' | 'locations' | 'aggregation'>;

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
    },
  };
  if (values.type !== 'HEARTBEAT') out.target = values.target.trim();
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
    if (values.type === 'WEBSITE') out.tls = { expiryDays: Number(values.tls.expiryDays) };
  }
  if (values.type === 'PING') out.ping = { timeoutSeconds: Number(values.ping.timeoutSeconds) };
  if (values.type === 'PORT') out.port = { port: Number(values.port.port), tls: values.port.tls, timeoutSeconds: Number(values.port.timeoutSeconds) };
  if (values.type === 'HEARTBEAT') out.heartbeat = { gracePeriodMinutes: Number(values.heartbeat.gracePeriodMinutes) };
  return out;
}

export function createMonitorInput(projectId: string, values: MonitorValues): CreateMonitorInput {
  return { projectId, type: values.type, ...monitorSettings(values), name: values.name.trim() };
}

/** Server field names that differ from the form's paths. */
export const MONITOR_FIELD_ALIASES: Record<string, string> = {
  'synthetic.testId': 'type',
};
