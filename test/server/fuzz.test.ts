/**
 * Fuzzing every API route (issue 8, R-X-5): for each route of the app (taken from `app.routes`,
 * so new routes are fuzzed without anyone adding them here) fast-check generates requests —
 * path parameters from real ids to hostile strings, query strings with known and unknown keys,
 * bodies that are nearly valid (a real body with one field broken, dropped or added), random
 * JSON, broken JSON and wrong content types, as every kind of caller — and checks:
 *
 *   - never a 5xx;
 *   - every 4xx is the error envelope without internals (no stack, SQL or path) and changed
 *     nothing: a checksum of every table before and after is equal. Left out are `session`
 *     (its expiry slides on use) and `auth_throttle` (counting failed sign-ins is what a refused
 *     sign-in is meant to do, R-AUTH-2).
 *
 * Fixed seed and FUZZ_RUNS runs per route (default 25); `FUZZ_RUNS=500 FUZZ_SEED=… npx vitest
 * run --config vitest.config.ts test/server/fuzz.test.ts` for a longer hunt. Figures go to
 * test-results/security.json (section `fuzz`).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { Db } from '../../server/db/index.js';
import { ORIGIN, testContext } from './helpers.js';
import { bearerSignIn, expectErrorEnvelope, PASSWORD } from './auth-fixtures.js';
import { createSession } from '../../server/auth/sessions.js';
import { api, EMAILS, makeTicket, PNG, ticketSet, upload, world, type Persona, type World } from './ticket-fixtures.js';
import { recordSecurityFigures } from './security-figures.js';
import { errorStatus, type ErrorCode } from '../../server/schemas/errors.js';

const RUNS = Number(process.env.FUZZ_RUNS ?? 25);
const SEED = Number(process.env.FUZZ_SEED ?? 20260308);

/** Every table but the sign-in bookkeeping, as one checksum. */
async function checksum(db: Db): Promise<string> {
  const tables = await sql<{ name: string }>`
    select name from sqlite_master
    where type = 'table' and name not like 'sqlite_%' and name not in ('session', 'auth_throttle') order by name
  `.execute(db);
  const hash = createHash('sha256');
  for (const { name } of tables.rows) {
    const rows = await sql<Record<string, unknown>>`select * from ${sql.table(name)}`.execute(db);
    hash.update(name + '\n' + rows.rows.map((r) => JSON.stringify(r)).sort().join('\n') + '\n');
  }
  return hash.digest('hex');
}

// ---------------------------------------------------------------------------------------------
// The world and its ids

let w: World;
const pool: Record<string, string[]> = {};
let accounts: { id: string; password_hash: string | null; must_change_password: number }[];

beforeAll(async () => {
  w = await world();
  const t = await ticketSet(w);
  pool.ticket = Object.values(t);
  const files = await upload(w, 'author', `/api/tickets/${t.pub}/attachments`, [{ name: 'a.png', data: PNG }, { name: 'b.txt', data: 'text' }]);
  const draft = await upload(w, 'author', '/api/uploads', [{ name: 'c.png', data: PNG }]);
  pool.attachment = [...files.json.items, ...draft.json.items].map((i: { attachment: { id: string } }) => i.attachment.id);
  pool.query = [(await api(w, 'author', 'POST', '/api/queries', { name: 'Meine', filter: { authorIsMe: true } })).json.id];
  const section = (await api(w, 'agent', 'POST', '/api/agent/kb/sections', { nameDe: 'Drucker', nameEn: 'Printers' })).json.id;
  const article = (await api(w, 'agent', 'POST', '/api/agent/kb/articles', { sectionId: section, language: 'de', title: 'Toner', bodyHtml: '<p>Toner tauschen</p>', businessPartnerIds: ['bp-nord'] })).json.id;
  pool.kb = [section, article];
  const board = (await api(w, 'agent', 'POST', '/api/agent/plan/boards', { title: 'Rollout', businessPartnerId: 'bp-nord' })).json;
  await api(w, 'agent', 'PUT', `/api/agent/plan/boards/${board.id}/members`, { members: [{ email: EMAILS.author, role: 'editor' }, { email: EMAILS.viewer, role: 'observer' }] });
  const activity = (await api(w, 'agent', 'POST', `/api/agent/plan/boards/${board.id}/activities`, { columnId: board.columns[0].id, title: 'Tauschen', startDate: '2026-03-10', endDate: '2026-03-11', ticketId: t.pub })).json.id;
  pool.board = [board.id];
  pool.column = board.columns.map((c: { id: string }) => c.id);
  pool.activity = [activity];
  pool.partner = ['bp-nord', 'bp-blue', 'bp-ost', 'bp-foreign', 'Nordwind Logistik GmbH'];
  pool.key = [(await api(w, 'agent', 'POST', '/api/agent/partners/bp-nord/keys', { alg: 'HS256', issuer: 'intranet-nord', audience: 'portal' })).json.id];
  pool.prefKey = ['board.sort', 'theme', 'a:b.c-d'];
  pool.status = ['new', 'in_progress', 'closed', 'awaiting_release'];
  await makeTicket(w, 'blue');
  accounts = await w.t.db.selectFrom('account').select(['id', 'password_hash', 'must_change_password']).execute();
}, 60_000);

