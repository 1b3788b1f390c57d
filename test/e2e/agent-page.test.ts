/**
 * The provider's demo page (demo/agent.html) end to end: an agent works a released ticket (public
 * reply, internal note, status change) and the ticket's author sees exactly the public part
 * (R-TICKET-1/3, R-X-4); the agent shares a knowledge-base article with one business partner only
 * (R-KB-1..3); the agent creates a plan board with an activity and a member (R-PLAN-1..5).
 * Checks of what customers see go through the customer API with the customers' own sessions.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DEMO_PASSWORD, e2eSuite, type PortalServer } from './harness.js';

const e2e = e2eSuite({ seed: 'demo' });

const AGENT = 'alex.agent@servicedesk.example';

/** A bearer session of a demo customer, for reading the customer API as that person. */
async function customerApi(server: PortalServer, email: string) {
  const res = await fetch(`${server.url}/api/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: server.url },
    body: JSON.stringify({ email, password: DEMO_PASSWORD, mode: 'bearer' }),
  });
  expect(res.status, `sign-in of ${email}`).toBe(200);
  const { token } = (await res.json()) as { token: string };
  return async <T = any>(path: string): Promise<{ status: number; body: T }> => {
    const r = await fetch(`${server.url}${path}`, { headers: { authorization: `Bearer ${token}`, accept: 'application/json' } });
    return { status: r.status, body: (await r.json()) as T };
  };
}

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

async function signInAsAgent(page: Page) {
  await page.goto('/demo/agent.html');
  const email = page.getByLabel('E-Mail-Adresse');
  await expect.poll(() => email.inputValue(), { message: 'the agent e-mail is prefilled' }).toBe(AGENT);
  await page.getByLabel('Passwort').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Anmelden' }).click();
  await page.getByRole('tab', { name: 'Tickets' }).waitFor();
}

describe('agent console: sign-in', () => {
  it('a wrong password is said in the language of the page, not in the English of the server (found by a fresh-eyes test)', async () => {
    const { page } = e2e;
    await page.goto('/demo/agent.html');
    await page.getByLabel('Passwort').fill('falsch-2026');
    await page.getByRole('button', { name: 'Anmelden' }).click();
    const error = page.locator('#signin-error');
    await error.filter({ hasText: 'E-Mail-Adresse oder Passwort ist nicht korrekt.' }).waitFor();
    expect(await error.innerText()).not.toMatch(/password|signed in|Nicht angemeldet/i);
    expect(await page.getByLabel('Passwort').getAttribute('aria-invalid')).toBe('true');
    await page.getByLabel('Passwort').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Anmelden' }).click();
    await page.getByRole('tab', { name: 'Tickets' }).waitFor();
  });
});

describe('agent console: tickets (R-TICKET-1, R-TICKET-3, R-X-4)', () => {
  it('an agent replies, writes an internal note and waits for the customer; the author sees the reply only', async () => {
    const { server, page } = e2e;
    const [ticket] = server.query<{ id: string; number: number; subject: string; email: string }>(
      `select t.id, t.number, t.subject, a.email from ticket t join account a on a.id = t.author_id
        where t.released_at is not null and t.status in ('new', 'in_progress')
          and a.email in ('erik.editor@nordwind.example', 'dora.dispatcher@nordwind.example')
        order by t.number limit 1`,
    );
    expect(ticket, 'a released, open ticket of a demo customer in the seed').toBeDefined();
    const stamp = Date.now().toString(36);
    const reply = `Wir tauschen das Gerät morgen aus <b>nicht fett</b> & melden uns. ${stamp}`;
    const note = `Intern: Ersatzgerät liegt im Lager Regal 4 ${stamp}`;

    await signInAsAgent(page);
    await page.getByLabel('Suche').fill(String(ticket!.number));
    await page.getByRole('button', { name: 'Suchen' }).click();
    const row = page.getByRole('row').filter({ hasText: `#${ticket!.number}` });
    await row.getByRole('link', { name: ticket!.subject }).click();
    const heading = page.getByRole('heading', { name: `#${ticket!.number} ${ticket!.subject}` });
    await heading.waitFor();
    // the ticket has an address: the browser's Back returns to the list, Forward and a reload open it again (found by a fresh-eyes test)
    expect(new URL(page.url()).hash).toBe(`#/tickets/${ticket!.id}`);
    await page.goBack();
    await row.getByRole('link', { name: ticket!.subject }).waitFor();
    await expect.poll(() => heading.isVisible()).toBe(false);
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe(ticket!.subject);
    await page.goForward();
    await heading.waitFor();
    await page.reload();
    await heading.waitFor();

    // a public reply: the text arrives as text, markup-looking parts included
    await page.getByLabel('Nachricht').fill(reply);
    await page.getByRole('button', { name: 'Senden' }).click();
    await page.getByText('Antwort gesendet.').waitFor();
    const history = page.locator('#td-history > li');
    await history.filter({ hasText: reply }).waitFor();

    // an internal note, marked as such in the history
    await page.getByLabel('Nachricht').fill(note);
    await page.getByLabel('Interne Notiz (für Kunden nicht sichtbar)').check();
    await page.getByRole('button', { name: 'Senden' }).click();
    await page.getByText('Interne Notiz gespeichert.').waitFor();
    const noteEntry = history.filter({ hasText: note });
    await noteEntry.waitFor();
    await expect.poll(() => noteEntry.getByText('Interne Notiz', { exact: true }).count()).toBe(1);
    expect(await history.filter({ hasText: reply }).getByText('Interne Notiz', { exact: true }).count(), 'the reply is not internal').toBe(0);

    // the status change, told in the history as "Status: … → Wartet auf Kunde"
    // (the seeded history may hold such a change already: one more than before)
    const waiting = history.filter({ hasText: /Status: .+ → Wartet auf Kunde/ });
    const before = await waiting.count();
    await page.getByLabel('Neuer Status').selectOption({ label: 'Wartet auf Kunde' });
    await page.getByRole('button', { name: 'Status setzen' }).click();
    await page.getByText('Status geändert: Wartet auf Kunde.').waitFor();
    await expect.poll(() => waiting.count()).toBe(before + 1);
    await waiting.last().waitFor();
    await expectAccessible(page, 'ticket detail');

    // what the server stored
    const rows = server.query<{ kind: string; internal: number; body_text: string }>(
      'select kind, internal, body_text from position where ticket_id = ? and kind = ? order by created_at, rowid',
      ticket!.id,
      'agent',
    );
    const stored = rows.slice(-2);
    expect(stored.map((r) => [r.internal, r.body_text.includes(stamp)])).toEqual([
      [0, true],
      [1, true],
    ]);
    expect(stored[0]!.body_text, 'the reply was sent as escaped text, not markup').toContain('<b>nicht fett</b>');

    // the author, through the customer API: the reply yes, the internal note no
    const asAuthor = await customerApi(server, ticket!.email);
    const positions = await asAuthor<{ items: { bodyHtml: string; internal?: boolean; kind: string }[] }>(
      `/api/tickets/${ticket!.id}/positions`,
    );
    expect(positions.status).toBe(200);
    const bodies = positions.body.items.map((p) => p.bodyHtml);
    expect(bodies.some((b) => b.includes(stamp) && b.includes('Wir tauschen das Gerät')), 'the reply is visible').toBe(true);
    expect(bodies.some((b) => b.includes('Ersatzgerät')), 'the internal note is not visible').toBe(false);
    expect(positions.body.items.every((p) => p.internal === undefined)).toBe(true);
    const detail = await asAuthor<{ status: string }>(`/api/tickets/${ticket!.id}`);
    expect(detail.body.status).toBe('waiting_for_customer');

    e2e.expectNoConsoleErrors();
  });
});

