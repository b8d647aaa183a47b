import { Checkbox, Group, Input, NativeSelect, Stack, Text } from '@mantine/core';
import type { ComponentStatus, StatusPageComponentFieldsFragment } from '../../gql/graphql';
import { enumLabel } from '../../lib/format';
import { ComponentStatusBadge } from './ComponentStatusBadge';
import { COMPONENT_STATUSES, toggleComponent, type AffectedComponent } from './incidentForm';

/**
 * The page's components, each with a box saying it is affected and the status it gets. Plain
 * inputs (a checkbox and a select a row), so that it works with the keyboard as it is.
 */
export function AffectedComponents({
  label,
  description,
  components,
  value,
  onChange,
  defaultStatus,
  error,
}: {
  label: string;
  description?: string;
  components: readonly StatusPageComponentFieldsFragment[];
  value: AffectedComponent[];
  onChange: (value: AffectedComponent[]) => void;
  defaultStatus: ComponentStatus;
  error?: string | null;
}) {
  const statusOf = new Map(value.map((c) => [c.componentId, c.status]));
  return (
    <Input.Wrapper label={label} description={description} error={error}>
      {components.length === 0 ? (
        <Text size="sm" c="dimmed" mt={4}>
          The page has no components yet.
        </Text>
      ) : (
        <Stack gap={6} mt={6} data-testid="affected-components">
          {components.map((c) => {
            const status = statusOf.get(c.id);
            return (
              <Group key={c.id} justify="space-between" wrap="nowrap" gap="xs">
                <Group gap="xs" wrap="nowrap" style={{ minWidth: 0 }}>
                  <Checkbox label={c.name} checked={status !== undefined} onChange={(e) => onChange(toggleComponent(value, c.id, e.currentTarget.checked, status ?? defaultStatus))} />
                  <ComponentStatusBadge status={c.status} />
                </Group>
                <NativeSelect
                  aria-label={`Status of ${c.name}`}
                  size="xs"
                  w={210}
                  disabled={status === undefined}
                  value={status ?? defaultStatus}
                  data={COMPONENT_STATUSES.map((s) => ({ value: s, label: enumLabel(s) }))}
                  onChange={(e) => onChange(toggleComponent(value, c.id, true, e.currentTarget.value as ComponentStatus))}
                />
              </Group>
            );
          })}
        </Stack>
      )}
    </Input.Wrapper>
  );
}
