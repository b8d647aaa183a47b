import { Anchor, Badge, Button, Group, MultiSelect, Paper, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { Link } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { ConfirmButton } from '../../components/ConfirmButton';
import { Empty, FormAlert } from '../../components/States';
import type { StatusPageComponentFieldsFragment } from '../../gql/graphql';
import { useFormSubmit } from '../../lib/form';
import { act, notifyError } from '../../lib/notify';
import { useProject } from '../../lib/project';
import { ComponentEditor } from './ComponentEditor';
import { ComponentStatusBadge } from './ComponentStatusBadge';
import { announce, applyOrder, lines, movable, moveComponent, moveGroup } from './componentOrder';
import { validateNewComponent, type NewComponentValues } from './componentForm';
import { useStatusPage } from './context';
import { CreateComponentMutation, DeleteComponentMutation, MonitorPickerQuery, ReorderComponentsMutation } from './operations';

type Component = StatusPageComponentFieldsFragment;
export type PickableMonitor = { id: string; name: string; status: string };

/**
 * A page's components in the order the public sees them, groups together; moved with buttons
 * (no dragging), each move sending the whole order. Statuses follow `statusPageUpdated`.
 */
export default function Components() {
  const { page, editor, replace } = useStatusPage();
  const project = useProject();
  const [monitors] = useQuery({ query: MonitorPickerQuery, variables: { projectId: project.id } });
  const [, reorder] = useMutation(ReorderComponentsMutation);
  const [, remove] = useMutation(DeleteComponentMutation);
  const [pending, setPending] = useState<string[] | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const [editing, setEditing] = useState<string | null>(null);
  const buttons = useRef(new Map<string, HTMLButtonElement | null>());
  const [focusNext, setFocusNext] = useState<{ key: string; other: string } | null>(null);
  const components = pending ? applyOrder(page.components, pending) : page.components;
  const pickable: PickableMonitor[] = monitors.data?.monitors.nodes ?? [];

  useEffect(() => {
    if (!focusNext) return;
    // At an end the pressed button is disabled now: focus its partner instead.
    const pressed = buttons.current.get(focusNext.key);
    (pressed && !pressed.disabled ? pressed : buttons.current.get(focusNext.other))?.focus();
    setFocusNext(null);
  }, [focusNext, components]);

  const send = async (order: string[], moved: { id?: string; group?: string }, key: string, other: string) => {
    // One move at a time; the buttons stay enabled (and focusable) meanwhile.
    if (pending || order.join() === components.map((c) => c.id).join()) return;
    setPending(order);
    setAnnouncement(announce(components, order, moved));
    setFocusNext({ key, other });
    const result = await reorder({ statusPageId: page.id, componentIds: order });
    if (result.data) replace(result.data.reorderStatusPageComponents);
    else {
      notifyError(result.error, 'The order was not saved');
      setAnnouncement('The order was not saved');
    }
    setPending(null);
  };

  const moveOne = (c: Component, delta: number) => {
    const dir = delta < 0 ? 'up' : 'down';
    void send(moveComponent(components, c.id, delta), { id: c.id }, `${c.id}:${dir}`, `${c.id}:${delta < 0 ? 'down' : 'up'}`);
  };
  const moveAll = (group: string, delta: number) => {
    const dir = delta < 0 ? 'up' : 'down';
    void send(moveGroup(components, group, delta), { group }, `group:${group}:${dir}`, `group:${group}:${delta < 0 ? 'down' : 'up'}`);
  };
  const ref = (key: string) => (el: HTMLButtonElement | null) => {
    buttons.current.set(key, el);
  };

  const shown = lines(components);
  const groupNames = [...new Set(components.map((c) => c.groupName?.trim()).filter((g): g is string => Boolean(g)))];
  const row = (c: Component) => (
    <ComponentRow
      key={c.id}
      component={c}
      monitors={pickable}
      editor={editor}
      canMove={movable(components, c.id)}
      buttonRef={ref}
      onMove={(delta) => moveOne(c, delta)}
      onEdit={() => setEditing(c.id)}
      onDelete={async () => {
        await act(() => remove({ id: c.id }), `${c.name} deleted`);
      }}
    />
  );
  const editingComponent = components.find((c) => c.id === editing);
  return (
    <Stack>
      <div>
        <Title order={2} size="h3">
          Components
        </Title>
        <Text size="sm" c="dimmed">
          The parts of your service visitors see, in this order. Each one’s status comes live from its monitors, unless an open incident or a maintenance in progress says otherwise.
        </Text>
      </div>
      {components.length === 0 ? (
        <Empty title="No components yet">Add the parts of your service people use (website, API, database…) and link them to monitors.</Empty>
      ) : (
        <Stack gap="sm" component="ol" aria-label="Components, in page order" aria-busy={pending !== null} data-testid="components" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
          {shown.map((line, i) =>
            line.kind === 'single' ? (
              <li key={line.component.id}>{row(line.component)}</li>
            ) : (
              <li key={`group:${line.name}`}>
                <GroupLine name={line.name} editor={editor} first={i === 0} last={i === shown.length - 1} buttonRef={ref} onMove={(delta) => moveAll(line.name, delta)}>
                  {line.members.map((m) => (
                    <li key={m.id}>{row(m)}</li>
                  ))}
                </GroupLine>
              </li>
            ),
          )}
        </Stack>
      )}
      <div aria-live="polite" className="sr-only" data-testid="order-announcement">
        {announcement}
      </div>
      {editingComponent && <ComponentEditor component={editingComponent} monitors={pickable} groups={groupNames} onClose={() => setEditing(null)} />}
      {editor && <NewComponent monitors={pickable} truncated={(monitors.data?.monitors.totalCount ?? 0) > pickable.length} />}
    </Stack>
  );
}

/** A group of components: its name, its move buttons, its members. */
function GroupLine({
  name,
  editor,
  first,
  last,
  buttonRef,
  onMove,
  children,
}: {
  name: string;
  editor: boolean;
  first: boolean;
  last: boolean;
  buttonRef: (key: string) => (el: HTMLButtonElement | null) => void;
  onMove: (delta: number) => void;
  children: ReactNode;
}) {
  return (
    <Paper withBorder p="sm" data-testid={`group-${name}`}>
      <Group justify="space-between" mb="xs">
        <Group gap="xs">
          <Badge variant="default">Group</Badge>
          <Text fw={600}>{name}</Text>
        </Group>
        {editor && (
          <Group gap={4}>
            <Button size="xs" variant="subtle" ref={buttonRef(`group:${name}:up`)} disabled={first} onClick={() => onMove(-1)} aria-label={`Move group ${name} up`}>
              ↑ Up
            </Button>
            <Button size="xs" variant="subtle" ref={buttonRef(`group:${name}:down`)} disabled={last} onClick={() => onMove(1)} aria-label={`Move group ${name} down`}>
              ↓ Down
            </Button>
          </Group>
        )}
      </Group>
      <Stack gap="xs" component="ol" aria-label={`Components of ${name}`} style={{ listStyle: 'none', margin: 0, padding: 0 }}>
        {children}
      </Stack>
    </Paper>
  );
}

function ComponentRow({
  component: c,
  monitors,
  editor,
  canMove,
  buttonRef,
  onMove,
  onEdit,
  onDelete,
}: {
  component: Component;
  monitors: PickableMonitor[];
  editor: boolean;
  canMove: { up: boolean; down: boolean };
  buttonRef: (key: string) => (el: HTMLButtonElement | null) => void;
  onMove: (delta: number) => void;
  onEdit: () => void;
  onDelete: () => Promise<void>;
}) {
  const project = useProject();
  const names = new Map(monitors.map((m) => [m.id, m.name]));
  return (
    <Paper withBorder p="sm" data-testid={`component-${c.name}`}>
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
        <Stack gap={4} style={{ minWidth: 0, flex: 1 }}>
          <Group gap="xs">
            <Text fw={500} data-testid="component-name">
              {c.name}
            </Text>
            <ComponentStatusBadge status={c.status} testId="component-status" />
            {!c.showcase && (
              <Badge variant="default" size="sm">
                No uptime bar
              </Badge>
            )}
            {c.onlyShowIfDegraded && (
              <Badge variant="default" size="sm">
                Hidden while operational
              </Badge>
            )}
          </Group>
          {c.description && (
            <Text size="sm" c="dimmed">
              {c.description}
            </Text>
          )}
          <Text size="sm" c="dimmed" data-testid="component-monitors">
            {c.monitors.length === 0 ? (
              'No monitors: operational unless an incident says otherwise'
            ) : (
              <>
                {c.monitors.length === 1 ? '1 monitor' : `${c.monitors.length} monitors`} ({c.aggregationMethod.toLowerCase().replace('_', ' ')}
                {c.failureThreshold > 1 ? `, ${c.failureThreshold} down before it counts` : ''}):{' '}
                {c.monitors.map((m, i) => (
                  <span key={m.monitorId}>
                    {i > 0 && ', '}
                    <Anchor component={Link} to={`/projects/${project.id}/monitors/${m.monitorId}`} size="sm">
                      {names.get(m.monitorId) ?? 'a monitor'}
                    </Anchor>
                    {c.aggregationMethod === 'WEIGHTED_AVERAGE' && ` ×${m.weight}`}
                  </span>
                ))}
              </>
            )}
          </Text>
        </Stack>
        {editor && (
          <Group gap={4} wrap="nowrap">
            <Button size="xs" variant="subtle" ref={buttonRef(`${c.id}:up`)} disabled={!canMove.up} onClick={() => onMove(-1)} aria-label={`Move ${c.name} up`}>
              ↑ Up
            </Button>
            <Button size="xs" variant="subtle" ref={buttonRef(`${c.id}:down`)} disabled={!canMove.down} onClick={() => onMove(1)} aria-label={`Move ${c.name} down`}>
              ↓ Down
            </Button>
            <Button size="xs" variant="light" onClick={onEdit} aria-label={`Edit ${c.name}`}>
              Edit
            </Button>
            <ConfirmButton aria-label={`Delete ${c.name}`} title={`Delete ${c.name}?`} message="The component leaves the page with its monitor links. Past incidents keep their text." onConfirm={onDelete}>
              Delete
            </ConfirmButton>
          </Group>
        )}
      </Group>
    </Paper>
  );
}

function NewComponent({ monitors, truncated }: { monitors: PickableMonitor[]; truncated: boolean }) {
  const { page, replace } = useStatusPage();
  const [, create] = useMutation(CreateComponentMutation);
  const form = useForm<NewComponentValues>({ initialValues: { name: '', description: '', monitorIds: [] }, validate: validateNewComponent });
  const { general, submit, submitting } = useFormSubmit(form);
  const onSubmit = form.onSubmit(async (values) => {
    const data = await submit(() =>
      create({ input: { statusPageId: page.id, name: values.name.trim(), description: values.description.trim() || undefined, monitorIds: values.monitorIds } }),
    );
    if (!data) return;
    // The page's list gets it from the live update; add it at once meanwhile.
    if (!page.components.some((c) => c.id === data.createStatusPageComponent.id)) replace({ ...page, components: [...page.components, data.createStatusPageComponent] });
    form.reset();
  });
  return (
    <Paper withBorder p="md" maw={640}>
      <form onSubmit={onSubmit} noValidate aria-label="New component">
        <Stack>
          <Text fw={600}>New component</Text>
          <FormAlert messages={general} />
          <TextInput label="Name" required {...form.getInputProps('name')} />
          <Textarea label="Description" autosize minRows={1} {...form.getInputProps('description')} />
          <MultiSelect
            label="Monitors"
            description={truncated ? 'Its status follows these. Only the first 200 monitors of the project are listed.' : 'Its status follows these; more settings (weights, method) in Edit.'}
            placeholder={monitors.length ? 'Choose monitors' : 'No monitors in this project yet'}
            searchable
            data={monitors.map((m) => ({ value: m.id, label: m.name }))}
            {...form.getInputProps('monitorIds')}
          />
          <Group>
            <Button type="submit" loading={submitting}>
              Add component
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
