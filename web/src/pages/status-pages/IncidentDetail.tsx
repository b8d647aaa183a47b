import { Anchor, Badge, Button, Group, Modal, Paper, Select, SimpleGrid, Stack, Text, TextInput, Textarea, Timeline, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDisclosure } from '@mantine/hooks';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { ConfirmButton } from '../../components/ConfirmButton';
import { CopyField } from '../../components/CopyField';
import { FormAlert, NotFound, pending } from '../../components/States';
import type { IncidentDetailFragment, IncidentImpact } from '../../gql/graphql';
import { enumLabel } from '../../lib/format';
import { useFormSubmit } from '../../lib/form';
import { act, notifySaved } from '../../lib/notify';
import { ComponentStatusBadge } from './ComponentStatusBadge';
import { useReloadOnPageChange, useStatusPage } from './context';
import { ImpactBadge, IncidentStatusBadge } from './IncidentBadges';
import { DeleteIncidentMutation, IncidentQuery, ResolveIncidentMutation, UpdateIncidentMutation } from './incidentOperations';
import { IMPACTS, currentStatuses, isClosed } from './incidentForm';
import { MaintenanceEditor } from './MaintenanceSchedule';
import { UpdateForm } from './UpdateForm';
import { dateTimeIn, zoneOf } from './zonedTime';

/** An incident or a maintenance: where it stands, its timeline, a new update, resolve, edit, delete. */
export default function IncidentDetail() {
  const { incidentId = '' } = useParams();
  const [result, refetch] = useQuery({ query: IncidentQuery, variables: { id: incidentId } });
  const reload = () => refetch({ requestPolicy: 'network-only' });
  useReloadOnPageChange(reload);
  const waiting = pending(result, reload);
  if (waiting) return waiting;
  const incident = result.data?.incident;
  if (!incident) return <NotFound what="incident" />;
  return <Incident incident={incident} reload={reload} />;
}

function Incident({ incident, reload }: { incident: IncidentDetailFragment; reload: () => void }) {
  const { page, base, editor } = useStatusPage();
  const zone = zoneOf(page.timezone);
  const maintenance = incident.kind === 'MAINTENANCE';
  const closed = isClosed(incident.status);
  const names = new Map(page.components.map((c) => [c.id, c.name]));
  const current = currentStatuses(incident.components);
  return (
    <Stack>
      <Anchor component={Link} to={`${base}/${maintenance ? 'maintenance' : 'incidents'}`} size="sm">
        {maintenance ? 'All maintenance' : 'All incidents'}
      </Anchor>
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <Title order={2} size="h3">
            {incident.title}
          </Title>
          <Group gap={6}>
            <IncidentStatusBadge status={incident.status} testId="incident-status" />
            {!maintenance && <ImpactBadge impact={incident.impact} />}
            {incident.backfilled && <Badge variant="default">Entered after the fact</Badge>}
          </Group>
        </Stack>
        {editor && <Actions incident={incident} reload={reload} />}
      </Group>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        {maintenance ? (
          <>
            <Fact label="Starts">{dateTimeIn(incident.scheduledFor, zone)}</Fact>
            <Fact label="Ends">{dateTimeIn(incident.scheduledUntil, zone)}</Fact>
            <Fact label="Reminders">
              {incident.remindPrior && incident.reminderIntervals.length
                ? incident.reminderIntervals.map((h) => `${h} h`).join(', ') + ' before' + (incident.remindersSent.length ? ` (sent: ${incident.remindersSent.map((h) => `${h} h`).join(', ')})` : '')
                : 'None'}
            </Fact>
          </>
        ) : (
          <>
            <Fact label="Began">{dateTimeIn(incident.backfilledAt ?? incident.createdAt, zone)}</Fact>
            <Fact label="Monitoring since">{dateTimeIn(incident.monitoringAt, zone)}</Fact>
            <Fact label="Resolved">{dateTimeIn(incident.resolvedAt, zone)}</Fact>
          </>
        )}
      </SimpleGrid>
      {incident.shortlink && page.published && <CopyField label="Public link" value={`${page.url}/i/${incident.shortlink}`} />}
      <Paper withBorder p="md">
        <Title order={3} size="h4" mb="xs">
          Components
        </Title>
        {current.length === 0 ? (
          <Text size="sm" c="dimmed">
            {maintenance ? 'No components: the maintenance is only announced.' : 'No component named: the incident is only a message.'}
          </Text>
        ) : (
          <Stack gap={6} data-testid="incident-components">
            {current.map((c) => (
              <Group key={c.componentId} gap="xs">
                <Text size="sm">{names.get(c.componentId) ?? 'A deleted component'}</Text>
                <ComponentStatusBadge status={c.status} />
              </Group>
            ))}
          </Stack>
        )}
      </Paper>
      {editor && !closed && <UpdateForm incident={incident} current={current} onPosted={reload} />}
      <Updates incident={incident} />
      {!maintenance && <PostmortemLink incident={incident} />}
    </Stack>
  );
}

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={700}>
        {label}
      </Text>
      <Text size="sm">{children}</Text>
    </Stack>
  );
}

