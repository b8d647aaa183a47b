import {
  ActionIcon,
  Anchor,
  Button,
  Checkbox,
  Fieldset,
  Group,
  MultiSelect,
  NumberInput,
  Radio,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  TagsInput,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useEffect } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { Page } from '../../components/Page';
import { FormAlert, NotFound, pending } from '../../components/States';
import { graphql } from '../../gql';
import type { HttpMethod, MonitorType } from '../../gql/graphql';
import { useFormSubmit } from '../../lib/form';
import {
  AGGREGATIONS,
  DNS_RECORD_TYPES,
  MESSAGE_PLACEHOLDERS,
  MAX_PARENTS,
  MONITOR_FIELD_ALIASES,
  MONITOR_TYPES,
  createMonitorInput,
  emptyMonitor,
  isPolled,
  monitorSettings,
  monitorToValues,
  parentChoices,
  validateMonitor,
  type MonitorValues,
} from './monitorForm';
import { useProject } from '../../lib/project';
import { ProvidersQuery, providerLabel } from '../settings/NotificationProviders';
import { TagsQuery } from '../settings/Tags';

const EditMonitorQuery = graphql(`
  query EditMonitor($id: ID!) {
    monitor(id: $id) {
      id
      name
      description
      type
      target
      frequencyMinutes
      enabled
      config
      downIntervalSeconds
      parentIds
      notificationProviderIds
      tags {
        id
      }
      locations
      aggregation
      alert {
        enabled
        failureThreshold
        recoveryThreshold
        alertOnFailure
        alertOnRecovery
        alertOnSslExpiration
        alertOnTimeout
        customMessage
      }
    }
  }
`);

const SyntheticTestsQuery = graphql(`
  query SyntheticTestChoices($projectId: ID!) {
    tests(projectId: $projectId, first: 200) {
      nodes {
        id
        title
        runner
      }
    }
  }
`);

const MonitorChoicesQuery = graphql(`
  query MonitorChoices($projectId: ID!) {
    monitors(projectId: $projectId, first: 200) {
      nodes {
        id
        name
      }
    }
  }
`);

const CreateMonitorMutation = graphql(`
  mutation CreateMonitor($input: CreateMonitorInput!) {
    createMonitor(input: $input) {
      id
    }
  }
`);

const UpdateMonitorMutation = graphql(`
  mutation UpdateMonitor($id: ID!, $input: UpdateMonitorInput!) {
    updateMonitor(id: $id, input: $input) {
      id
      name
      target
      status
      config
    }
  }
`);

const METHODS: HttpMethod[] = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'];

export default function MonitorEditor() {
  const { monitorId } = useParams();
  const [existing, refetch] = useQuery({ query: EditMonitorQuery, variables: { id: monitorId ?? '' }, pause: !monitorId });
  if (!monitorId) return <MonitorForm />;
  const waiting = pending(existing, () => refetch({ requestPolicy: 'network-only' }));
  if (waiting) return waiting;
  const monitor = existing.data?.monitor;
  if (!monitor) return <NotFound what="monitor" />;
  return <MonitorForm id={monitor.id} initial={monitorToValues(monitor)} />;
}

