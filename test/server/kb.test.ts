/**
 * The knowledge base (R-KB-1..3, R-X-4, R-X-5): who sees which article (sharing per business
 * partner; anything unshared answers like a missing id), sections and their counts, ranked search
 * with markup-free highlights, literal special characters and German folding, no leaks through
 * search, and the agent API that writes it all (validation, versions, honest update dates,
 * sanitised bodies). The data is built through the agent API, as an agent would.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { call, testContext, type TestContext } from './helpers.js';
import { bearerSignIn, createAccount, expectErrorEnvelope, seedPartners, SP_OTHER } from './auth-fixtures.js';
import { dataSnapshot } from './data-snapshot.js';
import { withoutRequestId } from './ticket-fixtures.js';
import { MINUTE } from '../../server/clock.js';

const WHO = ['nord', 'nordViewer', 'nordDispatcher', 'blue', 'multi', 'one', 'twelve', 'agent', 'foreignAgent', 'foreign'] as const;
type Who = (typeof WHO)[number];

interface KbWorld {
  t: TestContext;
  id: Record<Who, string>;
  token: Record<Who, string>;
}

/**
 * Partners: Nordwind, Blue Harbor, Müller (Ost), "1" and "12" (ids that are prefixes of each
 * other) and a partner of another system partner. `multi` belongs to Müller and Blue Harbor.
 */
async function kbWorld(): Promise<KbWorld> {
  const t = await testContext();
  await seedPartners(t.db, [
    { id: 'bp-nord', name: 'Nordwind Logistik GmbH' },
    { id: 'bp-blue', name: 'Blue Harbor Ltd' },
    { id: 'bp-ost', name: 'Müller & Söhne (Ost) GmbH' },
    { id: '1', name: 'Partner Eins' },
    { id: '12', name: 'Partner Zwölf' },
    { id: 'bp-foreign', name: 'Fremdkunde AG', sp: SP_OTHER },
  ]);
  const specs: Record<Who, Parameters<typeof createAccount>[1]> = {
    nord: { email: 'erik.editor@nordwind.example', memberships: [{ businessPartnerId: 'bp-nord', role: 'editor' }] },
    nordViewer: { email: 'anna.viewer@nordwind.example', memberships: [{ businessPartnerId: 'bp-nord', role: 'viewer' }] },
    nordDispatcher: { email: 'dora.dispatcher@nordwind.example', memberships: [{ businessPartnerId: 'bp-nord', role: 'dispatcher' }] },
    blue: { email: 'bob.editor@blueharbor.example', locale: 'en', memberships: [{ businessPartnerId: 'bp-blue', role: 'editor' }] },
    multi: {
      email: 'max.multi@mueller-soehne.example',
      memberships: [
        { businessPartnerId: 'bp-ost', role: 'editor' },
        { businessPartnerId: 'bp-blue', role: 'dispatcher' },
      ],
    },
    one: { email: 'eins@partner-eins.example', memberships: [{ businessPartnerId: '1', role: 'viewer' }] },
    twelve: { email: 'zwoelf@partner-zwoelf.example', memberships: [{ businessPartnerId: '12', role: 'viewer' }] },
    agent: { email: 'alex.agent@servicedesk.example', name: 'Alex Agent', kind: 'agent' },
    foreignAgent: { email: 'fiona.fremd@other-desk.example', kind: 'agent', systemPartnerId: SP_OTHER },
    foreign: { email: 'kunde@fremdkunde.example', systemPartnerId: SP_OTHER, memberships: [{ businessPartnerId: 'bp-foreign', role: 'editor' }] },
  };
  const id = {} as Record<Who, string>;
  const token = {} as Record<Who, string>;
  for (const who of WHO) {
    id[who] = await createAccount(t, specs[who]);
    token[who] = await bearerSignIn(t, specs[who].email);
  }
  return { t, id, token };
}

const as = (w: KbWorld, who: Who, method: string, path: string, body?: unknown) =>
  call(w.t.app, method, path, { token: w.token[who], ...(body === undefined ? {} : { body }) });

/** POST /api/agent/kb/sections as the agent; returns the id. */
async function section(w: KbWorld, nameDe: string, nameEn = nameDe, sort?: number, who: Who = 'agent'): Promise<string> {
  const r = await as(w, who, 'POST', '/api/agent/kb/sections', { nameDe, nameEn, ...(sort === undefined ? {} : { sort }) });
  expect(r.status, r.text).toBe(201);
  return r.json.id as string;
}

/** POST /api/agent/kb/articles as the agent; returns the created article. */
async function article(
  w: KbWorld,
  input: { section: string; title: string; body: string; language?: 'de' | 'en'; shares?: string[] },
): Promise<any> {
  const r = await as(w, 'agent', 'POST', '/api/agent/kb/articles', {
    sectionId: input.section,
    language: input.language ?? 'de',
    title: input.title,
    bodyHtml: input.body,
    businessPartnerIds: input.shares ?? [],
  });
  expect(r.status, r.text).toBe(201);
  return r.json;
}

async function setShares(w: KbWorld, articleId: string, businessPartnerIds: string[]) {
  const r = await as(w, 'agent', 'PUT', `/api/agent/kb/articles/${articleId}/shares`, { businessPartnerIds });
  expect(r.status, r.text).toBe(200);
  return r.json;
}

const q = (s: string) => encodeURIComponent(s);

/** Ids of the articles `who` finds with `?q=` (in ranking order). */
async function search(w: KbWorld, who: Who, text: string, extra = ''): Promise<string[]> {
  const r = await as(w, who, 'GET', `/api/kb/articles?q=${q(text)}${extra}`);
  expect(r.status, `${text}: ${r.text}`).toBe(200);
  return (r.json.items as { id: string }[]).map((i) => i.id);
}

const listIds = async (w: KbWorld, who: Who, query = '') => {
  const r = await as(w, who, 'GET', `/api/kb/articles${query}`);
  expect(r.status, r.text).toBe(200);
  expect(r.json.total).toBe(r.json.items.length);
  return (r.json.items as { id: string }[]).map((i) => i.id).sort();
};

const MISSING = 'zzzzzzzzzzzzzzzzzzzz';

// ---------------------------------------------------------------------------------------------

