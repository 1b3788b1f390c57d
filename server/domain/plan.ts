import { sql } from 'kysely';
import type { Database, PlanActivity, PlanRole } from '../db/schema.js';
import type { Kysely } from 'kysely';
import type { Deps } from '../deps.js';
import type { Actor } from './actor.js';
import { canSeeTicket } from './access.js';
import { ApiError, forbidden, invalid, notFound } from '../http/errors.js';
import { newId } from '../ids.js';
import { audit } from './audit.js';
import { normalizeEmail } from './accounts.js';

/**
 * R-PLAN: plan boards. Members are observers (read) or editors (may change start/end date,
 * duration, priority and column); everyone else gets 404. Calendar days are `YYYY-MM-DD`
 * strings end to end and never pass through a time zone. Each activity has a version: a change
 * based on an old one answers 409 with the current activity.
 */
type Db = Kysely<Database>;

export interface ActivityDto {
  id: string;
  boardId: string;
  title: string;
  description: string;
  startDate: string;
  endDate: string;
  durationHours: number;
  priority: 'low' | 'medium' | 'high' | 'critical';
  columnId: string;
  position: number;
  /** only when the caller may open the ticket */
  ticketId?: string;
  /** the linked ticket: its number always, subject and id only for callers who may see it */
  ticket?: { number: number; accessible: boolean; id?: string; subject?: string };
  createdAt: string;
  updatedAt: string;
  version: number;
}

async function boardRole(db: Db, actor: Actor, boardId: string): Promise<PlanRole | 'agent' | null> {
  const board = await db.selectFrom('plan_board').select(['id', 'system_partner_id']).where('id', '=', boardId).executeTakeFirst();
  if (!board) return null;
  if (actor.kind === 'agent') return board.system_partner_id === actor.systemPartnerId ? 'agent' : null;
  const m = await db.selectFrom('plan_member').select('role').where('board_id', '=', boardId).where('account_id', '=', actor.accountId).executeTakeFirst();
  return m?.role ?? null;
}

/** Positions 0..n-1 in a column, in its current order (leaving out `except`). */
async function renumberColumn(db: Db, boardId: string, columnId: string, except?: string) {
  let q = db.selectFrom('plan_activity').select('id').where('board_id', '=', boardId).where('column_id', '=', columnId);
  if (except) q = q.where('id', '!=', except);
  const rows = await q.orderBy('sort').orderBy('start_date').orderBy('id').execute();
  for (let i = 0; i < rows.length; i++) await db.updateTable('plan_activity').set({ sort: i }).where('id', '=', rows[i]!.id).execute();
}

async function toDtos(db: Db, actor: Actor, rows: PlanActivity[]): Promise<ActivityDto[]> {
  const ticketIds = [...new Set(rows.map((r) => r.ticket_id).filter((x): x is string => !!x))];
  const tickets = ticketIds.length ? await db.selectFrom('ticket').selectAll().where('id', 'in', ticketIds).execute() : [];
  const byId = new Map(tickets.map((t) => [t.id, t]));
  return rows.map((r) => {
    const t = r.ticket_id ? byId.get(r.ticket_id) : undefined;
    const accessible = !!t && canSeeTicket(actor, t);
    return {
      id: r.id,
      boardId: r.board_id,
      title: r.title,
      description: r.description,
      startDate: r.start_date,
      endDate: r.end_date,
      durationHours: r.duration_hours,
      priority: r.priority,
      columnId: r.column_id,
      position: r.sort,
      ...(t && accessible ? { ticketId: t.id } : {}),
      ...(t ? { ticket: accessible ? { number: t.number, accessible, id: t.id, subject: t.subject } : { number: t.number, accessible } } : {}),
      createdAt: r.created_at,
      updatedAt: r.updated_at,
      version: r.version,
    };
  });
}

