import { Button, Checkbox, Fieldset, Group, Modal, MultiSelect, Paper, SimpleGrid, Stack, Switch, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useForm, type UseFormReturnType } from '@mantine/form';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useMutation } from 'urql';
import { FormAlert } from '../../components/States';
import type { IncidentDetailFragment } from '../../gql/graphql';
import { useFormSubmit } from '../../lib/form';
import { notifySaved } from '../../lib/notify';
import { useStatusPage } from './context';
import { CreateMaintenanceMutation, UpdateMaintenanceMutation } from './incidentOperations';
import {
  REMINDER_CHOICES,
  emptyMaintenance,
  maintenanceInput,
  maintenanceToValues,
  maintenanceUpdate,
  validateMaintenance,
  validateMaintenanceEdit,
  type MaintenanceValues,
} from './maintenanceForm';
import { zoneName, zoneOf } from './zonedTime';

const REMINDERS = REMINDER_CHOICES.map((h) => ({ value: String(h), label: h < 24 ? `${h} hour${h > 1 ? 's' : ''} before` : `${h / 24} day${h > 24 ? 's' : ''} before` }));

/** The window, reminders and automatic moves: shared by the schedule form and the editor. */
function WindowFields({ form, startEditable = true }: { form: UseFormReturnType<MaintenanceValues>; startEditable?: boolean }) {
  const { page } = useStatusPage();
  const zone = zoneOf(page.timezone);
  const values = form.getValues();
  return (
    <>
      <Fieldset legend={`Window, in the page's time zone (${zone}, ${zoneName(zone)})`}>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput type="datetime-local" label="Starts" required disabled={!startEditable} description={startEditable ? undefined : 'It has started: only the end can move.'} {...form.getInputProps('scheduledFor')} />
          <TextInput type="datetime-local" label="Ends" required {...form.getInputProps('scheduledUntil')} />
        </SimpleGrid>
      </Fieldset>
      {!values.backfilled && (
        <Fieldset legend="Reminders and automatic moves">
          <Stack gap="sm">
            <Switch label="Remind subscribers before it starts" {...form.getInputProps('remindPrior', { type: 'checkbox' })} />
            {values.remindPrior && (
              <MultiSelect label="Reminders" data={REMINDERS} {...form.getInputProps('reminderIntervals')} placeholder="Choose when" />
            )}
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
              <Switch label="Start by itself at the start time" {...form.getInputProps('autoInProgress', { type: 'checkbox' })} />
              <Switch label="Complete by itself at the end time" {...form.getInputProps('autoCompleted', { type: 'checkbox' })} />
              <Switch label="Show components under maintenance when it starts" {...form.getInputProps('autoTransitionToMaintenanceState', { type: 'checkbox' })} />
              <Switch label="Show components operational when it completes" {...form.getInputProps('autoTransitionToOperationalState', { type: 'checkbox' })} />
              <Switch label="Notify subscribers when it starts" {...form.getInputProps('notifyAtStart', { type: 'checkbox' })} />
              <Switch label="Notify subscribers when it completes" {...form.getInputProps('notifyAtEnd', { type: 'checkbox' })} />
            </SimpleGrid>
          </Stack>
        </Fieldset>
      )}
    </>
  );
}

/** Schedules a maintenance on the page. */
export default function MaintenanceSchedule() {
  const { page, base } = useStatusPage();
  const navigate = useNavigate();
  const zone = zoneOf(page.timezone);
  const [, create] = useMutation(CreateMaintenanceMutation);
  const form = useForm<MaintenanceValues>({ initialValues: emptyMaintenance(zone), validate: (values) => validateMaintenance(values, zone) });
  const { general, submit, submitting } = useFormSubmit(form);
  const values = form.getValues();
  const onSubmit = form.onSubmit(async (vals) => {
    const data = await submit(() => create({ input: maintenanceInput(page.id, vals, zone) }));
    if (!data) return;
    notifySaved(vals.backfilled ? 'Past maintenance recorded' : 'Maintenance scheduled');
    navigate(`${base}/maintenance/${data.createMaintenance.id}`);
  });
  return (
    <Paper withBorder p="md" maw={820}>
      <form onSubmit={onSubmit} noValidate aria-label="Schedule maintenance">
        <Stack>
          <Title order={2} size="h3">
            Schedule maintenance
          </Title>
          <FormAlert messages={general} />
          <TextInput label="Title" required placeholder="Database upgrade" {...form.getInputProps('title')} />
          <Textarea label="Message" required description="What visitors read: what changes, what they may notice." autosize minRows={3} {...form.getInputProps('message')} />
          <WindowFields form={form} />
          <Checkbox.Group label="Components" description="Their monitors show maintenance and hold their alerts while it is in progress." {...form.getInputProps('componentIds')}>
            <Stack gap={6} mt="xs">
              {page.components.length === 0 ? (
                <Text size="sm" c="dimmed">
                  The page has no components yet.
                </Text>
              ) : (
                page.components.map((c) => <Checkbox key={c.id} value={c.id} label={c.name} />)
              )}
            </Stack>
          </Checkbox.Group>
          <Switch label="It already happened: record a past maintenance" description="Recorded as completed; nobody is notified." {...form.getInputProps('backfilled', { type: 'checkbox' })} />
          {!values.backfilled && <Switch label="Notify subscribers now that it is scheduled" {...form.getInputProps('deliverNotifications', { type: 'checkbox' })} />}
          <Group>
            <Button type="submit" loading={submitting}>
              {values.backfilled ? 'Record maintenance' : 'Schedule maintenance'}
            </Button>
            <Button variant="default" component={Link} to={`${base}/maintenance`}>
              Cancel
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

/** A maintenance's title, window and settings, in a dialog. */
export function MaintenanceEditor({ incident, onClose, onSaved }: { incident: IncidentDetailFragment; onClose: () => void; onSaved: () => void }) {
  const { page } = useStatusPage();
  const zone = zoneOf(page.timezone);
  const [, update] = useMutation(UpdateMaintenanceMutation);
  const [initial] = useState(() => maintenanceToValues(incident, zone));
  const form = useForm<MaintenanceValues>({ initialValues: initial, validate: (values) => validateMaintenanceEdit(incident.status, values, zone) });
  const { general, submit, submitting } = useFormSubmit(form);
  const onSubmit = form.onSubmit(async (vals) => {
    const input = maintenanceUpdate(incident.status, initial, vals, zone);
    if (input && !(await submit(() => update({ id: incident.id, input })))) return;
    notifySaved(input ? 'Maintenance saved' : 'Nothing changed');
    onSaved();
    onClose();
  });
  return (
    <Modal opened onClose={onClose} title="Edit the maintenance" size="xl" closeButtonProps={{ 'aria-label': 'Close' }}>
      <form onSubmit={onSubmit} noValidate aria-label="Edit the maintenance">
        <Stack>
          <FormAlert messages={general} />
          <TextInput label="Title" required data-autofocus {...form.getInputProps('title')} />
          <WindowFields form={form} startEditable={incident.status === 'SCHEDULED'} />
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
