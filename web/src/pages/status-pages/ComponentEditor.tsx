import { Autocomplete, Button, Group, Modal, MultiSelect, NumberInput, Select, Stack, Switch, Table, Text, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useMutation } from 'urql';
import { StatusBadge } from '../../components/StatusBadge';
import { FormAlert } from '../../components/States';
import type { AggregationMethod, StatusPageComponentFieldsFragment } from '../../gql/graphql';
import { useFormSubmit } from '../../lib/form';
import { notifySaved } from '../../lib/notify';
import { AGGREGATION_METHODS, MAX_THRESHOLD, MAX_WEIGHT, componentInput, componentToValues, monitorsInput, pickMonitors, validateComponent, type ComponentValues } from './componentForm';
import type { PickableMonitor } from './Components';
import { useStatusPage } from './context';
import { SetComponentMonitorsMutation, UpdateComponentMutation } from './operations';

// The server names `weight` and `monitorIds` for the links; the form shows them on its list.
const ALIASES = { weight: 'monitors', monitorIds: 'monitors' };

/** Every setting of a component and its monitors with their weights, in a dialog. */
export function ComponentEditor({ component, monitors, groups, onClose }: { component: StatusPageComponentFieldsFragment; monitors: PickableMonitor[]; groups: string[]; onClose: () => void }) {
  const { page, replace } = useStatusPage();
  const [, update] = useMutation(UpdateComponentMutation);
  const [, setMonitors] = useMutation(SetComponentMonitorsMutation);
  // What the dialog opened with: live updates of the component do not move the baseline.
  const [initial] = useState(() => componentToValues(component));
  const form = useForm<ComponentValues>({ initialValues: initial, validate: validateComponent });
  const { general, submit, submitting } = useFormSubmit(form, ALIASES);
  const values = form.getValues();
  const byId = new Map(monitors.map((m) => [m.id, m]));
  const weighted = values.aggregationMethod === 'WEIGHTED_AVERAGE';

  const keep = (saved: StatusPageComponentFieldsFragment) => replace({ ...page, components: page.components.map((c) => (c.id === saved.id ? saved : c)) });
  const onSubmit = form.onSubmit(async (vals) => {
    const input = componentInput(initial, vals);
    if (input) {
      const data = await submit(() => update({ id: component.id, input }));
      if (!data) return;
      keep(data.updateStatusPageComponent);
    }
    const links = monitorsInput(initial.monitors, vals.monitors);
    if (links) {
      const data = await submit(() => setMonitors({ componentId: component.id, monitors: links }));
      if (!data) return;
      keep(data.setStatusPageComponentMonitors);
    }
    notifySaved(input || links ? `${vals.name.trim()} saved` : 'Nothing changed');
    onClose();
  });

  return (
    <Modal opened onClose={onClose} title={`Edit ${component.name}`} size="lg" closeButtonProps={{ 'aria-label': 'Close' }}>
      <form onSubmit={onSubmit} noValidate aria-label={`Edit ${component.name}`}>
        <Stack>
          <FormAlert messages={general} />
          <TextInput label="Name" required data-autofocus {...form.getInputProps('name')} />
          <Textarea label="Description" description="Shown to visitors beside the name." autosize minRows={1} {...form.getInputProps('description')} />
          <Autocomplete label="Group" description="Components with the same group are shown together under it; empty stands alone." data={groups} {...form.getInputProps('groupName')} />
          <Group gap="lg">
            <Switch label="Show the uptime bar" {...form.getInputProps('showcase', { type: 'checkbox' })} />
            <Switch label="Hide while operational" {...form.getInputProps('onlyShowIfDegraded', { type: 'checkbox' })} />
          </Group>
          <Group grow align="flex-start">
            <Select
              label="How monitors combine"
              allowDeselect={false}
              data={AGGREGATION_METHODS.map((m) => ({ value: m.value, label: m.label }))}
              description={AGGREGATION_METHODS.find((m) => m.value === values.aggregationMethod)?.description}
              {...form.getInputProps('aggregationMethod')}
              onChange={(m) => m && form.setFieldValue('aggregationMethod', m as AggregationMethod)}
            />
            <NumberInput label="Failure threshold" description="Monitors down before the component leaves operational." min={1} max={MAX_THRESHOLD} allowDecimal={false} {...form.getInputProps('failureThreshold')} />
          </Group>
          <TextInput type="date" label="Uptime history from" description="The first day of the uptime bar; empty for all the history." {...form.getInputProps('startDate')} />
          <MultiSelect
            label="Monitors"
            description="The component’s status follows these."
            searchable
            placeholder={monitors.length ? 'Choose monitors' : 'No monitors in this project yet'}
            data={monitors.map((m) => ({ value: m.id, label: m.name }))}
            value={values.monitors.map((l) => l.monitorId)}
            onChange={(ids) => form.setFieldValue('monitors', pickMonitors(values.monitors, ids))}
            error={form.errors.monitors}
          />
          {values.monitors.length > 0 && (
            <Table withTableBorder data-testid="monitor-links">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Monitor</Table.Th>
                  <Table.Th>Status</Table.Th>
                  <Table.Th>Weight</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {values.monitors.map((link, i) => {
                  const monitor = byId.get(link.monitorId);
                  const name = monitor?.name ?? 'A monitor not listed';
                  return (
                    <Table.Tr key={link.monitorId}>
                      <Table.Td>{name}</Table.Td>
                      <Table.Td>{monitor ? <StatusBadge status={monitor.status} /> : '—'}</Table.Td>
                      <Table.Td>
                        <NumberInput aria-label={`Weight of ${name}`} min={1} max={MAX_WEIGHT} allowDecimal={false} w={90} size="xs" {...form.getInputProps(`monitors.${i}.weight`)} />
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          )}
          {values.monitors.length > 0 && !weighted && (
            <Text size="xs" c="dimmed">
              Weights (1–{MAX_WEIGHT}) count only under Weighted average.
            </Text>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={submitting}>
              Save component
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
