// Starts the real Vigil binary for the browser tests: a free loopback port, a fresh data dir,
// a fresh database (SQLite in the data dir, or with E2E_DATABASE=postgres a new PostgreSQL
// database next to TEST_DATABASE_URL's, dropped afterwards), the built web app, and the check
// engine, callbacks and run workers of `vigil serve` (scripts run in the bubblewrap sandbox with
// the runners of `toolsDir()`).
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '../..');

export function vigilBinary(): string {
  if (process.env.VIGIL_BIN) return process.env.VIGIL_BIN;
  const target = process.env.CARGO_TARGET_DIR ?? join(root, 'target');
  return join(target, 'debug', 'vigil');
}

export function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => ok(port));
    });
  });
}

/**
 * The script runners (k6, @playwright/test) that `vigil runners install` put in `.tools` at the
 * repository root (scripts/test does it before the web checks); VIGIL_RUNNER_TOOLS_DIR
 * points elsewhere.
 */
export function toolsDir(): string {
  return process.env.VIGIL_RUNNER_TOOLS_DIR ?? join(root, '.tools');
}

/** The database the browser tests run on: E2E_DATABASE, `sqlite` (the default) or `postgres`. */
export function e2eDatabase(): 'sqlite' | 'postgres' {
  const database = process.env.E2E_DATABASE ?? 'sqlite';
  if (database !== 'sqlite' && database !== 'postgres') throw new Error(`E2E_DATABASE is ${database}: use sqlite or postgres`);
  return database;
}

/** A PostgreSQL database of the browser tests, made and dropped through psql on the admin URL. */
class PostgresDatabase {
  private constructor(
    private readonly admin: string,
    readonly name: string,
    readonly url: string,
  ) {}

  /** A new, empty `vigil_test_<uuid>` database next to the one TEST_DATABASE_URL names. */
  static create(): PostgresDatabase {
    const admin = process.env.TEST_DATABASE_URL;
    if (!admin) throw new Error('E2E_DATABASE=postgres needs TEST_DATABASE_URL (a PostgreSQL server the tests may create databases on)');
    const name = `vigil_test_${randomUUID().replaceAll('-', '')}`;
    const database = new PostgresDatabase(admin, name, PostgresDatabase.urlOf(admin, name));
    database.sql(`CREATE DATABASE ${name}`);
    return database;
  }

  /** `admin` with its database name replaced by `name` (the query string kept). */
  private static urlOf(admin: string, name: string): string {
    const at = admin.indexOf('?');
    const [base, query] = at < 0 ? [admin, ''] : [admin.slice(0, at), admin.slice(at)];
    return `${base.slice(0, base.lastIndexOf('/'))}/${name}${query}`;
  }

  drop(): void {
    this.sql(`DROP DATABASE IF EXISTS ${this.name} WITH (FORCE)`);
  }

  private sql(statement: string): void {
    execFileSync('psql', ['-X', '-q', '-v', 'ON_ERROR_STOP=1', '-d', this.admin, '-c', statement], { stdio: ['ignore', 'ignore', 'pipe'] });
  }
}

export class Vigil {
  readonly url: string;
  private child: ChildProcess | null = null;
  private output = '';

  private constructor(
    readonly port: number,
    readonly dataDir: string,
    private readonly postgres: PostgresDatabase | null,
    private readonly settings: Record<string, string>,
  ) {
    this.url = `http://127.0.0.1:${port}`;
  }

  /** Starts a server; `settings` are extra `VIGIL_…` settings (e.g. `{ VIGIL_MODE: 'cloud' }`). */
  static async start(settings: Record<string, string> = {}): Promise<Vigil> {
    const binary = vigilBinary();
    if (!existsSync(binary)) throw new Error(`no Vigil binary at ${binary}: run cargo build --bin vigil (or set VIGIL_BIN)`);
    const dist = resolve(import.meta.dirname, '../dist');
    if (!existsSync(join(dist, 'index.html'))) throw new Error('web/dist is not built: run npm run build');
    const postgres = e2eDatabase() === 'postgres' ? PostgresDatabase.create() : null;
    const vigil = new Vigil(await freePort(), mkdtempSync(join(tmpdir(), 'vigil-e2e-')), postgres, settings);
    await vigil.boot();
    return vigil;
  }

  /** The database this server runs on: `sqlite` or `postgres`. */
  get database(): 'sqlite' | 'postgres' {
    return this.postgres ? 'postgres' : 'sqlite';
  }

  /** Starts the process (again, after `kill`) on the same port and data. */
  async boot(): Promise<void> {
    // VIGIL_BIN is this file's setting, not the server's: Vigil refuses unknown VIGIL_ settings.
    // The database is this file's choice too, not the caller's environment's.
    const inherited = Object.fromEntries(Object.entries(process.env).filter(([key]) => !['VIGIL_BIN', 'DATABASE_URL', 'VIGIL_DATABASE_URL'].includes(key)));
    const child = spawn(vigilBinary(), ['serve', '--bind', `127.0.0.1:${this.port}`, '--data-dir', this.dataDir], {
      env: {
        ...inherited,
        ...(this.postgres ? { DATABASE_URL: this.postgres.url } : {}),
        VIGIL_WEB_DIR: resolve(import.meta.dirname, '../dist'),
        VIGIL_BASE_URL: this.url,
        VIGIL_LOG: 'info',
        VIGIL_RUNNER_TOOLS_DIR: toolsDir(),
        ...this.settings,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    child.stdout?.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
    const deadline = Date.now() + 30_000;
    while (Date.now() < deadline) {
      if (child.exitCode !== null) throw new Error(`vigil serve exited with ${child.exitCode}:\n${this.output.slice(-4000)}`);
      try {
        const response = await fetch(`${this.url}/healthz`);
        if (response.ok) return;
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 200));
    }
    throw new Error(`vigil serve did not start:\n${this.output.slice(-4000)}`);
  }

  /** Stops the process, as a crash or a deploy would; the data stays. */
  async kill(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGKILL');
    await exited;
    this.child = null;
  }

  /** The last `lines` lines of the server's output, without colours. */
  logTail(lines: number): string {
    return this.output.replace(/\x1b\[[0-9;]*m/g, '').split('\n').slice(-lines).join('\n');
  }

  /** The last link to `path` that Vigil "mailed" (without SMTP, mails go to its log). */
  mailedLink(path: string): string | null {
    const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const pattern = new RegExp(`${escape(this.url + path)}[^\\s"\\\\\\x1b]+`, 'g');
    const found = this.output.match(pattern);
    return found ? found[found.length - 1] : null;
  }

  /**
   * The last link to `path` in a mail to `email`: the log's mail records (`mail (no SMTP
   * configured) to=… subject=… body=…`) addressed to it, newest last.
   */
  mailedLinkTo(email: string, path: string): string | null {
    const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const pattern = new RegExp(`${escape(this.url + path)}[^\\s"\\\\\\x1b]+`);
    // Without colours: the field names are wrapped in ANSI escapes.
    const log = this.output.replace(/\x1b\[[0-9;]*m/g, '');
    let link: string | null = null;
    for (const record of log.split('mail (no SMTP configured) ').slice(1)) {
      const to = record.match(/^to=(.*?) subject=/)?.[1] ?? '';
      if (!to.split(', ').includes(email)) continue;
      link = record.match(pattern)?.[0] ?? link;
    }
    return link;
  }

  async stop(): Promise<void> {
    await this.kill();
    rmSync(this.dataDir, { recursive: true, force: true });
    this.postgres?.drop();
  }
}