/** R-PLAN-2: the boards the caller is a member of (agents: all of their system partner). */
export async function listBoards(deps: Deps, actor: Actor) {
  const { db } = deps;
  let q = db
    .selectFrom('plan_board')
    .leftJoin('plan_member', (j) => j.onRef('plan_member.board_id', '=', 'plan_board.id').on('plan_member.account_id', '=', actor.accountId))
    .select([
      'plan_board.id',
      'plan_board.title',
      'plan_board.description',
      'plan_board.updated_at',
      'plan_member.role',
      (eb) => eb.selectFrom('plan_activity').select(eb.fn.countAll<number>().as('n')).whereRef('plan_activity.board_id', '=', 'plan_board.id').as('activity_count'),
    ]);
  q = actor.kind === 'agent' ? q.where('plan_board.system_partner_id', '=', actor.systemPartnerId) : q.where('plan_member.role', 'is not', null);
  const rows = await q.orderBy('plan_board.title').execute();
  const items = rows.map((r) => ({
    id: r.id,
    title: r.title,
    description: r.description,
    role: (r.role ?? 'editor') as PlanRole,
    activityCount: Number(r.activity_count ?? 0),
    updatedAt: r.updated_at,
  }));
  return { items, total: items.length, page: 1, pageSize: items.length };
}

/** R-PLAN-3/4: a board with its columns and activities. */
export async function getBoard(deps: Deps, actor: Actor, boardId: string) {
  const { db } = deps;
  const role = await boardRole(db, actor, boardId);
  if (!role) throw notFound('Plan board');
  const board = await db.selectFrom('plan_board').selectAll().where('id', '=', boardId).executeTakeFirstOrThrow();
  const columns = await db.selectFrom('plan_column').select(['id', 'title', 'sort']).where('board_id', '=', boardId).orderBy('sort').orderBy('id').execute();
  const rows = await db.selectFrom('plan_activity').selectAll().where('board_id', '=', boardId).orderBy('column_id').orderBy('sort').orderBy('start_date').orderBy('id').execute();
  const members = await db
    .selectFrom('plan_member')
    .innerJoin('account', 'account.id', 'plan_member.account_id')
    .select(['account.id', 'account.name', 'account.email', 'plan_member.role'])
    .where('plan_member.board_id', '=', boardId)
    .orderBy('account.name')
    .execute();
  return {
    id: board.id,
    title: board.title,
    description: board.description,
    role: role === 'agent' ? ('editor' as const) : role,
    columns,
    activities: await toDtos(db, actor, rows),
    // e-mail addresses only for agents: they edit the member list by address (PUT …/members)
    members: members.map((m) => ({ id: m.id, name: m.name, role: m.role, ...(actor.kind === 'agent' ? { email: m.email } : {}) })),
    createdAt: board.created_at,
    updatedAt: board.updated_at,
  };
}

export async function getActivityDto(deps: Deps, actor: Actor, id: string): Promise<ActivityDto> {
  const row = await deps.db.selectFrom('plan_activity').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  return (await toDtos(deps.db, actor, [row]))[0]!;
}

type Patch = {
  version: number;
  startDate?: string | undefined;
  endDate?: string | undefined;
  durationHours?: number | undefined;
  priority?: 'low' | 'medium' | 'high' | 'critical' | undefined;
  columnId?: string | undefined;
  position?: number | undefined;
  title?: string | undefined;
  description?: string | undefined;
  ticketId?: string | null | undefined;
};

/**
 * R-PLAN-5: an editor changes an activity. Observers: 403 and nothing changed; non-members:
 * 404; end before start: 422; stale version: 409 with the current activity in `details.current`.
 */
