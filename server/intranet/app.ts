import { createHmac, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Hono, type Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { SignJWT } from 'jose';
import type { IntranetUser } from './registry.js';

/**
 * "Nordwind Intranet": a stand-in for a business partner's own intranet, on its own origin
 * (issue 7). It has a demo login of its own (pick a Nordwind employee; remembered in an HttpOnly
 * cookie of the intranet's origin), serves demo/intranet.html with the portal's widgets, and
 * signs short host tokens for the signed-in employee at `GET /token` — what a real intranet's
 * backend does with the key it registered at the portal. Nothing here talks to the portal's
 * database or API: the portal URL, the key and the employee list come in as options.
 */
export interface IntranetOptions {
  /** the portal's base URL, e.g. http://localhost:8787 (filled into the page) */
  portalUrl: string;
  /** `iss`, `aud` and HS256 secret of the key the partner registered */
  issuer: string;
  audience: string;
  secret: string;
  /** who may pick themselves on the demo login */
  users: readonly IntranetUser[];
  /** the folder with intranet.html, intranet-login.html, intranet.css, intranet.js */
  pageDir: string;
  /** lifetime of a host token in seconds (default 60) */
  tokenSeconds?: number;
  now?: () => Date;
}

export const INTRANET_COOKIE = 'nordwind_intranet_user';

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!);

const roleNames: Record<IntranetUser['role'], { de: string; en: string }> = {
  viewer: { de: 'Leserecht', en: 'viewer' },
  editor: { de: 'Bearbeiter', en: 'editor' },
  dispatcher: { de: 'Ticket-Dispatcher', en: 'dispatcher' },
};

function initials(name: string): string {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .map((p) => p[0]!.toUpperCase())
    .slice(0, 2)
    .join('');
}

export function createIntranetApp(options: IntranetOptions) {
  const now = options.now ?? (() => new Date());
  const portal = new URL(options.portalUrl).origin;
  const cookieKey = randomBytes(32);
  const secret = new TextEncoder().encode(options.secret);
  const byEmail = new Map(options.users.map((u) => [u.email.toLowerCase(), u]));

  const sign = (value: string) => createHmac('sha256', cookieKey).update(value).digest('base64url');

  /** The employee the intranet's cookie names, if its signature is ours. */
  function currentUser(c: Context): IntranetUser | null {
    const raw = getCookie(c, INTRANET_COOKIE);
    if (!raw) return null;
    const dot = raw.lastIndexOf('.');
    if (dot <= 0) return null;
    const value = raw.slice(0, dot);
    const mac = Buffer.from(raw.slice(dot + 1));
    const expected = Buffer.from(sign(value));
    if (mac.length !== expected.length || !timingSafeEqual(mac, expected)) return null;
    const email = Buffer.from(value, 'base64url').toString('utf8');
    return byEmail.get(email) ?? null;
  }

  const csp = [
    "default-src 'self'",
    `script-src 'self' ${portal}`,
    `connect-src 'self' ${portal}`,
    `img-src 'self' ${portal} data: blob:`,
    "style-src 'self'",
    "font-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');

  async function page(c: Context, file: string, values: Record<string, string>) {
    let html = await readFile(join(options.pageDir, file), 'utf8');
    html = html.replace(/\{\{(\w+)\}\}/g, (whole, key: string) => (key in values ? values[key]! : whole));
    c.header('Content-Security-Policy', csp);
    c.header('Cache-Control', 'no-store');
    c.header('X-Content-Type-Options', 'nosniff');
    c.header('Referrer-Policy', 'no-referrer');
    return c.html(html);
  }

  /** Cookie-backed forms and the token: only from the intranet's own pages. */
  function sameOrigin(c: Context): boolean {
    const site = c.req.header('sec-fetch-site');
    if (site !== undefined) return site === 'same-origin' || site === 'none';
    const origin = c.req.header('origin');
    return origin === undefined || origin === new URL(c.req.url).origin;
  }

  const app = new Hono();

  // GET / — the intranet start page with the portal's widgets, or the demo login
  app.get('/', async (c) => {
    const user = currentUser(c);
    if (!user) {
      const items = options.users
        .map(
          (u) => `<li><button class="person" type="submit" name="email" value="${escapeHtml(u.email)}">
            <span class="avatar" aria-hidden="true">${escapeHtml(initials(u.name))}</span>
            <span class="who"><span class="name">${escapeHtml(u.name)}</span>
            <span class="mail">${escapeHtml(u.email)}</span></span>
            <span class="role"><span data-l="de">Portal: ${roleNames[u.role].de}</span><span data-l="en">Portal: ${roleNames[u.role].en}</span></span>
          </button></li>`,
        )
        .join('\n');
      return page(c, 'intranet-login.html', { users: items });
    }
    return page(c, 'intranet.html', {
      portal: escapeHtml(portal),
      userName: escapeHtml(user.name),
      userEmail: escapeHtml(user.email),
      initials: escapeHtml(initials(user.name)),
    });
  });

  // POST /login — the demo login: the chosen employee, remembered in an HttpOnly cookie
  app.post('/login', async (c) => {
    if (!sameOrigin(c)) return c.text('Forbidden', 403);
    const form = await c.req.parseBody();
    const email = typeof form.email === 'string' ? form.email.trim().toLowerCase() : '';
    const user = byEmail.get(email);
    if (!user) return c.redirect('/', 303);
    const value = Buffer.from(user.email, 'utf8').toString('base64url');
    setCookie(c, INTRANET_COOKIE, `${value}.${sign(value)}`, { httpOnly: true, sameSite: 'Lax', path: '/', maxAge: 8 * 3600 });
    return c.redirect('/', 303);
  });

  // POST /logout — leaves the intranet (the portal session in the page's memory goes with it)
  app.post('/logout', (c) => {
    if (!sameOrigin(c)) return c.text('Forbidden', 403);
    deleteCookie(c, INTRANET_COOKIE, { path: '/' });
    return c.redirect('/', 303);
  });

  // GET /token — a short host token for the signed-in employee (HS256, 60 s, single-use jti)
  app.get('/token', async (c) => {
    c.header('Cache-Control', 'no-store');
    if (!sameOrigin(c)) return c.json({ error: 'forbidden' }, 403);
    const user = currentUser(c);
    if (!user) return c.json({ error: 'not signed in to the intranet' }, 401);
    const nowS = Math.floor(now().getTime() / 1000);
    const token = await new SignJWT({})
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setSubject(user.email)
      .setIssuer(options.issuer)
      .setAudience(options.audience)
      .setJti(randomUUID())
      .setIssuedAt(nowS)
      .setExpirationTime(nowS + (options.tokenSeconds ?? 60))
      .sign(secret);
    return c.json({ token });
  });

  // the page's own stylesheet and script
  for (const [path, file, type] of [
    ['/intranet.css', 'intranet.css', 'text/css; charset=utf-8'],
    ['/intranet.js', 'intranet.js', 'text/javascript; charset=utf-8'],
  ] as const) {
    app.get(path, async (c) => {
      const body = await readFile(join(options.pageDir, file), 'utf8');
      return c.body(body, 200, { 'Content-Type': type, 'Cache-Control': 'no-cache', 'X-Content-Type-Options': 'nosniff' });
    });
  }
  app.get('/favicon.ico', (c) => c.body(null, 204));

  app.notFound((c) => c.text('Not found', 404));
  return app;
}
