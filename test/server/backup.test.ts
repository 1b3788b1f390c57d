/**
 * `npm run portal -- backup <file>` while another process keeps writing (issue 8, README
 * "Backup and restore"): the copy is made, is consistent (`PRAGMA integrity_check`), holds what
 * was committed before it began, and opens as a portal database. SQLite's step-wise online
 * backup restarts whenever another connection writes between two steps; on a busy database it
 * never finished, so the command must not depend on a quiet moment.
 */
import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { createRequire } from 'node:module';
import SQLite from 'better-sqlite3';
import { createDb, migrate, openSqlite } from '../../server/db/index.js';

const SEEDED = 20_000;
const root = fileURLToPath(new URL('../..', import.meta.url));

function cli(args: string[], env: Record<string, string>, timeoutMs: number): Promise<{ code: number | null; out: string; timedOut: boolean }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/cli.ts', ...args], { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let timedOut = false;
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, out, timedOut });
    });
  });
}

describe('online backup while another process writes', () => {
  it('finishes, is consistent and holds what was committed before it began', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'portal-backup-'));
    const dbPath = join(dir, 'portal.db');
    const sqlite = openSqlite(dbPath);
    const db = createDb(sqlite);
    await migrate(db);
    // ~80 MB: enough pages that a step-wise copy needs many steps
    const insert = sqlite.prepare(`insert into audit_event (id, at, action, data_json) values (?, '2026-03-01T00:00:00.000Z', 'seed', ?)`);
    const filler = 'x'.repeat(4000);
    sqlite.transaction(() => {
      for (let i = 0; i < SEEDED; i++) insert.run(`seed-${i}`, filler);
    })();
    await db.destroy();

    // another process keeps writing: one small commit every millisecond or two
    const writer = new Worker(
      `const S = require(${JSON.stringify(createRequire(import.meta.url).resolve('better-sqlite3'))});
       const d = new S(${JSON.stringify(dbPath)}); d.pragma('busy_timeout = 5000');
       const s = d.prepare("insert into audit_event (id, at, action) values (?, '2026-03-01T00:00:00.000Z', 'load')");
       let n = 0; setInterval(() => { try { s.run('load-' + n++); } catch {} }, 1);`,
      { eval: true },
    );
    try {
      await new Promise((r) => setTimeout(r, 300));
      const target = join(dir, 'backup', 'portal-copy.db');
      const r = await cli(['backup', target], { PORTAL_DB: dbPath, PORTAL_FILES: join(dir, 'files'), PORTAL_SEED: 'none', LOG_LEVEL: 'error' }, 60_000);
      expect(r.timedOut, 'the backup never finished while the database was being written').toBe(false);
      expect(r.code, r.out).toBe(0);
      expect(existsSync(target)).toBe(true);

      const copy = new SQLite(target, { readonly: true });
      try {
        expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
        expect(copy.pragma('foreign_key_check')).toEqual([]);
        expect((copy.prepare(`select count(*) as n from audit_event where action = 'seed'`).get() as { n: number }).n).toBe(SEEDED);
        expect((copy.prepare(`select count(*) as n from kysely_migration`).get() as { n: number }).n).toBeGreaterThan(0);
      } finally {
        copy.close();
      }
      // a second backup to the same file is refused (never overwrites a backup)
      const again = await cli(['backup', target], { PORTAL_DB: dbPath, PORTAL_FILES: join(dir, 'files'), PORTAL_SEED: 'none', LOG_LEVEL: 'error' }, 60_000);
      expect(again.code).toBe(1);
      expect(again.out).toMatch(/exists/);
    } finally {
      await writer.terminate();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
