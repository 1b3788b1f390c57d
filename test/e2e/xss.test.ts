/**
 * The attack corpus rendered (issue 8): the payloads of test/server/xss-payloads.ts go into every
 * text field through the API of a real server (subjects, references, tags, descriptions,
 * positions, agent replies, reasons, names, file names, saved queries, knowledge-base sections
 * and articles, plan boards, columns and activities), then every widget shows them in Chromium:
 * the demo portal (dashboard, board, ticket detail, approvals, wizard, knowledge base, plan
 * board), each ticket, article and board on its own, the agent page, the outbox page, and every
 * e-mail's HTML in an iframe. Nothing may execute:
 *
 *   - no dialog (`alert`), no console message carrying a payload id,
 *   - no request to the marker host (every request to it is caught and counted),
 *   - no live markup in the DOM, shadow roots included: no event-handler attribute, no
 *     `javascript:`/`data:text` URL, no script, iframe (other than a sandboxed one without
 *     scripts), object, embed, base or meta refresh that came from data.
 *
 * The pages' Content-Security-Policy is removed for this test: partners embed the widgets in
 * intranet pages that may have none, so the widgets must be safe on their own. Figures go to
 * test-results/security.json (section `xssRender`).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { DEMO_PASSWORD, e2eSuite } from './harness.js';
import { FILES, FIRED, MARKER_HOST, markerId, PAYLOADS } from '../server/xss-payloads.js';
import { recordSecurityFigures } from '../server/security-figures.js';

const e2e = e2eSuite({ seed: 'demo', ignoreConsole: [/./] });

const ERIK = 'erik.editor@nordwind.example';
const DORA = 'dora.dispatcher@nordwind.example';
const ANNA = 'anna.viewer@nordwind.example';
const AGENT = 'alex.agent@servicedesk.example';

// ---------------------------------------------------------------------------------------------
// The API, as the demo accounts (bearer sessions from the test process)

interface Api {
  token: string;
  send(method: string, path: string, body?: unknown): Promise<{ status: number; json: any }>;
  upload(path: string, name: string, data: string | Uint8Array): Promise<{ status: number; json: any }>;
}

async function apiAs(base: string, email: string): Promise<Api> {
  const r = await fetch(`${base}/api/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: base },
    body: JSON.stringify({ email, password: DEMO_PASSWORD, mode: 'bearer' }),
  });
  expect(r.status, `sign-in of ${email}`).toBe(200);
  const { token } = (await r.json()) as { token: string };
  const parse = async (res: Response) => {
    const text = await res.text();
    try {
      return { status: res.status, json: text ? JSON.parse(text) : undefined };
    } catch {
      return { status: res.status, json: text };
    }
  };
  return {
    token,
    send: async (method, path, body) =>
      parse(
        await fetch(`${base}${path}`, {
          method,
          headers: { authorization: `Bearer ${token}`, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
          ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
        }),
      ),
    upload: async (path, name, data) => {
      const form = new FormData();
      form.append('file', new Blob([typeof data === 'string' ? new TextEncoder().encode(data) : (data as Uint8Array<ArrayBuffer>)]), name);
      return parse(await fetch(`${base}${path}`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form }));
    },
  };
}

/** Payload texts joined into strings of at most `max` characters (for short fields like names). */
function bundles(max: number): string[] {
  const out: string[] = [];
  let cur = '';
  for (const p of PAYLOADS) {
    if (p.text.length > max || /[\u0000-\u001f]/.test(p.text)) continue;
    if (cur.length + p.text.length + 1 > max) {
      out.push(cur);
      cur = '';
    }
    cur += (cur ? ' ' : '') + p.text;
  }
  if (cur) out.push(cur);
  return out;
}
const plainOk = (s: string, max: number) => s.trim().length > 0 && s.length <= max && !/[\u0000-\u001f\u007f-\u009f]/.test(s);

interface World {
  subjectTickets: { id: string; released: boolean }[];
  corpusTickets: string[];
  articles: string[];
  boardId: string;
  activityWithAll: string;
}

