import { Alert, Stack, Text } from '@mantine/core';
import { CopyField } from './CopyField';

/**
 * A signing secret Vigil generated, shown this once (the API never returns it again): for a
 * webhook provider or an HTTP POST action saved without one.
 */
export function SecretShownOnce({ name, secret, onClose }: { name: string; secret: string; onClose: () => void }) {
  return (
    <Alert color="teal" title={`Signing secret of “${name}”`} withCloseButton closeButtonLabel="Dismiss" onClose={onClose} data-testid="generated-secret">
      <Stack gap="xs">
        <Text size="sm">
          Vigil generated this secret: its requests carry Standard Webhooks signatures made with it. Copy it now into the receiver: it is shown only this once.
        </Text>
        <CopyField label="Signing secret" value={secret} />
      </Stack>
    </Alert>
  );
}
