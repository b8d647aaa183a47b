import { Alert, Badge, Button, Code, Group, List, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useMutation } from 'urql';
import { CopyField } from '../../components/CopyField';
import { ConfirmButton } from '../../components/ConfirmButton';
import { FormAlert } from '../../components/States';
import { apiErrors, describe } from '../../lib/errors';
import { useFormSubmit } from '../../lib/form';
import { act, notifySaved } from '../../lib/notify';
import { useStatusPage } from './context';
import { SetCustomDomainMutation, VerifyCustomDomainMutation } from './operations';
import { domainError } from './settingsForm';

/** The custom domain: set or remove it, the TXT record to create, and a Verify button. */
export function CustomDomain() {
  const { page, editor, replace } = useStatusPage();
  const [, setDomain] = useMutation(SetCustomDomainMutation);
  const [verifying, verify] = useMutation(VerifyCustomDomainMutation);
  const [outcome, setOutcome] = useState<{ ok: boolean; message: string } | null>(null);
  const form = useForm({ initialValues: { domain: page.customDomain ?? '' }, validate: { domain: domainError } });
  const { general, submit, submitting } = useFormSubmit(form);
  const vigilHost = new URL(page.url).host;

  const onSubmit = form.onSubmit(async (values) => {
    setOutcome(null);
    const data = await submit(() => setDomain({ id: page.id, domain: values.domain.trim().toLowerCase() }));
    if (!data) return;
    replace(data.setStatusPageCustomDomain);
    form.setValues({ domain: data.setStatusPageCustomDomain.customDomain ?? '' });
    notifySaved('Custom domain saved: create the TXT record, then verify');
  });

  const runVerify = async () => {
    setOutcome(null);
    const result = await verify({ id: page.id });
    if (result.error || !result.data) {
      setOutcome({ ok: false, message: apiErrors(result.error).map(describe).join(' ') || 'The record was not found.' });
      return;
    }
    replace(result.data.verifyStatusPageCustomDomain);
    setOutcome({ ok: true, message: `Verified: ${result.data.verifyStatusPageCustomDomain.customDomain} serves this page once it points at Vigil.` });
  };

  const verification = page.customDomainVerification;
  return (
    <Paper withBorder p="md">
      <Stack>
        <Group justify="space-between">
          <Title order={2} size="h4">
            Custom domain
          </Title>
          {page.customDomain && (
            <Badge color={page.customDomainVerified ? 'teal' : 'yellow'} variant="light" data-testid="domain-state">
              {page.customDomainVerified ? 'Verified' : 'Not verified'}
            </Badge>
          )}
        </Group>
        <Text size="sm" c="dimmed">
          Serve the page at a host name of yours, such as status.example.com. Only a published page with a verified domain is served there.
        </Text>
        {editor && (
          <form onSubmit={onSubmit} noValidate aria-label="Custom domain">
            <Stack gap="xs">
              <FormAlert messages={general} />
              <Group align="flex-start" gap="xs">
                <TextInput label="Domain" placeholder="status.example.com" style={{ flex: 1, minWidth: 220 }} {...form.getInputProps('domain')} />
                <Button type="submit" mt={24} loading={submitting}>
                  Save domain
                </Button>
                {page.customDomain && (
                  <ConfirmButton
                    mt={24}
                    size="sm"
                    title="Remove the custom domain?"
                    message={`The page is no longer served at ${page.customDomain}. Setting it again needs a new verification.`}
                    confirmLabel="Remove"
                    onConfirm={async () => {
                      const ok = await act(async () => {
                        const result = await setDomain({ id: page.id, domain: null });
                        if (result.data) replace(result.data.setStatusPageCustomDomain);
                        return result;
                      }, 'Custom domain removed');
                      if (ok) {
                        form.setValues({ domain: '' });
                        setOutcome(null);
                      }
                    }}
                  >
                    Remove domain
                  </ConfirmButton>
                )}
              </Group>
            </Stack>
          </form>
        )}
        {page.customDomain && verification && (
          <Stack gap="xs" data-testid="domain-verification">
            <List type="ordered" size="sm" spacing="xs">
              <List.Item>Create this TXT record at your DNS provider:</List.Item>
            </List>
            <CopyField label="Record name" value={verification.recordName} />
            <CopyField label="Record value" value={verification.recordValue} />
            <Code block>{`${verification.recordName}.  300  IN  TXT  "${verification.recordValue}"`}</Code>
            <List type="ordered" size="sm" spacing="xs" start={2}>
              <List.Item>
                Point <span className="mono">{page.customDomain}</span> at Vigil: a CNAME to <span className="mono">{vigilHost}</span>, or its addresses.
              </List.Item>
              <List.Item>Verify. DNS changes can take a few minutes to show; try again if the record is not found yet.</List.Item>
            </List>
            {editor && (
              <Group>
                <Button variant="light" onClick={() => void runVerify()} loading={verifying.fetching}>
                  Verify
                </Button>
              </Group>
            )}
            {outcome && (
              <Alert color={outcome.ok ? 'teal' : 'red'} variant="light" role={outcome.ok ? 'status' : 'alert'} title={outcome.ok ? 'Domain verified' : 'Not verified yet'} data-testid="verify-outcome">
                {outcome.message}
              </Alert>
            )}
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}
