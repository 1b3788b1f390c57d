/**
 * POST /api/tickets (R-WIZ-1..10, R-X-5): validation refuses bad input and writes nothing; the
 * business partner is asked for only when there is a choice; release at creation only for
 * dispatchers; the priority comes from the matrix; tags are deduplicated and reused per partner;
 * draft uploads and pictures in the description are claimed only when they are the caller's.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createAccount, dbSnapshot, expectErrorEnvelope, SP } from './auth-fixtures.js';
import { bearerSignIn } from './auth-fixtures.js';
import {
  api,
  AREA,
  createTicket,
  draftUpload,
  PNG,
  ticketBody,
  TYPE,
  upload,
  world,
  type TicketInput,
  type World,
} from './ticket-fixtures.js';
import { defaultPriorityMatrix } from '../../server/schemas/priority.js';
import { call } from './helpers.js';

/** Expects 422 with an issue at `path` and proves that nothing at all was written. */
async function refused(w: World, body: unknown, path: string, who: 'author' | 'multi' = 'author') {
  const before = await dbSnapshot(w.t.db);
  const r = await api(w, who, 'POST', '/api/tickets', body);
  expectErrorEnvelope(r, 422, 'validation_failed');
  const paths = (r.json.error.details.issues as { path: string; message: string }[]).map((i) => i.path);
  expect(paths, r.text).toContain(path);
  for (const i of r.json.error.details.issues) expect(i.message.length).toBeGreaterThan(3);
  const after = await dbSnapshot(w.t.db);
  expect(after.counts).toEqual(before.counts);
  expect(after.checksum).toBe(before.checksum);
  return r;
}

describe('validation: 422 and nothing written', () => {
  let w: World;
  beforeAll(async () => {
    w = await world();
    await w.t.db.insertInto('ticket_type').values({ id: 'type-retired', system_partner_id: SP, name_de: 'Alt', name_en: 'Old', active: 0 }).execute();
  });

  const cases: [string, TicketInput | Record<string, unknown>, string][] = [
    ['empty subject', { subject: '' }, 'subject'],
    ['white-space subject', { subject: ' \t \u00a0  ' }, 'subject'],
    ['punctuation-only subject', { subject: '!!! --- ???' }, 'subject'],
    ['emoji-only subject', { subject: '🙈🙈🙈' }, 'subject'],
    ['too short subject', { subject: 'ab' }, 'subject'],
    ['overlong subject', { subject: 'Drucker '.repeat(26) }, 'subject'],
    ['control character in the subject', { subject: 'Drucker\u0007 im Lager' }, 'subject'],
    ['line break inside the subject', { subject: 'Drucker\nim Lager' }, 'subject'],
    ['C1 control character in the subject', { subject: 'Drucker\u0085im Lager' }, 'subject'],
    ['subject not a string', { subject: 42 }, 'subject'],
    ['overlong reference number', { referenceNo: 'PO-'.padEnd(65, '1') }, 'referenceNo'],
    ['control character in the reference number', { referenceNo: 'PO-2026\u0000-1' }, 'referenceNo'],
    ['overlong tag', { tags: ['x'.repeat(41)] }, 'tags.0'],
    ['empty tag', { tags: ['Drucker', '   '] }, 'tags.1'],
    ['control character in a tag', { tags: ['Dru\u001bcker'] }, 'tags.0'],
    ['too many tags', { tags: Array.from({ length: 21 }, (_, i) => `tag${i}`) }, 'tags'],
    ['overlong description', { description: '<p>' + 'a'.repeat(500_001) + '</p>' }, 'description'],
    ['unknown type', { typeId: 'no-such-type' }, 'typeId'],
    ['type of another system partner', { typeId: 'type-sp-other' }, 'typeId'],
    ['retired type', { typeId: 'type-retired' }, 'typeId'],
    ['unknown area', { areaId: 'area-nowhere' }, 'areaId'],
    ['area of another system partner', { areaId: 'area-sp-other' }, 'areaId'],
    ['malformed type id', { typeId: '../../etc' }, 'typeId'],
    ['unknown urgency', { urgency: 'urgent' }, 'urgency'],
    ['unknown impact', { impact: 'huge' }, 'impact'],
    ['unknown business partner', { businessPartnerId: 'bp-nowhere' }, 'businessPartnerId'],
    ['business partner the account does not belong to', { businessPartnerId: 'bp-blue' }, 'businessPartnerId'],
    ['release not a boolean', { release: 'yes' }, 'release'],
    ['unknown attachment id', { attachmentIds: ['nosuchupload1234'] }, 'attachmentIds'],
  ];
  it.each(cases)('%s', async (_name, input, path) => {
    await refused(w, ticketBody(input as TicketInput), path);
  });

  it('missing required fields', async () => {
    const r = await refused(w, { description: '<p>x</p>' }, 'subject');
    const paths = r.json.error.details.issues.map((i: any) => i.path);
    expect(paths).toEqual(expect.arrayContaining(['subject', 'typeId', 'areaId', 'urgency', 'impact']));
  });

  it('a subject is stored trimmed; outer white space is not an error', async () => {
    const tk = await createTicket(w, 'author', { subject: '   Drucker im Lager  ', referenceNo: '  PO-2026-0142 ' });
    expect(tk.subject).toBe('Drucker im Lager');
    expect(tk.referenceNo).toBe('PO-2026-0142');
  });

  it('viewers, agents and anonymous callers cannot create tickets, and nothing is written', async () => {
    for (const [who, status, code] of [
      ['viewer', 403, 'forbidden'],
      ['agent', 403, 'forbidden'],
      ['anon', 401, 'unauthenticated'],
    ] as const) {
      const before = await dbSnapshot(w.t.db);
      const r = await api(w, who, 'POST', '/api/tickets', ticketBody());
      expectErrorEnvelope(r, status, code);
      expect((await dbSnapshot(w.t.db)).checksum).toBe(before.checksum);
    }
  });

  it('a membership that may release but not write cannot create tickets', async () => {
    await createAccount(w.t, {
      email: 'rita.release@nordwind.example',
      memberships: [{ businessPartnerId: 'bp-nord', role: 'viewer', canWrite: false, canRelease: true }],
    });
    const token = await bearerSignIn(w.t, 'rita.release@nordwind.example');
    const before = await dbSnapshot(w.t.db);
    const r = await call(w.t.app, 'POST', '/api/tickets', { token, body: ticketBody({ release: true }) });
    expectErrorEnvelope(r, 403, 'forbidden');
    expect((await dbSnapshot(w.t.db)).checksum).toBe(before.checksum);
  });
});