describe('sharing: a customer sees only articles shared with one of their partners', () => {
  let w: KbWorld;
  let sec: string;
  const a: Record<string, any> = {};

  beforeAll(async () => {
    w = await kbWorld();
    sec = await section(w, 'Allgemein', 'General');
    a.nord = await article(w, { section: sec, title: 'VPN einrichten', body: '<p>Für Nordwind.</p>', shares: ['bp-nord'] });
    a.blue = await article(w, { section: sec, title: 'Printer setup', body: '<p>For Blue Harbor.</p>', language: 'en', shares: ['bp-blue'] });
    a.ost = await article(w, { section: sec, title: 'Lager Ost', body: '<p>Für Müller.</p>', shares: ['bp-ost'] });
    a.both = await article(w, { section: sec, title: 'Passwort ändern', body: '<p>Für alle.</p>', shares: ['bp-nord', 'bp-blue'] });
    a.none = await article(w, { section: sec, title: 'Interner Entwurf', body: '<p>Noch nicht geteilt.</p>' });
    a.one = await article(w, { section: sec, title: 'Nur für Eins', body: '<p>Partner 1.</p>', shares: ['1'] });
    a.twelve = await article(w, { section: sec, title: 'Nur für Zwölf', body: '<p>Partner 12.</p>', shares: ['12'] });
  });

  it('lists exactly the shared articles, per account', async () => {
    const expected: [Who, string[]][] = [
      ['nord', [a.nord.id, a.both.id]],
      ['nordViewer', [a.nord.id, a.both.id]],
      ['blue', [a.blue.id, a.both.id]],
      // an account of two partners sees the union of both
      ['multi', [a.blue.id, a.ost.id, a.both.id]],
      // "1" and "12" never mix
      ['one', [a.one.id]],
      ['twelve', [a.twelve.id]],
      ['foreign', []],
    ];
    for (const [who, ids] of expected) {
      expect(await listIds(w, who), who).toEqual([...ids].sort());
    }
  });

  it('answers an unshared article exactly like a missing id (404)', async () => {
    const missing = await as(w, 'nord', 'GET', `/api/kb/articles/${MISSING}`);
    expectErrorEnvelope(missing, 404, 'not_found');
    for (const [who, art] of [
      ['nord', a.blue],
      ['nord', a.none],
      ['nord', a.ost],
      ['blue', a.nord],
      ['one', a.twelve],
      ['twelve', a.one],
      ['multi', a.nord],
      ['foreign', a.both],
    ] as [Who, any][]) {
      const r = await as(w, who, 'GET', `/api/kb/articles/${art.id}`);
      expectErrorEnvelope(r, 404, 'not_found');
      expect(withoutRequestId(r.json), `${who} → ${art.title}`).toEqual(withoutRequestId(missing.json));
      expect(r.text).not.toContain(art.title);
    }
  });

  it('opens a shared article with its body, section and dates', async () => {
    const r = await as(w, 'multi', 'GET', `/api/kb/articles/${a.ost.id}`);
    expect(r.status, r.text).toBe(200);
    expect(r.json).toMatchObject({
      id: a.ost.id,
      title: 'Lager Ost',
      section: { id: sec, name: 'Allgemein' },
      language: 'de',
      bodyHtml: '<p>Für Müller.</p>',
      createdAt: a.ost.createdAt,
      updatedAt: a.ost.updatedAt,
    });
    // customers are not told with whom else an article is shared
    expect(r.json.businessPartnerIds).toBeUndefined();
    expect((await as(w, 'multi', 'GET', `/api/kb/articles/${a.both.id}`)).status).toBe(200);
    expect((await as(w, 'one', 'GET', `/api/kb/articles/${a.one.id}`)).status).toBe(200);
    expect((await as(w, 'twelve', 'GET', `/api/kb/articles/${a.twelve.id}`)).status).toBe(200);
  });

  it('an agent of another system partner sees none of it; anonymous callers get 401', async () => {
    expectErrorEnvelope(await as(w, 'foreignAgent', 'GET', `/api/kb/articles/${a.both.id}`), 404, 'not_found');
    expect(await listIds(w, 'foreignAgent')).toEqual([]);
    expectErrorEnvelope(await call(w.t.app, 'GET', `/api/kb/articles/${a.both.id}`), 401, 'unauthenticated');
    expectErrorEnvelope(await call(w.t.app, 'GET', '/api/kb/sections'), 401, 'unauthenticated');
  });

  it('removing a share hides the article again (404), sharing it again shows it', async () => {
    const art = await article(w, { section: sec, title: 'Wechselnd geteilt', body: '<p>Mal ja, mal nein.</p>', shares: ['bp-nord', '12'] });
    expect((await as(w, 'nord', 'GET', `/api/kb/articles/${art.id}`)).status).toBe(200);
    expect((await as(w, 'twelve', 'GET', `/api/kb/articles/${art.id}`)).status).toBe(200);

    await setShares(w, art.id, ['12']);
    expectErrorEnvelope(await as(w, 'nord', 'GET', `/api/kb/articles/${art.id}`), 404, 'not_found');
    expect(await listIds(w, 'nord')).not.toContain(art.id);
    expect(await search(w, 'nord', 'Wechselnd')).toEqual([]);
    expect((await as(w, 'twelve', 'GET', `/api/kb/articles/${art.id}`)).status).toBe(200);
    expectErrorEnvelope(await as(w, 'one', 'GET', `/api/kb/articles/${art.id}`), 404, 'not_found');

    await setShares(w, art.id, []);
    expectErrorEnvelope(await as(w, 'twelve', 'GET', `/api/kb/articles/${art.id}`), 404, 'not_found');

    await setShares(w, art.id, ['bp-nord']);
    expect((await as(w, 'nord', 'GET', `/api/kb/articles/${art.id}`)).status).toBe(200);
    expect(await search(w, 'nord', 'Wechselnd')).toEqual([art.id]);
  });

  it('agents see every article of their system partner with its shares', async () => {
    const r = await as(w, 'agent', 'GET', `/api/kb/articles/${a.both.id}`);
    expect(r.status, r.text).toBe(200);
    expect([...r.json.businessPartnerIds].sort()).toEqual(['bp-blue', 'bp-nord']);
    const all = await as(w, 'agent', 'GET', '/api/agent/kb/articles');
    expect(all.status, all.text).toBe(200);
    const none = all.json.items.find((i: any) => i.id === a.none.id);
    expect(none).toMatchObject({ title: 'Interner Entwurf', businessPartnerIds: [] });
    const twelve = all.json.items.find((i: any) => i.id === a.twelve.id);
    expect(twelve.businessPartnerIds).toEqual(['12']);
  });
});

