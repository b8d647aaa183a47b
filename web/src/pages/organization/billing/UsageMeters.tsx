import { Alert, Group, Paper, Progress, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from 'urql';
import { QueryView } from '../../../components/States';
import { OrganizationUsageQueryDocument, type Usage, type UsageMeter } from './usageOperations';
import { formatCents } from './money';
import { amount, meterLabel, meterLevel, meterPercent, meterText, periodText, spendingPercent, unitLabel } from './usage';

const LEVEL_COLOUR = { ok: 'indigo', near: 'orange', over: 'red' } as const;

/** The current period's usage of the organization (`Organization.usage`), read by members. */
export function UsageSection({ organizationId, currency }: { organizationId: string; currency: string }) {
  const [result, refetch] = useQuery({ query: OrganizationUsageQueryDocument, variables: { id: organizationId } });
  const usage = result.data?.organization?.usage;
  return (
    <section aria-labelledby="usage-heading">
      <Stack gap="sm">
        <Title order={2} size="h4" id="usage-heading">
          Usage this period
        </Title>
        <QueryView result={result} retry={() => refetch({ requestPolicy: 'network-only' })} errorTitle="Could not load the usage">
          {() => (usage ? <UsageView usage={usage} currency={currency} /> : null)}
        </QueryView>
      </Stack>
    </section>
  );
}

/** Usage as read (its own component so that it renders from data alone). */
export function UsageView({ usage, currency }: { usage: Usage; currency: string }) {
  const spent = spendingPercent(usage.overageCents, usage.spendingLimitCents);
  return (
    <Stack gap="sm">
      {usage.hardStopped && (
        <Alert color="red" variant="light" role="alert" title="Paid usage is stopped">
          {usage.hardStopReason ?? 'The spending limit is reached and the hard stop is on.'} New test runs are refused until{' '}
          {new Date(usage.periodEnd).toLocaleDateString('en', { day: 'numeric', month: 'long', year: 'numeric' })}, when the next period starts. Raise the
          limit, upgrade, or turn the hard stop off below to resume now.
        </Alert>
      )}
      <Text size="sm" c="dimmed">
        Period {periodText(usage.periodStart, usage.periodEnd)}
      </Text>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        {usage.meters.map((m) => (
          <Meter key={m.meter} meter={m} currency={currency} />
        ))}
      </SimpleGrid>
      <Group gap="xl">
        <Text size="sm">
          Overage this period: <strong>{formatCents(usage.overageCents, currency)}</strong>
        </Text>
        {usage.spendingLimitCents !== null && (
          <Text size="sm">
            Spending limit: <strong>{formatCents(usage.spendingLimitCents, currency)}</strong>
            {spent !== null && ` (${Math.round(spent)}% used)`}
          </Text>
        )}
      </Group>
    </Stack>
  );
}

function Meter({ meter, currency }: { meter: UsageMeter; currency: string }) {
  const percent = meterPercent(meter);
  const level = meterLevel(meter);
  const label = meterLabel(meter.meter);
  return (
    <Paper withBorder p="sm" data-testid={`meter-${meter.meter}`}>
      <Stack gap={6}>
        <Group justify="space-between" wrap="nowrap">
          <Text size="sm" fw={600}>
            {label}
          </Text>
          <Text size="sm">{meterText(meter)}</Text>
        </Group>
        {percent !== null && <Progress value={percent} color={LEVEL_COLOUR[level]} aria-label={`${label}: ${Math.round(percent)}% of the included amount`} />}
        {meter.overageUnits > 0 && (
          <Text size="sm" c="red.8">
            Over by {amount(meter.overageUnits)} {unitLabel(meter.unit)}: {formatCents(meter.overageCents, currency)}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}