describe('the created ticket', () => {
  let w: World;
  beforeAll(async () => {
    w = await world();
  });

  it('answers 201 with the detail, a number, ISO instants and the history', async () => {
    const tk = await createTicket(w, 'author', {
      subject: 'VPN bricht ab',
      description: '<p>Seit dem Update <strong>jede</strong> Stunde.</p><script>alert(1)</script>',
      referenceNo: 'INC-4711',
    });
    expect(tk).toMatchObject({
      subject: 'VPN bricht ab',
      status: 'awaiting_release',
      private: false,
      referenceNo: 'INC-4711',
      type: { id: TYPE, name: 'Störung' },
      area: { id: AREA, name: 'Netzwerk' },
      businessPartner: { id: 'bp-nord', name: 'Nordwind Logistik GmbH' },
      author: { id: w.id.author, name: 'Erik Engel' },
      releasedAt: null,
      closedAt: null,
      descriptionHtml: '<p>Seit dem Update <strong>jede</strong> Stunde.</p>',
    });
    expect(tk.number).toBeGreaterThan(10000);
    expect(tk.createdAt).toBe(w.t.clock.now().toISOString());
    expect(tk.updatedAt).toBe(tk.createdAt);
    const next = await createTicket(w, 'author');
    expect(next.number).toBe(tk.number + 1);

    const history = await api(w, 'author', 'GET', `/api/tickets/${tk.id}/positions`);
    expect(history.json.items.map((p: any) => [p.kind, p.event])).toEqual([
      ['system', 'created'],
      ['system', 'submitted_for_release'],
    ]);
    const row = await w.t.db.selectFrom('ticket').select('description_text').where('id', '=', tk.id).executeTakeFirstOrThrow();
    expect(row.description_text).toBe('Seit dem Update jede Stunde.');
  });

  it('release at creation only for dispatchers; an editor’s release:true goes to the dispatchers', async () => {
    const byDispatcher = await createTicket(w, 'dispatcher', { release: true });
    expect(byDispatcher.status).toBe('new');
    expect(byDispatcher.releasedAt).toBe(w.t.clock.now().toISOString());
    const row = await w.t.db.selectFrom('ticket').select(['released_by']).where('id', '=', byDispatcher.id).executeTakeFirstOrThrow();
    expect(row.released_by).toBe(w.id.dispatcher);
    const events = (await api(w, 'dispatcher', 'GET', `/api/tickets/${byDispatcher.id}/positions`)).json.items.map((p: any) => p.event);
    expect(events).toEqual(['created', 'released']);

    const byEditor = await createTicket(w, 'author', { release: true });
    expect(byEditor.status).toBe('awaiting_release');
    expect(byEditor.releasedAt).toBeNull();

    const heldBack = await createTicket(w, 'dispatcher', { release: false });
    expect(heldBack.status).toBe('awaiting_release');

    // unreleased tickets are never visible to agents
    expect((await api(w, 'agent', 'GET', `/api/agent/tickets/${byEditor.id}`)).status).toBe(404);
    expect((await api(w, 'agent', 'GET', `/api/agent/tickets/${byDispatcher.id}`)).status).toBe(200);
  });

  it('derives the priority from urgency × impact and ignores a priority sent by the client', async () => {
    for (const urgency of ['low', 'medium', 'high'] as const) {
      for (const impact of ['low', 'medium', 'high'] as const) {
        const r = await api(w, 'author', 'POST', '/api/tickets', { ...ticketBody({ urgency, impact }), priority: 'critical' });
        expect(r.status, r.text).toBe(201);
        expect(r.json.priority, `${urgency} × ${impact}`).toBe(defaultPriorityMatrix[urgency][impact]);
        expect([r.json.urgency, r.json.impact]).toEqual([urgency, impact]);
      }
    }
  });

  it('uses the system partner’s own matrix when it has one', async () => {
    const matrix = {
      high: { high: 'critical', medium: 'critical', low: 'high' },
      medium: { high: 'high', medium: 'high', low: 'medium' },
      low: { high: 'medium', medium: 'medium', low: 'low' },
    };
    await w.t.db.updateTable('system_partner').set({ settings_json: JSON.stringify({ priorityMatrix: matrix }) }).where('id', '=', SP).execute();
    try {
      expect((await createTicket(w, 'author', { urgency: 'medium', impact: 'medium' })).priority).toBe('high');
      expect((await createTicket(w, 'author', { urgency: 'high', impact: 'medium' })).priority).toBe('critical');
      const lookup = await api(w, 'author', 'GET', '/api/lookups/priority');
      expect(lookup.json.matrix).toEqual(matrix);
    } finally {
      await w.t.db.updateTable('system_partner').set({ settings_json: '{}' }).where('id', '=', SP).execute();
    }
  });

  it('deduplicates tags case-insensitively and reuses them per partner', async () => {
    const tagRows = async () =>
      (await w.t.db.selectFrom('tag').select(['business_partner_id', 'name', 'name_key']).execute()).sort((a, b) =>
        (a.name_key + a.business_partner_id).localeCompare(b.name_key + b.business_partner_id, 'de'),
      );
    const first = await createTicket(w, 'author', { tags: ['Drucker', 'drucker', ' DRUCKER ', 'Lager', 'A\u0308rger'] });
    expect(first.tags).toEqual(['Ärger', 'Drucker', 'Lager']);
    expect(await tagRows()).toEqual([
      { business_partner_id: 'bp-nord', name: 'Ärger', name_key: 'ärger' },
      { business_partner_id: 'bp-nord', name: 'Drucker', name_key: 'drucker' },
      { business_partner_id: 'bp-nord', name: 'Lager', name_key: 'lager' },
    ]);
    // the same words again (other spelling, NFC vs NFD): the existing rows, their spelling
    const second = await createTicket(w, 'colleague', { tags: ['LAGER', 'ärger'] });
    expect(second.tags).toEqual(['Ärger', 'Lager']);
    expect(await tagRows()).toHaveLength(3);
    // another partner gets its own tag
    const blue = await createTicket(w, 'other', { tags: ['drucker'] });
    expect(blue.tags).toEqual(['drucker']);
    const rows = await tagRows();
    expect(rows).toHaveLength(4);
    expect(rows.filter((r) => r.name_key === 'drucker').map((r) => r.business_partner_id).sort()).toEqual(['bp-blue', 'bp-nord']);
  });
});