describe('agent console: knowledge base (R-KB-1..3)', () => {
  it('an article shared with Nordwind only is found by Nordwind, not by Müller & Söhne, until it is shared there too', async () => {
    const { server, page } = e2e;
    const token = `zeitabgleich${Date.now().toString(36)}`;
    const title = `Uhrzeit am Arbeitsplatz stimmt nicht (${token})`;

    await signInAsAgent(page);
    await page.getByRole('tab', { name: 'Wissensdatenbank' }).click();
    await page.getByRole('button', { name: 'Neuer Artikel' }).click();
    const form = page.locator('#article-form');
    await form.getByLabel('Bereich').selectOption({ label: 'Anleitungen' });
    await form.getByLabel('Sprache').selectOption('de');
    await form.getByLabel('Titel').fill(title);
    await form.getByLabel(/Inhalt \(HTML\)/).fill(`<p>Öffnen Sie die Einstellungen und wählen Sie „Jetzt synchronisieren“. ${token}</p><script>alert(1)</script>`);
    await form.getByLabel('Nordwind Logistik GmbH').check();
    await form.getByRole('button', { name: 'Speichern' }).click();
    await page.getByText('Artikel angelegt.').waitFor();
    // the editor shows what the server kept: sanitised
    await expect.poll(() => form.getByLabel(/Inhalt \(HTML\)/).inputValue()).not.toContain('<script');
    await page.locator('#kb-articles').getByRole('button', { name: title }).waitFor();
    await expectAccessible(page, 'knowledge base with the article editor');

    const [article] = server.query<{ id: string }>('select id from kb_article where title = ?', title);
    expect(article, 'the article is stored').toBeDefined();
    const shares = server.query<{ name: string }>(
      'select bp.name from kb_share s join business_partner bp on bp.id = s.business_partner_id where s.article_id = ?',
      article!.id,
    );
    expect(shares.map((s) => s.name)).toEqual(['Nordwind Logistik GmbH']);

    const nordwind = await customerApi(server, 'dora.dispatcher@nordwind.example');
    const mueller = await customerApi(server, 'max.multi@mueller-soehne.example');
    const search = `/api/kb/articles?q=${encodeURIComponent(token)}`;
    type Found = { items: { id: string; title: string }[] };
    expect((await nordwind<Found>(search)).body.items.map((a) => a.id)).toEqual([article!.id]);
    expect((await mueller<Found>(search)).body.items).toEqual([]);
    expect((await mueller(`/api/kb/articles/${article!.id}`)).status, 'not shared: like a missing one').toBe(404);

    // sharing it with Müller & Söhne as well (PUT …/shares) makes it findable there
    await form.getByLabel('Müller & Söhne (Ost) GmbH').check();
    await form.getByRole('button', { name: 'Speichern' }).click();
    await page.getByText('Artikel gespeichert.').waitFor();
    expect((await mueller<Found>(search)).body.items.map((a) => a.id)).toEqual([article!.id]);

    e2e.expectNoConsoleErrors();
  });
});

