import { beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import { call, testContext, type TestContext } from './helpers.js';
import { seedDemo, DEMO_ACCOUNTS, type SeedSummary } from '../../server/seed/index.js';
import { sanitizeRichText, htmlToText } from '../../server/domain/richtext.js';
import { derivePriority } from '../../server/schemas/priority.js';
import { ticketFilter } from '../../server/schemas/tickets.js';
import { sniffContentType } from '../../server/files/sniff.js';
import { foldText, ticketIndexRows } from '../../server/db/search.js';
import type { TicketStatus } from '../../server/db/schema.js';
import { DAY } from '../../server/clock.js';
import { convertMarkdown } from '../../server/seed/markdown.js';
import { Rng } from '../../server/seed/prng.js';
import { screenshotPng, simplePdf } from '../../server/seed/files.js';

/** Every table's rows (kysely's own bookkeeping holds migration times and is left out). */
async function dumpTables(t: TestContext): Promise<Record<string, string[]>> {
  const tables = await sql<{ name: string }>`
    SELECT name FROM sqlite_master
    WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'kysely_%'
    ORDER BY name`.execute(t.db);
  const out: Record<string, string[]> = {};
  for (const { name } of tables.rows) {
    const rows = await sql<Record<string, unknown>>`SELECT * FROM ${sql.table(name)}`.execute(t.db);
    out[name] = rows.rows
      .map((r) => JSON.stringify(r, (_k, v) => (v instanceof Uint8Array ? Buffer.from(v).toString('base64') : v)))
      .sort();
  }
  return out;
}

function dumpFiles(dir: string): Record<string, string> {
  return Object.fromEntries(
    readdirSync(dir)
      .sort()
      .map((f) => [f, createHash('sha256').update(readFileSync(join(dir, f))).digest('hex')]),
  );
}

let t: TestContext;
let summary: SeedSummary;

beforeAll(async () => {
  t = await testContext();
  summary = await seedDemo(t.deps);
});

describe('demo seed: determinism', () => {
  it('gives identical tables (FTS included) and files for the same clock', async () => {
    const u = await testContext();
    await seedDemo(u.deps);
    const a = await dumpTables(t);
    const b = await dumpTables(u);
    // one search index per business partner (migration 0005): ticket_fts_<slot>_data
    expect(Object.keys(a).filter((k) => /^ticket_fts_\d+_data$/.test(k)).length).toBeGreaterThan(0);
    expect(Object.keys(a)).toContain('kb_fts_data');
    expect(a.ticket!.length).toBe(summary.tickets);
    expect(b).toEqual(a);
    expect(dumpFiles(u.deps.config.uploads.dir)).toEqual(dumpFiles(t.deps.config.uploads.dir));
  }, 60_000);

  it('follows the clock and the seed', async () => {
    const u = await testContext();
    u.clock.set('2026-06-15T10:00:00.000Z');
    await seedDemo(u.deps);
    const ours = await t.db.selectFrom('ticket').select(['created_at']).orderBy('number').executeTakeFirstOrThrow();
    const theirs = await u.db.selectFrom('ticket').select(['created_at']).orderBy('number').executeTakeFirstOrThrow();
    expect(ours.created_at).not.toBe(theirs.created_at);
    const latest = await u.db.selectFrom('position').select((eb) => eb.fn.max('created_at').as('m')).executeTakeFirstOrThrow();
    expect(String(latest.m) < '2026-06-15T10:00:00.000Z').toBe(true);
    const v = await testContext();
    await seedDemo(v.deps, { seed: 7 });
    const ids = await t.db.selectFrom('ticket').select('id').orderBy('number').limit(1).executeTakeFirstOrThrow();
    const other = await v.db.selectFrom('ticket').select('id').orderBy('number').limit(1).executeTakeFirstOrThrow();
    expect(other.id).not.toBe(ids.id);
  }, 60_000);

  it('refuses a database that already has data', async () => {
    await expect(seedDemo(t.deps)).rejects.toThrow(/already has data/);
  });
});

describe('demo seed: the demo data contract', () => {
  it('has the partners and the contract accounts with their roles', async () => {
    const partners = await t.db.selectFrom('business_partner').select('name').execute();
    expect(partners.map((p) => p.name)).toEqual(
      expect.arrayContaining(['Nordwind Logistik GmbH', 'Müller & Söhne (Ost) GmbH', 'Blue Harbor Ltd']),
    );
    const sp = await t.db.selectFrom('system_partner').select('name').execute();
    expect(sp.map((s) => s.name)).toEqual(['Servicedesk GmbH']);

    const roles = await t.db
      .selectFrom('membership')
      .innerJoin('account', 'account.id', 'membership.account_id')
      .innerJoin('business_partner', 'business_partner.id', 'membership.business_partner_id')
      .select(['account.email', 'business_partner.name', 'membership.role', 'membership.can_write', 'membership.can_release'])
      .execute();
    const of = (email: string) =>
      roles
        .filter((r) => r.email === email)
        .map((r) => `${r.name}: ${r.role}`)
        .sort();
    expect(of('anna.viewer@nordwind.example')).toEqual(['Nordwind Logistik GmbH: viewer']);
    expect(of('erik.editor@nordwind.example')).toEqual(['Nordwind Logistik GmbH: editor']);
    expect(of('dora.dispatcher@nordwind.example')).toEqual(['Nordwind Logistik GmbH: dispatcher']);
    expect(of('max.multi@mueller-soehne.example')).toEqual(['Blue Harbor Ltd: dispatcher', 'Müller & Söhne (Ost) GmbH: editor']);
    expect(of('bob.editor@blueharbor.example')).toEqual(['Blue Harbor Ltd: editor']);
    expect(of('neu.kunde@nordwind.example')).toEqual(['Nordwind Logistik GmbH: editor']);
    expect(of('alex.agent@servicedesk.example')).toEqual([]);
    // rights follow the roles
    for (const r of roles) {
      expect([r.role, r.can_write, r.can_release]).toEqual(
        r.role === 'viewer' ? ['viewer', 0, 0] : r.role === 'editor' ? ['editor', 1, 0] : ['dispatcher', 1, 1],
      );
    }

    const accounts = await t.db.selectFrom('account').selectAll().execute();
    const acc = (email: string) => accounts.find((a) => a.email === email)!;
    expect(acc('alex.agent@servicedesk.example').kind).toBe('agent');
    expect(accounts.filter((a) => a.kind === 'agent').length).toBeGreaterThanOrEqual(2);
    expect(acc('bob.editor@blueharbor.example').locale).toBe('en');
    const neu = acc('neu.kunde@nordwind.example');
    expect(neu.must_change_password).toBe(1);
    const expires = new Date(neu.password_expires_at!).getTime() - t.clock.now().getTime();
    expect(expires).toBeGreaterThan(6.5 * DAY);
    expect(expires).toBeLessThanOrEqual(7 * DAY);
    expect(accounts.filter((a) => a.must_change_password).map((a) => a.email)).toEqual(['neu.kunde@nordwind.example']);
    for (const a of accounts) expect(a.password_hash).toMatch(/^\$argon2id\$/);
  });

  it('lists exactly the contract accounts in DEMO_ACCOUNTS', () => {
    expect(DEMO_ACCOUNTS.map((a) => a.email).sort()).toEqual(
      [
        'anna.viewer@nordwind.example',
        'erik.editor@nordwind.example',
        'dora.dispatcher@nordwind.example',
        'max.multi@mueller-soehne.example',
        'bob.editor@blueharbor.example',
        'neu.kunde@nordwind.example',
        'alex.agent@servicedesk.example',
      ].sort(),
    );
    expect(DEMO_ACCOUNTS.find((a) => a.email === 'neu.kunde@nordwind.example')!.password).toBe('Start-2026!');
    expect(DEMO_ACCOUNTS.find((a) => a.email === 'anna.viewer@nordwind.example')!.password).toBe('Portal-Demo-2026!');
    for (const a of DEMO_ACCOUNTS) expect(a.note.length).toBeGreaterThan(0);
  });

  it('lets every demo account sign in through the app', async () => {
    for (const a of DEMO_ACCOUNTS) {
      const r = await call(t.app, 'POST', '/api/auth/sign-in', { body: { email: a.email, password: a.password, mode: 'bearer' } });
      expect(r.status, a.email).toBe(200);
      expect(r.json.mustChangePassword, a.email).toBe(a.email === 'neu.kunde@nordwind.example');
      expect(r.json.account.email).toBe(a.email);
    }
    const wrong = await call(t.app, 'POST', '/api/auth/sign-in', { body: { email: 'anna.viewer@nordwind.example', password: 'Start-2026!', mode: 'bearer' } });
    expect(wrong.status).toBe(401);
  });

  it('offers the knowledge base and plan boards to Nordwind, neither to Blue Harbor', async () => {
    const me = async (email: string) => {
      const s = await call(t.app, 'POST', '/api/auth/sign-in', { body: { email, password: 'Portal-Demo-2026!', mode: 'bearer' } });
      expect(s.status).toBe(200);
      const r = await call(t.app, 'GET', '/api/me', { token: s.json.token });
      expect(r.status).toBe(200);
      return r.json;
    };
    for (const email of ['anna.viewer@nordwind.example', 'erik.editor@nordwind.example', 'dora.dispatcher@nordwind.example']) {
      const m = await me(email);
      expect(m.capabilities.knowledgeBase, email).toBe(true);
      expect(m.capabilities.planBoards, email).toBe(true);
    }
    for (const email of ['bob.editor@blueharbor.example', 'emily.watson@blueharbor.example']) {
      const m = await me(email);
      expect(m.capabilities.knowledgeBase, email).toBe(false);
      expect(m.capabilities.planBoards, email).toBe(false);
    }
    const dora = await me('dora.dispatcher@nordwind.example');
    expect(dora.counts.pendingReleases).toBeGreaterThan(0);
    const max = await me('max.multi@mueller-soehne.example');
    expect(max.partners).toHaveLength(2);
    expect(max.counts.awaitingMyRelease).toBeGreaterThan(0);
  });

  it('shares no article with Blue Harbor and puts none of its users on a plan board', async () => {
    const bh = await t.db.selectFrom('business_partner').select('id').where('name', '=', 'Blue Harbor Ltd').executeTakeFirstOrThrow();
    const nw = await t.db.selectFrom('business_partner').select('id').where('name', '=', 'Nordwind Logistik GmbH').executeTakeFirstOrThrow();
    const ms = await t.db.selectFrom('business_partner').select('id').where('name', '=', 'Müller & Söhne (Ost) GmbH').executeTakeFirstOrThrow();
    const shares = await t.db.selectFrom('kb_share').select(['article_id', 'business_partner_id']).execute();
    expect(shares.filter((s) => s.business_partner_id === bh.id)).toEqual([]);
    const nwShares = shares.filter((s) => s.business_partner_id === nw.id).map((s) => s.article_id);
    const msShares = shares.filter((s) => s.business_partner_id === ms.id).map((s) => s.article_id);
    const articles = await t.db.selectFrom('kb_article').select('id').execute();
    expect(nwShares.length).toBeGreaterThan(articles.length / 2);
    expect(msShares.length).toBeGreaterThan(0);
    expect(msShares.length).toBeLessThan(nwShares.length);
    // at least one article is shared with Müller & Söhne only
    expect(msShares.some((id) => shares.filter((s) => s.article_id === id).length === 1)).toBe(true);

    const bhMembers = await t.db.selectFrom('membership').select('account_id').where('business_partner_id', '=', bh.id).execute();
    const onBoards = await t.db.selectFrom('plan_member').select(['account_id', 'board_id', 'role']).execute();
    expect(onBoards.filter((m) => bhMembers.some((b) => b.account_id === m.account_id))).toEqual([]);
    const nwMembers = await t.db.selectFrom('membership').select('account_id').where('business_partner_id', '=', nw.id).execute();
    expect(onBoards.filter((m) => nwMembers.some((b) => b.account_id === m.account_id)).length).toBeGreaterThan(0);
    expect(new Set(onBoards.map((m) => m.role))).toEqual(new Set(['observer', 'editor']));
  });
});

describe('demo seed: tickets', () => {
  it('has ~200 tickets over every status, most of them Nordwind’s, spread over ~6 months', async () => {
    const rows = await t.db
      .selectFrom('ticket')
      .innerJoin('business_partner', 'business_partner.id', 'ticket.business_partner_id')
      .select(['ticket.status', 'business_partner.name', 'ticket.created_at', 'ticket.private', 'ticket.reference_no'])
      .execute();
    expect(rows.length).toBeGreaterThanOrEqual(180);
    expect(rows.length).toBeLessThanOrEqual(230);
    const statuses: TicketStatus[] = ['awaiting_release', 'release_rejected', 'new', 'in_progress', 'waiting_for_customer', 'resolved', 'closed'];
    for (const s of statuses) expect(rows.filter((r) => r.status === s).length, s).toBeGreaterThan(0);
    const nordwind = rows.filter((r) => r.name === 'Nordwind Logistik GmbH').length;
    expect(nordwind).toBeGreaterThan(rows.length / 2);
    const now = t.clock.now().getTime();
    const ages = rows.map((r) => (now - new Date(r.created_at).getTime()) / DAY);
    expect(Math.min(...ages)).toBeGreaterThan(0);
    expect(Math.max(...ages)).toBeGreaterThan(150);
    expect(Math.max(...ages)).toBeLessThan(200);
    expect(rows.some((r) => r.private && r.status === 'awaiting_release')).toBe(true);
    expect(rows.filter((r) => r.private).length).toBeGreaterThan(3);
    expect(rows.some((r) => r.reference_no === 'PO-2026-0142')).toBe(true);
  });

  it('numbers tickets by creation and derives every priority from urgency × impact', async () => {
    const rows = await t.db.selectFrom('ticket').select(['number', 'created_at', 'urgency', 'impact', 'priority']).orderBy('number').execute();
    expect(rows[0]!.number).toBe(10001);
    rows.forEach((r, i) => {
      expect(r.number).toBe(10001 + i);
      if (i > 0) expect(r.created_at >= rows[i - 1]!.created_at).toBe(true);
      expect(r.priority).toBe(derivePriority(r.urgency, r.impact));
    });
  });

  it('keeps every ticket’s history consistent with its status', async () => {
    const tickets = await t.db.selectFrom('ticket').selectAll().execute();
    const positions = await t.db.selectFrom('position').selectAll().orderBy('created_at').orderBy(sql`rowid`).execute();
    const decisions = await t.db.selectFrom('release_decision').selectAll().orderBy('created_at').execute();
    const members = await t.db.selectFrom('membership').selectAll().execute();
    const accounts = new Map((await t.db.selectFrom('account').select(['id', 'kind']).execute()).map((a) => [a.id, a.kind]));
    const open: TicketStatus[] = ['awaiting_release', 'release_rejected', 'new', 'in_progress', 'waiting_for_customer'];
    for (const tk of tickets) {
      const label = `#${tk.number}`;
      const hist = positions.filter((p) => p.ticket_id === tk.id);
      expect(hist[0]?.event, label).toBe('created');
      expect(hist[0]!.created_at, label).toBe(tk.created_at);
      expect(hist[0]!.author_id, label).toBe(tk.author_id);
      expect(hist[hist.length - 1]!.created_at, label).toBe(tk.updated_at);
      const member = (id: string | null) => members.find((m) => m.account_id === id && m.business_partner_id === tk.business_partner_id);

      let state: TicketStatus | 'created' = 'created';
      let releasedAt: string | null = null;
      let closed: { at: string; reason: string } | null = null;
      const expectDecisions: { decision: string; at: string; by: string | null; reason: unknown }[] = [];
      for (const p of hist) {
        const data = p.data_json ? JSON.parse(p.data_json) : null;
        if (p.kind === 'agent') {
          expect(accounts.get(p.author_id!), label).toBe('agent');
          expect(releasedAt, `${label}: agent position before release`).not.toBeNull();
          expect(state, label).not.toBe('closed');
          continue;
        }
        if (p.kind === 'customer') {
          expect(member(p.author_id)?.can_write, `${label}: customer position by a writer`).toBe(1);
          if (tk.private) expect(p.author_id, `${label}: private ticket`).toBe(tk.author_id);
          expect(state, label).not.toBe('closed');
          expect(p.internal).toBe(0);
          continue;
        }
        expect(p.body_html, label).toBe('');
        switch (p.event) {
          case 'created':
            expect(state).toBe('created');
            break;
          case 'submitted_for_release':
            expect(state, label).toBe('created');
            state = 'awaiting_release';
            break;
          case 'released':
            if (state === 'created') {
              expect(data, label).toEqual({ onCreation: true });
              expect(member(p.author_id)?.can_release, label).toBe(1);
              expect(p.author_id).toBe(tk.author_id);
            } else {
              expect(state, label).toBe('awaiting_release');
              expect(member(p.author_id)?.can_release, label).toBe(1);
              expectDecisions.push({ decision: 'released', at: p.created_at, by: p.author_id, reason: data.reason });
            }
            releasedAt = p.created_at;
            state = 'new';
            break;
          case 'rejected':
            expect(state, label).toBe('awaiting_release');
            expect(member(p.author_id)?.can_release, label).toBe(1);
            expectDecisions.push({ decision: 'rejected', at: p.created_at, by: p.author_id, reason: data.reason });
            state = 'release_rejected';
            break;
          case 'resubmitted':
            expect(state, label).toBe('release_rejected');
            expect(p.author_id).toBe(tk.author_id);
            state = 'awaiting_release';
            break;
          case 'status_changed':
            expect(releasedAt, `${label}: status change before release`).not.toBeNull();
            expect(data.from, label).toBe(state);
            expect(['in_progress', 'waiting_for_customer', 'resolved']).toContain(data.to);
            state = data.to;
            break;
          case 'closed':
            expect([...open, 'resolved'], label).toContain(state);
            expect(data.from, label).toBe(state);
            expect(typeof data.reason).toBe('string');
            expect(member(p.author_id)?.can_write, label).toBe(1);
            if (releasedAt === null) expect(p.author_id, `${label}: only its author closes an unreleased ticket`).toBe(tk.author_id);
            closed = { at: p.created_at, reason: data.reason };
            state = 'closed';
            break;
          case 'reopened':
            expect(state, label).toBe('closed');
            expect(releasedAt, label).not.toBeNull();
            expect(typeof data.reason).toBe('string');
            closed = null;
            state = 'in_progress';
            break;
          default:
            throw new Error(`${label}: unknown event ${p.event}`);
        }
      }
      expect(state, label).toBe(tk.status);
      expect(tk.released_at, label).toBe(releasedAt);
      if (releasedAt) expect(tk.released_by, label).not.toBeNull();
      else expect(tk.released_by, label).toBeNull();
      if (tk.status === 'closed') {
        expect(closed, label).not.toBeNull();
        expect(tk.closed_at, label).toBe(closed!.at);
        expect(tk.closed_reason, label).toBe(closed!.reason);
      } else {
        expect(tk.closed_at, label).toBeNull();
        expect(tk.closed_reason, label).toBeNull();
      }
      const own = decisions
        .filter((d) => d.ticket_id === tk.id)
        .map((d) => ({ decision: d.decision, at: d.created_at, by: d.dispatcher_id, reason: d.reason }));
      expect(own, label).toEqual(expectDecisions);
      // history is in time order and never in the future
      for (let i = 1; i < hist.length; i++) expect(hist[i]!.created_at >= hist[i - 1]!.created_at, label).toBe(true);
      expect(tk.updated_at <= t.clock.now().toISOString(), label).toBe(true);
    }
  });

  it('never has agent positions on unreleased tickets, and hides internal notes in their own kind', async () => {
    const rows = await t.db
      .selectFrom('position')
      .innerJoin('ticket', 'ticket.id', 'position.ticket_id')
      .innerJoin('account', 'account.id', 'position.author_id')
      .select(['position.kind', 'position.internal', 'position.created_at', 'ticket.released_at', 'account.kind as authorKind'])
      .where((eb) => eb.or([eb('position.kind', '=', 'agent'), eb('account.kind', '=', 'agent')]))
      .execute();
    expect(rows.length).toBeGreaterThan(100);
    for (const r of rows) {
      expect(r.released_at).not.toBeNull();
      expect(r.created_at >= r.released_at!).toBe(true);
      expect(r.authorKind).toBe('agent');
    }
    expect(rows.some((r) => r.internal === 1)).toBe(true);
    const internalNonAgent = await t.db.selectFrom('position').select('id').where('internal', '=', 1).where('kind', '!=', 'agent').execute();
    expect(internalNonAgent).toEqual([]);
  });

  it('stores tags per partner with their NFC lower-case key', async () => {
    const tags = await t.db.selectFrom('tag').selectAll().execute();
    expect(tags.length).toBeGreaterThan(20);
    for (const tag of tags) expect(tag.name_key).toBe(tag.name.toLowerCase().normalize('NFC'));
    const links = await t.db
      .selectFrom('ticket_tag')
      .innerJoin('tag', 'tag.id', 'ticket_tag.tag_id')
      .innerJoin('ticket', 'ticket.id', 'ticket_tag.ticket_id')
      .select(['tag.business_partner_id as tagBp', 'ticket.business_partner_id as ticketBp'])
      .execute();
    expect(links.length).toBeGreaterThan(200);
    for (const l of links) expect(l.tagBp).toBe(l.ticketBp);
  });

  it('writes every attachment with matching size, sha256 and content type', async () => {
    const rows = await t.db.selectFrom('attachment').innerJoin('ticket', 'ticket.id', 'attachment.ticket_id').select([
      'attachment.id', 'attachment.file_name', 'attachment.content_type', 'attachment.size', 'attachment.sha256', 'attachment.storage_key',
      'attachment.uploaded_by', 'attachment.internal', 'attachment.position_id', 'attachment.created_at', 'ticket.released_at', 'ticket.description_html',
    ]).execute();
    const withFiles = new Set((await t.db.selectFrom('attachment').select('ticket_id').execute()).map((r) => r.ticket_id));
    expect(withFiles.size).toBeGreaterThanOrEqual(25);
    expect(withFiles.size).toBeLessThanOrEqual(45);
    const kinds = new Set(rows.map((r) => r.content_type));
    for (const k of ['image/png', 'application/pdf', 'text/plain', 'text/csv']) expect(kinds).toContain(k);
    expect(rows.some((r) => r.file_name.startsWith('Fehlerprotokoll Drucker'))).toBe(true);
    const agents = new Set((await t.db.selectFrom('account').select('id').where('kind', '=', 'agent').execute()).map((a) => a.id));
    for (const r of rows) {
      expect(r.storage_key).toMatch(/^[a-z0-9]{16,64}$/);
      const path = join(t.deps.config.uploads.dir, r.storage_key);
      expect(existsSync(path), r.file_name).toBe(true);
      const bytes = readFileSync(path);
      expect(bytes.length, r.file_name).toBe(r.size);
      expect(createHash('sha256').update(bytes).digest('hex'), r.file_name).toBe(r.sha256);
      expect(r.content_type, r.file_name).toBe(sniffContentType(bytes.subarray(0, 4096), r.file_name));
      if (agents.has(r.uploaded_by)) expect(r.released_at).not.toBeNull();
      if (r.internal) expect(agents.has(r.uploaded_by)).toBe(true);
    }
    expect(new Set(rows.map((r) => r.storage_key)).size).toBe(rows.length);
    expect(readdirSync(t.deps.config.uploads.dir).length).toBe(rows.length);
    // images shown inside descriptions are attachments of the same ticket
    const inline = await t.db.selectFrom('ticket').select(['id', 'description_html']).where('description_html', 'like', '%<img%').execute();
    expect(inline.length).toBeGreaterThan(0);
    for (const tk of inline) {
      for (const m of tk.description_html.matchAll(/src="\/api\/attachments\/([a-z0-9]+)\?inline=1"/g)) {
        const a = await t.db.selectFrom('attachment').select(['ticket_id', 'content_type']).where('id', '=', m[1]!).executeTakeFirstOrThrow();
        expect(a.ticket_id).toBe(tk.id);
        expect(a.content_type).toBe('image/png');
      }
    }
  });

  it('stores only HTML that sanitizing leaves unchanged, with matching plain text', async () => {
    const tickets = await t.db.selectFrom('ticket').select(['description_html', 'description_text']).execute();
    const positions = await t.db.selectFrom('position').select(['body_html', 'body_text']).execute();
    const articles = await t.db.selectFrom('kb_article').select(['body_html', 'body_text', 'attribution_html']).execute();
    const pairs = [
      ...tickets.map((x) => [x.description_html, x.description_text] as const),
      ...positions.map((x) => [x.body_html, x.body_text] as const),
      ...articles.map((x) => [x.body_html, x.body_text] as const),
    ];
    for (const [html, text] of pairs) {
      expect(sanitizeRichText(html)).toBe(html);
      expect(htmlToText(html)).toBe(text);
    }
    for (const a of articles) if (a.attribution_html) expect(sanitizeRichText(a.attribution_html)).toBe(a.attribution_html);
    expect(tickets.some((x) => x.description_html.includes('<table>'))).toBe(true);
    expect(tickets.some((x) => x.description_html.includes('<ul>') || x.description_html.includes('<ol>'))).toBe(true);
  });

  it('indexes every ticket and article for search', async () => {
    const tickets = await t.db.selectFrom('ticket').select(['id', 'number', 'subject']).execute();
    const fts = await ticketIndexRows(t.db);
    expect(fts.length).toBe(tickets.length);
    for (const tk of tickets) {
      const row = fts.find((f) => f.ticket_id === tk.id)!;
      expect(row.body).toContain(`#${tk.number}`);
      expect(row.body).toContain(foldText(tk.subject));
    }
    const kb = await t.db.selectFrom('kb_fts').select(['article_id']).execute();
    expect(kb.length).toBe(summary.kbArticles);
    const hit = await sql<{ title: string }>`
      SELECT kb_article.title FROM kb_fts JOIN kb_article ON kb_article.id = kb_fts.article_id
      WHERE kb_fts MATCH ${'"warteschlange"'}`.execute(t.db);
    expect(hit.rows.map((r) => r.title)).toContain('Druckerwarteschlange leeren');
  });
});

describe('demo seed: lookups, knowledge base, plan boards', () => {
  it('has bilingual types, areas, saved queries in the filter format, and quick links', async () => {
    const types = await t.db.selectFrom('ticket_type').select(['name_de', 'name_en']).execute();
    expect(types).toEqual(expect.arrayContaining([{ name_de: 'Störung', name_en: 'Incident' }, { name_de: 'Bestellung', name_en: 'Order' }]));
    const areas = await t.db.selectFrom('area').select(['name_de', 'name_en']).execute();
    expect(areas.length).toBeGreaterThanOrEqual(8);
    expect(areas).toContainEqual({ name_de: 'Netzwerk & VPN', name_en: 'Network & VPN' });
    const queries = await t.db.selectFrom('saved_query').selectAll().execute();
    expect(queries.map((q) => q.key).sort()).toEqual(['all', 'awaiting_release', 'closed_30d', 'high_priority', 'mine', 'open', 'waiting_for_us']);
    for (const q of queries) {
      expect(q.account_id).toBeNull();
      expect(q.system_partner_id).not.toBeNull();
      expect(ticketFilter.safeParse(JSON.parse(q.filter_json)).success, String(q.key)).toBe(true);
      expect(q.name_de && q.name_en && q.description_de && q.description_en).toBeTruthy();
    }
    const links = await t.db.selectFrom('quick_link').selectAll().execute();
    expect(links.length).toBeGreaterThanOrEqual(4);
    expect(links.some((l) => l.url.startsWith('tel:'))).toBe(true);
  });

  it('has the manual, glossaries in both languages with attribution, and German how-tos', async () => {
    const articles = await t.db.selectFrom('kb_article').selectAll().execute();
    const manual = articles.find((a) => a.title === 'Einführung in Ihren Kundenzugang')!;
    expect(manual.language).toBe('de');
    expect(manual.body_html).toContain('<h2>Die erste Anmeldung</h2>');
    expect(manual.body_html).toContain('<h2>Plan Board</h2>');
    expect(manual.body_text).not.toContain('Leave a Comment');
    const cncf = articles.filter((a) => a.attribution_html?.includes('Cloud Native Glossary'));
    expect(cncf.some((a) => a.language === 'de')).toBe(true);
    expect(cncf.some((a) => a.language === 'en')).toBe(true);
    for (const a of cncf) {
      expect(a.attribution_html).toContain('CC BY 4.0');
      expect(a.body_html).not.toMatch(/^---|title:/);
    }
    const abcd = articles.filter((a) => a.attribution_html?.includes('Action-Based Conversations Dataset'));
    expect(abcd.length).toBeGreaterThanOrEqual(3);
    for (const a of abcd) expect(a.attribution_html).toContain('MIT License');
    for (const title of ['VPN einrichten (Homeoffice)', 'Drucker hinzufügen (Windows 11)', 'Passwort zurücksetzen', 'Druckerwarteschlange leeren']) {
      expect(articles.map((a) => a.title)).toContain(title);
    }
    const sections = await t.db.selectFrom('kb_section').select(['name_de', 'name_en']).execute();
    for (const s of sections) expect(s.name_de && s.name_en).toBeTruthy();
  });

  it('has two or more plan boards with ordered columns, valid dates and ticket links (one private)', async () => {
    const boards = await t.db.selectFrom('plan_board').selectAll().execute();
    expect(boards.map((b) => b.title)).toEqual(expect.arrayContaining(['Rollout Windows 11 – Standort Hamburg', 'Umzug Rechenzentrum 2027']));
    const columns = await t.db.selectFrom('plan_column').selectAll().execute();
    for (const b of boards) {
      const sorts = columns.filter((c) => c.board_id === b.id).map((c) => c.sort).sort((x, y) => x - y);
      expect(sorts.length).toBeGreaterThanOrEqual(3);
      expect(new Set(sorts).size).toBe(sorts.length);
    }
    const acts = await t.db.selectFrom('plan_activity').leftJoin('ticket', 'ticket.id', 'plan_activity.ticket_id').select([
      'plan_activity.board_id', 'plan_activity.column_id', 'plan_activity.start_date', 'plan_activity.end_date',
      'plan_activity.duration_hours', 'plan_activity.ticket_id', 'ticket.private', 'ticket.business_partner_id',
    ]).execute();
    expect(acts.length).toBeGreaterThan(15);
    for (const a of acts) {
      expect(a.start_date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(a.end_date >= a.start_date).toBe(true);
      expect(a.duration_hours).toBeGreaterThan(0);
      expect(columns.find((c) => c.id === a.column_id)!.board_id).toBe(a.board_id);
      if (a.ticket_id) expect(a.business_partner_id).toBe(boards.find((b) => b.id === a.board_id)!.business_partner_id);
    }
    expect(acts.filter((a) => a.ticket_id).length).toBeGreaterThanOrEqual(2);
    expect(acts.some((a) => a.private === 1)).toBe(true);
  });
});

describe('demo seed: building blocks', () => {
  it('PRNG is stable and its ids look like server ids', () => {
    const a = new Rng(42);
    const b = new Rng(42);
    const xs = Array.from({ length: 5 }, () => a.nextUint32());
    expect(Array.from({ length: 5 }, () => b.nextUint32())).toEqual(xs);
    expect(new Set(xs).size).toBe(5);
    expect(new Rng(1).id()).toMatch(/^[a-z2-7]{16}$/);
    expect(new Rng(1).fork('x').id()).not.toBe(new Rng(1).fork('y').id());
  });

  it('makes valid PNG and PDF files', () => {
    const png = screenshotPng('error', new Rng(3));
    expect(Array.from(png.subarray(0, 8))).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const pdf = Buffer.from(simplePdf('Lieferschein (Test) – Größe', ['Zeile mit Umlaut: ä']));
    const text = pdf.toString('latin1');
    expect(text.startsWith('%PDF-1.4')).toBe(true);
    const xref = Number(/startxref\n(\d+)/.exec(text)![1]);
    expect(text.slice(xref, xref + 4)).toBe('xref');
    // each object offset in the xref table points at "<n> 0 obj"
    const offsets = [...text.slice(xref).matchAll(/^(\d{10}) 00000 n $/gm)].map((m) => Number(m[1]));
    offsets.forEach((off, i) => expect(text.slice(off, off + `${i + 1} 0 obj`.length)).toBe(`${i + 1} 0 obj`));
    expect(offsets).toHaveLength(6);
    expect(text).toContain('(Lieferschein \\(Test\\) \\226 Gr\\366\\337e) Tj');
  });

  it('converts the Markdown subset of the glossary', () => {
    const doc = convertMarkdown(
      '---\ntitle: Service Mesh\ncategory: technology\n---\n\nIntro with a [link](/service/) and **bold** and _italic_ text.  \nSecond line.\n\n## How it helps\n\nSteps:\n- one `x<y`\n- two\n  - nested\n1. first\n\n---\n',
      { resolveLink: (h) => (h.startsWith('/') ? 'https://glossary.cncf.io' + h : h) },
    );
    expect(doc.meta.title).toBe('Service Mesh');
    expect(doc.html).toBe(
      '<p>Intro with a <a href="https://glossary.cncf.io/service/">link</a> and <strong>bold</strong> and <em>italic</em> text. Second line.</p>' +
        '<h2>How it helps</h2><p>Steps:</p><ul><li>one <code>x&lt;y</code></li><li>two<ul><li>nested</li></ul></li></ul><ol><li>first</li></ol><hr>',
    );
  });
});
