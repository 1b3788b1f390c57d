/**
 * Administration from the command line (npm run portal -- <command>):
 *   invite <email> --partner <name|id> --role viewer|editor|dispatcher [--name "…"] [--locale de|en]
 *   backup <file>      online backup of the database (consistent while the server writes)
 */
import { dirname, resolve } from 'node:path';
import { existsSync, mkdirSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { createDb, migrate, openSqlite } from './db/index.js';
import { readSettings, SettingsError } from './env.js';
import { createLogger } from './log.js';
import { systemClock } from './clock.js';
import type { Deps } from './deps.js';
import { inviteAccount } from './domain/invitations.js';
import { ApiError } from './http/errors.js';

const usage = `usage: npm run portal -- <command>
  invite <email> --partner <name|id> --role viewer|editor|dispatcher [--name "Full Name"] [--locale de|en]
  backup <file>`;

function fail(message: string): never {
  process.stderr.write(`portal: ${message}\n`);
  process.exit(1);
}

async function main() {
  const [command, ...rest] = process.argv.slice(2);
  let settings;
  try {
    settings = readSettings(process.env);
  } catch (e) {
    if (e instanceof SettingsError) fail(e.message);
    throw e;
  }
  if (!command || command === 'help' || command === '--help') {
    process.stdout.write(usage + '\n');
    return;
  }
  if (settings.dbPath !== ':memory:' && !existsSync(settings.dbPath)) {
    fail(`no database at ${settings.dbPath} (start the server once, or set PORTAL_DB)`);
  }
  const sqlite = openSqlite(settings.dbPath);
  const db = createDb(sqlite);
  await migrate(db);
  const deps: Deps = {
    db,
    clock: systemClock,
    config: settings.config,
    logger: createLogger({ level: 'warn' }),
    clientAddress: () => 'cli',
  };
  try {
    switch (command) {
      case 'invite': {
        const { values, positionals } = parseArgs({
          args: rest,
          allowPositionals: true,
          options: {
            partner: { type: 'string' },
            role: { type: 'string' },
            name: { type: 'string' },
            locale: { type: 'string' },
          },
        });
        const email = positionals[0];
        if (!email) fail('invite needs an e-mail address\n' + usage);
        if (!values.partner) fail('invite needs --partner <name|id>');
        const role = values.role;
        if (role !== 'viewer' && role !== 'editor' && role !== 'dispatcher') fail('--role must be viewer, editor or dispatcher');
        const locale = values.locale;
        if (locale !== undefined && locale !== 'de' && locale !== 'en') fail('--locale must be de or en');
        const portalUrl = settings.config.publicUrl ?? `http://localhost:${settings.port || 8787}`;
        const r = await inviteAccount(deps, {
          email,
          partner: values.partner,
          role,
          ...(values.name ? { name: values.name } : {}),
          ...(locale ? { locale } : {}),
          portalUrl,
        });
        process.stdout.write(
          r.kind === 'invited'
            ? `Invited ${email}: the invitation e-mail is in the outbox (${r.outboxId}).\n`
            : `${email} already had an account: access added, notice in the outbox (${r.outboxId}).\n`,
        );
        break;
      }
      case 'backup': {
        const target = rest[0];
        if (!target) fail('backup needs a target file\n' + usage);
        const file = resolve(target);
        if (existsSync(file)) fail(`${file} exists; choose a new file name`);
        mkdirSync(dirname(file), { recursive: true });
        await sqlite.backup(file);
        process.stdout.write(`Backup written to ${file}\n`);
        break;
      }
      default:
        fail(`unknown command "${command}"\n${usage}`);
    }
  } catch (e) {
    if (e instanceof ApiError) fail(e.message);
    throw e;
  } finally {
    await db.destroy();
  }
}

main().catch((e) => fail(e instanceof Error ? e.message : String(e)));
