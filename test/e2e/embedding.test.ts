/**
 * Issue 7 end to end, on two origins: the demo intranet ("Nordwind Intranet", http://localhost:<p>)
 * embeds the portal's widgets from the portal (http://127.0.0.1:<q>) with one loader script. The
 * intranet's own login signs the employee in; its backend signs a short host token; the widgets
 * exchange it for a bearer session. Board, wizard and knowledge base work there; no portal cookie
 * is ever set or sent. A page on an origin no partner registered gets neither the widgets nor the
 * API (CORS blocks it in the browser, the server answers 403).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SignJWT, decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page, Request } from 'playwright-core';
import { e2eSuite, freePort } from './harness.js';

const e2e = e2eSuite({ seed: 'demo', intranet: true, locale: 'de-DE' });

const ERIK = 'erik.editor@nordwind.example';
const NEU = 'neu.kunde@nordwind.example';

/** Every request the page sends to the portal, with whether it carried a cookie. */
function watchPortalRequests(page: Page, portalUrl: string) {
  const seen: { url: string; method: string; cookie: boolean; authorization: boolean }[] = [];
  page.on('request', (r: Request) => {
    if (!r.url().startsWith(portalUrl)) return;
    const h = r.headers();
    seen.push({ url: r.url(), method: r.method(), cookie: 'cookie' in h, authorization: 'authorization' in h });
  });
  return seen;
}

async function signInToIntranet(page: Page, intranetUrl: string, name: RegExp) {
  await page.goto(intranetUrl);
  await expect.poll(() => page.title()).toMatch(/Nordwind Intranet/);
  await page.getByRole('button', { name }).click();
  await page.waitForURL(`${intranetUrl}/`);
}

async function sessionState(page: Page) {
  return page.locator('portal-session').evaluate((el) => {
    const s = (el as unknown as { state: { status: string; me?: { account: { email: string } } } }).state;
    return { status: s.status, email: s.me?.account.email ?? null };
  });
}

