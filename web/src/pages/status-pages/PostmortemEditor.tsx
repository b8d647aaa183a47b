import { Alert, Anchor, Badge, Box, Button, Checkbox, Grid, Group, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { FormAlert, NotFound, pending } from '../../components/States';
import type { IncidentDetailFragment, PostmortemFieldsFragment } from '../../gql/graphql';
import { apiErrors, describe } from '../../lib/errors';
import { act, notifySaved } from '../../lib/notify';
import { useStatusPage } from './context';
import { IncidentQuery, PublishPostmortemMutation, SavePostmortemMutation, UnpublishPostmortemMutation } from './incidentOperations';
import { MarkdownView } from './MarkdownView';
import { dateTimeIn, zoneOf } from './zonedTime';

export const MAX_POSTMORTEM = 50_000;

/** Where a new postmortem starts: the sections readers look for. */
const OUTLINE = '## Summary\n\n\n## Timeline\n\n- \n\n## Root cause\n\n\n## What we are changing\n\n- \n';

/** The postmortem of a resolved incident: Markdown with a safe preview, saved as a draft, then published. */
export default function PostmortemEditor() {
  const { incidentId = '' } = useParams();
  const [result, refetch] = useQuery({ query: IncidentQuery, variables: { id: incidentId } });
  const waiting = pending(result, () => refetch({ requestPolicy: 'network-only' }));
  if (waiting) return waiting;
  const incident = result.data?.incident;
  if (!incident || incident.kind !== 'INCIDENT') return <NotFound what="incident" />;
  return <Editor key={incident.id} incident={incident} />;
}

function Editor({ incident }: { incident: IncidentDetailFragment }) {
  const { page, base, editor } = useStatusPage();
  const zone = zoneOf(page.timezone);
  const [postmortem, setPostmortem] = useState(incident.postmortem);
  const [body, setBody] = useState(incident.postmortem?.body ?? OUTLINE);
  const [errors, setErrors] = useState<string[]>([]);
  const [, save] = useMutation(SavePostmortemMutation);
  const [saving, setSaving] = useState(false);
  const dirty = body !== (postmortem?.body ?? OUTLINE) || !postmortem;
  const tooLong = [...body].length > MAX_POSTMORTEM;

  const saveDraft = async (): Promise<boolean> => {
    setErrors([]);
    if (!body.trim()) {
      setErrors(['Write something first.']);
      return false;
    }
    setSaving(true);
    try {
      const result = await save({ incidentId: incident.id, body });
      if (result.error || !result.data) {
        setErrors(apiErrors(result.error).map(describe));
        return false;
      }
      setPostmortem(result.data.savePostmortem);
      return true;
    } finally {
      setSaving(false);
    }
  };

  const back = (
    <Anchor component={Link} to={`${base}/incidents/${incident.id}`} size="sm">
      Back to the incident
    </Anchor>
  );
  if (incident.status !== 'RESOLVED') {
    return (
      <Stack>
        {back}
        <Alert color="gray" title="Not yet" role="status">
          A postmortem is written once the incident is resolved.
        </Alert>
      </Stack>
    );
  }
  return (
    <Stack>
      {back}
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <Title order={2} size="h3">
            Postmortem: {incident.title}
          </Title>
          <Group gap={6}>
            <Badge variant="light" color={postmortem?.published ? 'teal' : 'gray'} data-testid="postmortem-state">
              {postmortem?.published ? 'Published' : postmortem ? 'Draft' : 'Not saved'}
            </Badge>
            {postmortem?.publishedAt && (
              <Text size="xs" c="dimmed">
                published {dateTimeIn(postmortem.publishedAt, zone)}
              </Text>
            )}
            {postmortem?.bodyLastUpdatedAt && (
              <Text size="xs" c="dimmed">
                · saved {dateTimeIn(postmortem.bodyLastUpdatedAt, zone)}
              </Text>
            )}
          </Group>
        </Stack>
      </Group>
      <FormAlert messages={errors} />
      <Grid gap="lg">
        {editor && (
          <Grid.Col span={{ base: 12, md: 6 }}>
            <Textarea
              label="Markdown"
              description={`Headings, lists, links, code, tables. At most ${MAX_POSTMORTEM.toLocaleString('en')} characters.`}
              autosize
              minRows={16}
              maxRows={40}
              value={body}
              onChange={(e) => setBody(e.currentTarget.value)}
              error={tooLong ? `At most ${MAX_POSTMORTEM.toLocaleString('en')} characters (${[...body].length.toLocaleString('en')} now)` : undefined}
              styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
            />
          </Grid.Col>
        )}
        <Grid.Col span={{ base: 12, md: editor ? 6 : 12 }}>
          <Text size="sm" fw={500} id="postmortem-preview-label">
            Preview
          </Text>
          <Text size="xs" c="dimmed" mb={4}>
            As the public page shows it; HTML in the text is shown as text here and sanitized there.
          </Text>
          <Paper withBorder p="md" component="section" aria-labelledby="postmortem-preview-label" data-testid="postmortem-preview">
            <Box style={{ overflowWrap: 'anywhere' }}>
              <MarkdownView text={body} />
            </Box>
          </Paper>
        </Grid.Col>
      </Grid>
      {editor && <PublishBar incidentId={incident.id} postmortem={postmortem} onChange={setPostmortem} dirty={dirty} tooLong={tooLong} saving={saving} saveDraft={saveDraft} />}
    </Stack>
  );
}

/** Save, publish (telling subscribers once, when asked) and unpublish. */
function PublishBar({
  incidentId,
  postmortem,
  onChange,
  dirty,
  tooLong,
  saving,
  saveDraft,
}: {
  incidentId: string;
  postmortem: PostmortemFieldsFragment | null;
  onChange: (postmortem: PostmortemFieldsFragment) => void;
  dirty: boolean;
  tooLong: boolean;
  saving: boolean;
  saveDraft: () => Promise<boolean>;
}) {
  const [notify, setNotify] = useState(false);
  const [publishing, publish] = useMutation(PublishPostmortemMutation);
  const [, unpublish] = useMutation(UnpublishPostmortemMutation);
  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Group>
          <Button
            variant="default"
            loading={saving}
            disabled={tooLong || (!dirty && Boolean(postmortem))}
            onClick={async () => {
              if (await saveDraft()) notifySaved(postmortem?.published ? 'Saved: the public page shows the new text' : 'Draft saved');
            }}
          >
            {postmortem?.published ? 'Save changes' : 'Save draft'}
          </Button>
          {postmortem?.published ? (
            <Button
              variant="light"
              color="gray"
              onClick={async () => {
                await act(async () => {
                  const result = await unpublish({ incidentId });
                  if (result.data) onChange(result.data.unpublishPostmortem);
                  return result;
                }, 'The postmortem is a draft again');
              }}
            >
              Unpublish postmortem
            </Button>
          ) : (
            <Button
              loading={publishing.fetching}
              disabled={tooLong}
              onClick={async () => {
                if (dirty && !(await saveDraft())) return;
                await act(async () => {
                  const result = await publish({ incidentId, notifySubscribers: notify });
                  if (result.data) onChange(result.data.publishPostmortem);
                  return result;
                }, 'Postmortem published');
              }}
            >
              Publish postmortem
            </Button>
          )}
        </Group>
        {!postmortem?.published && (
          <Checkbox
            label="Notify subscribers when publishing"
            description={postmortem?.notifiedSubscribers ? 'Subscribers were already told of this postmortem: they are told once.' : 'They are told once, whatever the number of publishes.'}
            disabled={postmortem?.notifiedSubscribers}
            checked={notify && !postmortem?.notifiedSubscribers}
            onChange={(e) => setNotify(e.currentTarget.checked)}
          />
        )}
      </Stack>
    </Paper>
  );
}
