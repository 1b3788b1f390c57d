/**
 * GET /api/dashboard (R-DASH-1..4, R-X-4): the greeting data, the release counts (a
 * dispatcher's queue, an editor's own submitted tickets), the history of the user's tickets
 * (only what the user may see, never an agent's internal note), statistics by status, type and
 * week (injected clock, known tickets in known weeks), scope=mine vs all, and the system
 * partner's quick links in the request language — for viewer, editor, dispatcher and agent.
 * Tickets are made through the API, as their users would.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { expectErrorEnvelope, bearerSignIn, SP, SP_OTHER } from './auth-fixtures.js';
import { api, createTicket, decide, EMAILS, TYPE, world, type Persona, type World } from './ticket-fixtures.js';
import { MINUTE } from '../../server/clock.js';
import { call } from './helpers.js';
import { dataSnapshot } from './data-snapshot.js';

const REQUEST_TYPE = 'type-request';

/** A second ticket type of the system partner, so statistics by type have two rows. */
async function addRequestType(w: World) {
  await w.t.db.insertInto('ticket_type').values({ id: REQUEST_TYPE, system_partner_id: SP, name_de: 'Anfrage', name_en: 'Request', sort: 2 }).execute();
}

async function dashboard(w: World, who: Persona, query = '') {
  const r = await api(w, who, 'GET', `/api/dashboard${query}`);
  expect(r.status, r.text).toBe(200);
  return r.json;
}

/** Count per status, leaving out the zeros. */
const statusCounts = (d: any) => Object.fromEntries(d.stats.byStatus.filter((s: any) => s.count > 0).map((s: any) => [s.status, s.count]));

const agentReply = async (w: World, ticketId: string, body: string, internal = false) => {
  const r = await api(w, 'agent', 'POST', `/api/agent/tickets/${ticketId}/positions`, { body: `<p>${body}</p>`, internal });
  expect(r.status, r.text).toBe(201);
};

