import { Anchor, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { Empty, QueryView } from '../../components/States';
import type { IncidentSummaryFragment } from '../../gql/graphql';
import { useReloadOnPageChange, useStatusPage } from './context';
import { IncidentStatusBadge } from './IncidentBadges';
import { IncidentsQuery } from './incidentOperations';
import { calendar, type CalendarDay } from './maintenanceForm';
import { dayLabel, dayOf, timeIn, zoneName, zoneOf } from './zonedTime';

/** Scheduled maintenance as a calendar: in progress, upcoming and past, by day in the page's zone. */
export default function Maintenance() {
  const { page, editor } = useStatusPage();
  const zone = zoneOf(page.timezone);
  // The newest 200: what a calendar list needs; older windows are in the history.
  const [result, refetch] = useQuery({ query: IncidentsQuery, variables: { statusPageId: page.id, first: 200, filter: { kind: 'MAINTENANCE' } } });
  const reload = () => refetch({ requestPolicy: 'network-only' });
  useReloadOnPageChange(reload);
  const items = result.data?.incidents.nodes ?? [];
  const sections = calendar(items, zone);
  return (
    <Stack>
      <Group justify="space-between" align="flex-start">
        <div>
          <Title order={2} size="h3">
            Scheduled maintenance
          </Title>
          <Text size="sm" c="dimmed">
            Times in the page’s time zone, {zone} ({zoneName(zone)}). A maintenance starts and completes by itself at its window unless you turn that off.
          </Text>
        </div>
        {editor && (
          <Button component={Link} to="new">
            Schedule maintenance
          </Button>
        )}
      </Group>
      <QueryView result={result} retry={reload} isEmpty={items.length === 0} empty={<Empty title="No maintenance scheduled">Announce planned work ahead: visitors and subscribers see it coming.</Empty>}>
        {() => (
          <Stack gap="lg">
            <Section title="In progress" days={sections.inProgress} none="Nothing in progress." zone={zone} />
            <Section title="Upcoming" days={sections.upcoming} none="Nothing scheduled." zone={zone} />
            <Section title="Past" days={sections.past} none="No past maintenance." zone={zone} />
          </Stack>
        )}
      </QueryView>
    </Stack>
  );
}

function Section({ title, days, none, zone }: { title: string; days: CalendarDay<IncidentSummaryFragment>[]; none: string; zone: string }) {
  const { page } = useStatusPage();
  const names = new Map(page.components.map((c) => [c.id, c.name]));
  return (
    <section aria-label={title} data-testid={`maintenance-${title.toLowerCase().replace(' ', '-')}`}>
      <Title order={3} size="h4" mb="xs">
        {title}
      </Title>
      {days.length === 0 ? (
        <Text size="sm" c="dimmed">
          {none}
        </Text>
      ) : (
        <Stack gap="sm">
          {days.map((d) => (
            <div key={d.day}>
              <Text fw={600} size="sm" mb={4}>
                {d.day === 'unscheduled' ? 'No window' : dayLabel(d.day)}
              </Text>
              <Stack gap={6} component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
                {d.items.map((m) => {
                  const endsOtherDay = m.scheduledUntil && m.scheduledFor && dayOf(m.scheduledUntil, zone) !== dayOf(m.scheduledFor, zone);
                  return (
                    <Paper key={m.id} component="li" withBorder p="sm" data-testid={`maintenance-${m.title}`}>
                      <Group justify="space-between" wrap="nowrap" align="flex-start">
                        <Group gap="sm" wrap="nowrap" align="flex-start">
                          <Text size="sm" className="mono" w={150} style={{ flex: 'none' }}>
                            {m.scheduledFor ? timeIn(m.scheduledFor, zone) : '—'}–{m.scheduledUntil ? timeIn(m.scheduledUntil, zone) : '—'}
                            {endsOtherDay && m.scheduledUntil ? ` (${dayLabel(dayOf(m.scheduledUntil, zone)).replace(/,? \d{4}$/, '')})` : ''}
                          </Text>
                          <Stack gap={2}>
                            <Anchor component={Link} to={m.id} fw={500}>
                              {m.title}
                            </Anchor>
                            <Text size="xs" c="dimmed">
                              {[...new Set(m.components.map((c) => names.get(c.componentId) ?? 'a deleted component'))].join(', ') || 'No components'}
                              {m.remindPrior && m.reminderIntervals.length ? ` · reminders ${m.reminderIntervals.map((h) => `${h} h`).join(', ')} before` : ''}
                            </Text>
                          </Stack>
                        </Group>
                        <IncidentStatusBadge status={m.status} />
                      </Group>
                    </Paper>
                  );
                })}
              </Stack>
            </div>
          ))}
        </Stack>
      )}
    </section>
  );
}
