import { z } from 'zod';

const id = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'Not a valid id');
const title = (what: string, max: number) =>
  z
    .string()
    .trim()
    .min(1, `${what} must not be empty`)
    .max(max, `${what} must have at most ${max} characters`)
    .refine((s) => /[\p{L}\p{N}]/u.test(s), `${what} must contain letters or digits`)
    .refine((s) => !/[\u0000-\u001f\u007f-\u009f]/.test(s), `${what} must not contain control characters`);

export const kbListQuery = z.object({
  section: id.optional(),
  q: z.string().max(200, 'The search text is too long').optional(),
  lang: z.enum(['de', 'en']).optional(),
  /** only the articles written in this language (the list's language choice); absent: all */
  language: z.enum(['de', 'en']).optional(),
});

export const kbSectionBody = z.object({
  nameDe: title('The German name', 120),
  nameEn: title('The English name', 120),
  sort: z.number().int().min(0).max(100_000).optional(),
});

export const kbSectionPatch = kbSectionBody.partial();

export const kbArticleBody = z.object({
  sectionId: id,
  language: z.enum(['de', 'en']),
  title: title('The title', 200),
  bodyHtml: z.string().max(1_000_000, 'The article is too long'),
  attributionHtml: z.string().max(5000).nullish(),
  businessPartnerIds: z.array(id).max(1000).default([]),
});

export const kbArticlePatch = z.object({
  /** the version the edit is based on (optimistic concurrency) */
  version: z.number().int().min(1),
  sectionId: id.optional(),
  language: z.enum(['de', 'en']).optional(),
  title: title('The title', 200).optional(),
  bodyHtml: z.string().max(1_000_000, 'The article is too long').optional(),
  attributionHtml: z.string().max(5000).nullish(),
});

export const kbSharesBody = z.object({
  businessPartnerIds: z.array(id).max(1000),
});

export const kbIdParam = z.object({ id });