describe('greeting, counts, history, statistics by status and type', () => {
  let w: World;
  const tk: Record<string, string> = {};
  const INTERNAL = 'INTERN Wartungsvertrag abgelaufen';

  beforeAll(async () => {
    w = await world();
    await addRequestType(w);
    const step = () => w.t.clock.advance(MINUTE);

    // T1: Erik's, released by Dora; an agent answers, notes something internal, starts work
    tk.t1 = (await createTicket(w, 'author', { subject: 'Drucker im Lager druckt nicht' })).id;
    step();
    await decide(w, 'dispatcher', tk.t1, 'release');
    step();
    await agentReply(w, tk.t1, 'Wir prüfen das heute noch.');
    step();
    await agentReply(w, tk.t1, INTERNAL, true);
    step();
    expect((await api(w, 'agent', 'POST', `/api/agent/tickets/${tk.t1}/status`, { status: 'in_progress' })).status).toBe(200);
    step();
    // T2: Petra's private ticket; Dora may see it while it awaits release, comments, releases it
    tk.t2 = (await createTicket(w, 'colleague', { subject: 'Gehaltsabrechnung vertraulich', private: true })).id;
    step();
    expect((await api(w, 'dispatcher', 'POST', `/api/tickets/${tk.t2}/positions`, { body: '<p>Bitte Details ergänzen.</p>' })).status).toBe(201);
    step();
    await decide(w, 'dispatcher', tk.t2, 'release');
    step();
    await agentReply(w, tk.t2, 'Antwort auf das vertrauliche Ticket.');
    step();
    // T3: Petra's public request; Erik joins in
    tk.t3 = (await createTicket(w, 'colleague', { subject: 'Neuer Monitor gewünscht', typeId: REQUEST_TYPE })).id;
    step();
    await decide(w, 'dispatcher', tk.t3, 'release');
    step();
    expect((await api(w, 'author', 'POST', `/api/tickets/${tk.t3}/positions`, { body: '<p>Ich brauche auch einen.</p>' })).status).toBe(201);
    step();
    // T4: Blue Harbor's
    tk.t4 = (await createTicket(w, 'other', { subject: 'Harbor crane offline' })).id;
    step();
    await decide(w, 'multi', tk.t4, 'release');
    step();
    // T5: Erik's, awaiting release; T6: Petra's private, awaiting release
    tk.t5 = (await createTicket(w, 'author', { subject: 'Zugang für Praktikantin' })).id;
    step();
    tk.t6 = (await createTicket(w, 'colleague', { subject: 'Privates Anliegen', private: true })).id;
    step();
  });

  it('greets by name, with the account and its capabilities', async () => {
    const expected: [Persona, string, Record<string, boolean>][] = [
      ['viewer', 'Anna Vogel', { createTickets: false, release: false }],
      ['author', 'Erik Engel', { createTickets: true, release: false }],
      ['dispatcher', 'Dora Dietrich', { createTickets: true, release: true }],
      ['agent', 'Alex Agent', { createTickets: false, release: false }],
    ];
    for (const [who, name, caps] of expected) {
      const d = await dashboard(w, who);
      expect(d.account).toMatchObject({ id: w.id[who as Exclude<Persona, 'anon'>], name, email: EMAILS[who as Exclude<Persona, 'anon'>] });
      expect(d.capabilities, who).toMatchObject(caps);
    }
    expectErrorEnvelope(await api(w, 'anon', 'GET', '/api/dashboard'), 401, 'unauthenticated');
  });

  it('counts a dispatcher’s release queue and an editor’s own submitted tickets', async () => {
    expect((await dashboard(w, 'dispatcher')).counts.pendingReleases).toBe(2); // T5 and Petra's private T6
    expect((await dashboard(w, 'author')).counts.pendingReleases).toBe(1); // T5
    expect((await dashboard(w, 'colleague')).counts.pendingReleases).toBe(1); // T6
    expect((await dashboard(w, 'viewer')).counts.pendingReleases).toBe(0);
    expect((await dashboard(w, 'agent')).counts.pendingReleases).toBe(0);
    // multi dispatches for Blue Harbor, where nothing waits
    expect((await dashboard(w, 'multi')).counts.pendingReleases).toBe(0);
    // the same numbers as /api/me
    for (const who of ['dispatcher', 'author', 'colleague'] as Persona[]) {
      expect((await api(w, who, 'GET', '/api/me')).json.counts).toEqual((await dashboard(w, who)).counts);
    }
  });

  it('history: the editor’s tickets and those they took part in, newest first, without internal notes', async () => {
    const d = await dashboard(w, 'author');
    const tickets = new Set(d.history.map((h: any) => h.ticket.id));
    expect([...tickets].sort()).toEqual([tk.t1, tk.t3, tk.t5].sort());
    const at = d.history.map((h: any) => h.at);
    expect(at).toEqual([...at].sort().reverse());
    expect(d.history[0]).toMatchObject({ ticket: { id: tk.t5, subject: 'Zugang für Praktikantin', status: 'awaiting_release' } });
    // what others did on Erik's ticket is there: the release, the agent's answer, the status change
    const onT1 = d.history.filter((h: any) => h.ticket.id === tk.t1);
    expect(onT1.map((h: any) => [h.kind, h.event])).toEqual([
      ['system', 'status_changed'],
      ['agent', null],
      ['system', 'released'],
      ['system', 'submitted_for_release'],
    ]);
    expect(onT1[1]).toMatchObject({ excerpt: 'Wir prüfen das heute noch.', author: { id: w.id.agent, name: 'Alex Agent' } });
    expect(onT1[2].author).toEqual({ id: w.id.dispatcher, name: 'Dora Dietrich' });
    // never the internal note, never a 'created' entry
    expect(JSON.stringify(d)).not.toContain('INTERN');
    expect(d.history.some((h: any) => h.event === 'created')).toBe(false);
  });

  it('history: a dispatcher loses a private ticket once released, with everything on it', async () => {
    const d = await dashboard(w, 'dispatcher');
    const tickets = new Set(d.history.map((h: any) => h.ticket.id));
    // she released T1 and T3; T2 became private to Petra when released
    expect([...tickets].sort()).toEqual([tk.t1, tk.t3].sort());
    const text = JSON.stringify(d);
    expect(text).not.toContain(tk.t2);
    expect(text).not.toContain('vertraulich');
    expect(text).not.toContain('Bitte Details ergänzen');
    expect(text).not.toContain('INTERN');
  });

  it('history: the author of the private ticket sees it; other partners see none of Nordwind’s', async () => {
    const petra = await dashboard(w, 'colleague');
    const tickets = new Set(petra.history.map((h: any) => h.ticket.id));
    expect([...tickets].sort()).toEqual([tk.t2, tk.t3, tk.t6].sort());
    expect(petra.history.some((h: any) => h.excerpt === 'Bitte Details ergänzen.')).toBe(true);
    const bob = await dashboard(w, 'other');
    expect(new Set(bob.history.map((h: any) => h.ticket.id))).toEqual(new Set([tk.t4]));
    const viewer = await dashboard(w, 'viewer');
    expect(viewer.history).toEqual([]);
  });

  it('history: an agent sees released tickets only, never internal notes', async () => {
    const d = await dashboard(w, 'agent');
    const tickets = new Set(d.history.map((h: any) => h.ticket.id));
    for (const id of [tk.t5, tk.t6]) expect(tickets.has(id)).toBe(false);
    expect(tickets.has(tk.t1)).toBe(true);
    expect(JSON.stringify(d)).not.toContain('INTERN');
    expect(d.history.length).toBeLessThanOrEqual(15);
    // an agent of another system partner sees nothing of it
    const foreign = await dashboard(w, 'foreignAgent');
    expect(foreign.history).toEqual([]);
    expect(statusCounts(foreign)).toEqual({});
  });

  it('statistics: scope=mine counts the tickets the user wrote (the default)', async () => {
    const d = await dashboard(w, 'author');
    expect(d.scope).toBe('mine');
    expect(statusCounts(d)).toEqual({ in_progress: 1, awaiting_release: 1 });
    expect(d.stats.byStatus.map((s: any) => s.status)).toEqual([
      'awaiting_release',
      'release_rejected',
      'new',
      'in_progress',
      'waiting_for_customer',
      'resolved',
      'closed',
    ]);
    expect(d.stats.byType).toEqual([{ typeId: TYPE, name: 'Störung', count: 2 }]);
    expect(statusCounts(await dashboard(w, 'author', '?scope=mine'))).toEqual(statusCounts(d));
    expect(statusCounts(await dashboard(w, 'dispatcher'))).toEqual({});
    expect(statusCounts(await dashboard(w, 'viewer'))).toEqual({});
  });

  it('statistics: scope=all counts every ticket the user may see, and no other', async () => {
    const erik = await dashboard(w, 'author', '?scope=all');
    expect(erik.scope).toBe('all');
    // T1, T3 (Petra's public), T5 (own, awaiting); not Petra's private T2 and T6, not Blue Harbor's T4
    expect(statusCounts(erik)).toEqual({ in_progress: 1, new: 1, awaiting_release: 1 });
    expect(erik.stats.byType).toEqual([
      { typeId: TYPE, name: 'Störung', count: 2 },
      { typeId: REQUEST_TYPE, name: 'Anfrage', count: 1 },
    ]);
    // the dispatcher also counts what awaits her release, private T6 included
    expect(statusCounts(await dashboard(w, 'dispatcher', '?scope=all'))).toEqual({ in_progress: 1, new: 1, awaiting_release: 2 });
    expect(statusCounts(await dashboard(w, 'viewer', '?scope=all'))).toEqual({ in_progress: 1, new: 1 });
    expect(statusCounts(await dashboard(w, 'other', '?scope=all'))).toEqual({ new: 1 });
    // agents: every released ticket of their system partner, whatever the scope
    for (const q of ['', '?scope=mine', '?scope=all']) {
      const agent = await dashboard(w, 'agent', q);
      expect(agent.scope).toBe('all');
      expect(statusCounts(agent)).toEqual({ in_progress: 1, new: 3 });
    }
  });

  it('statistics name the ticket types in the request language', async () => {
    const en = await dashboard(w, 'author', '?scope=all&lang=en');
    expect(en.stats.byType.map((t: any) => t.name)).toEqual(['Incident', 'Request']);
    // Bob's account is English
    const bob = await dashboard(w, 'other');
    expect(bob.stats.byType).toEqual([{ typeId: TYPE, name: 'Incident', count: 1 }]);
  });

  it('refuses an unknown scope with 422', async () => {
    const r = await api(w, 'author', 'GET', '/api/dashboard?scope=everything');
    expectErrorEnvelope(r, 422, 'validation_failed');
    expect(r.json.error.details.issues.map((i: any) => i.path)).toEqual(['scope']);
  });

  it('reading the dashboard writes nothing', async () => {
    const before = await dataSnapshot(w.t.db);
    for (const who of ['viewer', 'author', 'dispatcher', 'agent'] as Persona[]) await dashboard(w, who, '?scope=all');
    expect(await dataSnapshot(w.t.db)).toBe(before);
  });
});

