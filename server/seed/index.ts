import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Insertable } from 'kysely';
import type { Db } from '../db/index.js';
import type { Database } from '../db/schema.js';
import type { Clock } from '../clock.js';
import type { Config } from '../config.js';
import { DAY, HOUR, MINUTE } from '../clock.js';
import { hashPassword } from '../auth/passwords.js';
import { roleDefaults } from '../domain/actor.js';
import { indexArticle, indexTicket } from '../db/search.js';
import { invitationMail } from '../mail/templates.js';
import { AREAS, QUICK_LINKS, SAVED_QUERIES, TICKET_TYPES } from './catalog.js';
import { buildKnowledgeBase, KB_SECTIONS } from './kb.js';
import { ACCOUNTS, DEMO_PASSWORD, INITIAL_PASSWORD, PARTNERS, SYSTEM_PARTNER_NAME, type PartnerKey } from './people.js';
import { generateBoards } from './plan.js';
import { Rng } from './prng.js';
import { generateTickets, type Person } from './tickets.js';

export { DEMO_ACCOUNTS, DEMO_PASSWORD, INITIAL_PASSWORD, type DemoAccount } from './people.js';

export interface SeedDeps {
  db: Db;
  clock: Clock;
  config: Config;
}

export interface SeedOptions {
  /** the PRNG seed; the same seed and the same clock give the same database */
  seed?: number;
}

export interface SeedSummary {
  accounts: number;
  businessPartners: number;
  tickets: number;
  positions: number;
  attachments: number;
  kbArticles: number;
  planBoards: number;
}

export const DEFAULT_SEED = 20260302;

/** The salt of a demo account's hash: derived from its e-mail, so hashes are reproducible. */
export function demoSalt(email: string): Uint8Array {
  return new Uint8Array(createHash('sha256').update(`helpdesk-portal demo salt\u0000${email}`).digest().subarray(0, 16));
}

const iso = (ms: number) => new Date(ms).toISOString();
const nameKey = (name: string) => name.toLowerCase().normalize('NFC');

async function insertMany<T extends keyof Database & string>(db: Db, table: T, rows: Insertable<Database[T]>[], chunk = 100) {
  for (let i = 0; i < rows.length; i += chunk) {
    await db
      .insertInto(table)
      .values(rows.slice(i, i + chunk) as never)
      .execute();
  }
}

/**
 * Fills an empty, migrated database (and `config.uploads.dir`) with the demo data set: the
 * accounts of DESIGN.md's demo data contract and their colleagues, ~200 tickets with consistent
 * histories, attachments, saved queries, quick links, the knowledge base and plan boards.
 *
 * Deterministic: every choice and every id comes from one seeded PRNG and every instant is
 * relative to `clock.now()`, so the same clock (and seed) gives identical tables and files.
 * One transaction; files are written after it committed.
 */
