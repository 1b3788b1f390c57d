import type { Context, TypedResponse } from 'hono';
import type { JSONParsed } from 'hono/utils/types';
import { validator } from 'hono/validator';
import type { z } from 'zod';
import { invalid } from './errors.js';
import type { ValidationIssue } from '../schemas/errors.js';

/** Zod issues as the envelope's `details.issues` (path dotted, '' for the whole input). */
export function zodIssues(error: z.ZodError): ValidationIssue[] {
  return error.issues.map((i) => ({
    path: i.path.map(String).join('.'),
    message: i.message,
  }));
}

export function parseOrThrow<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const r = schema.safeParse(value);
  if (!r.success) throw invalid(zodIssues(r.error));
  return r.data;
}

/**
 * Validators that keep Hono's RPC types. A body that is not JSON never reaches them: the
 * content-type gate answers 415 and malformed JSON 400 before any handler runs.
 */
export const jsonBody = <S extends z.ZodType>(schema: S) =>
  validator('json', (value): z.output<S> => parseOrThrow(schema, value));

export const queryParams = <S extends z.ZodType>(schema: S) =>
  validator('query', (value): z.output<S> => parseOrThrow(schema, value));

export const pathParams = <S extends z.ZodType>(schema: S) =>
  validator('param', (value): z.output<S> => parseOrThrow(schema, value));

/**
 * A JSON answer whose text (or its UTF-8 bytes) is already written (e.g. by SQLite), typed as `c.json(value, 200)`
 * would be for Hono's RPC client. The same response as `c.json` gives, without parsing the text
 * into objects and writing it again.
 */
export function jsonText<T extends object>(c: Context, text: string | Uint8Array): JSONRespondReturn<T, 200> {
  // a Buffer's memory is an ArrayBuffer (not shared) here
  return c.body(text as string | Uint8Array<ArrayBuffer>, 200, { 'Content-Type': 'application/json' }) as unknown as JSONRespondReturn<T, 200>;
}

type JSONRespondReturn<T extends object, U extends 200> = Response & TypedResponse<JSONParsed<T>, U, 'json'>;