describe('statistics per week (injected clock)', () => {
  it('counts opened and closed tickets in the 12 weeks up to this one, Monday to Sunday, UTC', async () => {
    const w = await world();
    /** Moves the clock and signs everyone in again (sessions end after hours of idleness). */
    const at = async (iso: string) => {
      w.t.clock.set(iso);
      for (const p of ['colleague', 'dispatcher', 'other'] as const) w.token[p] = await bearerSignIn(w.t, EMAILS[p]);
    };
    /** Dora writes a ticket, released at once. */
    const open = async (iso: string, who: 'dispatcher' | 'colleague' = 'dispatcher', extra = {}) => {
      await at(iso);
      const t = await createTicket(w, who, { subject: `Ticket vom ${iso}`, release: true, ...extra });
      if (t.status === 'awaiting_release') await decide(w, 'dispatcher', t.id, 'release');
      return t.id;
    };
    const close = async (iso: string, id: string) => {
      await at(iso);
      const r = await api(w, 'dispatcher', 'POST', `/api/tickets/${id}/close`, { reason: 'Erledigt: das Gerät läuft wieder.' });
      expect(r.status, r.text).toBe(200);
    };

    // "now" will be Wednesday 2026-03-25: this week starts Monday 03-23, the first of the 12 on 01-05
    const old = await open('2025-12-20T10:00:00.000Z'); // before the window
    await open('2026-01-04T23:59:59.999Z'); // Sunday before the first week
    await open('2026-01-05T00:00:00.000Z'); // first instant of week 0
    await open('2026-01-11T23:59:59.999Z'); // last instant of week 0
    await open('2026-01-12T00:00:00.000Z'); // week 1
    await close('2026-01-07T12:00:00.000Z', old); // week 0: closed in the window, opened before it
    const late = await open('2026-03-01T08:00:00.000Z'); // Sunday: week 7 (Monday 02-23)
    await open('2026-03-10T09:00:00.000Z', 'colleague'); // Petra's, week 9: only in scope=all
    await open('2026-03-11T09:00:00.000Z', 'colleague', { private: true }); // Petra's private: never Dora's
    await close('2026-03-23T00:00:00.000Z', late); // week 11
    await open('2026-03-25T11:00:00.000Z'); // week 11
    await at('2026-03-25T12:00:00.000Z');

    const expectedWeeks = [
      '2026-01-05', '2026-01-12', '2026-01-19', '2026-01-26', '2026-02-02', '2026-02-09',
      '2026-02-16', '2026-02-23', '2026-03-02', '2026-03-09', '2026-03-16', '2026-03-23',
    ];
    const series = (d: any) => d.stats.weekly.map((x: any) => [x.opened, x.closed]);
    const mine = await dashboard(w, 'dispatcher');
    expect(mine.stats.weekly.map((x: any) => x.weekStart)).toEqual(expectedWeeks);
    expect(series(mine)).toEqual([
      [2, 1], [1, 0], [0, 0], [0, 0], [0, 0], [0, 0],
      [0, 0], [1, 0], [0, 0], [0, 0], [0, 0], [1, 1],
    ]);
    const all = await dashboard(w, 'dispatcher', '?scope=all');
    expect(series(all)[9]).toEqual([1, 0]);
    expect(series(all).map((x: number[]) => x[0]).reduce((a: number, b: number) => a + b)).toBe(6);
    // the author of the private ticket counts both of hers
    const petra = await dashboard(w, 'colleague');
    expect(series(petra)[9]).toEqual([2, 0]);
    // Blue Harbor sees none of it
    const bob = await dashboard(w, 'other', '?scope=all');
    expect(series(bob).flat().every((n: number) => n === 0)).toBe(true);

    // a week later the window moves on by one week
    await at('2026-04-01T00:00:00.000Z');
    const next = await dashboard(w, 'dispatcher');
    expect(next.stats.weekly[0].weekStart).toBe('2026-01-12');
    expect(next.stats.weekly.at(-1)).toEqual({ weekStart: '2026-03-30', opened: 0, closed: 0 });
    expect(series(next)[0]).toEqual([1, 0]);
  });
});

