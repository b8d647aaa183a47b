import { Anchor, Badge, Button, Fieldset, Group, NumberInput, PasswordInput, Select, Stack, Switch, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import type { FormErrors, UseFormReturnType } from '@mantine/form';
import { Link, useNavigate, useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { Page } from '../../components/Page';
import { FormAlert, NotFound, pending } from '../../components/States';
import { graphql } from '../../gql';
import { useFormSubmit } from '../../lib/form';
import { useProject } from '../../lib/project';
import * as v from '../../lib/validate';
import { SIGNATURE_MODES, signatureErrors, signatureInput, signatureValues } from './signature';
import type { SignatureValues, StoredSignature } from './signature';

/** First path segments Vigil keeps for itself (server/src/callback/mod.rs RESERVED). */
export const RESERVED_PATHS = [
  '_', 'admin', 'api', 'app', 'assets', 'callbacks', 'docs', 'favicon.ico', 'graphql', 'healthz', 'index.html',
  'invitations', 'jobs', 'login', 'logout', 'metrics', 'monitors', 'organizations', 'ping', 'projects', 'readyz',
  'reset-password', 'robots.txt', 'runs', 'settings', 'sign-in', 'sign-up', 'signin', 'signup', 'static', 'status',
  't', 'tests', 'verify-email', 'webhooks', 'ws',
];

const EditCallbackQuery = graphql(`
  query EditCallback($id: ID!) {
    callback(id: $id) {
      id
      name
      callbackUrl
      activeStatus
      customPath
      timeoutDuration
      cachePeriod
      signature {
        mode
        secretConfigured
        header
        encoding
        prefix
      }
    }
  }
`);

const CreateCallbackMutation = graphql(`
  mutation CreateCallback($input: CreateCallbackInput!) {
    createCallback(input: $input) {
      id
    }
  }
`);

const UpdateCallbackMutation = graphql(`
  mutation UpdateCallback($id: ID!, $input: UpdateCallbackInput!) {
    updateCallback(id: $id, input: $input) {
      id
      name
      callbackUrl
      activeStatus
      customPath
      customUrl
      timeoutDuration
      cachePeriod
      signature {
        mode
        secretConfigured
      }
    }
  }
`);

interface Values extends SignatureValues {
  [key: string]: unknown;
  name: string;
  callbackUrl: string;
  customPath: string;
  timeoutDuration: number;
  cachePeriod: number;
  activeStatus: boolean;
}

export default function CallbackEditor() {
  const { callbackId } = useParams();
  const [existing, refetch] = useQuery({ query: EditCallbackQuery, variables: { id: callbackId ?? '' }, pause: !callbackId });
  if (!callbackId) return <CallbackForm />;
  const waiting = pending(existing, () => refetch({ requestPolicy: 'network-only' }));
  if (waiting) return waiting;
  const c = existing.data?.callback;
  if (!c) return <NotFound what="callback" />;
  return (
    <CallbackForm
      id={c.id}
      stored={c.signature}
      initial={{
        name: c.name,
        callbackUrl: c.callbackUrl,
        customPath: c.customPath ? `/${c.customPath}` : '',
        timeoutDuration: c.timeoutDuration,
        cachePeriod: c.cachePeriod,
        activeStatus: c.activeStatus,
        ...signatureValues(c.signature),
      }}
    />
  );
}

function CallbackForm({ id, initial, stored }: { id?: string; initial?: Values; stored?: StoredSignature | null }) {
  const project = useProject();
  const navigate = useNavigate();
  const [, create] = useMutation(CreateCallbackMutation);
  const [, update] = useMutation(UpdateCallbackMutation);
  const form = useForm<Values>({
    initialValues: initial ?? { name: '', callbackUrl: '', customPath: '', timeoutDuration: 30000, cachePeriod: 0, activeStatus: true, ...signatureValues(null) },
    validate: (values) => ({
      ...signatureErrors(values, !!stored?.secretConfigured),
      ...v.collect({
        name: v.name(values.name),
        callbackUrl: v.httpUrl(values.callbackUrl, 'Callback URL'),
        customPath: v.customPath(values.customPath, RESERVED_PATHS),
        timeoutDuration: v.intInRange(values.timeoutDuration, 100, 3_600_000, 'Timeout'),
        cachePeriod: v.intInRange(values.cachePeriod, 0, 31_536_000, 'Cache period'),
      }),
    }),
  });
  const { general, submit, submitting } = useFormSubmit(form);
  const onSubmit = form.onSubmit(async (vals) => {
    const common = {
      name: vals.name.trim(),
      callbackUrl: vals.callbackUrl.trim(),
      activeStatus: vals.activeStatus,
      timeoutDuration: Number(vals.timeoutDuration),
      cachePeriod: Number(vals.cachePeriod),
      signature: signatureInput(vals, !!stored),
    };
    if (id) {
      const data = await submit(() => update({ id, input: { ...common, customPath: vals.customPath.trim() } }));
      if (data) navigate(`/projects/${project.id}/callbacks/${id}`);
    } else {
      const data = await submit(() => create({ input: { projectId: project.id, ...common, signature: common.signature ?? undefined, customPath: vals.customPath.trim() || undefined } }));
      if (data) navigate(`/projects/${project.id}/callbacks/${data.createCallback.id}`);
    }
  });
  const back = id ? `/projects/${project.id}/callbacks/${id}` : `/projects/${project.id}/callbacks`;
  return (
    <Page title={id ? `Edit ${initial?.name}` : 'New callback'} description={<Anchor component={Link} to={back}>Back</Anchor>}>
      <form onSubmit={onSubmit} noValidate aria-label={id ? 'Edit callback' : 'New callback'}>
        <Stack maw={640}>
          <FormAlert messages={general} />
          <TextInput label="Name" required {...form.getInputProps('name')} />
          <TextInput label="Callback URL" description="Where each trigger is forwarded; its answer goes back to the caller" placeholder="https://example.com/webhook" required {...form.getInputProps('callbackUrl')} />
          <TextInput label="Custom path" description="Optional: also trigger at {your Vigil URL}/this/path" placeholder="/hooks/github" {...form.getInputProps('customPath')} />
          <Group grow align="flex-start">
            <NumberInput label="Timeout (ms)" min={100} step={1000} {...form.getInputProps('timeoutDuration')} />
            <NumberInput label="Cache answers for (seconds)" description="0: never" min={0} {...form.getInputProps('cachePeriod')} />
          </Group>
          <Switch label="Active" {...form.getInputProps('activeStatus', { type: 'checkbox' })} />
          <SignatureSection form={form} configured={!!stored?.secretConfigured} />
          <Group>
            <Button type="submit" loading={submitting}>
              {id ? 'Save' : 'Create callback'}
            </Button>
            <Button variant="default" component={Link} to={back}>
              Cancel
            </Button>
          </Group>
        </Stack>
      </form>
    </Page>
  );
}

type CallbackFormApi = UseFormReturnType<Values, Values, (values: Values) => FormErrors>;

/** "Require a signature": the mode, the secret (never shown back), and HMAC's header settings. */
function SignatureSection({ form, configured }: { form: CallbackFormApi; configured: boolean }) {
  const mode = form.values.signatureMode;
  const hint = SIGNATURE_MODES.find((m) => m.value === mode)?.hint;
  return (
    <Fieldset legend="Require a signature">
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          Triggers without a valid signature are answered 401, logged as rejected, and run no action.
        </Text>
        <Select
          label="Signature"
          data={SIGNATURE_MODES.map((m) => ({ value: m.value, label: m.label }))}
          description={hint}
          allowDeselect={false}
          {...form.getInputProps('signatureMode')}
        />
        {mode !== 'NONE' && (
          <PasswordInput
            label={
              <Group gap={6} component="span">
                Signing secret {configured && <Badge size="xs" color="green">configured</Badge>}
              </Group>
            }
            description={configured ? 'Stored and never shown; leave empty to keep it' : 'As the sender shows it'}
            autoComplete="off"
            required={!configured}
            {...form.getInputProps('signatureSecret')}
          />
        )}
        {mode === 'HMAC' && (
          <Group grow align="flex-start">
            <TextInput label="Header" placeholder="X-Signature" required {...form.getInputProps('signatureHeader')} />
            <Select
              label="Encoding"
              data={[
                { value: 'HEX', label: 'Hex' },
                { value: 'BASE64', label: 'Base64' },
              ]}
              allowDeselect={false}
              {...form.getInputProps('signatureEncoding')}
            />
            <TextInput label="Prefix" placeholder="sha256=" description="Optional" {...form.getInputProps('signaturePrefix')} />
          </Group>
        )}
      </Stack>
    </Fieldset>
  );
}
