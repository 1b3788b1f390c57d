/**
 * DESIGN.md's access table, endpoint by endpoint and persona by persona (R-X-4): who gets 200,
 * 401, 403, 404 or 409 on every ticket endpoint, for every kind of ticket (released public and
 * private, awaiting release public and private, rejected, closed, another partner's). A ticket
 * the caller may not see answers exactly like a missing one; lists, counts, search and detail
 * agree with each other.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { expectErrorEnvelope } from './auth-fixtures.js';
import {
  api,
  KINDS,
  makeTicket,
  MARKER,
  PERSONAS,
  PNG,
  ticketSet,
  upload,
  withoutRequestId,
  world,
  type Kind,
  type Persona,
  type World,
} from './ticket-fixtures.js';

const MISSING = 'zzzzzzzzzzzzzzzz';

/** Rows: ticket kinds; columns in PERSONAS order. */
type Table = Record<Kind, string>;
const COLUMNS = PERSONAS.join(' ');

function cell(table: Table, kind: Kind, who: Persona): number {
  const cols = table[kind].trim().split(/\s+/).map(Number);
  expect(cols, `row ${kind}`).toHaveLength(PERSONAS.length);
  return cols[PERSONAS.indexOf(who)]!;
}

//                viewer author colleague dispatcher other multi agent foreignAgent anon
const READ: Table = {
  pub: '          200    200    200       200        404   404   200   404          401',
  priv: '         404    200    404       404        404   404   200   404          401',
  awaiting: '     404    200    404       200        404   404   404   404          401',
  awaitingPriv: ' 404    200    404       200        404   404   404   404          401',
  rejected: '     404    200    404       404        404   404   404   404          401',
  closed: '       200    200    200       200        404   404   200   404          401',
  blue: '         404    404    404       404        200   200   200   404          401',
};

// Customer write routes answer agents 403 before looking at the ticket (they have their own).
const POSITION: Table = {
  pub: '          403    201    201       201        404   404   403   403          401',
  priv: '         404    201    404       404        404   404   403   403          401',
  awaiting: '     404    201    404       201        404   404   403   403          401',
  awaitingPriv: ' 404    201    404       201        404   404   403   403          401',
  rejected: '     404    201    404       404        404   404   403   403          401',
  closed: '       403    409    409       409        404   404   403   403          401',
  blue: '         404    404    404       404        201   201   403   403          401',
};

const UPLOAD = POSITION;

// An author may withdraw their unreleased ticket; a dispatcher rejects instead of closing.
const CLOSE: Table = {
  pub: '          403    200    200       200        404   404   403   403          401',
  priv: '         404    200    404       404        404   404   403   403          401',
  awaiting: '     404    200    404       409        404   404   403   403          401',
  awaitingPriv: ' 404    200    404       409        404   404   403   403          401',
  rejected: '     404    200    404       404        404   404   403   403          401',
  closed: '       403    409    409       409        404   404   403   403          401',
  blue: '         404    404    404       404        200   200   403   403          401',
};

const REOPEN: Table = {
  pub: '          403    409    409       409        404   404   403   403          401',
  priv: '         404    409    404       404        404   404   403   403          401',
  awaiting: '     404    409    404       409        404   404   403   403          401',
  awaitingPriv: ' 404    409    404       409        404   404   403   403          401',
  rejected: '     404    409    404       404        404   404   403   403          401',
  closed: '       403    200    200       200        404   404   403   403          401',
  blue: '         404    404    404       404        409   409   403   403          401',
};

// Release and reject: only releasers of the ticket's partner; not awaiting → 409. A decided
// ticket that left the dispatcher's view (private released, rejected) still answers its
// partner's releasers 409 — they knew it, and a stale inbox should say "already decided".
const DECIDE: Table = {
  pub: '          403    403    403       409        404   404   403   403          401',
  priv: '         404    403    404       409        404   404   403   403          401',
  awaiting: '     404    403    404       200        404   404   403   403          401',
  awaitingPriv: ' 404    403    404       200        404   404   403   403          401',
  rejected: '     404    403    404       409        404   404   403   403          401',
  closed: '       403    403    403       409        404   404   403   403          401',
  blue: '         404    404    404       404        403   409   403   403          401',
};

// Resubmit: the author of a rejected ticket only.
const RESUBMIT: Table = {
  pub: '          403    409    403       403        404   404   403   403          401',
  priv: '         404    409    404       404        404   404   403   403          401',
  awaiting: '     404    409    404       403        404   404   403   403          401',
  awaitingPriv: ' 404    409    404       403        404   404   403   403          401',
  rejected: '     404    200    404       404        404   404   403   403          401',
  closed: '       403    409    403       403        404   404   403   403          401',
  blue: '         404    404    404       404        409   403   403   403          401',
};