describe('business partner choice (R-WIZ-5)', () => {
  let w: World;
  beforeAll(async () => {
    w = await world();
  });

  it('a single-partner account needs none: the ticket is for its partner', async () => {
    expect((await createTicket(w, 'author')).businessPartner.id).toBe('bp-nord');
  });

  it('a multi-partner account must choose, and gets its rights in the chosen partner', async () => {
    await refused(w, ticketBody(), 'businessPartnerId', 'multi');
    const ost = await createTicket(w, 'multi', { businessPartnerId: 'bp-ost', release: true });
    expect(ost.businessPartner.id).toBe('bp-ost');
    // editor in Ost: goes to Ost's dispatchers
    expect(ost.status).toBe('awaiting_release');
    const blue = await createTicket(w, 'multi', { businessPartnerId: 'bp-blue', release: true });
    // dispatcher in Blue Harbor: released at once
    expect(blue.status).toBe('new');
    await refused(w, ticketBody({ businessPartnerId: 'bp-nord' }), 'businessPartnerId', 'multi');
  });

  it('counts only partners the account may write for', async () => {
    await createAccount(w.t, {
      email: 'vera.view@nordwind.example',
      memberships: [
        { businessPartnerId: 'bp-nord', role: 'viewer' },
        { businessPartnerId: 'bp-blue', role: 'editor' },
      ],
    });
    const token = await bearerSignIn(w.t, 'vera.view@nordwind.example');
    const r = await call(w.t.app, 'POST', '/api/tickets', { token, body: ticketBody() });
    expect(r.status, r.text).toBe(201);
    expect(r.json.businessPartner.id).toBe('bp-blue');
    const viewOnly = await call(w.t.app, 'POST', '/api/tickets', { token, body: ticketBody({ businessPartnerId: 'bp-nord' }) });
    expectErrorEnvelope(viewOnly, 403, 'forbidden');
  });
});

