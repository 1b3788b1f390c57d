/**
 * The Node entry: the only place that reads the environment, opens files and ports.
 *   npm start                 demo portal on http://localhost:8787 (PORT), data/portal.db (PORTAL_DB)
 *   npm start -- --reset      start over with a fresh database and attachment directory
 */
import { serve } from '@hono/node-server';
import { getConnInfo } from '@hono/node-server/conninfo';
import { mkdirSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Context } from 'hono';
import { createTransport } from 'nodemailer';
import { createApp } from './app.js';
import { createDb, migrate, openSqlite } from './db/index.js';
import { readSettings, SettingsError, type Settings } from './env.js';
import { createLogger } from './log.js';
import { systemClock } from './clock.js';
import type { Deps } from './deps.js';
import { mountStatic } from './static.js';
import { MailSender } from './mail/sender.js';
import { deleteExpiredSessions } from './auth/sessions.js';
import { pruneThrottle } from './auth/throttle.js';
import { pruneDrafts, sweepStrayFiles } from './domain/attachments.js';
import { createIntranetApp } from './intranet/app.js';
import { ensureDemoIntranet } from './intranet/registry.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

function fail(message: string): never {
  process.stderr.write(`portal: ${message}\n`);
  process.exit(1);
}

async function main() {
  let settings: Settings;
  try {
    settings = readSettings(process.env);
  } catch (e) {
    if (e instanceof SettingsError) fail(e.message);
    throw e;
  }
  const args = process.argv.slice(2);
  const unknown = args.filter((a) => a !== '--reset' && a !== '--dev');
  if (unknown.length > 0) fail(`unknown option ${unknown[0]} (known: --reset)`);

  if (args.includes('--reset') && settings.dbPath !== ':memory:') {
    for (const suffix of ['', '-wal', '-shm']) rmSync(settings.dbPath + suffix, { force: true });
    rmSync(settings.filesDir, { recursive: true, force: true });
  }
  if (settings.dbPath !== ':memory:') mkdirSync(dirname(settings.dbPath), { recursive: true });
  mkdirSync(settings.filesDir, { recursive: true });

  const logger = createLogger({ level: settings.logLevel });
  let sqlite;
  try {
    sqlite = openSqlite(settings.dbPath);
  } catch (e) {
    fail(`cannot open the database ${settings.dbPath}: ${(e as Error).message}`);
  }
  const db = createDb(sqlite);
  await migrate(db);

  const deps: Deps = {
    db,
    clock: systemClock,
    config: settings.config,
    logger,
    clientAddress: (c: Context) => {
      if (settings.trustProxy) {
        const fwd = c.req.header('x-forwarded-for')?.split(',')[0]?.trim();
        if (fwd) return fwd;
      }
      try {
        return getConnInfo(c).remote.address ?? 'unknown';
      } catch {
        return 'unknown';
      }
    },
  };

  let seeded = false;
  if (settings.seed === 'demo') {
    const any = await db.selectFrom('system_partner').select('id').limit(1).executeTakeFirst();
    if (!any) {
      const { seedDemo } = await import('./seed/index.js');
      await seedDemo(deps);
      seeded = true;
    }
  }

  const app = createApp(deps);
  mountStatic(app, root, deps);

  const sender = new MailSender(deps, {
    transport: settings.smtpUrl ? createTransport(settings.smtpUrl) : null,
    from: settings.mailFrom,
  });
  sender.start();
  // files a crash left without their row (written, row not yet committed), once at start
  void sweepStrayFiles(deps, new Date()).then(
    (n) => {
      if (n > 0) logger.info('removed upload files without an attachment', { files: n });
    },
    () => {},
  );
  const sweeper = setInterval(() => {
    void deleteExpiredSessions(deps).catch(() => {});
    void pruneThrottle(deps).catch(() => {});
    // drafts are kept a week: a half-written ticket survives a weekend
    void pruneDrafts(deps, 7 * 24 * 60 * 60_000).catch(() => {});
  }, 10 * 60_000);
  sweeper.unref();

  const hostname = process.env.HOST ?? '0.0.0.0';
  let intranet: ReturnType<typeof serve> | null = null;

  /** The demo intranet (issue 7) on its own origin; its URL, or null when it cannot run. */
  async function startIntranet(portalUrl: string, port: number): Promise<string | null> {
    const registration = await ensureDemoIntranet(deps, `http://localhost:${port}`);
    if (!registration) return null;
    const intranetApp = createIntranetApp({
      portalUrl,
      issuer: registration.issuer,
      audience: registration.audience,
      secret: registration.secret,
      users: registration.users,
      pageDir: join(root, 'demo'),
    });
    return new Promise((resolveUrl) => {
      intranet = serve({ fetch: intranetApp.fetch, port, hostname }, () => resolveUrl(registration.origin));
      intranet.on('error', (e: NodeJS.ErrnoException) => {
        intranet = null;
        process.stderr.write(
          `portal: the demo intranet cannot listen on port ${port} (${e.code ?? e.message}); set INTRANET_PORT to another port, or to 0 to turn it off\n`,
        );
        resolveUrl(null);
      });
    });
  }

  const server = serve({ fetch: app.fetch, port: settings.port, hostname }, async (info) => {
    // links in e-mails point at the port we really listen on when no public URL is set
    settings.config.publicUrl ??= `http://localhost:${info.port}`;
    const url = settings.config.publicUrl;
    const intranetUrl =
      settings.seed === 'demo' && settings.intranetPort !== null ? await startIntranet(url, settings.intranetPort) : null;
    const lines = [`Helpdesk portal running at ${url}`];
    if (seeded) lines.push('(fresh demo data created)');
    lines.push(`Database: ${settings.dbPath}`);
    if (settings.seed === 'demo') {
      const { DEMO_ACCOUNTS } = await import('./seed/index.js');
      lines.push('', 'Demo accounts:');
      for (const a of DEMO_ACCOUNTS) lines.push(`  ${a.email.padEnd(36)} ${a.password.padEnd(20)} ${a.note}`);
      lines.push('', `Outbox (e-mails): ${url}/demo/mail.html   Agent side: ${url}/demo/agent.html`);
      if (intranetUrl) lines.push(`Demo intranet (Nordwind, widgets embedded with host sign-in): ${intranetUrl}`);
    }
    process.stdout.write(lines.join('\n') + '\n');
  });

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info('shutting down', { signal });
    server.close();
    (intranet as ReturnType<typeof serve> | null)?.close();
    await sender.stop();
    clearInterval(sweeper);
    await db.destroy();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  server.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EADDRINUSE') fail(`port ${settings.port} is in use; set PORT to another one`);
    fail(e.message);
  });
}

main().catch((e) => {
  process.stderr.write(`portal: start-up failed: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
