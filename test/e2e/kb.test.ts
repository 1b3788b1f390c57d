/**
 * The knowledge base end to end on the demo page (R-KB-1..3): a Nordwind user opens the Knowledge
 * base entry, narrows it with a German search term that is part of a compound word, sees the
 * match marked, opens the article, comes back to the list with the search kept, and prints. A
 * Blue Harbor user, whose company has no shared article, has no Knowledge base entry at all
 * (R-KB-1) and the API refuses a Nordwind article to him like a missing one (R-X-4).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DEMO_PASSWORD, e2eSuite } from './harness.js';

const e2e = e2eSuite({ seed: 'demo' });

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** R-X-2: no axe-core violations in the page's current state (evaluated: the page's CSP forbids inline scripts). */
async function expectAccessible(page: Page, state: string) {
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: Document): Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } }).axe;
    const result = await axe.run(document);
    return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  });
  expect(violations, `axe violations (${state})`).toEqual([]);
}

async function signIn(page: Page, email: string) {
  await page.goto('/');
  const session = page.locator('portal-session');
  await session.getByLabel(/^(E-Mail-Adresse|E-mail address)$/).fill(email);
  await session.getByLabel(/^(Passwort|Password)$/).fill(DEMO_PASSWORD);
  await session.getByRole('button', { name: /^(Anmelden|Sign in)$/ }).click();
  await page.getByRole('navigation').getByRole('link', { name: /^(Ticket Board|Ticket board)$/ }).waitFor();
}

