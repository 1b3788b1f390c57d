/**
 * A checksum of what a request may change: every table except `session`, whose `last_seen_at`
 * slides on use by design (R-AUTH-5). Suites that move the injected clock between requests use
 * this instead of `dbSnapshot` to prove that a refused or empty request wrote nothing.
 */
import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import { expect } from 'vitest';
import type { Db } from '../../server/db/index.js';

export async function dataSnapshot(db: Db): Promise<string> {
  const tables = await sql<{ name: string }>`
    select name from sqlite_master
    where type = 'table' and name not like 'sqlite_%' and name <> 'session' order by name
  `.execute(db);
  const hash = createHash('sha256');
  for (const { name } of tables.rows) {
    const rows = await sql<Record<string, unknown>>`select * from ${sql.table(name)}`.execute(db);
    hash.update(name + '\n' + rows.rows.map((r) => JSON.stringify(r)).sort().join('\n') + '\n');
  }
  return hash.digest('hex');
}

/** Runs `fn` and asserts that no table (sessions aside) changed meanwhile. */
export async function expectNothingWritten<T>(db: Db, fn: () => Promise<T>): Promise<T> {
  const before = await dataSnapshot(db);
  const result = await fn();
  expect(await dataSnapshot(db), 'the database changed').toBe(before);
  return result;
}
