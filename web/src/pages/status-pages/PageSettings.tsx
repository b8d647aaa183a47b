import { Box, Button, ColorInput, Fieldset, Grid, Group, Paper, Select, SimpleGrid, Stack, Switch, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useForm, type UseFormReturnType } from '@mantine/form';
import { useMemo, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { useMutation } from 'urql';
import { ConfirmButton } from '../../components/ConfirmButton';
import { FormAlert } from '../../components/States';
import type { StatusPageImageKind, StatusPageTheme } from '../../gql/graphql';
import { useFormSubmit } from '../../lib/form';
import { act, notifySaved } from '../../lib/notify';
import { useProject } from '../../lib/project';
import { BrandingPreview } from './BrandingPreview';
import { useStatusPage } from './context';
import { CustomDomain } from './CustomDomain';
import { DeleteStatusPageMutation, UpdateStatusPageMutation } from './operations';
import { PageImages, type LocalImages } from './PageImages';
import { palette } from './preview';
import { COLOR_FIELDS, MAX_DESCRIPTION, MAX_FOOTER, settingsInput, settingsToValues, timezones, validateSettings, type SettingsValues } from './settingsForm';

const THEMES: { value: StatusPageTheme; label: string }[] = [
  { value: 'AUTO', label: 'Follow the visitor’s system' },
  { value: 'LIGHT', label: 'Light' },
  { value: 'DARK', label: 'Dark' },
];

/** Every setting of a page beside a live preview of its branding; images, domain, deletion. */
export default function PageSettings() {
  const { page } = useStatusPage();
  const [images, setImages] = useState<LocalImages>({});
  const form = useForm<SettingsValues>({ initialValues: settingsToValues(page), validate: validateSettings });
  const values = form.getValues();
  const imageOf = (kind: StatusPageImageKind, stored: string | null) => {
    const local = images[kind];
    if (local !== undefined) return local;
    return stored && page.published ? `${stored}?v=${encodeURIComponent(page.updatedAt)}` : null;
  };
  return (
    <Stack gap="lg">
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <SettingsForm form={form} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Box style={{ position: 'sticky', top: 72 }}>
            <BrandingPreview
              content={values}
              logo={imageOf('LOGO', page.logoUrl)}
              hero={imageOf('HERO', page.heroCoverUrl)}
              components={page.components.filter((c) => !c.onlyShowIfDegraded || c.status !== 'OPERATIONAL')}
            />
          </Box>
        </Grid.Col>
      </Grid>
      <PageImages local={images} onChange={(kind, dataUrl) => setImages((current) => ({ ...current, [kind]: dataUrl }))} />
      <CustomDomain />
      <DangerZone />
    </Stack>
  );
}

function SettingsForm({ form }: { form: UseFormReturnType<SettingsValues> }) {
  const { page, editor, replace } = useStatusPage();
  const [, update] = useMutation(UpdateStatusPageMutation);
  const { general, submit, submitting } = useFormSubmit(form);
  // What the server last confirmed: only fields that differ from it are sent.
  const baseline = useRef(settingsToValues(page));
  const zones = useMemo(() => timezones().map((z) => ({ value: z, label: z })), []);
  const defaults = palette({ ...form.getValues(), ...Object.fromEntries(COLOR_FIELDS.map((c) => [c.key, ''])) }, false);
  const defaultOf: Record<string, string> = {
    cssBodyBackgroundColor: defaults.bg,
    cssFontColor: defaults.fg,
    cssLightFontColor: defaults.fg2,
    cssLinkColor: defaults.link,
    cssBorderColor: defaults.border,
    cssGreens: defaults.green,
    cssYellows: defaults.yellow,
    cssOranges: defaults.orange,
    cssReds: defaults.red,
    cssBlues: defaults.blue,
    cssGraphColor: defaults.graph,
    cssNoData: defaults.nodata,
  };

  const onSubmit = form.onSubmit(async (values) => {
    const input = settingsInput(baseline.current, values);
    if (!input) {
      notifySaved('Nothing to save: no setting changed');
      return;
    }
    const data = await submit(() => update({ id: page.id, input }));
    if (!data) return;
    const saved = settingsToValues(data.updateStatusPage);
    baseline.current = saved;
    form.setValues(saved);
    form.resetDirty(saved);
    replace(data.updateStatusPage);
    notifySaved('Settings saved');
  });

  return (
    <form onSubmit={onSubmit} noValidate aria-label="Status page settings">
      <Stack>
        <FormAlert messages={general} />
        <Fieldset legend="Page" disabled={!editor}>
          <Stack>
            <TextInput label="Name" required {...form.getInputProps('name')} />
            <TextInput label="Subdomain" description="The page is served at /status/ followed by this." required {...form.getInputProps('subdomain')} />
            <TextInput label="Headline" description="One line under the page's name." {...form.getInputProps('headline')} />
            <Textarea label="Description" description={`Shown under the headline, as plain text (at most ${MAX_DESCRIPTION.toLocaleString('en')} characters).`} autosize minRows={2} maxRows={8} {...form.getInputProps('description')} />
            <TextInput label="Support URL" description="Where visitors get help (http or https)." placeholder="https://example.com/support" {...form.getInputProps('supportUrl')} />
            <Select label="Time zone" description="Times on the page are shown in it; UTC when empty." placeholder="UTC" searchable clearable limit={50} data={zones} {...form.getInputProps('timezone')} value={form.getValues().timezone || null} onChange={(z) => form.setFieldValue('timezone', z ?? '')} />
          </Stack>
        </Fieldset>
        <Fieldset legend="Branding" disabled={!editor}>
          <Stack>
            <Select label="Theme" allowDeselect={false} data={THEMES} {...form.getInputProps('theme')} onChange={(t) => t && form.setFieldValue('theme', t as StatusPageTheme)} />
            <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
              {COLOR_FIELDS.map((c) => (
                <ColorInput key={c.key} label={c.label} format="hex" withEyeDropper={false} placeholder={`Default ${defaultOf[c.key]}`} {...form.getInputProps(c.key)} />
              ))}
            </SimpleGrid>
            <Text size="xs" c="dimmed">
              Colours are #rrggbb; leave one empty for the page's default.
            </Text>
          </Stack>
        </Fieldset>
        <Fieldset legend="Visibility and subscribers" disabled={!editor}>
          <Stack gap="sm">
            <Switch label="Hide from search engines" description="Asks search engines not to index the page." {...form.getInputProps('hiddenFromSearch', { type: 'checkbox' })} />
            <Switch label="Visitors may subscribe to the whole page" {...form.getInputProps('allowPageSubscribers', { type: 'checkbox' })} />
            <Switch label="Visitors may subscribe to one incident" {...form.getInputProps('allowIncidentSubscribers', { type: 'checkbox' })} />
            <Group gap="lg">
              <Switch label="Email subscribers" {...form.getInputProps('allowEmailSubscribers', { type: 'checkbox' })} />
              <Switch label="SMS subscribers" {...form.getInputProps('allowSmsSubscribers', { type: 'checkbox' })} />
              <Switch label="Webhook subscribers" {...form.getInputProps('allowWebhookSubscribers', { type: 'checkbox' })} />
            </Group>
          </Stack>
        </Fieldset>
        <Fieldset legend="Subscriber notifications" disabled={!editor}>
          <Stack>
            <TextInput label="Sender address" description="The From of subscriber emails; the server's sender when empty." placeholder="status@example.com" {...form.getInputProps('notificationsFromEmail')} />
            <Textarea label="Email footer" description={`At the end of every subscriber email (at most ${MAX_FOOTER.toLocaleString('en')} characters).`} autosize minRows={2} maxRows={6} {...form.getInputProps('notificationsEmailFooter')} />
          </Stack>
        </Fieldset>
        {editor && (
          <Group>
            <Button type="submit" loading={submitting}>
              Save settings
            </Button>
            <Button variant="default" onClick={() => form.setValues(baseline.current)} disabled={!form.isDirty()}>
              Discard changes
            </Button>
          </Group>
        )}
      </Stack>
    </form>
  );
}

function DangerZone() {
  const { page, editor } = useStatusPage();
  const project = useProject();
  const navigate = useNavigate();
  const [, remove] = useMutation(DeleteStatusPageMutation);
  if (!editor) return null;
  return (
    <Paper withBorder p="md">
      <Stack align="flex-start" gap="xs">
        <Title order={2} size="h4">
          Delete the page
        </Title>
        <Text size="sm" c="dimmed">
          Deletes the page with its components, incidents, subscribers and images. This cannot be undone.
        </Text>
        <ConfirmButton
          variant="light"
          title={`Delete ${page.name}?`}
          message={`The page, its components, incidents, subscribers and images are deleted for good, and ${page.url} stops answering.`}
          confirmLabel="Delete page"
          onConfirm={async () => {
            if (await act(() => remove({ id: page.id }), 'Status page deleted')) navigate(`/projects/${project.id}/status-pages`);
          }}
        >
          Delete status page
        </ConfirmButton>
      </Stack>
    </Paper>
  );
}