export async function patchActivity(deps: Deps, actor: Actor, id: string, patch: Patch, requestId?: string): Promise<ActivityDto> {
  const { db, clock } = deps;
  const current = await db.selectFrom('plan_activity').selectAll().where('id', '=', id).executeTakeFirst();
  if (!current) throw notFound('Activity');
  const role = await boardRole(db, actor, current.board_id);
  if (!role) throw notFound('Activity');
  if (role === 'observer') throw forbidden('Observers cannot change activities; ask a board editor');
  const agentOnly = patch.title !== undefined || patch.description !== undefined || patch.ticketId !== undefined;
  if (agentOnly && role !== 'agent') throw forbidden('Board editors can change dates, duration, priority and column only');
  if (current.version !== patch.version) {
    throw new ApiError('conflict', 'Someone else changed this activity meanwhile', { current: await getActivityDto(deps, actor, id) });
  }
  const start = patch.startDate ?? current.start_date;
  const end = patch.endDate ?? current.end_date;
  if (end < start) throw invalid([{ path: patch.endDate !== undefined ? 'endDate' : 'startDate', message: 'The end date must not be before the start date' }]);
  if (patch.columnId !== undefined && patch.columnId !== current.column_id) {
    const col = await db.selectFrom('plan_column').select('id').where('id', '=', patch.columnId).where('board_id', '=', current.board_id).executeTakeFirst();
    if (!col) throw invalid([{ path: 'columnId', message: 'Unknown column of this board' }]);
  }
  if (patch.ticketId) {
    const t = await db.selectFrom('ticket').selectAll().where('id', '=', patch.ticketId).executeTakeFirst();
    if (!t || !canSeeTicket(actor, t)) throw invalid([{ path: 'ticketId', message: 'Unknown ticket' }]);
  }
  const now = clock.now().toISOString();
  await db.transaction().execute(async (trx) => {
    const columnId = patch.columnId ?? current.column_id;
    // only what differs is written: a change that changes nothing keeps version and updated date
    const set: Record<string, unknown> = {};
    if (start !== current.start_date) set.start_date = start;
    if (end !== current.end_date) set.end_date = end;
    if (patch.durationHours !== undefined && patch.durationHours !== current.duration_hours) set.duration_hours = patch.durationHours;
    if (patch.priority !== undefined && patch.priority !== current.priority) set.priority = patch.priority;
    if (patch.title !== undefined && patch.title !== current.title) set.title = patch.title;
    if (patch.description !== undefined && patch.description !== current.description) set.description = patch.description;
    if (patch.ticketId !== undefined && patch.ticketId !== current.ticket_id) set.ticket_id = patch.ticketId;
    const moved = columnId !== current.column_id;
    // the same column without a position is no move: the activity keeps its place
    if (moved || patch.position !== undefined) {
      const inColumn = (column: string) =>
        trx
          .selectFrom('plan_activity')
          .select('id')
          .where('board_id', '=', current.board_id)
          .where('column_id', '=', column)
          .orderBy('sort')
          .orderBy('start_date')
          .orderBy('id')
          .execute();
      const target = (await inColumn(columnId)).map((o) => o.id);
      const others = target.filter((x) => x !== id);
      const here = moved ? others.length : target.indexOf(id);
      const at = Math.min(patch.position ?? here, others.length);
      if (moved || at !== here) {
        // renumber the target column 0..n-1 with the activity at its new place
        const order = [...others.slice(0, at), id, ...others.slice(at)];
        for (let i = 0; i < order.length; i++) {
          if (order[i] !== id) await trx.updateTable('plan_activity').set({ sort: i }).where('id', '=', order[i]!).execute();
        }
        // and close the gap it leaves in its old column
        if (moved) await renumberColumn(trx, current.board_id, current.column_id, id);
        set.column_id = columnId;
        set.sort = at;
      }
    }
    if (Object.keys(set).length === 0) return;
    const res = await trx
      .updateTable('plan_activity')
      .set({ ...set, updated_at: now, version: sql`version + 1` } as never)
      .where('id', '=', id)
      .where('version', '=', patch.version)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) {
      // lost a race inside the transaction: answer like any stale version, with the current activity
      const row = await trx.selectFrom('plan_activity').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
      throw new ApiError('conflict', 'Someone else changed this activity meanwhile', { current: (await toDtos(trx, actor, [row]))[0] });
    }
    await trx.updateTable('plan_board').set({ updated_at: now }).where('id', '=', current.board_id).execute();
    await audit(trx, { at: clock.now(), actorId: actor.accountId, action: 'plan.activity_changed', entity: 'plan_activity', entityId: id, data: { fields: Object.keys(patch).filter((k) => k !== 'version') }, ...(requestId ? { requestId } : {}) });
  });
  return getActivityDto(deps, actor, id);
}

// --- agent side -----------------------------------------------------------------------------

function requireAgent(actor: Actor) {
  if (actor.kind !== 'agent') throw forbidden('Only service-desk agents may manage plan boards');
}

