/**
 * Builds the benchmark database: the real schema (all migrations) with 100,000 tickets of 40
 * business partners of very different size (Zipf), their accounts, tags, histories and the
 * search index — written with direct batched inserts in one transaction, the search rows folded
 * by the same `ticketSearchText` the repositories use.
 */
import SQLite from 'better-sqlite3';
import { createDb, migrate } from '../../server/db/index.js';
import { partnerIndex, partnerIndexDdl, ticketSearchText } from '../../server/db/search.js';
import { hashPassword } from '../../server/auth/passwords.js';
import { derivePriority } from '../../server/schemas/priority.js';
import { newId } from '../../server/ids.js';
import type { TicketStatus } from '../../server/db/schema.js';
import { replyText, rng, TAGS, ticketText, type Rng } from './texts.js';

export const BENCH_PASSWORD = 'Bench-Portal-2026!';
export const SP = 'sp-bench';

export interface BuildOptions {
  path: string;
  tickets: number;
  partners: number;
  seed?: number;
  now?: Date;
  log?: (line: string) => void;
}

export interface BuiltDb {
  /** the dispatcher of the biggest partner, who the benchmark signs in as */
  dispatcherEmail: string;
  bigPartner: { id: string; name: string; tickets: number };
  /** a few ticket numbers and reference numbers of the big partner, for searches that hit */
  sampleNumbers: number[];
  sampleReferences: string[];
  counts: Record<string, number>;
  ms: number;
}

const DAY = 86_400_000;
const MINUTE = 60_000;
const PARTNER_NAMES = ['Nordwind Logistik', 'Müller & Söhne', 'Blue Harbor', 'Elbtal Stadtwerke', 'Hanse Spedition', 'Kröger Bau', 'Alster Kliniken', 'Weserwerft', 'Sachsen Druck', 'Isar Versicherung', 'Rhein Chemie', 'Baltic Foods', 'Nordlicht Energie', 'Harz Holz', 'Ostsee Reisen', 'Mainfranken Wein', 'Lausitz Solar', 'Eifel Steine', 'Spree Software', 'Havel Logistik'];

const types = [
  { id: 'type-incident', de: 'Störung', en: 'Incident', weight: 5 },
  { id: 'type-request', de: 'Serviceanfrage', en: 'Service request', weight: 4 },
  { id: 'type-change', de: 'Änderung', en: 'Change', weight: 1 },
  { id: 'type-question', de: 'Frage', en: 'Question', weight: 2 },
  { id: 'type-order', de: 'Bestellung', en: 'Order', weight: 2 },
];
const areas = ['Arbeitsplatz', 'Netzwerk & VPN', 'E-Mail & Kalender', 'Drucker', 'Lizenzen', 'Benutzerkonten', 'ERP', 'Telefonie'];

function weighted<T>(r: Rng, items: readonly (readonly [T, number])[]): T {
  const total = items.reduce((s, [, w]) => s + w, 0);
  let x = r.next() * total;
  for (const [v, w] of items) {
    x -= w;
    if (x <= 0) return v;
  }
  return items[items.length - 1]![0];
}

function statusFor(r: Rng, ageDays: number): TicketStatus {
  if (ageDays < 2) return weighted(r, [['awaiting_release', 10], ['new', 40], ['in_progress', 30], ['waiting_for_customer', 15], ['release_rejected', 5]] as const);
  if (ageDays < 14) return weighted(r, [['awaiting_release', 2], ['release_rejected', 3], ['in_progress', 35], ['waiting_for_customer', 15], ['resolved', 20], ['closed', 25]] as const);
  return weighted(r, [['release_rejected', 2], ['in_progress', 1], ['resolved', 5], ['closed', 92]] as const);
}

