/**
 * The provider side (/api/agent/*): agents work on released tickets of their own system partner
 * only; public replies reach the customer, internal notes never do; status changes follow the
 * state machine (invalid → 409, closing needs a reason); customers get 403 everywhere here.
 */
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { expectErrorEnvelope } from './auth-fixtures.js';
import {
  api,
  draftUpload,
  makeTicket,
  outbox,
  PERSONAS,
  PNG,
  refusedWithoutEffect,
  upload,
  world,
  type World,
} from './ticket-fixtures.js';
import type { TicketStatus } from '../../server/db/schema.js';

describe('the agent’s list', () => {
  let w: World;
  let set: Record<string, string>;
  beforeAll(async () => {
    w = await world();
    set = {
      pub: await makeTicket(w, 'pub', { subject: 'Drucker Nordwind' }),
      priv: await makeTicket(w, 'priv', { subject: 'Privat Nordwind' }),
      awaiting: await makeTicket(w, 'awaiting', { subject: 'Wartet Nordwind' }),
      rejected: await makeTicket(w, 'rejected', { subject: 'Abgelehnt Nordwind' }),
      blue: await makeTicket(w, 'blue', { subject: 'Printer Blue Harbor' }),
    };
    // a released ticket of another system partner's customer
    await w.t.db
      .insertInto('ticket')
      .values({
        id: 'foreign-ticket-1',
        number: 90001,
        system_partner_id: 'sp-other',
        business_partner_id: 'bp-foreign',
        author_id: w.id.foreignAgent,
        subject: 'Drucker beim Fremdkunden',
        type_id: 'type-sp-other',
        area_id: 'area-sp-other',
        urgency: 'low',
        impact: 'low',
        priority: 'low',
        status: 'new',
        released_at: '2026-03-01T10:00:00.000Z',
        created_at: '2026-03-01T10:00:00.000Z',
        updated_at: '2026-03-01T10:00:00.000Z',
      })
      .execute();
  });

  const ids = (r: { json: any }) => r.json.items.map((i: any) => i.id).sort();

  it('holds exactly the released tickets of the agent’s system partner, private ones included', async () => {
    const r = await api(w, 'agent', 'GET', '/api/agent/tickets?pageSize=100');
    expect(r.status, r.text).toBe(200);
    expect(ids(r)).toEqual([set.pub, set.priv, set.blue].sort());
    expect(r.json.total).toBe(3);
    const foreign = await api(w, 'foreignAgent', 'GET', '/api/agent/tickets');
    expect(ids(foreign)).toEqual(['foreign-ticket-1']);
  });

  it('filters, searches and sorts like the board', async () => {
    expect(ids(await api(w, 'agent', 'GET', '/api/agent/tickets?q=drucker'))).toEqual([set.pub]);
    expect(ids(await api(w, 'agent', 'GET', '/api/agent/tickets?partner=bp-blue'))).toEqual([set.blue]);
    expect(ids(await api(w, 'agent', 'GET', '/api/agent/tickets?status=closed'))).toEqual([]);
    const sorted = await api(w, 'agent', 'GET', '/api/agent/tickets?sort=partner&dir=asc');
    expect(sorted.json.items.map((i: any) => i.businessPartner.name)).toEqual(['Blue Harbor Ltd', 'Nordwind Logistik GmbH', 'Nordwind Logistik GmbH']);
  });

  it('customers get 403 on every agent route, whatever the ticket', async () => {
    for (const who of PERSONAS.filter((p) => !['agent', 'foreignAgent', 'anon'].includes(p))) {
      for (const [method, path, body] of [
        ['GET', '/api/agent/tickets', undefined],
        ['GET', `/api/agent/tickets/${set.pub}`, undefined],
        ['POST', `/api/agent/tickets/${set.pub}/positions`, { body: '<p>Hallo</p>' }],
        ['POST', `/api/agent/tickets/${set.pub}/status`, { status: 'resolved' }],
        ['GET', '/api/agent/tickets/zzzzzzzzzzzzzzzz', undefined],
      ] as const) {
        await refusedWithoutEffect(w, 403, 'forbidden', () => api(w, who, method, path, body));
      }
      await refusedWithoutEffect(w, 403, 'forbidden', () => upload(w, who, `/api/agent/tickets/${set.pub}/attachments`, [{ name: 'a.txt', data: 'a' }]));
    }
  });

  it('the detail carries the whole history, internal notes marked', async () => {
    await api(w, 'agent', 'POST', `/api/agent/tickets/${set.pub}/positions`, { body: '<p>Intern.</p>', internal: true });
    const r = await api(w, 'agent', 'GET', `/api/agent/tickets/${set.pub}`);
    expect(r.status).toBe(200);
    expect(r.json.positions.map((p: any) => [p.kind, p.event, p.internal])).toEqual([
      ['system', 'created', false],
      ['system', 'submitted_for_release', false],
      ['system', 'released', false],
      ['agent', null, true],
    ]);
    expect((await api(w, 'agent', 'GET', `/api/agent/tickets/${set.awaiting}`)).status).toBe(404);
    expect((await api(w, 'foreignAgent', 'GET', `/api/agent/tickets/${set.pub}`)).status).toBe(404);
  });
});