describe('the demo intranet embeds the widgets with host sign-in (issue 7)', () => {
  it('signs the intranet user in without a portal password; board, wizard and knowledge base work; no portal cookie', async () => {
    const { page, server, context } = e2e;
    const intranet = server.intranetUrl!;
    expect(new URL(intranet).origin).not.toBe(new URL(server.url).origin);
    const requests = watchPortalRequests(page, server.url);

    await signInToIntranet(page, intranet, /Erik Brandt/);
    // the session element came from the portal's origin and signed in with the host token
    await expect.poll(() => sessionState(page), { timeout: 20_000 }).toEqual({ status: 'signed-in', email: ERIK });
    expect(await page.locator('portal-session').getByRole('button', { name: /^(Anmelden|Sign in)$/ }).count()).toBe(0);
    const sessions = server.query<{ via: string; email: string }>(
      `select session.via, account.email from session join account on account.id = session.account_id`,
    );
    expect(sessions).toEqual([{ via: 'host', email: ERIK }]);

    // board: the company's tickets, one opened in place and closed again
    const rows = page.locator('ticket-board [part=row]');
    await rows.first().waitFor();
    expect(await rows.count()).toBeGreaterThan(3);
    const first = rows.first().locator('button.open');
    const subject = (await first.innerText()).trim();
    await first.click();
    await page.locator('ticket-board [part=detail] ticket-detail').getByRole('heading', { name: subject }).first().waitFor();
    await page.locator('ticket-board [part=back]').click();
    await rows.first().waitFor();

    // knowledge base: search, open an article
    const kb = page.locator('kb-browser');
    await kb.locator('[part=item-title]').first().waitFor();
    await kb.locator('input[type=search]').fill('VPN');
    await kb.locator('input[type=search]').press('Enter');
    const hit = kb.locator('[part=item-title]').filter({ hasText: /VPN/ }).first();
    await hit.waitFor();
    const title = (await hit.innerText()).trim();
    await hit.click();
    await kb.locator('[part=article-title]').filter({ hasText: title }).waitFor();
    expect((await kb.locator('[part=body]').innerText()).length).toBeGreaterThan(20);

    // wizard: a ticket from the intranet, all six steps, the rich-text editor loaded lazily from the portal
    const wizard = page.locator('ticket-wizard');
    const nextStep = () => wizard.locator('[part=actions] button[type=submit]').click();
    const subjectText = `Scanner in Halle 3 meldet Fehler E-${Date.now() % 100000}`;
    await wizard.locator('#subject').fill(subjectText);
    await nextStep();
    await nextStep(); // no attachments
    const editor = wizard.locator('.ProseMirror');
    await editor.waitFor({ timeout: 20_000 });
    await editor.click();
    await page.keyboard.type('Seit heute früh zeigt der Handscanner E-17.');
    await nextStep();
    const typeSelect = wizard.locator('#type');
    await typeSelect.waitFor();
    const typeValue = await typeSelect.locator('option:not([value=""])').first().getAttribute('value');
    await typeSelect.selectOption(typeValue!);
    const areaSelect = wizard.locator('#area');
    const areaValue = await areaSelect.locator('option:not([value=""])').first().getAttribute('value');
    await areaSelect.selectOption(areaValue!);
    await nextStep();
    await nextStep(); // release and privacy: as offered
    await nextStep(); // review: create
    await wizard.locator('#success-title').waitFor({ timeout: 20_000 });
    const created = server.query<{ subject: string; email: string; status: string }>(
      `select ticket.subject, account.email, ticket.status from ticket join account on account.id = ticket.author_id where ticket.subject = ?`,
      subjectText,
    );
    expect(created).toEqual([{ subject: subjectText, email: ERIK, status: 'awaiting_release' }]);
    const description = server.query<{ description_html: string }>(`select description_html from ticket where subject = ?`, subjectText);
    expect(description[0]!.description_html).toContain('E-17');
    // the confirmation stays in view, and the board on the same page lists the new ticket at the top
    const inView = (h: Element) => h.getBoundingClientRect().top >= 0 && h.getBoundingClientRect().bottom <= innerHeight;
    await expect.poll(() => wizard.locator('#success-title').evaluate(inView)).toBe(true);
    await expect.poll(() => rows.first().locator('button.open').innerText(), { timeout: 10_000 }).toContain(subjectText);
    // "Open ticket": the intranet routes it itself (its own panel), the hash stays
    await wizard.getByRole('button', { name: /^(Ticket öffnen|Open ticket)$/ }).click();
    const panel = page.locator('#ticket');
    await panel.locator('ticket-detail').getByRole('heading', { name: subjectText }).first().waitFor();
    expect(await page.evaluate(() => location.hash)).toBe('');
    await panel.getByRole('button', { name: /^(Zurück zu meinen Tickets|Back to my tickets)$/ }).click();
    await panel.waitFor({ state: 'hidden' });

    // no cookie of the portal, ever: none in the browser, none sent, only bearer tokens
    expect(await context.cookies(server.url)).toEqual([]);
    const cookieNames = (await context.cookies()).map((c) => `${c.domain} ${c.name}`);
    expect(cookieNames).toEqual(['localhost nordwind_intranet_user']);
    const api = requests.filter((r) => new URL(r.url).pathname.startsWith('/api/') && r.method !== 'OPTIONS');
    expect(api.length).toBeGreaterThan(10);
    expect(requests.filter((r) => r.cookie)).toEqual([]);
    expect(api.filter((r) => !r.authorization).map((r) => new URL(r.url).pathname)).toEqual(['/api/auth/exchange']);
    // the widget files came from the portal, by CORS (a module script on another origin)
    expect(requests.some((r) => r.url === `${server.url}/widgets/loader.js`)).toBe(true);
    e2e.expectNoConsoleErrors();
  });

  it('an account with its first-login password change pending goes straight to the widgets', async () => {
    const { page, server } = e2e;
    await signInToIntranet(page, server.intranetUrl!, /Lena Neumann/);
    await expect.poll(() => sessionState(page), { timeout: 20_000 }).toEqual({ status: 'signed-in', email: NEU });
    await page.locator('ticket-board [part=row]').first().waitFor();
    expect(await page.locator('portal-session').getByRole('heading', { name: /Neues Passwort|new password/i }).count()).toBe(0);
    e2e.expectNoConsoleErrors();
  });

  it('signing out of the intranet leaves its login page; its token endpoint needs its login', async () => {
    const { page, server } = e2e;
    const intranet = server.intranetUrl!;
    const noLogin = await fetch(`${intranet}/token`);
    expect(noLogin.status).toBe(401);

    await signInToIntranet(page, intranet, /Dora Wagner/);
    await expect.poll(() => sessionState(page), { timeout: 20_000 }).toMatchObject({ status: 'signed-in' });
    // the host token: short, single-use, for this user, with the registered issuer and audience
    const { token } = await page.evaluate(async () => (await fetch('/token')).json());
    const claims = decodeJwt(token as string);
    expect(claims.sub).toBe('dora.dispatcher@nordwind.example');
    expect(claims.exp! - claims.iat!).toBe(60);
    expect(typeof claims.jti).toBe('string');
    const key = server.query<{ issuer: string; audience: string }>(`select issuer, audience from partner_key where revoked_at is null`);
    expect(key).toEqual([{ issuer: claims.iss, audience: claims.aud }]);

    await page.getByRole('button', { name: /^(Abmelden|Sign out)$/ }).click();
    await page.getByRole('heading', { name: /Anmeldung am Intranet|Sign in to the intranet/ }).waitFor();
    e2e.expectNoConsoleErrors();
  });
});

