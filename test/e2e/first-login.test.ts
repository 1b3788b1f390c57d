/**
 * Issue 2 end to end: an account invited from the CLI (R-AUTH-1) signs in on the demo page with the
 * initial password from its invitation e-mail (R-AUTH-2), must set its own password first
 * (R-AUTH-3/4), then lands on the portal and sees the navigation its role allows (editor of
 * Nordwind: Create ticket yes, Approvals no; Knowledge base and Plan board, which Nordwind has).
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { e2eSuite, latestMail } from './harness.js';

const e2e = e2eSuite({ seed: 'demo' });

const NEW_PASSWORD = 'Leuchtturm-Nord-77!';

/** An entry of the portal's main navigation (a link, button or tab), German or English. */
function navEntry(page: Page, name: RegExp) {
  return page.getByRole('navigation').getByRole('link', { name }).or(
    page.getByRole('navigation').getByRole('button', { name }),
  ).or(page.getByRole('tab', { name }));
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
    const oldField = session.getByLabel(/(bisherig|aktuell|alt|initial|current|old).*(passwort|password)/i);
    await oldField.waitFor();
    await expect.poll(() => navEntry(page, /Ticket erstellen|Create ticket/i).count()).toBe(0);
    await oldField.fill(initialPassword!);
    const newFields = session.getByLabel(/(neu|new).*(passwort|password)/i);
    await expect.poll(() => newFields.count()).toBe(2);
    await newFields.nth(0).fill(NEW_PASSWORD);
    await newFields.nth(1).fill(NEW_PASSWORD);
    await session.getByRole('button', { name: /(Passwort ändern|Passwort speichern|Change password|Save password|Set password|Passwort festlegen)/i }).click();

    // the portal with the navigation an editor of Nordwind has
    await navEntry(page, /Ticket erstellen|Create ticket/i).first().waitFor();
    await navEntry(page, /Wissensdatenbank|Knowledge base/i).first().waitFor();
    await navEntry(page, /Planboard|Plantafel|Plan board/i).first().waitFor();
    expect(await navEntry(page, /Freigabe|Approval/i).count(), 'editors have no approvals entry').toBe(0);

    // the server agrees: the new password works, the initial one no longer does, no forced change left
    const signIn = (password: string) =>
      fetch(`${server.url}/api/auth/sign-in`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: server.url },
        body: JSON.stringify({ email, password, mode: 'bearer' }),
      });
    const withNew = await signIn(NEW_PASSWORD);
    expect(withNew.status).toBe(200);
    expect((await withNew.json()).mustChangePassword).toBe(false);
    expect((await signIn(initialPassword!)).status).toBe(401);
    const [account] = server.query<{ must_change_password: number }>(
      'select must_change_password from account where email = ?',
      email,
    );
    expect(account?.must_change_password).toBe(0);

    e2e.expectNoConsoleErrors();
  });
});