describe('sections', () => {
  let w: KbWorld;
  const s: Record<string, string> = {};

  beforeAll(async () => {
    w = await kbWorld();
    s.network = await section(w, 'Netzwerk', 'Network', 20);
    s.printers = await section(w, 'Drucker', 'Printers', 10);
    s.internal = await section(w, 'Intern', 'Internal', 5);
    s.empty = await section(w, 'Leer', 'Empty', 1);
    s.blueOnly = await section(w, 'Nur Blue', 'Blue only', 30);
    await article(w, { section: s.network, title: 'WLAN', body: '<p>a</p>', shares: ['bp-nord'] });
    await article(w, { section: s.network, title: 'VPN', body: '<p>b</p>', shares: ['bp-nord', 'bp-blue'] });
    await article(w, { section: s.network, title: 'Firewall', body: '<p>c</p>' });
    await article(w, { section: s.printers, title: 'Toner', body: '<p>d</p>', shares: ['bp-nord'] });
    await article(w, { section: s.internal, title: 'Runbook', body: '<p>e</p>' });
    await article(w, { section: s.blueOnly, title: 'Harbor', body: '<p>f</p>', shares: ['bp-blue'] });
  });

  it('lists only sections with visible articles, with the visible count, in section order', async () => {
    const r = await as(w, 'nord', 'GET', '/api/kb/sections');
    expect(r.status, r.text).toBe(200);
    expect(r.json.items).toEqual([
      { id: s.printers, name: 'Drucker', articleCount: 1 },
      { id: s.network, name: 'Netzwerk', articleCount: 2 },
    ]);
    expect(r.text).not.toMatch(/Intern|Leer|Nur Blue/);
  });

  it('names sections in the request language', async () => {
    const en = await as(w, 'nord', 'GET', '/api/kb/sections?lang=en');
    expect(en.json.items.map((i: any) => i.name)).toEqual(['Printers', 'Network']);
    // Bob's account is English
    const blue = await as(w, 'blue', 'GET', '/api/kb/sections');
    expect(blue.json.items).toEqual([
      { id: s.network, name: 'Network', articleCount: 1 },
      { id: s.blueOnly, name: 'Blue only', articleCount: 1 },
    ]);
  });

  it('a partner without shared articles sees no sections', async () => {
    for (const who of ['one', 'twelve', 'foreign', 'foreignAgent'] as Who[]) {
      const r = await as(w, who, 'GET', '/api/kb/sections');
      expect(r.status, r.text).toBe(200);
      expect(r.json.items, who).toEqual([]);
    }
  });

  it('a section filter lists only that section’s visible articles', async () => {
    const r = await as(w, 'nord', 'GET', `/api/kb/articles?section=${s.network}`);
    expect(r.status, r.text).toBe(200);
    expect(r.json.items.map((i: any) => i.title)).toEqual(['VPN', 'WLAN']);
    expect(r.json.items.every((i: any) => i.sectionId === s.network)).toBe(true);
    const hidden = await as(w, 'nord', 'GET', `/api/kb/articles?section=${s.internal}`);
    expect(hidden.json).toMatchObject({ items: [], total: 0 });
    expectErrorEnvelope(await as(w, 'nord', 'GET', '/api/kb/articles?section=not%20an%20id'), 422, 'validation_failed');
  });

  it('agents see every section of their system partner with its full count', async () => {
    const r = await as(w, 'agent', 'GET', '/api/agent/kb/sections');
    expect(r.status, r.text).toBe(200);
    expect(r.json.items.map((i: any) => [i.nameDe, i.articleCount])).toEqual([
      ['Leer', 0],
      ['Intern', 1],
      ['Drucker', 1],
      ['Netzwerk', 3],
      ['Nur Blue', 1],
    ]);
    const foreign = await as(w, 'foreignAgent', 'GET', '/api/agent/kb/sections');
    expect(foreign.json.items).toEqual([]);
  });
});

describe('/api/me capabilities.knowledgeBase (R-KB-1)', () => {
  it('is true only while at least one article is shared with one of the account’s partners', async () => {
    const w = await kbWorld();
    const kb = async (who: Who) => {
      const r = await as(w, who, 'GET', '/api/me');
      expect(r.status, r.text).toBe(200);
      return r.json.capabilities.knowledgeBase as boolean;
    };
    const sec = await section(w, 'Allgemein');
    // an unshared article gives nobody the tab
    const art = await article(w, { section: sec, title: 'Anleitung', body: '<p>x</p>' });
    for (const who of ['nord', 'blue', 'multi', 'one', 'twelve'] as Who[]) expect(await kb(who), who).toBe(false);

    await setShares(w, art.id, ['12']);
    expect(await kb('twelve')).toBe(true);
    expect(await kb('one')).toBe(false);
    expect(await kb('nord')).toBe(false);

    await setShares(w, art.id, ['bp-ost']);
    expect(await kb('multi')).toBe(true);
    expect(await kb('twelve')).toBe(false);
    expect(await kb('blue')).toBe(false);

    await setShares(w, art.id, ['bp-nord', 'bp-blue']);
    for (const who of ['nord', 'nordViewer', 'nordDispatcher', 'blue', 'multi'] as Who[]) expect(await kb(who), who).toBe(true);

    // deleting the only shared article takes the tab away again
    expect((await as(w, 'agent', 'DELETE', `/api/agent/kb/articles/${art.id}`)).status).toBe(204);
    for (const who of ['nord', 'blue', 'multi'] as Who[]) expect(await kb(who), who).toBe(false);
  });
});