// ---------------------------------------------------------------------------------------------
// Generators

const hostileStrings = [
  '', ' ', '\t', '0', '-1', '1e309', 'NaN', 'null', 'undefined', 'true', '[]', '{}',
  '..', '../..', '..%2f..%2fetc%2fpasswd', '%2e%2e%2f', '%00', '%', '%ff', '\u0000', '\u202e', '😀', 'ß',
  "' OR '1'='1", '"; drop table ticket; --', '\\', '*', '?', '#', '&', '=', ';', ',', '%0d%0aSet-Cookie:x=1',
  '<script>alert(1)</script>', 'javascript:alert(1)', '${7*7}', '{{7*7}}', '__proto__', 'constructor', 'prototype',
  'a'.repeat(65), 'a'.repeat(300), 'x'.repeat(70_000),
  '2026-02-30', '9999-12-31', '0000-00-00', '2026-3-1',
];
const hostileString = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...hostileStrings) },
  { weight: 2, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
);
const hostileNumber = fc.oneof(
  fc.constantFrom(0, -1, 1, 2 ** 31, 2 ** 53, -(2 ** 53), 1e308, 0.5, -0.0, 100_001, 1001),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);
const anyJson = fc.jsonValue({ maxDepth: 3 });
const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: hostileString },
  { weight: 2, arbitrary: hostileNumber },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.constant(null) },
  { weight: 1, arbitrary: fc.array(hostileString, { maxLength: 4 }) },
  { weight: 1, arbitrary: anyJson },
  { weight: 1, arbitrary: fc.constant({ __proto__: { admin: true }, constructor: { prototype: { x: 1 } } }) },
);