function MonitorForm({ id, initial }: { id?: string; initial?: MonitorValues }) {
  const project = useProject();
  const navigate = useNavigate();
  const [tags] = useQuery({ query: TagsQuery, variables: { projectId: project.id } });
  const [providers] = useQuery({ query: ProvidersQuery, variables: { projectId: project.id } });
  const [others] = useQuery({ query: MonitorChoicesQuery, variables: { projectId: project.id } });
  const [tests] = useQuery({ query: SyntheticTestsQuery, variables: { projectId: project.id } });
  const playwrightTests = (tests.data?.tests.nodes ?? []).filter((t) => t.runner === 'PLAYWRIGHT').map((t) => ({ value: t.id, label: t.title }));
  const parents = parentChoices(others.data?.monitors.nodes ?? [], id);
  const [, create] = useMutation(CreateMonitorMutation);
  const [, update] = useMutation(UpdateMonitorMutation);
  const form = useForm<MonitorValues>({ initialValues: initial ?? emptyMonitor(), validate: validateMonitor });
  const { general, submit, submitting } = useFormSubmit(form, MONITOR_FIELD_ALIASES);
  const values = form.getValues();
  useEffect(() => {
    document.title = `${id ? 'Edit monitor' : 'New monitor'} · Vigil`;
  }, [id]);
  const onSubmit = form.onSubmit(async (vals) => {
    if (id) {
      const data = await submit(() => update({ id, input: monitorSettings(vals) }));
      if (data) navigate(`/projects/${project.id}/monitors/${id}`);
    } else {
      const data = await submit(() => create({ input: createMonitorInput(project.id, vals) }));
      if (data) navigate(`/projects/${project.id}/monitors/${data.createMonitor.id}`);
    }
  });
  const type = values.type;
  const http = type === 'HTTP' || type === 'WEBSITE';
  return (
    <Page
      title={id ? `Edit ${initial?.name}` : 'New monitor'}
      description={
        <Anchor component={Link} to={id ? `/projects/${project.id}/monitors/${id}` : `/projects/${project.id}/monitors`}>
          Back
        </Anchor>
      }
    >
      <form onSubmit={onSubmit} noValidate aria-label={id ? 'Edit monitor' : 'New monitor'}>
        <Stack maw={720}>
          <FormAlert messages={general} />
          {!id && (
            <Radio.Group label="Type" required {...form.getInputProps('type')} onChange={(t) => form.setFieldValue('type', t as MonitorType)}>
              <SimpleGrid cols={{ base: 1, sm: 2 }} mt="xs">
                {MONITOR_TYPES.map((t) => (
                  <Radio key={t.value} value={t.value} label={t.label} description={t.description} />
                ))}
              </SimpleGrid>
            </Radio.Group>
          )}
          <TextInput label="Name" required {...form.getInputProps('name')} />
          {type === 'SYNTHETIC_TEST' && (
            <Select
              label="Test to run"
              description="A Playwright test of this project; each check runs it and is down when it fails"
              placeholder={playwrightTests.length ? 'Choose a test' : 'No Playwright tests yet'}
              required
              searchable
              data={playwrightTests}
              {...form.getInputProps('syntheticTestId')}
            />
          )}
          {type !== 'HEARTBEAT' && type !== 'SYNTHETIC_TEST' && (
            <TextInput
              label={http ? 'URL' : type === 'DNS' ? 'Domain name' : 'Host'}
              placeholder={http ? 'https://example.com/health' : 'example.com'}
              required
              {...form.getInputProps('target')}
            />
          )}
          <Textarea label="Description" autosize minRows={1} {...form.getInputProps('description')} />
          <Group grow align="flex-start">
            <NumberInput label="Check every (minutes)" min={1} max={1440} required {...form.getInputProps('frequencyMinutes')} />
            {http && <NumberInput label="Timeout (seconds)" min={1} max={60} {...form.getInputProps('http.timeoutSeconds')} />}
            {type === 'PING' && <NumberInput label="Timeout (seconds)" min={1} max={60} {...form.getInputProps('ping.timeoutSeconds')} />}
            {type === 'PORT' && <NumberInput label="Timeout (seconds)" min={1} max={60} {...form.getInputProps('port.timeoutSeconds')} />}
            {type === 'DNS' && <NumberInput label="Timeout (seconds)" min={1} max={60} {...form.getInputProps('dns.timeoutSeconds')} />}
            {type === 'HEARTBEAT' && <NumberInput label="Grace period (minutes)" min={0} {...form.getInputProps('heartbeat.gracePeriodMinutes')} />}
          </Group>
          {isPolled(type) && (
            <NumberInput
              label="Check again sooner while failing (seconds)"
              description="While checks fail, check again after this many seconds (20 to 86400); empty turns it off"
              min={0}
              max={86400}
              placeholder="Off"
              {...form.getInputProps('downIntervalSeconds')}
            />
          )}
          {type === 'DNS' && (
            <Fieldset legend="DNS">
              <Stack>
                <Group grow align="flex-start">
                  <Select label="Record type" allowDeselect={false} data={[...DNS_RECORD_TYPES]} {...form.getInputProps('dns.recordType')} />
                  <TextInput
                    label="Resolver"
                    description="Name server to ask (ip or ip:port); empty: the system's"
                    placeholder="1.1.1.1"
                    {...form.getInputProps('dns.resolver')}
                  />
                </Group>
                <Textarea
                  label="Expected values"
                  description="One a line; all must be among the answers. Empty: any answer will do."
                  autosize
                  minRows={2}
                  className="mono"
                  {...form.getInputProps('dns.expected')}
                />
              </Stack>
            </Fieldset>
          )}
          {type === 'PORT' && (
            <Group align="flex-end">
              <NumberInput label="Port" min={1} max={65535} required {...form.getInputProps('port.port')} />
              <Checkbox label="TLS handshake" {...form.getInputProps('port.tls', { type: 'checkbox' })} />
            </Group>
          )}
          {http && (
            <Fieldset legend="Request and checks">
              <Stack>
                <Group grow align="flex-start">
                  <Select label="Method" allowDeselect={false} data={METHODS} {...form.getInputProps('http.method')} />
                  <TextInput label="Expected status codes" description="Codes, ranges or classes: 200, 200-299, 2xx" {...form.getInputProps('http.expectedStatusCodes')} />
                </Group>
                <Group grow align="flex-start">
                  <TextInput label="Keyword" description="Text the body must (or must not) contain" {...form.getInputProps('http.keyword')} />
                  <Select
                    label="Keyword must be"
                    allowDeselect={false}
                    data={[
                      { value: 'PRESENT', label: 'present' },
                      { value: 'ABSENT', label: 'absent' },
                    ]}
                    {...form.getInputProps('http.keywordMode')}
                  />
                </Group>
                <Group grow align="flex-start">
                  <TextInput label="JSON path" placeholder="$.status" {...form.getInputProps('http.jsonPath')} />
                  <TextInput label="Expected value" placeholder="ok" {...form.getInputProps('http.jsonExpected')} />
                </Group>
                <Stack gap="xs">
                  <Text size="sm" fw={500}>
                    Headers
                  </Text>
                  {form.errors['http.headers'] && (
                    <Text size="xs" c="red" role="alert">
                      {form.errors['http.headers']}
                    </Text>
                  )}
                  {values.http.headers.map((_, i) => (
                    <Group key={i} align="flex-start" wrap="nowrap">
                      <TextInput aria-label={`Header ${i + 1} name`} placeholder="Name" {...form.getInputProps(`http.headers.${i}.name`)} />
                      <TextInput aria-label={`Header ${i + 1} value`} placeholder="Value" style={{ flex: 1 }} {...form.getInputProps(`http.headers.${i}.value`)} />
                      <ActionIcon variant="subtle" color="red" size="lg" aria-label={`Remove header ${i + 1}`} onClick={() => form.removeListItem('http.headers', i)}>
                        ×
                      </ActionIcon>
                    </Group>
                  ))}
                  <Group>
                    <Button size="xs" variant="light" onClick={() => form.insertListItem('http.headers', { name: '', value: '' })}>
                      Add header
                    </Button>
                  </Group>
                </Stack>
                {values.http.method !== 'GET' && values.http.method !== 'HEAD' && <Textarea label="Body" autosize minRows={2} className="mono" {...form.getInputProps('http.body')} />}
                <Group>
                  <Switch label="Follow redirects" {...form.getInputProps('http.followRedirects', { type: 'checkbox' })} />
                  <Switch label="Ignore TLS errors" {...form.getInputProps('http.ignoreTlsErrors', { type: 'checkbox' })} />
                </Group>
                {type === 'WEBSITE' && <NumberInput label="Warn when the certificate expires within (days)" min={1} max={365} {...form.getInputProps('tls.expiryDays')} />}
                {type === 'WEBSITE' && (
                  <>
                    <Switch label="Watch the domain's registration" {...form.getInputProps('domain.enabled', { type: 'checkbox' })} />
                    {values.domain.enabled && (
                      <Group grow align="flex-start">
                        <NumberInput label="Warn when the domain expires within (days)" min={1} max={365} {...form.getInputProps('domain.expiryDays')} />
                        <TextInput label="Domain to watch" description="Empty: the URL's registered domain" placeholder="example.com" {...form.getInputProps('domain.name')} />
                      </Group>
                    )}
                  </>
                )}
              </Stack>
            </Fieldset>
          )}
          {type !== 'HEARTBEAT' && (
            <Group grow align="flex-start">
              <TagsInput
                label="Locations"
                description="Workers started with --location NAME check from there; default: default"
                placeholder="Add a location"
                clearable
                {...form.getInputProps('locations')}
              />
              <Select
                label="With several locations"
                allowDeselect={false}
                data={AGGREGATIONS}
                disabled={values.locations.length < 2}
                {...form.getInputProps('aggregation')}
              />
            </Group>
          )}
          <Fieldset legend="Alerts">
            <Stack>
              <Switch label="Send alerts" {...form.getInputProps('alert.enabled', { type: 'checkbox' })} />
              <Group>
                <Checkbox label="When it goes down" disabled={!values.alert.enabled} {...form.getInputProps('alert.alertOnFailure', { type: 'checkbox' })} />
                <Checkbox label="When it recovers" disabled={!values.alert.enabled} {...form.getInputProps('alert.alertOnRecovery', { type: 'checkbox' })} />
                <Checkbox label="On timeouts" disabled={!values.alert.enabled} {...form.getInputProps('alert.alertOnTimeout', { type: 'checkbox' })} />
                {type === 'WEBSITE' && (
                  <Checkbox label="Before the certificate expires" disabled={!values.alert.enabled} {...form.getInputProps('alert.alertOnSslExpiration', { type: 'checkbox' })} />
                )}
              </Group>
              <Group grow align="flex-start">
                <NumberInput label="Failures before down" min={1} {...form.getInputProps('alert.failureThreshold')} />
                <NumberInput label="Successes before up" min={1} {...form.getInputProps('alert.recoveryThreshold')} />
              </Group>
              <MultiSelect
                label="Notify"
                placeholder={providers.data?.notificationProviders.nodes.length ? 'Choose providers' : 'No notification providers yet'}
                data={(providers.data?.notificationProviders.nodes ?? []).map((p) => ({ value: p.id, label: providerLabel(p) }))}
                {...form.getInputProps('notificationProviderIds')}
              />
              <MultiSelect
                label="Depends on"
                description="While one of these is down, this monitor's alerts are held back"
                placeholder={parents.length ? 'Choose monitors' : 'No other monitors yet'}
                data={parents}
                maxValues={MAX_PARENTS}
                searchable
                {...form.getInputProps('parentIds')}
              />
              <Textarea
                label="Custom message"
                description={`Replaces the alert's text; empty keeps the standard one. Placeholders: ${MESSAGE_PLACEHOLDERS.join(', ')}`}
                autosize
                minRows={2}
                maxLength={4000}
                {...form.getInputProps('alert.customMessage')}
              />
            </Stack>
          </Fieldset>
          <MultiSelect
            label="Tags"
            placeholder={tags.data?.tags.nodes.length ? 'Choose tags' : 'No tags yet'}
            data={(tags.data?.tags.nodes ?? []).map((t) => ({ value: t.id, label: t.name }))}
            {...form.getInputProps('tagIds')}
          />
          <Switch label="Enabled" {...form.getInputProps('enabled', { type: 'checkbox' })} />
          <Group>
            <Button type="submit" loading={submitting}>
              {id ? 'Save' : 'Create monitor'}
            </Button>
            <Button variant="default" component={Link} to={id ? `/projects/${project.id}/monitors/${id}` : `/projects/${project.id}/monitors`}>
              Cancel
            </Button>
          </Group>
        </Stack>
      </form>
    </Page>
  );
}
