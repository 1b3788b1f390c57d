/**
 * Plan boards (R-PLAN-1..5, R-X-4, R-X-5): only members see a board (others 404), observers
 * change nothing, editors change dates, duration, priority, column and position and nothing
 * else, calendar days are strict `YYYY-MM-DD`, stale versions answer 409 with the current
 * activity, moves renumber both columns, ticket links reveal only what the member may see, and
 * the agent API manages boards, columns, members and activities. Boards are built through the
 * agent API, as an agent would.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { call, testContext, type TestContext } from './helpers.js';
import { bearerSignIn, createAccount, expectErrorEnvelope, insertTicket, seedPartners, SP_OTHER } from './auth-fixtures.js';
import { withoutRequestId } from './ticket-fixtures.js';
import { dataSnapshot, expectNothingWritten } from './data-snapshot.js';
import { MINUTE } from '../../server/clock.js';

const WHO = ['dora', 'petra', 'erik', 'anna', 'bob', 'agent', 'foreignAgent', 'foreign'] as const;
type Who = (typeof WHO)[number];

const EMAIL: Record<Who, string> = {
  dora: 'dora.dispatcher@nordwind.example',
  petra: 'petra.schulz@nordwind.example',
  erik: 'erik.editor@nordwind.example',
  anna: 'anna.viewer@nordwind.example',
  bob: 'bob.editor@blueharbor.example',
  agent: 'alex.agent@servicedesk.example',
  foreignAgent: 'fiona.fremd@other-desk.example',
  foreign: 'kunde@fremdkunde.example',
};

interface PlanWorld {
  t: TestContext;
  id: Record<Who, string>;
  token: Record<Who, string>;
  /** released private ticket of Petra, released public one of Erik, Erik's awaiting release, Bob's */
  ticket: { petraPrivate: any; erikPublic: any; awaiting: any; blue: any };
}

async function planWorld(): Promise<PlanWorld> {
  const t = await testContext();
  await seedPartners(t.db, [
    { id: 'bp-nord', name: 'Nordwind Logistik GmbH' },
    { id: 'bp-blue', name: 'Blue Harbor Ltd' },
    { id: 'bp-foreign', name: 'Fremdkunde AG', sp: SP_OTHER },
  ]);
  const specs: Record<Who, Parameters<typeof createAccount>[1]> = {
    dora: { email: EMAIL.dora, name: 'Dora Dietrich', memberships: [{ businessPartnerId: 'bp-nord', role: 'dispatcher' }] },
    petra: { email: EMAIL.petra, name: 'Petra Schulz', memberships: [{ businessPartnerId: 'bp-nord', role: 'editor' }] },
    erik: { email: EMAIL.erik, name: 'Erik Engel', memberships: [{ businessPartnerId: 'bp-nord', role: 'editor' }] },
    anna: { email: EMAIL.anna, name: 'Anna Vogel', memberships: [{ businessPartnerId: 'bp-nord', role: 'viewer' }] },
    bob: { email: EMAIL.bob, name: 'Bob Baker', locale: 'en', memberships: [{ businessPartnerId: 'bp-blue', role: 'editor' }] },
    agent: { email: EMAIL.agent, name: 'Alex Agent', kind: 'agent' },
    foreignAgent: { email: EMAIL.foreignAgent, name: 'Fiona Fremd', kind: 'agent', systemPartnerId: SP_OTHER },
    foreign: { email: EMAIL.foreign, systemPartnerId: SP_OTHER, memberships: [{ businessPartnerId: 'bp-foreign', role: 'editor' }] },
  };
  const id = {} as Record<Who, string>;
  const token = {} as Record<Who, string>;
  for (const who of WHO) {
    id[who] = await createAccount(t, specs[who]);
    token[who] = await bearerSignIn(t, EMAIL[who]);
  }
  const ticket = {
    petraPrivate: await insertTicket(t.db, { businessPartnerId: 'bp-nord', authorId: id.petra, private: true }),
    erikPublic: await insertTicket(t.db, { businessPartnerId: 'bp-nord', authorId: id.erik }),
    awaiting: await insertTicket(t.db, { businessPartnerId: 'bp-nord', authorId: id.erik, status: 'awaiting_release' }),
    blue: await insertTicket(t.db, { businessPartnerId: 'bp-blue', authorId: id.bob }),
  };
  return { t, id, token, ticket };
}

const as = (w: PlanWorld, who: Who, method: string, path: string, body?: unknown) =>
  call(w.t.app, method, path, { token: w.token[who], ...(body === undefined ? {} : { body }) });

interface Board {
  id: string;
  columns: string[];
  /** activities in creation order */
  acts: any[];
}

/**
 * A Nordwind board with columns Geplant / In Arbeit / Erledigt, Dora and Petra as editors and
 * Erik as observer, and `count` activities in the first column (made through the agent API).
 */
async function newBoard(w: PlanWorld, count = 3, members: { email: string; role: string }[] | null = null): Promise<Board> {
  const b = await as(w, 'agent', 'POST', '/api/agent/plan/boards', {
    title: 'Rollout Lager',
    description: 'Umzug des Lagers nach Halle 3',
    businessPartnerId: 'bp-nord',
    columns: ['Geplant', 'In Arbeit', 'Erledigt'],
  });
  expect(b.status, b.text).toBe(201);
  const id = b.json.id as string;
  const m = await as(w, 'agent', 'PUT', `/api/agent/plan/boards/${id}/members`, {
    members: members ?? [
      { email: EMAIL.dora, role: 'editor' },
      { email: EMAIL.petra, role: 'editor' },
      { email: EMAIL.erik, role: 'observer' },
    ],
  });
  expect(m.status, m.text).toBe(200);
  const columns = (b.json.columns as { id: string }[]).map((c) => c.id);
  const acts = [];
  for (let i = 0; i < count; i++) acts.push(await activity(w, id, { columnId: columns[0]!, title: `Schritt ${i + 1}` }));
  return { id, columns, acts };
}

