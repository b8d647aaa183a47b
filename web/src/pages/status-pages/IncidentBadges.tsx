import { Badge } from '@mantine/core';
import type { IncidentImpact, IncidentStatus } from '../../gql/graphql';
import { enumLabel } from '../../lib/format';

const STATUS_COLORS: Record<IncidentStatus, string> = {
  INVESTIGATING: 'red',
  IDENTIFIED: 'orange',
  MONITORING: 'blue',
  RESOLVED: 'teal',
  SCHEDULED: 'gray',
  IN_PROGRESS: 'blue',
  VERIFYING: 'indigo',
  COMPLETED: 'teal',
};

const IMPACT_COLORS: Record<IncidentImpact, string> = { NONE: 'gray', MINOR: 'yellow', MAJOR: 'orange', CRITICAL: 'red' };

export function IncidentStatusBadge({ status, testId }: { status: IncidentStatus; testId?: string }) {
  return (
    <Badge color={STATUS_COLORS[status]} variant="light" data-testid={testId} data-status={status}>
      {enumLabel(status)}
    </Badge>
  );
}

export function ImpactBadge({ impact }: { impact: IncidentImpact }) {
  return (
    <Badge color={IMPACT_COLORS[impact]} variant="light">
      {impact === 'NONE' ? 'No impact' : `${enumLabel(impact)} impact`}
    </Badge>
  );
}
