/**
 * GET /api/tickets: sorting and paging on the server (R-BOARD-1, R-BOARD-3, R-BOARD-4,
 * R-BOARD-5). 120 visible tickets (and some the caller may not see) with ties in every sort
 * key; every key in both directions, alone and with a search term and filters: the pages, put
 * together, are exactly the expected order — no gaps, no repeats — and `total` counts all.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createAccount, bearerSignIn, expectErrorEnvelope, SP } from './auth-fixtures.js';
import { call } from './helpers.js';
import { world, type World } from './ticket-fixtures.js';
import { indexTicket } from '../../server/db/search.js';
import { newId } from '../../server/ids.js';
import { sortKeys } from '../../server/schemas/tickets.js';
import type { TicketStatus } from '../../server/db/schema.js';

const STATUSES: TicketStatus[] = ['awaiting_release', 'release_rejected', 'new', 'in_progress', 'waiting_for_customer', 'resolved', 'closed'];
const PRIORITIES = ['low', 'medium', 'high', 'critical'] as const;
const TYPES = [
  { id: `type-${SP}`, de: 'Störung', en: 'Incident' },
  { id: 'type-question', de: 'Frage', en: 'Question' },
  { id: 'type-order', de: 'Bestellung', en: 'Order' },
];
const SUBJECTS = [
  'Drucker im Lager druckt nicht',
  'drucker streifen',
  'VPN bricht ab',
  'vpn langsam',
  'Outlook startet nicht',
  'Neuer Laptop fuer Azubi',
  'Zugang ERP gesperrt',
  'adobe lizenz',
  'Drucker im Lager druckt nicht',
  'Telefon ohne Freizeichen',
];
const PARTNERS = [
  { id: 'bp-nord', name: 'Nordwind Logistik GmbH' },
  { id: 'bp-blue', name: 'Blue Harbor Ltd' },
  { id: 'bp-ost', name: 'Müller & Söhne (Ost) GmbH' },
];

/** A small deterministic PRNG (mulberry32), so a failure can be replayed. */
function rng(seed: number) {
  let a = seed;
  const next = () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, pick: <T,>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)]! };
}

interface Row {
  id: string;
  number: number;
  subject: string;
  status: TicketStatus;
  priority: (typeof PRIORITIES)[number];
  typeId: string;
  authorName: string;
  partnerName: string;
  createdAt: string;
  updatedAt: string;
  visible: boolean;
}

// SQLite's NOCASE folds ASCII letters only; the rest compares by code point (= UTF-8 bytes).
const nocase = (s: string) => s.replace(/[A-Z]/g, (c) => c.toLowerCase());
const cmp = (a: string | number, b: string | number) => (a < b ? -1 : a > b ? 1 : 0);
const rank = <T,>(list: readonly T[]) => (v: T) => list.indexOf(v);

function keyOf(sort: (typeof sortKeys)[number], lang: 'de' | 'en'): (r: Row) => string | number {
  const typeName = (id: string) => TYPES.find((t) => t.id === id)![lang];
  return {
    updatedAt: (r: Row) => r.updatedAt,
    createdAt: (r: Row) => r.createdAt,
    number: (r: Row) => r.number,
    subject: (r: Row) => nocase(r.subject),
    status: (r: Row) => rank(STATUSES)(r.status),
    priority: (r: Row) => rank(PRIORITIES)(r.priority),
    type: (r: Row) => typeName(r.typeId),
    author: (r: Row) => nocase(r.authorName),
    partner: (r: Row) => nocase(r.partnerName),
  }[sort];
}

/** The expected order: the key, then the id, both in the given direction. */
function expectedOrder(rows: Row[], sort: (typeof sortKeys)[number], dir: 'asc' | 'desc', lang: 'de' | 'en' = 'de') {
  const key = keyOf(sort, lang);
  const sign = dir === 'asc' ? 1 : -1;
  return [...rows].sort((a, b) => sign * (cmp(key(a), key(b)) || cmp(a.id, b.id))).map((r) => r.id);
}

