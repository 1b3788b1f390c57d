/**
 * End-to-end harness: the real server on a free port with its own temp database and attachment
 * directory, real Chromium through playwright-core, console errors collected per page, and a
 * screenshot (plus the page's console and the server's log) in test-results/e2e/ when a test fails.
 *
 *   const e2e = e2eSuite({ seed: 'demo' });      // in a describe block or at the top of a file
 *   it('...', async () => {
 *     await e2e.page.goto('/');
 *     ...
 *     e2e.expectNoConsoleErrors();
 *   });
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import SQLite from 'better-sqlite3';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, expect } from 'vitest';
import { chromiumArgs, chromiumPath } from '../chromium.mjs';

export const root = fileURLToPath(new URL('../..', import.meta.url));
export const resultsDir = join(root, 'test-results/e2e');

/** Password of every demo account except neu.kunde (DESIGN.md "Demo data contract"). */
export const DEMO_PASSWORD = 'Portal-Demo-2026!';

export interface StartOptions {
  /** `demo` seeds the demo data set (DESIGN.md), `none` starts empty */
  seed?: 'demo' | 'none';
  /** more environment for the server and the CLI (e.g. PORTAL_PASSWORD_MIN_LENGTH) */
  env?: Record<string, string>;
  /** command-line arguments for server/main.ts */
  args?: string[];
  /** how long to wait for /api/health */
  startTimeoutMs?: number;
  /** start the demo intranet (issue 7) on a free port of its own, at http://localhost:<port> */
  intranet?: boolean;
}

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface PortalServer {
  /** base URL, e.g. http://127.0.0.1:41234 */
  url: string;
  port: number;
  /** the demo intranet's URL (another origin: http://localhost:<port>), when started */
  intranetUrl: string | null;
  dbPath: string;
  filesDir: string;
  /** the environment the server runs with (the CLI gets the same) */
  env: Record<string, string>;
  /** everything the server printed so far */
  output(): string;
  /** `node --import tsx server/cli.ts <args>` against this server's database */
  cli(args: string[]): Promise<CliResult>;
  /** a read-only query on the server's database (opened per call, so it never holds a lock) */
  query<T = Record<string, unknown>>(sql: string, ...params: unknown[]): T[];
  stop(): Promise<void>;
}