/** Puts every payload into every field, through the API. */
async function populate(base: string): Promise<World> {
  const erik = await apiAs(base, ERIK);
  const dora = await apiAs(base, DORA);
  const agent = await apiAs(base, AGENT);
  const typeId = (await erik.send('GET', '/api/lookups/types')).json.items[0].id;
  const areaId = (await erik.send('GET', '/api/lookups/areas')).json.items[0].id;
  const ticket = (over: Record<string, unknown>) => ({ description: '<p>Korpus</p>', tags: [], typeId, areaId, urgency: 'medium', impact: 'low', release: false, private: false, ...over });
  const names = bundles(120);
  for (const [who, name] of [
    [erik, names[0]],
    [dora, names[1]],
    [agent, names[2]],
  ] as const) {
    expect((await who.send('PATCH', '/api/me', { name })).status).toBe(200);
  }

  // one ticket per payload: subject, reference and tag; every other one released with the payload as reason
  const subjectTickets: World['subjectTickets'] = [];
  for (const [i, p] of PAYLOADS.entries()) {
    const attempts = [
      ticket({ subject: p.text, ...(plainOk(p.text, 64) ? { referenceNo: p.text } : {}), ...(plainOk(p.text, 40) ? { tags: [p.text] } : {}) }),
      ticket({ subject: p.text }),
      ticket({ subject: `XSS-Korpus ${p.id}`, description: p.text }),
    ];
    let id = '';
    for (const body of attempts) {
      const r = await erik.send('POST', '/api/tickets', body);
      if (r.status === 201) {
        id = r.json.id;
        break;
      }
    }
    expect(id, `a ticket for ${p.id}`).not.toBe('');
    const released = i % 2 === 1;
    if (released) {
      const r = await dora.send('POST', `/api/tickets/${id}/release`, { reason: p.text });
      if (r.status !== 200) expect((await dora.send('POST', `/api/tickets/${id}/release`, { reason: 'Freigegeben.' })).status).toBe(200);
    }
    subjectTickets.push({ id, released });
  }

  // collection tickets: all payloads in the description, one position per payload, agent replies,
  // files named like payloads plus the hostile files, and a closing reason
  // (an image of an upload that is not this ticket's is refused in rich text: left out here)
  const all = PAYLOADS.filter((p) => !p.text.includes('/api/attachments/')).map((p) => p.text).join('\n');
  const corpusTickets: string[] = [];
  for (const n of [1, 2]) {
    const r = await erik.send('POST', '/api/tickets', ticket({ subject: `XSS-Sammelticket ${n}`, description: all.slice(0, 400_000), referenceNo: 'XSS-REF' }));
    expect(r.status).toBe(201);
    corpusTickets.push(r.json.id);
    expect((await dora.send('POST', `/api/tickets/${r.json.id}/release`, { reason: names[3] ?? 'Freigabe' })).status).toBe(200);
  }
  const [main, closing] = corpusTickets as [string, string];
  for (const p of PAYLOADS) {
    await erik.send('POST', `/api/tickets/${main}/positions`, { body: p.text });
    await erik.upload(`/api/tickets/${main}/attachments`, `${p.text.slice(0, 150)}.txt`, `Inhalt ${p.id}`);
  }
  for (const f of FILES) await erik.upload(`/api/tickets/${main}/attachments`, f.name, f.data);
  for (const p of PAYLOADS.slice(0, 20)) await agent.send('POST', `/api/agent/tickets/${main}/positions`, { body: p.text, internal: false });
  await agent.send('POST', `/api/agent/tickets/${main}/status`, { status: 'waiting_for_customer', reason: all.slice(0, 3900) });
  expect((await erik.send('POST', `/api/tickets/${closing}/close`, { reason: all.slice(0, 3900) })).status).toBe(200);

  // saved queries (at most 50 per account)
  for (const p of PAYLOADS.slice(0, 45)) {
    await erik.send('POST', '/api/queries', { name: plainOk(p.text, 80) ? p.text : `XSS ${p.id}`, description: p.text.slice(0, 300), filter: { q: 'XSS' } });
  }

  // knowledge base: sections and articles shared with Nordwind
  const partners = (await agent.send('GET', '/api/agent/partners')).json.items as { id: string; name: string }[];
  const nordwind = partners.find((p) => p.name.startsWith('Nordwind'))!.id;
  const sections: string[] = [];
  for (const name of bundles(120).slice(0, 4)) {
    const r = await agent.send('POST', '/api/agent/kb/sections', { nameDe: name, nameEn: name, sort: 0 });
    if (r.status === 201) sections.push(r.json.id);
  }
  expect(sections.length).toBeGreaterThan(0);
  const articles: string[] = [];
  const everything = await agent.send('POST', '/api/agent/kb/articles', {
    sectionId: sections[0],
    language: 'de',
    title: 'XSS-Sammelartikel',
    bodyHtml: PAYLOADS.map((p) => p.text).join('\n'),
    attributionHtml: all.slice(0, 4900),
    businessPartnerIds: [nordwind],
  });
  expect(everything.status, JSON.stringify(everything.json)).toBe(201);
  articles.push(everything.json.id);
  for (const [i, p] of PAYLOADS.entries()) {
    const r = await agent.send('POST', '/api/agent/kb/articles', {
      sectionId: sections[i % sections.length],
      language: 'de',
      title: plainOk(p.text, 200) ? p.text : `XSS-Artikel ${p.id}`,
      bodyHtml: `<p>Druckerwarteschlange</p>${p.text}`,
      attributionHtml: p.text,
      businessPartnerIds: [nordwind],
    });
    expect(r.status, `article ${p.id}: ${JSON.stringify(r.json)}`).toBe(201);
    articles.push(r.json.id);
  }

  // a plan board: title, description, columns and activities
  const board = await agent.send('POST', '/api/agent/plan/boards', {
    title: names[4] ?? 'XSS-Board',
    description: all.slice(0, 3900).replace(/[\u0000-\u0009\u000b-\u001f]/g, ' '),
    businessPartnerId: nordwind,
    columns: bundles(80).slice(0, 6),
  });
  expect(board.status, JSON.stringify(board.json)).toBe(201);
  await agent.send('PUT', `/api/agent/plan/boards/${board.json.id}/members`, { members: [{ email: ERIK, role: 'editor' }, { email: ANNA, role: 'observer' }] });
  let activityWithAll = '';
  for (const [i, p] of PAYLOADS.entries()) {
    const clean = p.text.replace(/[\u0000-\u0009\u000b-\u001f]/g, ' ');
    const r = await agent.send('POST', `/api/agent/plan/boards/${board.json.id}/activities`, {
      columnId: board.json.columns[i % board.json.columns.length].id,
      title: clean.slice(0, 200),
      description: i === 0 ? all.slice(0, 9000).replace(/[\u0000-\u0009\u000b-\u001f]/g, ' ') : clean,
      startDate: '2026-12-01',
      endDate: '2026-12-03',
      ticketId: subjectTickets[1]!.id,
    });
    expect(r.status, JSON.stringify(r.json)).toBe(201);
    if (i === 0) activityWithAll = r.json.id;
  }
  return { subjectTickets, corpusTickets, articles, boardId: board.json.id, activityWithAll };
}