async function activity(w: PlanWorld, boardId: string, input: Record<string, unknown>): Promise<any> {
  const r = await as(w, 'agent', 'POST', `/api/agent/plan/boards/${boardId}/activities`, {
    title: 'Aktivität',
    startDate: '2026-03-09',
    endDate: '2026-03-13',
    durationHours: 16,
    priority: 'medium',
    ...input,
  });
  expect(r.status, r.text).toBe(201);
  return r.json;
}

async function getBoard(w: PlanWorld, who: Who, id: string) {
  const r = await as(w, who, 'GET', `/api/planboards/${id}`);
  expect(r.status, r.text).toBe(200);
  return r.json;
}

/** The activity as `who` sees it on the board. */
async function seen(w: PlanWorld, who: Who, boardId: string, activityId: string) {
  return (await getBoard(w, who, boardId)).activities.find((a: any) => a.id === activityId);
}

/** Column id → activity titles in position order, with positions checked to be 0..n-1. */
async function layout(w: PlanWorld, b: Board) {
  const board = await getBoard(w, 'agent', b.id);
  const out: Record<string, string[]> = {};
  for (const col of board.columns) {
    const acts = board.activities.filter((a: any) => a.columnId === col.id).sort((x: any, y: any) => x.position - y.position);
    expect(acts.map((a: any) => a.position), `positions in ${col.title}`).toEqual(acts.map((_: any, i: number) => i));
    out[col.title] = acts.map((a: any) => a.title);
  }
  return out;
}

const patch = (w: PlanWorld, who: Who, id: string, body: unknown) => as(w, who, 'PATCH', `/api/plan-activities/${id}`, body);

const MISSING = 'zzzzzzzzzzzzzzzzzzzz';

// ---------------------------------------------------------------------------------------------

describe('membership: only members see a board', () => {
  let w: PlanWorld;
  let b: Board;
  let other: Board;

  beforeAll(async () => {
    w = await planWorld();
    b = await newBoard(w, 2);
    // a second board where only Bob is a member
    other = await newBoard(w, 1, [{ email: EMAIL.bob, role: 'editor' }]);
  });

  it('lists each member’s boards with their role, and nobody else’s', async () => {
    const list = async (who: Who) => {
      const r = await as(w, who, 'GET', '/api/planboards');
      expect(r.status, r.text).toBe(200);
      return r.json.items.map((i: any) => [i.id, i.role, i.activityCount]);
    };
    expect(await list('dora')).toEqual([[b.id, 'editor', 2]]);
    expect(await list('erik')).toEqual([[b.id, 'observer', 2]]);
    expect(await list('bob')).toEqual([[other.id, 'editor', 1]]);
    expect(await list('anna')).toEqual([]);
    expect(await list('foreign')).toEqual([]);
    expect(await list('foreignAgent')).toEqual([]);
  });

  it('shows a member the board: title, description, columns in order, activities, own role', async () => {
    const r = await as(w, 'erik', 'GET', `/api/planboards/${b.id}`);
    expect(r.status, r.text).toBe(200);
    expect(r.json).toMatchObject({
      id: b.id,
      title: 'Rollout Lager',
      description: 'Umzug des Lagers nach Halle 3',
      role: 'observer',
      columns: [
        { id: b.columns[0], title: 'Geplant' },
        { id: b.columns[1], title: 'In Arbeit' },
        { id: b.columns[2], title: 'Erledigt' },
      ],
    });
    expect(r.json.activities).toHaveLength(2);
    const a = r.json.activities.find((x: any) => x.id === b.acts[0].id);
    expect(a).toEqual({
      id: b.acts[0].id,
      boardId: b.id,
      title: 'Schritt 1',
      description: '',
      startDate: '2026-03-09',
      endDate: '2026-03-13',
      durationHours: 16,
      priority: 'medium',
      columnId: b.columns[0],
      position: 0,
      createdAt: w.t.clock.now().toISOString(),
      updatedAt: w.t.clock.now().toISOString(),
      version: 1,
    });
    expect((await getBoard(w, 'dora', b.id)).role).toBe('editor');
    // customers do not see the members' e-mail addresses
    expect(r.text).not.toContain(EMAIL.dora);
  });

  it('answers non-members 404, exactly like a missing board', async () => {
    const missing = await as(w, 'anna', 'GET', `/api/planboards/${MISSING}`);
    expectErrorEnvelope(missing, 404, 'not_found');
    for (const [who, board] of [
      ['anna', b],
      ['bob', b],
      ['foreign', b],
      ['foreignAgent', b],
      ['dora', other],
      ['erik', other],
    ] as [Who, Board][]) {
      const r = await as(w, who, 'GET', `/api/planboards/${board.id}`);
      expectErrorEnvelope(r, 404, 'not_found');
      expect(withoutRequestId(r.json), `${who}`).toEqual(withoutRequestId(missing.json));
      expect(r.text).not.toContain('Rollout');
    }
  });

  it('answers a non-member’s change 404 like a missing activity, and changes nothing', async () => {
    const missing = await patch(w, 'anna', MISSING, { version: 1, priority: 'high' });
    expectErrorEnvelope(missing, 404, 'not_found');
    await expectNothingWritten(w.t.db, async () => {
      for (const who of ['anna', 'bob', 'foreign', 'foreignAgent'] as Who[]) {
        const r = await patch(w, who, b.acts[0].id, { version: 1, priority: 'high' });
        expectErrorEnvelope(r, 404, 'not_found');
        expect(withoutRequestId(r.json)).toEqual(withoutRequestId(missing.json));
      }
    });
  });

  it('needs a session', async () => {
    expectErrorEnvelope(await call(w.t.app, 'GET', '/api/planboards'), 401, 'unauthenticated');
    expectErrorEnvelope(await call(w.t.app, 'GET', `/api/planboards/${b.id}`), 401, 'unauthenticated');
    expectErrorEnvelope(await call(w.t.app, 'PATCH', `/api/plan-activities/${b.acts[0].id}`, { body: { version: 1 } }), 401, 'unauthenticated');
  });

  it('/api/me capabilities.planBoards follows membership (R-PLAN-1)', async () => {
    const w2 = await planWorld();
    const cap = async (who: Who) => (await as(w2, who, 'GET', '/api/me')).json.capabilities.planBoards as boolean;
    for (const who of ['dora', 'petra', 'erik', 'anna', 'bob'] as Who[]) expect(await cap(who), who).toBe(false);
    // a board without members gives nobody the tab
    const board = await as(w2, 'agent', 'POST', '/api/agent/plan/boards', { title: 'Leer', columns: ['A'] });
    expect(board.status, board.text).toBe(201);
    expect(await cap('dora')).toBe(false);
    const put = (members: { email: string; role: string }[]) => as(w2, 'agent', 'PUT', `/api/agent/plan/boards/${board.json.id}/members`, { members });
    expect((await put([{ email: EMAIL.erik, role: 'observer' }, { email: EMAIL.anna, role: 'editor' }])).status).toBe(200);
    expect(await cap('erik')).toBe(true);
    expect(await cap('anna')).toBe(true);
    expect(await cap('dora')).toBe(false);
    expect((await put([{ email: EMAIL.anna, role: 'observer' }])).status).toBe(200);
    expect(await cap('erik')).toBe(false);
    expect(await cap('anna')).toBe(true);
    expectErrorEnvelope(await as(w2, 'erik', 'GET', `/api/planboards/${board.json.id}`), 404, 'not_found');
  });
});

