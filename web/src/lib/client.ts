// The GraphQL client: queries and mutations over POST /graphql with the session cookie
// (same origin, JSON content type), subscriptions over graphql-ws on /graphql/ws (the browser
// sends the cookie; the server accepts it because Origin matches Host). One client per
// signed-in session: the WebSocket is authenticated when it opens, so signing in or out
// builds a new client.
import { Client, cacheExchange, fetchExchange, subscriptionExchange } from '@urql/core';
import { createClient as createWsClient, type Client as WsClient } from 'graphql-ws';
import { ConnectionStatus, eventsMissed } from './connection';

export function httpUrl(): string {
  return new URL('/graphql', window.location.href).toString();
}

export function wsUrl(): string {
  return httpUrl().replace(/^http/, 'ws') + '/ws';
}

/** Delay before reconnect attempt `retries` (0-based): 0.5 s doubling to 10 s, with jitter. */
export function retryDelay(retries: number, random = Math.random): number {
  const base = Math.min(500 * 2 ** retries, 10_000);
  return Math.round(base / 2 + random() * (base / 2));
}

export interface Session {
  client: Client;
  status: ConnectionStatus;
  dispose: () => void;
}

/** A client; with `live`, also the subscription socket and its status. */
export function createSession(live: boolean): Session {
  const status = new ConnectionStatus();
  let ws: WsClient | null = null;
  if (live) {
    let disposed = false;
    ws = createWsClient({
      url: wsUrl(),
      lazy: false,
      keepAlive: 10_000,
      retryAttempts: Number.POSITIVE_INFINITY,
      shouldRetry: () => !disposed,
      retryWait: (retries) => new Promise((resolve) => setTimeout(resolve, retryDelay(retries))),
      on: {
        connecting: () => status.connecting(),
        connected: () => status.connected(),
        closed: () => {
          if (!disposed) status.dropped();
        },
      },
    });
    const socket = ws;
    status.onDispose(() => {
      disposed = true;
      void socket.dispose();
    });
  }
  const exchanges = [cacheExchange, fetchExchange];
  if (ws) {
    const socket = ws;
    exchanges.push(
      subscriptionExchange({
        forwardSubscription(request) {
          const input = { ...request, query: request.query || '' };
          return {
            subscribe(sink) {
              // A notice that events may have been missed is not a result: the pages refetch
              // (as after a reconnect) and the subscription goes on.
              const unsubscribe = socket.subscribe(input, {
                next: (result) => {
                  if (eventsMissed(result)) status.missed();
                  else sink.next(result as Parameters<typeof sink.next>[0]);
                },
                error: (error) => sink.error(error),
                complete: () => sink.complete(),
              });
              return { unsubscribe };
            },
          };
        },
      }),
    );
  }
  const client = new Client({
    url: httpUrl(),
    exchanges,
    preferGetMethod: false,
    requestPolicy: 'cache-and-network',
    fetchOptions: () => ({
      credentials: 'same-origin',
      headers: { 'X-Requested-With': 'vigil-web' },
    }),
  });
  return { client, status, dispose: () => status.dispose() };
}
