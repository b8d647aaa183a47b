// Plan limits as the web app meets them: whether an organization's plan limits anything, the quotas that
// disable a "New …" button before the server has to refuse, and the `PLAN_LIMIT` error a
// mutation answers when it does refuse (pure, unit-tested; the React side is
// components/PlanLimit.tsx).
import type { CombinedError } from '@urql/core';

/** The countable limits of a plan (the API's `PlanLimitKind`). */
export type PlanLimitKind = 'MONITORS' | 'PROJECTS' | 'MEMBERS' | 'STATUS_PAGES' | 'CALLBACKS';

/** One countable limit with its current use (`Organization.quotas`); `max` null = unlimited. */
export interface Quota {
  limit: PlanLimitKind;
  used: number;
  max: number | null;
}

/** The plan field that tells whether an organization's plan limits anything. */
export interface BillingModeFacts {
  plan: { limits: { tier: string } };
}

/**
 * Whether the organization's plan limits anything: every tier but `unlimited`, whatever the
 * server's mode (a system administrator may put a self-hosted organization on a plan, whose
 * limits then apply though nothing is billed).
 */
export function limitsApply(org: BillingModeFacts): boolean {
  return org.plan.limits.tier !== 'UNLIMITED';
}

const NOUNS: Record<PlanLimitKind, [string, string]> = {
  MONITORS: ['monitor', 'monitors'],
  PROJECTS: ['project', 'projects'],
  MEMBERS: ['member', 'members'],
  STATUS_PAGES: ['status page', 'status pages'],
  CALLBACKS: ['callback', 'callbacks'],
};

/** "10 monitors", "1 status page". */
export function countOf(kind: PlanLimitKind, n: number): string {
  const [one, many] = NOUNS[kind];
  return `${n.toLocaleString('en')} ${n === 1 ? one : many}`;
}

/** "Monitors", for a quota's heading. */
export function quotaLabel(kind: PlanLimitKind): string {
  const many = NOUNS[kind][1];
  return many.charAt(0).toUpperCase() + many.slice(1);
}

/** Whether nothing more of the kind may be created. */
export function quotaReached(quota: Quota | undefined): boolean {
  return !!quota && quota.max !== null && quota.used >= quota.max;
}

/** Why a "New …" button is off ("Your plan allows 10 monitors"), or null when it is on. */
export function quotaReason(quotas: readonly Quota[] | undefined, kind: PlanLimitKind): string | null {
  const quota = quotas?.find((q) => q.limit === kind);
  if (!quota || !quotaReached(quota)) return null;
  return `Your plan allows ${countOf(kind, quota.max ?? 0)}`;
}

/** Use of a quota in percent (0–100, for a meter), or null when it is unlimited. */
export function quotaPercent(quota: Quota): number | null {
  if (quota.max === null) return null;
  if (quota.max <= 0) return quota.used > 0 ? 100 : 0;
  return Math.min(100, (quota.used / quota.max) * 100);
}

/** A `PLAN_LIMIT` refusal with its extensions (`limit` is a `PlanLimitKind`, `SPENDING_LIMIT` or `INCLUDED_USAGE`). */
export interface PlanLimitError {
  message: string;
  limit: string | null;
  current: number | null;
  max: number | null;
  plan: string | null;
}

interface GraphQLErrorLike {
  message: string;
  extensions?: Record<string, unknown>;
}

const num = (value: unknown): number | null => (typeof value === 'number' && Number.isFinite(value) ? value : null);
const str = (value: unknown): string | null => (typeof value === 'string' && value.length > 0 ? value : null);

/** The first `PLAN_LIMIT` error of a failed operation, or null. */
export function planLimitOf(error: Pick<CombinedError, 'graphQLErrors'> | null | undefined): PlanLimitError | null {
  for (const e of (error?.graphQLErrors ?? []) as GraphQLErrorLike[]) {
    const ext = e.extensions ?? {};
    if (ext.code !== 'PLAN_LIMIT') continue;
    return { message: e.message, limit: str(ext.limit), current: num(ext.current), max: num(ext.max), plan: str(ext.plan) };
  }
  return null;
}

/** The one line to show for a refusal: the server's message, which names the limit and what to do. */
export function planLimitText(error: PlanLimitError): string {
  if (error.message.trim()) return error.message;
  const what = error.limit ? `the ${error.limit.toLowerCase().replaceAll('_', ' ')} limit` : 'a limit';
  const plan = error.plan ? ` of the ${error.plan} plan` : '';
  const use = error.current !== null && error.max !== null ? ` (${error.current} of ${error.max})` : '';
  return `You have reached ${what}${plan}${use}.`;
}

/** The billing page of an organization (also where checkouts return). */
export function billingPath(organizationId: string): string {
  return `/organizations/${organizationId}/billing`;
}