/** A plausible value of a field (valid ids and values of the world) or a hostile one. */
function fieldValue(name: string): fc.Arbitrary<unknown> {
  const ids = (p: string) => fc.constantFrom(...(pool[p] ?? ['x']));
  const valid: Record<string, fc.Arbitrary<unknown>> = {
    subject: fc.constantFrom('Drucker druckt nicht', 'ab'),
    description: fc.constantFrom('<p>Text</p>', '<img src="/api/attachments/zzzzzzzzzzzz">', ''),
    body: fc.constantFrom('<p>Text</p>', '', '<p> </p>'),
    bodyHtml: fc.constantFrom('<p>Text</p>'),
    tags: fc.array(fc.constantFrom('drucker', 'netz', ''), { maxLength: 3 }),
    typeId: fc.constantFrom('type-sp-main', 'type-sp-other'),
    areaId: fc.constantFrom('area-sp-main', 'area-sp-other'),
    urgency: fc.constantFrom('low', 'medium', 'high', 'critical'),
    impact: fc.constantFrom('low', 'medium', 'high'),
    priority: fc.constantFrom('low', 'medium', 'high', 'critical'),
    businessPartnerId: ids('partner'),
    businessPartnerIds: fc.array(ids('partner'), { maxLength: 3 }),
    attachmentIds: fc.array(ids('attachment'), { maxLength: 3 }),
    ticketId: fc.oneof(ids('ticket'), fc.constant(null)),
    columnId: ids('column'),
    sectionId: ids('kb'),
    version: fc.integer({ min: 0, max: 5 }),
    startDate: fc.constantFrom('2026-03-10', '2026-03-12'),
    endDate: fc.constantFrom('2026-03-09', '2026-03-11'),
    status: fc.constantFrom('in_progress', 'waiting_for_customer', 'resolved', 'closed', 'new'),
    reason: fc.constantFrom('Geprüft und passt so.', 'kurz'),
    email: fc.constantFrom(...Object.values(EMAILS), 'nobody@example.com'),
    password: fc.constantFrom('Wrong-Password-1!'),
    oldPassword: fc.constantFrom('Wrong-Password-1!'),
    newPassword: fc.constantFrom('Neues-Passwort-2026!', 'kurz'),
    mode: fc.constantFrom('bearer', 'cookie'),
    locale: fc.constantFrom('de', 'en', 'fr'),
    language: fc.constantFrom('de', 'en'),
    role: fc.constantFrom('observer', 'editor', 'admin'),
    alg: fc.constantFrom('HS256', 'EdDSA', 'RS256', 'none'),
    filter: fc.constantFrom({}, { statuses: ['new'] }, { q: 'x', authorIsMe: true }, { bogus: 1 }),
    members: fc.array(fc.record({ email: fc.constantFrom(...Object.values(EMAILS)), role: fc.constantFrom('observer', 'editor') }), { maxLength: 2 }),
    origins: fc.array(fc.constantFrom('https://intranet.example.com', 'http://localhost', '*', 'null'), { maxLength: 2 }),
    columns: fc.array(fc.constantFrom('Geplant', ''), { maxLength: 3 }),
  };
  return fc.oneof({ weight: 3, arbitrary: valid[name] ?? hostileString }, { weight: 2, arbitrary: hostileValue });
}

/** A valid body per route (where the route takes one); the generator breaks it in one place. */
function baseBody(route: string): Record<string, unknown> {
  const bodies: Record<string, Record<string, unknown>> = {
    'POST /api/auth/sign-in': { email: EMAILS.author, password: 'Wrong-Password-1!', mode: 'bearer' },
    'POST /api/auth/exchange': { token: 'eyJhbGciOiJIUzI1NiJ9.e30.x' },
    'POST /api/auth/password': { oldPassword: 'Wrong-Password-1!', newPassword: 'Neues-Passwort-2026!' },
    'PATCH /api/me': { locale: 'de', notifyEmail: true, name: 'Name' },
    'POST /api/tickets': { subject: 'Drucker druckt nicht', description: '<p>x</p>', tags: [], typeId: 'type-sp-main', areaId: 'area-sp-main', urgency: 'low', impact: 'low', release: false, private: false },
    'PATCH /api/tickets/:id': { version: 1, subject: 'Neuer Betreff' },
    'POST /api/tickets/:id/positions': { body: '<p>x</p>', attachmentIds: [] },
    'POST /api/tickets/:id/close': { reason: 'Hat sich erledigt, danke.' },
    'POST /api/tickets/:id/reopen': { reason: 'Doch nicht erledigt.' },
    'POST /api/tickets/:id/release': { reason: 'Passt so.' },
    'POST /api/tickets/:id/reject': { reason: 'Passt nicht.' },
    'POST /api/tickets/:id/resubmit': { comment: 'Ergänzt.' },
    'POST /api/queries': { name: 'Offen', description: '', filter: { statuses: ['new'] } },
    'PUT /api/prefs/:key': { value: { a: 1 } },
    'POST /api/agent/kb/sections': { nameDe: 'A', nameEn: 'B', sort: 1 },
    'PATCH /api/agent/kb/sections/:id': { nameDe: 'A' },
    'POST /api/agent/kb/articles': { sectionId: pool.kb![0], language: 'de', title: 'T', bodyHtml: '<p>x</p>', businessPartnerIds: [] },
    'PATCH /api/agent/kb/articles/:id': { version: 1, title: 'T2' },
    'PUT /api/agent/kb/articles/:id/shares': { businessPartnerIds: ['bp-nord'] },
    'PATCH /api/plan-activities/:id': { version: 1, priority: 'high' },
    'POST /api/agent/plan/boards': { title: 'B', description: '', columns: ['A'] },
    'PATCH /api/agent/plan/boards/:id': { title: 'B2' },
    'POST /api/agent/plan/boards/:id/columns': { title: 'C' },
    'PATCH /api/agent/plan/boards/:id/columns/:columnId': { title: 'C2' },
    'PUT /api/agent/plan/boards/:id/members': { members: [{ email: EMAILS.author, role: 'editor' }] },
    'POST /api/agent/plan/boards/:id/activities': { columnId: pool.column![0], title: 'A', startDate: '2026-03-10', endDate: '2026-03-11' },
    'PATCH /api/agent/plan/activities/:id': { version: 1, durationHours: 3 },
    'PUT /api/agent/partners/:id/origins': { origins: ['https://intranet.example.com'] },
    'POST /api/agent/partners/:id/keys': { alg: 'HS256', issuer: 'iss', audience: 'aud' },
    'POST /api/agent/tickets/:id/positions': { body: '<p>x</p>', internal: false },
    'POST /api/agent/tickets/:id/status': { status: 'in_progress' },
  };
  return bodies[route] ?? {};
}

