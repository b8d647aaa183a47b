// A loopback HTTP server the tests point monitors and callbacks at.
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type Server } from 'node:http';

export class Target {
  status = 200;
  readonly requests: { method: string; url: string; body: string; headers: IncomingHttpHeaders }[] = [];
  private constructor(
    private server: Server,
    readonly url: string,
  ) {}

  static async start(): Promise<Target> {
    let target: Target | null = null;
    const server = createServer(async (req, res) => {
      const body = await read(req);
      target?.requests.push({ method: req.method ?? '', url: req.url ?? '', body, headers: req.headers });
      res.writeHead(target?.status ?? 200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ ok: (target?.status ?? 200) < 400 }));
    });
    await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    target = new Target(server, `http://127.0.0.1:${port}`);
    return target;
  }

  close(): Promise<void> {
    return new Promise((ok) => this.server.close(() => ok()));
  }
}

function read(req: IncomingMessage): Promise<string> {
  return new Promise((ok) => {
    let data = '';
    req.on('data', (chunk) => (data += chunk));
    req.on('end', () => ok(data));
  });
}