describe('the demo intranet when the loader script fails to load (issue 7, found by a fresh-eyes test)', () => {
  const undefinedWidgets = (page: Page) =>
    page.evaluate(() => ['portal-session', 'ticket-board', 'ticket-wizard', 'kb-browser'].filter((t) => !customElements.get(t)));

  it('a glitch: the page tries the loader again and the widgets come', async () => {
    const { page, server } = e2e;
    await signInToIntranet(page, server.intranetUrl!, /Erik Brandt/);
    await expect.poll(() => sessionState(page), { timeout: 20_000 }).toMatchObject({ status: 'signed-in' });
    let refused = 0;
    await page.route(`${server.url}/widgets/loader.js`, (route) => (refused++ < 2 ? route.abort() : route.continue()));
    await page.reload();
    await expect.poll(() => undefinedWidgets(page), { timeout: 15_000 }).toEqual([]);
    expect(refused).toBe(3);
    await expect.poll(() => sessionState(page), { timeout: 20_000 }).toEqual({ status: 'signed-in', email: ERIK });
    await page.locator('ticket-board [part=row]').first().waitFor();
    expect(await page.locator('[data-load-failed]').count()).toBe(0);
  });

  it('down for good: the place of each widget says it could not be loaded; back online, the widgets come after all', async () => {
    const { page, server, context } = e2e;
    await signInToIntranet(page, server.intranetUrl!, /Erik Brandt/);
    await expect.poll(() => sessionState(page), { timeout: 20_000 }).toMatchObject({ status: 'signed-in' });
    let down = true;
    await page.route(`${server.url}/widgets/loader.js`, (route) => (down ? route.abort() : route.continue()));
    await page.reload();
    // instead of "Wird geladen …" forever
    const board = page.locator('ticket-board');
    await expect.poll(() => board.evaluate((el) => el.hasAttribute('data-load-failed')), { timeout: 15_000 }).toBe(true);
    expect(await board.evaluate((el) => getComputedStyle(el, '::before').content)).toBe(
      '"Dieser Bereich konnte nicht geladen werden. Bitte laden Sie die Seite neu."',
    );
    expect(await page.locator('ticket-wizard[data-load-failed], kb-browser[data-load-failed]').count()).toBe(2);
    expect(await undefinedWidgets(page)).toHaveLength(4);

    down = false;
    await context.setOffline(true);
    await context.setOffline(false);
    await expect.poll(() => undefinedWidgets(page), { timeout: 15_000 }).toEqual([]);
    expect(await board.evaluate((el) => getComputedStyle(el, '::before').content)).toBe('none');
    await expect.poll(() => sessionState(page), { timeout: 20_000 }).toEqual({ status: 'signed-in', email: ERIK });
  });
});