export async function seedDemo(deps: SeedDeps, opts: SeedOptions = {}): Promise<SeedSummary> {
  const { db, clock, config } = deps;
  const existing = await db.selectFrom('system_partner').select('id').limit(1).executeTakeFirst();
  if (existing) throw new Error('seedDemo: the database already has data; the demo seed needs an empty database');

  const root = new Rng(opts.seed ?? DEFAULT_SEED);
  const idRng = root.fork('ids');
  const peopleRng = root.fork('people');
  const ticketRng = root.fork('tickets');
  const kbRng = root.fork('kb');
  const planRng = root.fork('plan');
  const nowDate = clock.now();
  const now = nowDate.getTime();

  // --- partners and accounts -------------------------------------------------------------
  const spId = idRng.id();
  const spCreated = now - 420 * DAY;
  const bpIds = new Map<PartnerKey, string>();
  const bpRows: Insertable<Database['business_partner']>[] = PARTNERS.map((bp, i) => {
    const id = idRng.id();
    bpIds.set(bp.key, id);
    return { id, system_partner_id: spId, name: bp.name, created_at: iso(spCreated + (10 + i * 23) * DAY) };
  });

  const hashes = await Promise.all(
    ACCOUNTS.map((a) => hashPassword(a.initial ? INITIAL_PASSWORD : DEMO_PASSWORD, config.hashCost, demoSalt(a.email))),
  );

  const people: Person[] = [];
  const accountRows: Insertable<Database['account']>[] = [];
  const membershipRows: Insertable<Database['membership']>[] = [];
  ACCOUNTS.forEach((a, i) => {
    const id = idRng.id();
    const created = a.initial ? now - 2 * HOUR - peopleRng.int(0, 59) * MINUTE : now - peopleRng.int(190, 380) * DAY - peopleRng.int(0, 8 * 60) * MINUTE;
    const changed = a.initial ? null : Math.min(now - DAY, created + peopleRng.int(0, 150) * DAY + peopleRng.int(1, 60) * MINUTE);
    accountRows.push({
      id,
      system_partner_id: spId,
      kind: a.kind,
      email: a.email,
      name: a.name,
      locale: a.locale,
      password_hash: hashes[i]!,
      must_change_password: a.initial ? 1 : 0,
      password_expires_at: a.initial ? iso(created + 7 * DAY) : null,
      password_changed_at: changed === null ? null : iso(changed),
      notify_email: 1,
      disabled_at: null,
      created_at: iso(created),
      updated_at: iso(changed ?? created),
    });
    for (const m of a.memberships) {
      const d = roleDefaults[m.role];
      membershipRows.push({
        account_id: id,
        business_partner_id: bpIds.get(m.partner)!,
        role: m.role,
        can_write: d.canWrite ? 1 : 0,
        can_release: d.canRelease ? 1 : 0,
        created_at: iso(created),
      });
    }
    people.push({
      id,
      email: a.email,
      name: a.name,
      kind: a.kind,
      locale: a.locale,
      roles: Object.fromEntries(a.memberships.map((m) => [m.partner, m.role])),
      weight: a.weight ?? 1,
      initial: !!a.initial,
    });
  });
  const byEmail = new Map(people.map((p) => [p.email, p]));
  const agent = byEmail.get('alex.agent@servicedesk.example')!;

  // the pending invitation of the first-login account, with its e-mail in the outbox (logged)
  const invited = ACCOUNTS.find((a) => a.initial)!;
  const invitedRow = accountRows.find((r) => r.email === invited.email)!;
  const invitedPartner = PARTNERS.find((p) => p.key === invited.memberships[0]!.partner)!;
  const mail = invitationMail(invited.locale, {
    name: invited.name,
    email: invited.email,
    password: INITIAL_PASSWORD,
    signInUrl: new URL('/', config.publicUrl ?? 'http://localhost:8787').toString(),
    expiresAt: invitedRow.password_expires_at!,
    partnerName: invitedPartner.name,
  });

  // --- lookups, queries, links -----------------------------------------------------------
  const typeIds = new Map<string, string>();
  const typeRows = TICKET_TYPES.map((t, i) => {
    const id = idRng.id();
    typeIds.set(t.key, id);
    return { id, system_partner_id: spId, name_de: t.de, name_en: t.en, sort: (i + 1) * 10, active: 1 };
  });
  const areaIds = new Map<string, string>();
  const areaRows = AREAS.map((a, i) => {
    const id = idRng.id();
    areaIds.set(a.key, id);
    return { id, system_partner_id: spId, name_de: a.de, name_en: a.en, sort: (i + 1) * 10, active: 1 };
  });
  const queryRows: Insertable<Database['saved_query']>[] = SAVED_QUERIES.map((q, i) => ({
    id: idRng.id(),
    system_partner_id: spId,
    account_id: null,
    key: q.key,
    name_de: q.nameDe,
    name_en: q.nameEn,
    description_de: q.descriptionDe,
    description_en: q.descriptionEn,
    filter_json: JSON.stringify(q.filter),
    sort: (i + 1) * 10,
    created_at: iso(spCreated + DAY),
  }));
  const linkRows = QUICK_LINKS.map((l, i) => ({
    id: idRng.id(),
    system_partner_id: spId,
    label_de: l.de,
    label_en: l.en,
    url: l.url,
    sort: (i + 1) * 10,
  }));

  // --- tickets ----------------------------------------------------------------------------
  const tickets = generateTickets({ rng: ticketRng, now, partners: PARTNERS, people });
  const tagIds = new Map<string, { id: string; created: number }>();
  const tagRows: Insertable<Database['tag']>[] = [];
  const ticketTagRows: Insertable<Database['ticket_tag']>[] = [];
  for (const t of tickets) {
    for (const name of t.tags) {
      const key = `${t.partner}\u0000${nameKey(name)}`;
      let tag = tagIds.get(key);
      if (!tag) {
        tag = { id: idRng.id(), created: t.createdAt };
        tagIds.set(key, tag);
        tagRows.push({ id: tag.id, business_partner_id: bpIds.get(t.partner)!, name, name_key: nameKey(name), created_at: iso(t.createdAt) });
      }
      if (!ticketTagRows.some((r) => r.ticket_id === t.id && r.tag_id === tag!.id)) ticketTagRows.push({ ticket_id: t.id, tag_id: tag.id });
    }
  }
  const ticketRows: Insertable<Database['ticket']>[] = tickets.map((t) => ({
    id: t.id,
    number: t.number,
    system_partner_id: spId,
    business_partner_id: bpIds.get(t.partner)!,
    author_id: t.authorId,
    subject: t.subject,
    description_html: t.html,
    description_text: t.text,
    reference_no: t.referenceNo,
    type_id: typeIds.get(t.type)!,
    area_id: areaIds.get(t.area)!,
    urgency: t.urgency,
    impact: t.impact,
    priority: t.priority,
    private: t.private ? 1 : 0,
    status: t.status,
    released_at: t.releasedAt === null ? null : iso(t.releasedAt),
    released_by: t.releasedBy,
    closed_at: t.closedAt === null ? null : iso(t.closedAt),
    closed_reason: t.closedReason,
    assignee_id: t.assigneeId,
    created_at: iso(t.createdAt),
    updated_at: iso(t.updatedAt),
    version: t.positions.length,
  }));
  const positionRows: Insertable<Database['position']>[] = tickets.flatMap((t) =>
    t.positions.map((p) => ({
      id: p.id,
      ticket_id: t.id,
      author_id: p.authorId,
      kind: p.kind,
      event: p.event,
      data_json: p.data ? JSON.stringify(p.data) : null,
      body_html: p.html,
      body_text: p.text,
      internal: p.internal ? 1 : 0,
      created_at: iso(p.at),
    })),
  );
  const attachmentRows: Insertable<Database['attachment']>[] = tickets.flatMap((t) =>
    t.attachments.map((a) => ({
      id: a.id,
      ticket_id: t.id,
      position_id: a.positionId,
      uploaded_by: a.uploadedBy,
      business_partner_id: bpIds.get(t.partner)!,
      file_name: a.file.fileName,
      content_type: a.file.contentType,
      size: a.file.bytes.length,
      sha256: a.sha256,
      storage_key: a.storageKey,
      internal: a.internal ? 1 : 0,
      created_at: iso(a.at),
    })),
  );
  const decisionRows: Insertable<Database['release_decision']>[] = tickets.flatMap((t) =>
    t.decisions.map((d) => ({ id: d.id, ticket_id: t.id, dispatcher_id: d.dispatcherId, decision: d.decision, reason: d.reason, created_at: iso(d.at) })),
  );

  // --- knowledge base ---------------------------------------------------------------------
  const sectionIds = new Map<string, string>();
  const sectionRows = KB_SECTIONS.map((s, i) => {
    const id = idRng.id();
    sectionIds.set(s.key, id);
    const created = iso(spCreated + (30 + i) * DAY);
    return { id, system_partner_id: spId, name_de: s.de, name_en: s.en, sort: (i + 1) * 10, created_at: created, updated_at: created };
  });
  const articles = buildKnowledgeBase();
  const articleRows: Insertable<Database['kb_article']>[] = [];
  const shareRows: Insertable<Database['kb_share']>[] = [];
  for (const a of articles) {
    const id = idRng.id();
    const created = now - a.ageDays * DAY - kbRng.int(0, 8 * 60) * MINUTE;
    const updated = Math.max(created, now - a.updatedDaysAgo * DAY - kbRng.int(0, 8 * 60) * MINUTE);
    articleRows.push({
      id,
      section_id: sectionIds.get(a.section)!,
      language: a.language,
      title: a.title,
      body_html: a.html,
      body_text: a.text,
      attribution_html: a.attribution,
      author_id: kbRng.chance(0.6) ? agent.id : byEmail.get('miriam.sommer@servicedesk.example')!.id,
      created_at: iso(created),
      updated_at: iso(updated),
      version: updated > created ? kbRng.int(2, 5) : 1,
    });
    for (const partner of a.shares) {
      shareRows.push({ article_id: id, business_partner_id: bpIds.get(partner)!, created_at: iso(Math.min(now - HOUR, created + kbRng.int(1, 10) * DAY)) });
    }
  }

  // --- plan boards ------------------------------------------------------------------------
  const boards = generateBoards(planRng, now, tickets);

  // --- write ------------------------------------------------------------------------------
  await db.transaction().execute(async (trx) => {
    await trx.insertInto('system_partner').values({ id: spId, name: SYSTEM_PARTNER_NAME, settings_json: '{}', created_at: iso(spCreated) }).execute();
    await insertMany(trx, 'business_partner', bpRows);
    await insertMany(trx, 'account', accountRows);
    await insertMany(trx, 'membership', membershipRows);
    await trx
      .insertInto('invitation')
      .values({ id: idRng.id(), account_id: invitedRow.id, invited_by: agent.id, created_at: invitedRow.created_at!, expires_at: invitedRow.password_expires_at!, accepted_at: null })
      .execute();
    await trx
      .insertInto('outbox')
      .values({
        id: idRng.id(),
        account_id: invitedRow.id,
        to_address: invited.email,
        kind: 'invitation',
        subject: mail.subject,
        text_body: mail.text,
        html_body: mail.html,
        ticket_id: null,
        status: 'logged',
        attempts: 1,
        next_attempt_at: null,
        last_error: null,
        created_at: invitedRow.created_at!,
        sent_at: invitedRow.created_at!,
      })
      .execute();
    await insertMany(trx, 'ticket_type', typeRows);
    await insertMany(trx, 'area', areaRows);
    await insertMany(trx, 'saved_query', queryRows);
    await insertMany(trx, 'quick_link', linkRows);
    await insertMany(trx, 'tag', tagRows);
    await insertMany(trx, 'ticket', ticketRows);
    await insertMany(trx, 'ticket_tag', ticketTagRows);
    await insertMany(trx, 'position', positionRows);
    await insertMany(trx, 'attachment', attachmentRows);
    await insertMany(trx, 'release_decision', decisionRows);
    await insertMany(trx, 'kb_section', sectionRows);
    await insertMany(trx, 'kb_article', articleRows);
    await insertMany(trx, 'kb_share', shareRows);
    for (const b of boards) {
      await trx
        .insertInto('plan_board')
        .values({
          id: b.id,
          system_partner_id: spId,
          business_partner_id: bpIds.get(b.partner)!,
          title: b.title,
          description: b.description,
          created_by: agent.id,
          created_at: iso(b.createdAt),
          updated_at: iso(b.updatedAt),
        })
        .execute();
      await insertMany(trx, 'plan_column', b.columns.map((c) => ({ id: c.id, board_id: b.id, title: c.title, sort: c.sort })));
      await insertMany(
        trx,
        'plan_member',
        b.members.map((m) => ({ board_id: b.id, account_id: byEmail.get(m.email)!.id, role: m.role, created_at: iso(m.createdAt) })),
      );
      await insertMany(
        trx,
        'plan_activity',
        b.activities.map((a) => ({
          id: a.id,
          board_id: b.id,
          column_id: a.columnId,
          title: a.title,
          description: a.description,
          start_date: a.startDate,
          end_date: a.endDate,
          duration_hours: a.durationHours,
          priority: a.priority,
          ticket_id: a.ticketId,
          sort: a.sort,
          created_at: iso(a.createdAt),
          updated_at: iso(a.updatedAt),
          version: a.version,
        })),
      );
    }
    for (const t of tickets) await indexTicket(trx, t.id);
    for (const a of articleRows) await indexArticle(trx, a.id);
  });

  mkdirSync(config.uploads.dir, { recursive: true });
  for (const t of tickets) {
    for (const a of t.attachments) writeFileSync(join(config.uploads.dir, a.storageKey), a.file.bytes);
  }

  return {
    accounts: accountRows.length,
    businessPartners: bpRows.length,
    tickets: tickets.length,
    positions: positionRows.length,
    attachments: attachmentRows.length,
    kbArticles: articleRows.length,
    planBoards: boards.length,
  };
}