describe('who may change what (R-PLAN-5)', () => {
  let w: PlanWorld;
  beforeAll(async () => {
    w = await planWorld();
  });

  const fields: [string, (b: Board) => Record<string, unknown>][] = [
    ['startDate', () => ({ startDate: '2026-03-10' })],
    ['endDate', () => ({ endDate: '2026-03-20' })],
    ['durationHours', () => ({ durationHours: 4.5 })],
    ['priority', () => ({ priority: 'critical' })],
    ['columnId', (b) => ({ columnId: b.columns[1] })],
    ['position', () => ({ position: 0 })],
  ];

  it.each(fields)('an observer may not change %s: 403, nothing changed', async (_, change) => {
    const b = await newBoard(w, 2);
    const target = b.acts[1];
    const before = await seen(w, 'erik', b.id, target.id);
    await expectNothingWritten(w.t.db, async () => {
      const r = await patch(w, 'erik', target.id, { version: 1, ...change(b) });
      expectErrorEnvelope(r, 403, 'forbidden');
      // a stale version does not turn the refusal into a conflict that reveals the current state
      expectErrorEnvelope(await patch(w, 'erik', target.id, { version: 7, ...change(b) }), 403, 'forbidden');
    });
    expect(await seen(w, 'erik', b.id, target.id)).toEqual(before);
  });

  it.each(fields)('an editor may change %s', async (name, change) => {
    const b = await newBoard(w, 2);
    const target = b.acts[1];
    w.t.clock.advance(MINUTE);
    const body = { version: 1, ...change(b) };
    const r = await patch(w, 'dora', target.id, body);
    expect(r.status, r.text).toBe(200);
    expect(r.json.version).toBe(2);
    expect(r.json.updatedAt).toBe(w.t.clock.now().toISOString());
    expect(r.json.createdAt).toBe(target.createdAt);
    const expected = name === 'position' ? { position: 0 } : change(b);
    expect(r.json).toMatchObject(expected);
    expect(await seen(w, 'erik', b.id, target.id)).toEqual(r.json);
  });

  it.each([
    ['title', { title: 'Umbenannt' }],
    ['description', { description: 'Neue Beschreibung' }],
    ['ticketId', (w: PlanWorld) => ({ ticketId: w.ticket.erikPublic.id })],
    ['ticketId (unlink)', { ticketId: null }],
  ] as [string, Record<string, unknown> | ((w: PlanWorld) => Record<string, unknown>)][])(
    'an editor may not change %s: 403, nothing changed',
    async (_, change) => {
      const b = await newBoard(w, 1);
      const body = { version: 1, ...(typeof change === 'function' ? change(w) : change) };
      await expectNothingWritten(w.t.db, async () => {
        expectErrorEnvelope(await patch(w, 'dora', b.acts[0].id, body), 403, 'forbidden');
        expectErrorEnvelope(await patch(w, 'dora', b.acts[0].id, { ...body, priority: 'high' }), 403, 'forbidden');
        // nor through the agent API
        expectErrorEnvelope(await as(w, 'dora', 'PATCH', `/api/agent/plan/activities/${b.acts[0].id}`, body), 403, 'forbidden');
      });
    },
  );

  it('an agent may change title, description and the ticket link', async () => {
    const b = await newBoard(w, 1);
    const r = await as(w, 'agent', 'PATCH', `/api/agent/plan/activities/${b.acts[0].id}`, {
      version: 1,
      title: 'Regale aufbauen',
      description: 'Mit zwei Helfern',
      ticketId: w.ticket.erikPublic.id,
    });
    expect(r.status, r.text).toBe(200);
    expect(r.json).toMatchObject({ title: 'Regale aufbauen', description: 'Mit zwei Helfern', ticketId: w.ticket.erikPublic.id, version: 2 });
    const unlink = await as(w, 'agent', 'PATCH', `/api/agent/plan/activities/${b.acts[0].id}`, { version: 2, ticketId: null });
    expect(unlink.status, unlink.text).toBe(200);
    expect(unlink.json.ticketId).toBeUndefined();
    expect(unlink.json.ticket).toBeUndefined();
  });

  it('a change that changes nothing keeps the version and the updated date', async () => {
    const b = await newBoard(w, 2);
    const a = b.acts[0];
    w.t.clock.advance(MINUTE);
    await expectNothingWritten(w.t.db, async () => {
      for (const body of [
        { version: 1 },
        { version: 1, startDate: a.startDate, endDate: a.endDate, durationHours: a.durationHours, priority: a.priority },
        { version: 1, columnId: a.columnId },
        { version: 1, columnId: a.columnId, position: 0 },
      ]) {
        const r = await patch(w, 'dora', a.id, body);
        expect(r.status, r.text).toBe(200);
        expect(r.json).toEqual(a);
      }
    });
    // the version the editor holds is still good for a real change
    const real = await patch(w, 'dora', a.id, { version: 1, priority: 'high' });
    expect(real.json).toMatchObject({ version: 2, priority: 'high', updatedAt: w.t.clock.now().toISOString() });
  });

  it('refuses an end before the start with 422, also when only one side changes', async () => {
    const b = await newBoard(w, 1);
    const id = b.acts[0].id; // 2026-03-09 … 2026-03-13
    await expectNothingWritten(w.t.db, async () => {
      for (const [body, path] of [
        [{ endDate: '2026-03-08' }, 'endDate'],
        [{ startDate: '2026-03-14' }, 'startDate'],
        [{ startDate: '2026-04-02', endDate: '2026-04-01' }, 'endDate'],
      ] as [Record<string, string>, string][]) {
        const r = await patch(w, 'dora', id, { version: 1, ...body });
        expectErrorEnvelope(r, 422, 'validation_failed');
        expect(r.json.error.details.issues.map((i: any) => i.path)).toEqual([path]);
      }
    });
    // a one-day activity is fine
    const one = await patch(w, 'dora', id, { version: 1, startDate: '2026-03-13' });
    expect(one.status, one.text).toBe(200);
    expect(one.json).toMatchObject({ startDate: '2026-03-13', endDate: '2026-03-13' });
  });

  it.each([
    ['a day that does not exist', '2026-02-30'],
    ['29 February of a common year', '2025-02-29'],
    ['month 13', '2026-13-01'],
    ['day 0', '2026-03-00'],
    ['a date without leading zeros', '2026-1-5'],
    ['a full ISO instant', '2026-03-10T00:00:00.000Z'],
    ['a date with a time', '2026-03-10 12:00'],
    ['a German date', '10.03.2026'],
    ['an empty string', ''],
    ['a number', 20260310],
    ['null', null],
    ['a year with five digits', '20260-03-10'],
  ])('refuses %s as a calendar day with 422 and changes nothing', async (_, value) => {
    const b = await newBoard(w, 1);
    await expectNothingWritten(w.t.db, async () => {
      for (const field of ['startDate', 'endDate']) {
        const r = await patch(w, 'dora', b.acts[0].id, { version: 1, [field]: value });
        expectErrorEnvelope(r, 422, 'validation_failed');
        expect(r.json.error.details.issues.map((i: any) => i.path)).toEqual([field]);
      }
    });
  });

  it('accepts 29 February of a leap year', async () => {
    const b = await newBoard(w, 1);
    const r = await patch(w, 'dora', b.acts[0].id, { version: 1, startDate: '2028-02-29', endDate: '2028-02-29' });
    expect(r.status, r.text).toBe(200);
    expect(r.json).toMatchObject({ startDate: '2028-02-29', endDate: '2028-02-29' });
  });

  it.each([
    ['no version', { priority: 'high' }, 'version'],
    ['a version as text', { version: '1', priority: 'high' }, 'version'],
    ['a negative duration', { version: 1, durationHours: -1 }, 'durationHours'],
    ['a duration as text', { version: 1, durationHours: '8' }, 'durationHours'],
    ['an unknown priority', { version: 1, priority: 'urgent' }, 'priority'],
    ['a negative position', { version: 1, position: -1 }, 'position'],
    ['a fractional position', { version: 1, position: 0.5 }, 'position'],
    ['an unknown field', { version: 1, boardId: 'x' }, ''],
    ['a malformed column id', { version: 1, columnId: '../x' }, 'columnId'],
  ])('refuses %s with 422 and changes nothing', async (_, body, path) => {
    const b = await newBoard(w, 1);
    await expectNothingWritten(w.t.db, async () => {
      const r = await patch(w, 'dora', b.acts[0].id, body);
      expectErrorEnvelope(r, 422, 'validation_failed');
      expect(r.json.error.details.issues.map((i: any) => i.path)).toContain(path);
    });
  });

  it('answers a stale version with 409 and the current activity; re-applying on it works', async () => {
    const b = await newBoard(w, 1);
    const id = b.acts[0].id;
    w.t.clock.advance(MINUTE);
    // Petra moves the dates first
    const first = await patch(w, 'petra', id, { version: 1, startDate: '2026-03-16', endDate: '2026-03-18' });
    expect(first.status, first.text).toBe(200);
    // Dora still works on version 1
    const stale = await expectNothingWritten(w.t.db, () => patch(w, 'dora', id, { version: 1, priority: 'high', endDate: '2026-03-20' }));
    expectErrorEnvelope(stale, 409, 'conflict');
    const current = await seen(w, 'dora', b.id, id);
    expect(stale.json.error.details.current).toEqual(current);
    expect(current).toMatchObject({ version: 2, startDate: '2026-03-16', endDate: '2026-03-18', priority: 'medium' });
    // a version from the future is just as stale
    expectErrorEnvelope(await patch(w, 'dora', id, { version: 3, priority: 'high' }), 409, 'conflict');
    // re-applied on the current version
    const again = await patch(w, 'dora', id, { version: current.version, priority: 'high', endDate: '2026-03-20' });
    expect(again.status, again.text).toBe(200);
    expect(again.json).toMatchObject({ version: 3, startDate: '2026-03-16', endDate: '2026-03-20', priority: 'high' });
  });

  it('the 409 answer reveals the ticket link only as far as the caller may see it', async () => {
    const b = await newBoard(w, 0);
    const act = await activity(w, b.id, { columnId: b.columns[0], ticketId: w.ticket.petraPrivate.id });
    expect((await patch(w, 'petra', act.id, { version: 1, priority: 'low' })).status).toBe(200);
    const stale = await patch(w, 'dora', act.id, { version: 1, priority: 'high' });
    expectErrorEnvelope(stale, 409, 'conflict');
    expect(stale.json.error.details.current.ticket).toEqual({ number: w.ticket.petraPrivate.number, accessible: false });
    expect(stale.text).not.toContain(w.ticket.petraPrivate.id);
    expect(stale.text).not.toContain(w.ticket.petraPrivate.subject);
  });
});

