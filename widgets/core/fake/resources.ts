/**
 * The resource half of the in-memory fake (api-resources.ts): tickets, uploads, attachments,
 * lookups, queries, preferences, dashboard, knowledge base, plan boards — over `FakeWorld`, with
 * the server's own access rules (server/schemas/ticket-policy.ts) and priority matrix, the same
 * status and error codes, and the same list shapes. Good enough that a widget cannot tell.
 */
import {
  canSeeTicket,
  creationRights,
  membershipIn,
  ticketAbilities,
  type TicketFacts,
} from '../../../server/schemas/ticket-policy.js';
import type { Actor } from '../../../server/domain/actor.js';
import { defaultPriorityMatrix, derivePriority } from '../../../server/schemas/priority.js';
import { openStatuses, type TicketStatus } from '../../../server/schemas/tickets.js';
import type { ErrorCode, ValidationIssue } from '../../../server/schemas/errors.js';
import { ApiError, type ClientErrorCode, type Locale, type RequestOptions } from '../api.js';
import type {
  ActivityDto,
  AttachmentDto,
  Dashboard,
  KbArticle,
  KbArticleListItem,
  PlanBoard,
  PositionDto,
  ResourceApis,
  Segment,
  TicketDetail,
  TicketListItem,
  TicketListQuery,
  UploadItem,
} from '../api-resources.js';
import { samplePngDataUrl, type FakeAttachment, type FakeTicket, type FakeWorld } from './world.js';

export type FakeResourceMethod =
  | 'tickets.list' | 'tickets.get' | 'tickets.create' | 'tickets.positions' | 'tickets.addPosition'
  | 'tickets.close' | 'tickets.reopen' | 'tickets.release' | 'tickets.reject' | 'tickets.update' | 'tickets.resubmit' | 'tickets.upload'
  | 'uploads.upload' | 'uploads.remove' | 'attachments.url'
  | 'lookups.types' | 'lookups.areas' | 'lookups.partners' | 'lookups.priorityMatrix' | 'lookups.tags'
  | 'queries.list' | 'queries.create' | 'queries.remove' | 'prefs.get' | 'prefs.set'
  | 'dashboard.get' | 'kb.sections' | 'kb.languages' | 'kb.articles' | 'kb.article'
  | 'plan.boards' | 'plan.board' | 'plan.patchActivity';

/** What the resource fakes need from FakeApi. */
export interface FakeCore {
  world: FakeWorld;
  call<T>(method: FakeResourceMethod, input: unknown, options: RequestOptions | undefined, run: () => T | Promise<T>): Promise<T>;
  /** the session's account as the policy sees it (401/403 like the server otherwise) */
  actor(): Actor;
  locale(): Locale;
  error(code: ErrorCode | ClientErrorCode, message: string, details?: ApiError['details']): ApiError;
  invalid(issues: ValidationIssue[], message?: string): ApiError;
  now(): number;
  /** per-file size limit of uploads (bytes) */
  maxFileBytes: number;
}

let seq = 0;
const nextId = (prefix: string) => `${prefix}-${Date.now().toString(36)}${(++seq).toString(36)}`;
const iso = (ms: number) => new Date(ms).toISOString();

function facts(t: FakeTicket): TicketFacts {
  return {
    system_partner_id: 'sp-servicedesk',
    business_partner_id: t.businessPartnerId,
    author_id: t.authorId,
    private: t.private,
    status: t.status,
    released_at: t.releasedAt,
  };
}

function fold(s: string): string {
  return s.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase().replace(/ß/g, 'ss');
}

function textOf(html: string): string {
  return html.replace(/<[^>]*>/g, ' ').replace(/&nbsp;/g, ' ').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&').replace(/\s+/g, ' ').trim();
}

function highlight(text: string, q: string): Segment[] {
  const terms = fold(q).split(/\s+/).filter(Boolean);
  if (!terms.length) return [{ text, match: false }];
  const lower = fold(text);
  const marks = new Array<boolean>(text.length).fill(false);
  for (const term of terms) {
    let from = 0;
    for (;;) {
      const at = lower.indexOf(term, from);
      if (at < 0) break;
      for (let k = at; k < at + term.length && k < text.length; k++) marks[k] = true;
      from = at + 1;
    }
  }
  const out: Segment[] = [];
  for (let k = 0; k < text.length; k++) {
    const last = out[out.length - 1];
    if (last && last.match === marks[k]) last.text += text[k];
    else out.push({ text: text[k]!, match: marks[k]! });
  }
  return out;
}

/** Like the server's snippet (server/domain/highlight.ts): ~`width` characters around the first match. */
function snippet(text: string, q: string, width = 180): Segment[] {
  const terms = fold(q).split(/\s+/).filter(Boolean);
  const folded = fold(text);
  const first = terms.map((t) => folded.indexOf(t)).filter((i) => i >= 0).sort((a, b) => a - b)[0];
  let start = first === undefined ? 0 : Math.max(0, first - Math.floor(width / 3));
  if (start > 0) {
    const space = text.indexOf(' ', start);
    if (space > 0 && space < first!) start = space + 1;
  }
  let end = Math.min(text.length, start + width);
  if (end < text.length) {
    const space = text.lastIndexOf(' ', end);
    if (space > start + width / 2) end = space;
  }
  const segs = highlight(text.slice(start, end), q);
  if (start > 0) segs.unshift({ text: '… ', match: false });
  if (end < text.length) segs.push({ text: ' …', match: false });
  return segs;
}

const rank: Record<string, number> = { awaiting_release: 0, release_rejected: 1, new: 2, in_progress: 3, waiting_for_customer: 4, resolved: 5, closed: 6, low: 0, medium: 1, high: 2, critical: 3 };
const defaultDir: Record<string, 'asc' | 'desc'> = { updatedAt: 'desc', createdAt: 'desc', number: 'desc', priority: 'desc' };

