import { Button, Group, Paper, Radio, Stack, Switch, TextInput, Textarea, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation } from 'urql';
import { FormAlert } from '../../components/States';
import type { IncidentDetailFragment, IncidentStatus } from '../../gql/graphql';
import { enumLabel } from '../../lib/format';
import { useFormSubmit } from '../../lib/form';
import { notifySaved } from '../../lib/notify';
import { AffectedComponents } from './AffectedComponents';
import { useStatusPage } from './context';
import { AddIncidentUpdateMutation } from './incidentOperations';
import { nextStatuses, updateInput, validateUpdate, type AffectedComponent, type UpdateValues } from './incidentForm';
import { zoneName, zoneOf } from './zonedTime';

/** A new update of an open incident or maintenance: message, status, component statuses. */
export function UpdateForm({ incident, current, onPosted }: { incident: IncidentDetailFragment; current: AffectedComponent[]; onPosted: () => void }) {
  const { page } = useStatusPage();
  const zone = zoneOf(page.timezone);
  const [, add] = useMutation(AddIncidentUpdateMutation);
  const statuses = nextStatuses(incident.kind, incident.status);
  const initial: UpdateValues = { status: incident.status, message: '', components: current, deliverNotifications: incident.deliverNotifications, displayAt: '' };
  const form = useForm<UpdateValues>({ initialValues: initial, validate: (values) => validateUpdate(values, zone) });
  const { general, submit, submitting } = useFormSubmit(form);
  const values = form.getValues();
  const onSubmit = form.onSubmit(async (vals) => {
    const data = await submit(() => add({ input: updateInput(incident.id, current, vals, zone) }));
    if (!data) return;
    notifySaved('Update posted');
    form.setValues({ ...initial, status: vals.status, components: vals.components });
    onPosted();
  });
  return (
    <Paper withBorder p="md">
      <form onSubmit={onSubmit} noValidate aria-label="Post an update">
        <Stack>
          <Title order={3} size="h4">
            Post an update
          </Title>
          <FormAlert messages={general} />
          <Radio.Group label="Status" {...form.getInputProps('status')} onChange={(s) => form.setFieldValue('status', s as IncidentStatus)}>
            <Group mt="xs">
              {statuses.map((s) => (
                <Radio key={s} value={s} label={enumLabel(s)} />
              ))}
            </Group>
          </Radio.Group>
          <Textarea label="Message" required autosize minRows={3} maxRows={12} {...form.getInputProps('message')} />
          <AffectedComponents
            label="Component statuses"
            description="Change a status, or add a component; only what changes is sent."
            components={page.components}
            value={values.components}
            onChange={(components) => form.setFieldValue('components', components)}
            defaultStatus={incident.kind === 'MAINTENANCE' ? 'UNDER_MAINTENANCE' : 'PARTIAL_OUTAGE'}
          />
          <Group grow align="flex-start">
            <TextInput
              type="datetime-local"
              label={`Shown at (${zone}, ${zoneName(zone)})`}
              description="For an update entered late; empty is now."
              {...form.getInputProps('displayAt')}
            />
            <Switch mt={28} label="Notify subscribers" {...form.getInputProps('deliverNotifications', { type: 'checkbox' })} />
          </Group>
          <Group>
            <Button type="submit" loading={submitting}>
              Post update
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
