import { Badge, Button, Group, List, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import type { CombinedError } from '@urql/core';
import { useState } from 'react';
import { useMutation } from 'urql';
import type { BillingOverviewQuery, BillingPlanFragment } from '../../../gql/graphql';
import { notifyError } from '../../../lib/notify';
import { priceLabel } from './money';
import {
  CreateBillingPortalSessionMutation,
  CreateCheckoutSessionMutation,
  CreatePolarCheckoutMutation,
  CreatePolarPortalSessionMutation,
} from './operations';
import { isSafeRedirect, limitLines, planChoice, portalProvider, subscriptionSummary, type BillingProvider, type PlanChoice } from './plans';

export type BillingSubscriptionFacts = NonNullable<NonNullable<BillingOverviewQuery['organization']>['subscription']>;

/**
 * Runs a mutation that answers a provider's URL and opens it (the checkout or the portal);
 * the page stays as it was when the server refuses. Returns the runner and whether it is busy.
 */
function useOpenProvider() {
  const [busy, setBusy] = useState<string | null>(null);
  const open = async (key: string, run: () => Promise<{ data?: Record<string, unknown>; error?: CombinedError }>) => {
    setBusy(key);
    try {
      const result = await run();
      const url = result.data ? Object.values(result.data)[0] : undefined;
      if (result.error || typeof url !== 'string') {
        notifyError(result.error, 'Could not open the billing provider');
        return;
      }
      if (!isSafeRedirect(url)) {
        notifyError(undefined, 'The billing provider answered an address Vigil will not open');
        return;
      }
      window.location.assign(url);
    } finally {
      setBusy(null);
    }
  };
  return { busy, open };
}

/** The organization's plan: price, subscription state, limits, and the way to the portal. */
export function CurrentPlan({
  organizationId,
  plan,
  subscription,
  canManage,
}: {
  organizationId: string;
  plan: BillingPlanFragment;
  subscription: BillingSubscriptionFacts | null;
  canManage: boolean;
}) {
  const [, stripePortal] = useMutation(CreateBillingPortalSessionMutation);
  const [, polarPortal] = useMutation(CreatePolarPortalSessionMutation);
  const { busy, open } = useOpenProvider();
  const summary = subscription ? subscriptionSummary(subscription) : null;
  const provider = portalProvider(subscription);
  const openPortal = (p: BillingProvider) => open('portal', () => (p === 'STRIPE' ? stripePortal({ organizationId }) : polarPortal({ organizationId })));
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="current-plan">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start">
          <Stack gap={2}>
            <Title order={2} size="h4" id="current-plan">
              Current plan: {plan.name}
            </Title>
            <Text size="sm" c="dimmed">
              {priceLabel(plan.price, plan.currency, plan.interval)}
            </Text>
          </Stack>
          {summary && (
            <Badge color={summary.color} variant="light" size="lg">
              {summary.label}
            </Badge>
          )}
        </Group>
        {summary && <Text size="sm">{summary.detail}</Text>}
        {canManage && provider && (
          <Group gap="xs">
            <Button variant="light" loading={busy === 'portal'} onClick={() => void openPortal(provider)}>
              Manage billing
            </Button>
            <Button variant="subtle" disabled={busy === 'portal'} onClick={() => void openPortal(provider)}>
              Invoices
            </Button>
          </Group>
        )}
        <LimitsTable plan={plan} caption={`Limits of the ${plan.name} plan`} />
      </Stack>
    </Paper>
  );
}

function LimitsTable({ plan, caption }: { plan: BillingPlanFragment; caption: string }) {
  return (
    <Table withRowBorders={false} verticalSpacing={2} fz="sm" maw={520}>
      <caption className="sr-only">{caption}</caption>
      <Table.Tbody>
        {limitLines(plan.limits).map((line) => (
          <Table.Tr key={line.label}>
            <Table.Th scope="row" fw={400} c="dimmed">
              {line.label}
            </Table.Th>
            <Table.Td>{line.value}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** The plans to choose from, each with what moving to it takes. */
export function PlanChooser({
  organizationId,
  plans,
  current,
  subscription,
  canManage,
}: {
  organizationId: string;
  plans: BillingPlanFragment[];
  current: BillingPlanFragment;
  subscription: BillingSubscriptionFacts | null;
  canManage: boolean;
}) {
  const [, stripeCheckout] = useMutation(CreateCheckoutSessionMutation);
  const [, polarCheckout] = useMutation(CreatePolarCheckoutMutation);
  const [, stripePortal] = useMutation(CreateBillingPortalSessionMutation);
  const [, polarPortal] = useMutation(CreatePolarPortalSessionMutation);
  const { busy, open } = useOpenProvider();
  const act = (plan: BillingPlanFragment, choice: PlanChoice) => {
    if (choice.kind === 'checkout') {
      const variables = { organizationId, planId: plan.id };
      void open(plan.id, () => (choice.provider === 'STRIPE' ? stripeCheckout(variables) : polarCheckout(variables)));
    } else if (choice.kind === 'portal') {
      void open(plan.id, () => (choice.provider === 'STRIPE' ? stripePortal({ organizationId }) : polarPortal({ organizationId })));
    }
  };
  return (
    <section aria-labelledby="plans-heading">
      <Stack gap="sm">
        <Title order={2} size="h4" id="plans-heading">
          Plans
        </Title>
        {!canManage && (
          <Text size="sm" c="dimmed">
            Only the organization's owners and admins change its plan.
          </Text>
        )}
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
          {plans.map((plan) => {
            const choice = planChoice(plan, current, subscription);
            return (
              <Paper key={plan.id} withBorder p="md" component="article" aria-label={`Plan ${plan.name}`}>
                <Stack gap="xs">
                  <Group justify="space-between">
                    <Text fw={700}>{plan.name}</Text>
                    {choice.kind === 'current' && <Badge variant="light">Current</Badge>}
                  </Group>
                  <Text size="lg" fw={600}>
                    {priceLabel(plan.price, plan.currency, plan.interval)}
                  </Text>
                  {plan.description && (
                    <Text size="sm" c="dimmed">
                      {plan.description}
                    </Text>
                  )}
                  {plan.features.length > 0 && (
                    <List size="sm" spacing={2}>
                      {plan.features.map((f, i) => (
                        <List.Item key={i}>{f}</List.Item>
                      ))}
                    </List>
                  )}
                  <LimitsTable plan={plan} caption={`Limits of the ${plan.name} plan`} />
                  {canManage && <ChoiceButton choice={choice} busy={busy === plan.id} onClick={() => act(plan, choice)} />}
                </Stack>
              </Paper>
            );
          })}
        </SimpleGrid>
      </Stack>
    </section>
  );
}

function ChoiceButton({ choice, busy, onClick }: { choice: PlanChoice; busy: boolean; onClick: () => void }) {
  switch (choice.kind) {
    case 'current':
      return null;
    case 'checkout':
      return (
        <Button loading={busy} onClick={onClick}>
          {choice.label}
        </Button>
      );
    case 'portal':
      return (
        <Button variant="light" loading={busy} onClick={onClick}>
          Change in the billing portal
        </Button>
      );
    case 'unavailable':
      return (
        <Text size="sm" c="dimmed">
          Not sold online
        </Text>
      );
  }
}
