import { Anchor, Button, Group, Stack, Text, type ButtonProps } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { CombinedError } from '@urql/core';
import { useId, type ReactNode } from 'react';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { graphql } from '../gql';
import { scopeOf } from '../lib/nav';
import { billingPath, limitsApply, planLimitOf, planLimitText, quotaReason, type PlanLimitKind } from '../lib/planLimit';

const BillingModeQuery = graphql(`
  query OrganizationBillingMode($id: ID!) {
    serverInfo {
      billingEnabled
    }
    organization(id: $id) {
      id
      plan {
        id
        limits {
          tier
        }
      }
    }
  }
`);

/** Every countable limit of an organization's plan with its current use. */
export const OrganizationQuotasQuery = graphql(`
  query OrganizationQuotas($id: ID!) {
    organization(id: $id) {
      id
      quotas {
        limit
        used
        max
      }
    }
  }
`);

/** Whether the server bills, and whether the organization's plan limits anything. */
export interface BillingMode {
  billing: boolean;
  limited: boolean;
}

/**
 * The organization's billing mode, or null while unknown. Read once per session (the mode
 * does not change under a page; a plan change refetches it).
 */
export function useBillingMode(organizationId: string | undefined): BillingMode | null {
  const [result] = useQuery({ query: BillingModeQuery, variables: { id: organizationId ?? '' }, pause: !organizationId, requestPolicy: 'cache-first' });
  const data = result.data;
  if (!data?.organization) return null;
  return { billing: data.serverInfo.billingEnabled, limited: limitsApply(data.organization) };
}

/**
 * Whether the organization has a billing page: where the server bills, or where its plan
 * limits something (its quotas are shown there). Null while unknown.
 */
export function useBillingOn(organizationId: string | undefined): boolean | null {
  const mode = useBillingMode(organizationId);
  return mode ? mode.billing || mode.limited : null;
}

/**
 * Why creating one more `kind` is off in the organization ("Your plan allows 10 monitors"), or
 * null. Organizations on the unlimited plan have no quotas, so they never ask; a failed read
 * leaves the button on (the server still refuses past the limit).
 */
export function useQuotaReason(organizationId: string | undefined, kind: PlanLimitKind): string | null {
  const limited = useBillingMode(organizationId)?.limited === true;
  const [result] = useQuery({ query: OrganizationQuotasQuery, variables: { id: organizationId ?? '' }, pause: !organizationId || !limited });
  return limited ? quotaReason(result.data?.organization?.quotas, kind) : null;
}

/**
 * A "New …" button that is off with its reason and a way to upgrade once the plan's quota of
 * `kind` is used up. With `to` it is a link; otherwise a button (`type="submit"` in a form).
 */
export function LimitedButton({
  organizationId,
  kind,
  to,
  children,
  ...props
}: ButtonProps & { organizationId: string | undefined; kind: PlanLimitKind; to?: string; type?: 'submit' | 'button'; children: ReactNode }) {
  const reason = useQuotaReason(organizationId, kind);
  const id = useId();
  if (reason && organizationId) {
    return (
      <Group gap="xs" wrap="nowrap">
        <Button {...props} disabled aria-describedby={id}>
          {children}
        </Button>
        <QuotaReason id={id} organizationId={organizationId} reason={reason} />
      </Group>
    );
  }
  return to ? (
    <Button component={Link} to={to} {...props}>
      {children}
    </Button>
  ) : (
    <Button {...props}>{children}</Button>
  );
}

/** "Your plan allows 10 monitors: upgrade", the last word a link to the billing page. */
export function QuotaReason({ id, organizationId, reason }: { id?: string; organizationId: string; reason: string }) {
  return (
    <Text id={id} size="sm" c="dimmed">
      {reason}:{' '}
      <Anchor component={Link} to={billingPath(organizationId)}>
        upgrade
      </Anchor>
    </Text>
  );
}

/**
 * Where a refusal's "see billing" link goes: the organization's billing page when the page
 * says which organization, else the redirect that finds it from the project.
 */
export function billingLinkFor(pathname: string): string {
  const scope = scopeOf(pathname);
  if (scope.orgId) return billingPath(scope.orgId);
  if (scope.projectId) return `/billing?project=${encodeURIComponent(scope.projectId)}`;
  return '/billing';
}

/**
 * Shows a `PLAN_LIMIT` refusal from any mutation: its message and a link to the billing page.
 * Returns false (and shows nothing) for any other error.
 */
export function showPlanLimit(error: Pick<CombinedError, 'graphQLErrors'> | null | undefined, organizationId?: string): boolean {
  const refusal = planLimitOf(error);
  if (!refusal) return false;
  // Notifications live outside the router: a plain link (the app reloads on that page).
  const href = organizationId ? billingPath(organizationId) : billingLinkFor(window.location.pathname);
  notifications.show({
    color: 'orange',
    title: 'Plan limit reached',
    autoClose: 15_000,
    message: (
      <Stack gap={4}>
        <Text size="sm">{planLimitText(refusal)}</Text>
        <Anchor href={href} size="sm">
          See plans and usage
        </Anchor>
      </Stack>
    ),
  });
  return true;
}

/** A `PLAN_LIMIT` refusal inline, for a form or a section that shows its own errors. */
export function PlanLimitAlert({ error, organizationId }: { error: Pick<CombinedError, 'graphQLErrors'> | null | undefined; organizationId: string }) {
  const refusal = planLimitOf(error);
  if (!refusal) return null;
  return (
    <Text role="alert" size="sm" c="orange.9">
      {planLimitText(refusal)}{' '}
      <Anchor component={Link} to={billingPath(organizationId)}>
        See plans and usage
      </Anchor>
    </Text>
  );
}
