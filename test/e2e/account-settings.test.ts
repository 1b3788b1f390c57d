/**
 * "Your account" end to end (fresh-eyes 2; R-AUTH-4): a customer signs in, opens the settings from
 * the name at the top right, switches e-mail notifications off (the server's /api/me says so),
 * changes the password (the portal stays signed in, the account's other sessions end), signs out
 * and signs in with the new password. The help article names the same way.
 */
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, e2eSuite } from './harness.js';

const e2e = e2eSuite({ seed: 'demo' });

const EMAIL = 'erik.editor@nordwind.example';
const NEW_PASSWORD = 'Leuchtfeuer-Ost-58!';

async function bearerSignIn(baseUrl: string, password: string) {
  return fetch(`${baseUrl}/api/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: baseUrl },
    body: JSON.stringify({ email: EMAIL, password, mode: 'bearer' }),
  });
}

describe('"Your account" (fresh-eyes 2, R-AUTH-4)', () => {
  it('notifications off, password changed, this session kept and the others ended; sign in again with the new password', async () => {
    const { page, server } = e2e;
    // another session of the same account (another device), to be ended by the change
    const other = await bearerSignIn(server.url, DEMO_PASSWORD);
    expect(other.status).toBe(200);
    const { token } = (await other.json()) as { token: string };
    const otherMe = () => fetch(`${server.url}/api/me`, { headers: { authorization: `Bearer ${token}` } });
    expect((await otherMe()).status).toBe(200);

    await page.goto('/');
    const session = page.locator('portal-session');
    await session.getByLabel(/^(E-Mail(-Adresse)?|E-mail( address)?)$/i).fill(EMAIL);
    await session.getByLabel(/^(Passwort|Password)$/i).fill(DEMO_PASSWORD);
    await session.getByRole('button', { name: /^(Anmelden|Sign in)$/i }).click();

    // the name at the top right opens "Ihr Konto"
    const app = page.locator('portal-app');
    await app.getByRole('link', { name: /Ihr Konto/ }).click();
    await expect.poll(() => page.evaluate(() => location.hash)).toBe('#/settings');
    const settings = app.locator('portal-app-settings');
    await settings.getByRole('heading', { name: 'Ihr Konto', level: 1 }).waitFor();

    // e-mail notifications off, saved; the server agrees
    const notify = settings.getByRole('checkbox', { name: 'E-Mail-Benachrichtigungen' });
    await expect.poll(() => notify.isChecked()).toBe(true);
    await notify.uncheck();
    await settings.getByRole('button', { name: /^Speichern$/ }).click();
    await settings.getByText('Ihre Einstellungen sind gespeichert.').waitFor();
    const me = await page.request.get('/api/me');
    expect(me.status()).toBe(200);
    expect(((await me.json()) as { account: { notifyEmail: boolean } }).account.notifyEmail).toBe(false);

    // the password: current, new twice, the rules met
    const password = settings.getByRole('form', { name: 'Passwort ändern' });
    await password.getByLabel('Aktuelles Passwort').fill(DEMO_PASSWORD);
    await password.getByLabel('Neues Passwort', { exact: true }).fill(NEW_PASSWORD);
    await password.getByLabel(/wiederholen/i).fill(NEW_PASSWORD);
    expect(await password.locator('.rules li.unmet').count()).toBe(0);
    await password.getByRole('button', { name: 'Passwort ändern' }).click();
    await password.getByRole('status').getByText(/Ihr Passwort wurde geändert/).waitFor();
    expect(await password.getByLabel('Aktuelles Passwort').inputValue()).toBe('');

    // this session stays (also after a reload), the other one is gone
    expect((await page.request.get('/api/me')).status()).toBe(200);
    expect((await otherMe()).status).toBe(401);
    await page.reload();
    await settings.getByRole('heading', { name: 'Ihr Konto', level: 1 }).waitFor();
    // the password went nowhere but the request
    expect(page.url()).not.toContain(NEW_PASSWORD);
    expect(await page.evaluate(() => JSON.stringify({ ...sessionStorage, ...localStorage }))).not.toContain(NEW_PASSWORD);

    // sign out, then in with the new password (the old one no longer works)
    await app.getByRole('button', { name: /^Abmelden$/ }).click();
    await session.getByLabel(/^(E-Mail(-Adresse)?|E-mail( address)?)$/i).fill(EMAIL);
    await session.getByLabel(/^(Passwort|Password)$/i).fill(NEW_PASSWORD);
    await session.getByRole('button', { name: /^(Anmelden|Sign in)$/i }).click();
    await app.getByRole('link', { name: /Ihr Konto/ }).waitFor();
    expect((await bearerSignIn(server.url, DEMO_PASSWORD)).status).toBe(401);

    // the help article shows the way the portal has
    const [article] = server.query<{ body_html: string }>(
      "select body_html from kb_article where title = 'Passwort zurücksetzen' and language = 'de'",
    );
    expect(article?.body_html).toContain('„Ihr Konto“');
    expect(article?.body_html).toContain('<em>Passwort ändern</em>');
    e2e.expectNoConsoleErrors();
  });
});