describe('draft uploads and pictures (R-WIZ-3, R-WIZ-4)', () => {
  let w: World;
  beforeAll(async () => {
    w = await world();
  });

  const attachmentRow = (id: string) => w.t.db.selectFrom('attachment').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

  it('claims the caller’s draft uploads by attachmentIds', async () => {
    const ids = await draftUpload(w, 'author', [
      { name: 'bild.png', data: PNG },
      { name: 'notiz.txt', data: 'Druckerwarteschlange hängt.' },
    ]);
    const tk = await createTicket(w, 'author', { attachmentIds: ids });
    expect(tk.attachments.map((a: any) => a.id).sort()).toEqual([...ids].sort());
    expect(tk.attachments.map((a: any) => [a.fileName, a.contentType, a.previewable]).sort()).toEqual([
      ['bild.png', 'image/png', true],
      ['notiz.txt', 'text/plain', false],
    ]);
    for (const id of ids) expect((await attachmentRow(id)).ticket_id).toBe(tk.id);

    // an upload belongs to one ticket only
    await refused(w, ticketBody({ attachmentIds: [ids[0]!] }), 'attachmentIds');
  });

  it('refuses another account’s upload id and writes nothing', async () => {
    const [foreign] = await draftUpload(w, 'colleague');
    await refused(w, ticketBody({ attachmentIds: [foreign!] }), 'attachmentIds');
    expect((await attachmentRow(foreign!)).ticket_id).toBeNull();
  });

  it('viewers cannot upload drafts', async () => {
    const u = await upload(w, 'viewer', '/api/uploads', [{ name: 'bild.png', data: PNG }]);
    expectErrorEnvelope(u, 403, 'forbidden');
    expect(await w.t.db.selectFrom('attachment').select('id').where('uploaded_by', '=', w.id.viewer).execute()).toEqual([]);
  });

  it('pictures in the description must be the caller’s uploaded pictures; they are claimed', async () => {
    const [own] = await draftUpload(w, 'author');
    const html = `<p>So sieht es aus:</p><p><img src="/api/attachments/${own}?inline=1" alt="Fehlermeldung"></p>`;
    const tk = await createTicket(w, 'author', { description: html });
    expect(tk.descriptionHtml).toContain(`src="/api/attachments/${own}?inline=1"`);
    expect((await attachmentRow(own!)).ticket_id).toBe(tk.id);
    expect(tk.attachments.map((a: any) => a.id)).toEqual([own]);

    const [foreign] = await draftUpload(w, 'colleague');
    await refused(w, ticketBody({ description: `<p><img src="/api/attachments/${foreign}"></p>` }), 'description');

    const [text] = await draftUpload(w, 'author', [{ name: 'log.txt', data: 'kein Bild' }]);
    await refused(w, ticketBody({ description: `<p><img src="/api/attachments/${text}"></p>` }), 'description');

    // a picture that already belongs to another ticket
    await refused(w, ticketBody({ description: `<p><img src="/api/attachments/${own}"></p>` }), 'description');
  });

  it('drops pictures from anywhere else instead of storing the link', async () => {
    const tk = await createTicket(w, 'author', {
      description: '<p>Bild:<img src="https://tracker.example/p.gif"><img src="data:image/png;base64,AAAA"><img src="//evil.example/x.png"></p>',
    });
    expect(tk.descriptionHtml).toBe('<p>Bild:</p>');
  });
});