/** Nearly valid: the route's body with one field broken, dropped or an unknown one added. */
function nearlyValid(route: string): fc.Arbitrary<unknown> {
  const base = baseBody(route);
  const keys = [...new Set([...Object.keys(base), 'subject', 'version', 'id', 'businessPartnerId', 'ticketId', 'internal', 'isAdmin'])];
  return fc.oneof(
    fc.constantFrom(...keys).chain((k) => fieldValue(k).map((v) => ({ ...base, [k]: v }))),
    fc.constantFrom(...Object.keys(base), '-').map((k) => Object.fromEntries(Object.entries(base).filter(([x]) => x !== k))),
    fc.dictionary(fc.constantFrom(...keys), hostileValue, { maxKeys: 4 }).map((extra) => ({ ...base, ...extra })),
  );
}

interface FuzzBody {
  contentType?: string;
  raw: string | Uint8Array | undefined;
}

function bodyFor(route: string): fc.Arbitrary<FuzzBody> {
  const json = (v: unknown): FuzzBody => ({ contentType: 'application/json', raw: JSON.stringify(v) });
  return fc.oneof(
    { weight: 6, arbitrary: nearlyValid(route).map(json) },
    { weight: 2, arbitrary: anyJson.map(json) },
    { weight: 1, arbitrary: fc.constantFrom<FuzzBody>(
      { raw: undefined },
      { contentType: 'application/json', raw: '' },
      { contentType: 'application/json', raw: '{' },
      { contentType: 'application/json', raw: '{"a":1}{"b":2}' },
      { contentType: 'application/json', raw: '"\\ud800"' },
      { contentType: 'application/json', raw: new Uint8Array([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x3a, 0x31, 0x7d]) },
      { contentType: 'application/json; charset=utf-16', raw: '{}' },
      { contentType: 'text/plain', raw: '{}' },
      { contentType: 'application/x-www-form-urlencoded', raw: 'a=1&b=2' },
      { contentType: 'multipart/form-data; boundary=x', raw: '--x\r\nContent-Disposition: form-data; name="file"; filename="a.txt"\r\n\r\nhi\r\n--x--\r\n' },
      { contentType: 'multipart/form-data', raw: 'no boundary' },
      { contentType: 'application/json', raw: '[' .repeat(5000) },
      { contentType: 'application/json', raw: JSON.stringify({ a: 'x'.repeat(1024 * 1024) }) },
    ) },
  );
}