describe('agent console: plan boards (R-PLAN-1..5)', () => {
  it('an agent creates a board, adds and moves an activity and sets members; the observer sees it day-exact', async () => {
    const { server, browser } = e2e;
    // far from UTC, so a calendar day that went through a Date would show up shifted
    const context = await browser.newContext({ baseURL: server.url, locale: 'de-DE', timezoneId: 'Pacific/Kiritimati' });
    const errors: string[] = [];
    const page = await context.newPage();
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => {
      if (m.type() === 'error' && !/status of 401 .*\/api\/me|favicon\.ico/.test(`${m.text()} ${m.location().url}`)) errors.push(m.text());
    });
    try {
      const title = `Rollout Zeiterfassung ${Date.now().toString(36)}`;
      await signInAsAgent(page);
      await page.getByRole('tab', { name: 'Planboards' }).click();
      const boardForm = page.locator('#board-form');
      await boardForm.getByLabel('Titel').fill(title);
      await boardForm.getByLabel('Beschreibung').fill('Terminals in Hamburg und Bremen');
      await boardForm.getByLabel(/Spalten/).fill('Vorbereitung, Umsetzung, Abnahme');
      await page.getByRole('button', { name: 'Planboard anlegen' }).click();
      await page.getByRole('heading', { name: title }).waitFor();

      const act = page.locator('#activity-form');
      await act.getByLabel('Titel').fill('Terminals montieren');
      await act.getByLabel('Beginn').fill('2027-01-31');
      await act.getByLabel('Ende').fill('2027-02-01');
      await act.getByLabel('Dauer (Stunden)').fill('7.5');
      await act.getByLabel('Priorität').selectOption({ label: 'Hoch' });
      await act.getByLabel('Spalte').selectOption({ label: 'Vorbereitung' });
      await page.getByRole('button', { name: 'Aktivität anlegen' }).click();
      await page.getByText('Aktivität angelegt.').waitFor();

      // edit it: later end, next column (PATCH with its version)
      await act.getByLabel('Ende').fill('2027-02-03');
      await act.getByLabel('Spalte').selectOption({ label: 'Umsetzung' });
      await page.getByRole('button', { name: 'Änderungen speichern' }).click();
      await page.getByText('Aktivität gespeichert.').waitFor();
      await page.getByRole('region', { name: 'Umsetzung' }).getByRole('button', { name: /Terminals montieren/ }).waitFor();

      await page.getByRole('button', { name: 'Mitglied hinzufügen' }).click();
      await page.getByLabel('E-Mail-Adresse').last().fill('anna.viewer@nordwind.example');
      await page.getByLabel('Rolle').last().selectOption({ label: 'Beobachter' });
      await page.getByRole('button', { name: 'Mitglied hinzufügen' }).click();
      await page.getByLabel('E-Mail-Adresse').last().fill('dora.dispatcher@nordwind.example');
      await page.getByLabel('Rolle').last().selectOption({ label: 'Bearbeiter' });
      await page.getByRole('button', { name: 'Mitglieder speichern' }).click();
      await page.getByText('Mitglieder gespeichert.').waitFor();
      await expectAccessible(page, 'plan board');

      // the observer's view through the customer API
      const anna = await customerApi(server, 'anna.viewer@nordwind.example');
      const boards = await anna<{ items: { id: string; title: string; role: string }[] }>('/api/planboards');
      const board = boards.body.items.find((b) => b.title === title);
      expect(board?.role).toBe('observer');
      const full = await anna<{
        columns: { id: string; title: string }[];
        activities: { title: string; startDate: string; endDate: string; durationHours: number; priority: string; columnId: string }[];
        members: { name: string; role: string; email?: string }[];
      }>(`/api/planboards/${board!.id}`);
      expect(full.body.columns.map((c) => c.title)).toEqual(['Vorbereitung', 'Umsetzung', 'Abnahme']);
      const umsetzung = full.body.columns.find((c) => c.title === 'Umsetzung')!;
      expect(full.body.activities).toMatchObject([
        { title: 'Terminals montieren', startDate: '2027-01-31', endDate: '2027-02-03', durationHours: 7.5, priority: 'high', columnId: umsetzung.id },
      ]);
      expect(full.body.members.map((m) => m.role).sort()).toEqual(['editor', 'observer']);
      expect(full.body.members.every((m) => m.email === undefined), 'customers do not get the members’ e-mail addresses').toBe(true);

      // reopening the board shows the saved members by address, ready to edit
      await page.getByRole('button', { name: '← Alle Planboards' }).click();
      await page.getByRole('button', { name: title, exact: true }).click();
      await expect.poll(() => page.locator('#members-rows input[type=email]').evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value).sort())).toEqual([
        'anna.viewer@nordwind.example',
        'dora.dispatcher@nordwind.example',
      ]);

      expect(errors, 'console errors of the page').toEqual([]);
    } finally {
      await context.close();
    }
  });
});