describe('sorting and paging', () => {
  let w: World;
  let token: string;
  let rows: Row[];
  const visible = () => rows.filter((r) => r.visible);

  beforeAll(async () => {
    w = await world();
    const db = w.t.db;
    for (const t of TYPES.slice(1)) await db.insertInto('ticket_type').values({ id: t.id, system_partner_id: SP, name_de: t.de, name_en: t.en }).execute();
    // the caller: dispatcher of all three partners (sees awaiting tickets too, not others' private ones)
    await createAccount(w.t, {
      email: 'sophie.sort@nordwind.example',
      name: 'Sophie Sort',
      memberships: PARTNERS.map((p) => ({ businessPartnerId: p.id, role: 'dispatcher' as const })),
    });
    token = await bearerSignIn(w.t, 'sophie.sort@nordwind.example');
    const me = (await db.selectFrom('account').select('id').where('email', '=', 'sophie.sort@nordwind.example').executeTakeFirstOrThrow()).id;
    const authors = [
      { id: w.id.author, name: 'Erik Engel' },
      { id: w.id.colleague, name: 'Petra Schulz' },
      { id: w.id.dispatcher, name: 'Dora Dietrich' },
      { id: me, name: 'Sophie Sort' },
    ];
    // mixed-case author names make NOCASE matter
    await db.updateTable('account').set({ name: 'petra schulz' }).where('id', '=', w.id.colleague).execute();
    authors[1]!.name = 'petra schulz';

    const r = rng(20260302);
    rows = [];
    const base = Date.parse('2026-01-05T08:00:00.000Z');
    // 40 distinct instants for 130 tickets: plenty of ties in updatedAt and createdAt
    const instant = () => new Date(base + Math.floor(r.next() * 40) * 3_600_000).toISOString();
    let number = 20000;
    const make = async (visible: boolean) => {
      const partner = visible ? r.pick(PARTNERS) : PARTNERS[0]!;
      const author = visible ? r.pick(authors) : authors[1]!;
      const status = visible ? r.pick(STATUSES) : 'in_progress';
      // a ticket the caller may see: released public, or awaiting release, or their own
      const released = status !== 'awaiting_release' && status !== 'release_rejected';
      const own = author.id === me;
      const isVisible = visible && (own || (released ? true : status === 'awaiting_release'));
      const privateFlag = !visible;
      const createdAt = instant();
      const updatedAt = [createdAt, instant()].sort()[1]!;
      const row: Row = {
        id: newId(),
        number: ++number,
        subject: r.pick(SUBJECTS),
        status,
        priority: r.pick(PRIORITIES),
        typeId: r.pick(TYPES).id,
        authorName: author.name,
        partnerName: partner.name,
        createdAt,
        updatedAt,
        visible: isVisible,
      };
      await db
        .insertInto('ticket')
        .values({
          id: row.id,
          number: row.number,
          system_partner_id: SP,
          business_partner_id: partner.id,
          author_id: author.id,
          subject: row.subject,
          description_text: `Beschreibung ${row.number}`,
          type_id: row.typeId,
          area_id: `area-${SP}`,
          urgency: 'medium',
          impact: 'medium',
          priority: row.priority,
          private: privateFlag ? 1 : 0,
          status,
          released_at: released ? createdAt : null,
          closed_at: status === 'closed' ? updatedAt : null,
          created_at: createdAt,
          updated_at: updatedAt,
        })
        .execute();
      await indexTicket(db, row.id);
      rows.push(row);
    };
    while (rows.filter((x) => x.visible).length < 120) await make(true);
    // a rejected ticket of someone else is not visible: make sure the count is exactly 120
    for (let i = 0; i < 10; i++) await make(false);
    expect(visible()).toHaveLength(120);
  });

  const get = (query: string) => call(w.t.app, 'GET', `/api/tickets?${query}`, { token });

  /** Every page of a listing, put together; checks page metadata on the way. */
  async function allPages(query: string, pageSize = 25) {
    const ids: string[] = [];
    let total = -1;
    for (let page = 1; page < 50; page++) {
      const r = await get(`${query}&page=${page}&pageSize=${pageSize}`);
      expect(r.status, r.text).toBe(200);
      expect(r.json.page).toBe(page);
      expect(r.json.pageSize).toBe(pageSize);
      if (total === -1) total = r.json.total;
      expect(r.json.total).toBe(total);
      if (r.json.items.length === 0) break;
      expect(r.json.items.length).toBeLessThanOrEqual(pageSize);
      ids.push(...r.json.items.map((i: any) => i.id));
    }
    expect(new Set(ids).size, 'no ticket twice').toBe(ids.length);
    expect(ids.length).toBe(total);
    return { ids, total };
  }

  it('page 1 of the default sort holds the 25 most recently updated tickets', async () => {
    const r = await get('pageSize=25');
    expect(r.json.total).toBe(120);
    expect(r.json.sort).toBe('updatedAt');
    expect(r.json.dir).toBe('desc');
    const expected = expectedOrder(visible(), 'updatedAt', 'desc');
    expect(r.json.items.map((i: any) => i.id)).toEqual(expected.slice(0, 25));
    const newest = [...visible()].sort((a, b) => cmp(b.updatedAt, a.updatedAt))[0]!;
    expect(r.json.items[0].updatedAt).toBe(newest.updatedAt);
    for (const item of r.json.items) {
      expect(item.createdAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
      expect(item.updatedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    }
  });

  it('the pages join without gaps or repeats, and past the end is empty', async () => {
    const { ids, total } = await allPages('sort=updatedAt');
    expect(total).toBe(120);
    expect(ids).toEqual(expectedOrder(visible(), 'updatedAt', 'desc'));
    const beyond = await get('page=99&pageSize=25');
    expect(beyond.json.items).toEqual([]);
    expect(beyond.json.total).toBe(120);
  });

  for (const sort of sortKeys) {
    for (const dir of ['asc', 'desc'] as const) {
      it(`sort=${sort}&dir=${dir}`, async () => {
        const { ids } = await allPages(`sort=${sort}&dir=${dir}`);
        expect(ids).toEqual(expectedOrder(visible(), sort, dir));
      });
    }
  }

  it('sorts by the type’s name in the request’s language', async () => {
    const { ids } = await allPages('sort=type&dir=asc&lang=en', 40);
    expect(ids).toEqual(expectedOrder(visible(), 'type', 'asc', 'en'));
    expect(expectedOrder(visible(), 'type', 'asc', 'en')).not.toEqual(expectedOrder(visible(), 'type', 'asc', 'de'));
  });

  it('a search term combines with sorting and paging', async () => {
    const hits = visible().filter((r) => r.subject.toLowerCase().includes('drucker'));
    expect(hits.length).toBeGreaterThan(25);
    const r = await get('q=Drucker&pageSize=25');
    expect(r.json.total).toBe(hits.length);
    expect(r.json.items.map((i: any) => i.id)).toEqual(expectedOrder(hits, 'updatedAt', 'desc').slice(0, 25));
    for (const dir of ['asc', 'desc'] as const) {
      const { ids } = await allPages(`q=DRUCKER&sort=updatedAt&dir=${dir}`, 10);
      expect(ids).toEqual(expectedOrder(hits, 'updatedAt', dir));
    }
    const { ids } = await allPages('q=drucker&sort=priority&dir=desc', 7);
    expect(ids).toEqual(expectedOrder(hits, 'priority', 'desc'));
  });

  it('filters by status, type and priority combine with search and sort', async () => {
    const want = visible().filter(
      (r) => ['new', 'in_progress'].includes(r.status) && r.typeId !== 'type-order' && r.subject.toLowerCase().includes('vpn'),
    );
    const { ids, total } = await allPages(`q=vpn&status=new,in_progress&type=type-${SP},type-question&sort=number&dir=asc`, 3);
    expect(total).toBe(want.length);
    expect(ids).toEqual(expectedOrder(want, 'number', 'asc'));
    const prio = visible().filter((r) => r.priority === 'critical');
    const p = await allPages('priority=critical&sort=subject', 10);
    expect(p.ids).toEqual(expectedOrder(prio, 'subject', 'asc'));
  });

  it('the partner filter narrows to one of the caller’s partners and never widens', async () => {
    const blue = visible().filter((r) => r.partnerName === 'Blue Harbor Ltd');
    const r = await allPages('partner=bp-blue&sort=number&dir=desc');
    expect(r.ids).toEqual(expectedOrder(blue, 'number', 'desc'));
    const foreign = await get('partner=bp-foreign');
    expect(foreign.json.total).toBe(0);
  });

  it('refuses bad paging and sort parameters with 422', async () => {
    for (const q of ['pageSize=101', 'pageSize=0', 'page=0', 'page=-1', 'page=abc', 'sort=password', 'dir=sideways', 'status=open', 'q=' + 'x'.repeat(201)]) {
      const r = await get(q);
      expectErrorEnvelope(r, 422, 'validation_failed');
    }
  });
});
