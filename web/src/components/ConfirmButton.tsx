import { Button, Group, Modal, Stack, Text, type ButtonProps } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useState, type ReactNode } from 'react';

/** A button that asks before doing something that cannot be undone. */
export function ConfirmButton({
  children,
  title,
  message,
  confirmLabel = 'Delete',
  onConfirm,
  ...props
}: ButtonProps & { children: ReactNode; title: string; message: ReactNode; confirmLabel?: string; onConfirm: () => Promise<unknown> | void; 'aria-label'?: string }) {
  const [opened, { open, close }] = useDisclosure(false);
  const [busy, setBusy] = useState(false);
  return (
    <>
      <Button color="red" variant="subtle" size="xs" {...props} onClick={open}>
        {children}
      </Button>
      <Modal closeButtonProps={{ 'aria-label': 'Close' }} opened={opened} onClose={close} title={title} centered>
        <Stack>
          <Text size="sm">{message}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button
              color="red"
              loading={busy}
              onClick={async () => {
                setBusy(true);
                try {
                  await onConfirm();
                } finally {
                  setBusy(false);
                  close();
                }
              }}
            >
              {confirmLabel}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