describe('outbox page (demo/mail.html)', () => {
  it('shows the reply mail to the author as text and in a sandboxed frame; the internal note is in no mail', async () => {
    const { server, page } = e2e;
    const [ticket] = server.query<{ id: string; email: string }>(
      `select t.id, a.email from ticket t join account a on a.id = t.author_id
        where t.released_at is not null and t.status in ('new', 'in_progress', 'waiting_for_customer')
          and a.email = 'dora.dispatcher@nordwind.example' and a.notify_email = 1
        order by t.number desc limit 1`,
    );
    expect(ticket, 'an open ticket of a notified demo customer').toBeDefined();
    const stamp = Date.now().toString(36);

    // the agent writes through the agent API (bearer), a reply and an internal note
    const signIn = await fetch(`${server.url}/api/auth/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: server.url },
      body: JSON.stringify({ email: AGENT, password: DEMO_PASSWORD, mode: 'bearer' }),
    });
    const { token } = (await signIn.json()) as { token: string };
    const post = (body: object) =>
      fetch(`${server.url}/api/agent/tickets/${ticket!.id}/positions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify(body),
      });
    expect((await post({ body: `<p>Antwort per Mail ${stamp}</p>`, internal: false })).status).toBe(201);
    expect((await post({ body: `<p>Geheime Notiz ${stamp}</p>`, internal: true })).status).toBe(201);

    await page.goto('/demo/mail.html');
    const row = page.getByRole('row').filter({ hasText: ticket!.email }).first();
    await row.waitFor();
    await row.getByRole('button').click();
    await expect.poll(() => page.locator('pre').textContent()).toContain(`Antwort per Mail ${stamp}`);
    const frame = page.locator('iframe');
    expect(await frame.getAttribute('sandbox'), 'no scripts, no same-origin in the preview').toBe('');
    expect(await frame.getAttribute('srcdoc')).toContain(`Antwort per Mail ${stamp}`);

    const leaked = server.query<{ n: number }>(
      "select count(*) as n from outbox where text_body like ? or html_body like ?",
      `%Geheime Notiz ${stamp}%`,
      `%Geheime Notiz ${stamp}%`,
    );
    expect(leaked[0]!.n).toBe(0);

    e2e.expectNoConsoleErrors();
  });
});