export function createFakeResources(core: FakeCore): ResourceApis {
  const w = core.world;
  const name = (id: string | null) => (id ? w.people.get(id)?.name ?? id : '');
  const typeName = (id: string, l: Locale) => {
    const x = w.types.find((t) => t.id === id);
    return x ? x[l] : id;
  };
  const areaName = (id: string, l: Locale) => {
    const x = w.areas.find((t) => t.id === id);
    return x ? x[l] : id;
  };
  const partnerName = (id: string) => w.partners.find((p) => p.id === id)?.name ?? id;

  /** Search like the server's: every term somewhere in number, subject, reference, texts or tags (never internal notes). */
  const matches = (t: FakeTicket, q: string) => {
    const terms = fold(q).split(/\s+/).filter(Boolean);
    const hay = fold([`#${t.number}`, t.subject, t.referenceNo ?? '', textOf(t.descriptionHtml), ...t.tags, ...w.positions.filter((p) => p.ticketId === t.id && !p.internal).map((p) => textOf(p.bodyHtml))].join(' '));
    return terms.every((term) => hay.includes(term));
  };

  const listItem = (t: FakeTicket, l: Locale): TicketListItem => ({
    id: t.id,
    number: t.number,
    subject: t.subject,
    status: t.status,
    priority: t.priority,
    urgency: t.urgency,
    impact: t.impact,
    private: t.private,
    referenceNo: t.referenceNo,
    type: { id: t.typeId, name: typeName(t.typeId, l) },
    area: { id: t.areaId, name: areaName(t.areaId, l) },
    businessPartner: { id: t.businessPartnerId, name: partnerName(t.businessPartnerId) },
    author: { id: t.authorId, name: name(t.authorId) },
    tags: [...t.tags].sort((a, b) => a.localeCompare(b)),
    createdAt: t.createdAt,
    updatedAt: t.updatedAt,
    releasedAt: t.releasedAt,
    closedAt: t.closedAt,
  });

  const attachmentDto = (a: FakeAttachment, agent: boolean): AttachmentDto => ({
    id: a.id,
    fileName: a.fileName,
    contentType: a.contentType,
    size: a.size,
    createdAt: a.createdAt,
    uploadedBy: { id: a.uploadedBy, name: name(a.uploadedBy) },
    positionId: a.positionId,
    url: `/api/attachments/${a.id}`,
    previewable: ['image/png', 'image/jpeg', 'image/gif', 'image/webp'].includes(a.contentType),
    ...(agent ? { internal: a.internal } : {}),
  });

  const visibleTicket = (id: string): FakeTicket => {
    const actor = core.actor();
    const t = w.tickets.find((x) => x.id === id);
    if (!t || !canSeeTicket(actor, facts(t))) throw core.error('not_found', 'Ticket not found');
    return t;
  };

  const detail = (t: FakeTicket): TicketDetail => {
    const actor = core.actor();
    const { agentWork: _a, ...abilities } = ticketAbilities(actor, facts(t));
    const agent = actor.kind === 'agent';
    return {
      ...listItem(t, core.locale()),
      descriptionHtml: t.descriptionHtml,
      closedReason: t.closedReason,
      version: t.version,
      abilities,
      attachments: w.attachments.filter((a) => a.ticketId === t.id && (agent || !a.internal)).map((a) => attachmentDto(a, agent)),
    };
  };

  const touch = (t: FakeTicket) => {
    t.updatedAt = iso(Math.max(core.now(), new Date(t.updatedAt).getTime() + 1));
    t.version++;
  };

  const history = (t: FakeTicket, p: Omit<PositionDto, 'id' | 'attachments' | 'author'> & { authorId: string | null }) => {
    const id = nextId('pos');
    w.positions.push({ id, ticketId: t.id, authorId: p.authorId, kind: p.kind, event: p.event, data: p.data, bodyHtml: p.bodyHtml, internal: false, createdAt: p.createdAt });
    return id;
  };

  const reasonIssue = (reason: string, min: number): ValidationIssue[] =>
    reason.trim().length < min ? [{ path: 'reason', message: `The reason must have at least ${min} characters` }] : [];

  const storeFiles = (files: File[], ticketId: string | null): UploadItem[] => {
    const actor = core.actor();
    if (files.length === 0) throw core.invalid([{ path: 'file', message: 'Choose at least one file' }], 'Choose at least one file');
    return files.map((f) => {
      if (f.size === 0) return { fileName: f.name, ok: false, error: { code: 'validation_failed', message: `${f.name} is empty` } };
      if (f.size > core.maxFileBytes) {
        return { fileName: f.name, ok: false, error: { code: 'payload_too_large', message: `${f.name} is larger than the limit of ${Math.round(core.maxFileBytes / 1024 / 1024)} MB per file` } };
      }
      const image = /^image\/(png|jpeg|gif|webp)$/.test(f.type);
      const a: FakeAttachment = {
        // like the server's ids (lowercase letters and digits): rich text may show it as <img>
        id: nextId('att').replace('-', ''),
        ticketId,
        positionId: null,
        uploadedBy: actor.accountId,
        fileName: f.name,
        contentType: image ? f.type : f.type.startsWith('text/') ? 'text/plain' : 'application/octet-stream',
        size: f.size,
        createdAt: iso(core.now()),
        internal: false,
        dataUrl: image ? URL.createObjectURL(f) : `data:text/plain;charset=utf-8,${encodeURIComponent(f.name)}`,
      };
      w.attachments.push(a);
      return {
        fileName: f.name,
        ok: true,
        attachment: { id: a.id, fileName: a.fileName, contentType: a.contentType, size: a.size, url: `/api/attachments/${a.id}`, previewable: image, createdAt: a.createdAt },
      };
    });
  };

  const claim = (ids: string[] | undefined, ticketId: string, positionId: string | null) => {
    const actor = core.actor();
    for (const id of ids ?? []) {
      const a = w.attachments.find((x) => x.id === id && x.uploadedBy === actor.accountId && x.ticketId === null);
      if (!a) throw core.invalid([{ path: 'attachmentIds', message: 'An attachment is unknown or already used; upload it again' }]);
      a.ticketId = ticketId;
      a.positionId = positionId;
    }
  };

  const withProgress = async (files: File[], o: { onProgress?: (l: number, t: number) => void } | undefined) => {
    const total = files.reduce((s, f) => s + f.size, 0) || 1;
    o?.onProgress?.(Math.round(total / 2), total);
    o?.onProgress?.(total, total);
  };

  const activityDto = (a: FakeWorld['activities'][number]): ActivityDto => {
    const actor = core.actor();
    const t = a.ticketId ? w.tickets.find((x) => x.id === a.ticketId) : undefined;
    const accessible = !!t && canSeeTicket(actor, facts(t));
    return {
      id: a.id,
      boardId: a.boardId,
      title: a.title,
      description: a.description,
      startDate: a.startDate,
      endDate: a.endDate,
      durationHours: a.durationHours,
      priority: a.priority,
      columnId: a.columnId,
      position: a.sort,
      ...(t && accessible ? { ticketId: t.id } : {}),
      ...(t ? { ticket: accessible ? { number: t.number, accessible, id: t.id, subject: t.subject } : { number: t.number, accessible } } : {}),
      createdAt: a.createdAt,
      updatedAt: a.updatedAt,
      version: a.version,
    };
  };

  const boardRole = (boardId: string): 'observer' | 'editor' | null => {
    const actor = core.actor();
    if (!w.boards.some((b) => b.id === boardId)) return null;
    if (actor.kind === 'agent') return 'editor';
    return w.members.find((m) => m.boardId === boardId && m.accountId === actor.accountId)?.role ?? null;
  };

  const kbVisible = (articleId: string) => {
    const actor = core.actor();
    if (actor.kind === 'agent') return true;
    const mine = actor.memberships.map((m) => m.businessPartnerId);
    return w.kbShares.some((s) => s.articleId === articleId && mine.includes(s.businessPartnerId));
  };
  const kbMatches = (a: FakeWorld['kbArticles'][number], q: string) => {
    const terms = fold(q).split(/\s+/).filter(Boolean);
    const hay = fold(`${a.title} ${textOf(a.bodyHtml)}`);
    return terms.every((t) => hay.includes(t));
  };

  return {
    tickets: {
      list: (query: TicketListQuery, o) =>
        core.call('tickets.list', query, o, () => {
          const actor = core.actor();
          const l = core.locale();
          let list = w.tickets.filter((t) => canSeeTicket(actor, facts(t)));
          if (query.query) {
            const saved = w.queries.find((x) => (x.id === query.query || x.key === query.query) && (x.accountId === null || x.accountId === actor.accountId));
            if (!saved) throw core.error('not_found', 'Query not found');
            const f = saved.filter as { statuses?: string[]; authorIsMe?: boolean; priorities?: string[]; closedWithinDays?: number; typeIds?: string[]; q?: string };
            if (f.statuses?.length) list = list.filter((t) => f.statuses!.includes(t.status));
            if (f.authorIsMe) list = list.filter((t) => t.authorId === actor.accountId);
            if (f.priorities?.length) list = list.filter((t) => f.priorities!.includes(t.priority));
            if (f.typeIds?.length) list = list.filter((t) => f.typeIds!.includes(t.typeId));
            if (f.closedWithinDays) list = list.filter((t) => t.closedAt && new Date(t.closedAt).getTime() >= core.now() - f.closedWithinDays! * 86_400_000);
            if (f.q?.trim()) list = list.filter((t) => matches(t, f.q!));
          }
          if (query.status?.length) list = list.filter((t) => query.status!.includes(t.status));
          if (query.type?.length) list = list.filter((t) => query.type!.includes(t.typeId));
          if (query.priority?.length) list = list.filter((t) => query.priority!.includes(t.priority));
          if (query.partner) list = list.filter((t) => t.businessPartnerId === query.partner);
          if (query.q?.trim()) list = list.filter((t) => matches(t, query.q!));
          const sort = query.sort ?? 'updatedAt';
          const dir = query.dir ?? defaultDir[sort] ?? 'asc';
          const key = (t: FakeTicket): string | number =>
            sort === 'updatedAt' ? t.updatedAt : sort === 'createdAt' ? t.createdAt : sort === 'number' ? t.number : sort === 'subject' ? t.subject.toLowerCase()
              : sort === 'status' ? rank[t.status]! : sort === 'priority' ? rank[t.priority]! : sort === 'type' ? typeName(t.typeId, l) : sort === 'author' ? name(t.authorId).toLowerCase() : partnerName(t.businessPartnerId).toLowerCase();
          list = [...list].sort((a, b) => {
            const ka = key(a);
            const kb = key(b);
            const c = ka < kb ? -1 : ka > kb ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
            return dir === 'asc' ? c : -c;
          });
          const page = query.page ?? 1;
          const pageSize = query.pageSize ?? 25;
          return { items: list.slice((page - 1) * pageSize, page * pageSize).map((t) => listItem(t, l)), total: list.length, page, pageSize, sort, dir };
        }),
      get: (id, o) => core.call('tickets.get', { id }, o, () => detail(visibleTicket(id))),
      create: (input, o) =>
        core.call('tickets.create', input, o, () => {
          const actor = core.actor();
          const writable = actor.memberships.filter((m) => m.canWrite);
          if (actor.kind !== 'customer' || writable.length === 0) throw core.error('forbidden', 'Your permission group may not create tickets');
          const issues: ValidationIssue[] = [];
          const subject = input.subject.trim();
          if (subject.length < 3) issues.push({ path: 'subject', message: 'The subject must have at least 3 characters' });
          else if (!/[\p{L}\p{N}]/u.test(subject)) issues.push({ path: 'subject', message: 'The subject must contain letters or digits' });
          if (subject.length > 200) issues.push({ path: 'subject', message: 'The subject must have at most 200 characters' });
          const bp = input.businessPartnerId ?? (writable.length === 1 ? writable[0]!.businessPartnerId : undefined);
          if (!bp) issues.push({ path: 'businessPartnerId', message: 'Choose the business partner this ticket is for' });
          if (!w.types.some((t) => t.id === input.typeId)) issues.push({ path: 'typeId', message: 'Unknown ticket type' });
          if (!w.areas.some((t) => t.id === input.areaId)) issues.push({ path: 'areaId', message: 'Unknown area' });
          if (issues.length) throw core.invalid(issues);
          if (!membershipIn(actor, bp!)) throw core.invalid([{ path: 'businessPartnerId', message: 'You do not belong to this business partner' }]);
          const rights = creationRights(actor, bp!);
          if (!rights.create) throw core.error('forbidden', 'Your permission group may not create tickets for this business partner');
          const released = input.release && rights.releaseAtCreation;
          const now = iso(core.now());
          const t: FakeTicket = {
            id: nextId('t'),
            number: w.nextNumber++,
            businessPartnerId: bp!,
            authorId: actor.accountId,
            subject,
            descriptionHtml: input.description,
            referenceNo: input.referenceNo?.trim() || null,
            typeId: input.typeId,
            areaId: input.areaId,
            urgency: input.urgency,
            impact: input.impact,
            priority: derivePriority(input.urgency, input.impact),
            private: input.private,
            status: released ? 'new' : 'awaiting_release',
            releasedAt: released ? now : null,
            closedAt: null,
            closedReason: null,
            createdAt: now,
            updatedAt: now,
            version: 1,
            tags: [...new Map(input.tags.map((x) => [x.trim().toLowerCase(), x.trim()])).values()].filter(Boolean),
          };
          w.tickets.push(t);
          claim(input.attachmentIds, t.id, null);
          history(t, { authorId: actor.accountId, kind: 'system', event: 'created', data: null, bodyHtml: '', createdAt: now });
          history(t, { authorId: actor.accountId, kind: 'system', event: released ? 'released' : 'submitted_for_release', data: released ? { onCreation: true } : null, bodyHtml: '', createdAt: now });
          return detail(t);
        }),
      positions: (id, o) =>
        core.call('tickets.positions', { id }, o, () => {
          const t = visibleTicket(id);
          const agent = core.actor().kind === 'agent';
          return w.positions
            .filter((p) => p.ticketId === t.id && (agent || !p.internal))
            .map((p) => ({
              id: p.id,
              kind: p.kind,
              event: p.event,
              data: p.data,
              bodyHtml: p.bodyHtml,
              author: p.authorId ? { id: p.authorId, name: name(p.authorId), kind: w.people.get(p.authorId)?.kind ?? 'customer' } : null,
              createdAt: p.createdAt,
              attachments: w.attachments.filter((a) => a.positionId === p.id).map((a) => attachmentDto(a, agent)),
              ...(agent ? { internal: p.internal } : {}),
            }));
        }),
      addPosition: (id, input, o) =>
        core.call('tickets.addPosition', { id, ...input }, o, () => {
          const actor = core.actor();
          const t = visibleTicket(id);
          const can = ticketAbilities(actor, facts(t));
          if (!can.comment) {
            if (t.status === 'closed' && membershipIn(actor, t.businessPartnerId)?.canWrite) throw core.error('conflict', 'The ticket is closed; reopen it to add a position');
            throw core.error('forbidden', 'Your permission group may not write positions');
          }
          if (!textOf(input.body) && !/<img/i.test(input.body) && !(input.attachmentIds?.length)) throw core.invalid([{ path: 'body', message: 'Write a text or attach a file' }]);
          const now = iso(core.now());
          const pid = history(t, { authorId: actor.accountId, kind: 'customer', event: null, data: null, bodyHtml: input.body, createdAt: now });
          claim(input.attachmentIds, t.id, pid);
          if (t.status === 'waiting_for_customer') {
            history(t, { authorId: actor.accountId, kind: 'system', event: 'status_changed', data: { from: t.status, to: 'in_progress' }, bodyHtml: '', createdAt: now });
            t.status = 'in_progress';
          }
          touch(t);
          const p = w.positions.find((x) => x.id === pid)!;
          return {
            id: p.id, kind: p.kind, event: null, data: null, bodyHtml: p.bodyHtml,
            author: { id: actor.accountId, name: name(actor.accountId), kind: 'customer' as const },
            createdAt: p.createdAt,
            attachments: w.attachments.filter((a) => a.positionId === pid).map((a) => attachmentDto(a, false)),
          };
        }),
      close: (id, input, o) =>
        core.call('tickets.close', { id, ...input }, o, () => {
          const actor = core.actor();
          const t = visibleTicket(id);
          const issues = reasonIssue(input.reason, 10);
          if (issues.length) throw core.invalid(issues);
          if (!membershipIn(actor, t.businessPartnerId)?.canWrite) throw core.error('forbidden', 'Your permission group may not close tickets');
          if (!ticketAbilities(actor, facts(t)).close) throw core.error('conflict', t.status === 'closed' ? 'The ticket is already closed' : 'The ticket cannot be closed in its current state');
          const now = iso(core.now());
          history(t, { authorId: actor.accountId, kind: 'system', event: 'closed', data: { from: t.status, reason: input.reason.trim() }, bodyHtml: '', createdAt: now });
          t.status = 'closed';
          t.closedAt = now;
          t.closedReason = input.reason.trim();
          touch(t);
          return detail(t);
        }),
      reopen: (id, input, o) =>
        core.call('tickets.reopen', { id, ...input }, o, () => {
          const actor = core.actor();
          const t = visibleTicket(id);
          const issues = reasonIssue(input.reason, 3);
          if (issues.length) throw core.invalid(issues);
          if (!membershipIn(actor, t.businessPartnerId)?.canWrite) throw core.error('forbidden', 'Your permission group may not reopen tickets');
          if (!ticketAbilities(actor, facts(t)).reopen) throw core.error('conflict', 'Only closed or resolved tickets can be reopened');
          history(t, { authorId: actor.accountId, kind: 'system', event: 'reopened', data: { from: t.status, reason: input.reason.trim() }, bodyHtml: '', createdAt: iso(core.now()) });
          t.status = 'in_progress';
          t.closedAt = null;
          t.closedReason = null;
          touch(t);
          return detail(t);
        }),
      release: (id, input, o) => core.call('tickets.release', { id, ...input }, o, () => decide(id, 'released', input.reason)),
      reject: (id, input, o) => core.call('tickets.reject', { id, ...input }, o, () => decide(id, 'rejected', input.reason)),
      update: (id, input, o) =>
        core.call('tickets.update', { id, ...input }, o, () => {
          const actor = core.actor();
          const t = visibleTicket(id);
          if (t.authorId !== actor.accountId) throw core.error('forbidden', 'Only the author can revise a ticket');
          if (!ticketAbilities(actor, facts(t)).resubmit) throw core.error('conflict', 'Only a ticket whose release was rejected can be revised');
          if (t.version !== input.version) throw core.error('conflict', 'The ticket changed meanwhile; reload it');
          if (input.subject !== undefined && input.subject.trim().length < 3) throw core.invalid([{ path: 'subject', message: 'The subject must have at least 3 characters' }]);
          const fields: string[] = [];
          const set = <K extends keyof FakeTicket>(k: K, v: FakeTicket[K], name: string) => {
            if (v !== undefined && JSON.stringify(v) !== JSON.stringify(t[k])) {
              t[k] = v;
              fields.push(name);
            }
          };
          if (input.subject !== undefined) set('subject', input.subject.trim(), 'subject');
          if (input.description !== undefined) set('descriptionHtml', input.description, 'description');
          if (input.tags !== undefined) set('tags', input.tags, 'tags');
          if (input.referenceNo !== undefined) set('referenceNo', input.referenceNo?.trim() || null, 'referenceNo');
          if (input.typeId !== undefined) set('typeId', input.typeId, 'typeId');
          if (input.areaId !== undefined) set('areaId', input.areaId, 'areaId');
          if (input.private !== undefined) set('private', input.private, 'private');
          if (input.urgency !== undefined || input.impact !== undefined) {
            t.urgency = input.urgency ?? t.urgency;
            t.impact = input.impact ?? t.impact;
            set('priority', derivePriority(t.urgency, t.impact), 'priority');
          }
          if (fields.length) {
            history(t, { authorId: actor.accountId, kind: 'system', event: 'revised', data: { fields }, bodyHtml: '', createdAt: iso(core.now()) });
            touch(t);
          }
          return detail(t);
        }),
      resubmit: (id, input, o) =>
        core.call('tickets.resubmit', { id, ...input }, o, () => {
          const actor = core.actor();
          const t = visibleTicket(id);
          if (t.authorId !== actor.accountId) throw core.error('forbidden', 'Only the author can resubmit a rejected ticket');
          if (!ticketAbilities(actor, facts(t)).resubmit) throw core.error('conflict', 'Only a rejected ticket can be resubmitted');
          history(t, { authorId: actor.accountId, kind: 'system', event: 'resubmitted', data: input.comment ? { comment: input.comment } : null, bodyHtml: '', createdAt: iso(core.now()) });
          t.status = 'awaiting_release';
          touch(t);
          return detail(t);
        }),
      upload: (id, files, o) =>
        core.call('tickets.upload', { id, files: files.map((f) => f.name) }, o, async () => {
          const actor = core.actor();
          const t = visibleTicket(id);
          if (!membershipIn(actor, t.businessPartnerId)?.canWrite) throw core.error('forbidden', 'Your permission group may not upload files');
          if (t.status === 'closed') throw core.error('conflict', 'The ticket is closed; reopen it to add files');
          await withProgress(files, o);
          const items = storeFiles(files, t.id);
          const stored = items.filter((i) => i.ok);
          if (stored.length) {
            // like the server: one history line naming the files, and a newer update time
            history(t, { authorId: actor.accountId, kind: 'system', event: 'attachments_added', data: { files: stored.map((i) => i.fileName) }, bodyHtml: '', createdAt: iso(core.now()) });
            touch(t);
          }
          if (!stored.length) {
            const tooLarge = items.find((i) => i.error?.code === 'payload_too_large');
            if (tooLarge) throw core.error('payload_too_large', tooLarge.error!.message, { limit: core.maxFileBytes, items });
            throw core.error('validation_failed', items[0]?.error?.message ?? 'No file could be stored', {
              issues: items.map((i, n) => ({ path: `file.${n}`, message: i.error?.message ?? 'The file could not be stored' })),
              items,
            });
          }
          return items;
        }),
    },
    uploads: {
      upload: (files, o) =>
        core.call('uploads.upload', { files: files.map((f) => f.name) }, o, async () => {
          await withProgress(files, o);
          return storeFiles(files, null);
        }),
      remove: (id, o) =>
        core.call('uploads.remove', { id }, o, () => {
          const actor = core.actor();
          const i = w.attachments.findIndex((a) => a.id === id && a.uploadedBy === actor.accountId && a.ticketId === null);
          if (i < 0) throw core.error('not_found', 'Upload not found');
          w.attachments.splice(i, 1);
        }),
    },
    attachments: {
      url: (id, o) =>
        core.call('attachments.url', { id }, o, () => {
          const actor = core.actor();
          const a = w.attachments.find((x) => x.id === id);
          const t = a?.ticketId ? w.tickets.find((x) => x.id === a.ticketId) : undefined;
          const ok = a && (a.ticketId === null ? a.uploadedBy === actor.accountId : !!t && canSeeTicket(actor, facts(t)) && (!a.internal || actor.kind === 'agent'));
          if (!ok) throw core.error('not_found', 'Attachment not found');
          return a!.dataUrl || samplePngDataUrl;
        }),
      release: () => {},
    },
    lookups: {
      types: (o) =>
        core.call('lookups.types', undefined, o, () => {
          const actor = core.actor();
          const mine = actor.memberships.map((m) => m.businessPartnerId);
          const l = core.locale();
          return w.types
            .map((t, sort) => ({ id: t.id, name: t[l], usage: w.tickets.filter((x) => x.typeId === t.id && mine.includes(x.businessPartnerId)).length, sort }))
            .sort((a, b) => b.usage - a.usage || a.sort - b.sort)
            .map(({ sort: _s, ...t }) => t);
        }),
      areas: (o) => core.call('lookups.areas', undefined, o, () => w.areas.map((a) => ({ id: a.id, name: a[core.locale()] }))),
      partners: (o) =>
        core.call('lookups.partners', undefined, o, () =>
          core.actor().memberships.map((m) => ({ id: m.businessPartnerId, name: m.businessPartnerName, role: m.role, canWrite: m.canWrite, canRelease: m.canRelease })),
        ),
      priorityMatrix: (o) => core.call('lookups.priorityMatrix', undefined, o, () => defaultPriorityMatrix),
      tags: (input, o) =>
        core.call('lookups.tags', input, o, () => {
          const actor = core.actor();
          const key = input.prefix.trim().toLowerCase();
          const counts = new Map<string, { name: string; uses: number }>();
          for (const t of w.tickets) {
            if (!canSeeTicket(actor, facts(t))) continue;
            if (input.partner && t.businessPartnerId !== input.partner) continue;
            for (const tag of t.tags) {
              if (!tag.toLowerCase().startsWith(key)) continue;
              const c = counts.get(tag.toLowerCase()) ?? { name: tag, uses: 0 };
              c.uses++;
              counts.set(tag.toLowerCase(), c);
            }
          }
          return [...counts.values()].sort((a, b) => b.uses - a.uses || a.name.localeCompare(b.name)).slice(0, input.limit ?? 10);
        }),
    },
    queries: {
      list: (o) =>
        core.call('queries.list', undefined, o, () => {
          const actor = core.actor();
          const l = core.locale();
          return w.queries
            .filter((q) => q.accountId === null || q.accountId === actor.accountId)
            .map((q) => ({ id: q.id, key: q.key, name: l === 'de' ? q.de : q.en, description: l === 'de' ? q.descDe : q.descEn, personal: q.accountId !== null, filter: structuredClone(q.filter) }));
        }),
      create: (input, o) =>
        core.call('queries.create', input, o, () => {
          const actor = core.actor();
          if (!input.name.trim()) throw core.invalid([{ path: 'name', message: 'The name must have at least 1 characters' }]);
          const q = { id: nextId('q'), key: null, accountId: actor.accountId, de: input.name.trim(), en: input.name.trim(), descDe: input.description ?? '', descEn: input.description ?? '', filter: structuredClone(input.filter) as Record<string, unknown> };
          w.queries.push(q);
          return { id: q.id, key: null, name: q.de, description: q.descDe, personal: true, filter: input.filter };
        }),
      remove: (id, o) =>
        core.call('queries.remove', { id }, o, () => {
          const actor = core.actor();
          const i = w.queries.findIndex((q) => q.id === id);
          const q = w.queries[i];
          if (!q || (q.accountId !== null && q.accountId !== actor.accountId)) throw core.error('not_found', 'Query not found');
          if (q.accountId === null) throw core.error('forbidden', 'System queries cannot be deleted');
          w.queries.splice(i, 1);
        }),
    },
    prefs: {
      get: <T,>(key: string, o?: RequestOptions) =>
        core.call('prefs.get', { key }, o, () => (w.prefs.get(`${core.actor().accountId}:${key}`) ?? null) as T | null),
      set: (key, value, o) =>
        core.call('prefs.set', { key, value }, o, () => {
          w.prefs.set(`${core.actor().accountId}:${key}`, structuredClone(value));
        }),
    },
    dashboard: {
      get: (input, o) =>
        core.call('dashboard.get', input, o, (): Dashboard => {
          throw new Error('dashboard.get is provided by FakeApi');
        }),
    },
    kb: {
      sections: (input, o) =>
        core.call('kb.sections', input, o, () => {
          const l = core.locale();
          const visible = w.kbArticles.filter(
            (a) => kbVisible(a.id) && (!input?.language || a.language === input.language) && (!input?.q?.trim() || kbMatches(a, input.q)),
          );
          return w.kbSections
            .map((s) => ({ id: s.id, name: s[l], articleCount: visible.filter((a) => a.sectionId === s.id).length, sort: s.sort }))
            .filter((s) => s.articleCount > 0)
            .sort((a, b) => a.sort - b.sort)
            .map(({ sort: _s, ...s }) => s);
        }),
      languages: (input, o) =>
        core.call('kb.languages', input, o, () => {
          const q = input?.q?.trim() ?? '';
          const counts = new Map<Locale, number>();
          for (const a of w.kbArticles) if (kbVisible(a.id) && (!q || kbMatches(a, q))) counts.set(a.language, (counts.get(a.language) ?? 0) + 1);
          return [...counts].sort(([a], [b]) => (a < b ? -1 : 1)).map(([language, articleCount]) => ({ language, articleCount }));
        }),
      articles: (input, o) =>
        core.call('kb.articles', input, o, (): KbArticleListItem[] => {
          const q = input?.q?.trim() ?? '';
          const list = w.kbArticles
            .filter(
              (a) =>
                kbVisible(a.id) &&
                (!input?.section || a.sectionId === input.section) &&
                (!input?.language || a.language === input.language) &&
                (!q || kbMatches(a, q)),
            )
            .sort((a, b) => (q ? Number(!fold(b.title).includes(fold(q))) - Number(!fold(a.title).includes(fold(q))) : 0) || a.title.localeCompare(b.title));
          return list.map((a) => {
            const text = textOf(a.bodyHtml);
            return {
              id: a.id,
              title: a.title,
              sectionId: a.sectionId,
              language: a.language,
              updatedAt: a.updatedAt,
              titleSegments: q ? highlight(a.title, q) : [{ text: a.title, match: false }],
              snippet: snippet(text, q),
            };
          });
        }),
      article: (id, o) =>
        core.call('kb.article', { id }, o, (): KbArticle => {
          const a = w.kbArticles.find((x) => x.id === id);
          if (!a || !kbVisible(a.id)) throw core.error('not_found', 'Article not found');
          const s = w.kbSections.find((x) => x.id === a.sectionId)!;
          return {
            id: a.id,
            title: a.title,
            section: { id: s.id, name: s[core.locale()] },
            language: a.language,
            bodyHtml: a.bodyHtml,
            attributionHtml: a.attributionHtml,
            author: a.author,
            createdAt: a.createdAt,
            updatedAt: a.updatedAt,
            version: a.version,
          };
        }),
    },
    plan: {
      boards: (o) =>
        core.call('plan.boards', undefined, o, () =>
          w.boards
            .map((b) => ({ b, role: boardRole(b.id) }))
            .filter((x) => x.role)
            .map(({ b, role }) => ({ id: b.id, title: b.title, description: b.description, role: role!, activityCount: w.activities.filter((a) => a.boardId === b.id).length, updatedAt: b.updatedAt }))
            .sort((a, b) => a.title.localeCompare(b.title)),
        ),
      board: (id, o) =>
        core.call('plan.board', { id }, o, (): PlanBoard => {
          const role = boardRole(id);
          if (!role) throw core.error('not_found', 'Plan board not found');
          const b = w.boards.find((x) => x.id === id)!;
          return {
            id: b.id,
            title: b.title,
            description: b.description,
            role,
            columns: w.columns.filter((c) => c.boardId === id).sort((a, c) => a.sort - c.sort).map((c) => ({ id: c.id, title: c.title, sort: c.sort })),
            activities: w.activities.filter((a) => a.boardId === id).sort((a, c) => a.columnId.localeCompare(c.columnId) || a.sort - c.sort).map(activityDto),
            members: w.members.filter((m) => m.boardId === id).map((m) => ({ id: m.accountId, name: name(m.accountId), role: m.role })),
            createdAt: b.createdAt,
            updatedAt: b.updatedAt,
          };
        }),
      patchActivity: (id, patch, o) =>
        core.call('plan.patchActivity', { id, ...patch }, o, () => {
          // the body's shape first (server/schemas/plan.ts: 422 before any lookup), then server/domain/plan.ts `patchActivity`
          const issues: ValidationIssue[] = [];
          for (const key of ['startDate', 'endDate'] as const) {
            const v = patch[key];
            if (v === undefined) continue;
            if (!/^\d{4}-\d{2}-\d{2}$/.test(v)) issues.push({ path: key, message: 'Use a calendar day as YYYY-MM-DD' });
            else if (Number.isNaN(Date.parse(`${v}T00:00:00Z`)) || new Date(`${v}T00:00:00Z`).toISOString().slice(0, 10) !== v) issues.push({ path: key, message: 'This day does not exist' });
          }
          if (patch.durationHours !== undefined && !(typeof patch.durationHours === 'number' && patch.durationHours >= 0 && patch.durationHours <= 100_000)) issues.push({ path: 'durationHours', message: 'Invalid duration' });
          if (patch.priority !== undefined && !['low', 'medium', 'high', 'critical'].includes(patch.priority)) issues.push({ path: 'priority', message: 'Invalid option: expected one of "low"|"medium"|"high"|"critical"' });
          if (patch.position !== undefined && !(Number.isInteger(patch.position) && patch.position >= 0 && patch.position <= 100_000)) issues.push({ path: 'position', message: 'Invalid position' });
          if (issues.length) throw core.invalid(issues);
          const a = w.activities.find((x) => x.id === id);
          if (!a) throw core.error('not_found', 'Activity not found');
          const role = boardRole(a.boardId);
          if (!role) throw core.error('not_found', 'Activity not found');
          if (role === 'observer') throw core.error('forbidden', 'Observers cannot change activities; ask a board editor');
          if (a.version !== patch.version) throw core.error('conflict', 'Someone else changed this activity meanwhile', { current: activityDto(a) });
          const start = patch.startDate ?? a.startDate;
          const end = patch.endDate ?? a.endDate;
          if (end < start) throw core.invalid([{ path: patch.endDate !== undefined ? 'endDate' : 'startDate', message: 'The end date must not be before the start date' }]);
          if (patch.columnId !== undefined && !w.columns.some((c) => c.id === patch.columnId && c.boardId === a.boardId)) throw core.invalid([{ path: 'columnId', message: 'Unknown column of this board' }]);
          const inColumn = (col: string) =>
            w.activities
              .filter((x) => x.boardId === a.boardId && x.columnId === col)
              .sort((x, y) => x.sort - y.sort || x.startDate.localeCompare(y.startDate) || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
          let changed = false;
          if (start !== a.startDate || end !== a.endDate) changed = true;
          if (patch.durationHours !== undefined && patch.durationHours !== a.durationHours) changed = true;
          if (patch.priority !== undefined && patch.priority !== a.priority) changed = true;
          // the same column without a position is no move: the activity keeps its place
          const col = patch.columnId ?? a.columnId;
          const moved = col !== a.columnId;
          let placement: (() => void) | null = null;
          if (moved || patch.position !== undefined) {
            const target = inColumn(col);
            const others = target.filter((x) => x.id !== a.id);
            const here = moved ? others.length : target.indexOf(a);
            const at = Math.min(patch.position ?? here, others.length);
            if (moved || at !== here) {
              changed = true;
              const from = a.columnId;
              placement = () => {
                [...others.slice(0, at), a, ...others.slice(at)].forEach((x, k) => (x.sort = k));
                a.columnId = col;
                // close the gap in the old column
                if (moved) inColumn(from).filter((x) => x.id !== a.id).forEach((x, k) => (x.sort = k));
              };
            }
          }
          // a change that changes nothing keeps version and updated date
          if (!changed) return activityDto(a);
          a.startDate = start;
          a.endDate = end;
          if (patch.durationHours !== undefined) a.durationHours = patch.durationHours;
          if (patch.priority !== undefined) a.priority = patch.priority;
          placement?.();
          a.updatedAt = iso(core.now());
          a.version++;
          const board = w.boards.find((b) => b.id === a.boardId);
          if (board) board.updatedAt = a.updatedAt;
          return activityDto(a);
        }),
    },
  };

  /**
   * Like server/domain/releases.ts: the reason is checked first (422); a releaser of the ticket's
   * partner who can no longer see it because it was decided meanwhile (a private ticket rejected
   * or a race lost) gets 409, not 404; anyone else 404 or 403.
   */
  function decide(id: string, decision: 'released' | 'rejected', reason: string): TicketDetail {
    const actor = core.actor();
    const issues = reasonIssue(reason, 3);
    if (!issues.length && !/[\p{L}\p{N}]/u.test(reason)) issues.push({ path: 'reason', message: 'The reason must contain letters or digits' });
    if (issues.length) throw core.invalid(issues);
    const found = w.tickets.find((x) => x.id === id);
    if (found && !canSeeTicket(actor, facts(found))) {
      const decided = found.releasedAt === null || w.positions.some((p) => p.ticketId === found.id && (p.event === 'released' || p.event === 'rejected'));
      if (membershipIn(actor, found.businessPartnerId)?.canRelease && decided) throw core.error('conflict', 'The ticket no longer awaits release');
    }
    const t = visibleTicket(id);
    if (!membershipIn(actor, t.businessPartnerId)?.canRelease) throw core.error('forbidden', 'Only ticket dispatchers of this business partner may release or reject tickets');
    if (t.status !== 'awaiting_release') throw core.error('conflict', 'The ticket no longer awaits release');
    const now = iso(core.now());
    history(t, { authorId: actor.accountId, kind: 'system', event: decision, data: { reason: reason.trim() }, bodyHtml: '', createdAt: now });
    t.status = decision === 'released' ? 'new' : 'release_rejected';
    if (decision === 'released') t.releasedAt = now;
    touch(t);
    return detail(t);
  }
}

/** The dashboard over the same world (kept apart: it needs the account's counts from FakeApi). */
export function fakeDashboard(core: FakeCore, scope: 'mine' | 'all', me: Pick<Dashboard, 'account' | 'counts' | 'capabilities'>): Dashboard {
  const w = core.world;
  const actor = core.actor();
  const l = core.locale();
  const visible = w.tickets.filter((t) => canSeeTicket(actor, facts(t)));
  const mine = scope === 'mine' && actor.kind === 'customer';
  const scoped = mine ? visible.filter((t) => t.authorId === actor.accountId) : visible;
  const involved = new Set(visible.filter((t) => t.authorId === actor.accountId || w.positions.some((p) => p.ticketId === t.id && p.authorId === actor.accountId)).map((t) => t.id));
  const history = w.positions
    .filter((p) => involved.has(p.ticketId) && !p.internal && p.event !== 'created')
    .sort((a, b) => (a.createdAt < b.createdAt ? 1 : -1))
    .slice(0, 15)
    .map((p) => {
      const t = w.tickets.find((x) => x.id === p.ticketId)!;
      return {
        id: p.id,
        kind: p.kind,
        event: p.event,
        data: p.data,
        excerpt: textOf(p.bodyHtml).slice(0, 160),
        at: p.createdAt,
        author: p.authorId ? { id: p.authorId, name: w.people.get(p.authorId)?.name ?? '' } : null,
        ticket: { id: t.id, number: t.number, subject: t.subject, status: t.status },
      };
    });
  const statuses: TicketStatus[] = ['awaiting_release', 'release_rejected', 'new', 'in_progress', 'waiting_for_customer', 'resolved', 'closed'];
  const WEEK = 7 * 86_400_000;
  const d = new Date(core.now());
  const monday = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() - ((d.getUTCDay() + 6) % 7));
  const first = monday - 11 * WEEK;
  const weekly = Array.from({ length: 12 }, (_, i) => ({ weekStart: iso(first + i * WEEK).slice(0, 10), opened: 0, closed: 0 }));
  for (const t of scoped) {
    const o = Math.floor((new Date(t.createdAt).getTime() - first) / WEEK);
    if (o >= 0 && o < 12) weekly[o]!.opened++;
    if (t.closedAt) {
      const c = Math.floor((new Date(t.closedAt).getTime() - first) / WEEK);
      if (c >= 0 && c < 12) weekly[c]!.closed++;
    }
  }
  return {
    ...me,
    scope: mine ? 'mine' : 'all',
    history,
    stats: {
      byStatus: statuses.map((s) => ({ status: s, count: scoped.filter((t) => t.status === s).length })),
      byType: w.types
        .map((ty) => ({ typeId: ty.id, name: ty[l], count: scoped.filter((t) => t.typeId === ty.id).length }))
        .filter((x) => x.count > 0)
        .sort((a, b) => b.count - a.count),
      weekly,
    },
    quickLinks: w.quickLinks.map((q) => ({ id: q.id, label: q[l], url: q.url })),
  };
}

export const openTicketStatuses = openStatuses;
