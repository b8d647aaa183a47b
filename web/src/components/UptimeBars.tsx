import { Box, Group, Text, Tooltip } from '@mantine/core';
import { formatPercent, overallUptime, uptimeBand } from '../lib/format';

const COLORS = {
  none: 'var(--mantine-color-gray-4)',
  up: 'var(--mantine-color-teal-6)',
  degraded: 'var(--mantine-color-yellow-6)',
  down: 'var(--mantine-color-red-6)',
};

export interface Day {
  date: string;
  checks: number;
  failed: number;
  uptime?: number | null;
}

/** One bar per day, oldest first; the summary is read out, the bars are for the eye. */
export function UptimeBars({ days }: { days: Day[] }) {
  const overall = overallUptime(days);
  const label = `Uptime over the last ${days.length} days: ${formatPercent(overall)}`;
  return (
    <Box>
      <Group justify="space-between" mb={4}>
        <Text size="sm" fw={500}>
          {days.length} days
        </Text>
        <Text size="sm" data-testid="uptime-overall">
          {formatPercent(overall)} uptime
        </Text>
      </Group>
      <Box role="img" aria-label={label} style={{ display: 'flex', gap: 2, height: 32 }}>
        {days.map((d) => (
          <Tooltip
            key={d.date}
            label={`${new Date(d.date).toLocaleDateString()}: ${d.checks === 0 ? 'no checks' : `${formatPercent(d.uptime)} (${d.failed} of ${d.checks} failed)`}`}
            withArrow
          >
            <Box style={{ flex: 1, minWidth: 1, borderRadius: 2, background: COLORS[uptimeBand(d.uptime, d.checks)] }} />
          </Tooltip>
        ))}
      </Box>
    </Box>
  );
}
