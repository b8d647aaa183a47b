import { Alert, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useLiveState } from '../lib/live';

/** Says when live updates stop and when they are back. */
export function LiveBanner() {
  const { state, reconnects } = useLiveState();
  const [showBack, setShowBack] = useState(false);
  useEffect(() => {
    if (reconnects === 0) return;
    setShowBack(true);
    const t = setTimeout(() => setShowBack(false), 5000);
    return () => clearTimeout(t);
  }, [reconnects]);
  if (state === 'reconnecting') {
    return (
      <Alert color="orange" variant="light" role="status" aria-live="polite" data-testid="live-banner" data-live="reconnecting" mb="md">
        <Text size="sm">Live updates are disconnected. Reconnecting…</Text>
      </Alert>
    );
  }
  if (showBack && state === 'connected') {
    return (
      <Alert color="teal" variant="light" role="status" aria-live="polite" data-testid="live-banner" data-live="reconnected" mb="md">
        <Text size="sm">Live updates reconnected.</Text>
      </Alert>
    );
  }
  return null;
}