// ---------------------------------------------------------------------------------------------
// Watching for anything that runs

const figures = { payloads: PAYLOADS.length + FILES.length, views: 0, renders: 0, executed: 0, markerRequests: 0, liveMarkup: 0, mails: 0 };
const fired = new Map<string, string>();
const markerRequests: string[] = [];
const liveMarkup = new Set<string>();
const viewNames = new Set<string>();

const requestedUrls: string[] = [];

/** Session tokens never travel in a URL (query, path or fragment), nor stand in the address bar. */
async function expectNoTokenInUrls(context: BrowserContext, page: Page) {
  const tokens = (await context.cookies()).filter((c) => c.name === 'portal_session').map((c) => c.value);
  expect(tokens.length, 'a session cookie').toBeGreaterThan(0);
  expect(requestedUrls.length).toBeGreaterThan(10);
  for (const t of tokens) {
    for (const u of [...requestedUrls, page.url()]) expect(u).not.toContain(t);
  }
}

function watch(context: BrowserContext, page: Page) {
  requestedUrls.length = 0;
  context.on('request', (r) => requestedUrls.push(r.url()));
  void context.route(`**://${MARKER_HOST}/**`, (route) => {
    markerRequests.push(route.request().url());
    return route.abort();
  });
  // the pages' CSP goes: the widgets must be safe without one
  void context.route(
    (url) => url.pathname === '/' || url.pathname.endsWith('.html'),
    async (route) => {
      const res = await route.fetch();
      const body = (await res.text()).replace(/<meta\s[^>]*http-equiv="Content-Security-Policy"[^>]*>/gis, '');
      await route.fulfill({ response: res, body, headers: { ...res.headers(), 'content-length': String(Buffer.byteLength(body)) } });
    },
  );
  page.on('dialog', (d) => {
    fired.set(d.message().match(FIRED)?.[1] ?? d.message(), `dialog: ${d.message()}`);
    void d.dismiss().catch(() => {});
  });
  page.on('console', (m) => {
    const hit = m.text().match(FIRED);
    if (hit) fired.set(hit[1]!, `console: ${m.text()}`);
  });
}

