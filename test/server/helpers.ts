import { createDb, migrate, openSqlite, type Db } from '../../server/db/index.js';
import { ManualClock } from '../../server/clock.js';
import { defaultConfig, type Config } from '../../server/config.js';
import { memoryLogger } from '../../server/log.js';
import type { Deps } from '../../server/deps.js';
import { createApp } from '../../server/app.js';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Cheap argon2id for tests (same algorithm, tiny cost). */
export const testHashCost = { memoryCost: 1024, timeCost: 1, parallelism: 1 };

export interface TestContext {
  deps: Deps;
  db: Db;
  clock: ManualClock;
  logger: ReturnType<typeof memoryLogger>;
  app: ReturnType<typeof createApp>;
  /** the client address the throttle sees; tests may change it */
  client: { address: string };
}

/** A fresh migrated database (in memory, or a new file at `dbPath`) and an app on it. */
export async function testContext(config: Partial<Config> = {}, opts: { dbPath?: string } = {}): Promise<TestContext> {
  const sqlite = openSqlite(opts.dbPath ?? ':memory:');
  const db = createDb(sqlite);
  await migrate(db);
  const clock = new ManualClock();
  const logger = memoryLogger();
  const client = { address: '203.0.113.10' };
  const deps: Deps = {
    db,
    clock,
    config: defaultConfig({
      hashCost: testHashCost,
      uploads: { ...defaultConfig().uploads, dir: mkdtempSync(join(tmpdir(), 'portal-files-')) },
      ...config,
    }),
    logger,
    clientAddress: () => client.address,
  };
  return { deps, db, clock, logger, app: createApp(deps), client };
}

export const ORIGIN = 'http://localhost';

/** JSON request helper: same-origin by default, so cookie-mode calls pass the CSRF check. */
export async function call(
  app: TestContext['app'],
  method: string,
  path: string,
  opts: { body?: unknown; token?: string; cookie?: string; headers?: Record<string, string> } = {},
) {
  const headers: Record<string, string> = { origin: ORIGIN, ...opts.headers };
  if (opts.body !== undefined) headers['content-type'] ??= 'application/json';
  if (opts.token) headers.authorization = `Bearer ${opts.token}`;
  if (opts.cookie) headers.cookie = opts.cookie;
  const res = await app.request(`${ORIGIN}${path}`, {
    method,
    headers,
    body: opts.body === undefined ? undefined : typeof opts.body === 'string' ? opts.body : JSON.stringify(opts.body),
  });
  const text = await res.text();
  let json: any = undefined;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  return { status: res.status, headers: res.headers, json, text };
}