describe('search', () => {
  let w: KbWorld;
  let sec: string;
  let other: string;
  const a: Record<string, any> = {};

  beforeAll(async () => {
    w = await kbWorld();
    sec = await section(w, 'Allgemein', 'General', 1);
    other = await section(w, 'Netzwerk', 'Network', 2);
    const share = ['bp-nord'];
    // ranking
    a.titleHit = await article(w, { section: sec, title: 'Zertifikat erneuern', body: '<p>Schritte für den Austausch.</p>', shares: share });
    a.bodyMany = await article(w, {
      section: sec,
      title: 'Ablauf von Schlüsseln',
      body: '<p>Das Zertifikat läuft ab. Zertifikat prüfen, Zertifikat tauschen.</p>',
      shares: share,
    });
    const filler = Array.from({ length: 60 }, (_, i) => `Absatz ${i} über Laufwerke, Konten und Freigaben.`).join(' ');
    a.bodyOnce = await article(w, {
      section: other,
      title: 'Allgemeine Hinweise',
      body: `<p>${filler} Einmal wird auch das Zertifikat erwähnt. ${filler}</p>`,
      shares: share,
    });
    // German compounds, umlauts, ß
    a.queue = await article(w, {
      section: other,
      title: 'Druckerwarteschlange leeren',
      body: '<p>Wenn die Druckerwarteschlange hängt, hilft ein Neustart des Spoolers.</p>',
      shares: share,
    });
    a.incident = await article(w, { section: sec, title: 'Störung melden', body: '<p>Bei einer STÖRUNG rufen Sie die Hotline an.</p>', shares: share });
    a.street = await article(w, { section: sec, title: 'Anfahrt', body: '<p>Die Zufahrt erfolgt über die Hauptstraße 5.</p>', shares: share });
    a.streetAscii = await article(w, { section: sec, title: 'Lieferadresse', body: '<p>Industriestrasse 12, Tor 3.</p>', shares: share });
    // special characters, literally
    a.special = await article(w, {
      section: sec,
      title: 'Sonderzeichen im Alltag',
      body:
        '<p>Projekt C# mit 50% Rabatt, Feld a_b, Kontakt O\'Brien bei Müller &amp; Söhne (Ost), ' +
        'Stichwort "quoted", Pfad C:\\temp und Abteilung R&amp;D.</p>',
      shares: share,
    });
    a.decoy = await article(w, {
      section: sec,
      title: 'Ähnliche Zeichen ohne Sonderzeichen',
      body: '<p>Projekt C++ mit 50 Prozent, Feld axb und a-b, Kontakt OBrien, Ostseite, Stichwort quoted, Pfad C:/temp, R und D.</p>',
      shares: share,
    });
    // markup-looking text
    a.markup = await article(w, {
      section: sec,
      title: 'Formatierung mit <b> und "><img src=x>',
      body: '<p>Tippen Sie &lt;b&gt; für fett. Ein Angriff sieht so aus: "&gt;&lt;img src=x&gt; und endet hier.</p>',
      shares: share,
    });
    // only for Blue Harbor: must never show up for Nordwind, not even as a count
    a.secret = await article(w, { section: other, title: 'Geheimprojekt Kakadu', body: '<p>Kakadu-Zugang für Blue Harbor.</p>', shares: ['bp-blue'] });
    a.kakaduNord = await article(w, { section: sec, title: 'Kakadu-Portal', body: '<p>Der Kakadu-Zugang für Nordwind.</p>', shares: share });
  });

  it('ranks title hits before body hits, then by bm25', async () => {
    expect(await search(w, 'nord', 'zertifikat')).toEqual([a.titleHit.id, a.bodyMany.id, a.bodyOnce.id]);
    expect(await search(w, 'nord', 'ZERTIFIKAT')).toEqual([a.titleHit.id, a.bodyMany.id, a.bodyOnce.id]);
  });

  it('ANDs the terms of a query', async () => {
    expect(await search(w, 'nord', 'zertifikat tauschen')).toEqual([a.bodyMany.id]);
    expect(await search(w, 'nord', 'zertifikat spooler')).toEqual([]);
  });

  it('narrows by section as well', async () => {
    expect(await search(w, 'nord', 'zertifikat', `&section=${other}`)).toEqual([a.bodyOnce.id]);
    const r = await as(w, 'nord', 'GET', `/api/kb/sections?q=${q('zertifikat')}`);
    expect(r.json.items).toEqual([
      { id: sec, name: 'Allgemein', articleCount: 2 },
      { id: other, name: 'Netzwerk', articleCount: 1 },
    ]);
  });

  it('highlights as text segments; the snippet shows the first hit in context', async () => {
    const r = await as(w, 'nord', 'GET', `/api/kb/articles?q=${q('zertifikat')}`);
    const byId = new Map<string, any>(r.json.items.map((i: any) => [i.id, i]));
    expect(byId.get(a.titleHit.id).titleSegments).toEqual([
      { text: 'Zertifikat', match: true },
      { text: ' erneuern', match: false },
    ]);
    const once = byId.get(a.bodyOnce.id);
    expect(once.titleSegments).toEqual([{ text: 'Allgemeine Hinweise', match: false }]);
    const hits = once.snippet.filter((s: any) => s.match).map((s: any) => s.text);
    expect(hits).toEqual(['Zertifikat']);
    expect(once.snippet[0]).toEqual({ text: '… ', match: false });
    expect(once.snippet.at(-1)).toEqual({ text: ' …', match: false });
    const text = once.snippet.map((s: any) => s.text).join('');
    expect(text).toContain('Einmal wird auch das Zertifikat erwähnt.');
    expect(text.length).toBeLessThan(240);
  });

  it('finds parts of German compounds', async () => {
    expect(await search(w, 'nord', 'warteschlange')).toEqual([a.queue.id]);
    const r = await as(w, 'nord', 'GET', `/api/kb/articles?q=warteschlange`);
    expect(r.json.items[0].titleSegments).toEqual([
      { text: 'Drucker', match: false },
      { text: 'warteschlange', match: true },
      { text: ' leeren', match: false },
    ]);
  });

  it('folds case, umlauts and ß on both sides', async () => {
    for (const text of ['Störung', 'störung', 'storung', 'STÖRUNG', 'STORUNG']) {
      expect(await search(w, 'nord', text), text).toEqual([a.incident.id]);
    }
    const r = await as(w, 'nord', 'GET', `/api/kb/articles?q=storung`);
    expect(r.json.items[0].titleSegments).toEqual([
      { text: 'Störung', match: true },
      { text: ' melden', match: false },
    ]);
    expect(r.json.items[0].snippet.filter((s: any) => s.match).map((s: any) => s.text)).toEqual(['STÖRUNG']);

    for (const text of ['strasse', 'Straße', 'STRASSE', 'hauptstrasse']) {
      expect(await search(w, 'nord', text), text).toContain(a.street.id);
    }
    expect(await search(w, 'nord', 'Industriestraße')).toEqual([a.streetAscii.id]);
    const s = await as(w, 'nord', 'GET', `/api/kb/articles?q=strasse`);
    const street = s.json.items.find((i: any) => i.id === a.street.id);
    expect(street.snippet.filter((x: any) => x.match).map((x: any) => x.text)).toEqual(['straße']);
  });

  it.each([
    ['C#'],
    ['50%'],
    ['a_b'],
    ["O'Brien"],
    ['(Ost)'],
    ['"quoted"'],
    ['\\'],
    ['R&D'],
    ['c:\\temp'],
  ])('takes %s literally', async (text) => {
    expect(await search(w, 'nord', text)).toEqual([a.special.id]);
    const r = await as(w, 'nord', 'GET', `/api/kb/articles?q=${q(text)}`);
    const matched = r.json.items[0].snippet.filter((s: any) => s.match).map((s: any) => s.text.toLowerCase());
    expect(matched).toContain(text.toLowerCase());
  });

  it('never fails on query syntax, whatever the input', async () => {
    const inputs = [
      '"', '""', "'", '*', '-', '+', '^', ':', '(', ')', '{', '}', '[', ']', '%', '_', '\\\\', '/', '.',
      'NEAR(a b)', 'a OR b', 'NOT x', 'AND', 'title:abc', 'body : x', '{title body}: x', '"unclosed', 'a*',
      '-zertifikat', '^zertifikat', 'zertifikat"', "'; drop table kb_article; --", '%_%', '🙂', 'x'.repeat(200),
      '\u0000', 'a\u0000b', '\t', '\u200b', 'ﬁ', 'İ',
    ];
    for (const text of inputs) {
      const r = await as(w, 'nord', 'GET', `/api/kb/articles?q=${q(text)}`);
      expect(r.status, `${text}: ${r.text}`).toBe(200);
      const s = await as(w, 'nord', 'GET', `/api/kb/sections?q=${q(text)}`);
      expect(s.status, `${text}: ${s.text}`).toBe(200);
    }
    // bytes that are not UTF-8, and broken escapes
    for (const raw of ['%ED%A0%80', '%FF', '%', '%zz', '%E2%82']) {
      const r = await as(w, 'nord', 'GET', `/api/kb/articles?q=${raw}`);
      expect(r.status, `${raw}: ${r.text}`).toBe(200);
    }
    // the SQL-looking input did nothing
    expect((await listIds(w, 'nord')).length).toBeGreaterThan(5);
    expectErrorEnvelope(await as(w, 'nord', 'GET', `/api/kb/articles?q=${'x'.repeat(201)}`), 422, 'validation_failed');
  });

  it('cannot inject markup: segments carry the literal text, no HTML field is built from input', async () => {
    for (const [text, hits] of [
      ['<b>', ['<b>']],
      // two terms, two hits
      ['"><img src=x>', ['"><img', 'src=x>']],
    ] as const) {
      const r = await as(w, 'nord', 'GET', `/api/kb/articles?q=${q(text)}`);
      expect(r.status, r.text).toBe(200);
      expect(r.json.items.map((i: any) => i.id)).toEqual([a.markup.id]);
      const item = r.json.items[0];
      for (const key of Object.keys(item)) expect(key).not.toMatch(/html/i);
      expect(item.titleSegments.map((s: any) => s.text).join('')).toBe('Formatierung mit <b> und "><img src=x>');
      expect(item.titleSegments.filter((s: any) => s.match).map((s: any) => s.text)).toEqual(hits);
      const snippet = item.snippet.map((s: any) => s.text).join('');
      expect(snippet).toBe('Tippen Sie <b> für fett. Ein Angriff sieht so aus: "><img src=x> und endet hier.');
      expect(item.snippet.filter((s: any) => s.match).map((s: any) => s.text)).toEqual(hits);
      for (const seg of [...item.titleSegments, ...item.snippet]) expect(Object.keys(seg).sort()).toEqual(['match', 'text']);
    }
    // the stored body keeps the characters as text, never as elements
    const full = await as(w, 'nord', 'GET', `/api/kb/articles/${a.markup.id}`);
    expect(full.json.bodyHtml).not.toMatch(/<b>|<img/);
    expect(full.json.bodyHtml).toContain('&lt;b&gt;');
  });

  it('never leaks unshared articles through counts or titles', async () => {
    // only in the Blue Harbor article
    for (const text of ['Geheimprojekt', 'geheim']) {
      const arts = await as(w, 'nord', 'GET', `/api/kb/articles?q=${q(text)}`);
      expect(arts.json).toMatchObject({ items: [], total: 0 });
      const secs = await as(w, 'nord', 'GET', `/api/kb/sections?q=${q(text)}`);
      expect(secs.json.items).toEqual([]);
      // and not for a partner without any share
      for (const who of ['one', 'foreign'] as Who[]) {
        expect((await as(w, who, 'GET', `/api/kb/articles?q=${q(text)}`)).json.total).toBe(0);
        expect((await as(w, who, 'GET', `/api/kb/sections?q=${q(text)}`)).json.items).toEqual([]);
      }
    }
    // in both: Nordwind counts and sees its own only
    const arts = await as(w, 'nord', 'GET', `/api/kb/articles?q=kakadu`);
    expect(arts.json.items.map((i: any) => i.id)).toEqual([a.kakaduNord.id]);
    expect(arts.json.total).toBe(1);
    expect(arts.text).not.toContain('Geheimprojekt');
    const secs = await as(w, 'nord', 'GET', `/api/kb/sections?q=kakadu`);
    expect(secs.json.items).toEqual([{ id: sec, name: 'Allgemein', articleCount: 1 }]);
    // the article's own section is not even named
    expect(secs.text).not.toContain('Netzwerk');
    // Blue Harbor finds its article
    expect(await search(w, 'blue', 'geheimprojekt')).toEqual([a.secret.id]);
    // and the agent finds both
    expect((await search(w, 'agent', 'kakadu')).sort()).toEqual([a.kakaduNord.id, a.secret.id].sort());
  });

  it('an empty or blank query lists every visible article', async () => {
    const all = await listIds(w, 'nord');
    expect(all).not.toContain(a.secret.id);
    expect((await listIds(w, 'nord', '?q=')).length).toBe(all.length);
    expect((await listIds(w, 'nord', '?q=%20%20')).length).toBe(all.length);
  });
});

