import type { Generated, Insertable, Selectable, Updateable } from 'kysely';

/** Kysely's view of the tables created by server/db/migrations (snake_case, as stored). */

export type Role = 'viewer' | 'editor' | 'dispatcher';
export type AccountKind = 'customer' | 'agent';
export type Locale = 'de' | 'en';
export type Level = 'low' | 'medium' | 'high';
export type Priority = 'low' | 'medium' | 'high' | 'critical';
export type TicketStatus =
  | 'awaiting_release'
  | 'release_rejected'
  | 'new'
  | 'in_progress'
  | 'waiting_for_customer'
  | 'resolved'
  | 'closed';
export type PositionKind = 'customer' | 'agent' | 'system';
export type PlanRole = 'observer' | 'editor';

export interface SystemPartnerTable {
  id: string;
  name: string;
  settings_json: Generated<string>;
  created_at: Generated<string>;
}

export interface BusinessPartnerTable {
  id: string;
  system_partner_id: string;
  name: string;
  created_at: Generated<string>;
}

export interface AccountTable {
  id: string;
  system_partner_id: string;
  kind: AccountKind;
  email: string;
  name: string;
  locale: Generated<Locale>;
  password_hash: string | null;
  must_change_password: Generated<number>;
  password_expires_at: string | null;
  password_changed_at: string | null;
  notify_email: Generated<number>;
  disabled_at: string | null;
  created_at: Generated<string>;
  updated_at: Generated<string>;
}

export interface MembershipTable {
  account_id: string;
  business_partner_id: string;
  role: Role;
  can_write: Generated<number>;
  can_release: Generated<number>;
  created_at: Generated<string>;
}

export interface SessionTable {
  id: string;
  account_id: string;
  mode: 'cookie' | 'bearer';
  created_at: string;
  last_seen_at: string;
  idle_expires_at: string;
  absolute_expires_at: string;
  user_agent: string | null;
  /** 'password' (sign-in) or 'host' (a partner's host token, see auth/exchange.ts) */
  via: Generated<'password' | 'host'>;
}

export interface AuthThrottleTable {
  key: string;
  failures: Generated<number>;
  window_start: string;
  blocked_until: string | null;
}

export interface InvitationTable {
  id: string;
  account_id: string;
  invited_by: string | null;
  created_at: string;
  expires_at: string;
  accepted_at: string | null;
}

export interface PartnerOriginTable {
  business_partner_id: string;
  origin: string;
  created_at: Generated<string>;
}

export interface PartnerKeyTable {
  id: string;
  business_partner_id: string;
  alg: 'HS256' | 'EdDSA' | 'RS256';
  key_material: string;
  issuer: string;
  audience: string;
  created_at: Generated<string>;
  revoked_at: string | null;
}

export interface UsedJtiTable {
  jti: string;
  partner_key_id: string;
  expires_at: string;
}

export interface LookupTable {
  id: string;
  system_partner_id: string;
  name_de: string;
  name_en: string;
  sort: Generated<number>;
  active: Generated<number>;
}

export interface TagTable {
  id: string;
  business_partner_id: string;
  name: string;
  name_key: string;
  created_at: Generated<string>;
}

export interface TicketTable {
  id: string;
  number: number;
  system_partner_id: string;
  business_partner_id: string;
  author_id: string;
  subject: string;
  description_html: Generated<string>;
  description_text: Generated<string>;
  reference_no: string | null;
  type_id: string;
  area_id: string;
  urgency: Level;
  impact: Level;
  priority: Priority;
  private: Generated<number>;
  status: TicketStatus;
  released_at: string | null;
  released_by: string | null;
  closed_at: string | null;
  closed_reason: string | null;
  assignee_id: string | null;
  created_at: string;
  updated_at: string;
  version: Generated<number>;
}

export interface TicketTagTable {
  ticket_id: string;
  tag_id: string;
}

export interface PositionTable {
  id: string;
  ticket_id: string;
  author_id: string | null;
  kind: PositionKind;
  event: string | null;
  data_json: string | null;
  body_html: Generated<string>;
  body_text: Generated<string>;
  internal: Generated<number>;
  created_at: string;
}

export interface AttachmentTable {
  id: string;
  ticket_id: string | null;
  position_id: string | null;
  uploaded_by: string;
  business_partner_id: string | null;
  file_name: string;
  content_type: string;
  size: number;
  sha256: string;
  storage_key: string;
  internal: Generated<number>;
  created_at: string;
}

export interface ReleaseDecisionTable {
  id: string;
  ticket_id: string;
  dispatcher_id: string;
  decision: 'released' | 'rejected';
  reason: string;
  created_at: string;
}

export interface SavedQueryTable {
  id: string;
  system_partner_id: string | null;
  account_id: string | null;
  key: string | null;
  name_de: string;
  name_en: string;
  description_de: Generated<string>;
  description_en: Generated<string>;
  filter_json: string;
  sort: Generated<number>;
  created_at: Generated<string>;
}

export interface AccountPrefTable {
  account_id: string;
  key: string;
  value_json: string;
  updated_at: Generated<string>;
}

export interface QuickLinkTable {
  id: string;
  system_partner_id: string;
  label_de: string;
  label_en: string;
  url: string;
  sort: Generated<number>;
}

