import { z } from 'zod';
import { maxAttachmentsPerSubmission } from './uploads.js';
import { maxReasonLength } from './text-limits.js';

export const ticketStatuses = [
  'awaiting_release',
  'release_rejected',
  'new',
  'in_progress',
  'waiting_for_customer',
  'resolved',
  'closed',
] as const;
export const openStatuses = ['awaiting_release', 'release_rejected', 'new', 'in_progress', 'waiting_for_customer'] as const;
export const levelValues = ['low', 'medium', 'high'] as const;
export const priorityValues = ['low', 'medium', 'high', 'critical'] as const;
export const sortKeys = ['updatedAt', 'createdAt', 'number', 'subject', 'status', 'priority', 'type', 'author', 'partner'] as const;

export type TicketStatus = (typeof ticketStatuses)[number];
export type SortKey = (typeof sortKeys)[number];

const id = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'Not a valid id');

/** Something a person can read: not empty, not only spaces or punctuation. */
const meaningful = (what: string, min: number, max: number) =>
  z
    .string()
    .trim()
    .min(min, `${what} must have at least ${min} characters`)
    .max(max, `${what} must have at most ${max} characters`)
    .refine((s) => /[\p{L}\p{N}]/u.test(s), `${what} must contain letters or digits`);

/** Plain-text single line: control characters are refused, not silently dropped. */
const plainLine = (what: string, max: number) =>
  z
    .string()
    .trim()
    .max(max, `${what} must have at most ${max} characters`)
    .refine((s) => !/[\u0000-\u001f\u007f-\u009f]/.test(s), `${what} must not contain control characters`);

export const tagName = plainLine('A tag', 40).pipe(z.string().min(1, 'A tag must not be empty'));

export const richTextInput = z.string().max(500_000, 'The text is too long');

export const createTicketBody = z.object({
  subject: meaningful('The subject', 3, 200).pipe(plainLine('The subject', 200)),
  description: richTextInput.default(''),
  tags: z.array(tagName).max(20, 'At most 20 tags').default([]),
  businessPartnerId: id.optional(),
  referenceNo: plainLine('The reference number', 64).nullish(),
  typeId: id,
  areaId: id,
  urgency: z.enum(levelValues),
  impact: z.enum(levelValues),
  release: z.boolean().default(false),
  private: z.boolean().default(false),
  /** uploads made while writing (POST /api/uploads), attached to the new ticket */
  attachmentIds: z.array(id).max(maxAttachmentsPerSubmission).default([]),
});
export type CreateTicketInput = z.output<typeof createTicketBody>;

/** A saved filter (system or personal query). */
export const ticketFilter = z
  .object({
    statuses: z.array(z.enum(ticketStatuses)).max(7).optional(),
    authorIsMe: z.boolean().optional(),
    priorities: z.array(z.enum(priorityValues)).max(4).optional(),
    closedWithinDays: z.number().int().min(1).max(3650).optional(),
    typeIds: z.array(id).max(50).optional(),
    q: z.string().max(200).optional(),
  })
  .strict();
export type TicketFilter = z.output<typeof ticketFilter>;

const csv = <T extends z.ZodType<unknown, string>>(item: T) =>
  z
    .union([z.string(), z.array(z.string())])
    .transform((v) => (Array.isArray(v) ? v : v.split(',')).map((s) => s.trim()).filter(Boolean))
    .pipe(z.array(item).max(50));

export const listTicketsQuery = z.object({
  /** a saved query id (or a system query's key) */
  query: z.string().max(60).optional(),
  q: z.string().max(200, 'The search text is too long').optional(),
  status: csv(z.enum(ticketStatuses)).optional(),
  type: csv(id).optional(),
  priority: csv(z.enum(priorityValues)).optional(),
  partner: id.optional(),
  sort: z.enum(sortKeys).default('updatedAt'),
  dir: z.enum(['asc', 'desc']).optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(25),
  lang: z.enum(['de', 'en']).optional(),
});
export type ListTicketsQuery = z.output<typeof listTicketsQuery>;

export const positionBody = z.object({
  body: richTextInput,
  attachmentIds: z.array(id).max(maxAttachmentsPerSubmission).default([]),
});

export const reasonBody = z.object({
  reason: meaningful('The reason', 10, maxReasonLength),
});

export const shortReasonBody = z.object({
  reason: meaningful('The reason', 3, maxReasonLength),
});

export const agentPositionBody = z.object({
  body: richTextInput,
  internal: z.boolean().default(false),
  attachmentIds: z.array(id).max(maxAttachmentsPerSubmission).default([]),
});

export const agentStatusBody = z.object({
  status: z.enum(['in_progress', 'waiting_for_customer', 'resolved', 'closed']),
  reason: z.string().trim().max(maxReasonLength).optional(),
});

export const savedQueryBody = z.object({
  name: meaningful('The name', 1, 80),
  description: z.string().trim().max(300).default(''),
  filter: ticketFilter,
});

export const idParam = z.object({ id });

/** The author revises a rejected ticket (every field optional; `version` as last seen). */
export const updateTicketBody = z
  .object({
    version: z.number().int().min(1),
    subject: meaningful('The subject', 3, 200).pipe(plainLine('The subject', 200)).optional(),
    description: richTextInput.optional(),
    tags: z.array(tagName).max(20, 'At most 20 tags').optional(),
    referenceNo: plainLine('The reference number', 64).nullish(),
    typeId: id.optional(),
    areaId: id.optional(),
    urgency: z.enum(levelValues).optional(),
    impact: z.enum(levelValues).optional(),
    private: z.boolean().optional(),
  })
  .strict();
export type UpdateTicketInput = z.output<typeof updateTicketBody>;