describe('agents write the knowledge base', () => {
  let w: KbWorld;
  let sec: string;
  let sec2: string;

  beforeAll(async () => {
    w = await kbWorld();
    sec = await section(w, 'Allgemein', 'General', 1);
    sec2 = await section(w, 'Netzwerk', 'Network', 2);
  });

  const expectUnchanged = async (before: string) => expect(await dataSnapshot(w.t.db), 'the database changed').toBe(before);

  it('creates sections and articles; the answer is the stored article', async () => {
    const r = await as(w, 'agent', 'POST', '/api/agent/kb/articles', {
      sectionId: sec,
      language: 'en',
      title: '  Reset a password  ',
      bodyHtml: '<p>Use <strong>Forgot password</strong>.</p>',
      businessPartnerIds: ['bp-nord', 'bp-nord', 'bp-blue'],
    });
    expect(r.status, r.text).toBe(201);
    expect(r.json).toMatchObject({
      title: 'Reset a password',
      section: { id: sec },
      language: 'en',
      bodyHtml: '<p>Use <strong>Forgot password</strong>.</p>',
      author: 'Alex Agent',
      createdAt: w.t.clock.now().toISOString(),
      updatedAt: w.t.clock.now().toISOString(),
      version: 1,
    });
    expect([...r.json.businessPartnerIds].sort()).toEqual(['bp-blue', 'bp-nord']);
    expect(await search(w, 'nord', 'forgot')).toEqual([r.json.id]);
  });

  it('sanitises the body on write (and indexes only the visible text)', async () => {
    const r = await as(w, 'agent', 'POST', '/api/agent/kb/articles', {
      sectionId: sec,
      language: 'de',
      title: 'Unsauberes HTML',
      bodyHtml:
        '<p onclick="steal()">Hallo <script>alert("xss")</script><a href="javascript:alert(1)">Link</a>' +
        '<img src="https://evil.example/pixel.png" onerror="x()"><iframe src="https://evil.example"></iframe>' +
        '<a href="https://example.org/hilfe">Hilfe</a></p>',
      businessPartnerIds: ['bp-nord'],
    });
    expect(r.status, r.text).toBe(201);
    const html: string = r.json.bodyHtml;
    expect(html).not.toMatch(/script|onclick|onerror|javascript:|evil\.example|iframe|steal/i);
    expect(html).toContain('Hallo');
    expect(html).toContain('href="https://example.org/hilfe"');
    const row = await w.t.db.selectFrom('kb_article').select(['body_html', 'body_text']).where('id', '=', r.json.id).executeTakeFirstOrThrow();
    expect(row.body_html).toBe(html);
    expect(row.body_text).not.toContain('alert');
    expect(await search(w, 'nord', 'alert')).toEqual([]);
    expect(await search(w, 'nord', 'hallo')).toEqual([r.json.id]);

    // edits are sanitised the same way
    const p = await as(w, 'agent', 'PATCH', `/api/agent/kb/articles/${r.json.id}`, {
      version: 1,
      bodyHtml: '<p>Neu <img src=x onerror=alert(1)><script>bad()</script></p>',
    });
    expect(p.status, p.text).toBe(200);
    expect(p.json.bodyHtml).toBe('<p>Neu </p>');
  });

  const articleCases: [string, Record<string, unknown>, string][] = [
    ['an empty title', { title: '' }, 'title'],
    ['a blank title', { title: '   ' }, 'title'],
    ['a title without letters or digits', { title: '!!! ---' }, 'title'],
    ['a title with control characters', { title: 'Zeile\u0007Glocke' }, 'title'],
    ['a title that is too long', { title: 'x'.repeat(201) }, 'title'],
    ['an unknown language', { language: 'fr' }, 'language'],
    ['a malformed section id', { sectionId: 'kein gültiger id!' }, 'sectionId'],
    ['an unknown section', { sectionId: 'unknownsection0000' }, 'sectionId'],
    ['a body that is not text', { bodyHtml: 42 }, 'bodyHtml'],
    ['no body', { bodyHtml: undefined }, 'bodyHtml'],
    ['an unknown business partner', { businessPartnerIds: ['bp-nord', 'bp-nobody'] }, 'businessPartnerIds'],
    ['a business partner of another system partner', { businessPartnerIds: ['bp-foreign'] }, 'businessPartnerIds'],
    ['business partners that are not a list', { businessPartnerIds: 'bp-nord' }, 'businessPartnerIds'],
  ];
  it.each(articleCases)('refuses an article with %s: 422 at the field, nothing written', async (_, patch, path) => {
    const body = { sectionId: sec, language: 'de', title: 'Gültiger Titel', bodyHtml: '<p>Text</p>', businessPartnerIds: ['bp-nord'], ...patch };
    const before = await dataSnapshot(w.t.db);
    const r = await as(w, 'agent', 'POST', '/api/agent/kb/articles', body);
    expectErrorEnvelope(r, 422, 'validation_failed');
    expect(r.json.error.details.issues.map((i: any) => i.path.split('.')[0])).toContain(path);
    await expectUnchanged(before);
  });

  it('refuses a section of another system partner as unknown', async () => {
    const foreignSection = await section(w, 'Fremd', 'Foreign', 1, 'foreignAgent');
    const before = await dataSnapshot(w.t.db);
    const r = await as(w, 'agent', 'POST', '/api/agent/kb/articles', { sectionId: foreignSection, language: 'de', title: 'X1', bodyHtml: '<p>x</p>' });
    expectErrorEnvelope(r, 422, 'validation_failed');
    expect(r.json.error.details.issues).toEqual([{ path: 'sectionId', message: expect.any(String) }]);
    await expectUnchanged(before);
  });

  it.each([
    ['an empty German name', { nameDe: '', nameEn: 'General' }, 'nameDe'],
    ['no English name', { nameDe: 'Allgemein' }, 'nameEn'],
    ['a negative sort', { nameDe: 'A1', nameEn: 'A1', sort: -1 }, 'sort'],
    ['a fractional sort', { nameDe: 'A1', nameEn: 'A1', sort: 1.5 }, 'sort'],
  ])('refuses a section with %s: 422, nothing written', async (_, body, path) => {
    const before = await dataSnapshot(w.t.db);
    const r = await as(w, 'agent', 'POST', '/api/agent/kb/sections', body);
    expectErrorEnvelope(r, 422, 'validation_failed');
    expect(r.json.error.details.issues.map((i: any) => i.path)).toContain(path);
    await expectUnchanged(before);
  });

  it('keeps the updated date honest: no change, no new date or version; a change moves both', async () => {
    const created = await article(w, { section: sec, title: 'Ehrliches Datum', body: '<p>Inhalt</p>', shares: ['bp-nord'] });
    w.t.clock.advance(MINUTE);
    const before = await dataSnapshot(w.t.db);
    const same = await as(w, 'agent', 'PATCH', `/api/agent/kb/articles/${created.id}`, {
      version: 1,
      title: 'Ehrliches Datum',
      bodyHtml: '<p>Inhalt</p>',
      sectionId: sec,
      language: 'de',
    });
    expect(same.status, same.text).toBe(200);
    expect(same.json.updatedAt).toBe(created.updatedAt);
    expect(same.json.version).toBe(1);
    // what sanitising removes is no change either
    const stripped = await as(w, 'agent', 'PATCH', `/api/agent/kb/articles/${created.id}`, {
      version: 1,
      bodyHtml: '<p>Inhalt<script>x()</script></p>',
    });
    expect(stripped.status, stripped.text).toBe(200);
    expect(stripped.json.updatedAt).toBe(created.updatedAt);
    await expectUnchanged(before);

    const changed = await as(w, 'agent', 'PATCH', `/api/agent/kb/articles/${created.id}`, { version: 1, title: 'Ehrliches Datum, neu' });
    expect(changed.status, changed.text).toBe(200);
    expect(changed.json.version).toBe(2);
    expect(changed.json.updatedAt).toBe(w.t.clock.now().toISOString());
    expect(changed.json.updatedAt > created.updatedAt).toBe(true);
    expect(changed.json.createdAt).toBe(created.createdAt);
    // the customer sees the new date and finds the new title
    const seen = await as(w, 'nord', 'GET', `/api/kb/articles/${created.id}`);
    expect(seen.json).toMatchObject({ title: 'Ehrliches Datum, neu', updatedAt: changed.json.updatedAt });
    expect(await search(w, 'nord', 'neu ehrliches')).toEqual([created.id]);
  });

  it('answers a stale version with 409 and the current article, writes nothing; the new version works', async () => {
    const created = await article(w, { section: sec, title: 'Gleichzeitig', body: '<p>Erste Fassung</p>' });
    w.t.clock.advance(MINUTE);
    const first = await as(w, 'agent', 'PATCH', `/api/agent/kb/articles/${created.id}`, { version: 1, bodyHtml: '<p>Zweite Fassung</p>' });
    expect(first.status, first.text).toBe(200);
    expect(first.json.version).toBe(2);

    const before = await dataSnapshot(w.t.db);
    const stale = await as(w, 'agent', 'PATCH', `/api/agent/kb/articles/${created.id}`, { version: 1, title: 'Überschrieben' });
    expectErrorEnvelope(stale, 409, 'conflict');
    const current = await as(w, 'agent', 'GET', `/api/agent/kb/articles/${created.id}`);
    expect(stale.json.error.details.current).toEqual(current.json);
    expect(current.json).toMatchObject({ title: 'Gleichzeitig', bodyHtml: '<p>Zweite Fassung</p>', version: 2 });
    // a future version is just as stale
    expectErrorEnvelope(await as(w, 'agent', 'PATCH', `/api/agent/kb/articles/${created.id}`, { version: 3, title: 'Zukunft' }), 409, 'conflict');
    await expectUnchanged(before);

    const again = await as(w, 'agent', 'PATCH', `/api/agent/kb/articles/${created.id}`, { version: 2, title: 'Überschrieben' });
    expect(again.status, again.text).toBe(200);
    expect(again.json).toMatchObject({ title: 'Überschrieben', bodyHtml: '<p>Zweite Fassung</p>', version: 3 });
  });

  it.each([
    ['no version', { title: 'X1' }, 'version'],
    ['version 0', { version: 0, title: 'X1' }, 'version'],
    ['a version as text', { version: '1', title: 'X1' }, 'version'],
    ['an empty title', { version: 1, title: ' ' }, 'title'],
    ['an unknown section', { version: 1, sectionId: 'unknownsection0000' }, 'sectionId'],
    ['an unknown language', { version: 1, language: 'fr' }, 'language'],
  ])('refuses an edit with %s: 422, nothing written', async (_, body, path) => {
    const created = await article(w, { section: sec, title: 'Zu bearbeiten', body: '<p>x</p>' });
    const before = await dataSnapshot(w.t.db);
    const r = await as(w, 'agent', 'PATCH', `/api/agent/kb/articles/${created.id}`, body);
    expectErrorEnvelope(r, 422, 'validation_failed');
    expect(r.json.error.details.issues.map((i: any) => i.path)).toContain(path);
    await expectUnchanged(before);
  });

  it('moves an article to another section; the customer’s sections follow', async () => {
    const w2 = await kbWorld();
    const s1 = await section(w2, 'Eins', 'One', 1);
    const s2 = await section(w2, 'Zwei', 'Two', 2);
    const art = await article(w2, { section: s1, title: 'Wandernder Artikel', body: '<p>x</p>', shares: ['bp-nord'] });
    await article(w2, { section: s1, title: 'Bleibt', body: '<p>y</p>', shares: ['bp-nord'] });
    const sections = async () => (await as(w2, 'nord', 'GET', '/api/kb/sections')).json.items.map((i: any) => [i.name, i.articleCount]);
    expect(await sections()).toEqual([['Eins', 2]]);
    const r = await as(w2, 'agent', 'PATCH', `/api/agent/kb/articles/${art.id}`, { version: 1, sectionId: s2 });
    expect(r.status, r.text).toBe(200);
    expect(r.json).toMatchObject({ section: { id: s2 }, version: 2 });
    expect(await sections()).toEqual([
      ['Eins', 1],
      ['Zwei', 1],
    ]);
    const inS2 = await as(w2, 'nord', 'GET', `/api/kb/articles?section=${s2}`);
    expect(inS2.json.items.map((i: any) => i.id)).toEqual([art.id]);
  });

  it('replaces the shares; unknown partners are refused with nothing written', async () => {
    const art = await article(w, { section: sec2, title: 'Teilen', body: '<p>x</p>', shares: ['bp-nord'] });
    const r = await as(w, 'agent', 'PUT', `/api/agent/kb/articles/${art.id}/shares`, { businessPartnerIds: ['bp-blue', '12', '12'] });
    expect(r.status, r.text).toBe(200);
    expect([...r.json.businessPartnerIds].sort()).toEqual(['12', 'bp-blue']);
    for (const body of [
      { businessPartnerIds: ['bp-nord', 'nobody'] },
      { businessPartnerIds: ['bp-foreign'] },
      { businessPartnerIds: [''] },
      { businessPartnerIds: null },
      {},
    ]) {
      const before = await dataSnapshot(w.t.db);
      const bad = await as(w, 'agent', 'PUT', `/api/agent/kb/articles/${art.id}/shares`, body);
      expectErrorEnvelope(bad, 422, 'validation_failed');
      await expectUnchanged(before);
    }
    expectErrorEnvelope(await as(w, 'agent', 'PUT', `/api/agent/kb/articles/${MISSING}/shares`, { businessPartnerIds: [] }), 404, 'not_found');
  });

  it('deletes an article: gone for everyone, from search too; a section only when empty', async () => {
    const s = await section(w, 'Kurzlebig', 'Short-lived', 9);
    const art = await article(w, { section: s, title: 'Vergänglich', body: '<p>Eintagsfliege</p>', shares: ['bp-nord'] });
    expect(await search(w, 'nord', 'eintagsfliege')).toEqual([art.id]);

    const before = await dataSnapshot(w.t.db);
    const busy = await as(w, 'agent', 'DELETE', `/api/agent/kb/sections/${s}`);
    expectErrorEnvelope(busy, 409, 'conflict');
    await expectUnchanged(before);

    expect((await as(w, 'agent', 'DELETE', `/api/agent/kb/articles/${art.id}`)).status).toBe(204);
    expectErrorEnvelope(await as(w, 'nord', 'GET', `/api/kb/articles/${art.id}`), 404, 'not_found');
    expectErrorEnvelope(await as(w, 'agent', 'GET', `/api/agent/kb/articles/${art.id}`), 404, 'not_found');
    expect(await search(w, 'nord', 'eintagsfliege')).toEqual([]);
    expect(await search(w, 'agent', 'eintagsfliege')).toEqual([]);
    expect(await w.t.db.selectFrom('kb_share').select('article_id').where('article_id', '=', art.id).execute()).toEqual([]);
    expect(await w.t.db.selectFrom('kb_fts').select('article_id').where('article_id', '=', art.id).execute()).toEqual([]);
    expectErrorEnvelope(await as(w, 'agent', 'DELETE', `/api/agent/kb/articles/${art.id}`), 404, 'not_found');

    expect((await as(w, 'agent', 'DELETE', `/api/agent/kb/sections/${s}`)).status).toBe(204);
    expectErrorEnvelope(await as(w, 'agent', 'DELETE', `/api/agent/kb/sections/${s}`), 404, 'not_found');
  });

  it('renames and reorders a section', async () => {
    const s = await section(w, 'Alt', 'Old', 50);
    const r = await as(w, 'agent', 'PATCH', `/api/agent/kb/sections/${s}`, { nameDe: 'Neu', sort: 0 });
    expect(r.status, r.text).toBe(200);
    expect(r.json).toMatchObject({ id: s, nameDe: 'Neu', nameEn: 'Old', sort: 0, articleCount: 0 });
    const before = await dataSnapshot(w.t.db);
    expectErrorEnvelope(await as(w, 'agent', 'PATCH', `/api/agent/kb/sections/${s}`, { nameEn: '' }), 422, 'validation_failed');
    expectErrorEnvelope(await as(w, 'agent', 'PATCH', `/api/agent/kb/sections/${MISSING}`, { nameEn: 'X1' }), 404, 'not_found');
    await expectUnchanged(before);
  });

  it('an agent of another system partner cannot touch these articles (404) and sees none of them', async () => {
    const art = await article(w, { section: sec, title: 'Nur für uns', body: '<p>x</p>', shares: ['bp-nord'] });
    const before = await dataSnapshot(w.t.db);
    const calls: [string, string, unknown?][] = [
      ['GET', `/api/agent/kb/articles/${art.id}`],
      ['PATCH', `/api/agent/kb/articles/${art.id}`, { version: 1, title: 'Gekapert' }],
      ['PUT', `/api/agent/kb/articles/${art.id}/shares`, { businessPartnerIds: [] }],
      ['DELETE', `/api/agent/kb/articles/${art.id}`],
      ['PATCH', `/api/agent/kb/sections/${sec}`, { nameDe: 'Gekapert' }],
      ['DELETE', `/api/agent/kb/sections/${sec2}`],
    ];
    for (const [method, path, body] of calls) {
      expectErrorEnvelope(await as(w, 'foreignAgent', method, path, body), 404, 'not_found');
    }
    const list = await as(w, 'foreignAgent', 'GET', '/api/agent/kb/articles');
    expect(list.json.items).toEqual([]);
    await expectUnchanged(before);
  });

  it('customers get 403 on every /api/agent/kb route, and nothing is written', async () => {
    const art = await article(w, { section: sec, title: 'Geteilt mit Nordwind', body: '<p>x</p>', shares: ['bp-nord'] });
    const calls: [string, string, unknown?][] = [
      ['GET', '/api/agent/kb/sections'],
      ['POST', '/api/agent/kb/sections', { nameDe: 'Kunde', nameEn: 'Customer' }],
      ['PATCH', `/api/agent/kb/sections/${sec}`, { nameDe: 'Kunde' }],
      ['DELETE', `/api/agent/kb/sections/${sec2}`],
      ['GET', '/api/agent/kb/articles'],
      ['POST', '/api/agent/kb/articles', { sectionId: sec, language: 'de', title: 'Vom Kunden', bodyHtml: '<p>x</p>', businessPartnerIds: ['bp-nord'] }],
      ['GET', `/api/agent/kb/articles/${art.id}`],
      ['PATCH', `/api/agent/kb/articles/${art.id}`, { version: 1, title: 'Vom Kunden' }],
      ['PUT', `/api/agent/kb/articles/${art.id}/shares`, { businessPartnerIds: ['bp-nord', 'bp-blue'] }],
      ['DELETE', `/api/agent/kb/articles/${art.id}`],
    ];
    const before = await dataSnapshot(w.t.db);
    for (const who of ['nordViewer', 'nord', 'nordDispatcher', 'multi'] as Who[]) {
      for (const [method, path, body] of calls) {
        const r = await as(w, who, method, path, body);
        expectErrorEnvelope(r, 403, 'forbidden');
        expect(r.text, `${who} ${method} ${path}`).not.toContain('Geteilt mit Nordwind');
      }
    }
    await expectUnchanged(before);
    expectErrorEnvelope(await call(w.t.app, 'GET', '/api/agent/kb/articles'), 401, 'unauthenticated');
  });
});
