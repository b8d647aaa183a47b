import { Anchor, Button, Group, NumberInput, Stack, Switch, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { Link, useNavigate, useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { Page } from '../../components/Page';
import { FormAlert, NotFound, pending } from '../../components/States';
import { graphql } from '../../gql';
import { useFormSubmit } from '../../lib/form';
import { useProject } from '../../lib/project';
import * as v from '../../lib/validate';

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
    }
  }
`);

interface Values {
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
      initial={{ name: c.name, callbackUrl: c.callbackUrl, customPath: c.customPath ?? '', timeoutDuration: c.timeoutDuration, cachePeriod: c.cachePeriod, activeStatus: c.activeStatus }}
    />
  );
}

function CallbackForm({ id, initial }: { id?: string; initial?: Values }) {
  const project = useProject();
  const navigate = useNavigate();
  const [, create] = useMutation(CreateCallbackMutation);
  const [, update] = useMutation(UpdateCallbackMutation);
  const form = useForm<Values>({
    initialValues: initial ?? { name: '', callbackUrl: '', customPath: '', timeoutDuration: 30000, cachePeriod: 0, activeStatus: true },
    validate: {
      name: (value) => v.name(value),
      callbackUrl: (value) => v.httpUrl(value, 'Callback URL'),
      customPath: (value) => v.customPath(value, RESERVED_PATHS),
      timeoutDuration: (value) => v.intInRange(value, 100, 3_600_000, 'Timeout'),
      cachePeriod: (value) => v.intInRange(value, 0, 31_536_000, 'Cache period'),
    },
  });
  const { general, submit, submitting } = useFormSubmit(form);
  const onSubmit = form.onSubmit(async (vals) => {
    const common = {
      name: vals.name.trim(),
      callbackUrl: vals.callbackUrl.trim(),
      activeStatus: vals.activeStatus,
      timeoutDuration: Number(vals.timeoutDuration),
      cachePeriod: Number(vals.cachePeriod),
    };
    if (id) {
      const data = await submit(() => update({ id, input: { ...common, customPath: vals.customPath.trim() } }));
      if (data) navigate(`/projects/${project.id}/callbacks/${id}`);
    } else {
      const data = await submit(() => create({ input: { projectId: project.id, ...common, customPath: vals.customPath.trim() || undefined } }));
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
          <TextInput label="Custom path" description="Optional: also trigger at {your Vigil URL}/this/path" placeholder="hooks/github" {...form.getInputProps('customPath')} />
          <Group grow align="flex-start">
            <NumberInput label="Timeout (ms)" min={100} step={1000} {...form.getInputProps('timeoutDuration')} />
            <NumberInput label="Cache answers for (seconds)" description="0: never" min={0} {...form.getInputProps('cachePeriod')} />
          </Group>
          <Switch label="Active" {...form.getInputProps('activeStatus', { type: 'checkbox' })} />
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
