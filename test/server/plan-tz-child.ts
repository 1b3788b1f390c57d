/**
 * Child process of plan-timezones.test.ts. Node fixes a process's time zone at start-up, so the
 * suite runs this script once per `TZ` against one shared SQLite file:
 *
 *   node --import tsx test/server/plan-tz-child.ts <db file> '<steps as JSON>'
 *
 * Steps run in order, through the real app (`createApp`) with an injected clock:
 *   {op:'setup'}                                  migrate; partner, agent, board editor, a board
 *   {op:'clock', at}                              set the clock (ISO instant)
 *   {op:'create', title, startDate, endDate}      POST an activity as the agent
 *   {op:'patch', title, fields}                   PATCH it as the board editor (current version)
 *   {op:'read'}                                   GET the board as the editor; its activities
 *
 * Prints one JSON line: the zone it ran in, the local calendar day at each clock instant (to
 * prove the run straddles midnight), every answer of create/patch/read, and the raw rows.
 */
import { createDb, migrate, openSqlite } from '../../server/db/index.js';
import { ManualClock } from '../../server/clock.js';
import { defaultConfig } from '../../server/config.js';
import { memoryLogger } from '../../server/log.js';
import { createApp } from '../../server/app.js';
import type { Deps } from '../../server/deps.js';
import { insertAccount } from '../../server/domain/accounts.js';
import { hashPassword } from '../../server/auth/passwords.js';
import { call, testHashCost } from './helpers.js';

type Step =
  | { op: 'setup' }
  | { op: 'clock'; at: string }
  | { op: 'create'; title: string; startDate: string; endDate: string }
  | { op: 'patch'; title: string; fields: Record<string, unknown> }
  | { op: 'read' };

const PASSWORD = 'Portal-Demo-2026!';
const AGENT = 'alex.agent@servicedesk.example';
const EDITOR = 'dora.dispatcher@nordwind.example';
const BOARD = 'Zeitzonen-Board';

const [dbPath, stepsJson] = process.argv.slice(2);
if (!dbPath || !stepsJson) throw new Error('usage: plan-tz-child.ts <db file> <steps JSON>');
const steps = JSON.parse(stepsJson) as Step[];

const sqlite = openSqlite(dbPath);
const db = createDb(sqlite);
const clock = new ManualClock();
const deps: Deps = {
  db,
  clock,
  config: defaultConfig({ hashCost: testHashCost }),
  logger: memoryLogger(),
  clientAddress: () => '203.0.113.20',
};
const app = createApp(deps);

const localDay = (d: Date) =>
  `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;

const out = {
  timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
  /** local calendar day at each clock step */
  localDays: [] as string[],
  answers: [] as unknown[],
  rows: [] as unknown[],
};

const tokens: Record<string, string> = {};
async function token(email: string): Promise<string> {
  if (!tokens[email]) {
    const r = await call(app, 'POST', '/api/auth/sign-in', { body: { email, password: PASSWORD, mode: 'bearer' } });
    if (r.status !== 200) throw new Error(`sign-in ${email}: ${r.status} ${r.text}`);
    tokens[email] = r.json.token;
  }
  return tokens[email]!;
}

async function ok(r: Awaited<ReturnType<typeof call>>, status: number, what: string) {
  if (r.status !== status) throw new Error(`${what}: ${r.status} ${r.text}`);
  return r.json;
}

async function boardId(): Promise<string> {
  const b = await db.selectFrom('plan_board').select('id').where('title', '=', BOARD).executeTakeFirstOrThrow();
  return b.id;
}

async function setup() {
  await migrate(db);
  await db.insertInto('system_partner').values({ id: 'sp-main', name: 'Servicedesk GmbH' }).execute();
  await db.insertInto('business_partner').values({ id: 'bp-nord', system_partner_id: 'sp-main', name: 'Nordwind Logistik GmbH' }).execute();
  const passwordHash = await hashPassword(PASSWORD, testHashCost);
  const base = { systemPartnerId: 'sp-main', locale: 'de' as const, passwordHash, mustChangePassword: false, passwordExpiresAt: null, now: clock.now() };
  await insertAccount(db, { ...base, kind: 'agent', email: AGENT, name: 'Alex Agent', memberships: [] });
  await insertAccount(db, {
    ...base,
    kind: 'customer',
    email: EDITOR,
    name: 'Dora Dietrich',
    memberships: [{ businessPartnerId: 'bp-nord', role: 'dispatcher' }],
  });
  const agent = await token(AGENT);
  const b = await ok(await call(app, 'POST', '/api/agent/plan/boards', { token: agent, body: { title: BOARD, businessPartnerId: 'bp-nord', columns: ['Geplant', 'Erledigt'] } }), 201, 'board');
  await ok(await call(app, 'PUT', `/api/agent/plan/boards/${b.id}/members`, { token: agent, body: { members: [{ email: EDITOR, role: 'editor' }] } }), 200, 'members');
}

for (const step of steps) {
  switch (step.op) {
    case 'setup':
      await setup();
      break;
    case 'clock':
      clock.set(step.at);
      // sessions end after hours of idleness: sign in afresh at every new instant
      for (const k of Object.keys(tokens)) delete tokens[k];
      out.localDays.push(localDay(clock.now()));
      break;
    case 'create': {
      const id = await boardId();
      const board = await ok(await call(app, 'GET', `/api/agent/plan/boards/${id}`, { token: await token(AGENT) }), 200, 'board');
      const body = { columnId: board.columns[0].id, title: step.title, startDate: step.startDate, endDate: step.endDate, durationHours: 8 };
      out.answers.push(await ok(await call(app, 'POST', `/api/agent/plan/boards/${id}/activities`, { token: await token(AGENT), body }), 201, 'create'));
      break;
    }
    case 'patch': {
      const a = await db.selectFrom('plan_activity').select(['id', 'version']).where('title', '=', step.title).executeTakeFirstOrThrow();
      const body = { version: a.version, ...step.fields };
      out.answers.push(await ok(await call(app, 'PATCH', `/api/plan-activities/${a.id}`, { token: await token(EDITOR), body }), 200, 'patch'));
      break;
    }
    case 'read': {
      const board = await ok(await call(app, 'GET', `/api/planboards/${await boardId()}`, { token: await token(EDITOR) }), 200, 'read');
      out.answers.push([...board.activities].sort((x: { title: string }, y: { title: string }) => x.title.localeCompare(y.title)));
      break;
    }
  }
}
out.rows = await db
  .selectFrom('plan_activity')
  .select(['title', 'start_date', 'end_date', 'created_at', 'updated_at', 'version'])
  .orderBy('title')
  .execute();
await db.destroy();
process.stdout.write(JSON.stringify(out) + '\n');