/** A TCP port nobody listens on right now. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

function baseEnv(): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) {
    // the server's settings come from us only
    if (v === undefined || k.startsWith('PORTAL_') || k === 'SMTP_URL' || k === 'PORT' || k === 'HOST' || k === 'INTRANET_PORT') continue;
    env[k] = v;
  }
  return env;
}

/** Starts server/main.ts on a free port with a temp database; resolves once /api/health answers. */
export async function startServer(options: StartOptions = {}): Promise<PortalServer> {
  const dir = mkdtempSync(join(tmpdir(), 'portal-e2e-'));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const dbPath = join(dir, 'portal.db');
  const filesDir = join(dir, 'files');
  const intranetPort = options.intranet ? await freePort() : null;
  const env: Record<string, string> = {
    ...baseEnv(),
    PORT: String(port),
    HOST: '127.0.0.1',
    PORTAL_DB: dbPath,
    PORTAL_FILES: filesDir,
    PORTAL_SEED: options.seed ?? 'demo',
    PORTAL_PUBLIC_URL: url,
    LOG_LEVEL: 'warn',
    NO_COLOR: '1',
    // the demo intranet only when a test asks for it (it would take a fixed port otherwise)
    INTRANET_PORT: intranetPort === null ? 'off' : String(intranetPort),
    ...options.env,
  };

  let log = '';
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts', ...(options.args ?? [])], {
    cwd: root,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  child.stdout!.on('data', (d: Buffer) => (log += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (log += d.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let hasExited = false;
  void exited.then(() => (hasExited = true));

  const stop = async () => {
    if (!hasExited) {
      try {
        process.kill(-child.pid!, 'SIGTERM');
      } catch {}
      const timer = setTimeout(() => {
        try {
          process.kill(-child.pid!, 'SIGKILL');
        } catch {}
      }, 5000);
      await exited;
      clearTimeout(timer);
    }
    rmSync(dir, { recursive: true, force: true });
  };

  const deadline = Date.now() + (options.startTimeoutMs ?? 90_000);
  for (;;) {
    if (hasExited) {
      await stop();
      throw new Error(`the server exited during start-up (code ${child.exitCode}):\n${log}`);
    }
    try {
      const res = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(2000) });
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`the server did not answer /api/health within ${options.startTimeoutMs ?? 90_000} ms:\n${log}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  const intranetUrl = intranetPort === null ? null : `http://localhost:${intranetPort}`;
  while (intranetUrl) {
    // the server starts the intranet once it listens itself; it prints a line either way
    if (log.includes(`Demo intranet`) && log.includes(intranetUrl)) break;
    if (hasExited || /demo intranet cannot listen/.test(log) || Date.now() > deadline) {
      await stop();
      throw new Error(`the demo intranet did not start on ${intranetUrl}:\n${log}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }

  return {
    url,
    port,
    intranetUrl,
    dbPath,
    filesDir,
    env,
    output: () => log,
    cli: (args) => runCli(args, env),
    query<T>(sql: string, ...params: unknown[]): T[] {
      const db = new SQLite(dbPath, { readonly: true, fileMustExist: true });
      try {
        db.pragma('busy_timeout = 5000');
        return db.prepare(sql).all(...params) as T[];
      } finally {
        db.close();
      }
    },
    stop,
  };
}

function runCli(args: string[], env: Record<string, string>): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/cli.ts', ...args], {
      cwd: root,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** Debian's Chromium (or CHROME_PATH), headless, with the flags this machine needs. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs, headless: true });
}

/** Console messages that are expected and not errors of the page. */
const defaultIgnoredConsole: RegExp[] = [
  // the session element asks who is signed in; before sign-in that is a 401 by design
  /status of 401 .*\/api\/(me|auth\/)/,
  // Chromium asks every origin for one; a page without an icon is not broken
  /status of 404 .*\/favicon\.ico\)$/,
];

export interface SuiteOptions extends StartOptions {
  /** console errors to ignore in addition to the defaults */
  ignoreConsole?: RegExp[];
  /** browser context options (viewport, locale, ...) */
  locale?: string;
  viewport?: { width: number; height: number };
}

export interface E2E {
  readonly server: PortalServer;
  readonly browser: Browser;
  readonly context: BrowserContext;
  readonly page: Page;
  /** console errors and uncaught exceptions of the current test's pages */
  readonly consoleErrors: string[];
  expectNoConsoleErrors(): void;
}

function slug(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/[^\w-]+/g, '-')
    .replace(/-+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 100);
}

/**
 * Registers the hooks of an end-to-end file: one server and one browser for the file, a fresh
 * browser context (cookies, storage) and page for each test.
 */
export function e2eSuite(options: SuiteOptions = {}): E2E {
  let server: PortalServer | undefined;
  let browser: Browser | undefined;
  let context: BrowserContext | undefined;
  let page: Page | undefined;
  let consoleErrors: string[] = [];
  const ignored = [...defaultIgnoredConsole, ...(options.ignoreConsole ?? [])];

  beforeAll(async () => {
    server = await startServer(options);
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close().catch(() => {});
    await server?.stop();
  });

  beforeEach(async () => {
    consoleErrors = [];
    context = await browser!.newContext({
      baseURL: server!.url,
      locale: options.locale ?? 'de-DE',
      viewport: options.viewport ?? { width: 1280, height: 900 },
    });
    context.setDefaultTimeout(15_000);
    context.on('page', (p) => watchConsole(p));
    page = await context.newPage();
  });

  function watchConsole(p: Page) {
    p.on('console', (m) => {
      if (m.type() !== 'error') return;
      const where = m.location().url;
      const line = where ? `${m.text()} (${where})` : m.text();
      if (!ignored.some((re) => re.test(line))) consoleErrors.push(line);
    });
    p.on('pageerror', (e) => consoleErrors.push(`uncaught: ${e.stack ?? e.message}`));
  }

  afterEach(async (ctx) => {
    const state = ctx.task.result?.state;
    if (state === 'fail' && page && !page.isClosed()) {
      mkdirSync(resultsDir, { recursive: true });
      const file = slug(`${ctx.task.file?.name.replace(/^.*\//, '') ?? 'e2e'}-${ctx.task.name}`);
      await page.screenshot({ path: join(resultsDir, `${file}.png`), fullPage: true }).catch(() => {});
      writeFileSync(
        join(resultsDir, `${file}.log`),
        [
          `url: ${page.url()}`,
          '',
          'console errors:',
          ...consoleErrors,
          '',
          'server output:',
          server?.output() ?? '',
        ].join('\n'),
      );
    }
    await context?.close().catch(() => {});
    context = undefined;
    page = undefined;
  });

  const must = <T>(v: T | undefined, what: string): T => {
    if (v === undefined) throw new Error(`e2e: ${what} is only available inside a test`);
    return v;
  };

  return {
    get server() {
      return must(server, 'server');
    },
    get browser() {
      return must(browser, 'browser');
    },
    get context() {
      return must(context, 'context');
    },
    get page() {
      return must(page, 'page');
    },
    get consoleErrors() {
      return consoleErrors;
    },
    expectNoConsoleErrors() {
      expect(consoleErrors, 'console errors of the page').toEqual([]);
    },
  };
}

/** The text of the newest mail to `to` (of `kind`, if given) in the server's outbox. */
export function latestMail(server: PortalServer, to: string, kind?: string) {
  const rows = server.query<{ kind: string; subject: string; text_body: string; html_body: string }>(
    `select kind, subject, text_body, html_body from outbox where to_address = ? ${kind ? 'and kind = ?' : ''}
     order by created_at desc, rowid desc limit 1`,
    ...(kind ? [to.toLowerCase(), kind] : [to.toLowerCase()]),
  );
  return rows[0];
}