describe('moving activities', () => {
  let w: PlanWorld;
  beforeAll(async () => {
    w = await planWorld();
  });

  /** Board with Geplant: S1 S2 S3, In Arbeit: B1 B2, Erledigt: (empty). */
  async function movingBoard() {
    const b = await newBoard(w, 3);
    b.acts.push(await activity(w, b.id, { columnId: b.columns[1], title: 'B1' }));
    b.acts.push(await activity(w, b.id, { columnId: b.columns[1], title: 'B2' }));
    expect(await layout(w, b)).toEqual({ Geplant: ['Schritt 1', 'Schritt 2', 'Schritt 3'], 'In Arbeit': ['B1', 'B2'], Erledigt: [] });
    return b;
  }

  it('moves to a position in another column and renumbers both columns', async () => {
    const b = await movingBoard();
    const r = await patch(w, 'dora', b.acts[1].id, { version: 1, columnId: b.columns[1], position: 1 });
    expect(r.status, r.text).toBe(200);
    expect(r.json).toMatchObject({ columnId: b.columns[1], position: 1 });
    expect(await layout(w, b)).toEqual({ Geplant: ['Schritt 1', 'Schritt 3'], 'In Arbeit': ['B1', 'Schritt 2', 'B2'], Erledigt: [] });
  });

  it('moves to the end of another column without a position', async () => {
    const b = await movingBoard();
    expect((await patch(w, 'dora', b.acts[0].id, { version: 1, columnId: b.columns[1] })).status).toBe(200);
    expect(await layout(w, b)).toEqual({ Geplant: ['Schritt 2', 'Schritt 3'], 'In Arbeit': ['B1', 'B2', 'Schritt 1'], Erledigt: [] });
    const r = await patch(w, 'dora', b.acts[2].id, { version: 1, columnId: b.columns[2] });
    expect(r.json.position).toBe(0);
    expect(await layout(w, b)).toEqual({ Geplant: ['Schritt 2'], 'In Arbeit': ['B1', 'B2', 'Schritt 1'], Erledigt: ['Schritt 3'] });
  });

  it('reorders within a column; a position past the end means the end', async () => {
    const b = await movingBoard();
    expect((await patch(w, 'dora', b.acts[2].id, { version: 1, position: 0 })).status).toBe(200);
    expect((await layout(w, b)).Geplant).toEqual(['Schritt 3', 'Schritt 1', 'Schritt 2']);
    expect((await patch(w, 'dora', b.acts[2].id, { version: 2, position: 99 })).json.position).toBe(2);
    expect((await layout(w, b)).Geplant).toEqual(['Schritt 1', 'Schritt 2', 'Schritt 3']);
    expect((await patch(w, 'dora', b.acts[0].id, { version: 1, position: 1 })).status).toBe(200);
    expect((await layout(w, b)).Geplant).toEqual(['Schritt 2', 'Schritt 1', 'Schritt 3']);
  });

  it('keeps the place when the column is sent unchanged with other fields', async () => {
    const b = await movingBoard();
    const r = await patch(w, 'dora', b.acts[0].id, { version: 1, columnId: b.columns[0], priority: 'high', durationHours: 8 });
    expect(r.status, r.text).toBe(200);
    expect(r.json).toMatchObject({ position: 0, priority: 'high', durationHours: 8 });
    expect((await layout(w, b)).Geplant).toEqual(['Schritt 1', 'Schritt 2', 'Schritt 3']);
  });

  it('deleting an activity closes the gap in its column', async () => {
    const b = await movingBoard();
    expect((await as(w, 'agent', 'DELETE', `/api/agent/plan/activities/${b.acts[1].id}`)).status).toBe(204);
    expect(await layout(w, b)).toEqual({ Geplant: ['Schritt 1', 'Schritt 3'], 'In Arbeit': ['B1', 'B2'], Erledigt: [] });
    expectErrorEnvelope(await as(w, 'agent', 'DELETE', `/api/agent/plan/activities/${b.acts[1].id}`), 404, 'not_found');
    // a new activity goes to the end of the column
    await activity(w, b.id, { columnId: b.columns[0], title: 'Schritt 4' });
    expect((await layout(w, b)).Geplant).toEqual(['Schritt 1', 'Schritt 3', 'Schritt 4']);
  });

  it('refuses an unknown column, or one of another board, with 422', async () => {
    const b = await movingBoard();
    const otherBoard = await newBoard(w, 0);
    await expectNothingWritten(w.t.db, async () => {
      for (const columnId of ['unknowncolumn000', otherBoard.columns[0]]) {
        const r = await patch(w, 'dora', b.acts[0].id, { version: 1, columnId, position: 0 });
        expectErrorEnvelope(r, 422, 'validation_failed');
        expect(r.json.error.details.issues.map((i: any) => i.path)).toEqual(['columnId']);
      }
    });
  });
});

