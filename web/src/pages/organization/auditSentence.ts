// An audit entry as a sentence with links ("Ada created monitor API in project Shop") instead
// of its action name and a JSON blob of ids. Entries carry what the server recorded in
// `details` (server/src/*: `audit::record`); names come from there, from the organization's
// projects and from its members.
import { enumLabel } from '../../lib/format';

/** A piece of a sentence: plain text, or a name (linked when `to` is set). */
export type Part = string | { text: string; to?: string };

export interface AuditEntryLike {
  action: string;
  details?: unknown;
  user?: { id: string; name: string } | null;
}

export interface AuditContext {
  /** Project names by id. */
  projects: Map<string, string>;
  /** Member names by user id. */
  users: Map<string, string>;
}

/** Objects whose pages are found by id alone (through `/go/:id`). */
const LINKED = new Set(['monitor', 'callback', 'job', 'test', 'run', 'status_page']);

const NOUNS: Record<string, string> = {
  action: 'callback action',
  api_key: 'API key',
  callback: 'callback',
  credential: 'service credential',
  invitation: 'invitation',
  job: 'job',
  monitor: 'monitor',
  notification_provider: 'notification provider',
  organization: 'organization',
  project: 'project',
  run: 'run',
  status_page: 'status page',
  tag: 'tag',
  test: 'test',
  variable: 'variable',
};

const VERBS: Record<string, string> = {
  create: 'created',
  update: 'changed',
  delete: 'deleted',
  pause: 'paused',
  resume: 'resumed',
  mute: 'muted',
  unmute: 'unmuted',
  revoke: 'revoked',
  accept: 'accepted',
  cancel: 'cancelled',
  trigger: 'triggered',
  run: 'ran',
  test: 'sent a test message through',
  check_now: 'ran a check of',
  rotate_token: 'issued a new trigger URL for',
  rotate_heartbeat_token: 'issued a new heartbeat URL for',
  replay: 'replayed a trigger of',
  image: 'changed an image of',
  custom_domain: 'set the custom domain of',
  sso_update: 'changed single sign-on of',
};

/** Account actions: the whole sentence after the actor's name. */
const ACCOUNT: Record<string, string> = {
  'user.sign_out': 'signed out',
  'user.totp_enroll': 'started setting up two-factor sign-in',
  'user.totp_enable': 'turned two-factor sign-in on',
  'user.totp_disable': 'turned two-factor sign-in off',
  'user.update_profile': 'updated their profile',
  'user.change_password': 'changed their password',
  'user.request_email_verification': 'asked for a new email confirmation link',
  'user.unlink_account': 'unlinked a sign-in provider',
  'session.revoke': 'ended one of their sessions',
  'admin.stop_impersonating': 'stopped impersonating',
};

function str(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}

function camel(domain: string): string {
  return domain.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
}

function shortId(id: string): string {
  return id.slice(0, 8);
}

/** The page of an object recorded by id. */
export function objectLink(domain: string, id: string): string | undefined {
  return LINKED.has(domain) ? `/go/${domain}/${id}` : undefined;
}

function projectPart(id: string | null, ctx: AuditContext): Part[] {
  if (!id) return [];
  const name = ctx.projects.get(id);
  return [' in project ', name ? { text: name, to: `/projects/${id}` } : { text: shortId(id) }];
}

function userPart(id: string | null, ctx: AuditContext, fallback = 'a member'): Part {
  if (!id) return fallback;
  return { text: ctx.users.get(id) ?? `a former member (${shortId(id)})` };
}

function role(value: unknown): string {
  const r = str(value);
  return r ? enumLabel(r.replace(/([a-z])([A-Z])/g, '$1_$2')) : 'a role';
}

/** The object an entry is about: "monitor API", linked when its page can be found. */
function subject(domain: string, d: Record<string, unknown>): Part[] {
  const noun = NOUNS[domain] ?? domain.replace(/_/g, ' ');
  const id = str(d[`${camel(domain)}Id`]);
  const name = str(d.name) ?? str(d.title) ?? str(d.key) ?? str(d.subdomain);
  const to = id ? objectLink(domain, id) : undefined;
  if (name) return [`${noun} `, to ? { text: name, to } : { text: name }];
  if (id) return [`${noun} `, to ? { text: shortId(id), to } : { text: shortId(id) }];
  return [`a ${noun}`];
}