// The provider side: agent accounts only, released tickets of their own system partner only.
const AGENT_READ: Table = {
  pub: '          403    403    403       403        403   403   200   404          401',
  priv: '         403    403    403       403        403   403   200   404          401',
  awaiting: '     403    403    403       403        403   403   404   404          401',
  awaitingPriv: ' 403    403    403       403        403   403   404   404          401',
  rejected: '     403    403    403       403        403   403   404   404          401',
  closed: '       403    403    403       403        403   403   200   404          401',
  blue: '         403    403    403       403        403   403   200   404          401',
};
const AGENT_POSITION: Table = Object.fromEntries(
  Object.entries(AGENT_READ).map(([k, v]) => [k, v.replace(/\b200\b/g, '201')]),
) as Table;

interface Op {
  name: string;
  table: Table;
  /** true: a 2xx changes the ticket, so that cell gets a ticket of its own */
  mutates: boolean;
  run: (w: World, who: Persona, id: string) => Promise<{ status: number; json: any; text: string; headers: Headers }>;
}

const reason = 'Bitte so bearbeiten, danke sehr.';
const OPS: Op[] = [
  { name: 'GET /api/tickets/:id', table: READ, mutates: false, run: (w, who, id) => api(w, who, 'GET', `/api/tickets/${id}`) },
  { name: 'GET /api/tickets/:id/positions', table: READ, mutates: false, run: (w, who, id) => api(w, who, 'GET', `/api/tickets/${id}/positions`) },
  { name: 'POST /api/tickets/:id/positions', table: POSITION, mutates: true, run: (w, who, id) => api(w, who, 'POST', `/api/tickets/${id}/positions`, { body: '<p>Eine Ergänzung.</p>' }) },
  { name: 'POST /api/tickets/:id/attachments', table: UPLOAD, mutates: true, run: (w, who, id) => upload(w, who, `/api/tickets/${id}/attachments`, [{ name: 'bild.png', data: PNG }]) },
  { name: 'POST /api/tickets/:id/close', table: CLOSE, mutates: true, run: (w, who, id) => api(w, who, 'POST', `/api/tickets/${id}/close`, { reason }) },
  { name: 'POST /api/tickets/:id/reopen', table: REOPEN, mutates: true, run: (w, who, id) => api(w, who, 'POST', `/api/tickets/${id}/reopen`, { reason }) },
  { name: 'POST /api/tickets/:id/release', table: DECIDE, mutates: true, run: (w, who, id) => api(w, who, 'POST', `/api/tickets/${id}/release`, { reason }) },
  { name: 'POST /api/tickets/:id/reject', table: DECIDE, mutates: true, run: (w, who, id) => api(w, who, 'POST', `/api/tickets/${id}/reject`, { reason }) },
  { name: 'POST /api/tickets/:id/resubmit', table: RESUBMIT, mutates: true, run: (w, who, id) => api(w, who, 'POST', `/api/tickets/${id}/resubmit`, { comment: 'Ergänzt.' }) },
  { name: 'GET /api/agent/tickets/:id', table: AGENT_READ, mutates: false, run: (w, who, id) => api(w, who, 'GET', `/api/agent/tickets/${id}`) },
  { name: 'POST /api/agent/tickets/:id/positions', table: AGENT_POSITION, mutates: true, run: (w, who, id) => api(w, who, 'POST', `/api/agent/tickets/${id}/positions`, { body: '<p>Wir schauen es uns an.</p>' }) },
  {
    name: 'POST /api/agent/tickets/:id/status',
    table: AGENT_READ,
    mutates: true,
    // closed tickets can only go back to in_progress; everything else can be resolved
    run: async (w, who, id) => {
      const row = await w.t.db.selectFrom('ticket').select('status').where('id', '=', id).executeTakeFirstOrThrow();
      return api(w, who, 'POST', `/api/agent/tickets/${id}/status`, { status: row.status === 'closed' ? 'in_progress' : 'resolved' });
    },
  },
];

/** What can change when a request goes wrong: the ticket row and everything hanging off it. */
async function ticketState(w: World, id: string) {
  const db = w.t.db;
  const ticket = await db.selectFrom('ticket').selectAll().where('id', '=', id).executeTakeFirst();
  const count = async (table: 'position' | 'attachment' | 'release_decision' | 'outbox') =>
    Number((await db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).where('ticket_id', '=', id).executeTakeFirstOrThrow()).n);
  return { ticket, positions: await count('position'), attachments: await count('attachment'), decisions: await count('release_decision'), mails: await count('outbox') };
}

const statusCode: Record<number, string> = { 401: 'unauthenticated', 403: 'forbidden', 404: 'not_found', 409: 'conflict' };

