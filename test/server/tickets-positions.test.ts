/**
 * Positions (R-TICKET-3) and closing/reopening (R-TICKET-4, R-TICKET-5): what is stored, what
 * is refused (and then nothing is written), the status rules, the history entries, and that
 * customers never see agents' internal notes — not in the history, the attachments or e-mails.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { api, draftUpload, makeTicket, outbox, PNG, refusedWithoutEffect, upload, world, type Persona, type World } from './ticket-fixtures.js';
import { MINUTE } from '../../server/clock.js';

const refused = refusedWithoutEffect;

const positions = async (w: World, who: Persona, id: string) => {
  const r = await api(w, who, 'GET', `/api/tickets/${id}/positions`);
  expect(r.status, r.text).toBe(200);
  return r.json.items as any[];
};
const ticketRow = (w: World, id: string) => w.t.db.selectFrom('ticket').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

describe('writing positions', () => {
  let w: World;
  let id: string;
  beforeEach(async () => {
    w = await world();
    id = await makeTicket(w, 'pub');
  });

  it('stores a sanitised message, bumps the update time and returns it', async () => {
    const before = await ticketRow(w, id);
    w.t.clock.advance(5 * MINUTE);
    const r = await api(w, 'colleague', 'POST', `/api/tickets/${id}/positions`, {
      body: '<p onclick="x()">Geht <em>wieder</em> nicht.<img src=x onerror=alert(1)></p><script>steal()</script>',
    });
    expect(r.status, r.text).toBe(201);
    expect(r.json).toEqual({
      id: expect.any(String),
      kind: 'customer',
      event: null,
      data: null,
      bodyHtml: '<p>Geht <em>wieder</em> nicht.</p>',
      author: { id: w.id.colleague, name: 'Petra Schulz', kind: 'customer' },
      createdAt: w.t.clock.now().toISOString(),
      attachments: [],
    });
    const after = await ticketRow(w, id);
    expect(after.updated_at).toBe(w.t.clock.now().toISOString());
    expect(after.version).toBe(before.version + 1);
    const items = await positions(w, 'viewer', id);
    expect(items.at(-1).id).toBe(r.json.id);
    // oldest first
    expect(items.map((p) => p.createdAt)).toEqual([...items.map((p) => p.createdAt)].sort());
  });

  it('refuses a blank body and writes nothing', async () => {
    for (const body of ['', '   ', '<p></p>', '<p> &nbsp; </p><br>', '<script>alert(1)</script>', '<img src="https://evil.example/x.png">']) {
      const r = await refused(w, 422, 'validation_failed', () => api(w, 'author', 'POST', `/api/tickets/${id}/positions`, { body }));
      expect(r.json.error.details.issues[0].path).toBe('body');
    }
    await refused(w, 422, 'validation_failed', () => api(w, 'author', 'POST', `/api/tickets/${id}/positions`, {}));
    await refused(w, 422, 'validation_failed', () => api(w, 'author', 'POST', `/api/tickets/${id}/positions`, { body: 'x'.repeat(500_001) }));
  });

  it('a file alone is a position; its uploads are claimed', async () => {
    const ids = await draftUpload(w, 'author', [{ name: 'screenshot.png', data: PNG }]);
    const r = await api(w, 'author', 'POST', `/api/tickets/${id}/positions`, { body: '', attachmentIds: ids });
    expect(r.status, r.text).toBe(201);
    expect(r.json.attachments.map((a: any) => a.id)).toEqual(ids);
    const detail = await api(w, 'viewer', 'GET', `/api/tickets/${id}`);
    expect(detail.json.attachments.map((a: any) => [a.id, a.positionId])).toEqual([[ids[0], r.json.id]]);
    // another account's upload: refused, nothing written
    const [foreign] = await draftUpload(w, 'colleague');
    await refused(w, 422, 'validation_failed', () => api(w, 'author', 'POST', `/api/tickets/${id}/positions`, { body: '<p>Bild</p>', attachmentIds: [foreign] }));
    await refused(w, 422, 'validation_failed', () => api(w, 'author', 'POST', `/api/tickets/${id}/positions`, { body: `<p><img src="/api/attachments/${foreign}"></p>` }));
  });

  it('a closed ticket answers 409 and a viewer 403; nothing is written', async () => {
    const closed = await makeTicket(w, 'closed');
    const r = await refused(w, 409, 'conflict', () => api(w, 'author', 'POST', `/api/tickets/${closed}/positions`, { body: '<p>Noch was.</p>' }));
    expect(r.json.error.message).toMatch(/reopen/i);
    await refused(w, 403, 'forbidden', () => api(w, 'viewer', 'POST', `/api/tickets/${id}/positions`, { body: '<p>Ich auch.</p>' }));
  });

  it('a customer reply on waiting_for_customer hands the ticket back (in_progress)', async () => {
    expect((await api(w, 'agent', 'POST', `/api/agent/tickets/${id}/status`, { status: 'waiting_for_customer' })).status).toBe(200);
    w.t.clock.advance(MINUTE);
    const r = await api(w, 'author', 'POST', `/api/tickets/${id}/positions`, { body: '<p>Seit gestern, drei Kollegen.</p>' });
    expect(r.status, r.text).toBe(201);
    const detail = await api(w, 'author', 'GET', `/api/tickets/${id}`);
    expect(detail.json.status).toBe('in_progress');
    const last = (await positions(w, 'author', id)).slice(-2);
    expect(last.map((p) => [p.kind, p.event, p.data])).toEqual([
      ['customer', null, null],
      ['system', 'status_changed', { from: 'waiting_for_customer', to: 'in_progress' }],
    ]);
    // on any other status a reply changes nothing about the status
    await api(w, 'author', 'POST', `/api/tickets/${id}/positions`, { body: '<p>Noch ein Nachtrag.</p>' });
    expect((await api(w, 'author', 'GET', `/api/tickets/${id}`)).json.status).toBe('in_progress');
  });
});

describe('customers never see internal notes', () => {
  it('not in the history, the attachments, the detail or e-mails', async () => {
    const w = await world();
    const id = await makeTicket(w, 'pub');
    const mailsBefore = (await outbox(w)).length;
    const seenBefore = (await api(w, 'author', 'GET', `/api/tickets/${id}`)).json.updatedAt;
    w.t.clock.advance(MINUTE);
    const note = await api(w, 'agent', 'POST', `/api/agent/tickets/${id}/positions`, { body: '<p>Intern: Kunde hat Admin-Rechte geteilt.</p>', internal: true });
    expect(note.status, note.text).toBe(201);
    expect(note.json.internal).toBe(true);
    const file = await upload(w, 'agent', `/api/agent/tickets/${id}/attachments?internal=1`, [{ name: 'intern.txt', data: 'Passwortliste' }]);
    expect(file.status, file.text).toBe(201);
    const internalFileId = file.json.items[0].attachment.id;
    // no mail for internal work, and the update time the customer sees stays as it was
    expect(await outbox(w)).toHaveLength(mailsBefore);
    expect((await api(w, 'author', 'GET', `/api/tickets/${id}`)).json.updatedAt).toBe(seenBefore);

    for (const who of ['viewer', 'author', 'colleague', 'dispatcher'] as const) {
      const items = await positions(w, who, id);
      const text = JSON.stringify(items);
      expect(text).not.toContain('Admin-Rechte');
      expect(text).not.toContain('intern.txt');
      expect(items.every((p) => !('internal' in p))).toBe(true);
      const detail = await api(w, who, 'GET', `/api/tickets/${id}`);
      expect(detail.json.attachments).toEqual([]);
      expect(JSON.stringify(detail.json)).not.toContain(internalFileId);
      expect((await api(w, who, 'GET', `/api/attachments/${internalFileId}`)).status).toBe(404);
    }
    // the agent sees both, marked internal
    const agentView = await api(w, 'agent', 'GET', `/api/agent/tickets/${id}`);
    expect(agentView.json.positions.filter((p: any) => p.internal).length).toBe(2);
    expect(agentView.json.attachments.map((a: any) => [a.fileName, a.internal])).toEqual([['intern.txt', true]]);

    // a public reply mails the author, quoting the reply and nothing internal
    const reply = await api(w, 'agent', 'POST', `/api/agent/tickets/${id}/positions`, { body: '<p>Wir haben die Rechte korrigiert.</p>' });
    expect(reply.status).toBe(201);
    const mails = (await outbox(w)).slice(mailsBefore);
    expect(mails.map((m) => [m.to_address, m.kind])).toEqual([['erik.editor@nordwind.example', 'ticket.agent_reply']]);
    expect(mails[0]!.text_body).toContain('Wir haben die Rechte korrigiert.');
    for (const m of mails) {
      expect(m.text_body + m.html_body).not.toContain('Admin-Rechte');
      expect(m.text_body + m.html_body).not.toContain('intern.txt');
    }
  });
});

describe('closing and reopening', () => {
  let w: World;
  let id: string;
  beforeEach(async () => {
    w = await world();
    id = await makeTicket(w, 'pub');
  });

  it('closing needs a detailed reason (at least 10 characters)', async () => {
    for (const body of [{}, { reason: '' }, { reason: '          ' }, { reason: 'zu kurz' }, { reason: '..........' }, { reason: 'x'.repeat(4001) }]) {
      const r = await refused(w, 422, 'validation_failed', () => api(w, 'author', 'POST', `/api/tickets/${id}/close`, body));
      expect(r.json.error.details.issues[0].path).toBe('reason');
    }
  });

  it('closes with a history entry, then refuses a second close with 409', async () => {
    w.t.clock.advance(MINUTE);
    const r = await api(w, 'colleague', 'POST', `/api/tickets/${id}/close`, { reason: '  Problem ist gelöst, Drucker läuft wieder.  ' });
    expect(r.status, r.text).toBe(200);
    expect(r.json).toMatchObject({
      status: 'closed',
      closedAt: w.t.clock.now().toISOString(),
      closedReason: 'Problem ist gelöst, Drucker läuft wieder.',
      updatedAt: w.t.clock.now().toISOString(),
      abilities: { reopen: true, close: false, comment: false },
    });
    const last = (await positions(w, 'viewer', id)).at(-1);
    expect(last).toMatchObject({
      kind: 'system',
      event: 'closed',
      data: { from: 'new', reason: 'Problem ist gelöst, Drucker läuft wieder.' },
      author: { id: w.id.colleague },
    });
    await refused(w, 409, 'conflict', () => api(w, 'author', 'POST', `/api/tickets/${id}/close`, { reason: 'Noch einmal schließen bitte.' }));
    await refused(w, 403, 'forbidden', () => api(w, 'viewer', 'POST', `/api/tickets/${id}/reopen`, { reason: 'Geht wieder nicht.' }));
  });

  it('reopens a closed ticket with a reason and a history entry; an open one answers 409', async () => {
    await refused(w, 409, 'conflict', () => api(w, 'author', 'POST', `/api/tickets/${id}/reopen`, { reason: 'Geht wieder nicht.' }));
    await api(w, 'author', 'POST', `/api/tickets/${id}/close`, { reason: 'Problem ist gelöst, danke.' });
    for (const body of [{}, { reason: '' }, { reason: '  ' }, { reason: '?!' }]) {
      await refused(w, 422, 'validation_failed', () => api(w, 'author', 'POST', `/api/tickets/${id}/reopen`, body));
    }
    w.t.clock.advance(MINUTE);
    const r = await api(w, 'dispatcher', 'POST', `/api/tickets/${id}/reopen`, { reason: 'Tritt wieder auf.' });
    expect(r.status, r.text).toBe(200);
    expect(r.json).toMatchObject({ status: 'in_progress', closedAt: null, closedReason: null, updatedAt: w.t.clock.now().toISOString() });
    expect((await positions(w, 'author', id)).at(-1)).toMatchObject({ event: 'reopened', data: { from: 'closed', reason: 'Tritt wieder auf.' } });
  });

  it('reopens a ticket the agents resolved', async () => {
    await api(w, 'agent', 'POST', `/api/agent/tickets/${id}/status`, { status: 'resolved' });
    const r = await api(w, 'author', 'POST', `/api/tickets/${id}/reopen`, { reason: 'Nicht wirklich gelöst.' });
    expect(r.status, r.text).toBe(200);
    expect(r.json.status).toBe('in_progress');
  });

  it('an author may withdraw an unreleased ticket; it can never be reopened to the agents', async () => {
    const awaiting = await makeTicket(w, 'awaiting');
    const r = await api(w, 'author', 'POST', `/api/tickets/${awaiting}/close`, { reason: 'Doch nicht nötig, erledigt.' });
    expect(r.status, r.text).toBe(200);
    expect(r.json.releasedAt).toBeNull();
    await refused(w, 409, 'conflict', () => api(w, 'author', 'POST', `/api/tickets/${awaiting}/reopen`, { reason: 'Doch nötig.' }));
    expect((await api(w, 'agent', 'GET', `/api/agent/tickets/${awaiting}`)).status).toBe(404);
    // a dispatcher does not see it any more either (it no longer awaits release)
    expect((await api(w, 'dispatcher', 'GET', `/api/tickets/${awaiting}`)).status).toBe(404);
  });
});
