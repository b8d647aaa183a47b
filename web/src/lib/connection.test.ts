import { describe, expect, it } from 'vitest';
import { ConnectionStatus } from './connection';

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
});