/** Live markup anywhere in the page (shadow roots included) that did not come from us. */
async function scan(page: Page, view: string): Promise<void> {
  figures.renders++;
  viewNames.add(view.split(' ').slice(0, 2).join(' '));
  await page.waitForTimeout(150);
  const found: string[] = await page.mainFrame().evaluate(scanDocument);
  for (const frame of page.frames().slice(1)) {
    // a frame may go away meanwhile; the main frame's scan above may not fail silently
    found.push(...(await frame.evaluate(scanDocument).catch(() => [] as string[])));
  }
  for (const f of found) liveMarkup.add(`${view}: ${f}`);
}

/** Runs in the page: what is live markup there (shadow roots included). */
function scanDocument(): string[] {
  {
    const problems: string[] = [];
    const urlAttrs = ['href', 'src', 'action', 'formaction', 'data', 'xlink:href', 'background', 'poster', 'ping', 'srcset', 'lowsrc', 'dynsrc'];
    const visit = (root: Document | ShadowRoot) => {
      for (const el of root.querySelectorAll('*')) {
        const tag = el.localName;
        for (const a of [...el.attributes]) {
          const name = a.name.toLowerCase();
          const v = a.value.replace(/[\u0000-\u0020]/g, '').toLowerCase();
          if (name.startsWith('on')) problems.push(`<${tag} ${name}="${a.value.slice(0, 60)}">`);
          if (urlAttrs.includes(name) && (/^(javascript|vbscript|data:text|data:application)/.test(v) || v.includes('xss.test'))) problems.push(`<${tag} ${name}="${a.value.slice(0, 60)}">`);
          if (name === 'srcdoc' && !(tag === 'iframe' && el.hasAttribute('sandbox') && !/allow-scripts/.test(el.getAttribute('sandbox') ?? ''))) problems.push(`<${tag} srcdoc>`);
          if (name === 'style' && /expression\(|xss\.test|javascript:/.test(v)) problems.push(`<${tag} style="${a.value.slice(0, 60)}">`);
        }
        if (tag === 'script') {
          const src = el.getAttribute('src') ?? '';
          if (!/^\/(widgets|demo)\//.test(src)) problems.push(`<script${src ? ` src="${src}"` : ''}>${(el.textContent ?? '').slice(0, 60)}`);
        }
        if (tag === 'iframe' && !(el.hasAttribute('sandbox') && !/allow-scripts/.test(el.getAttribute('sandbox') ?? ''))) problems.push('<iframe> without a sandbox');
        if (['object', 'embed', 'applet', 'frame', 'frameset', 'base'].includes(tag)) problems.push(`<${tag}>`);
        if (tag === 'meta' && el.hasAttribute('http-equiv') && el.closest('head') === null) problems.push('<meta http-equiv> in the body');
        if (tag === 'style' && /xss\.test|expression\(|@import/.test(el.textContent ?? '')) problems.push(`<style>${(el.textContent ?? '').slice(0, 60)}`);
        if (el.shadowRoot) visit(el.shadowRoot);
      }
    };
    visit(document);
    return problems;
  }
}

/**
 * The payloads the page shows as text (shadow roots included): proof that a view rendered the
 * hostile data at all, so "nothing ran" is not just "nothing was shown".
 */
async function shown(page: Page): Promise<number> {
  const text = await page.evaluate(() => {
    let out = '';
    const visit = (root: Node) => {
      for (const n of root.childNodes) {
        if (n.nodeType === Node.TEXT_NODE) out += n.textContent + ' ';
        else if (n instanceof Element) {
          if (n.shadowRoot) visit(n.shadowRoot);
          visit(n);
        }
      }
    };
    visit(document);
    return out;
  });
  return new Set(text.match(/XSS:p\d\d/g) ?? []).size;
}

/** Signs in with a cookie session from inside the page (as the demo portal itself would). */
async function signIn(page: Page, email: string) {
  await page.goto('/api/health');
  const status = await page.evaluate(async (e) => {
    const r = await fetch('/api/auth/sign-in', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: e, password: 'Portal-Demo-2026!' }) });
    return r.status;
  }, email);
  expect(status, `cookie sign-in of ${email}`).toBe(200);
}

