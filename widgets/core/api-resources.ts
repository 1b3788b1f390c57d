/**
 * The resources the widgets use beyond sign-in: tickets, uploads and attachments, lookups,
 * queries, preferences, dashboard, knowledge base, plan boards. DTO types come from the server
 * modules that produce them (type-only imports), so a changed shape breaks the type check.
 */
import type {
  AttachmentDto,
  PositionDto,
  TicketDetail,
  TicketListItem,
} from '../../server/domain/tickets.js';
import type { UploadItem } from '../../server/domain/attachments.js';
import type { KbArticleListItem, KbLanguageDto, KbSectionDto, getArticle } from '../../server/domain/kb.js';
import type { ActivityDto, getBoard, listBoards } from '../../server/domain/plan.js';
import type { dashboard } from '../../server/domain/dashboard.js';
import type { Segment } from '../../server/domain/highlight.js';
import type { PriorityMatrix, Level } from '../../server/schemas/priority.js';
import type { SortKey, TicketFilter, TicketStatus } from '../../server/schemas/tickets.js';
import type { Locale, RequestOptions } from './api.js';

export type {
  ActivityDto,
  AttachmentDto,
  KbArticleListItem,
  KbSectionDto,
  KbLanguageDto,
  Level,
  PositionDto,
  PriorityMatrix,
  Segment,
  SortKey,
  TicketDetail,
  TicketFilter,
  TicketListItem,
  TicketStatus,
  UploadItem,
};

export type Priority = 'low' | 'medium' | 'high' | 'critical';

/** A page of a list (DESIGN.md: `{items, total, page, pageSize}`). */
export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export interface TicketListQuery {
  /** a saved query's id or a system query's key */
  query?: string;
  q?: string;
  status?: TicketStatus[];
  type?: string[];
  priority?: Priority[];
  partner?: string;
  sort?: SortKey;
  dir?: 'asc' | 'desc';
  page?: number;
  pageSize?: number;
}

export interface TicketList extends Page<TicketListItem> {
  sort: SortKey;
  dir: 'asc' | 'desc';
}

export interface CreateTicketInput {
  subject: string;
  /** HTML; sanitised by the server */
  description: string;
  tags: string[];
  businessPartnerId?: string;
  referenceNo?: string | null;
  typeId: string;
  areaId: string;
  urgency: Level;
  impact: Level;
  release: boolean;
  private: boolean;
  /** uploads made while writing (`uploads.upload`) */
  attachmentIds?: string[];
}

export interface UpdateTicketInput {
  version: number;
  subject?: string;
  description?: string;
  tags?: string[];
  referenceNo?: string | null;
  typeId?: string;
  areaId?: string;
  urgency?: Level;
  impact?: Level;
  private?: boolean;
}

/** Options of an upload: progress in bytes of the whole request. */
export interface UploadOptions extends RequestOptions {
  onProgress?: (loaded: number, total: number) => void;
}

export interface TicketsApi {
  /** GET /api/tickets */
  list(query: TicketListQuery, options?: RequestOptions): Promise<TicketList>;
  /** GET /api/tickets/:id */
  get(id: string, options?: RequestOptions): Promise<TicketDetail>;
  /** POST /api/tickets → the new ticket */
  create(input: CreateTicketInput, options?: RequestOptions): Promise<TicketDetail>;
  /** GET /api/tickets/:id/positions: the history, oldest first */
  positions(id: string, options?: RequestOptions): Promise<PositionDto[]>;
  /** POST /api/tickets/:id/positions */
  addPosition(id: string, input: { body: string; attachmentIds?: string[] }, options?: RequestOptions): Promise<PositionDto>;
  /** POST /api/tickets/:id/close (reason ≥ 10 characters) */
  close(id: string, input: { reason: string }, options?: RequestOptions): Promise<TicketDetail>;
  /** POST /api/tickets/:id/reopen */
  reopen(id: string, input: { reason: string }, options?: RequestOptions): Promise<TicketDetail>;
  /** POST /api/tickets/:id/release (releasers of the ticket's partner) */
  release(id: string, input: { reason: string }, options?: RequestOptions): Promise<TicketDetail>;
  /** POST /api/tickets/:id/reject */
  reject(id: string, input: { reason: string }, options?: RequestOptions): Promise<TicketDetail>;
  /** PATCH /api/tickets/:id: the author revises a rejected ticket (`version` as last seen; 409 when stale) */
  update(id: string, input: UpdateTicketInput, options?: RequestOptions): Promise<TicketDetail>;
  /** POST /api/tickets/:id/resubmit (the author, after a rejection) */
  resubmit(id: string, input: { comment?: string }, options?: RequestOptions): Promise<TicketDetail>;
  /** POST /api/tickets/:id/attachments (multipart), one result per file */
  upload(id: string, files: File[], options?: UploadOptions): Promise<UploadItem[]>;
}

