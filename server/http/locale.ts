import type { Context } from 'hono';
import type { AppEnv } from '../deps.js';
import type { Locale } from '../db/schema.js';

/** The language for names in answers: ?lang=, else Accept-Language, else the account's. */
export function requestLocale(c: Context<AppEnv>): Locale {
  const q = c.req.query('lang');
  if (q === 'de' || q === 'en') return q;
  const header = c.req.header('accept-language');
  if (header) {
    const first = header.split(',')[0]?.trim().slice(0, 2).toLowerCase();
    if (first === 'de' || first === 'en') return first;
  }
  return c.var.actor?.locale ?? 'de';
}
