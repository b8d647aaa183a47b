import { Anchor, Button, Group, Paper, Radio, Select, Stack, Switch, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { Link, useNavigate } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { FormAlert } from '../../components/States';
import type { IncidentImpact, IncidentStatus } from '../../gql/graphql';
import { enumLabel } from '../../lib/format';
import { useFormSubmit } from '../../lib/form';
import { notifySaved } from '../../lib/notify';
import { AffectedComponents } from './AffectedComponents';
import { useStatusPage } from './context';
import { CreateIncidentMutation, TemplatesQuery } from './incidentOperations';
import { IMPACTS, INCIDENT_STATUSES, emptyIncident, fromTemplate, impliedStatus, incidentInput, validateIncident, type IncidentValues } from './incidentForm';
import { zoneName, zoneOf } from './zonedTime';

/** A new incident, from scratch or from a template: what happened, its status and impact, the components it affects. */
export default function IncidentComposer() {
  const { page, base } = useStatusPage();
  const navigate = useNavigate();
  const zone = zoneOf(page.timezone);
  const [templates] = useQuery({ query: TemplatesQuery, variables: { statusPageId: page.id } });
  const [, create] = useMutation(CreateIncidentMutation);
  const form = useForm<IncidentValues>({ initialValues: emptyIncident(), validate: (values) => validateIncident(values, zone) });
  const { general, submit, submitting } = useFormSubmit(form);
  const values = form.getValues();
  const choices = templates.data?.incidentTemplates.nodes ?? [];

  const onSubmit = form.onSubmit(async (vals) => {
    const data = await submit(() => create({ input: incidentInput(page.id, vals, zone) }));
    if (!data) return;
    notifySaved(vals.backfilled ? 'Past incident recorded' : 'Incident opened: it is on the page');
    navigate(`${base}/incidents/${data.createIncident.id}`);
  });

  return (
    <Paper withBorder p="md" maw={760}>
      <form onSubmit={onSubmit} noValidate aria-label="New incident">
        <Stack>
          <Group justify="space-between">
            <Title order={2} size="h3">
              Report an incident
            </Title>
            <Anchor component={Link} to={`${base}/templates`} size="sm">
              Manage templates
            </Anchor>
          </Group>
          <FormAlert messages={general} />
          <Select
            label="Start from a template"
            description="Fills in the title, message, status and components; change anything before sending."
            placeholder={choices.length ? 'Choose a template' : 'No templates yet'}
            disabled={choices.length === 0}
            clearable
            data={choices.map((t) => ({ value: t.id, label: t.name }))}
            value={null}
            onChange={(id) => {
              const template = choices.find((t) => t.id === id);
              if (template) form.setValues(fromTemplate(form.getValues(), template, page.components.map((c) => c.id)));
            }}
          />
          <TextInput label="Title" required placeholder="Elevated API error rates" {...form.getInputProps('title')} />
          {!values.backfilled && (
            <Radio.Group label="Status" required {...form.getInputProps('status')} onChange={(s) => form.setFieldValue('status', s as IncidentStatus)}>
              <Group mt="xs">
                {INCIDENT_STATUSES.map((s) => (
                  <Radio key={s} value={s} label={enumLabel(s)} />
                ))}
              </Group>
            </Radio.Group>
          )}
          <Select
            label="Impact"
            allowDeselect={false}
            description="Left automatic, the worst affected component decides it."
            data={[{ value: 'AUTO', label: 'Automatic, from the components' }, ...IMPACTS.map((i) => ({ value: i, label: enumLabel(i) }))]}
            {...form.getInputProps('impact')}
            onChange={(i) => i && form.setFieldValue('impact', i as IncidentImpact | 'AUTO')}
          />
          <Textarea label="Message" required description="The first update visitors read." autosize minRows={3} maxRows={12} {...form.getInputProps('message')} />
          <AffectedComponents
            label="Affected components"
            description="While the incident is open, they show the status chosen here, whatever their monitors say."
            components={page.components}
            value={values.components}
            onChange={(components) => form.setFieldValue('components', components)}
            defaultStatus={impliedStatus(values.impact)}
            error={form.errors.components as string | undefined}
          />
          <Switch label="It already happened: record a past incident" description="Recorded as resolved at the time you give; nobody is notified." {...form.getInputProps('backfilled', { type: 'checkbox' })} />
          {values.backfilled ? (
            <TextInput type="datetime-local" label={`When it happened (${zone}, ${zoneName(zone)})`} required {...form.getInputProps('backfilledAt')} />
          ) : (
            <Switch label="Notify subscribers" {...form.getInputProps('deliverNotifications', { type: 'checkbox' })} />
          )}
          <Group>
            <Button type="submit" loading={submitting}>
              {values.backfilled ? 'Record incident' : 'Open incident'}
            </Button>
            <Button variant="default" component={Link} to={`${base}/incidents`}>
              Cancel
            </Button>
          </Group>
          <Text size="xs" c="dimmed">
            Text is shown as written: HTML is escaped on the public page.
          </Text>
        </Stack>
      </form>
    </Paper>
  );
}