async function requireAgentBoard(deps: Deps, actor: Actor, boardId: string) {
  requireAgent(actor);
  const b = await deps.db.selectFrom('plan_board').selectAll().where('id', '=', boardId).where('system_partner_id', '=', actor.systemPartnerId).executeTakeFirst();
  if (!b) throw notFound('Plan board');
  return b;
}

export async function agentCreateBoard(deps: Deps, actor: Actor, input: { title: string; description: string; businessPartnerId?: string | null | undefined; columns: string[] }) {
  requireAgent(actor);
  if (input.businessPartnerId) {
    const bp = await deps.db.selectFrom('business_partner').select('id').where('id', '=', input.businessPartnerId).where('system_partner_id', '=', actor.systemPartnerId).executeTakeFirst();
    if (!bp) throw invalid([{ path: 'businessPartnerId', message: 'Unknown business partner' }]);
  }
  const id = newId();
  const now = deps.clock.now().toISOString();
  await deps.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('plan_board')
      .values({ id, system_partner_id: actor.systemPartnerId, business_partner_id: input.businessPartnerId ?? null, title: input.title, description: input.description, created_by: actor.accountId, created_at: now, updated_at: now })
      .execute();
    await trx.insertInto('plan_column').values(input.columns.map((title, i) => ({ id: newId(), board_id: id, title, sort: i }))).execute();
    await audit(trx, { at: deps.clock.now(), actorId: actor.accountId, action: 'plan.board_created', entity: 'plan_board', entityId: id });
  });
  return id;
}

export async function agentUpdateBoard(deps: Deps, actor: Actor, id: string, input: { title?: string | undefined; description?: string | undefined }) {
  await requireAgentBoard(deps, actor, id);
  await deps.db
    .updateTable('plan_board')
    .set({ ...(input.title !== undefined ? { title: input.title } : {}), ...(input.description !== undefined ? { description: input.description } : {}), updated_at: deps.clock.now().toISOString() })
    .where('id', '=', id)
    .execute();
}

export async function agentAddColumn(deps: Deps, actor: Actor, boardId: string, input: { title: string; sort?: number | undefined }) {
  await requireAgentBoard(deps, actor, boardId);
  const max = await deps.db.selectFrom('plan_column').select((eb) => eb.fn.max('sort').as('m')).where('board_id', '=', boardId).executeTakeFirst();
  const id = newId();
  await deps.db.insertInto('plan_column').values({ id, board_id: boardId, title: input.title, sort: input.sort ?? Number(max?.m ?? -1) + 1 }).execute();
  return id;
}

export async function agentUpdateColumn(deps: Deps, actor: Actor, boardId: string, columnId: string, input: { title?: string | undefined; sort?: number | undefined }) {
  await requireAgentBoard(deps, actor, boardId);
  if (input.title === undefined && input.sort === undefined) {
    // nothing to change (an empty UPDATE … SET is no SQL): only say whether the column exists
    const col = await deps.db.selectFrom('plan_column').select('id').where('id', '=', columnId).where('board_id', '=', boardId).executeTakeFirst();
    if (!col) throw notFound('Column');
    return;
  }
  const res = await deps.db
    .updateTable('plan_column')
    .set({ ...(input.title !== undefined ? { title: input.title } : {}), ...(input.sort !== undefined ? { sort: input.sort } : {}) })
    .where('id', '=', columnId)
    .where('board_id', '=', boardId)
    .executeTakeFirst();
  if (Number(res.numUpdatedRows) !== 1) throw notFound('Column');
}

export async function agentDeleteColumn(deps: Deps, actor: Actor, boardId: string, columnId: string) {
  await requireAgentBoard(deps, actor, boardId);
  const any = await deps.db.selectFrom('plan_activity').select('id').where('column_id', '=', columnId).limit(1).executeTakeFirst();
  if (any) throw new ApiError('conflict', 'The column still has activities; move them first');
  const res = await deps.db.deleteFrom('plan_column').where('id', '=', columnId).where('board_id', '=', boardId).executeTakeFirst();
  if (Number(res.numDeletedRows) !== 1) throw notFound('Column');
}

