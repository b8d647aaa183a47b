import { Group, Paper, Progress, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from 'urql';
import { OrganizationQuotasQuery } from '../../../components/PlanLimit';
import { QueryView } from '../../../components/States';
import { quotaLabel, quotaPercent, quotaReached, type Quota } from '../../../lib/planLimit';

/** Every countable limit of the plan with its current use (`Organization.quotas`). */
export function QuotasSection({ organizationId }: { organizationId: string }) {
  const [result, refetch] = useQuery({ query: OrganizationQuotasQuery, variables: { id: organizationId } });
  const quotas = result.data?.organization?.quotas ?? [];
  return (
    <section aria-labelledby="quotas-heading">
      <Stack gap="sm">
        <Title order={2} size="h4" id="quotas-heading">
          Plan limits in use
        </Title>
        <QueryView result={result} retry={() => refetch({ requestPolicy: 'network-only' })} errorTitle="Could not load the limits">
          {() => <QuotasView quotas={quotas} />}
        </QueryView>
      </Stack>
    </section>
  );
}

export function QuotasView({ quotas }: { quotas: Quota[] }) {
  return (
    <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
      {quotas.map((q) => {
        const percent = quotaPercent(q);
        const label = quotaLabel(q.limit);
        return (
          <Paper key={q.limit} withBorder p="sm" data-testid={`quota-${q.limit}`}>
            <Stack gap={6}>
              <Group justify="space-between" wrap="nowrap">
                <Text size="sm" fw={600}>
                  {label}
                </Text>
                <Text size="sm">{q.max === null ? `${q.used.toLocaleString('en')} (unlimited)` : `${q.used.toLocaleString('en')} of ${q.max.toLocaleString('en')}`}</Text>
              </Group>
              {percent !== null && (
                <Progress value={percent} color={quotaReached(q) ? 'red' : percent >= 80 ? 'orange' : 'indigo'} aria-label={`${label}: ${Math.round(percent)}% of the plan's limit`} />
              )}
              {quotaReached(q) && (
                <Text size="sm" c="red.8">
                  Limit reached: upgrade to add more.
                </Text>
              )}
            </Stack>
          </Paper>
        );
      })}
    </SimpleGrid>
  );
}
