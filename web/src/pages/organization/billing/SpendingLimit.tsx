import { Button, Checkbox, Fieldset, Group, Paper, Stack, Switch, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQuery, useMutation } from 'urql';
import { FormAlert, QueryView } from '../../../components/States';
import { useFormSubmit } from '../../../lib/form';
import { notifySaved } from '../../../lib/notify';
import {
  OrganizationBillingSettingsQueryDocument,
  UpdateBillingSettingsMutation,
  type BillingSettings,
} from './usageOperations';
import { MAX_EMAILS, THRESHOLDS, isEmptyInput, toInput, toValues, validateSettings, type SettingsValues } from './settingsForm';

/** The spending limit and its notices (`billingSettings`; owners and admins only). */
export function SpendingLimitSection({ organizationId, currency }: { organizationId: string; currency: string }) {
  const [result, refetch] = useQuery({ query: OrganizationBillingSettingsQueryDocument, variables: { id: organizationId } });
  const settings = result.data?.organization?.billingSettings;
  return (
    <section aria-labelledby="spending-heading">
      <Stack gap="sm">
        <Title order={2} size="h4" id="spending-heading">
          Spending limit
        </Title>
        <Text size="sm" c="dimmed">
          Usage beyond what the plan includes is billed at the end of the period. A limit caps it; notices go out as it fills.
        </Text>
        <QueryView result={result} retry={() => refetch({ requestPolicy: 'network-only' })} errorTitle="Could not load the spending limit">
          {() => (settings ? <SpendingLimitForm key={JSON.stringify(settings)} organizationId={organizationId} settings={settings} currency={currency} /> : null)}
        </QueryView>
      </Stack>
    </section>
  );
}

function SpendingLimitForm({ organizationId, settings, currency }: { organizationId: string; settings: BillingSettings; currency: string }) {
  const [, update] = useMutation(UpdateBillingSettingsMutation);
  const form = useForm<SettingsValues>({ initialValues: toValues(settings), validate: validateSettings });
  // The server names the input's fields; the form calls two of them otherwise.
  const { general, setGeneral, submit, submitting } = useFormSubmit(form, ALIASES);
  const onSubmit = form.onSubmit(async (values) => {
    const input = toInput(values, settings);
    if (isEmptyInput(input)) {
      setGeneral([]);
      notifySaved('Nothing to save');
      return;
    }
    const data = await submit(() => update({ organizationId, input }));
    if (data) notifySaved('Spending limit saved');
  });
  const values = form.getValues();
  return (
    <Paper withBorder p="md" maw={640}>
      <form onSubmit={onSubmit} noValidate aria-label="Spending limit">
        <Stack>
          <FormAlert messages={general} />
          <Switch label="Limit what usage beyond the plan may cost each month" {...form.getInputProps('enableSpendingLimit', { type: 'checkbox' })} />
          <TextInput
            label={`Monthly limit (${currency.toUpperCase()})`}
            description="An amount like 50 or 49.99"
            inputMode="decimal"
            disabled={!values.enableSpendingLimit}
            {...form.getInputProps('limit')}
          />
          <Checkbox
            label="Hard stop: refuse paid usage once the limit is reached (otherwise it is only notified)"
            disabled={!values.enableSpendingLimit}
            {...form.getInputProps('hardStopOnLimit', { type: 'checkbox' })}
          />
          <Fieldset legend="Send a notice when usage reaches" variant="unstyled">
            <Group gap="lg">
              {THRESHOLDS.map(({ key, percent }) => (
                <Checkbox key={key} label={`${percent}%`} {...form.getInputProps(key, { type: 'checkbox' })} />
              ))}
            </Group>
          </Fieldset>
          <Textarea
            label="Notify these addresses"
            description={`One per line, at most ${MAX_EMAILS}. Empty: the organization's owners and admins.`}
            autosize
            minRows={2}
            {...form.getInputProps('emails')}
          />
          <Group>
            <Button type="submit" loading={submitting}>
              Save spending limit
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

const ALIASES = { monthlySpendingLimitCents: 'limit', notificationEmails: 'emails' };