describe('replies and internal notes', () => {
  let w: World;
  let id: string;
  beforeEach(async () => {
    w = await world();
    id = await makeTicket(w, 'pub');
  });

  it('a public reply: visible to customers, bumps the update time, mails the author', async () => {
    const before = await w.t.db.selectFrom('ticket').select(['updated_at', 'version']).where('id', '=', id).executeTakeFirstOrThrow();
    w.t.clock.advance(60_000);
    const mails = (await outbox(w)).length;
    const r = await api(w, 'agent', 'POST', `/api/agent/tickets/${id}/positions`, { body: '<p>Bitte starten Sie neu.</p><script>x</script>' });
    expect(r.status, r.text).toBe(201);
    expect(r.json).toMatchObject({ kind: 'agent', internal: false, bodyHtml: '<p>Bitte starten Sie neu.</p>', author: { id: w.id.agent, name: 'Alex Agent', kind: 'agent' } });
    const after = await w.t.db.selectFrom('ticket').select(['updated_at', 'version']).where('id', '=', id).executeTakeFirstOrThrow();
    expect(after.updated_at).toBe(w.t.clock.now().toISOString());
    expect(after.version).toBe(before.version + 1);
    const seen = (await api(w, 'viewer', 'GET', `/api/tickets/${id}/positions`)).json.items.at(-1);
    expect(seen).toMatchObject({ id: r.json.id, kind: 'agent', author: { kind: 'agent' } });
    expect((await outbox(w)).slice(mails).map((m) => m.kind)).toEqual(['ticket.agent_reply']);
  });

  it('an internal note: hidden from customers, no update time, no mail', async () => {
    const before = await w.t.db.selectFrom('ticket').select(['updated_at', 'version']).where('id', '=', id).executeTakeFirstOrThrow();
    w.t.clock.advance(60_000);
    const mails = (await outbox(w)).length;
    const r = await api(w, 'agent', 'POST', `/api/agent/tickets/${id}/positions`, { body: '<p>Kunde kennt sein Passwort nicht.</p>', internal: true });
    expect(r.status, r.text).toBe(201);
    expect(r.json.internal).toBe(true);
    expect(await w.t.db.selectFrom('ticket').select(['updated_at', 'version']).where('id', '=', id).executeTakeFirstOrThrow()).toEqual(before);
    expect(await outbox(w)).toHaveLength(mails);
    const customer = (await api(w, 'author', 'GET', `/api/tickets/${id}/positions`)).json.items;
    expect(customer.map((p: any) => p.id)).not.toContain(r.json.id);
  });

  it('files with a reply or a note take its visibility', async () => {
    const [pub] = await draftUpload(w, 'agent', [{ name: 'anleitung.png', data: PNG }]);
    const [secret] = await draftUpload(w, 'agent', [{ name: 'notiz.txt', data: 'intern' }]);
    const reply = await api(w, 'agent', 'POST', `/api/agent/tickets/${id}/positions`, { body: '<p>Anleitung anbei.</p>', attachmentIds: [pub] });
    expect(reply.status, reply.text).toBe(201);
    expect(reply.json.attachments.map((a: any) => [a.id, a.internal])).toEqual([[pub, false]]);
    const note = await api(w, 'agent', 'POST', `/api/agent/tickets/${id}/positions`, { body: '', internal: true, attachmentIds: [secret] });
    expect(note.status, note.text).toBe(201);
    const detail = await api(w, 'author', 'GET', `/api/tickets/${id}`);
    expect(detail.json.attachments.map((a: any) => a.id)).toEqual([pub]);
    expect((await api(w, 'author', 'GET', `/api/attachments/${secret}`)).status).toBe(404);
    expect((await api(w, 'author', 'GET', `/api/attachments/${pub}`)).status).toBe(200);
    // someone else's upload is refused
    const [customerDraft] = await draftUpload(w, 'author');
    await refusedWithoutEffect(w, 422, 'validation_failed', () =>
      api(w, 'agent', 'POST', `/api/agent/tickets/${id}/positions`, { body: '<p>x</p>', attachmentIds: [customerDraft] }),
    );
  });

  it('a blank reply is refused and writes nothing', async () => {
    for (const body of ['', '<p> </p>', '<script>x</script>']) {
      await refusedWithoutEffect(w, 422, 'validation_failed', () => api(w, 'agent', 'POST', `/api/agent/tickets/${id}/positions`, { body }));
    }
  });
});