describe('a page on an origin no partner registered (issue 7)', () => {
  let foreign: Server;
  let foreignUrl: string;

  beforeAll(async () => {
    const port = await freePort();
    foreign = createServer((req, res) => {
      const portal = e2e.server.url;
      if (req.url === '/') {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        res.end(`<!doctype html><html lang="en"><title>Not registered</title>
          <script type="module" src="${portal}/widgets/loader.js"></script>
          <portal-session api-base="${portal}"><ticket-board></ticket-board></portal-session>`);
        return;
      }
      res.writeHead(404).end();
    });
    await new Promise<void>((resolve) => foreign.listen(port, '127.0.0.1', resolve));
    foreignUrl = `http://localhost:${(foreign.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((resolve) => foreign?.close(resolve));
  });

  it('gets neither the widgets nor the API in the browser, and 403 from the server', async () => {
    const { page, server } = e2e;
    const blocked: string[] = [];
    page.on('requestfailed', (r) => blocked.push(r.url()));
    await page.goto(foreignUrl);
    await page.waitForTimeout(1500);
    // the module script is refused (no Access-Control-Allow-Origin for this origin)
    expect(await page.evaluate(() => customElements.get('portal-session') === undefined)).toBe(true);
    expect(blocked).toContain(`${server.url}/widgets/loader.js`);
    // the API: the browser refuses to hand over the answer ...
    const fromPage = await page.evaluate(async (portal) => {
      try {
        await fetch(`${portal}/api/health`);
        return 'read';
      } catch (e) {
        return (e as Error).name;
      }
    }, server.url);
    expect(fromPage).toBe('TypeError');

    // ... and the server refuses the origin outright, also for a valid host token
    const health = await fetch(`${server.url}/api/health`, { headers: { origin: foreignUrl } });
    expect(health.status).toBe(403);
    expect(health.headers.get('access-control-allow-origin')).toBeNull();
    const [key] = server.query<{ issuer: string; audience: string; key_material: string }>(
      `select issuer, audience, key_material from partner_key where revoked_at is null`,
    );
    const now = Math.floor(Date.now() / 1000);
    const sign = (jti: string) =>
      new SignJWT({})
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject(ERIK)
        .setIssuer(key!.issuer)
        .setAudience(key!.audience)
        .setJti(jti)
        .setIssuedAt(now)
        .setExpirationTime(now + 60)
        .sign(new TextEncoder().encode(key!.key_material));
    const sessionsBefore = server.query<{ n: number }>(`select count(*) as n from session`)[0]!.n;
    const refused = await fetch(`${server.url}/api/auth/exchange`, {
      method: 'POST',
      headers: { origin: foreignUrl, 'content-type': 'application/json' },
      body: JSON.stringify({ token: await sign(`foreign-${now}`) }),
    });
    expect(refused.status).toBe(403);
    expect(server.query<{ n: number }>(`select count(*) as n from session`)[0]!.n).toBe(sessionsBefore);
    // the same kind of token from the registered intranet origin is fine
    const accepted = await fetch(`${server.url}/api/auth/exchange`, {
      method: 'POST',
      headers: { origin: server.intranetUrl!, 'content-type': 'application/json' },
      body: JSON.stringify({ token: await sign(`intranet-${now}`) }),
    });
    expect(accepted.status).toBe(200);
    expect(accepted.headers.get('access-control-allow-origin')).toBe(server.intranetUrl);
  });
});