export interface KbSectionTable {
  id: string;
  system_partner_id: string;
  name_de: string;
  name_en: string;
  sort: Generated<number>;
  created_at: Generated<string>;
  updated_at: Generated<string>;
}

export interface KbArticleTable {
  id: string;
  section_id: string;
  language: Locale;
  title: string;
  body_html: string;
  body_text: string;
  attribution_html: string | null;
  author_id: string | null;
  created_at: string;
  updated_at: string;
  version: Generated<number>;
}

export interface KbShareTable {
  article_id: string;
  business_partner_id: string;
  created_at: Generated<string>;
}

export interface PlanBoardTable {
  id: string;
  system_partner_id: string;
  business_partner_id: string | null;
  title: string;
  description: Generated<string>;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface PlanColumnTable {
  id: string;
  board_id: string;
  title: string;
  sort: Generated<number>;
}

export interface PlanMemberTable {
  board_id: string;
  account_id: string;
  role: PlanRole;
  created_at: Generated<string>;
}

export interface PlanActivityTable {
  id: string;
  board_id: string;
  column_id: string;
  title: string;
  description: Generated<string>;
  start_date: string;
  end_date: string;
  duration_hours: Generated<number>;
  priority: Priority;
  ticket_id: string | null;
  sort: Generated<number>;
  created_at: string;
  updated_at: string;
  version: Generated<number>;
}

export interface OutboxTable {
  id: string;
  account_id: string | null;
  to_address: string;
  kind: string;
  subject: string;
  text_body: string;
  html_body: string;
  ticket_id: string | null;
  status: Generated<'pending' | 'sent' | 'failed' | 'logged'>;
  attempts: Generated<number>;
  next_attempt_at: string | null;
  last_error: string | null;
  created_at: string;
  sent_at: string | null;
}

export interface AuditEventTable {
  id: string;
  at: string;
  actor_id: string | null;
  action: string;
  entity: string | null;
  entity_id: string | null;
  data_json: string | null;
  request_id: string | null;
}

/** A narrow copy of `ticket` for lists, kept by triggers (migrations 0004, 0005); `rk` keys the search index. */
export interface TicketListTable {
  rk: number;
  id: string;
  number: number;
  system_partner_id: string;
  business_partner_id: string;
  author_id: string;
  subject: string;
  type_id: string;
  area_id: string;
  urgency: Level;
  impact: Level;
  priority: Priority;
  private: number;
  status: TicketStatus;
  reference_no: string | null;
  released_at: string | null;
  closed_at: string | null;
  created_at: string;
  updated_at: string;
}

/** Ticket counts per partner × status × private × released × priority × type, kept by triggers. */
export interface TicketStatTable {
  business_partner_id: string;
  status: TicketStatus;
  private: number;
  released: number;
  priority: Priority;
  type_id: string;
  system_partner_id: string;
  n: number;
}

/** A business partner's search slot: its index table `ticket_fts_<slot>` and keys `slot` × 2^32 … + 2^32 − 1. */
export interface SearchPartnerTable {
  slot: Generated<number>;
  business_partner_id: string;
}

/** One business partner's search index, `ticket_fts_<slot>` (rowid = `ticket_list.rk`). */
export interface TicketFtsTable {
  rowid: number;
  body: string;
  internal: string;
}

export interface KbFtsTable {
  rowid: Generated<number>;
  article_id: string;
  title: string;
  body: string;
}

export interface Database {
  system_partner: SystemPartnerTable;
  business_partner: BusinessPartnerTable;
  account: AccountTable;
  membership: MembershipTable;
  session: SessionTable;
  auth_throttle: AuthThrottleTable;
  invitation: InvitationTable;
  partner_origin: PartnerOriginTable;
  partner_key: PartnerKeyTable;
  used_jti: UsedJtiTable;
  ticket_type: LookupTable;
  area: LookupTable;
  tag: TagTable;
  ticket: TicketTable;
  ticket_tag: TicketTagTable;
  position: PositionTable;
  attachment: AttachmentTable;
  release_decision: ReleaseDecisionTable;
  saved_query: SavedQueryTable;
  account_pref: AccountPrefTable;
  quick_link: QuickLinkTable;
  kb_section: KbSectionTable;
  kb_article: KbArticleTable;
  kb_share: KbShareTable;
  plan_board: PlanBoardTable;
  plan_column: PlanColumnTable;
  plan_member: PlanMemberTable;
  plan_activity: PlanActivityTable;
  outbox: OutboxTable;
  audit_event: AuditEventTable;
  ticket_list: TicketListTable;
  ticket_stat: TicketStatTable;
  search_partner: SearchPartnerTable;
  kb_fts: KbFtsTable;
}

export type Account = Selectable<AccountTable>;
export type NewAccount = Insertable<AccountTable>;
export type AccountUpdate = Updateable<AccountTable>;
export type Ticket = Selectable<TicketTable>;
export type NewTicket = Insertable<TicketTable>;
export type Membership = Selectable<MembershipTable>;
export type Session = Selectable<SessionTable>;
export type PlanActivity = Selectable<PlanActivityTable>;