describe('ticket links show only what the member may see', () => {
  let w: PlanWorld;
  let b: Board;
  let priv: any;
  let pub: any;

  beforeAll(async () => {
    w = await planWorld();
    b = await newBoard(w, 0, [
      { email: EMAIL.dora, role: 'editor' },
      { email: EMAIL.petra, role: 'editor' },
      { email: EMAIL.erik, role: 'observer' },
      { email: EMAIL.bob, role: 'observer' },
    ]);
    priv = await activity(w, b.id, { columnId: b.columns[0], title: 'Privat verknüpft', ticketId: w.ticket.petraPrivate.id });
    pub = await activity(w, b.id, { columnId: b.columns[0], title: 'Öffentlich verknüpft', ticketId: w.ticket.erikPublic.id });
  });

  const link = async (who: Who, act: any) => {
    const a = await seen(w, who, b.id, act.id);
    return { ticketId: a.ticketId, ticket: a.ticket };
  };

  it('the author of a private ticket sees its id and subject', async () => {
    const t = w.ticket.petraPrivate;
    expect(await link('petra', priv)).toEqual({ ticketId: t.id, ticket: { number: t.number, accessible: true, id: t.id, subject: t.subject } });
  });

  it('a colleague sees only the number of someone else’s private ticket', async () => {
    const t = w.ticket.petraPrivate;
    for (const who of ['erik', 'dora', 'bob'] as Who[]) {
      expect(await link(who, priv), who).toEqual({ ticketId: undefined, ticket: { number: t.number, accessible: false } });
      const r = await as(w, who, 'GET', `/api/planboards/${b.id}`);
      expect(r.text).not.toContain(t.id);
      expect(r.text).not.toContain(t.subject);
    }
  });

  it('a public ticket is linked for the company’s members, not for another company’s', async () => {
    const t = w.ticket.erikPublic;
    for (const who of ['erik', 'dora', 'petra'] as Who[]) {
      expect(await link(who, pub), who).toEqual({ ticketId: t.id, ticket: { number: t.number, accessible: true, id: t.id, subject: t.subject } });
    }
    expect(await link('bob', pub)).toEqual({ ticketId: undefined, ticket: { number: t.number, accessible: false } });
  });

  it('agents see released tickets and cannot link one they cannot see', async () => {
    expect((await link('agent', priv)).ticketId).toBe(w.ticket.petraPrivate.id);
    await expectNothingWritten(w.t.db, async () => {
      for (const ticketId of [w.ticket.awaiting.id, MISSING]) {
        const r = await as(w, 'agent', 'POST', `/api/agent/plan/boards/${b.id}/activities`, {
          columnId: b.columns[0],
          title: 'Unsichtbar',
          startDate: '2026-03-09',
          endDate: '2026-03-09',
          ticketId,
        });
        expectErrorEnvelope(r, 422, 'validation_failed');
        expect(r.json.error.details.issues.map((i: any) => i.path)).toEqual(['ticketId']);
        const p = await as(w, 'agent', 'PATCH', `/api/agent/plan/activities/${pub.id}`, { version: 1, ticketId });
        expectErrorEnvelope(p, 422, 'validation_failed');
      }
    });
  });
});

