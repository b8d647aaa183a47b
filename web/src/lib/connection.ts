// The state of the live-updates socket, for the banner that says when it dropped and when it
// came back, and for pages that refetch after a reconnect (events may have been missed).

export type LiveState = 'off' | 'connecting' | 'connected' | 'reconnecting';

type Listener = () => void;

export class ConnectionStatus {
  state: LiveState = 'off';
  /** Bumped on every reconnect after a drop. */
  reconnects = 0;
  private everConnected = false;
  private listeners = new Set<Listener>();
  private disposers: Listener[] = [];

  connecting(): void {
    this.set(this.everConnected ? 'reconnecting' : 'connecting');
  }

  connected(): void {
    if (this.everConnected && this.state === 'reconnecting') this.reconnects += 1;
    this.everConnected = true;
    this.set('connected');
  }

  dropped(): void {
    this.set(this.everConnected ? 'reconnecting' : 'connecting');
  }

  /**
   * The server said a subscription may have missed events (`EVENTS_MISSED`: it lost its
   * database connection for a while): pages refetch, as after a reconnect.
   */
  missed(): void {
    this.reconnects += 1;
    this.notify();
  }

  subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  snapshot = (): string => `${this.state}:${this.reconnects}`;

  onDispose(fn: Listener): void {
    this.disposers.push(fn);
  }

  dispose(): void {
    for (const fn of this.disposers) fn();
    this.disposers = [];
    this.set('off');
  }

  private set(state: LiveState): void {
    if (state === this.state) return;
    this.state = state;
    this.notify();
  }

  private notify(): void {
    for (const listener of [...this.listeners]) listener();
  }
}

/** Whether a subscription's result is the server's notice that events may have been missed. */
export function eventsMissed(result: {
  errors?: ReadonlyArray<{ extensions?: unknown }> | null;
}): boolean {
  return (result.errors ?? []).some(
    (error) => (error.extensions as { code?: unknown } | undefined)?.code === 'EVENTS_MISSED',
  );
}
