// The form of each action type, and its conversion to and from the `config` the server stores
// (see server/src/callback/action.rs and server/src/delivery/config.rs). The checks mirror the
// server's so that most mistakes are caught before a round trip; the server stays the judge.
import type { ActionType } from '../../gql/graphql';
import * as v from '../../lib/validate';

/** What the server shows in place of a sealed value; sent back as it is, the value is kept. */
export const MASK = '********';
/** Headers Vigil writes when it signs an HTTP POST; a config may not set them. */
const SIGNING_HEADERS = ['webhook-id', 'webhook-timestamp', 'webhook-signature', 'x-vigil-signature'];
const QUEUE_NAME = /^[a-z0-9_-]{1,100}$/;

export const ACTION_TYPES: ActionType[] = ['HTTP_POST', 'SLACK', 'DISCORD', 'EMAIL', 'SMS', 'STORE', 'QUEUE'];

export interface HeaderRow {
  name: string;
  value: string;
}

/** One flat set of fields for every type; each type reads and writes its own. */
export type ActionFormValues = {
  // HTTP_POST
  url: string;
  headers: HeaderRow[];
  body: string;
  secret: string;
  // Channel actions: settings given here, or a project service credential.
  useCredential: boolean;
  credentialId: string;
  webhookUrl: string;
  to: string;
  from: string;
  sendgridApiKey: string;
  accountSid: string;
  authToken: string;
  subject: string;
  message: string;
  // STORE and QUEUE
  key: string;
  queue: string;
  // Retries, every type
  maxAttempts: number;
  retryDelaySeconds: number;
};

export function emptyActionForm(): ActionFormValues {
  return {
    url: '',
    headers: [],
    body: '',
    secret: '',
    useCredential: false,
    credentialId: '',
    webhookUrl: '',
    to: '',
    from: '',
    sendgridApiKey: '',
    accountSid: '',
    authToken: '',
    subject: '',
    message: '',
    key: '',
    queue: '',
    maxAttempts: 3,
    retryDelaySeconds: 5,
  };
}

/** Starting values for a new action of a type. */
export function actionFormDefaults(type: ActionType): ActionFormValues {
  const base = emptyActionForm();
  switch (type) {
    case 'SLACK':
    case 'DISCORD':
      return { ...base, message: 'Triggered: {{request.body}}' };
    case 'EMAIL':
      return { ...base, subject: 'Callback triggered', message: '{{request.body}}' };
    case 'SMS':
      return { ...base, message: 'Callback triggered' };
    case 'QUEUE':
      return { ...base, queue: 'events' };
    default:
      return base;
  }
}

function str(value: unknown): string {
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '';
}

function list(value: unknown): string {
  if (Array.isArray(value)) return value.map(str).filter(Boolean).join(', ');
  return str(value);
}

