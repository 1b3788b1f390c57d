/**
 * The customer-side release (R-APPROVE-1, R-APPROVE-2, R-WIZ-9, R-WIZ-10): who may decide, what
 * a decision writes, that of two decisions at once exactly one wins, private tickets while and
 * after they await release, resubmitting a rejected ticket, and the e-mails each step sends.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { bearerSignIn, createAccount, expectErrorEnvelope } from './auth-fixtures.js';
import { call } from './helpers.js';
import {
  api,
  createTicket,
  decide,
  makeTicket,
  outbox,
  refusedWithoutEffect,
  world,
  type World,
} from './ticket-fixtures.js';

const reason = 'Mit der Abteilungsleitung abgestimmt.';

describe('who may release and reject', () => {
  let w: World;
  beforeEach(async () => {
    w = await world();
  });

  it('a dispatcher of the ticket’s partner releases: status, decision row, history, audit, agents see it', async () => {
    const id = await makeTicket(w, 'awaiting');
    expect((await api(w, 'agent', 'GET', `/api/agent/tickets/${id}`)).status).toBe(404);
    w.t.clock.advance(60_000);
    const r = await api(w, 'dispatcher', 'POST', `/api/tickets/${id}/release`, { reason: `  ${reason} ` });
    expect(r.status, r.text).toBe(200);
    const now = w.t.clock.now().toISOString();
    expect(r.json).toMatchObject({ id, status: 'new', releasedAt: now, updatedAt: now });
    const row = await w.t.db.selectFrom('ticket').select(['released_by']).where('id', '=', id).executeTakeFirstOrThrow();
    expect(row.released_by).toBe(w.id.dispatcher);
    const decisions = await w.t.db.selectFrom('release_decision').selectAll().where('ticket_id', '=', id).execute();
    expect(decisions.map((d) => [d.dispatcher_id, d.decision, d.reason, d.created_at])).toEqual([[w.id.dispatcher, 'released', reason, now]]);
    const history = (await api(w, 'author', 'GET', `/api/tickets/${id}/positions`)).json.items;
    expect(history.at(-1)).toMatchObject({ kind: 'system', event: 'released', data: { reason }, author: { id: w.id.dispatcher } });
    const audit = await w.t.db.selectFrom('audit_event').selectAll().where('entity_id', '=', id).where('action', '=', 'ticket.released').execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]!.actor_id).toBe(w.id.dispatcher);
    expect((await api(w, 'agent', 'GET', `/api/agent/tickets/${id}`)).status).toBe(200);
    // colleagues and viewers see it now too
    expect((await api(w, 'viewer', 'GET', `/api/tickets/${id}`)).status).toBe(200);
  });

  it('rejecting keeps it from the agents and gives it back to the author', async () => {
    const id = await makeTicket(w, 'awaiting');
    const r = await api(w, 'dispatcher', 'POST', `/api/tickets/${id}/reject`, { reason: 'Bitte Kostenstelle ergänzen.' });
    expect(r.status, r.text).toBe(200);
    expect(r.json).toMatchObject({ id, status: 'release_rejected', releasedAt: null });
    // the dispatcher no longer sees it (it does not await release any more): read:false, not 404
    expect(r.json.abilities.read).toBe(false);
    expect((await api(w, 'dispatcher', 'GET', `/api/tickets/${id}`)).status).toBe(404);
    expect((await api(w, 'agent', 'GET', `/api/agent/tickets/${id}`)).status).toBe(404);
    const own = await api(w, 'author', 'GET', `/api/tickets/${id}`);
    expect(own.json.abilities).toMatchObject({ resubmit: true, close: true });
    const decisions = await w.t.db.selectFrom('release_decision').select(['decision', 'reason']).where('ticket_id', '=', id).execute();
    expect(decisions).toEqual([{ decision: 'rejected', reason: 'Bitte Kostenstelle ergänzen.' }]);
  });

  it('a dispatcher of another partner gets 404, like a missing ticket; viewers and editors who see the ticket 403', async () => {
    const awaiting = await makeTicket(w, 'awaiting');
    const released = await makeTicket(w, 'pub');
    for (const decision of ['release', 'reject'] as const) {
      // multi is dispatcher of Blue Harbor, not of Nordwind
      await refusedWithoutEffect(w, 404, 'not_found', () => api(w, 'multi', 'POST', `/api/tickets/${awaiting}/${decision}`, { reason }));
      // the author sees their own ticket but may not release it
      await refusedWithoutEffect(w, 403, 'forbidden', () => api(w, 'author', 'POST', `/api/tickets/${awaiting}/${decision}`, { reason }));
      await refusedWithoutEffect(w, 403, 'forbidden', () => api(w, 'viewer', 'POST', `/api/tickets/${released}/${decision}`, { reason }));
      await refusedWithoutEffect(w, 403, 'forbidden', () => api(w, 'colleague', 'POST', `/api/tickets/${released}/${decision}`, { reason }));
      // a colleague's unreleased ticket is not visible to another editor at all
      await refusedWithoutEffect(w, 404, 'not_found', () => api(w, 'colleague', 'POST', `/api/tickets/${awaiting}/${decision}`, { reason }));
      await refusedWithoutEffect(w, 403, 'forbidden', () => api(w, 'agent', 'POST', `/api/tickets/${awaiting}/${decision}`, { reason }));
    }
  });

  it('a ticket that does not await release answers 409 and nothing changes', async () => {
    for (const kind of ['pub', 'rejected', 'closed'] as const) {
      const id = await makeTicket(w, kind);
      for (const decision of ['release', 'reject'] as const) {
        const who = kind === 'rejected' ? 'author' : 'dispatcher';
        if (who === 'author') {
          // the rejected ticket is visible to its author only, who is no releaser
          await refusedWithoutEffect(w, 403, 'forbidden', () => api(w, who, 'POST', `/api/tickets/${id}/${decision}`, { reason }));
        } else {
          await refusedWithoutEffect(w, 409, 'conflict', () => api(w, who, 'POST', `/api/tickets/${id}/${decision}`, { reason }));
        }
      }
    }
    const id = await makeTicket(w, 'awaiting');
    await decide(w, 'dispatcher', id, 'release');
    await refusedWithoutEffect(w, 409, 'conflict', () => api(w, 'dispatcher', 'POST', `/api/tickets/${id}/release`, { reason }));
    await refusedWithoutEffect(w, 409, 'conflict', () => api(w, 'dispatcher', 'POST', `/api/tickets/${id}/reject`, { reason }));
  });

  it('a decision on a ticket decided or withdrawn meanwhile answers its partner’s releasers 409, others 404', async () => {
    const rejected = await makeTicket(w, 'awaiting');
    await decide(w, 'dispatcher', rejected, 'reject');
    const withdrawn = await makeTicket(w, 'awaitingPriv');
    expect((await api(w, 'author', 'POST', `/api/tickets/${withdrawn}/close`, { reason: 'Hat sich erledigt, danke.' })).status).toBe(200);
    for (const id of [rejected, withdrawn]) {
      const r = await refusedWithoutEffect(w, 409, 'conflict', () => api(w, 'dispatcher', 'POST', `/api/tickets/${id}/release`, { reason }));
      expect(r.json.error.message).toMatch(/no longer awaits release/);
      await refusedWithoutEffect(w, 404, 'not_found', () => api(w, 'multi', 'POST', `/api/tickets/${id}/release`, { reason }));
      await refusedWithoutEffect(w, 404, 'not_found', () => api(w, 'colleague', 'POST', `/api/tickets/${id}/release`, { reason }));
    }
    // a private ticket released at creation never went past the dispatcher: 404
    await createAccount(w.t, { email: 'dirk.dispo@nordwind.example', memberships: [{ businessPartnerId: 'bp-nord', role: 'dispatcher' }] });
    const token = await bearerSignIn(w.t, 'dirk.dispo@nordwind.example');
    const own = await call(w.t.app, 'POST', '/api/tickets', {
      token,
      body: { subject: 'Privat und sofort frei', typeId: 'type-sp-main', areaId: 'area-sp-main', urgency: 'low', impact: 'low', private: true, release: true },
    });
    expect(own.json.status).toBe('new');
    await refusedWithoutEffect(w, 404, 'not_found', () => api(w, 'dispatcher', 'POST', `/api/tickets/${own.json.id}/release`, { reason }));
  });

  it('a reason is required', async () => {
    const id = await makeTicket(w, 'awaiting');
    for (const body of [{}, { reason: '' }, { reason: '   ' }, { reason: '!!' }, { reason: 'ok' }]) {
      for (const decision of ['release', 'reject'] as const) {
        await refusedWithoutEffect(w, 422, 'validation_failed', () => api(w, 'dispatcher', 'POST', `/api/tickets/${id}/${decision}`, body));
      }
    }
  });

  it('a membership with release but not write rights can release, but cannot create or comment', async () => {
    await createAccount(w.t, {
      email: 'rita.release@nordwind.example',
      name: 'Rita Release',
      memberships: [{ businessPartnerId: 'bp-nord', role: 'viewer', canWrite: false, canRelease: true }],
    });
    const token = await bearerSignIn(w.t, 'rita.release@nordwind.example');
    const id = await makeTicket(w, 'awaiting');
    const r = await call(w.t.app, 'POST', `/api/tickets/${id}/release`, { token, body: { reason } });
    expect(r.status, r.text).toBe(200);
    expect(r.json.status).toBe('new');
    const create = await call(w.t.app, 'POST', '/api/tickets', {
      token,
      body: { subject: 'Neues Ticket', typeId: 'type-sp-main', areaId: 'area-sp-main', urgency: 'low', impact: 'low' },
    });
    expectErrorEnvelope(create, 403, 'forbidden');
    const comment = await call(w.t.app, 'POST', `/api/tickets/${id}/positions`, { token, body: { body: '<p>Hallo</p>' } });
    expectErrorEnvelope(comment, 403, 'forbidden');
  });
});

describe('two decisions at once', () => {
  it('exactly one wins: one decision row, the other answer 409', async () => {
    const w = await world();
    await createAccount(w.t, { email: 'dirk.dispo@nordwind.example', memberships: [{ businessPartnerId: 'bp-nord', role: 'dispatcher' }] });
    const second = await bearerSignIn(w.t, 'dirk.dispo@nordwind.example');
    for (let round = 0; round < 6; round++) {
      const id = await makeTicket(w, round % 2 ? 'awaitingPriv' : 'awaiting');
      const reject = () => call(w.t.app, 'POST', `/api/tickets/${id}/reject`, { token: second, body: { reason: 'Bitte erst abstimmen.' } });
      const release = () => api(w, 'dispatcher', 'POST', `/api/tickets/${id}/release`, { reason });
      const results = await Promise.all(round < 3 ? [release(), reject()] : [reject(), release(), release()]);
      const statuses = results.map((r) => r.status).sort();
      expect(statuses, results.map((r) => r.text).join('\n')).toEqual(round < 3 ? [200, 409] : [200, 409, 409]);
      for (const r of results.filter((x) => x.status === 409)) expectErrorEnvelope(r, 409, 'conflict');
      const decisions = await w.t.db.selectFrom('release_decision').selectAll().where('ticket_id', '=', id).execute();
      expect(decisions).toHaveLength(1);
      const ticket = await w.t.db.selectFrom('ticket').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
      expect(ticket.status).toBe(decisions[0]!.decision === 'released' ? 'new' : 'release_rejected');
      const events = await w.t.db.selectFrom('position').select('event').where('ticket_id', '=', id).where('event', 'in', ['released', 'rejected']).execute();
      expect(events).toHaveLength(1);
    }
  });
});

describe('private tickets and the approval inbox', () => {
  it('awaiting release: visible to the partner’s dispatchers in list, count, search, query and detail; hidden after release', async () => {
    const w = await world();
    const id = await makeTicket(w, 'awaitingPriv', { subject: 'Privat: Zugriff Gehaltsordner' });
    const sees = async (who: 'dispatcher' | 'colleague' | 'viewer' | 'multi') => {
      const list = await api(w, who, 'GET', '/api/tickets');
      const inbox = await api(w, who, 'GET', '/api/tickets?query=awaiting_release');
      const found = await api(w, who, 'GET', '/api/tickets?q=Gehaltsordner');
      const detail = await api(w, who, 'GET', `/api/tickets/${id}`);
      const ids = (r: typeof list) => r.json.items.map((i: any) => i.id);
      return {
        list: ids(list).includes(id),
        total: list.json.total,
        inbox: inbox.status === 200 ? ids(inbox).includes(id) : inbox.status,
        search: found.json.total,
        detail: detail.status,
      };
    };
    // the inbox query must exist for this check: a system query keyed awaiting_release
    await w.t.db
      .insertInto('saved_query')
      .values({ id: 'q-awaiting', system_partner_id: 'sp-main', account_id: null, key: 'awaiting_release', name_de: 'Wartet auf Freigabe', name_en: 'Awaiting release', filter_json: JSON.stringify({ statuses: ['awaiting_release'] }) })
      .execute();
    expect(await sees('dispatcher')).toEqual({ list: true, total: 1, inbox: true, search: 1, detail: 200 });
    for (const who of ['colleague', 'viewer', 'multi'] as const) {
      expect(await sees(who)).toEqual({ list: false, total: 0, inbox: false, search: 0, detail: 404 });
    }
    const r = await api(w, 'dispatcher', 'POST', `/api/tickets/${id}/release`, { reason });
    expect(r.status, r.text).toBe(200);
    expect(r.json).toMatchObject({ id, status: 'new', private: true, abilities: { read: false } });
    expect(await sees('dispatcher')).toEqual({ list: false, total: 0, inbox: false, search: 0, detail: 404 });
    // the author and the agents see it
    expect((await api(w, 'author', 'GET', `/api/tickets/${id}`)).status).toBe(200);
    expect((await api(w, 'agent', 'GET', `/api/agent/tickets/${id}`)).status).toBe(200);
  });
});

describe('resubmitting a rejected ticket', () => {
  it('only its author, only when rejected; it goes back to the dispatchers', async () => {
    const w = await world();
    const id = await makeTicket(w, 'rejected');
    await refusedWithoutEffect(w, 404, 'not_found', () => api(w, 'colleague', 'POST', `/api/tickets/${id}/resubmit`, {}));
    await refusedWithoutEffect(w, 404, 'not_found', () => api(w, 'dispatcher', 'POST', `/api/tickets/${id}/resubmit`, {}));
    const r = await api(w, 'author', 'POST', `/api/tickets/${id}/resubmit`, { comment: 'Kostenstelle 4711 ergänzt.' });
    expect(r.status, r.text).toBe(200);
    expect(r.json.status).toBe('awaiting_release');
    const history = (await api(w, 'author', 'GET', `/api/tickets/${id}/positions`)).json.items;
    expect(history.at(-1)).toMatchObject({ event: 'resubmitted', data: { comment: 'Kostenstelle 4711 ergänzt.' } });
    expect((await api(w, 'dispatcher', 'GET', `/api/tickets/${id}`)).status).toBe(200);
    await refusedWithoutEffect(w, 409, 'conflict', () => api(w, 'author', 'POST', `/api/tickets/${id}/resubmit`, {}));
    await decide(w, 'dispatcher', id, 'release');
    expect(await w.t.db.selectFrom('release_decision').select('decision').where('ticket_id', '=', id).orderBy('created_at').execute()).toHaveLength(2);
  });
});

describe('e-mails', () => {
  let w: World;
  beforeEach(async () => {
    w = await world();
    // a second Nordwind dispatcher who switched notifications off
    await createAccount(w.t, { email: 'stefan.still@nordwind.example', name: 'Stefan Still', memberships: [{ businessPartnerId: 'bp-nord', role: 'dispatcher' }] });
    await w.t.db.updateTable('account').set({ notify_email: 0 }).where('email', '=', 'stefan.still@nordwind.example').execute();
    // and one in English
    await createAccount(w.t, { email: 'emma.english@nordwind.example', name: 'Emma English', locale: 'en', memberships: [{ businessPartnerId: 'bp-nord', role: 'dispatcher' }] });
  });

  const mailsSince = async (n: number) => (await outbox(w)).slice(n);

  function wellFormed(m: { subject: string; text_body: string; html_body: string }) {
    for (const s of [m.subject, m.text_body]) expect(s, s).not.toMatch(/[{}]|\$\{|undefined|null/);
    expect(m.html_body).not.toMatch(/\{\{|\$\{|\{[a-zA-Z]+\}|undefined/);
  }

  it('submission: to the partner’s dispatchers who want mail, in their language; not to the author', async () => {
    const n = (await outbox(w)).length;
    const tk = await createTicket(w, 'author', { subject: 'Zugang für Azubi' });
    const mails = await mailsSince(n);
    expect(mails.map((m) => [m.to_address, m.kind]).sort()).toEqual([
      ['dora.dispatcher@nordwind.example', 'ticket.submitted_for_release'],
      ['emma.english@nordwind.example', 'ticket.submitted_for_release'],
    ]);
    const de = mails.find((m) => m.to_address.startsWith('dora'))!;
    const en = mails.find((m) => m.to_address.startsWith('emma'))!;
    expect(de.subject).toBe(`Freigabe erbeten: #${tk.number} Zugang für Azubi`);
    expect(de.text_body).toContain('Guten Tag Dora Dietrich,');
    expect(de.text_body).toContain('Erik Engel hat ein Ticket zur Freigabe eingereicht.');
    expect(en.subject).toBe(`Release requested: #${tk.number} Zugang für Azubi`);
    expect(en.text_body).toContain('Hello Emma English,');
    expect(en.html_body).toContain('<html lang="en">');
    for (const m of mails) {
      wellFormed(m);
      expect(m.ticket_id).toBe(tk.id);
      expect(m.text_body).toContain(`/#/approvals/${tk.id}`);
    }
    // a dispatcher's own submission: the other dispatchers only
    const n2 = (await outbox(w)).length;
    await createTicket(w, 'dispatcher', { release: false });
    expect((await mailsSince(n2)).map((m) => m.to_address)).toEqual(['emma.english@nordwind.example']);
    // released at creation: nobody needs to act
    const n3 = (await outbox(w)).length;
    await createTicket(w, 'dispatcher', { release: true });
    expect(await mailsSince(n3)).toEqual([]);
  });

  it('release and reject: to the author, with the reason; never to the one who decided', async () => {
    const released = await makeTicket(w, 'awaiting');
    let n = (await outbox(w)).length;
    await decide(w, 'dispatcher', released, 'release', 'Ist dringend, bitte heute noch.');
    let mails = await mailsSince(n);
    expect(mails.map((m) => [m.to_address, m.kind])).toEqual([['erik.editor@nordwind.example', 'ticket.released']]);
    expect(mails[0]!.subject).toMatch(/^Ticket freigegeben: #\d+ /);
    expect(mails[0]!.text_body).toContain('Begründung: Ist dringend, bitte heute noch.');
    wellFormed(mails[0]!);

    const rejected = await makeTicket(w, 'awaiting');
    n = (await outbox(w)).length;
    await decide(w, 'dispatcher', rejected, 'reject', 'Bitte erst mit der Leitung abstimmen.');
    mails = await mailsSince(n);
    expect(mails.map((m) => [m.to_address, m.kind])).toEqual([['erik.editor@nordwind.example', 'ticket.rejected']]);
    expect(mails[0]!.text_body).toContain('Bitte erst mit der Leitung abstimmen.');
    wellFormed(mails[0]!);

    // resubmitting mails the dispatchers again
    n = (await outbox(w)).length;
    await api(w, 'author', 'POST', `/api/tickets/${rejected}/resubmit`, {});
    expect((await mailsSince(n)).map((m) => m.kind)).toEqual(['ticket.resubmitted', 'ticket.resubmitted']);

    // the author releasing their own submission gets nothing
    const own = await createTicket(w, 'dispatcher', { release: false });
    n = (await outbox(w)).length;
    await decide(w, 'dispatcher', own.id, 'release');
    expect(await mailsSince(n)).toEqual([]);
  });

  it('agent replies and status changes: to the author; internal notes and opted-out authors: none', async () => {
    const id = await makeTicket(w, 'pub');
    let n = (await outbox(w)).length;
    await api(w, 'agent', 'POST', `/api/agent/tickets/${id}/positions`, { body: '<p>Wir sind dran.</p>' });
    await api(w, 'agent', 'POST', `/api/agent/tickets/${id}/status`, { status: 'waiting_for_customer' });
    await api(w, 'agent', 'POST', `/api/agent/tickets/${id}/positions`, { body: '<p>intern</p>', internal: true });
    let mails = await mailsSince(n);
    expect(mails.map((m) => [m.to_address, m.kind])).toEqual([
      ['erik.editor@nordwind.example', 'ticket.agent_reply'],
      ['erik.editor@nordwind.example', 'ticket.status_changed_by_agent'],
    ]);
    expect(mails[1]!.text_body).toContain('„Wartet auf Ihre Rückmeldung“');
    for (const m of mails) wellFormed(m);

    await w.t.db.updateTable('account').set({ notify_email: 0 }).where('id', '=', w.id.author).execute();
    n = (await outbox(w)).length;
    await api(w, 'agent', 'POST', `/api/agent/tickets/${id}/positions`, { body: '<p>Noch was.</p>' });
    await api(w, 'agent', 'POST', `/api/agent/tickets/${id}/status`, { status: 'resolved' });
    mails = await mailsSince(n);
    expect(mails).toEqual([]);
  });

  it('the HTML body escapes the subject; the English author gets English', async () => {
    const tk = await createTicket(w, 'other', { subject: '<b>Kran</b> & "Co" <script>alert(1)</script>' });
    const n = (await outbox(w)).length;
    await decide(w, 'multi', tk.id, 'reject', 'Please add the <crane> number & site.');
    const [mail] = await mailsSince(n);
    expect(mail!.to_address).toBe('bob.editor@blueharbor.example');
    expect(mail!.subject).toBe(`Release rejected: #${tk.number} <b>Kran</b> & "Co" <script>alert(1)</script>`);
    expect(mail!.html_body).not.toContain('<script>');
    expect(mail!.html_body).not.toContain('<b>Kran');
    expect(mail!.html_body).toContain('&lt;b&gt;Kran&lt;/b&gt; &amp; &quot;Co&quot; &lt;script&gt;');
    expect(mail!.html_body).toContain('Please add the &lt;crane&gt; number &amp; site.');
    expect(mail!.text_body).toContain('Hello Bob Baker,');
    wellFormed({ ...mail!, subject: 'x' });
  });
});