/** The sentence for an entry, without the actor (who comes first). */
function predicate(action: string, d: Record<string, unknown>, ctx: AuditContext): Part[] {
  if (ACCOUNT[action]) return [ACCOUNT[action]];
  const [domain, verb = ''] = action.split('.', 2);
  switch (action) {
    case 'member.leave':
      return ['left the organization'];
    case 'member.remove':
      return ['removed ', userPart(str(d.userId), ctx), ' from the organization'];
    case 'member.update_role':
      return ['changed the role of ', userPart(str(d.userId), ctx), ` from ${role(d.from)} to ${role(d.to)}`];
    case 'project_member.set':
      return ['gave ', userPart(str(d.userId), ctx), ` the role ${role(d.role)}`, ...projectPart(str(d.projectId), ctx)];
    case 'project_member.remove':
      return ['removed ', userPart(str(d.userId), ctx), ' from', ...projectPart(str(d.projectId), ctx).slice(1)];
    case 'invitation.create':
      return ['invited ', { text: str(d.email) ?? 'someone' }, ` as ${role(d.role)}`];
    case 'invitation.accept':
      return ['accepted an invitation and joined the organization'];
    case 'invitation.revoke':
      return ['revoked an invitation'];
    case 'organization.create':
      return ['created the organization ', { text: str(d.name) ?? 'it' }];
    case 'organization.update':
      return ['renamed the organization to ', { text: str(d.name) ?? '…' }];
    case 'organization.delete':
      return ['deleted the organization ', { text: str(d.name) ?? '' }];
    case 'organization.sso_update':
      return ['changed the organization’s single sign-on'];
    case 'project.create':
    case 'project.update':
    case 'project.delete': {
      const id = str(d.projectId);
      const name = str(d.name) ?? (id ? ctx.projects.get(id) : undefined) ?? (id ? shortId(id) : 'a project');
      const link = id && verb !== 'delete' && ctx.projects.has(id) ? `/projects/${id}` : undefined;
      return [`${VERBS[verb]} project `, link ? { text: name, to: link } : { text: name }];
    }
    case 'session.set_active': {
      const project = projectPart(str(d.projectId), ctx);
      return project.length ? ['switched to project ', project[1]] : ['switched organization'];
    }
    case 'action.create': {
      const type = str(d.type) ? enumLabel((str(d.type) ?? '').replace(/([a-z])([A-Z])/g, '$1_$2').toUpperCase()) : null;
      const article = type && /^(HTTP|SMS|[AEIOU])/i.test(type) ? 'an' : 'a';
      return [type ? `added ${article} ${type} action to ` : 'added an action to ', ...subject('callback', d)];
    }
    case 'action.update':
      return ['changed a callback action'];
    case 'action.delete':
      return ['deleted an action of ', ...subject('callback', d)];
    case 'job.trigger': {
      const run = str(d.runId);
      return ['triggered ', ...subject('job', d), ...(run ? [' (', { text: 'the run', to: `/go/run/${run}` }, ')'] : [])];
    }
    case 'test.run': {
      const run = str(d.runId);
      return ['ran ', ...subject('test', d), ...(run ? [' (', { text: 'the run', to: `/go/run/${run}` }, ')'] : [])];
    }
    case 'run.cancel':
      return ['cancelled ', ...subject('run', d)];
    case 'queue.pull':
      return [`pulled ${typeof d.count === 'number' ? d.count : 'some'} messages from queue `, { text: str(d.queue) ?? '' }];
    case 'queue.ack':
      return ['acknowledged a message of queue ', { text: str(d.queue) ?? '' }];
    case 'notification.mark_read':
      return [`marked ${typeof d.count === 'number' ? d.count : 'some'} notifications read`];
    case 'admin.impersonate':
      return ['started impersonating ', userPart(str(d.userId), ctx, 'a user')];
    case 'api_key.update':
      return [`${d.enabled === false ? 'turned off' : d.enabled === true ? 'turned on' : 'changed'} `, ...subject('api_key', d)];
    case 'billing.organization_plan.set':
      return ['put the organization on plan ', { text: str(d.plan) ?? 'another plan' }];
    case 'billing.settings.update':
      return ['changed the billing settings'];
    case 'billing.subscription.update':
      return ['changed the subscription'];
    case 'billing.plan.lapse':
      return ['saw the paid plan lapse'];
    case 'billing.usage_period.close':
      return ['closed a usage period'];
    case 'notification_provider.test':
      return ['sent a test message through ', ...subject('notification_provider', d), d.success === true ? ' (delivered)' : d.success === false ? ' (not delivered)' : ''];
    case 'variable.create':
      return [`created ${d.secret === true ? 'secret' : 'variable'} `, { text: str(d.key) ?? '' }, ...projectPart(str(d.projectId), ctx)];
  }
  const verbText = VERBS[verb] ?? verb.replace(/_/g, ' ');
  return [`${verbText} `, ...subject(domain, d), ...projectPart(str(d.projectId), ctx)];
}

/** "Ada created monitor API in project Shop", as parts to render. */
export function auditSentence(entry: AuditEntryLike, ctx: AuditContext): Part[] {
  const d = (entry.details && typeof entry.details === 'object' ? entry.details : {}) as Record<string, unknown>;
  const actor: Part = entry.user ? { text: entry.user.name } : 'A deleted account';
  const parts: Part[] = [actor, ' ', ...predicate(entry.action, d, ctx)];
  const by = str(d.impersonatedBy);
  if (by) parts.push(' (through impersonation by ', userPart(by, ctx, 'an administrator'), ')');
  if (str(d.apiKeyId)) parts.push(' with an API key');
  return parts.filter((p) => p !== '');
}

/** The sentence as plain text (for tests and titles). */
export function sentenceText(parts: Part[]): string {
  return parts.map((p) => (typeof p === 'string' ? p : p.text)).join('');
}

const DOMAIN_LABELS: [string, string][] = [
  ['monitor', 'Monitors'],
  ['callback', 'Callbacks'],
  ['action', 'Callback actions'],
  ['test', 'Tests'],
  ['job', 'Jobs'],
  ['run', 'Runs'],
  ['project', 'Projects'],
  ['project_member', 'Project members'],
  ['member', 'Members'],
  ['invitation', 'Invitations'],
  ['organization', 'The organization'],
  ['status_page', 'Status pages'],
  ['notification_provider', 'Notification providers'],
  ['credential', 'Service credentials'],
  ['variable', 'Variables'],
  ['tag', 'Tags'],
  ['api_key', 'API keys'],
  ['user', 'Accounts'],
  ['admin', 'Administration'],
  ['billing', 'Billing'],
];

/** The action filter's choices: every action of a domain (`monitor.` on the server). */
export const AUDIT_ACTION_CHOICES = DOMAIN_LABELS.map(([domain, label]) => ({ value: `${domain}.`, label }));
