/**
 * Issue 2 end to end: an account invited from the CLI (R-AUTH-1) signs in on the demo page with the
 * initial password from its invitation e-mail (R-AUTH-2), must set its own password first
 * (R-AUTH-3/4), then lands on the portal and sees the navigation its role allows (editor of
 * Nordwind: Create ticket yes, Approvals no, Knowledge base yes). The Plan board entry is per
 * person (R-PLAN-1): the new account is on no board, the demo editor erik is.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DEMO_PASSWORD, e2eSuite, latestMail } from './harness.js';

const e2e = e2eSuite({ seed: 'demo' });

const NEW_PASSWORD = 'Leuchtturm-Nord-77!';

/** An entry of the portal's main navigation (a link, button or tab), German or English. */
function navEntry(page: Page, name: RegExp) {
  const nav = page.getByRole('navigation');
  return nav.getByRole('link', { name }).or(nav.getByRole('button', { name })).or(page.getByRole('tab', { name }));
}

const entries = {
  createTicket: /^(Ticket erstellen|Create ticket)$/i,
  approvals: /^(Freigaben|Approvals)$/i,
  knowledgeBase: /^(Wissensdatenbank|Knowledge base)$/i,
  planBoard: /^(Planboard|Plan board)$/i,
};

/** Waits for the portal's navigation, then checks which entries it has. */
async function expectNavigation(page: Page, expected: Record<keyof typeof entries, boolean>) {
  await navEntry(page, /^(Ticket Board|Ticketboard|Tickets)$/i).first().waitFor();
  for (const [key, name] of Object.entries(entries) as [keyof typeof entries, RegExp][]) {
    expect(await navEntry(page, name).count(), `navigation entry ${key}`).toBe(expected[key] ? 1 : 0);
  }
}

async function signIn(baseUrl: string, email: string, password: string) {
  return fetch(`${baseUrl}/api/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: baseUrl },
    body: JSON.stringify({ email, password, mode: 'bearer' }),
  });
}

/** What the server lets the account use (GET /api/me), so the test follows the server's rules. */
async function capabilities(baseUrl: string, email: string, password: string) {
  const res = await signIn(baseUrl, email, password);
  expect(res.status).toBe(200);
  const { token } = (await res.json()) as { token: string };
  const me = await fetch(`${baseUrl}/api/me`, { headers: { authorization: `Bearer ${token}` } });
  expect(me.status).toBe(200);
  return ((await me.json()) as { capabilities: Record<string, boolean> }).capabilities;
}

describe('first login of an invited account (R-AUTH-1, R-AUTH-3)', () => {
  it('invited editor signs in, sets a new password and sees the editor navigation', async () => {
    const { server } = e2e;
    const email = `e2e.first-login.${Date.now()}@nordwind.example`;

    // R-AUTH-1: the administrator invites the account from the command line
    const invite = await server.cli(['invite', email, '--partner', 'Nordwind Logistik GmbH', '--role', 'editor']);
    expect(invite.stderr).toBe('');
    expect(invite.code).toBe(0);

    // ... and the invitation e-mail carries the address, a one-time password and the sign-in link
    const mail = latestMail(server, email, 'invitation');
    expect(mail, 'invitation in the outbox').toBeDefined();
    expect(mail!.text_body).toContain(email);
    const initialPassword = /^(?:Initiales Passwort|Initial password):\s*(\S+)\s*$/m.exec(mail!.text_body)?.[1];
    expect(initialPassword, 'initial password in the mail text').toBeTruthy();
    const link = /(https?:\/\/\S+)/.exec(mail!.text_body)?.[1];
    expect(link, 'sign-in link in the mail text').toBeTruthy();
    expect(new URL(link!).origin).toBe(server.url);

    // R-AUTH-2: sign in on the page the mail links to
    const { page } = e2e;
    await page.goto(link!);
    const session = page.locator('portal-session');
    await expect.poll(() => session.count(), { message: '<portal-session> on the demo page' }).toBeGreaterThan(0);
    await session.getByLabel(/^(E-Mail(-Adresse)?|E-mail( address)?|Email)$/i).fill(email);
    await session.getByLabel(/^(Passwort|Password)$/i).fill(initialPassword!);
    await session.getByRole('button', { name: /^(Anmelden|Sign in)$/i }).click();

    // R-AUTH-3: the password change comes first; nothing of the portal shows before it
    // password inputs have no ARIA role: find them by their label, among inputs
    const passwordInput = (label: RegExp) => session.getByLabel(label).and(page.locator('input'));
    const oldField = passwordInput(/(bisherig|aktuell|alt|initial|current|old).*(passwort|password)/i);
    await oldField.waitFor();
    await expect.poll(() => navEntry(page, /^(Ticket erstellen|Create ticket)$/i).count()).toBe(0);
    await oldField.fill(initialPassword!);
    const newFields = passwordInput(/(neu|new).*(passwort|password)/i);
    await expect.poll(() => newFields.count()).toBe(2);
    await newFields.nth(0).fill(NEW_PASSWORD);
    await newFields.nth(1).fill(NEW_PASSWORD);
    await session.getByRole('button', { name: /(Passwort ändern|Passwort speichern|Change password|Save password|Set password|Passwort festlegen)/i }).click();

    // the portal, with what an editor of Nordwind may use: Create ticket and the Knowledge base
    // (Nordwind has shared articles), no Approvals (not a dispatcher), and no Plan board: that
    // entry is per person (R-PLAN-1) and a new account belongs to no board yet
    await expectNavigation(page, { createTicket: true, approvals: false, knowledgeBase: true, planBoard: false });
    expect(await capabilities(server.url, email, NEW_PASSWORD)).toMatchObject({
      createTickets: true,
      release: false,
      knowledgeBase: true,
      planBoards: false,
    });

    // the server agrees: the new password works, the initial one no longer does, no forced change left
    const withNew = await signIn(server.url, email, NEW_PASSWORD);
    expect(withNew.status).toBe(200);
    expect((await withNew.json()).mustChangePassword).toBe(false);
    expect((await signIn(server.url, email, initialPassword!)).status).toBe(401);
    const [account] = server.query<{ must_change_password: number }>(
      'select must_change_password from account where email = ?',
      email,
    );
    expect(account?.must_change_password).toBe(0);

    e2e.expectNoConsoleErrors();
  });

  it('a Nordwind editor on a plan board sees Create ticket, Knowledge base and Plan board, not Approvals', async () => {
    const { page, server } = e2e;
    const email = 'erik.editor@nordwind.example';
    await page.goto('/');
    const session = page.locator('portal-session');
    await session.getByLabel(/^(E-Mail(-Adresse)?|E-mail( address)?|Email)$/i).fill(email);
    await session.getByLabel(/^(Passwort|Password)$/i).fill(DEMO_PASSWORD);
    await session.getByRole('button', { name: /^(Anmelden|Sign in)$/i }).click();

    await expectNavigation(page, { createTicket: true, approvals: false, knowledgeBase: true, planBoard: true });
    expect(await capabilities(server.url, email, DEMO_PASSWORD)).toMatchObject({
      createTickets: true,
      release: false,
      knowledgeBase: true,
      planBoards: true,
    });
    e2e.expectNoConsoleErrors();
  });
});
