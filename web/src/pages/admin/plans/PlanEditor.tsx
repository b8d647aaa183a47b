import { Button, Group, Paper, Select, SimpleGrid, Stack, Switch, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useNavigate } from 'react-router';
import { useMutation } from 'urql';
import { Page } from '../../../components/Page';
import { FormAlert } from '../../../components/States';
import type { AdminPlanFragment } from '../../../gql/graphql';
import { enumLabel } from '../../../lib/format';
import { useFormSubmit } from '../../../lib/form';
import { notifySaved } from '../../../lib/notify';
import { CreatePlanMutation, UpdatePlanMutation } from './operations';
import { EMPTY_PLAN, MAX_FEATURES, SEEDED, TIERS, toCreateInput, toUpdateInput, toValues, validatePlan, type PlanValues } from './planForm';

const intervals = [
  { value: 'MONTH', label: 'Monthly' },
  { value: 'YEAR', label: 'Yearly' },
];
const tiers = TIERS.map((t) => ({ value: t, label: enumLabel(t) }));

/** Creates a plan (without `plan`) or edits one; back to the list once saved. */
export function PlanEditor({ plan, onSaved }: { plan?: AdminPlanFragment; onSaved: () => void }) {
  const navigate = useNavigate();
  const [, create] = useMutation(CreatePlanMutation);
  const [, update] = useMutation(UpdatePlanMutation);
  const form = useForm<PlanValues>({ initialValues: plan ? toValues(plan) : EMPTY_PLAN, validate: validatePlan });
  const { general, submit, submitting } = useFormSubmit(form);
  const seeded = !!plan && SEEDED.includes(plan.name);
  const onSubmit = form.onSubmit(async (values) => {
    const data = plan ? await submit(() => update({ id: plan.id, input: toUpdateInput(values, plan) })) : await submit(() => create({ input: toCreateInput(values) }));
    if (!data) return;
    notifySaved(plan ? 'Plan saved' : 'Plan created');
    onSaved();
    navigate('/admin/plans');
  });
  const title = plan ? `Plan ${plan.name}` : 'New plan';
  return (
    <Page title={title} description="What the plan costs, what sells it, and the tier of limits it grants.">
      <Paper withBorder p="md" maw={760}>
        <form onSubmit={onSubmit} noValidate aria-label={title}>
          <Stack>
            <FormAlert messages={general} />
            <TextInput
              label="Name"
              required
              disabled={seeded}
              description={seeded ? 'The seeded plans keep their names: organizations and self-hosted instances name them.' : 'What organizations on the plan carry, like team'}
              {...form.getInputProps('name')}
            />
            <Textarea label="Description" autosize minRows={2} {...form.getInputProps('description')} />
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <TextInput label="Price" required inputMode="decimal" description="Per interval, in the currency" {...form.getInputProps('price')} />
              <TextInput label="Currency" required description="ISO 4217, like USD" maxLength={3} {...form.getInputProps('currency')} />
              <Select label="Interval" data={intervals} allowDeselect={false} {...form.getInputProps('interval')} />
            </SimpleGrid>
            <Textarea label="Features" description={`One per line, at most ${MAX_FEATURES}; the pricing page lists them.`} autosize minRows={3} {...form.getInputProps('features')} />
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <Select label="Limits" description="The tier of limits the plan grants" data={tiers} allowDeselect={false} {...form.getInputProps('limits')} />
              <TextInput label="Callback triggers per month" required inputMode="numeric" {...form.getInputProps('maxTriggers')} />
              <TextInput label="Longest callback timeout (seconds)" required inputMode="numeric" {...form.getInputProps('maxTimeoutDuration')} />
            </SimpleGrid>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput label="Stripe price id" description="price_…; empty: not sold through Stripe" {...form.getInputProps('stripePriceId')} />
              <TextInput label="Polar product id" description="A UUID; empty: not sold through Polar" {...form.getInputProps('polarProductId')} />
            </SimpleGrid>
            <Switch label="Can be bought (retired plans stay on the organizations that have them)" {...form.getInputProps('isActive', { type: 'checkbox' })} />
            <Group>
              <Button type="submit" loading={submitting}>
                {plan ? 'Save plan' : 'Create plan'}
              </Button>
              <Button variant="default" onClick={() => navigate('/admin/plans')}>
                Cancel
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>
    </Page>
  );
}