/** Replaces the member list (customer accounts of the same system partner, by e-mail). */
export async function agentSetMembers(deps: Deps, actor: Actor, boardId: string, members: { email: string; role: PlanRole }[]) {
  await requireAgentBoard(deps, actor, boardId);
  const emails = [...new Set(members.map((m) => normalizeEmail(m.email)))];
  const accounts = emails.length
    ? await deps.db.selectFrom('account').select(['id', 'email']).where('email', 'in', emails).where('kind', '=', 'customer').where('system_partner_id', '=', actor.systemPartnerId).execute()
    : [];
  const byEmail = new Map(accounts.map((a) => [a.email, a.id]));
  const issues = members
    .map((m, i) => ({ m, i }))
    .filter(({ m }) => !byEmail.has(normalizeEmail(m.email)))
    .map(({ i }) => ({ path: `members.${i}.email`, message: 'No customer account with this e-mail address' }));
  if (issues.length) throw invalid(issues);
  const now = deps.clock.now().toISOString();
  await deps.db.transaction().execute(async (trx) => {
    await trx.deleteFrom('plan_member').where('board_id', '=', boardId).execute();
    const seen = new Set<string>();
    for (const m of members) {
      const accountId = byEmail.get(normalizeEmail(m.email))!;
      if (seen.has(accountId)) continue;
      seen.add(accountId);
      await trx.insertInto('plan_member').values({ board_id: boardId, account_id: accountId, role: m.role, created_at: now }).execute();
    }
    await audit(trx, { at: deps.clock.now(), actorId: actor.accountId, action: 'plan.members_set', entity: 'plan_board', entityId: boardId, data: { count: seen.size } });
  });
}

export async function agentCreateActivity(
  deps: Deps,
  actor: Actor,
  boardId: string,
  input: { columnId: string; title: string; description: string; startDate: string; endDate: string; durationHours: number; priority: 'low' | 'medium' | 'high' | 'critical'; ticketId?: string | null | undefined },
) {
  await requireAgentBoard(deps, actor, boardId);
  if (input.endDate < input.startDate) throw invalid([{ path: 'endDate', message: 'The end date must not be before the start date' }]);
  const col = await deps.db.selectFrom('plan_column').select('id').where('id', '=', input.columnId).where('board_id', '=', boardId).executeTakeFirst();
  if (!col) throw invalid([{ path: 'columnId', message: 'Unknown column of this board' }]);
  if (input.ticketId) {
    const t = await deps.db.selectFrom('ticket').selectAll().where('id', '=', input.ticketId).executeTakeFirst();
    if (!t || !canSeeTicket(actor, t)) throw invalid([{ path: 'ticketId', message: 'Unknown ticket' }]);
  }
  const max = await deps.db.selectFrom('plan_activity').select((eb) => eb.fn.max('sort').as('m')).where('column_id', '=', input.columnId).executeTakeFirst();
  const id = newId();
  const now = deps.clock.now().toISOString();
  await deps.db
    .insertInto('plan_activity')
    .values({
      id,
      board_id: boardId,
      column_id: input.columnId,
      title: input.title,
      description: input.description,
      start_date: input.startDate,
      end_date: input.endDate,
      duration_hours: input.durationHours,
      priority: input.priority,
      ticket_id: input.ticketId ?? null,
      sort: Number(max?.m ?? -1) + 1,
      created_at: now,
      updated_at: now,
    })
    .execute();
  return id;
}

export async function agentDeleteActivity(deps: Deps, actor: Actor, id: string) {
  requireAgent(actor);
  const a = await deps.db
    .selectFrom('plan_activity')
    .innerJoin('plan_board', 'plan_board.id', 'plan_activity.board_id')
    .select(['plan_activity.id', 'plan_activity.board_id', 'plan_activity.column_id'])
    .where('plan_activity.id', '=', id)
    .where('plan_board.system_partner_id', '=', actor.systemPartnerId)
    .executeTakeFirst();
  // another system partner's activity answers like a missing one
  if (!a) throw notFound('Activity');
  await deps.db.transaction().execute(async (trx) => {
    await trx.deleteFrom('plan_activity').where('id', '=', id).execute();
    // the column keeps positions 0..n-1
    await renumberColumn(trx, a.board_id, a.column_id);
  });
}
