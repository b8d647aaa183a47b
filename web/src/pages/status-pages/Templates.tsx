import { Button, Checkbox, Group, Modal, Select, Stack, Switch, Table, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { ConfirmButton } from '../../components/ConfirmButton';
import { Empty, FormAlert, QueryView } from '../../components/States';
import type { IncidentStatus, IncidentTemplateFieldsFragment } from '../../gql/graphql';
import { enumLabel } from '../../lib/format';
import { useFormSubmit } from '../../lib/form';
import { act, notifySaved } from '../../lib/notify';
import * as v from '../../lib/validate';
import { useStatusPage } from './context';
import { IncidentStatusBadge } from './IncidentBadges';
import { CreateTemplateMutation, DeleteTemplateMutation, TemplatesQuery, UpdateTemplateMutation } from './incidentOperations';
import { INCIDENT_STATUSES, MAX_MESSAGE } from './incidentForm';

interface TemplateValues {
  [key: string]: unknown;
  name: string;
  title: string;
  body: string;
  status: IncidentStatus;
  shouldSendNotifications: boolean;
  componentIds: string[];
}

const EMPTY: TemplateValues = { name: '', title: '', body: '', status: 'INVESTIGATING', shouldSendNotifications: true, componentIds: [] };

function validate(values: TemplateValues): v.Errors {
  return v.collect({
    name: v.name(values.name),
    title: v.name(values.title, 'Title'),
    body: !values.body.trim() ? 'Message is required' : values.body.trim().length > MAX_MESSAGE ? `Message must be at most ${MAX_MESSAGE.toLocaleString('en')} characters` : null,
  });
}

/** Prepared incidents: what the composer fills in when one is picked. */
export default function Templates() {
  const { page, editor } = useStatusPage();
  const [result, refetch] = useQuery({ query: TemplatesQuery, variables: { statusPageId: page.id } });
  const [, remove] = useMutation(DeleteTemplateMutation);
  const [editing, setEditing] = useState<IncidentTemplateFieldsFragment | 'new' | null>(null);
  const reload = () => refetch({ requestPolicy: 'network-only' });
  const templates = result.data?.incidentTemplates.nodes ?? [];
  const names = new Map(page.components.map((c) => [c.id, c.name]));
  return (
    <Stack>
      <Group justify="space-between" align="flex-start">
        <div>
          <Title order={2} size="h3">
            Incident templates
          </Title>
          <Text size="sm" c="dimmed">
            Write the first message once, calmly; pick it when something breaks.
          </Text>
        </div>
        {editor && <Button onClick={() => setEditing('new')}>New template</Button>}
      </Group>
      <QueryView result={result} retry={reload} isEmpty={templates.length === 0} empty={<Empty title="No templates yet" />}>
        {() => (
          <Table striped data-testid="template-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Template</Table.Th>
                <Table.Th>Incident title</Table.Th>
                <Table.Th>Status</Table.Th>
                <Table.Th>Components</Table.Th>
                <Table.Th>
                  <span className="sr-only">Actions</span>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {templates.map((t) => (
                <Table.Tr key={t.id}>
                  <Table.Td>{t.name}</Table.Td>
                  <Table.Td>{t.title}</Table.Td>
                  <Table.Td>
                    <IncidentStatusBadge status={t.status} />
                  </Table.Td>
                  <Table.Td>{t.componentIds.map((id) => names.get(id) ?? 'a deleted component').join(', ') || '—'}</Table.Td>
                  <Table.Td>
                    {editor && (
                      <Group gap={4} wrap="nowrap">
                        <Button size="xs" variant="light" onClick={() => setEditing(t)} aria-label={`Edit template ${t.name}`}>
                          Edit
                        </Button>
                        <ConfirmButton
                          aria-label={`Delete template ${t.name}`}
                          title={`Delete the template ${t.name}?`}
                          message="Incidents made from it stay as they are."
                          onConfirm={async () => {
                            if (await act(() => remove({ id: t.id }), 'Template deleted')) reload();
                          }}
                        >
                          Delete
                        </ConfirmButton>
                      </Group>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </QueryView>
      {editing && (
        <TemplateEditor
          template={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            reload();
          }}
        />
      )}
    </Stack>
  );
}

function TemplateEditor({ template, onClose, onSaved }: { template: IncidentTemplateFieldsFragment | null; onClose: () => void; onSaved: () => void }) {
  const { page } = useStatusPage();
  const [, create] = useMutation(CreateTemplateMutation);
  const [, update] = useMutation(UpdateTemplateMutation);
  const initial: TemplateValues = template
    ? { name: template.name, title: template.title, body: template.body, status: template.status, shouldSendNotifications: template.shouldSendNotifications, componentIds: template.componentIds }
    : EMPTY;
  const form = useForm<TemplateValues>({ initialValues: initial, validate });
  const { general, submit, submitting } = useFormSubmit(form);
  const onSubmit = form.onSubmit(async (values) => {
    const fields = { name: values.name.trim(), title: values.title.trim(), body: values.body.trim(), status: values.status, shouldSendNotifications: values.shouldSendNotifications, componentIds: values.componentIds };
    const data = template ? await submit(() => update({ id: template.id, input: fields })) : await submit(() => create({ input: { statusPageId: page.id, ...fields } }));
    if (!data) return;
    notifySaved('Template saved');
    onSaved();
  });
  const title = template ? `Edit ${template.name}` : 'New template';
  return (
    <Modal opened onClose={onClose} title={title} size="lg" closeButtonProps={{ 'aria-label': 'Close' }}>
      <form onSubmit={onSubmit} noValidate aria-label={title}>
        <Stack>
          <FormAlert messages={general} />
          <TextInput label="Name" description="How it is listed in the composer." required data-autofocus {...form.getInputProps('name')} />
          <TextInput label="Incident title" required {...form.getInputProps('title')} />
          <Textarea label="Message" required autosize minRows={3} {...form.getInputProps('body')} />
          <Select
            label="Status"
            allowDeselect={false}
            data={INCIDENT_STATUSES.filter((s) => s !== 'RESOLVED').map((s) => ({ value: s, label: enumLabel(s) }))}
            {...form.getInputProps('status')}
            onChange={(s) => s && form.setFieldValue('status', s as IncidentStatus)}
          />
          <Checkbox.Group label="Affected components" {...form.getInputProps('componentIds')}>
            <Stack gap={6} mt="xs">
              {page.components.map((c) => (
                <Checkbox key={c.id} value={c.id} label={c.name} />
              ))}
            </Stack>
          </Checkbox.Group>
          <Switch label="Notify subscribers" {...form.getInputProps('shouldSendNotifications', { type: 'checkbox' })} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={submitting}>
              Save template
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
