/**
 * The release workflow end to end (R-WIZ-9, R-DASH-2, R-APPROVE-1/2): an editor submits a ticket
 * for release through the wizard; the dispatcher's dashboard counts it; she releases it with a
 * reason in the approval inbox; the count drops at once, the author gets the e-mail, and only now
 * does an agent see the ticket. Then the same path with a rejection, the author's resubmission
 * from the ticket page, and the release after it.
 */
import { describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { DEMO_PASSWORD, e2eSuite, latestMail, type PortalServer } from './harness.js';

const e2e = e2eSuite({ seed: 'demo' });

const ERIK = 'erik.editor@nordwind.example';
const DORA = 'dora.dispatcher@nordwind.example';
const ALEX = 'alex.agent@servicedesk.example';

/** A bearer session for API calls next to the browser (the test's own view of the server). */
async function token(server: PortalServer, email: string): Promise<string> {
  const res = await fetch(`${server.url}/api/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: server.url },
    body: JSON.stringify({ email, password: DEMO_PASSWORD, mode: 'bearer' }),
  });
  expect(res.status, `sign-in of ${email}`).toBe(200);
  return ((await res.json()) as { token: string }).token;
}

async function call(server: PortalServer, bearer: string, method: string, path: string, body?: unknown) {
  const res = await fetch(`${server.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${bearer}`, origin: server.url, ...(body ? { 'content-type': 'application/json' } : {}) },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  const text = await res.text();
  return { status: res.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : null };
}

async function awaitingMyRelease(server: PortalServer, bearer: string): Promise<number> {
  const me = await call(server, bearer, 'GET', '/api/me');
  return (me.body as { counts: { awaitingMyRelease: number } }).counts.awaitingMyRelease;
}

/** Signs in on the demo portal page and waits for the dashboard. */
async function signIn(page: Page, email: string) {
  await page.goto('/');
  const session = page.locator('portal-session');
  await session.getByLabel(/^(E-Mail(-Adresse)?|E-mail( address)?|Email)$/i).fill(email);
  await session.getByLabel(/^(Passwort|Password)$/i).fill(DEMO_PASSWORD);
  await session.getByRole('button', { name: /^(Anmelden|Sign in)$/i }).click();
  await page.locator('portal-dashboard [part=greeting]').waitFor();
}

/** A second person in their own browser context, with the console watched like the harness does. */
async function otherPerson(browser: Browser, server: PortalServer, errors: string[]) {
  const context = await browser.newContext({ baseURL: server.url, locale: 'de-DE', viewport: { width: 1280, height: 900 } });
  context.setDefaultTimeout(15_000);
  const page = await context.newPage();
  page.on('console', (m) => {
    if (m.type() !== 'error') return;
    // before sign-in the session asks who is signed in: a 401 by design (as in the harness)
    const line = `${m.text()} (${m.location().url})`;
    if (!/status of 401 .*\/api\/(me|auth\/)/.test(line)) errors.push(line);
  });
  page.on('pageerror', (e) => errors.push(`uncaught: ${e.message}`));
  return { context, page };
}

const releaseCount = (page: Page) => page.locator('portal-dashboard [part=release-count]');
/** The number on the navigation's Dashboard entry (0 when there is no badge). */
async function navBadge(page: Page): Promise<number> {
  const badge = page.locator('portal-app nav .badge [aria-hidden=true]');
  return (await badge.count()) === 0 ? 0 : Number(await badge.textContent());
}
const tickets = (n: number) => (n === 1 ? '1 Ticket wartet auf Ihre Freigabe' : `${n} Tickets warten auf Ihre Freigabe`);

/** In the approval inbox: opens the ticket with `subject` and decides it with `reason`. */
async function decideInInbox(page: Page, subject: string, decision: 'release' | 'reject', reason: string) {
  const inbox = page.locator('approval-inbox');
  await inbox.getByRole('button', { name: subject, exact: true }).click();
  const action = decision === 'release' ? /^(Ticket freigeben|Release ticket)$/ : /^(Ablehnen|Reject)$/;
  await inbox.locator('ticket-detail').getByRole('button', { name: action }).click();
  const dialog = inbox.locator('#decision-dialog');
  await dialog.getByLabel(/^(Begründung|Reason)$/).fill(reason);
  await dialog.getByRole('button', { name: decision === 'release' ? /^(Ticket freigeben|Release ticket)$/ : /^(Ticket ablehnen|Reject ticket)$/ }).click();
  await expect
    .poll(() => inbox.locator('[part=notice]').textContent())
    .toMatch(decision === 'release' ? /ist freigegeben|is released/ : /ist abgelehnt|is rejected/);
  await expect.poll(() => inbox.getByRole('button', { name: subject, exact: true }).count(), { message: 'the ticket left the list' }).toBe(0);
}

describe('release workflow (R-WIZ-9, R-DASH-2, R-APPROVE-1/2)', () => {
  it('an editor submits through the wizard; the dispatcher releases it in the inbox; counts, e-mail and agent follow', async () => {
    const { server, browser, page } = e2e;
    const subject = `Zugang Lagerverwaltung für Aushilfe (e2e ${Date.now()})`;
    const doraApi = await token(server, DORA);
    const alexApi = await token(server, ALEX);
    const before = await awaitingMyRelease(server, doraApi);

    // Erik, editor of Nordwind: the wizard submits the ticket for release (he may not release)
    await signIn(page, ERIK);
    await page.evaluate(() => (location.hash = '#/create'));
    const wizard = page.locator('ticket-wizard');
    await wizard.locator('#subject').fill(subject);
    const next = wizard.getByRole('button', { name: /^(Weiter|Next)$/ });
    await next.click(); // attachments
    await next.click(); // description
    await next.click(); // classification
    await wizard.locator('#type').selectOption({ index: 1 });
    await wizard.locator('#area').selectOption({ index: 1 });
    await next.click(); // release and privacy
    await next.click(); // review
    await wizard.getByRole('button', { name: /^(Ticket erstellen|Create ticket)$/ }).click();
    // the success view says where the ticket stands
    await wizard.getByText(/^(Wartet auf Freigabe|Awaiting release)$/).waitFor();
    const [ticket] = server.query<{ id: string; number: number; status: string }>('select id, number, status from ticket where subject = ?', subject);
    expect(ticket?.status).toBe('awaiting_release');
    // his dashboard counts his own ticket awaiting release
    await page.evaluate(() => (location.hash = '#/dashboard'));
    await expect.poll(() => releaseCount(page).textContent()).toMatch(/\d+ Ihrer Tickets warten auf Freigabe/);
    // unreleased: the service desk does not see it
    expect((await call(server, alexApi, 'GET', `/api/agent/tickets/${ticket!.id}`)).status).toBe(404);
    expect(await awaitingMyRelease(server, doraApi)).toBe(before + 1);

    // Dora, dispatcher of Nordwind: the dashboard counts it, one click to the inbox
    const doraErrors: string[] = [];
    const dora = await otherPerson(browser, server, doraErrors);
    try {
      await signIn(dora.page, DORA);
      await expect.poll(() => releaseCount(dora.page).textContent()).toContain(tickets(before + 1));
      await expect.poll(() => navBadge(dora.page)).toBe(before + 1);
      await releaseCount(dora.page).click();
      await expect.poll(() => dora.page.evaluate(() => location.hash)).toBe('#/approvals');
      await decideInInbox(dora.page, subject, 'release', 'Kostenstelle 4711 passt, bitte bearbeiten.');

      // the counts drop at once (badge), and the dashboard says so too
      await expect.poll(() => navBadge(dora.page)).toBe(before);
      await dora.page.locator('portal-app nav').getByRole('link', { name: /^Dashboard/ }).click();
      await expect.poll(() => releaseCount(dora.page).textContent()).toContain(before === 0 ? 'Keine Tickets warten auf Ihre Freigabe' : tickets(before));
      expect(doraErrors).toEqual([]);
    } finally {
      await dora.context.close();
    }

    // the server agrees: released by Dora with her reason
    const [row] = server.query<{ status: string; released_by: string; email: string }>(
      'select t.status, t.released_by, a.email from ticket t join account a on a.id = t.released_by where t.id = ?',
      ticket!.id,
    );
    expect(row).toMatchObject({ status: 'new', email: DORA });
    const [decision] = server.query<{ decision: string; reason: string }>('select decision, reason from release_decision where ticket_id = ?', ticket!.id);
    expect(decision).toEqual({ decision: 'released', reason: 'Kostenstelle 4711 passt, bitte bearbeiten.' });
    expect(await awaitingMyRelease(server, doraApi)).toBe(before);

    // the author got the e-mail, with the reason
    const mail = latestMail(server, ERIK, 'ticket.released');
    expect(mail, 'release e-mail to the author').toBeDefined();
    expect(mail!.subject).toContain(`#${ticket!.number}`);
    expect(mail!.text_body).toContain('Kostenstelle 4711 passt, bitte bearbeiten.');

    // and now the service desk sees it
    const agentView = await call(server, alexApi, 'GET', `/api/agent/tickets/${ticket!.id}`);
    expect(agentView.status).toBe(200);
    expect(agentView.body).toMatchObject({ id: ticket!.id, subject, status: 'new' });
    e2e.expectNoConsoleErrors();
  });

  it('rejected with a reason, resubmitted by the author from the ticket page, then released', async () => {
    const { server, browser, page } = e2e;
    const subject = `Softwareinstallation Visio für die AV (e2e ${Date.now()})`;
    const erikApi = await token(server, ERIK);
    const doraApi = await token(server, DORA);
    const alexApi = await token(server, ALEX);
    const first = async (path: string) => ((await call(server, erikApi, 'GET', path)).body as { items: { id: string }[] }).items[0]!.id;
    const created = await call(server, erikApi, 'POST', '/api/tickets', {
      subject,
      description: '<p>Bitte Visio Standard auf PC-0214 installieren.</p>',
      typeId: await first('/api/lookups/types'),
      areaId: await first('/api/lookups/areas'),
      urgency: 'medium',
      impact: 'low',
      release: false,
      private: false,
    });
    expect(created.status).toBe(201);
    const id = (created.body as { id: string }).id;
    const before = await awaitingMyRelease(server, doraApi);

    // Dora rejects it in the inbox
    const doraErrors: string[] = [];
    const dora = await otherPerson(browser, server, doraErrors);
    try {
      await signIn(dora.page, DORA);
      await dora.page.evaluate(() => (location.hash = '#/approvals'));
      await decideInInbox(dora.page, subject, 'reject', 'Bitte zuerst die Lizenzkosten mit dem Einkauf klären.');
      await expect.poll(() => navBadge(dora.page)).toBe(before - 1);
    } finally {
      await dora.context.close();
    }
    expect(server.query<{ status: string }>('select status from ticket where id = ?', id)[0]?.status).toBe('release_rejected');
    expect(await awaitingMyRelease(server, doraApi)).toBe(before - 1);
    const rejectedMail = latestMail(server, ERIK, 'ticket.rejected');
    expect(rejectedMail!.text_body).toContain('Bitte zuerst die Lizenzkosten mit dem Einkauf klären.');
    expect((await call(server, alexApi, 'GET', `/api/agent/tickets/${id}`)).status).toBe(404);

    // Erik reads the reason on the ticket page and resubmits it
    await signIn(page, ERIK);
    await page.evaluate((t) => (location.hash = `#/tickets/${t}`), id);
    const detail = page.locator('ticket-detail');
    await detail.getByText('Bitte zuerst die Lizenzkosten mit dem Einkauf klären.').first().waitFor();
    await detail.getByRole('button', { name: /^(Erneut einreichen|Resubmit)$/ }).click();
    const resubmit = detail.locator('#reason-dialog');
    await resubmit.locator('#reason').fill('Lizenz ist über den Rahmenvertrag abgedeckt.');
    await resubmit.getByRole('button', { name: /^(Erneut einreichen|Resubmit)$/ }).click();
    await expect.poll(() => server.query<{ status: string }>('select status from ticket where id = ?', id)[0]?.status).toBe('awaiting_release');
    expect(await awaitingMyRelease(server, doraApi)).toBe(before);
    const resubmittedMail = latestMail(server, DORA, 'ticket.resubmitted');
    expect(resubmittedMail?.subject).toContain(subject);

    // Dora releases it now; the service desk sees it
    const dora2 = await otherPerson(browser, server, doraErrors);
    try {
      await signIn(dora2.page, DORA);
      await expect.poll(() => releaseCount(dora2.page).textContent()).toContain(tickets(before));
      await releaseCount(dora2.page).click();
      await decideInInbox(dora2.page, subject, 'release', 'Geklärt, danke.');
    } finally {
      await dora2.context.close();
    }
    expect(doraErrors).toEqual([]);
    const decisions = server.query<{ decision: string }>('select decision from release_decision where ticket_id = ? order by created_at, rowid', id);
    expect(decisions.map((d) => d.decision)).toEqual(['rejected', 'released']);
    expect((await call(server, alexApi, 'GET', `/api/agent/tickets/${id}`)).status).toBe(200);
    e2e.expectNoConsoleErrors();
  });
});