describe('agents manage boards (/api/agent/plan/*)', () => {
  let w: PlanWorld;
  beforeAll(async () => {
    w = await planWorld();
  });

  it('creates a board with its columns; the agent sees it as editor with the members’ e-mails', async () => {
    const r = await as(w, 'agent', 'POST', '/api/agent/plan/boards', { title: '  Inventur 2026 ', columns: ['Offen', 'Fertig'] });
    expect(r.status, r.text).toBe(201);
    expect(r.json).toMatchObject({ title: 'Inventur 2026', description: '', role: 'editor', activities: [], members: [] });
    expect(r.json.columns.map((c: any) => c.title)).toEqual(['Offen', 'Fertig']);
    const m = await as(w, 'agent', 'PUT', `/api/agent/plan/boards/${r.json.id}/members`, { members: [{ email: EMAIL.erik, role: 'editor' }] });
    expect(m.json.members).toEqual([{ id: w.id.erik, name: 'Erik Engel', role: 'editor', email: EMAIL.erik }]);
    const list = await as(w, 'agent', 'GET', '/api/agent/plan/boards');
    expect(list.json.items.map((i: any) => i.id)).toContain(r.json.id);
    // default columns when none are given
    const d = await as(w, 'agent', 'POST', '/api/agent/plan/boards', { title: 'Standard' });
    expect(d.status, d.text).toBe(201);
    expect(d.json.columns.map((c: any) => c.title)).toEqual(['Geplant', 'In Arbeit', 'Erledigt']);
  });

  it.each([
    ['no title', { columns: ['A'] }, 'title'],
    ['a blank title', { title: '   ' }, 'title'],
    ['no columns', { title: 'X', columns: [] }, 'columns'],
    ['a blank column', { title: 'X', columns: ['A', ' '] }, 'columns'],
    ['an unknown business partner', { title: 'X', businessPartnerId: 'bp-nobody' }, 'businessPartnerId'],
    ['a business partner of another system partner', { title: 'X', businessPartnerId: 'bp-foreign' }, 'businessPartnerId'],
  ])('refuses a board with %s: 422, nothing written', async (_, body, path) => {
    await expectNothingWritten(w.t.db, async () => {
      const r = await as(w, 'agent', 'POST', '/api/agent/plan/boards', body);
      expectErrorEnvelope(r, 422, 'validation_failed');
      expect(r.json.error.details.issues.map((i: any) => i.path.split('.')[0])).toContain(path);
    });
  });

  it('renames a board; adds, renames and deletes columns (only empty ones)', async () => {
    const b = await newBoard(w, 1);
    const p = await as(w, 'agent', 'PATCH', `/api/agent/plan/boards/${b.id}`, { title: 'Rollout Halle 3', description: 'Neu' });
    expect(p.status, p.text).toBe(200);
    expect(p.json).toMatchObject({ title: 'Rollout Halle 3', description: 'Neu' });
    expect((await getBoard(w, 'erik', b.id)).title).toBe('Rollout Halle 3');

    const add = await as(w, 'agent', 'POST', `/api/agent/plan/boards/${b.id}/columns`, { title: 'Abgenommen' });
    expect(add.status, add.text).toBe(201);
    expect(add.json.columns.map((c: any) => c.title)).toEqual(['Geplant', 'In Arbeit', 'Erledigt', 'Abgenommen']);
    const added = add.json.columns[3].id;
    const ren = await as(w, 'agent', 'PATCH', `/api/agent/plan/boards/${b.id}/columns/${added}`, { title: 'Abnahme' });
    expect(ren.status, ren.text).toBe(200);
    expect(ren.json.columns.map((c: any) => c.title)).toEqual(['Geplant', 'In Arbeit', 'Erledigt', 'Abnahme']);
    const moved = await as(w, 'agent', 'PATCH', `/api/agent/plan/boards/${b.id}/columns/${b.columns[0]}`, { sort: 10 });
    expect(moved.json.columns.map((c: any) => c.title)).toEqual(['In Arbeit', 'Erledigt', 'Abnahme', 'Geplant']);

    // an empty change changes nothing, and still tells a missing column apart
    await expectNothingWritten(w.t.db, async () => {
      const empty = await as(w, 'agent', 'PATCH', `/api/agent/plan/boards/${b.id}/columns/${added}`, {});
      expect(empty.status, empty.text).toBe(200);
      expectErrorEnvelope(await as(w, 'agent', 'PATCH', `/api/agent/plan/boards/${b.id}/columns/${MISSING}`, {}), 404, 'not_found');
    });
    // the first column holds an activity
    await expectNothingWritten(w.t.db, async () => {
      expectErrorEnvelope(await as(w, 'agent', 'DELETE', `/api/agent/plan/boards/${b.id}/columns/${b.columns[0]}`), 409, 'conflict');
    });
    expect((await as(w, 'agent', 'DELETE', `/api/agent/plan/boards/${b.id}/columns/${added}`)).status).toBe(204);
    expectErrorEnvelope(await as(w, 'agent', 'DELETE', `/api/agent/plan/boards/${b.id}/columns/${added}`), 404, 'not_found');
    // a column of another board is not this board's
    const other = await newBoard(w, 0);
    await expectNothingWritten(w.t.db, async () => {
      expectErrorEnvelope(await as(w, 'agent', 'DELETE', `/api/agent/plan/boards/${b.id}/columns/${other.columns[2]}`), 404, 'not_found');
      expectErrorEnvelope(await as(w, 'agent', 'PATCH', `/api/agent/plan/boards/${b.id}/columns/${other.columns[2]}`, { title: 'X' }), 404, 'not_found');
    });
    // once emptied, the column can go
    expect((await as(w, 'agent', 'DELETE', `/api/agent/plan/activities/${b.acts[0].id}`)).status).toBe(204);
    expect((await as(w, 'agent', 'DELETE', `/api/agent/plan/boards/${b.id}/columns/${b.columns[0]}`)).status).toBe(204);
    expect((await getBoard(w, 'agent', b.id)).columns.map((c: any) => c.title)).toEqual(['In Arbeit', 'Erledigt']);
    await expectNothingWritten(w.t.db, async () => {
      expectErrorEnvelope(await as(w, 'agent', 'POST', `/api/agent/plan/boards/${b.id}/columns`, { title: ' ' }), 422, 'validation_failed');
      expectErrorEnvelope(await as(w, 'agent', 'PATCH', `/api/agent/plan/boards/${b.id}`, { title: '' }), 422, 'validation_failed');
    });
  });

  it('sets members by e-mail (case and spaces do not matter); unknown e-mails are refused with nothing written', async () => {
    const b = await newBoard(w, 0);
    const r = await as(w, 'agent', 'PUT', `/api/agent/plan/boards/${b.id}/members`, {
      members: [
        { email: '  ERIK.Editor@Nordwind.example ', role: 'editor' },
        { email: EMAIL.anna, role: 'observer' },
      ],
    });
    expect(r.status, r.text).toBe(200);
    expect(r.json.members.map((m: any) => [m.name, m.role]).sort()).toEqual([
      ['Anna Vogel', 'observer'],
      ['Erik Engel', 'editor'],
    ]);
    for (const [email, why] of [
      ['niemand@nordwind.example', 'no such account'],
      [EMAIL.agent, 'an agent, not a customer account'],
      [EMAIL.foreign, 'a customer of another system partner'],
    ]) {
      await expectNothingWritten(w.t.db, async () => {
        const bad = await as(w, 'agent', 'PUT', `/api/agent/plan/boards/${b.id}/members`, {
          members: [
            { email: EMAIL.dora, role: 'editor' },
            { email, role: 'observer' },
          ],
        });
        expectErrorEnvelope(bad, 422, 'validation_failed');
        expect(bad.json.error.details.issues.map((i: any) => i.path), why).toEqual(['members.1.email']);
      });
    }
    await expectNothingWritten(w.t.db, async () => {
      const bad = await as(w, 'agent', 'PUT', `/api/agent/plan/boards/${b.id}/members`, { members: [{ email: EMAIL.dora, role: 'owner' }] });
      expectErrorEnvelope(bad, 422, 'validation_failed');
    });
    // still the earlier members
    expect((await getBoard(w, 'anna', b.id)).role).toBe('observer');
    expectErrorEnvelope(await as(w, 'dora', 'GET', `/api/planboards/${b.id}`), 404, 'not_found');
  });

  it('creates activities with validation: 422 and nothing written on bad input', async () => {
    const b = await newBoard(w, 0);
    const other = await newBoard(w, 0);
    const good = { columnId: b.columns[1], title: 'Regale', startDate: '2026-03-09', endDate: '2026-03-10' };
    const created = await as(w, 'agent', 'POST', `/api/agent/plan/boards/${b.id}/activities`, good);
    expect(created.status, created.text).toBe(201);
    expect(created.json).toMatchObject({ title: 'Regale', columnId: b.columns[1], position: 0, durationHours: 0, priority: 'medium', version: 1 });
    for (const [patchBody, path] of [
      [{ endDate: '2026-03-08' }, 'endDate'],
      [{ startDate: '2026-02-30' }, 'startDate'],
      [{ endDate: '2026-03-10T00:00:00Z' }, 'endDate'],
      [{ columnId: 'unknowncolumn000' }, 'columnId'],
      [{ columnId: other.columns[0] }, 'columnId'],
      [{ title: ' ' }, 'title'],
      [{ priority: 'urgent' }, 'priority'],
      [{ durationHours: -2 }, 'durationHours'],
    ] as [Record<string, unknown>, string][]) {
      await expectNothingWritten(w.t.db, async () => {
        const r = await as(w, 'agent', 'POST', `/api/agent/plan/boards/${b.id}/activities`, { ...good, ...patchBody });
        expectErrorEnvelope(r, 422, 'validation_failed');
        expect(r.json.error.details.issues.map((i: any) => i.path)).toContain(path);
      });
    }
    expectErrorEnvelope(await as(w, 'agent', 'POST', `/api/agent/plan/boards/${MISSING}/activities`, good), 404, 'not_found');
  });

  it('an agent of another system partner gets 404 for these boards and sees none', async () => {
    const b = await newBoard(w, 1);
    await expectNothingWritten(w.t.db, async () => {
      for (const [method, path, body] of [
        ['GET', `/api/agent/plan/boards/${b.id}`],
        ['PATCH', `/api/agent/plan/boards/${b.id}`, { title: 'Gekapert' }],
        ['POST', `/api/agent/plan/boards/${b.id}/columns`, { title: 'Gekapert' }],
        ['PATCH', `/api/agent/plan/boards/${b.id}/columns/${b.columns[0]}`, { title: 'Gekapert' }],
        ['DELETE', `/api/agent/plan/boards/${b.id}/columns/${b.columns[2]}`],
        ['PUT', `/api/agent/plan/boards/${b.id}/members`, { members: [] }],
        ['POST', `/api/agent/plan/boards/${b.id}/activities`, { columnId: b.columns[0], title: 'X', startDate: '2026-03-09', endDate: '2026-03-09' }],
        ['PATCH', `/api/agent/plan/activities/${b.acts[0].id}`, { version: 1, title: 'Gekapert' }],
        ['DELETE', `/api/agent/plan/activities/${b.acts[0].id}`],
      ] as [string, string, unknown?][]) {
        expectErrorEnvelope(await as(w, 'foreignAgent', method, path, body), 404, 'not_found');
      }
    });
    const list = await as(w, 'foreignAgent', 'GET', '/api/agent/plan/boards');
    expect(list.json.items).toEqual([]);
  });

  it('customers get 403 on every /api/agent/plan route, board members included, and nothing is written', async () => {
    const b = await newBoard(w, 1);
    const calls: [string, string, unknown?][] = [
      ['GET', '/api/agent/plan/boards'],
      ['POST', '/api/agent/plan/boards', { title: 'Vom Kunden' }],
      ['GET', `/api/agent/plan/boards/${b.id}`],
      ['PATCH', `/api/agent/plan/boards/${b.id}`, { title: 'Vom Kunden' }],
      ['POST', `/api/agent/plan/boards/${b.id}/columns`, { title: 'Vom Kunden' }],
      ['PATCH', `/api/agent/plan/boards/${b.id}/columns/${b.columns[0]}`, { title: 'Vom Kunden' }],
      ['DELETE', `/api/agent/plan/boards/${b.id}/columns/${b.columns[2]}`],
      ['PUT', `/api/agent/plan/boards/${b.id}/members`, { members: [{ email: EMAIL.anna, role: 'editor' }] }],
      ['POST', `/api/agent/plan/boards/${b.id}/activities`, { columnId: b.columns[0], title: 'X', startDate: '2026-03-09', endDate: '2026-03-09' }],
      ['PATCH', `/api/agent/plan/activities/${b.acts[0].id}`, { version: 1, priority: 'high' }],
      ['DELETE', `/api/agent/plan/activities/${b.acts[0].id}`],
    ];
    const before = await dataSnapshot(w.t.db);
    for (const who of ['dora', 'petra', 'erik', 'anna', 'bob'] as Who[]) {
      for (const [method, path, body] of calls) {
        const r = await as(w, who, method, path, body);
        expectErrorEnvelope(r, 403, 'forbidden');
        expect(r.text, `${who} ${method} ${path}`).not.toContain('Rollout');
      }
    }
    expect(await dataSnapshot(w.t.db)).toBe(before);
    expectErrorEnvelope(await call(w.t.app, 'GET', '/api/agent/plan/boards'), 401, 'unauthenticated');
  });
});