/** Waits until the first `tag` (shadow roots included) shows `value` in `prop` and has settled. */
async function settled(page: Page, tag: string, prop?: string, value?: string) {
  await page.locator(tag).first().waitFor({ state: 'attached' });
  await expect
    .poll(
      () =>
        page
          .locator(tag)
          .first()
          .evaluate(
            (el, [p, v]) =>
              (!p || (el as unknown as Record<string, unknown>)[p] === v) &&
              // still loading a part (e.g. the knowledge base's article list under its sections)
              !el.matches(':state(busy)') &&
              ['ready', 'empty', 'error', 'not-found', 'not-allowed'].some((s) => {
                try {
                  return el.matches(`:state(${s})`);
                } catch {
                  return false;
                }
              }),
            [prop, value] as const,
          ),
      { timeout: 30_000, message: `<${tag}> settles` },
    )
    .toBe(true);
}

/** A host page of our own (no CSP), with one widget inside <portal-session>. */
async function hostPage(page: Page, widget: string) {
  await page.unroute('**/xss-host.html');
  await page.route('**/xss-host.html', (route) =>
    route.fulfill({
      contentType: 'text/html',
      body: `<!doctype html><html lang="de"><head><meta charset="utf-8"><title>Host</title><script type="module" src="/widgets/loader.js"></script></head><body><portal-session>${widget}</portal-session></body></html>`,
    }),
  );
  await page.goto('/xss-host.html');
}

let world: World;

beforeAll(async () => {
  world = await populate(e2e.server.url);
}, 300_000);

afterAll(async () => {
  figures.executed = fired.size;
  figures.markerRequests = markerRequests.length;
  figures.liveMarkup = liveMarkup.size;
  figures.views = viewNames.size;
  await recordSecurityFigures('xssRender', { ...figures, viewNames: [...viewNames].sort() });
});

const expectNothingRan = () => {
  expect([...fired.values()], 'payloads that ran').toEqual([]);
  expect(markerRequests.map(markerId), 'requests to the marker host').toEqual([]);
  expect([...liveMarkup], 'live markup from data in the DOM').toEqual([]);
};

