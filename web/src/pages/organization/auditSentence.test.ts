import { describe, expect, it } from 'vitest';
import { AUDIT_ACTION_CHOICES, auditSentence, sentenceText, type AuditContext } from './auditSentence';

const ctx: AuditContext = {
  projects: new Map([['p1', 'Shop']]),
  users: new Map([
    ['u1', 'Ada'],
    ['u2', 'Grace'],
  ]),
};
const ada = { id: 'u1', name: 'Ada' };

describe('audit sentences', () => {
  it('names the actor, the object with its link and the project', () => {
    const parts = auditSentence({ action: 'monitor.create', details: { monitorId: 'm1', name: 'API', type: 'Http', projectId: 'p1' }, user: ada }, ctx);
    expect(sentenceText(parts)).toBe('Ada created monitor API in project Shop');
    expect(parts).toContainEqual({ text: 'API', to: '/go/monitor/m1' });
    expect(parts).toContainEqual({ text: 'Shop', to: '/projects/p1' });
  });

  it('falls back to a short id when no name was recorded, and never shows JSON', () => {
    const text = sentenceText(auditSentence({ action: 'callback.rotate_token', details: { callbackId: '0190c0de-aaaa' }, user: ada }, ctx));
    expect(text).toBe('Ada issued a new trigger URL for callback 0190c0de');
    expect(text).not.toContain('{');
  });

  it('names members by their user id and roles in words', () => {
    expect(sentenceText(auditSentence({ action: 'member.update_role', details: { userId: 'u2', from: 'ProjectViewer', to: 'OrgAdmin' }, user: ada }, ctx))).toBe(
      'Ada changed the role of Grace from Project viewer to Org admin',
    );
    expect(sentenceText(auditSentence({ action: 'project_member.set', details: { userId: 'u2', projectId: 'p1', role: 'ProjectEditor' }, user: ada }, ctx))).toBe(
      'Ada gave Grace the role Project editor in project Shop',
    );
    expect(sentenceText(auditSentence({ action: 'invitation.create', details: { email: 'bob@example.com', role: 'OrgAdmin' }, user: ada }, ctx))).toBe('Ada invited bob@example.com as Org admin');
  });

  it('says who impersonated and when an API key did it', () => {
    const text = sentenceText(auditSentence({ action: 'job.pause', details: { jobId: 'j1', impersonatedBy: 'u2', apiKeyId: 'k' }, user: ada }, ctx));
    expect(text).toBe('Ada paused job j1 (through impersonation by Grace) with an API key');
  });

  it('covers account actions, deleted accounts and unknown actions', () => {
    expect(sentenceText(auditSentence({ action: 'user.totp_enable', details: {}, user: ada }, ctx))).toBe('Ada turned two-factor sign-in on');
    expect(sentenceText(auditSentence({ action: 'project.create', details: { projectId: 'p9', name: 'Old' }, user: null }, ctx))).toBe('A deleted account created project Old');
    expect(sentenceText(auditSentence({ action: 'widget.frobnicate', details: null, user: ada }, ctx))).toBe('Ada frobnicate a widget');
    expect(sentenceText(auditSentence({ action: 'action.create', details: { callbackId: 'c1', type: 'HttpPost' }, user: ada }, ctx))).toBe('Ada added an HTTP POST action to callback c1');
    expect(sentenceText(auditSentence({ action: 'action.create', details: { callbackId: 'c1', type: 'Store' }, user: ada }, ctx))).toBe('Ada added a Store action to callback c1');
    expect(sentenceText(auditSentence({ action: 'job.trigger', details: { jobId: 'j1', runId: 'r1' }, user: ada }, ctx))).toBe('Ada triggered job j1 (the run)');
  });

  it('reads billing actions of three parts', () => {
    expect(sentenceText(auditSentence({ action: 'billing.organization_plan.set', details: { plan: 'team' }, user: ada }, ctx))).toBe('Ada put the organization on plan team');
  });

  it('offers a filter per domain', () => {
    expect(AUDIT_ACTION_CHOICES).toContainEqual({ value: 'monitor.', label: 'Monitors' });
  });
});
