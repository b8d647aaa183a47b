import { Button, Group, Paper, Select, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useMutation } from 'urql';
import { FormAlert } from '../../../components/States';
import type { AdminPlanFragment } from '../../../gql/graphql';
import { useFormSubmit } from '../../../lib/form';
import { useWorkspace } from '../../../lib/workspace';
import { SetOrganizationPlanMutation } from './operations';
import { organizationIdError } from './planForm';

const OTHER = 'other';

/**
 * Puts an organization on a plan by hand (a customer invoiced outside Stripe and Polar). The
 * API lists only the administrator's own organizations, so any other is entered by id.
 */
export function AssignPlan({ plans }: { plans: AdminPlanFragment[] }) {
  const { organizations, refresh } = useWorkspace();
  const [, assign] = useMutation(SetOrganizationPlanMutation);
  const [done, setDone] = useState<string | null>(null);
  const form = useForm({
    initialValues: { organization: organizations[0]?.id ?? OTHER, organizationId: '', planId: '' },
    validate: {
      organizationId: (value, values) => (values.organization === OTHER ? organizationIdError(value) : null),
      planId: (value) => (value ? null : 'Choose a plan'),
    },
  });
  // The server names `organizationId`; the form shows it on the id field or the choice.
  const { general, submit, submitting } = useFormSubmit(form);
  const values = form.getValues();
  const onSubmit = form.onSubmit(async (v) => {
    setDone(null);
    const organizationId = v.organization === OTHER ? v.organizationId.trim() : v.organization;
    const data = await submit(() => assign({ organizationId, planId: v.planId }));
    if (!data) return;
    const org = data.setOrganizationPlan;
    setDone(`${org.name} is now on the ${org.plan.name} plan.`);
    refresh();
  });
  const orgOptions = [...organizations.map((o) => ({ value: o.id, label: o.name })), { value: OTHER, label: 'Another organization (by id)' }];
  return (
    <Paper withBorder p="md" maw={640} component="section" aria-labelledby="assign-heading">
      <form onSubmit={onSubmit} noValidate aria-label="Assign a plan">
        <Stack>
          <Text fw={600} id="assign-heading">
            Assign a plan to an organization
          </Text>
          <Text size="sm" c="dimmed">
            For a customer invoiced outside Stripe and Polar. A later event from a provider about the organization's subscription overrides it.
          </Text>
          <FormAlert messages={general} />
          <Select label="Organization" data={orgOptions} allowDeselect={false} {...form.getInputProps('organization')} />
          {values.organization === OTHER && <TextInput label="Organization id" required {...form.getInputProps('organizationId')} />}
          <Select
            label="Plan"
            required
            placeholder="Choose a plan"
            data={plans.map((p) => ({ value: p.id, label: p.isActive ? p.name : `${p.name} (retired)` }))}
            {...form.getInputProps('planId')}
          />
          {done && (
            <Text size="sm" role="status" c="teal.9">
              {done}
            </Text>
          )}
          <Group>
            <Button type="submit" loading={submitting}>
              Assign plan
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