export interface UploadsApi {
  /** POST /api/uploads (multipart): files added while writing; one result per file */
  upload(files: File[], options?: UploadOptions): Promise<UploadItem[]>;
  /** DELETE /api/uploads/:id: remove an upload before sending */
  remove(id: string, options?: RequestOptions): Promise<void>;
}

export interface AttachmentsApi {
  /**
   * A URL the page can use for an attachment (link or `<img>`): the server URL when the session
   * is a same-origin cookie, else an object URL of the fetched bytes (call `release` later).
   */
  url(id: string, options?: RequestOptions & { inline?: boolean }): Promise<string>;
  /** Frees an object URL from `url` (no-op for server URLs). */
  release(url: string): void;
}

export interface NamedItem {
  id: string;
  name: string;
}

export interface PartnerItem {
  id: string;
  name: string;
  role: 'viewer' | 'editor' | 'dispatcher';
  canWrite: boolean;
  canRelease: boolean;
}

export interface TagSuggestion {
  name: string;
  uses: number;
}

export interface LookupsApi {
  /** GET /api/lookups/types: most used first */
  types(options?: RequestOptions): Promise<(NamedItem & { usage: number })[]>;
  /** GET /api/lookups/areas */
  areas(options?: RequestOptions): Promise<NamedItem[]>;
  /** GET /api/lookups/partners: the caller's business partners */
  partners(options?: RequestOptions): Promise<PartnerItem[]>;
  /** GET /api/lookups/priority: urgency × impact → priority */
  priorityMatrix(options?: RequestOptions): Promise<PriorityMatrix>;
  /** GET /api/tags?prefix=&partner=&limit= */
  tags(input: { prefix: string; partner?: string; limit?: number }, options?: RequestOptions): Promise<TagSuggestion[]>;
}

export interface SavedQuery {
  id: string;
  key: string | null;
  name: string;
  description: string;
  personal: boolean;
  filter: TicketFilter;
}

export interface QueriesApi {
  /** GET /api/queries: system queries, then the caller's own */
  list(options?: RequestOptions): Promise<SavedQuery[]>;
  /** POST /api/queries */
  create(input: { name: string; description?: string; filter: TicketFilter }, options?: RequestOptions): Promise<SavedQuery>;
  /** DELETE /api/queries/:id (own only) */
  remove(id: string, options?: RequestOptions): Promise<void>;
}

export interface PrefsApi {
  /** GET /api/prefs/:key → the stored JSON value or null */
  get<T = unknown>(key: string, options?: RequestOptions): Promise<T | null>;
  /** PUT /api/prefs/:key */
  set(key: string, value: unknown, options?: RequestOptions): Promise<void>;
}

export type Dashboard = Awaited<ReturnType<typeof dashboard>>;

export interface DashboardApi {
  /** GET /api/dashboard?scope=mine|all */
  get(input?: { scope?: 'mine' | 'all' }, options?: RequestOptions): Promise<Dashboard>;
}

export type KbArticle = Awaited<ReturnType<typeof getArticle>>;

export interface KbApi {
  /** GET /api/kb/sections?q=&language= */
  sections(input?: { q?: string; language?: Locale }, options?: RequestOptions): Promise<KbSectionDto[]>;
  /** GET /api/kb/languages?q= (visible, matching articles per language) */
  languages(input?: { q?: string }, options?: RequestOptions): Promise<KbLanguageDto[]>;
  /** GET /api/kb/articles?section=&q=&language= (ranked when q is given) */
  articles(input?: { section?: string; q?: string; language?: Locale }, options?: RequestOptions): Promise<KbArticleListItem[]>;
  /** GET /api/kb/articles/:id */
  article(id: string, options?: RequestOptions): Promise<KbArticle>;
}

export type PlanBoardSummary = Awaited<ReturnType<typeof listBoards>>['items'][number];
export type PlanBoard = Awaited<ReturnType<typeof getBoard>>;

export interface ActivityPatch {
  version: number;
  startDate?: string;
  endDate?: string;
  durationHours?: number;
  priority?: Priority;
  columnId?: string;
  position?: number;
}

export interface PlanApi {
  /** GET /api/planboards */
  boards(options?: RequestOptions): Promise<PlanBoardSummary[]>;
  /** GET /api/planboards/:id */
  board(id: string, options?: RequestOptions): Promise<PlanBoard>;
  /** PATCH /api/plan-activities/:id; 409 carries `details.current` (the activity as it is now) */
  patchActivity(id: string, patch: ActivityPatch, options?: RequestOptions): Promise<ActivityDto>;
}

/** The resource part of `Api` (see api.ts). */
export interface ResourceApis {
  readonly tickets: TicketsApi;
  readonly uploads: UploadsApi;
  readonly attachments: AttachmentsApi;
  readonly lookups: LookupsApi;
  readonly queries: QueriesApi;
  readonly prefs: PrefsApi;
  readonly dashboard: DashboardApi;
  readonly kb: KbApi;
  readonly plan: PlanApi;
}
