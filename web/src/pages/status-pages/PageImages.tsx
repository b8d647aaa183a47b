import { Button, FileInput, Group, Image, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useMutation } from 'urql';
import type { StatusPageImageKind } from '../../gql/graphql';
import { apiErrors, describe } from '../../lib/errors';
import { notifySaved } from '../../lib/notify';
import { useStatusPage } from './context';
import { ACCEPTED_TYPES, IMAGE_KINDS, checkImage, readImage } from './images';
import { SetStatusPageImageMutation } from './operations';

/** Images uploaded or removed in this visit, by kind: a data URL, or null once removed. */
export type LocalImages = Partial<Record<StatusPageImageKind, string | null>>;

/** The page's images: upload (read here, sent as base64), replace, remove. */
export function PageImages({ local, onChange }: { local: LocalImages; onChange: (kind: StatusPageImageKind, dataUrl: string | null) => void }) {
  return (
    <Paper withBorder p="md">
      <Stack>
        <div>
          <Title order={2} size="h4">
            Images
          </Title>
          <Text size="sm" c="dimmed">
            PNG, JPEG, WebP or ICO, at most 700 KiB. SVG is not accepted.
          </Text>
        </div>
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          {IMAGE_KINDS.map((k) => (
            <ImageSlot key={k.kind} kind={k.kind} label={k.label} description={k.description} field={k.field} local={local[k.kind]} onChange={onChange} />
          ))}
        </SimpleGrid>
      </Stack>
    </Paper>
  );
}

function ImageSlot({
  kind,
  label,
  description,
  field,
  local,
  onChange,
}: {
  kind: StatusPageImageKind;
  label: string;
  description: string;
  field: string;
  local: string | null | undefined;
  onChange: (kind: StatusPageImageKind, dataUrl: string | null) => void;
}) {
  const { page, editor, replace } = useStatusPage();
  const [, setImage] = useMutation(SetStatusPageImageMutation);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const stored = (page as unknown as Record<string, string | null>)[field];
  // The public serves images of published pages only: a draft's stored image cannot be shown.
  const src = local !== undefined ? local : stored && page.published ? `${stored}?v=${encodeURIComponent(page.updatedAt)}` : null;
  const hasImage = local !== undefined ? local !== null : Boolean(stored);

  const upload = async (file: File | null) => {
    if (!file) return;
    setError(null);
    const refused = checkImage(file);
    if (refused) {
      setError(refused);
      return;
    }
    setBusy(true);
    try {
      const image = await readImage(file);
      const result = await setImage({ id: page.id, kind, contentType: image.contentType, dataBase64: image.dataBase64 });
      if (result.error || !result.data) {
        setError(apiErrors(result.error).map(describe).join(' ') || 'The image was not accepted.');
        return;
      }
      replace(result.data.setStatusPageImage);
      onChange(kind, image.dataUrl);
      notifySaved(`${label} saved`);
    } finally {
      setBusy(false);
    }
  };

  const remove = async () => {
    setError(null);
    setBusy(true);
    try {
      const result = await setImage({ id: page.id, kind, contentType: null, dataBase64: null });
      if (result.error || !result.data) {
        setError(apiErrors(result.error).map(describe).join(' ') || 'The image was not removed.');
        return;
      }
      replace(result.data.setStatusPageImage);
      onChange(kind, null);
      notifySaved(`${label} removed`);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Stack gap={6} data-testid={`image-${kind}`}>
      <Group gap="sm" wrap="nowrap" align="flex-start">
        <div style={{ width: 56, height: 56, flex: 'none', border: '1px solid var(--mantine-color-default-border)', borderRadius: 6, display: 'grid', placeItems: 'center', overflow: 'hidden' }}>
          {src ? (
            <Image src={src} alt={`Current ${label.toLowerCase()}`} fit="contain" w={54} h={54} />
          ) : (
            <Text size="xs" c="dimmed" ta="center">
              {hasImage ? 'Set' : 'None'}
            </Text>
          )}
        </div>
        <Stack gap={2} style={{ minWidth: 0 }}>
          <Text size="sm" fw={500}>
            {label}
          </Text>
          <Text size="xs" c="dimmed">
            {description}
            {hasImage && !src ? ' Set; shown here once the page is published.' : ''}
          </Text>
        </Stack>
      </Group>
      {editor && (
        <Group gap="xs" align="flex-start" wrap="nowrap">
          <FileInput
            label={`Upload ${label.toLowerCase()}`}
            placeholder={hasImage ? 'Choose a file to replace it' : 'Choose a file'}
            accept={ACCEPTED_TYPES.join(',')}
            value={null}
            onChange={(file) => void upload(file)}
            error={error}
            disabled={busy}
            // Rendered as text in a button (not an input's placeholder): it needs text contrast.
            styles={{ placeholder: { color: 'var(--mantine-color-dimmed)' } }}
            style={{ flex: 1 }}
          />
          {hasImage && (
            <Button variant="subtle" color="red" mt={24} onClick={() => void remove()} loading={busy} aria-label={`Remove ${label.toLowerCase()}`}>
              Remove
            </Button>
          )}
        </Group>
      )}
    </Stack>
  );
}