describe('status changes', () => {
  const targets = ['in_progress', 'waiting_for_customer', 'resolved', 'closed'] as const;
  //                     in_progress  waiting  resolved  closed
  const MATRIX: Record<string, string> = {
    new: '                 200          200      200       200',
    in_progress: '         409          200      200       200',
    waiting_for_customer: '200          409      200       200',
    resolved: '            200          409      409       200',
    closed: '              200          409      409       409',
  };

  let w: World;
  beforeAll(async () => {
    w = await world();
  });

  for (const [from, row] of Object.entries(MATRIX)) {
    it(`from ${from}`, async () => {
      const expected = row.trim().split(/\s+/).map(Number);
      for (const [i, to] of targets.entries()) {
        const id = await makeTicket(w, 'pub');
        await w.t.db
          .updateTable('ticket')
          .set({ status: from as TicketStatus, closed_at: from === 'closed' ? '2026-03-01T00:00:00.000Z' : null, closed_reason: from === 'closed' ? 'Erledigt.' : null })
          .where('id', '=', id)
          .execute();
        const body = { status: to, ...(to === 'closed' ? { reason: 'Gelöst durch Neustart.' } : {}) };
        if (expected[i] === 409) {
          const r = await refusedWithoutEffect(w, 409, 'conflict', () => api(w, 'agent', 'POST', `/api/agent/tickets/${id}/status`, body));
          expect(r.json.error.message.length).toBeGreaterThan(10);
          continue;
        }
        const r = await api(w, 'agent', 'POST', `/api/agent/tickets/${id}/status`, body);
        expect(r.status, `${from} → ${to}: ${r.text}`).toBe(200);
        expect(r.json.status).toBe(to);
        expect(r.json.closedAt === null).toBe(to !== 'closed');
        const last = (await api(w, 'agent', 'GET', `/api/agent/tickets/${id}`)).json.positions.at(-1);
        expect(last).toMatchObject({
          kind: 'system',
          event: to === 'closed' ? 'closed' : from === 'closed' ? 'reopened' : 'status_changed',
          data: { from, to },
        });
      }
    });
  }

  it('closing needs a reason; the reason is kept', async () => {
    const id = await makeTicket(w, 'pub');
    for (const body of [{ status: 'closed' }, { status: 'closed', reason: '' }, { status: 'closed', reason: '   ' }, { status: 'closed', reason: 'ok' }]) {
      const r = await refusedWithoutEffect(w, 422, 'validation_failed', () => api(w, 'agent', 'POST', `/api/agent/tickets/${id}/status`, body));
      expect(r.json.error.details.issues[0].path).toBe('reason');
    }
    const r = await api(w, 'agent', 'POST', `/api/agent/tickets/${id}/status`, { status: 'closed', reason: ' Gelöst durch Neustart. ' });
    expect(r.status).toBe(200);
    expect(r.json.closedReason).toBe('Gelöst durch Neustart.');
    // back to work: the close is undone
    const reopened = await api(w, 'agent', 'POST', `/api/agent/tickets/${id}/status`, { status: 'in_progress' });
    expect(reopened.json).toMatchObject({ status: 'in_progress', closedAt: null, closedReason: null });
  });

  it('unknown and customer-side statuses are not accepted', async () => {
    const id = await makeTicket(w, 'pub');
    for (const status of ['new', 'awaiting_release', 'release_rejected', 'deleted', '']) {
      const r = await refusedWithoutEffect(w, 422, 'validation_failed', () => api(w, 'agent', 'POST', `/api/agent/tickets/${id}/status`, { status }));
      expectErrorEnvelope(r, 422, 'validation_failed');
    }
  });
});
