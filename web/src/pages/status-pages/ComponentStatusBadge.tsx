import { Badge } from '@mantine/core';
import type { ComponentStatus } from '../../gql/graphql';
import { enumLabel } from '../../lib/format';

const COLORS: Record<ComponentStatus, string> = {
  OPERATIONAL: 'teal',
  DEGRADED_PERFORMANCE: 'yellow',
  PARTIAL_OUTAGE: 'orange',
  MAJOR_OUTAGE: 'red',
  UNDER_MAINTENANCE: 'blue',
};

/** A component's status as a badge; the words, not only the colour, tell it. */
export function ComponentStatusBadge({ status, testId }: { status: ComponentStatus; testId?: string }) {
  return (
    <Badge color={COLORS[status]} variant="light" data-testid={testId} data-status={status}>
      {enumLabel(status)}
    </Badge>
  );
}
