import { describe, expect, it } from 'vitest';
import { ConnectionStatus, eventsMissed } from './connection';

describe('connection status', () => {
  it('says reconnecting after a drop and counts the reconnects', () => {
    const status = new ConnectionStatus();
    const seen: string[] = [];
    status.subscribe(() => seen.push(status.snapshot()));
    status.connecting();
    status.connected();
    status.dropped();
    status.connecting();
    status.connected();
    expect(seen).toEqual(['connecting:0', 'connected:0', 'reconnecting:0', 'connected:1']);
  });

  it('is connecting, not reconnecting, before the first connection', () => {
    const status = new ConnectionStatus();
    status.dropped();
    expect(status.state).toBe('connecting');
  });

  it('counts a server notice of missed events as a reconnect, so that pages refetch', () => {
    const status = new ConnectionStatus();
    status.connecting();
    status.connected();
    const seen: string[] = [];
    status.subscribe(() => seen.push(status.snapshot()));
    status.missed();
    expect(seen).toEqual(['connected:1']);
  });

  it('tells the missed-events notice from results and other errors', () => {
    expect(eventsMissed({ errors: [{ extensions: { code: 'EVENTS_MISSED' } }] })).toBe(true);
    expect(eventsMissed({ errors: [{ extensions: { code: 'FORBIDDEN' } }] })).toBe(false);
    expect(eventsMissed({ errors: null })).toBe(false);
    expect(eventsMissed({})).toBe(false);
  });
});
