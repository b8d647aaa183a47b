import { Alert, Paper, Stack, Text } from '@mantine/core';
import { Navigate, useLocation, useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { Page } from '../../../components/Page';
import { NotFound, pending } from '../../../components/States';
import { billingPath, limitsApply } from '../../../lib/planLimit';
import { orgOfProject, useWorkspace } from '../../../lib/workspace';
import { BillingOverviewQuery } from './operations';
import { CurrentPlan, PlanChooser } from './PlanCards';
import { checkoutNotice } from './plans';
import { QuotasSection } from './Quotas';
import { SpendingLimitSection } from './SpendingLimit';
import { UsageSection } from './UsageMeters';

const isAdmin = (role: string | null | undefined) => role === 'ORG_OWNER' || role === 'ORG_ADMIN';

/**
 * The organization's billing page: its plan and subscription, the plans to move to, this
 * period's usage, its quotas and the spending limit. Checkouts and portals return here.
 */
export default function BillingPage({ orgId }: { orgId: string }) {
  const location = useLocation();
  const [result, refetch] = useQuery({ query: BillingOverviewQuery, variables: { id: orgId } });
  const reload = () => refetch({ requestPolicy: 'network-only' });
  const waiting = pending(result, reload, { loadingLabel: 'Loading billing…' });
  if (waiting) return waiting;
  const org = result.data?.organization;
  if (!org) return <NotFound what="organization" />;
  const title = `${org.name}: billing`;
  if (!result.data?.serverInfo.billingEnabled) {
    // Self-hosted: nothing is sold or billed, but a plan given by an administrator limits.
    return (
      <Page title={title}>
        <Paper withBorder p="md" maw={640}>
          <Stack gap="xs">
            <Text fw={600}>Billing is off on self-hosted instances</Text>
            <Text size="sm">
              {org.name} is on the <strong>{org.plan.name}</strong> plan
              {limitsApply(org) ? ', set by a system administrator: its limits apply, and nothing is paid.' : ': no plan limits and nothing to pay.'}
            </Text>
          </Stack>
        </Paper>
        {limitsApply(org) && <QuotasSection organizationId={orgId} />}
      </Page>
    );
  }
  const admin = isAdmin(org.viewerRole);
  const notice = checkoutNotice(location.search);
  const currency = org.plan.currency;
  return (
    <Page title={title} description="The plan, what this period used, and what paid usage may cost.">
      {notice && (
        <Alert color={notice.color} variant="light" role="status">
          {notice.text}
        </Alert>
      )}
      <CurrentPlan organizationId={orgId} plan={org.plan} subscription={org.subscription} canManage={admin} />
      <UsageSection organizationId={orgId} currency={currency} />
      <QuotasSection organizationId={orgId} />
      <PlanChooser organizationId={orgId} plans={result.data?.plans ?? []} current={org.plan} subscription={org.subscription} canManage={admin} />
      {admin && <SpendingLimitSection organizationId={orgId} currency={currency} />}
    </Page>
  );
}

/**
 * `/billing`: the billing page of the organization a link names by project (a plan-limit
 * notice only knows the page it was shown on), else of the session's organization.
 */
export function BillingRedirect() {
  const [params] = useSearchParams();
  const { organizations, activeOrganizationId } = useWorkspace();
  const project = params.get('project');
  const org = (project && orgOfProject(organizations, project)) || organizations.find((o) => o.id === activeOrganizationId) || organizations[0];
  if (!org) return <Navigate to="/" replace />;
  return <Navigate to={billingPath(org.id)} replace />;
}