export async function buildBenchDb(opts: BuildOptions): Promise<BuiltDb> {
  const started = performance.now();
  const log = opts.log ?? (() => {});
  const r = rng(opts.seed ?? 20260302);
  const now = (opts.now ?? new Date()).getTime();
  const iso = (t: number) => new Date(t).toISOString();

  const sqlite = new SQLite(opts.path);
  sqlite.pragma('journal_mode = OFF');
  sqlite.pragma('synchronous = OFF');
  sqlite.pragma('foreign_keys = ON');
  const db = createDb(sqlite);
  await migrate(db);

  const passwordHash = await hashPassword(BENCH_PASSWORD, { memoryCost: 1024, timeCost: 1, parallelism: 1 });

  // Zipf-sized partners: the biggest holds about a quarter of all tickets
  const weights = Array.from({ length: opts.partners }, (_, i) => 1 / Math.pow(i + 1, 1.1));
  const wsum = weights.reduce((a, b) => a + b, 0);
  const sizes = weights.map((w) => Math.max(20, Math.round((w / wsum) * opts.tickets)));
  sizes[0]! += opts.tickets - sizes.reduce((a, b) => a + b, 0);

  const ins = {
    sp: sqlite.prepare('INSERT INTO system_partner (id, name) VALUES (?, ?)'),
    bp: sqlite.prepare('INSERT INTO business_partner (id, system_partner_id, name, created_at) VALUES (?, ?, ?, ?)'),
    account: sqlite.prepare(
      `INSERT INTO account (id, system_partner_id, kind, email, name, locale, password_hash, must_change_password, password_changed_at, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?)`,
    ),
    membership: sqlite.prepare('INSERT INTO membership (account_id, business_partner_id, role, can_write, can_release, created_at) VALUES (?, ?, ?, ?, ?, ?)'),
    type: sqlite.prepare('INSERT INTO ticket_type (id, system_partner_id, name_de, name_en, sort, active) VALUES (?, ?, ?, ?, ?, 1)'),
    area: sqlite.prepare('INSERT INTO area (id, system_partner_id, name_de, name_en, sort, active) VALUES (?, ?, ?, ?, ?, 1)'),
    tag: sqlite.prepare('INSERT INTO tag (id, business_partner_id, name, name_key, created_at) VALUES (?, ?, ?, ?, ?)'),
    ticket: sqlite.prepare(
      `INSERT INTO ticket (id, number, system_partner_id, business_partner_id, author_id, subject, description_html, description_text, reference_no,
         type_id, area_id, urgency, impact, priority, private, status, released_at, released_by, closed_at, closed_reason, created_at, updated_at, version)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    ticketTag: sqlite.prepare('INSERT INTO ticket_tag (ticket_id, tag_id) VALUES (?, ?)'),
    position: sqlite.prepare(
      'INSERT INTO position (id, ticket_id, author_id, kind, event, data_json, body_html, body_text, internal, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    ),
    query: sqlite.prepare(
      `INSERT INTO saved_query (id, system_partner_id, account_id, key, name_de, name_en, description_de, description_en, filter_json, sort)
       VALUES (?, ?, NULL, ?, ?, ?, '', '', ?, ?)`,
    ),
  };

  const counts: Record<string, number> = { accounts: 0, tickets: 0, positions: 0, tags: 0, ticketTags: 0 };
  let dispatcherEmail = '';
  const bigPartner = { id: '', name: '', tickets: sizes[0]! };
  const sampleNumbers: number[] = [];
  const sampleReferences: string[] = [];

  sqlite.transaction(() => {
    ins.sp.run(SP, 'Servicedesk GmbH');
    types.forEach((t, i) => ins.type.run(t.id, SP, t.de, t.en, i));
    areas.forEach((a, i) => ins.area.run(`area-${i}`, SP, a, a, i));
    const queries: [string, string, string, object][] = [
      ['open', 'Offene Tickets', 'Open tickets', { statuses: ['awaiting_release', 'release_rejected', 'new', 'in_progress', 'waiting_for_customer'] }],
      ['mine', 'Meine Tickets', 'My tickets', { authorIsMe: true }],
      ['awaiting_release', 'Wartet auf Freigabe', 'Awaiting release', { statuses: ['awaiting_release'] }],
      ['all', 'Alle Tickets', 'All tickets', {}],
    ];
    queries.forEach(([key, de, en, f], i) => ins.query.run(`q-${key}`, SP, key, de, en, JSON.stringify(f), i));
    const agents: string[] = [];
    for (let i = 0; i < 12; i++) {
      const id = newId();
      agents.push(id);
      ins.account.run(id, SP, 'agent', `agent${i}@servicedesk.example`, `Agent ${i}`, 'de', passwordHash, iso(now), iso(now - 900 * DAY), iso(now));
      counts.accounts!++;
    }

    let number = 100000;
    // tickets are written oldest first across all partners, like a real history
    const plan: number[] = [];
    sizes.forEach((n, p) => {
      for (let i = 0; i < n; i++) plan.push(p);
    });
    for (let i = plan.length - 1; i > 0; i--) {
      const j = Math.floor(r.next() * (i + 1));
      [plan[i], plan[j]] = [plan[j]!, plan[i]!];
    }

    const partners = sizes.map((size, p) => {
      const id = `bp-${String(p + 1).padStart(2, '0')}`;
      const name = `${PARTNER_NAMES[p % PARTNER_NAMES.length]}${p >= PARTNER_NAMES.length ? ` ${Math.floor(p / PARTNER_NAMES.length) + 1}` : ''} GmbH`;
      ins.bp.run(id, SP, name, iso(now - 1200 * DAY));
      const domain = `kunde${p + 1}.example`;
      const people = Math.max(3, Math.round(size / 900));
      const accounts: { id: string; role: 'viewer' | 'editor' | 'dispatcher'; weight: number }[] = [];
      for (let a = 0; a < people; a++) {
        const role = a === 0 || (a === 1 && people > 5) ? 'dispatcher' : r.chance(0.2) ? 'viewer' : 'editor';
        const aid = newId();
        const email = p === 0 && a === 0 ? 'bench.dispatcher@kunde1.example' : `person${a}@${domain}`;
        ins.account.run(aid, SP, 'customer', email, `Person ${a} ${name}`, r.chance(0.8) ? 'de' : 'en', passwordHash, iso(now), iso(now - 1000 * DAY), iso(now));
        ins.membership.run(aid, id, role, role === 'viewer' ? 0 : 1, role === 'dispatcher' ? 1 : 0, iso(now - 1000 * DAY));
        accounts.push({ id: aid, role, weight: 0.2 + r.next() * 3 });
        counts.accounts!++;
      }
      if (p === 0) {
        dispatcherEmail = 'bench.dispatcher@kunde1.example';
        bigPartner.id = id;
        bigPartner.name = name;
      }
      const tagIds = TAGS.map((t) => {
        const tid = newId();
        ins.tag.run(tid, id, t, t.toLowerCase(), iso(now - 1000 * DAY));
        counts.tags!++;
        return { id: tid, name: t };
      });
      const writers = accounts.filter((a) => a.role !== 'viewer');
      return { id, name, accounts, writers, tagIds, releasers: accounts.filter((a) => a.role === 'dispatcher') };
    });

    const searchRows: { id: string; body: string; internal: string }[] = [];
    const span = 3 * 365 * DAY;
    plan.forEach((p, i) => {
      const bp = partners[p]!;
      // creation times grow with the number; the newest tickets are minutes old
      const created = now - span + Math.floor(((i + r.next()) / plan.length) * (span - 10 * MINUTE));
      const ageDays = (now - created) / DAY;
      const status = statusFor(r, ageDays);
      const author = weighted(r, bp.writers.map((a) => [a, a.weight] as const));
      const released = status !== 'awaiting_release' && status !== 'release_rejected';
      const releasedAt = released ? created + (author.role === 'dispatcher' ? 0 : r.int(5, 240) * MINUTE) : null;
      const lifetime = Math.min(now - created, (status === 'closed' || status === 'resolved' ? r.int(1, 20) : r.int(0, 3)) * DAY + r.int(1, 600) * MINUTE);
      const updated = Math.max(created, Math.min(now, created + lifetime));
      const lang = r.chance(0.85) ? 'de' : 'en';
      const text = ticketText(r, lang);
      const urgency = weighted(r, [['low', 3], ['medium', 5], ['high', 2]] as const);
      const impact = weighted(r, [['low', 4], ['medium', 4], ['high', 2]] as const);
      const id = newId();
      const ticketNumber = ++number;
      ins.ticket.run(
        id,
        ticketNumber,
        SP,
        bp.id,
        author.id,
        text.subject,
        text.descriptionHtml,
        text.descriptionText,
        text.referenceNo,
        weighted(r, types.map((t) => [t.id, t.weight] as const)),
        `area-${r.int(0, areas.length - 1)}`,
        urgency,
        impact,
        derivePriority(urgency, impact),
        r.chance(0.04) ? 1 : 0,
        status,
        releasedAt === null ? null : iso(releasedAt),
        releasedAt === null ? null : author.role === 'dispatcher' ? author.id : (bp.releasers[0] ?? author).id,
        status === 'closed' ? iso(updated) : null,
        status === 'closed' ? 'Gelöst, danke für die schnelle Hilfe.' : null,
        iso(created),
        iso(updated),
        1,
      );
      counts.tickets!++;
      if (p === 0 && r.chance(0.002)) sampleNumbers.push(ticketNumber);
      if (p === 0 && text.referenceNo && r.chance(0.01)) sampleReferences.push(text.referenceNo);

      // about a third of the tickets carry one or two of their topic's tags
      const tags = r.chance(0.35) ? bp.tagIds.filter((t) => text.tags.includes(t.name) && r.chance(0.6)).slice(0, 2) : [];
      for (const t of tags) ins.ticketTag.run(id, t.id);
      counts.ticketTags! += tags.length;

      ins.position.run(newId(), id, author.id, 'system', 'created', null, '', '', 0, iso(created));
      counts.positions!++;
      const messages: { text: string; internal: boolean }[] = [];
      if (released) {
        const replies = status === 'new' ? 0 : r.int(1, 4);
        for (let m = 0; m < replies; m++) {
          const internal = r.chance(0.1);
          const fromAgent = internal || m % 2 === 0;
          const msg = replyText(r, text.topic, internal ? 'internal' : fromAgent ? 'agent' : 'customer');
          const at = Math.min(updated, created + ((m + 1) * (updated - created)) / (replies + 1));
          ins.position.run(newId(), id, fromAgent ? r.pick(agents) : author.id, fromAgent ? 'agent' : 'customer', null, null, msg.html, msg.text, internal ? 1 : 0, iso(at));
          messages.push({ text: msg.text, internal });
          counts.positions!++;
        }
      }
      const search = ticketSearchText({
        number: ticketNumber,
        subject: text.subject,
        referenceNo: text.referenceNo,
        descriptionText: text.descriptionText,
        tags: tags.map((t) => t.name),
        positions: messages,
      });
      searchRows.push({ id, ...search });
      if ((i + 1) % 20000 === 0) log(`  ${i + 1} tickets`);
    });

    // The search rows go into each partner's index in key order (FTS5 appends cheaply then);
    // the keys were handed out by the trigger on ticket inserts.
    const keys = new Map(
      (sqlite.prepare('SELECT l.id, l.rk, sp.slot FROM ticket_list l JOIN search_partner sp ON sp.business_partner_id = l.business_partner_id').all() as {
        id: string;
        rk: number;
        slot: number;
      }[]).map((k) => [k.id, k]),
    );
    const keyed = searchRows.map((r) => ({ ...r, ...keys.get(r.id)! })).sort((a, b) => a.rk - b.rk);
    const inserts = new Map<number, SQLite.Statement>();
    for (const r of keyed) {
      let st = inserts.get(r.slot);
      if (!st) {
        sqlite.exec(partnerIndexDdl(r.slot));
        st = sqlite.prepare(`INSERT INTO ${partnerIndex(r.slot)} (rowid, body, internal) VALUES (?, ?, ?)`);
        inserts.set(r.slot, st);
      }
      st.run(r.rk, r.body, r.internal);
    }
    log(`  search index: ${keyed.length} rows in ${inserts.size} partner indexes`);
  })();
  // Each partner's index merged into one segment, as migration 0008 does for the indexes of a
  // database it migrates; here it ran before the first ticket, on no index, and the bulk load
  // left 3–6 segments per index (issue 3). The searches' main statement on the big partner:
  // 'Becker' 1.4 → 0.8 ms, 'Toner magenta' 1.2 → 0.7 ms, 'Drucker' 2.0 → 1.8 ms.
  for (const slot of (sqlite.prepare('SELECT slot FROM search_partner ORDER BY slot').pluck().all() as number[])) {
    const table = partnerIndex(slot);
    const exists = sqlite.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?`).get(table);
    if (exists) sqlite.exec(`INSERT INTO ${table} (${table}) VALUES ('optimize')`);
  }

  await db.destroy();
  // the server runs with WAL; leave the file ready for it
  const reopen = new SQLite(opts.path);
  reopen.pragma('journal_mode = WAL');
  reopen.close();
  return { dispatcherEmail, bigPartner, sampleNumbers, sampleReferences, counts, ms: performance.now() - started };
}
