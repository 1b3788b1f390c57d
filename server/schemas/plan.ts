import { z } from 'zod';

const id = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'Not a valid id');

/** A calendar day, `YYYY-MM-DD`, that exists (no 2026-02-30). */
export const calendarDay = z
  .string()
  // abort: a malformed value gets one issue, not also "does not exist"
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'Use a calendar day as YYYY-MM-DD', abort: true })
  .refine((s) => {
    const d = new Date(s + 'T00:00:00Z');
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
  }, 'This day does not exist');

const text = (what: string, min: number, max: number) =>
  z
    .string()
    .trim()
    .min(min, `${what} must not be empty`)
    .max(max, `${what} must have at most ${max} characters`)
    .refine((s) => !/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/.test(s), `${what} must not contain control characters`);

export const planPriority = z.enum(['low', 'medium', 'high', 'critical']);

/**
 * A change to an activity, based on the version the caller saw. Board editors may change the
 * dates, duration, priority, column and position (R-PLAN-5); title, description and the ticket
 * link are agents' fields. They are part of the shape so that a board editor who sends them hears
 * "not allowed" (403) rather than "malformed" (422): the domain decides by the caller's role.
 */
export const activityPatch = z
  .object({
    version: z.number().int().min(1),
    startDate: calendarDay.optional(),
    endDate: calendarDay.optional(),
    durationHours: z.number().min(0).max(100_000).optional(),
    priority: planPriority.optional(),
    columnId: id.optional(),
    /** position within the column (0 = top) */
    position: z.number().int().min(0).max(100_000).optional(),
    title: text('The title', 1, 200).optional(),
    description: text('The description', 0, 10_000).optional(),
    ticketId: id.nullable().optional(),
  })
  .strict();

/** Agents change activities with the same shape (`PATCH /api/agent/plan/activities/:id`). */
export const agentActivityPatch = activityPatch;

export const agentActivityBody = z.object({
  columnId: id,
  title: text('The title', 1, 200),
  description: text('The description', 0, 10_000).default(''),
  startDate: calendarDay,
  endDate: calendarDay,
  durationHours: z.number().min(0).max(100_000).default(0),
  priority: planPriority.default('medium'),
  ticketId: id.nullable().optional(),
});

export const boardBody = z.object({
  title: text('The title', 1, 200),
  description: text('The description', 0, 4000).default(''),
  businessPartnerId: id.nullable().optional(),
  columns: z.array(text('A column title', 1, 80)).min(1, 'A board needs at least one column').max(20).default(['Geplant', 'In Arbeit', 'Erledigt']),
});

export const boardPatch = z.object({
  title: text('The title', 1, 200).optional(),
  description: text('The description', 0, 4000).optional(),
});

export const columnBody = z.object({ title: text('The column title', 1, 80), sort: z.number().int().min(0).max(1000).optional() });

export const membersBody = z.object({
  members: z
    .array(
      z.object({
        email: z.string().trim().min(3).max(254),
        role: z.enum(['observer', 'editor']),
      }),
    )
    .max(500),
});

export const planIdParam = z.object({ id });
export const columnParams = z.object({ id, columnId: id });
