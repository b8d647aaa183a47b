// In-app notifications as the bell lists them: a title, a line of text and where the
// notification leads. Pure, so it is unit-tested.

export interface InboxItem {
  title: string;
  body: string | null;
  /** A path of this app, or null when the notification is about nothing to open. */
  path: string | null;
}

const KIND_TITLES: Record<string, string> = {
  monitor_down: 'A monitor is down',
  monitor_up: 'A monitor recovered',
  certificate_expiring: 'A certificate expires soon',
  domain_expiring: 'A domain expires soon',
  invitation: 'You are invited',
};

const text = (value: unknown): string | null => (typeof value === 'string' && value.trim() ? value : null);

/** What the bell shows for a notification of `kind` with `content` (a JSON object). */
export function inboxItem(kind: string, content: unknown): InboxItem {
  const c = content && typeof content === 'object' ? (content as Record<string, unknown>) : {};
  const projectId = text(c.projectId);
  const monitorId = text(c.monitorId);
  const invitationId = text(c.invitationId);
  let path: string | null = null;
  if (projectId && monitorId) path = `/projects/${projectId}/monitors/${monitorId}`;
  else if (invitationId) path = `/invitations/${invitationId}`;
  const organization = text(c.organization);
  const title = text(c.title) ?? (kind === 'invitation' && organization ? `You are invited to ${organization}` : (KIND_TITLES[kind] ?? kind.replace(/_/g, ' ')));
  return { title, body: text(c.body), path };
}

/** The unread count as the bell's badge shows it. */
export function unreadLabel(count: number): string {
  return count > 99 ? '99+' : String(count);
}
