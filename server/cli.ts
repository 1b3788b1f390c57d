/**
 * Administration from the command line (npm run portal -- <command>):
 *   invite <email> --partner <name|id> --role viewer|editor|dispatcher [--name "…"] [--locale de|en]
 *   backup <file>      online backup of the database (consistent while the server writes)
 *   origins list|add|remove <partner> [origin]      where a partner may embed the widgets
 *   keys list <partner> · keys add <partner> --alg HS256|EdDSA|RS256 --issuer <iss> --audience <aud> [--key-file <file>]
 *   keys revoke <partner> <key id>                  host-token keys (sign-in from the intranet)
 */
import { dirname, resolve } from 'node:path';
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { createDb, migrate, openSqlite } from './db/index.js';
import { readSettings, SettingsError } from './env.js';
import { createLogger } from './log.js';
import { systemClock } from './clock.js';
import type { Deps } from './deps.js';
import { inviteAccount } from './domain/invitations.js';
import { ApiError } from './http/errors.js';
import { readFileSync } from 'node:fs';
import { addKey, addOrigin, listKeys, listOrigins, removeOrigin, requirePartner, revokeKey } from './domain/partners.js';

const usage = `usage: npm run portal -- <command>
  invite <email> --partner <name|id> --role viewer|editor|dispatcher [--name "Full Name"] [--locale de|en]
  backup <file>
  origins list <partner> | origins add <partner> <origin> | origins remove <partner> <origin>
  keys list <partner> | keys revoke <partner> <key id>
  keys add <partner> --alg HS256|EdDSA|RS256 --issuer <iss> --audience <aud> [--key-file <file>]
      (HS256 without --key-file: a random secret is generated and printed once)`;

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
        // One consistent snapshot in a single read transaction: the server goes on writing (WAL).
        // SQLite's step-wise online backup restarts whenever another connection writes between
        // two steps, and on a busy database it never finished (test/server/backup.test.ts).
        sqlite.prepare('VACUUM INTO ?').run(file);
        const fd = openSync(file, 'r');
        fsyncSync(fd);
        closeSync(fd);
        process.stdout.write(`Backup written to ${file}\n`);
        break;
      }
      case 'origins': {
        const [verb, partnerRef, origin] = rest;
        if (!verb || !partnerRef) fail(usage);
        const p = await requirePartner(db, null, partnerRef);
        if (verb === 'list') {
          for (const o of await listOrigins(db, p.id)) process.stdout.write(o + '\n');
        } else if (verb === 'add' && origin) {
          process.stdout.write(`Allowed ${await addOrigin(db, p.id, origin, new Date())} for ${p.name}\n`);
        } else if (verb === 'remove' && origin) {
          await removeOrigin(db, p.id, origin);
          process.stdout.write(`Removed ${origin} from ${p.name}\n`);
        } else fail(usage);
        break;
      }
      case 'keys': {
        const { values, positionals } = parseArgs({
          args: rest,
          allowPositionals: true,
          options: { alg: { type: 'string' }, issuer: { type: 'string' }, audience: { type: 'string' }, 'key-file': { type: 'string' } },
        });
        const [verb, partnerRef, keyId] = positionals;
        if (!verb || !partnerRef) fail(usage);
        const p = await requirePartner(db, null, partnerRef);
        if (verb === 'list') {
          for (const k of await listKeys(db, p.id)) {
            process.stdout.write(`${k.id}  ${k.alg.padEnd(6)} iss=${k.issuer} aud=${k.audience}${k.revokedAt ? '  (revoked)' : ''}\n`);
          }
        } else if (verb === 'add') {
          const alg = values.alg;
          if (alg !== 'HS256' && alg !== 'EdDSA' && alg !== 'RS256') fail('--alg must be HS256, EdDSA or RS256');
          if (!values.issuer || !values.audience) fail('--issuer and --audience are required');
          const key = values['key-file'] ? readFileSync(values['key-file'], 'utf8') : undefined;
          const r = await addKey(db, p.id, { alg, issuer: values.issuer, audience: values.audience, key }, new Date());
          process.stdout.write(`Key ${r.id} registered for ${p.name}\n`);
          if (r.secret) process.stdout.write(`HS256 secret (shown once, give it to the intranet's backend): ${r.secret}\n`);
        } else if (verb === 'revoke' && keyId) {
          await revokeKey(db, p.id, keyId, new Date());
          process.stdout.write(`Key ${keyId} revoked\n`);
        } else fail(usage);
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