describe('the attack corpus rendered in Chromium: nothing executes', () => {
  it('the watchers notice a dialog, a request to the marker host and live markup in a shadow root', async () => {
    const { page, context } = e2e;
    watch(context, page);
    await page.goto('/demo/mail.html');
    await page.evaluate(async (url) => {
      const host = document.createElement('div');
      host.id = 'canary';
      document.body.append(host);
      host.attachShadow({ mode: 'open' }).innerHTML = '<b onclick="void 0">canary</b>';
      alert('XSS:canary');
      await fetch(url).catch(() => {});
    }, `http://${MARKER_HOST}/canary`);
    await scan(page, 'canary');
    expect(fired.has('XSS:canary')).toBe(true);
    expect(markerRequests.some((u) => u.endsWith('/canary'))).toBe(true);
    expect([...liveMarkup].some((f) => f.startsWith('canary: <b onclick'))).toBe(true);
    // what the canary left is not a finding
    fired.clear();
    markerRequests.length = 0;
    liveMarkup.clear();
    viewNames.clear();
    figures.renders = 0;
  });

  it('demo portal as the editor: dashboard, board (every page), tickets, wizard, knowledge base, plan board', async () => {
    const { page, context } = e2e;
    watch(context, page);
    await signIn(page, ERIK);
    await page.goto('/#/dashboard');
    await settled(page, 'portal-dashboard');
    await scan(page, 'portal dashboard');

    await page.goto('/#/board');
    await settled(page, 'ticket-board');
    await page.locator('ticket-board').first().evaluate((el: any) => (el.pageSize = 100));
    await page.waitForTimeout(500);
    await settled(page, 'ticket-board');
    await scan(page, 'portal board');
    expect(await shown(page), 'payloads on the board').toBeGreaterThan(20);
    // the board's query list shows the saved queries with hostile names; run a search too
    const search = page.locator('ticket-board').getByRole('searchbox').first();
    if (await search.count()) {
      await search.fill('XSS');
      await search.press('Enter');
      await page.waitForTimeout(500);
      await scan(page, 'portal board search');
    }

    // subjects also show in the board, the approvals and the agent page; the detail of a few is enough here
    for (const t of [...world.corpusTickets, ...world.subjectTickets.slice(0, 10).map((x) => x.id)]) {
      await page.evaluate((id) => (location.hash = `#/tickets/${id}`), t);
      await settled(page, 'ticket-detail', 'ticketId', t);
      await scan(page, `portal ticket ${t}`);
      if (t === world.corpusTickets[0]) expect(await shown(page), 'payloads in the collection ticket').toBeGreaterThan(40);
    }

    await page.goto('/#/create');
    await settled(page, 'ticket-wizard').catch(() => {});
    await scan(page, 'portal wizard');
    const tags = page.locator('ticket-wizard').getByRole('combobox').first();
    if (await tags.count()) {
      await tags.fill('<');
      await page.waitForTimeout(500);
      await scan(page, 'portal wizard tag suggestions');
    }

    await page.goto('/#/kb');
    await settled(page, 'kb-browser');
    await scan(page, 'portal kb');
    expect(await shown(page), 'payloads in the knowledge base').toBeGreaterThan(10);
    // the first article carries every payload in its text; titles all show in the list above
    for (const a of world.articles.slice(0, 12)) {
      await page.evaluate((id) => (location.hash = `#/kb/${id}`), a);
      await settled(page, 'kb-browser', 'articleId', a);
      await scan(page, `portal kb article ${a}`);
      if (a === world.articles[0]) expect(await shown(page), 'payloads in the collection article').toBeGreaterThan(20);
    }

    await page.goto('/#/plan');
    await settled(page, 'plan-board');
    await scan(page, 'portal plan list');
    await page.locator('plan-board').first().evaluate((el: any, id: string) => (el.boardId = id), world.boardId);
    await settled(page, 'plan-board');
    await scan(page, 'portal plan board');
    expect(await shown(page), 'payloads on the plan board').toBeGreaterThan(20);
    const first = page.locator('plan-board').getByRole('button', { name: /XSS|alert/ }).first();
    if (await first.count()) {
      await first.click().catch(() => {});
      await page.waitForTimeout(300);
      await scan(page, 'portal plan activity');
    }
    expectNothingRan();
    await expectNoTokenInUrls(context, page);
  }, 300_000);

  it('demo portal as the dispatcher: approvals and the tickets awaiting release', async () => {
    const { page, context } = e2e;
    watch(context, page);
    await signIn(page, DORA);
    await page.goto('/#/approvals');
    await settled(page, 'approval-inbox');
    await scan(page, 'portal approvals');
    expect(await shown(page), 'payloads in the approvals').toBeGreaterThan(10);
    for (const t of world.subjectTickets.filter((x) => !x.released).slice(0, 10)) {
      await page.locator('approval-inbox').first().evaluate((el: any, id: string) => (el.ticketId = id), t.id);
      await settled(page, 'approval-inbox', 'ticketId', t.id);
      await scan(page, `portal approval ${t.id}`);
    }
    await page.goto('/#/dashboard');
    await settled(page, 'portal-dashboard');
    await scan(page, 'portal dashboard (dispatcher)');
    expectNothingRan();
  }, 180_000);

  it('each widget alone on a host page without CSP: detail, knowledge base, plan board, board', async () => {
    const { page, context } = e2e;
    watch(context, page);
    await signIn(page, ERIK);
    await hostPage(page, '<ticket-detail></ticket-detail>');
    for (const t of world.corpusTickets) {
      await page.locator('ticket-detail').evaluate((el: any, id: string) => (el.ticketId = id), t);
      await settled(page, 'ticket-detail', 'ticketId', t);
      await scan(page, `host ticket-detail ${t}`);
    }
    await hostPage(page, '<kb-browser></kb-browser>');
    await settled(page, 'kb-browser');
    await scan(page, 'host kb-browser');
    await page.locator('kb-browser').evaluate((el: any, id: string) => (el.articleId = id), world.articles[0]!);
    await settled(page, 'kb-browser');
    await scan(page, 'host kb-browser article');
    await hostPage(page, `<plan-board board-id="${world.boardId}"></plan-board>`);
    await settled(page, 'plan-board');
    await scan(page, 'host plan-board');
    await hostPage(page, '<ticket-board page-size="100"></ticket-board>');
    await settled(page, 'ticket-board');
    await scan(page, 'host ticket-board');
    await hostPage(page, '<portal-dashboard scope="all"></portal-dashboard>');
    await settled(page, 'portal-dashboard');
    await scan(page, 'host portal-dashboard');
    expectNothingRan();
  }, 180_000);

  it('agent page: tickets, knowledge base and plan boards', async () => {
    const { page, context } = e2e;
    watch(context, page);
    await signIn(page, AGENT);
    await page.goto('/demo/agent.html');
    await page.getByRole('tab', { name: 'Tickets' }).waitFor();
    await page.getByLabel('Suche').fill('XSS');
    await page.getByRole('button', { name: 'Suchen' }).click();
    await page.waitForTimeout(800);
    await scan(page, 'agent tickets');
    expect(await shown(page), 'payloads in the agent list').toBeGreaterThan(10);
    const ticketIds = await page.locator('#ticket-table a[data-ticket]').evaluateAll((els) => els.map((e) => e.getAttribute('data-ticket')!));
    expect(ticketIds.length).toBeGreaterThan(0);
    for (const id of ticketIds.slice(0, 10)) {
      await page.locator(`#ticket-table a[data-ticket="${id}"]`).click();
      await page.locator('#ticket-detail-view').waitFor();
      await page.waitForTimeout(250);
      await scan(page, `agent ticket ${id}`);
      await page.locator('#back-to-list').click();
    }
    await page.getByRole('tab', { name: 'Wissensdatenbank' }).click();
    await page.locator('#kb-articles button[data-article]').first().waitFor();
    await scan(page, 'agent kb');
    const articleIds = await page.locator('#kb-articles button[data-article]').evaluateAll((els) => els.map((e) => e.getAttribute('data-article')!));
    for (const id of articleIds.slice(0, 8)) {
      await page.locator(`#kb-articles button[data-article="${id}"]`).click();
      await page.waitForTimeout(250);
      await scan(page, `agent kb article ${id}`);
    }
    await page.getByRole('tab', { name: 'Planboards' }).click();
    await page.locator(`#boards-list button[data-board="${world.boardId}"]`).click();
    await page.locator('button[data-activity]').first().waitFor();
    await scan(page, 'agent plan board');
    await page.locator(`button[data-activity="${world.activityWithAll}"]`).click();
    await page.waitForTimeout(300);
    await scan(page, 'agent plan activity');
    await expectNoTokenInUrls(context, page);
    expectNothingRan();
  }, 240_000);

  it('outbox page and every e-mail in an unsandboxed iframe', async () => {
    const { page, context, server } = e2e;
    watch(context, page);
    await page.goto('/demo/mail.html');
    await page.locator('#list').getByRole('button').first().waitFor();
    await scan(page, 'mail list');
    expect(await shown(page), 'payloads in the outbox').toBeGreaterThan(10);
    const buttons = page.locator('#list').getByRole('button');
    for (let i = 0; i < Math.min(await buttons.count(), 12); i++) {
      await buttons.nth(i).click();
      await page.waitForTimeout(100);
      await scan(page, `mail page ${i}`);
    }
    // every e-mail as a mail client would show it: HTML in a frame that may run scripts
    const mails = server.query<{ id: string; html_body: string }>('select id, html_body from outbox order by created_at');
    expect(mails.length).toBeGreaterThan(PAYLOADS.length);
    for (let i = 0; i < mails.length; i += 60) {
      const batch = mails.slice(i, i + 60);
      await page.setContent('<!doctype html><title>Mails</title><body></body>');
      await page.evaluate((htmls) => {
        for (const h of htmls) {
          const f = document.createElement('iframe');
          f.srcdoc = h;
          document.body.append(f);
        }
      }, batch.map((m) => m.html_body));
      await page.waitForTimeout(400);
      figures.mails += batch.length;
      figures.renders += batch.length;
    }
    viewNames.add('e-mail');
    expectNothingRan();
  }, 240_000);
});