function Updates({ incident }: { incident: IncidentDetailFragment }) {
  const { page } = useStatusPage();
  const zone = zoneOf(page.timezone);
  const names = new Map(page.components.map((c) => [c.id, c.name]));
  return (
    <Paper withBorder p="md">
      <Title order={3} size="h4" mb="sm">
        Timeline
      </Title>
      <Timeline bulletSize={14} lineWidth={2} data-testid="incident-timeline">
        {incident.updates.map((u) => (
          <Timeline.Item key={u.id} title={<IncidentStatusBadge status={u.status} />}>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} data-testid="update-message">
              {u.message}
            </Text>
            <Text size="xs" c="dimmed" mt={4}>
              {dateTimeIn(u.displayAt ?? u.createdAt, zone)}
              {u.displayAt ? ` (posted ${dateTimeIn(u.createdAt, zone)})` : ''}
              {u.deliverNotifications ? ' · subscribers notified' : ''}
            </Text>
          </Timeline.Item>
        ))}
      </Timeline>
      {incident.components.length > 0 && (
        <>
          <Title order={4} size="h5" mt="md" mb="xs">
            Component changes
          </Title>
          <Stack gap={4}>
            {incident.components.map((c, i) => (
              <Text key={i} size="sm">
                {dateTimeIn(c.createdAt, zone)}: {names.get(c.componentId) ?? 'a deleted component'}, {c.oldStatus ? enumLabel(c.oldStatus).toLowerCase() : 'listed'} → {enumLabel(c.newStatus).toLowerCase()}
              </Text>
            ))}
          </Stack>
        </>
      )}
    </Paper>
  );
}

function PostmortemLink({ incident }: { incident: IncidentDetailFragment }) {
  const { base, editor } = useStatusPage();
  const postmortem = incident.postmortem;
  return (
    <Paper withBorder p="md">
      <Group justify="space-between">
        <Stack gap={2}>
          <Title order={3} size="h4">
            Postmortem
          </Title>
          <Text size="sm" c="dimmed">
            {!postmortem
              ? incident.status === 'RESOLVED'
                ? 'What happened, why, and what changes: written in Markdown, published when ready.'
                : 'A postmortem can be written once the incident is resolved.'
              : postmortem.published
                ? `Published${postmortem.notifiedSubscribers ? '; subscribers were told' : ''}.`
                : 'A draft: only editors see it.'}
          </Text>
        </Stack>
        {(postmortem || (editor && incident.status === 'RESOLVED')) && (
          <Button component={Link} to={`${base}/incidents/${incident.id}/postmortem`} variant="light">
            {postmortem ? (editor ? 'Edit the postmortem' : 'Read the postmortem') : 'Write the postmortem'}
          </Button>
        )}
      </Group>
    </Paper>
  );
}