describe('quick links (R-DASH-4)', () => {
  let w: World;
  beforeAll(async () => {
    w = await world();
    await w.t.db
      .insertInto('quick_link')
      .values([
        { id: 'ql-3', system_partner_id: SP, label_de: 'Servicezeiten', label_en: 'Service hours', url: 'https://servicedesk.example/zeiten', sort: 3 },
        { id: 'ql-1', system_partner_id: SP, label_de: 'Handbuch', label_en: 'Manual', url: 'https://servicedesk.example/handbuch', sort: 1 },
        { id: 'ql-2', system_partner_id: SP, label_de: 'Fernwartung starten', label_en: 'Start remote support', url: 'https://servicedesk.example/fernwartung', sort: 2 },
        { id: 'ql-x', system_partner_id: SP_OTHER, label_de: 'Fremder Link', label_en: 'Foreign link', url: 'https://other-desk.example', sort: 0 },
      ])
      .execute();
  });

  const links = async (who: Persona, query = '', headers: Record<string, string> = {}) => {
    const r = await call(w.t.app, 'GET', `/api/dashboard${query}`, { token: w.token[who]!, headers });
    expect(r.status, r.text).toBe(200);
    return r.json.quickLinks;
  };

  it('lists the system partner’s links in their order, labelled in the account’s language', async () => {
    for (const who of ['viewer', 'author', 'dispatcher', 'agent'] as Persona[]) {
      expect(await links(who), who).toEqual([
        { id: 'ql-1', label: 'Handbuch', url: 'https://servicedesk.example/handbuch' },
        { id: 'ql-2', label: 'Fernwartung starten', url: 'https://servicedesk.example/fernwartung' },
        { id: 'ql-3', label: 'Servicezeiten', url: 'https://servicedesk.example/zeiten' },
      ]);
    }
    // Bob's account is English
    expect((await links('other')).map((l: any) => l.label)).toEqual(['Manual', 'Start remote support', 'Service hours']);
  });

  it('follows ?lang= and Accept-Language', async () => {
    expect((await links('author', '?lang=en')).map((l: any) => l.label)).toEqual(['Manual', 'Start remote support', 'Service hours']);
    expect((await links('other', '?lang=de')).map((l: any) => l.label)).toEqual(['Handbuch', 'Fernwartung starten', 'Servicezeiten']);
    expect((await links('author', '', { 'accept-language': 'en-GB,en;q=0.9' })).map((l: any) => l.label)[0]).toBe('Manual');
    expectErrorEnvelope(await api(w, 'author', 'GET', '/api/dashboard?lang=fr'), 422, 'validation_failed');
  });

  it('never shows another system partner’s links', async () => {
    expect(await links('foreignAgent')).toEqual([{ id: 'ql-x', label: 'Fremder Link', url: 'https://other-desk.example' }]);
    for (const who of ['author', 'agent'] as Persona[]) {
      expect((await links(who)).some((l: any) => l.id === 'ql-x')).toBe(false);
    }
  });
});
