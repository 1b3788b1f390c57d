import { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../deps.js';
import { jsonBody, jsonText, pathParams, queryParams } from '../http/validate.js';
import { requestLocale } from '../http/locale.js';
import {
  createTicketBody,
  updateTicketBody,
  idParam,
  listTicketsQuery,
  positionBody,
  reasonBody,
  shortReasonBody,
} from '../schemas/tickets.js';
import {
  addCustomerPosition,
  closeTicket,
  createTicket,
  getDecidedTicket,
  getTicketDetail,
  listPositions,
  listTicketsBody,
  type ListResult,
  reopenTicket,
} from '../domain/tickets.js';
import { decideRelease, resubmitTicket } from '../domain/releases.js';
import { maxReasonLength } from '../schemas/text-limits.js';
import { reviseRejectedTicket } from '../domain/ticket-edit.js';
import { uploadToTicket } from '../domain/attachments.js';
import { forbidden } from '../http/errors.js';

const customerOnly = (kind: string) => {
  if (kind !== 'customer') throw forbidden('Agents use /api/agent/tickets');
};

export const ticketsRoutes = new Hono<AppEnv>()
  // GET /api/tickets — the board's list (R-BOARD-1..5)
  .get('/', queryParams(listTicketsQuery), async (c) => {
    const body = await listTicketsBody(c.var.deps, c.var.actor!, c.req.valid('query'), requestLocale(c));
    return jsonText<ListResult>(c, body);
  })

  // POST /api/tickets — the wizard's result (R-WIZ-1..10)
  .post('/', jsonBody(createTicketBody), async (c) => {
    const actor = c.var.actor!;
    const id = await createTicket(c.var.deps, actor, c.req.valid('json'), c.var.requestId);
    return c.json(await getTicketDetail(c.var.deps, actor, id, requestLocale(c)), 201);
  })

  // GET /api/tickets/:id (R-TICKET-1)
  .get('/:id', pathParams(idParam), async (c) => {
    return c.json(await getTicketDetail(c.var.deps, c.var.actor!, c.req.valid('param').id, requestLocale(c)), 200);
  })

  // PATCH /api/tickets/:id {version, …} — the author revises a rejected ticket
  .patch('/:id', pathParams(idParam), jsonBody(updateTicketBody), async (c) => {
    const actor = c.var.actor!;
    customerOnly(actor.kind);
    const { id } = c.req.valid('param');
    await reviseRejectedTicket(c.var.deps, actor, id, c.req.valid('json'));
    return c.json(await getTicketDetail(c.var.deps, actor, id, requestLocale(c)), 200);
  })

  // GET /api/tickets/:id/positions — the history, oldest first
  .get('/:id/positions', pathParams(idParam), async (c) => {
    const items = await listPositions(c.var.deps, c.var.actor!, c.req.valid('param').id);
    return c.json({ items, total: items.length, page: 1, pageSize: items.length }, 200);
  })

  // POST /api/tickets/:id/positions (R-TICKET-3)
  .post('/:id/positions', pathParams(idParam), jsonBody(positionBody), async (c) => {
    const actor = c.var.actor!;
    customerOnly(actor.kind);
    const { id } = c.req.valid('param');
    const positionId = await addCustomerPosition(c.var.deps, actor, id, c.req.valid('json'));
    const items = await listPositions(c.var.deps, actor, id);
    return c.json(items.find((p) => p.id === positionId)!, 201);
  })

  // POST /api/tickets/:id/attachments (multipart; R-TICKET-2)
  .post('/:id/attachments', pathParams(idParam), async (c) => {
    const actor = c.var.actor!;
    customerOnly(actor.kind);
    const items = await uploadToTicket(c.var.deps, actor, c.req.valid('param').id, c.req.raw);
    return c.json({ items }, 201);
  })

  // POST /api/tickets/:id/close {reason} (R-TICKET-4)
  .post('/:id/close', pathParams(idParam), jsonBody(reasonBody), async (c) => {
    const actor = c.var.actor!;
    customerOnly(actor.kind);
    const { id } = c.req.valid('param');
    await closeTicket(c.var.deps, actor, id, c.req.valid('json').reason);
    return c.json(await getTicketDetail(c.var.deps, actor, id, requestLocale(c)), 200);
  })

  // POST /api/tickets/:id/reopen {reason} (R-TICKET-5)
  .post('/:id/reopen', pathParams(idParam), jsonBody(shortReasonBody), async (c) => {
    const actor = c.var.actor!;
    customerOnly(actor.kind);
    const { id } = c.req.valid('param');
    await reopenTicket(c.var.deps, actor, id, c.req.valid('json').reason);
    return c.json(await getTicketDetail(c.var.deps, actor, id, requestLocale(c)), 200);
  })

  // POST /api/tickets/:id/release {reason} (R-APPROVE-2)
  .post('/:id/release', pathParams(idParam), jsonBody(shortReasonBody), async (c) => {
    const actor = c.var.actor!;
    customerOnly(actor.kind);
    const { id } = c.req.valid('param');
    await decideRelease(c.var.deps, actor, id, 'released', c.req.valid('json').reason, c.var.requestId);
    return c.json(await getDecidedTicket(c.var.deps, actor, id, requestLocale(c)), 200);
  })

  // POST /api/tickets/:id/reject {reason}
  .post('/:id/reject', pathParams(idParam), jsonBody(shortReasonBody), async (c) => {
    const actor = c.var.actor!;
    customerOnly(actor.kind);
    const { id } = c.req.valid('param');
    await decideRelease(c.var.deps, actor, id, 'rejected', c.req.valid('json').reason, c.var.requestId);
    return c.json(await getDecidedTicket(c.var.deps, actor, id, requestLocale(c)), 200);
  })

  // POST /api/tickets/:id/resubmit {comment?} — the author sends a rejected ticket again
  .post('/:id/resubmit', pathParams(idParam), jsonBody(z.object({ comment: z.string().trim().max(maxReasonLength).optional() })), async (c) => {
    const actor = c.var.actor!;
    customerOnly(actor.kind);
    const { id } = c.req.valid('param');
    await resubmitTicket(c.var.deps, actor, id, c.req.valid('json').comment || undefined);
    return c.json(await getTicketDetail(c.var.deps, actor, id, requestLocale(c)), 200);
  });
