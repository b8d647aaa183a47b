// What GraphiQL sends its operations through: queries and mutations by POST /graphql with the
// app's session (the cookie, sent on same-origin requests, and the X-Requested-With header
// Vigil asks of cookie requests), subscriptions over graphql-ws on /graphql/ws, where the
// browser's cookie authenticates the socket as it does the app's own.
import { createGraphiQLFetcher, type Fetcher } from '@graphiql/toolkit';
import { createClient, type Client } from 'graphql-ws';
import { httpUrl, wsUrl } from '../../lib/client';

export interface GraphiQLConnection {
  fetcher: Fetcher;
  /** Closes the subscription socket (GraphiQL left). */
  dispose: () => void;
}

export function createConnection(): GraphiQLConnection {
  // Lazy: the socket opens with the first subscription run, and closes after the last one.
  const wsClient: Client = createClient({ url: wsUrl(), lazy: true, retryAttempts: 3 });
  const fetcher = createGraphiQLFetcher({
    url: httpUrl(),
    wsClient,
    headers: { 'X-Requested-With': 'vigil-graphiql' },
    fetch: (input, init) => fetch(input, { ...init, credentials: 'same-origin' }),
  });
  return { fetcher, dispose: () => void wsClient.dispose() };
}