/** The pool a path parameter draws its plausible values from. */
function paramPool(route: string, param: string): string[] {
  if (param === 'columnId') return pool.column!;
  if (param === 'keyId') return pool.key!;
  if (param === 'key') return pool.prefKey!;
  if (route.includes('/attachments/:id') || route.includes('/uploads/')) return pool.attachment!;
  if (route.includes('/tickets/')) return pool.ticket!;
  if (route.includes('/queries/')) return pool.query!;
  if (route.includes('/kb/')) return pool.kb!;
  if (route.includes('/boards/') || route.includes('/planboards/')) return pool.board!;
  if (route.includes('activities/')) return pool.activity!;
  if (route.includes('/partners/')) return pool.partner!;
  return ['x'];
}

const queryKeys = ['q', 'query', 'status', 'type', 'priority', 'partner', 'sort', 'dir', 'page', 'pageSize', 'lang', 'scope', 'prefix', 'limit', 'section', 'inline', 'internal', '__proto__', 'constructor'];
const queryValue = fc.oneof(
  { weight: 2, arbitrary: fc.constantFrom('1', '2', '0', '-1', '100', '101', 'updatedAt', 'priority', 'asc', 'desc', 'new,closed', 'bogus', 'de', 'en', 'all', 'mine', 'bp-nord', 'open') },
  { weight: 2, arbitrary: hostileString.filter((s) => s.length < 1000) },
  { weight: 1, arbitrary: fc.array(fc.constantFrom('new', 'closed', 'x'), { minLength: 2, maxLength: 3 }) },
);

const personas: Persona[] = ['anon', 'viewer', 'author', 'dispatcher', 'multi', 'other', 'agent', 'foreignAgent'];

interface Case {
  who: Persona;
  path: string;
  body: FuzzBody;
  headers: Record<string, string>;
}

function caseFor(method: string, route: string): fc.Arbitrary<Case> {
  const params = [...route.matchAll(/:(\w+)/g)].map((m) => m[1]!);
  const paramArb = (p: string) =>
    fc.oneof(
      { weight: 5, arbitrary: fc.constantFrom(...paramPool(route, p)).map(encodeURIComponent) },
      { weight: 1, arbitrary: fc.constant('zzzzzzzzzzzzzzzz') },
      { weight: 3, arbitrary: hostileString.map((s) => encodeURIComponent(s)) },
      { weight: 1, arbitrary: fc.constantFrom('..', '.', '%2F', '..%2F..', '%00', '%E0%A4%A', 'a%2Fb', '%u0041') },
    );
  const pathArb = fc.tuple(...params.map(paramArb)).map((values) => {
    let i = 0;
    return route.replace(/:(\w+)/g, () => values[i++] ?? 'x');
  });
  const queryArb = fc.dictionary(fc.constantFrom(...queryKeys), queryValue, { maxKeys: 4 }).map((q) => {
    const sp = new URLSearchParams();
    for (const [k, v] of Object.entries(q)) for (const x of Array.isArray(v) ? v : [v]) sp.append(k, x);
    const s = sp.toString();
    return s ? `?${s}` : '';
  });
  const headerArb = fc.record(
    {
      'accept-language': fc.constantFrom('de', 'en-US,en;q=0.9', '*', 'xx', '\u00e4'),
      'x-request-id': fc.constantFrom('short', 'a'.repeat(65), 'valid-request-id-123', '../../x'),
      origin: fc.constantFrom(ORIGIN, 'https://evil.example', 'null'),
      'sec-fetch-site': fc.constantFrom('same-origin', 'cross-site', 'none'),
      authorization: fc.constantFrom('Bearer ', 'Bearer ' + 'a'.repeat(32), 'Basic Zm9vOmJhcg==', 'Bearer x y'),
    },
    { requiredKeys: [] },
  );
  const hasBody = method !== 'GET' && method !== 'DELETE';
  return fc.record({
    who: fc.constantFrom(...personas),
    path: fc.tuple(pathArb, queryArb).map(([p, q]) => p + q),
    body: hasBody ? bodyFor(`${method} ${route}`) : fc.constant<FuzzBody>({ raw: undefined }),
    headers: fc.oneof({ weight: 4, arbitrary: fc.constant({}) }, { weight: 1, arbitrary: headerArb }),
  });
}

// ---------------------------------------------------------------------------------------------

