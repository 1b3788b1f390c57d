import SQLite from 'better-sqlite3';
import {
  Kysely,
  Migrator,
  SqliteAdapter,
  SqliteDialect,
  type DialectAdapter,
  type Migration,
  type MigrationProvider,
} from 'kysely';
import type { Database } from './schema.js';
import * as m0001 from './migrations/0001_core.js';
import * as m0002 from './migrations/0002_search.js';
import * as m0003 from './migrations/0003_host_sign_in.js';
import * as m0004 from './migrations/0004_board_scale.js';
import * as m0005 from './migrations/0005_partner_search.js';
import * as m0006 from './migrations/0006_list_names.js';
import * as m0007 from './migrations/0007_search_clean.js';
import * as m0008 from './migrations/0008_search_optimize.js';

export type Db = Kysely<Database>;

/** Migrations in order. Forward-only: never edit one that has landed; add the next number. */
const migrations: Record<string, Migration> = {
  '0001_core': m0001,
  '0002_search': m0002,
  '0003_host_sign_in': m0003,
  '0004_board_scale': m0004,
  '0005_partner_search': m0005,
  '0006_list_names': m0006,
  '0007_search_clean': m0007,
  '0008_search_optimize': m0008,
};

/** SQLite does run DDL inside transactions; Kysely's stock adapter is conservative about it. */
class TransactionalSqliteAdapter extends SqliteAdapter {
  override get supportsTransactionalDdl(): boolean {
    return true;
  }
}

class PortalSqliteDialect extends SqliteDialect {
  override createAdapter(): DialectAdapter {
    return new TransactionalSqliteAdapter();
  }
}

export interface OpenDbOptions {
  /** file path, or ':memory:' */
  path: string;
  readonly?: boolean;
}

/** Opens the database with the pragmas every connection needs. */
export function openSqlite(path: string): SQLite.Database {
  const sqlite = new SQLite(path);
  if (path !== ':memory:') sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('synchronous = FULL');
  // A search reads megabytes of index pages; with SQLite's default 2 MB page cache each one
  // read them again from the operating system (npm run bench). 64 MB of cache, and reads
  // through a memory map instead of read() calls.
  sqlite.pragma('cache_size = -65536');
  if (path !== ':memory:') sqlite.pragma('mmap_size = 268435456');
  return sqlite;
}

/**
 * Kysely prepares every query anew; SQLite then parses and plans it again each time (a quarter
 * of the board's database time in `npm run bench`). Prepared statements are kept per SQL text
 * (the most recently used 500); SQLite re-prepares one itself when the schema changed.
 *
 * Every statement that can change the database (`!readonly`: writes, DDL) counts as a change
 * of this connection's data (`DataVersion`). better-sqlite3 runs a statement synchronously right
 * after Kysely prepared it, so counting at prepare time counts every write before anyone can
 * read its result.
 */
function withStatementCache(sqlite: SQLite.Database, version: DataVersion, size = 500) {
  const cache = new Map<string, SQLite.Statement>();
  return {
    close: () => sqlite.close(),
    prepare: (text: string): SQLite.Statement => {
      let stmt = cache.get(text);
      if (stmt) {
        cache.delete(text);
      } else {
        stmt = sqlite.prepare(text);
        if (cache.size >= size) cache.delete(cache.keys().next().value!);
      }
      cache.set(text, stmt);
      if (!stmt.readonly) version.written();
      return stmt;
    },
  };
}

/**
 * A number that changes whenever the data of a database may have changed: by a write of this
 * connection (counted by `withStatementCache`) or a commit of another connection, the CLI's
 * for instance (`PRAGMA data_version` differs then). It only grows, so an answer stored under
 * one value is never taken for a later state. For exact caches of answers (tickets.ts).
 */
export class DataVersion {
  #local = 0;
  #seen: number | null = null;
  #statement: SQLite.Statement | null = null;
  constructor(private readonly sqlite: SQLite.Database) {}

  written(): void {
    this.#local++;
  }

  /** The current value: asks SQLite whether another connection committed since the last call. */
  current(): number {
    this.#statement ??= this.sqlite.prepare('PRAGMA data_version').pluck();
    const external = this.#statement.get() as number;
    if (external !== this.#seen) {
      this.#seen = external;
      this.#local++;
    }
    return this.#local;
  }
}

const versions = new WeakMap<Db, DataVersion>();

/** The data version of a database made by `createDb`. */
export function dataVersion(db: Db): DataVersion | undefined {
  return versions.get(db);
}

export function createDb(sqlite: SQLite.Database): Db {
  const version = new DataVersion(sqlite);
  const db = new Kysely<Database>({ dialect: new PortalSqliteDialect({ database: withStatementCache(sqlite, version) }) });
  versions.set(db, version);
  return db;
}

const provider: MigrationProvider = {
  getMigrations: async () => migrations,
};

/** Brings the schema up to date; each migration runs in its own transaction. */
export async function migrate(db: Db): Promise<string[]> {
  // unordered: two branches may each add a migration; names still sort, none is skipped
  const migrator = new Migrator({ db, provider, allowUnorderedMigrations: true });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
