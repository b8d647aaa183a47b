import { Badge } from '@mantine/core';

const COLORS: Record<string, string> = {
  UP: 'teal',
  DOWN: 'red',
  ERROR: 'red',
  TIMEOUT: 'orange',
  PENDING: 'gray',
  PAUSED: 'gray',
  MAINTENANCE: 'blue',
  SUCCESS: 'teal',
  FAILED: 'red',
  RUNNING: 'blue',
  QUEUED: 'gray',
  PASSED: 'teal',
  CANCELLED: 'gray',
  TIMED_OUT: 'orange',
  INVESTIGATING: 'red',
  IDENTIFIED: 'orange',
  MONITORING: 'blue',
  RESOLVED: 'teal',
  READY: 'blue',
  LEASED: 'orange',
  ACKED: 'teal',
};

/** A status as a coloured badge; the text, not only the colour, tells it, and is never cut
 * (the theme keeps every badge at least as wide as its text). */
export function StatusBadge({ status, testId }: { status: string; testId?: string }) {
  return (
    <Badge color={COLORS[status] ?? 'gray'} variant="light" data-testid={testId} data-status={status}>
      {status.toLowerCase().replace(/_/g, ' ')}
    </Badge>
  );
}
