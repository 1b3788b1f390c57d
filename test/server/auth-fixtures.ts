/**
 * Fixtures shared by the sign-in, session, HTTP, access and /api/me suites: partners, accounts,
 * tickets, signing in, and a checksum of every table (to prove a refused request wrote nothing).
 */
import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import { expect } from 'vitest';
import type { Db } from '../../server/db/index.js';
import type { Role, TicketStatus } from '../../server/db/schema.js';
import { insertAccount } from '../../server/domain/accounts.js';
import { hashPassword } from '../../server/auth/passwords.js';
import { call, testHashCost, type TestContext } from './helpers.js';

export const PASSWORD = 'Portal-Demo-2026!';

export const SP = 'sp-main';
export const SP_OTHER = 'sp-other';

/** Two system partners, each with a ticket type and an area, and the given business partners. */
export async function seedPartners(
  db: Db,
  partners: { id: string; name?: string; sp?: string }[] = [
    { id: 'bp-nord', name: 'Nordwind Logistik GmbH' },
    { id: 'bp-blue', name: 'Blue Harbor Ltd' },
  ],
): Promise<void> {
  for (const sp of [SP, SP_OTHER]) {
    await db.insertInto('system_partner').values({ id: sp, name: `System partner ${sp}` }).execute();
    await db
      .insertInto('ticket_type')
      .values({ id: `type-${sp}`, system_partner_id: sp, name_de: 'Störung', name_en: 'Incident' })
      .execute();
    await db
      .insertInto('area')
      .values({ id: `area-${sp}`, system_partner_id: sp, name_de: 'Netzwerk', name_en: 'Network' })
      .execute();
  }
  for (const p of partners) {
    await db
      .insertInto('business_partner')
      .values({ id: p.id, system_partner_id: p.sp ?? SP, name: p.name ?? p.id })
      .execute();
  }
}

export interface AccountSpec {
  email: string;
  password?: string | null;
  name?: string;
  kind?: 'customer' | 'agent';
  systemPartnerId?: string;
  memberships?: { businessPartnerId: string; role: Role; canWrite?: boolean; canRelease?: boolean }[];
  mustChangePassword?: boolean;
  passwordExpiresAt?: string | null;
  locale?: 'de' | 'en';
}

/** Inserts an account with an argon2id hash of its password (cheap test cost). */
export async function createAccount(t: TestContext, spec: AccountSpec): Promise<string> {
  const password = spec.password === undefined ? PASSWORD : spec.password;
  return insertAccount(t.db, {
    systemPartnerId: spec.systemPartnerId ?? SP,
    kind: spec.kind ?? 'customer',
    email: spec.email,
    name: spec.name ?? spec.email.split('@')[0]!,
    locale: spec.locale ?? 'de',
    passwordHash: password === null ? null : await hashPassword(password, testHashCost),
    mustChangePassword: spec.mustChangePassword ?? false,
    passwordExpiresAt: spec.passwordExpiresAt ?? null,
    memberships: spec.memberships ?? [],
    now: t.clock.now(),
  });
}

/** The `name=value` pair of the session cookie a response set, or null. */
export function sessionCookie(t: TestContext, headers: Headers): string | null {
  const name = t.deps.config.session.cookieName;
  for (const line of headers.getSetCookie()) {
    const pair = line.split(';')[0]!;
    if (pair.startsWith(name + '=')) return pair;
  }
  return null;
}

/** Signs in in bearer mode and returns the token. */
export async function bearerSignIn(t: TestContext, email: string, password = PASSWORD): Promise<string> {
  const r = await call(t.app, 'POST', '/api/auth/sign-in', { body: { email, password, mode: 'bearer' } });
  expect(r.status, r.text).toBe(200);
  expect(typeof r.json.token).toBe('string');
  return r.json.token as string;
}

/** Signs in in cookie mode and returns the `name=value` cookie pair. */
export async function cookieSignIn(t: TestContext, email: string, password = PASSWORD): Promise<string> {
  const r = await call(t.app, 'POST', '/api/auth/sign-in', { body: { email, password } });
  expect(r.status, r.text).toBe(200);
  const cookie = sessionCookie(t, r.headers);
  expect(cookie).not.toBeNull();
  return cookie!;
}

let ticketNumber = 10000;

export interface TicketSpec {
  id?: string;
  businessPartnerId: string;
  authorId: string;
  systemPartnerId?: string;
  private?: boolean;
  status?: TicketStatus;
  released?: boolean;
}

/** Inserts a ticket row directly (the policy only looks at a handful of its columns). */
export async function insertTicket(db: Db, spec: TicketSpec, now = new Date('2026-03-01T10:00:00Z')) {
  const id = spec.id ?? `t${++ticketNumber}`;
  const sp = spec.systemPartnerId ?? SP;
  const status = spec.status ?? 'new';
  const released = spec.released ?? (status !== 'awaiting_release' && status !== 'release_rejected');
  const row = {
    id,
    number: ++ticketNumber,
    system_partner_id: sp,
    business_partner_id: spec.businessPartnerId,
    author_id: spec.authorId,
    subject: `Ticket ${id}`,
    reference_no: null,
    type_id: `type-${sp}`,
    area_id: `area-${sp}`,
    urgency: 'medium' as const,
    impact: 'medium' as const,
    priority: 'medium' as const,
    private: spec.private ? 1 : 0,
    status,
    released_at: released ? now.toISOString() : null,
    released_by: null,
    closed_at: null,
    closed_reason: null,
    assignee_id: null,
    created_at: now.toISOString(),
    updated_at: now.toISOString(),
  };
  await db.insertInto('ticket').values(row).execute();
  return row;
}

/** Row counts of every table, plus a SHA-256 over all their contents. */
export async function dbSnapshot(db: Db): Promise<{ counts: Record<string, number>; checksum: string }> {
  const tables = await sql<{ name: string }>`
    select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name
  `.execute(db);
  const hash = createHash('sha256');
  const counts: Record<string, number> = {};
  for (const { name } of tables.rows) {
    const rows = await sql<Record<string, unknown>>`select * from ${sql.table(name)}`.execute(db);
    counts[name] = rows.rows.length;
    const lines = rows.rows.map((r) => JSON.stringify(r)).sort();
    hash.update(name + '\n' + lines.join('\n') + '\n');
  }
  return { counts, checksum: hash.digest('hex') };
}

/** The standard error envelope (STYLE.md) with the given code, and the request id header. */
export function expectErrorEnvelope(
  r: { status: number; headers: Headers; json: any; text: string },
  status: number,
  code: string,
) {
  expect(r.status, r.text).toBe(status);
  expect(r.json, r.text).toBeTypeOf('object');
  expect(Object.keys(r.json)).toEqual(['error']);
  const e = r.json.error;
  expect(e.code).toBe(code);
  expect(typeof e.message).toBe('string');
  expect(e.message.length).toBeGreaterThan(0);
  expect(typeof e.requestId).toBe('string');
  expect(e.requestId.length).toBeGreaterThanOrEqual(8);
  expect(r.headers.get('x-request-id')).toBe(e.requestId);
  for (const k of Object.keys(e)) expect(['code', 'message', 'details', 'requestId']).toContain(k);
  // nothing internal leaks: no stack frames, SQL, file paths
  expect(r.text).not.toMatch(/\n\s+at |SQLITE|sqlite|select |insert into|update |\/work\/|node_modules|\.ts:\d/i);
}