describe.each(OPS)('$name', (op) => {
  let w: World;
  let shared: Record<Kind, string>;
  beforeAll(async () => {
    w = await world();
    shared = await ticketSet(w);
  });

  it(`answers per the access table (${COLUMNS})`, async () => {
    const seen: string[] = [];
    for (const kind of KINDS) {
      for (const who of PERSONAS) {
        const expected = cell(op.table, kind, who);
        const ok = expected < 300;
        const id = ok && op.mutates ? await makeTicket(w, kind) : shared[kind];
        const before = await ticketState(w, id);
        const r = await op.run(w, who, id);
        seen.push(`${kind}/${who}: ${r.status}`);
        expect(r.status, `${op.name} ${kind} as ${who}: ${r.text}`).toBe(expected);
        if (ok) continue;
        expectErrorEnvelope(r, expected, statusCode[expected]!);
        // a refused request changes nothing
        expect(await ticketState(w, id), `${kind} as ${who}`).toEqual(before);
        // exactly like a missing id, apart from the request id (the status runner reads the
        // row first; its missing case has a test of its own below)
        if (expected === 404 && !op.name.endsWith('/status')) {
          const missing = await op.run(w, who, MISSING);
          expect(withoutRequestId(r.json), `${kind} as ${who}`).toEqual(withoutRequestId(missing.json));
        }
      }
    }
    expect(seen).toHaveLength(KINDS.length * PERSONAS.length);
  });
});

describe('agent status changes on a missing ticket', () => {
  it('answer 404 like an invisible one', async () => {
    const w = await world();
    const set = await ticketSet(w);
    const missing = await api(w, 'agent', 'POST', `/api/agent/tickets/${MISSING}/status`, { status: 'resolved' });
    const hidden = await api(w, 'agent', 'POST', `/api/agent/tickets/${set.awaiting}/status`, { status: 'resolved' });
    expectErrorEnvelope(missing, 404, 'not_found');
    expect(withoutRequestId(hidden.json)).toEqual(withoutRequestId(missing.json));
  });
});

describe('lists, counts, search and detail agree for every persona', () => {
  let w: World;
  let set: Record<Kind, string>;
  beforeAll(async () => {
    w = await world();
    set = await ticketSet(w);
  });

  const visibleKinds = (who: Persona) => KINDS.filter((k) => cell(READ, k, who) === 200);

  it.each(PERSONAS.filter((p) => p !== 'anon'))('%s', async (who) => {
    const kinds = visibleKinds(who);
    const expectedIds = kinds.map((k) => set[k]).sort();

    const list = await api(w, who, 'GET', '/api/tickets?pageSize=100');
    expect(list.status, list.text).toBe(200);
    expect(list.json.items.map((i: any) => i.id).sort()).toEqual(expectedIds);
    expect(list.json.total).toBe(expectedIds.length);

    // page size 1: `total` is the count of everything, not of the page
    const paged = await api(w, who, 'GET', '/api/tickets?pageSize=1');
    expect(paged.json.total).toBe(expectedIds.length);
    expect(paged.json.items).toHaveLength(Math.min(1, expectedIds.length));

    for (const kind of KINDS) {
      const visible = kinds.includes(kind);
      const found = await api(w, who, 'GET', `/api/tickets?q=${MARKER[kind]}`);
      expect(found.status, found.text).toBe(200);
      expect(found.json.items.map((i: any) => i.id), `${kind} searched by ${who}`).toEqual(visible ? [set[kind]] : []);
      expect(found.json.total).toBe(visible ? 1 : 0);
      const detail = await api(w, who, 'GET', `/api/tickets/${set[kind]}`);
      expect(detail.status, `${kind} detail for ${who}`).toBe(visible ? 200 : 404);
    }

    // the agent list: released tickets of the agent's own system partner only
    const agentList = await api(w, who, 'GET', '/api/agent/tickets?pageSize=100');
    if (who === 'agent' || who === 'foreignAgent') {
      expect(agentList.status).toBe(200);
      expect(agentList.json.items.map((i: any) => i.id).sort()).toEqual(expectedIds);
      expect(agentList.json.total).toBe(expectedIds.length);
    } else {
      expectErrorEnvelope(agentList, 403, 'forbidden');
    }
  });

  it('anonymous calls get 401 on every ticket route', async () => {
    for (const [method, path] of [
      ['GET', '/api/tickets'],
      ['POST', '/api/tickets'],
      ['GET', '/api/agent/tickets'],
      ['GET', '/api/queries'],
      ['GET', '/api/lookups/types'],
      ['GET', '/api/tags'],
      ['GET', `/api/attachments/${MISSING}`],
      ['DELETE', `/api/uploads/${MISSING}`],
    ] as const) {
      const r = await api(w, 'anon', method, path, method === 'POST' ? {} : undefined);
      expectErrorEnvelope(r, 401, 'unauthenticated');
    }
  });

  it('the detail tells each caller what they may do', async () => {
    const abilities = async (who: Persona, kind: Kind) => (await api(w, who, 'GET', `/api/tickets/${set[kind]}`)).json.abilities;
    expect(await abilities('viewer', 'pub')).toEqual({ read: true, comment: false, upload: false, close: false, reopen: false, decide: false, resubmit: false });
    expect(await abilities('author', 'pub')).toMatchObject({ comment: true, upload: true, close: true, reopen: false, decide: false });
    expect(await abilities('dispatcher', 'awaiting')).toMatchObject({ decide: true, close: false });
    expect(await abilities('author', 'rejected')).toMatchObject({ resubmit: true, close: true });
    expect(await abilities('colleague', 'closed')).toMatchObject({ comment: false, reopen: true });
  });
});