const figures = { routes: 0, runsPerRoute: RUNS, seed: SEED, cases: 0, serverErrors: 0, refusalsThatWrote: 0, byStatus: {} as Record<string, number> };

afterAll(async () => {
  await recordSecurityFigures('fuzz', figures);
});

/** The token a case is sent with: auth routes end or replace the caller's session, so they get a spare one. */
async function tokenFor(route: string, c: Case): Promise<string | undefined> {
  if (c.who === 'anon') return undefined;
  if (!route.startsWith('/api/auth/')) return w.token[c.who];
  const id = (await w.t.db.selectFrom('account').select('id').where('email', '=', EMAILS[c.who]).executeTakeFirstOrThrow()).id;
  return (await createSession(w.t.deps, id, 'bearer', null)).token;
}

async function send(method: string, c: Case, token: string | undefined): Promise<{ status: number; text: string; json: any; headers: Headers }> {
  const headers: Record<string, string> = { origin: ORIGIN, ...c.headers };
  if (token && !('authorization' in c.headers)) headers.authorization = `Bearer ${token}`;
  if (c.body.contentType) headers['content-type'] = c.body.contentType;
  const res = await w.t.app.request(`${ORIGIN}${c.path}`, { method, headers, ...(c.body.raw !== undefined ? { body: c.body.raw as BodyInit } : {}) });
  const text = await res.text();
  let json: any;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  return { status: res.status, text, json, headers: res.headers };
}

/**
 * Puts back what an auth call may have changed (passwords, failed sign-ins), so the next cases
 * are not throttled and every caller stays signed in.
 */
async function restoreAccounts() {
  await w.t.db.deleteFrom('auth_throttle').execute();
  for (const a of accounts) {
    await w.t.db.updateTable('account').set({ password_hash: a.password_hash, must_change_password: a.must_change_password }).where('id', '=', a.id).execute();
  }
  for (const p of personas) {
    if (p === 'anon') continue;
    const ok = await api(w, p, 'GET', '/api/health');
    const me = await api(w, p, 'GET', '/api/me');
    if (ok.status !== 200 || me.status === 401) w.token[p] = await bearerSignIn(w.t, EMAILS[p], PASSWORD);
  }
}

/** The routes of the app (method + path, middleware left out), read once when the file loads. */
const ROUTES = await (async () => {
  const probe = await testContext();
  const list = [...new Set(probe.app.routes.filter((r) => r.method !== 'ALL').map((r) => `${r.method} ${r.path}`))];
  await probe.db.destroy();
  return list;
})();

describe('fuzzing every route: never a 5xx, and a refused request changes nothing', () => {
  it('has the routes of the app', () => {
    expect(ROUTES.length).toBeGreaterThan(50);
    figures.routes = ROUTES.length;
  });

  it.each(ROUTES)('%s', async (route) => {
    const [method, path] = route.split(' ') as [string, string];
    await fc.assert(
      fc.asyncProperty(caseFor(method, path), async (c) => {
        const token = await tokenFor(path, c);
        const before = await checksum(w.t.db);
        const r = await send(method, c, token);
        figures.cases++;
        const bucket = `${Math.floor(r.status / 100)}xx`;
        figures.byStatus[bucket] = (figures.byStatus[bucket] ?? 0) + 1;
        if (path.startsWith('/api/auth/')) await restoreAccounts();
        if (r.status >= 500) {
          figures.serverErrors++;
          throw new Error(`${method} ${c.path} as ${c.who} answered ${r.status}: ${r.text.slice(0, 300)}`);
        }
        if (r.status >= 400) {
          expectErrorEnvelope(r, r.status, r.json?.error?.code);
          // the code is the one of this status (STYLE.md's table), not any code
          expect(errorStatus[r.json.error.code as ErrorCode], `${r.json.error.code} with ${r.status}`).toBe(r.status);
          if ((await checksum(w.t.db)) !== before) {
            figures.refusalsThatWrote++;
            throw new Error(`${method} ${c.path} as ${c.who} answered ${r.status} but changed data`);
          }
        }
      }),
      { seed: SEED, numRuns: RUNS },
    );
  }, Math.max(120_000, RUNS * 3000));
});
