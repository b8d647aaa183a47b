import { useContext, useEffect, useRef, useSyncExternalStore } from 'react';
import { SessionContext } from './session';
import type { LiveState } from './connection';

/** The live socket's state, re-rendering on change. */
export function useLiveState(): { state: LiveState; reconnects: number } {
  const { session } = useContext(SessionContext);
  const snapshot = useSyncExternalStore(session.status.subscribe, session.status.snapshot);
  const [state, reconnects] = snapshot.split(':');
  return { state: state as LiveState, reconnects: Number(reconnects) };
}

/** Calls `refetch` after each reconnect: events sent while the socket was down were missed. */
export function useRefetchOnReconnect(refetch: () => void): void {
  const { reconnects } = useLiveState();
  const first = useRef(reconnects);
  const latest = useRef(refetch);
  latest.current = refetch;
  useEffect(() => {
    if (reconnects !== first.current) latest.current();
  }, [reconnects]);
}