/** GET on the customer API with a bearer session of `email` (what the server answers, not what the UI shows). */
async function apiAs(baseUrl: string, email: string) {
  const res = await fetch(`${baseUrl}/api/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: baseUrl },
    body: JSON.stringify({ email, password: DEMO_PASSWORD, mode: 'bearer' }),
  });
  expect(res.status, `sign-in of ${email}`).toBe(200);
  const { token } = (await res.json()) as { token: string };
  return async (path: string) => {
    const r = await fetch(`${baseUrl}${path}`, { headers: { authorization: `Bearer ${token}`, accept: 'application/json' } });
    return { status: r.status, body: (await r.json()) as any };
  };
}

const kbEntry = (page: Page) => page.getByRole('navigation').getByRole('link', { name: /^(Wissensdatenbank|Knowledge base)$/ });

describe('knowledge base (R-KB-1..3)', () => {
  it('a Nordwind editor finds "Druckerwarteschlange leeren" by "warteschlange", opens it and comes back', async () => {
    const { page, server } = e2e;
    const [expected] = server.query<{ id: string; n: number }>(
      `select a.id, (select count(distinct x.id) from kb_article x join kb_share s on s.article_id = x.id join business_partner b on b.id = s.business_partner_id
          where b.name = 'Nordwind Logistik GmbH' and x.language = 'de') as n
         from kb_article a where a.title = 'Druckerwarteschlange leeren'`,
    );
    expect(expected, 'the seed has the article').toBeDefined();

    await signIn(page, 'erik.editor@nordwind.example');
    await kbEntry(page).click();
    const kb = page.locator('kb-browser');
    await kb.getByRole('heading', { name: 'Wissensdatenbank', level: 1 }).waitFor();

    // R-KB-2: sections on the left with their counts; "All sections" counts every shared article
    const sections = kb.getByRole('listbox', { name: 'Abschnitte' });
    await expect.poll(() => sections.getByRole('option').count()).toBeGreaterThan(2);
    await sections.getByRole('option', { name: `Alle Abschnitte ${expected!.n} Artikel`, selected: true }).waitFor();
    const all = kb.getByRole('region', { name: 'Alle Artikel' });
    await expect.poll(() => all.getByRole('listitem').count()).toBe(expected!.n);
    await expectAccessible(page, 'list');

    // R-KB-3: a lower-case part of the compound finds it; the match is marked in the title
    await kb.getByRole('searchbox', { name: 'Wissensdatenbank durchsuchen' }).fill('warteschlange');
    const results = kb.getByRole('region', { name: 'Ergebnisse für „warteschlange“' });
    const link = results.getByRole('button', { name: 'Druckerwarteschlange leeren' });
    await link.waitFor();
    await expect.poll(() => link.locator('mark').allTextContents()).toEqual(['warteschlange']);
    // the sections narrow to those with matches
    await expect.poll(() => sections.getByRole('option').count()).toBeLessThan(4);
    await expect.poll(() => kb.getByRole('status').filter({ hasText: /Artikel gefunden/ }).count()).toBe(1);
    await expectAccessible(page, 'search');

    // open it: title, text, way back
    await link.click();
    const title = kb.getByRole('heading', { name: 'Druckerwarteschlange leeren', level: 1 });
    await title.waitFor();
    await expect.poll(() => kb.locator('[part=body]').textContent()).toContain('Druckwarteschlange öffnen');
    await expect.poll(() => title.evaluate((h) => (h.getRootNode() as ShadowRoot).activeElement === h)).toBe(true);
    expect(await kb.getAttribute('article-id')).toBe(expected!.id);
    await expectAccessible(page, 'article');

    // print: the button calls window.print (stubbed; headless Chromium would wait on a dialog)
    await page.evaluate(() => {
      (window as unknown as { printed: number }).printed = 0;
      window.print = () => void (window as unknown as { printed: number }).printed++;
    });
    await kb.getByRole('button', { name: 'Drucken' }).click();
    expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
    // in print, only the article shows: the portal's header and navigation and the widget's buttons go
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('portal-app').evaluate((app) => getComputedStyle(app.shadowRoot!.querySelector('.nav')!).display)).toBe('none');
    expect(await kb.getByRole('button', { name: 'Zurück zur Übersicht' }).isVisible()).toBe(false);
    expect(await title.isVisible()).toBe(true);
    await page.emulateMedia({ media: 'screen' });

    // Escape goes back: the search is still there and the article's name has the focus again
    await page.keyboard.press('Escape');
    await link.waitFor();
    expect(await kb.getByRole('searchbox').inputValue()).toBe('warteschlange');
    await expect.poll(() => link.evaluate((b) => (b.getRootNode() as ShadowRoot).activeElement === b)).toBe(true);
    e2e.expectNoConsoleErrors();
  });

  it('a link to an article opens it directly (#/kb/<id>)', async () => {
    const { page, server } = e2e;
    const [article] = server.query<{ id: string }>(`select id from kb_article where title = 'Druckerwarteschlange leeren'`);
    await signIn(page, 'dora.dispatcher@nordwind.example');
    await page.goto(`/#/kb/${article!.id}`);
    await page.locator('kb-browser').getByRole('heading', { name: 'Druckerwarteschlange leeren', level: 1 }).waitFor();
    e2e.expectNoConsoleErrors();
  });

  it('a Blue Harbor user sees no Knowledge base entry; the API hides Nordwind articles from him (R-KB-1, R-X-4)', async () => {
    const { page, server } = e2e;
    await signIn(page, 'bob.editor@blueharbor.example');
    await page.getByRole('navigation').getByRole('link', { name: /^(Ticket board|Ticket Board)$/ }).waitFor();
    expect(await kbEntry(page).count()).toBe(0);
    // the view itself is not reachable by its address either: the portal shows the dashboard
    await page.goto('/#/kb');
    await page.getByRole('navigation').getByRole('link', { name: 'Dashboard' }).waitFor();
    expect(await page.locator('portal-app').evaluate((app) => !!app.shadowRoot!.querySelector('kb-browser'))).toBe(false);

    e2e.expectNoConsoleErrors();

    const [article] = server.query<{ id: string }>(`select id from kb_article where title = 'Druckerwarteschlange leeren'`);
    const bob = await apiAs(server.url, 'bob.editor@blueharbor.example');
    expect(await bob('/api/kb/sections')).toEqual({ status: 200, body: { items: [] } });
    expect((await bob('/api/kb/articles?q=warteschlange')).body.items).toEqual([]);
    const refused = await bob(`/api/kb/articles/${article!.id}`);
    expect(refused.status).toBe(404);
    expect(refused.body.error.code).toBe('not_found');
    // ... while Nordwind gets it
    expect((await (await apiAs(server.url, 'erik.editor@nordwind.example'))(`/api/kb/articles/${article!.id}`)).status).toBe(200);
  });
});