function Actions({ incident, reload }: { incident: IncidentDetailFragment; reload: () => void }) {
  const { base } = useStatusPage();
  const navigate = useNavigate();
  const [, remove] = useMutation(DeleteIncidentMutation);
  const [editing, { open, close }] = useDisclosure(false);
  const maintenance = incident.kind === 'MAINTENANCE';
  const what = maintenance ? 'maintenance' : 'incident';
  return (
    <Group gap="xs">
      {!isClosed(incident.status) && <ResolveButton incident={incident} onDone={reload} />}
      <Button variant="default" onClick={open}>
        Edit
      </Button>
      <ConfirmButton
        size="sm"
        title={`Delete this ${what}?`}
        message={`The ${what}, its timeline${maintenance ? '' : ' and its postmortem'} leave the page for good.`}
        confirmLabel={`Delete ${what}`}
        onConfirm={async () => {
          if (await act(() => remove({ id: incident.id }), `The ${what} was deleted`)) navigate(`${base}/${maintenance ? 'maintenance' : 'incidents'}`);
        }}
      >
        Delete
      </ConfirmButton>
      {editing &&
        (maintenance ? (
          <MaintenanceEditor incident={incident} onClose={close} onSaved={reload} />
        ) : (
          <IncidentEditor incident={incident} onClose={close} onSaved={reload} />
        ))}
    </Group>
  );
}

/** Resolves an incident (completes a maintenance), with a closing message or the standard one. */
function ResolveButton({ incident, onDone }: { incident: IncidentDetailFragment; onDone: () => void }) {
  const [opened, { open, close }] = useDisclosure(false);
  const [message, setMessage] = useState('');
  const [state, resolve] = useMutation(ResolveIncidentMutation);
  const maintenance = incident.kind === 'MAINTENANCE';
  const verb = maintenance ? 'Complete' : 'Resolve';
  return (
    <>
      <Button onClick={open}>
        {verb}
      </Button>
      <Modal opened={opened} onClose={close} title={`${verb} “${incident.title}”`} closeButtonProps={{ 'aria-label': 'Close' }}>
        <Stack>
          <Textarea
            label="Closing message"
            description={`Left empty, visitors read “${maintenance ? 'The scheduled maintenance has been completed.' : 'This incident has been resolved.'}”`}
            autosize
            minRows={2}
            value={message}
            onChange={(e) => setMessage(e.currentTarget.value)}
            data-autofocus
          />
          <Text size="sm" c="dimmed">
            Components it names go back to what their monitors say.
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button
              loading={state.fetching}
              onClick={async () => {
                if (await act(() => resolve({ id: incident.id, message: message.trim() || null }), maintenance ? 'Maintenance completed' : 'Incident resolved')) {
                  close();
                  onDone();
                }
              }}
            >
              {verb}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}

/** An incident's title and hand-set impact. */
function IncidentEditor({ incident, onClose, onSaved }: { incident: IncidentDetailFragment; onClose: () => void; onSaved: () => void }) {
  const [, update] = useMutation(UpdateIncidentMutation);
  const initial = { title: incident.title, impact: (incident.impactOverride ?? 'AUTO') as IncidentImpact | 'AUTO' };
  const form = useForm({ initialValues: initial, validate: { title: (t: string) => (t.trim() ? null : 'Title is required') } });
  const { general, submit, submitting } = useFormSubmit(form, { impactOverride: 'impact' });
  const onSubmit = form.onSubmit(async (values) => {
    const input: { title?: string; impactOverride?: IncidentImpact | null } = {};
    if (values.title.trim() !== initial.title) input.title = values.title.trim();
    if (values.impact !== initial.impact) input.impactOverride = values.impact === 'AUTO' ? null : values.impact;
    if (Object.keys(input).length && !(await submit(() => update({ id: incident.id, input })))) return;
    notifySaved('Incident saved');
    onSaved();
    onClose();
  });
  return (
    <Modal opened onClose={onClose} title="Edit the incident" closeButtonProps={{ 'aria-label': 'Close' }}>
      <form onSubmit={onSubmit} noValidate aria-label="Edit the incident">
        <Stack>
          <FormAlert messages={general} />
          <TextInput label="Title" required data-autofocus {...form.getInputProps('title')} />
          <Select
            label="Impact"
            allowDeselect={false}
            data={[{ value: 'AUTO', label: 'Automatic, from the components' }, ...IMPACTS.map((i) => ({ value: i, label: enumLabel(i) }))]}
            {...form.getInputProps('impact')}
            onChange={(i) => i && form.setFieldValue('impact', i as IncidentImpact | 'AUTO')}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={submitting}>
              Save
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