/** `a@x.io, b@x.io` or one per line -> the list the server takes. */
export function splitList(value: string): string[] {
  return value
    .split(/[,\n]/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** The form for a stored config (as the server reads it back: sealed values masked). */
export function actionFormFromConfig(type: ActionType, config: unknown): ActionFormValues {
  const c = (config && typeof config === 'object' ? config : {}) as Record<string, unknown>;
  const channel = (c.channel && typeof c.channel === 'object' ? c.channel : {}) as Record<string, unknown>;
  const out = emptyActionForm();
  if (typeof c.maxAttempts === 'number') out.maxAttempts = c.maxAttempts;
  if (typeof c.retryDelaySeconds === 'number') out.retryDelaySeconds = c.retryDelaySeconds;
  switch (type) {
    case 'HTTP_POST': {
      out.url = str(c.url);
      out.body = str(c.body);
      out.secret = str(c.secret);
      const headers = c.headers && typeof c.headers === 'object' ? (c.headers as Record<string, unknown>) : {};
      out.headers = Object.entries(headers).map(([name, value]) => ({ name, value: str(value) }));
      break;
    }
    case 'SLACK':
    case 'DISCORD':
    case 'EMAIL':
    case 'SMS':
      out.credentialId = str(channel.credentialId);
      out.useCredential = out.credentialId !== '';
      out.webhookUrl = str(channel.webhookUrl);
      out.to = list(channel.to);
      out.from = str(channel.from);
      out.sendgridApiKey = str(channel.sendgridApiKey);
      out.accountSid = str(channel.accountSid);
      out.authToken = str(channel.authToken);
      out.subject = str(c.subject);
      out.message = str(c.message);
      break;
    case 'STORE':
      out.key = str(c.key);
      break;
    case 'QUEUE':
      out.queue = str(c.queue);
      break;
  }
  return out;
}

function set(out: Record<string, unknown>, key: string, value: string) {
  const v = value.trim();
  if (v) out[key] = v;
}

/** The config to send for the form's values: the type's keys only, empty optional ones left out. */
export function actionConfigFromForm(type: ActionType, f: ActionFormValues): Record<string, unknown> {
  const out: Record<string, unknown> = { maxAttempts: Number(f.maxAttempts), retryDelaySeconds: Number(f.retryDelaySeconds) };
  const channel: Record<string, unknown> = {};
  if (f.useCredential) set(channel, 'credentialId', f.credentialId);
  switch (type) {
    case 'HTTP_POST': {
      set(out, 'url', f.url);
      const headers: Record<string, string> = {};
      for (const h of f.headers) if (h.name.trim()) headers[h.name.trim()] = h.value;
      out.headers = headers;
      // The body is a template: kept as typed, spaces included.
      if (f.body.trim()) out.body = f.body;
      set(out, 'secret', f.secret);
      return out;
    }
    case 'SLACK':
    case 'DISCORD':
      if (!f.useCredential) set(channel, 'webhookUrl', f.webhookUrl);
      out.channel = channel;
      out.message = f.message;
      return out;
    case 'EMAIL': {
      channel.to = splitList(f.to);
      if (!f.useCredential) set(channel, 'sendgridApiKey', f.sendgridApiKey);
      set(channel, 'from', f.from);
      out.channel = channel;
      out.subject = f.subject;
      out.message = f.message;
      return out;
    }
    case 'SMS':
      if (!f.useCredential) {
        set(channel, 'accountSid', f.accountSid);
        set(channel, 'authToken', f.authToken);
      } else {
        set(channel, 'accountSid', f.accountSid);
      }
      set(channel, 'from', f.from);
      channel.to = splitList(f.to);
      out.channel = channel;
      out.message = f.message;
      return out;
    case 'STORE':
      set(out, 'key', f.key);
      return out;
    case 'QUEUE':
      set(out, 'queue', f.queue);
      return out;
  }
  return out;
}

const PHONE = /^\+[1-9]\d{6,14}$/;

/** Errors by form field for a type's values, as the server would refuse them. */
export function validateActionForm(type: ActionType, f: ActionFormValues): v.Errors {
  const errors: v.Errors = {};
  const put = (key: string, problem: string | null) => {
    if (problem) errors[key] = problem;
  };
  put('maxAttempts', v.intInRange(f.maxAttempts, 1, 10, 'Attempts'));
  put('retryDelaySeconds', v.intInRange(f.retryDelaySeconds, 1, 3600, 'Retry delay'));
  const channelAction = type === 'SLACK' || type === 'DISCORD' || type === 'EMAIL' || type === 'SMS';
  if (channelAction) {
    if (f.useCredential) put('credentialId', v.required(f.credentialId, 'A service credential'));
    put('message', v.required(f.message, 'Message') ?? (f.message.length > 10_000 ? 'Message must be at most 10000 characters' : null));
  }
  switch (type) {
    case 'HTTP_POST': {
      put('url', v.httpUrl(f.url));
      const secret = f.secret.trim();
      if (secret && secret !== MASK && secret.length < 8) errors.secret = 'The signing secret must be at least 8 characters';
      const seen = new Set<string>();
      f.headers.forEach((h, i) => {
        const name = h.name.trim().toLowerCase();
        if (!name) {
          if (h.value.trim()) errors[`headers.${i}.name`] = 'Give the header a name';
          return;
        }
        if (!/^[!#$%&'*+.^_`|~0-9a-z-]+$/.test(name)) errors[`headers.${i}.name`] = 'Not a valid header name';
        else if (SIGNING_HEADERS.includes(name)) errors[`headers.${i}.name`] = 'Vigil sets this header when it signs the request';
        else if (seen.has(name)) errors[`headers.${i}.name`] = 'This header is already set';
        seen.add(name);
      });
      break;
    }
    case 'SLACK':
    case 'DISCORD':
      if (!f.useCredential && f.webhookUrl.trim() !== MASK) put('webhookUrl', v.httpUrl(f.webhookUrl, 'Webhook URL'));
      break;
    case 'EMAIL': {
      const to = splitList(f.to);
      if (to.length === 0) errors.to = 'Give at least one address';
      else if (to.length > 50) errors.to = 'At most 50 addresses';
      else {
        const bad = to.find((a) => v.email(a));
        if (bad) errors.to = `"${bad}" is not an email address`;
      }
      const sendgrid = f.useCredential || f.sendgridApiKey.trim() !== '';
      if (!sendgrid && f.from.trim()) errors.from = 'The sender applies to SendGrid only; mail through SMTP comes from the server';
      put('subject', v.required(f.subject, 'Subject'));
      break;
    }
    case 'SMS': {
      if (!f.useCredential) {
        put('accountSid', v.required(f.accountSid, 'Account SID'));
        put('authToken', v.required(f.authToken, 'Auth token'));
      }
      if (f.accountSid.trim() && !/^AC[0-9a-fA-F]{32}$/.test(f.accountSid.trim())) errors.accountSid = 'A Twilio account SID is AC followed by 32 hexadecimal digits';
      put('from', v.required(f.from, 'From number') ?? (PHONE.test(f.from.trim()) ? null : 'Use the international format, like +14155550100'));
      const to = splitList(f.to);
      if (to.length === 0) errors.to = 'Give at least one number';
      else if (to.length > 10) errors.to = 'At most 10 numbers';
      else {
        const bad = to.find((n) => !PHONE.test(n));
        if (bad) errors.to = `"${bad}" is not in the international format, like +14155550100`;
      }
      break;
    }
    case 'STORE':
      if (f.key.length > 255) errors.key = 'The key must be at most 255 characters';
      break;
    case 'QUEUE':
      put('queue', v.required(f.queue, 'Queue') ?? (QUEUE_NAME.test(f.queue.trim()) ? null : 'Use 1-100 characters of a-z, 0-9, - and _'));
      break;
  }
  return errors;
}

/**
 * Where the server's field errors land on this form: `config.channel.webhookUrl` on
 * `webhookUrl`, `config.url` on `url` (aliases for `useFormSubmit`).
 */
export const ACTION_ERROR_ALIASES: Record<string, string> = Object.fromEntries(
  ['url', 'headers', 'body', 'secret', 'subject', 'message', 'key', 'queue', 'maxAttempts', 'retryDelaySeconds']
    .map((k) => [`config.${k}`, k] as [string, string])
    .concat(['credentialId', 'webhookUrl', 'to', 'from', 'sendgridApiKey', 'accountSid', 'authToken'].map((k) => [`config.channel.${k}`, k] as [string, string])),
);

/** One line saying what an action does, for the pipeline table. */
export function summariseAction(type: ActionType, config: unknown): string {
  const f = actionFormFromConfig(type, config);
  switch (type) {
    case 'HTTP_POST':
      return f.url;
    case 'SLACK':
    case 'DISCORD':
      return f.useCredential ? 'through a service credential' : f.message;
    case 'EMAIL':
    case 'SMS':
      return f.to ? `to ${f.to}` : 'through a service credential';
    case 'STORE':
      return f.key ? `under key ${f.key}` : 'every payload';
    case 'QUEUE':
      return `to queue ${f.queue}`;
  }
  return '';
}
