import { Hono } from 'hono';
import type { AppEnv } from '../deps.js';
import { jsonBody, pathParams } from '../http/validate.js';
import { forbidden } from '../http/errors.js';
import {
  activityPatch,
  agentActivityBody,
  agentActivityPatch,
  boardBody,
  boardPatch,
  columnBody,
  columnParams,
  membersBody,
  planIdParam,
} from '../schemas/plan.js';
import {
  agentAddColumn,
  agentCreateActivity,
  agentCreateBoard,
  agentDeleteActivity,
  agentDeleteColumn,
  agentSetMembers,
  agentUpdateBoard,
  agentUpdateColumn,
  getActivityDto,
  getBoard,
  listBoards,
  patchActivity,
} from '../domain/plan.js';

/** Plan boards as members see them (R-PLAN-1..5). */
export const planRoutes = new Hono<AppEnv>()
  // GET /api/planboards
  .get('/planboards', async (c) => c.json(await listBoards(c.var.deps, c.var.actor!), 200))
  // GET /api/planboards/:id
  .get('/planboards/:id', pathParams(planIdParam), async (c) => c.json(await getBoard(c.var.deps, c.var.actor!, c.req.valid('param').id), 200))
  // PATCH /api/plan-activities/:id {version, startDate?, endDate?, durationHours?, priority?, columnId?, position?}
  // (title, description and ticketId are agents' fields: board editors get 403)
  .patch('/plan-activities/:id', pathParams(planIdParam), jsonBody(activityPatch), async (c) => {
    return c.json(await patchActivity(c.var.deps, c.var.actor!, c.req.valid('param').id, c.req.valid('json'), c.var.requestId), 200);
  });

/** Agents manage boards, columns, members and activities (`/api/agent/plan/*`); customers get 403. */
export const agentPlanRoutes = new Hono<AppEnv>()
  .use(async (c, next) => {
    if (c.var.actor!.kind !== 'agent') throw forbidden('Only service-desk agents may manage plan boards');
    await next();
  })
  // GET /api/agent/plan/boards
  .get('/boards', async (c) => c.json(await listBoards(c.var.deps, c.var.actor!), 200))
  // POST /api/agent/plan/boards
  .post('/boards', jsonBody(boardBody), async (c) => {
    const id = await agentCreateBoard(c.var.deps, c.var.actor!, c.req.valid('json'));
    return c.json(await getBoard(c.var.deps, c.var.actor!, id), 201);
  })
  // GET /api/agent/plan/boards/:id
  .get('/boards/:id', pathParams(planIdParam), async (c) => c.json(await getBoard(c.var.deps, c.var.actor!, c.req.valid('param').id), 200))
  // PATCH /api/agent/plan/boards/:id
  .patch('/boards/:id', pathParams(planIdParam), jsonBody(boardPatch), async (c) => {
    const { id } = c.req.valid('param');
    await agentUpdateBoard(c.var.deps, c.var.actor!, id, c.req.valid('json'));
    return c.json(await getBoard(c.var.deps, c.var.actor!, id), 200);
  })
  // POST /api/agent/plan/boards/:id/columns
  .post('/boards/:id/columns', pathParams(planIdParam), jsonBody(columnBody), async (c) => {
    const { id } = c.req.valid('param');
    await agentAddColumn(c.var.deps, c.var.actor!, id, c.req.valid('json'));
    return c.json(await getBoard(c.var.deps, c.var.actor!, id), 201);
  })
  // PATCH /api/agent/plan/boards/:id/columns/:columnId
  .patch('/boards/:id/columns/:columnId', pathParams(columnParams), jsonBody(columnBody.partial()), async (c) => {
    const { id, columnId } = c.req.valid('param');
    await agentUpdateColumn(c.var.deps, c.var.actor!, id, columnId, c.req.valid('json'));
    return c.json(await getBoard(c.var.deps, c.var.actor!, id), 200);
  })
  // DELETE /api/agent/plan/boards/:id/columns/:columnId — only when empty
  .delete('/boards/:id/columns/:columnId', pathParams(columnParams), async (c) => {
    const { id, columnId } = c.req.valid('param');
    await agentDeleteColumn(c.var.deps, c.var.actor!, id, columnId);
    return c.body(null, 204);
  })
  // PUT /api/agent/plan/boards/:id/members {members: [{email, role}]}
  .put('/boards/:id/members', pathParams(planIdParam), jsonBody(membersBody), async (c) => {
    const { id } = c.req.valid('param');
    await agentSetMembers(c.var.deps, c.var.actor!, id, c.req.valid('json').members);
    return c.json(await getBoard(c.var.deps, c.var.actor!, id), 200);
  })
  // POST /api/agent/plan/boards/:id/activities
  .post('/boards/:id/activities', pathParams(planIdParam), jsonBody(agentActivityBody), async (c) => {
    const activityId = await agentCreateActivity(c.var.deps, c.var.actor!, c.req.valid('param').id, c.req.valid('json'));
    return c.json(await getActivityDto(c.var.deps, c.var.actor!, activityId), 201);
  })
  // PATCH /api/agent/plan/activities/:id
  .patch('/activities/:id', pathParams(planIdParam), jsonBody(agentActivityPatch), async (c) => {
    return c.json(await patchActivity(c.var.deps, c.var.actor!, c.req.valid('param').id, c.req.valid('json'), c.var.requestId), 200);
  })
  // DELETE /api/agent/plan/activities/:id
  .delete('/activities/:id', pathParams(planIdParam), async (c) => {
    await agentDeleteActivity(c.var.deps, c.var.actor!, c.req.valid('param').id);
    return c.body(null, 204);
  });
