import { createServer, type Server, type Socket } from 'node:net';

/**
 * A loopback SMTP receiver for a server that must have SMTP (cloud mode): it accepts every
 * message and keeps it, so a test can read the links Vigil mailed.
 */
export class SmtpReceiver {
  private constructor(
    private readonly server: Server,
    readonly port: number,
    /** Every message received, headers and body, in order. */
    readonly messages: string[],
  ) {}

  static async start(): Promise<SmtpReceiver> {
    const messages: string[] = [];
    const server = createServer((socket) => converse(socket, messages));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    if (!address || typeof address === 'string') throw new Error('the SMTP receiver has no port');
    return new SmtpReceiver(server, address.port, messages);
  }

  /** The settings that point Vigil at this receiver. */
  settings(): Record<string, string> {
    return { VIGIL_SMTP_HOST: '127.0.0.1', VIGIL_SMTP_PORT: String(this.port), VIGIL_SMTP_TLS: 'none' };
  }

  /**
   * The last link starting with `prefix` in a message to `email` (quoted-printable decoded),
   * or null.
   */
  linkTo(email: string, prefix: string): string | null {
    const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    let link: string | null = null;
    for (const message of this.messages) {
      if (!new RegExp(`^To: .*${escape(email)}`, 'mi').test(message)) continue;
      const text = message.replace(/=\n/g, '').replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
      const found = text.match(new RegExp(`${escape(prefix)}[^\\s"<>]+`, 'g'));
      if (found) link = found[found.length - 1];
    }
    return link;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

/** One SMTP conversation: replies to each command; between DATA and "." keeps the message. */
function converse(socket: Socket, messages: string[]): void {
  let buffer = '';
  let data: string[] | null = null;
  socket.setEncoding('utf8');
  socket.write('220 e2e ESMTP\r\n');
  socket.on('data', (chunk: string) => {
    buffer += chunk;
    let end: number;
    while ((end = buffer.indexOf('\r\n')) >= 0) {
      const line = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      if (data) {
        if (line === '.') {
          messages.push(data.join('\n'));
          data = null;
          socket.write('250 queued\r\n');
        } else {
          data.push(line.startsWith('..') ? line.slice(1) : line);
        }
        continue;
      }
      const verb = line.slice(0, 4).toUpperCase();
      if (verb === 'EHLO' || verb === 'HELO') socket.write('250 e2e\r\n');
      else if (verb === 'DATA') {
        data = [];
        socket.write('354 go ahead\r\n');
      } else if (verb === 'QUIT') socket.end('221 bye\r\n');
      else socket.write('250 ok\r\n');
    }
  });
  socket.on('error', () => socket.destroy());
}
