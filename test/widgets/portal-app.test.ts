import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { setViewport, sendKeys } from '@web/test-runner-commands';
import { FakeApi } from '../../widgets/core/api-fake.js';
import { localeReady } from '../../widgets/core/localization.js';
import type { PortalSession } from '../../widgets/portal-session/portal-session.element.js';
import { PortalApp, allowedViews, viewFromHash } from '../../widgets/portal-app/portal-app.element.js';
import '../../widgets/portal-app/define.js';
import type { ApprovalInbox } from '../../widgets/approval-inbox/approval-inbox.element.js';
import type { TicketDetail } from '../../widgets/ticket-detail/ticket-detail.element.js';
import { demoPassword } from '../../widgets/core/api-fake.js';
import type { DefineRequestEvent } from '../../widgets/core/events.js';
import { $, $maybe, collect, signInThroughForm, waitForStatus } from './helpers.js';

async function mountApp(email: string | null, lang?: 'de' | 'en') {
  const api = new FakeApi(email ? { signedInAs: email } : {});
  const session = await fixture<PortalSession>(
    lang
      ? html`<portal-session .api=${api} lang=${lang}><portal-app></portal-app></portal-session>`
      : html`<portal-session .api=${api}><portal-app></portal-app></portal-session>`,
  );
  if (email) await waitForStatus(session, 'signed-in');
  const app = session.querySelector<PortalApp>('portal-app')!;
  await localeReady();
  await app.updateComplete;
  await localeReady();
  await app.updateComplete;
  return { api, session, app };
}

const navViews = (app: PortalApp) => [...app.shadowRoot!.querySelectorAll<HTMLAnchorElement>('nav a')].map((a) => a.dataset.view);
const current = (app: PortalApp) => $(app, 'nav a[aria-current=page]').dataset.view;
const badge = (app: PortalApp) => $maybe(app, 'nav .badge');

describe('portal-app', () => {
  beforeEach(() => {
    document.documentElement.lang = 'en';
    history.replaceState(null, '', location.pathname + location.search);
  });
  afterEach(() => {
    history.replaceState(null, '', location.pathname + location.search);
    document.documentElement.style.removeProperty('color-scheme');
    localStorage.removeItem('helpdesk-portal.theme');
  });

  it('routes by hash and falls back to the dashboard', () => {
    expect(viewFromHash('#/board')).to.equal('board');
    expect(viewFromHash('#/kb/section-1')).to.equal('kb');
    expect(viewFromHash('')).to.equal('dashboard');
    expect(viewFromHash('#/nonsense')).to.equal('dashboard');
  });

  it('viewer: no ticket creation, no approvals, no badge; KB and plan board when shared (R-KB-1, R-PLAN-1)', async () => {
    const { app } = await mountApp('anna.viewer@nordwind.example');
    expect(navViews(app)).to.deep.equal(['dashboard', 'board', 'kb', 'plan']);
    expect(badge(app)).to.equal(null);
    expect($(app, '[part=user] .user-name').textContent).to.equal('Anna Schneider');
    expect($(app, '[part=user]').getAttribute('href')).to.equal('#/settings');
    await expect(app).to.be.accessible();
  });

  it('editor: creates tickets and sees the count of own tickets awaiting release (R-DASH-2)', async () => {
    const { app } = await mountApp('erik.editor@nordwind.example');
    expect(navViews(app)).to.deep.equal(['dashboard', 'create', 'board', 'kb', 'plan']);
    // the account's language is German: the portal follows it
    expect($(app, 'nav a[data-view=create]').textContent!.trim()).to.equal('Ticket erstellen');
    expect(badge(app)!.textContent).to.contain('2 Tickets warten auf Freigabe');
    expect(badge(app)!.closest('a')!.dataset.view).to.equal('dashboard');
    await expect(app).to.be.accessible();
  });

  it('dispatcher: approvals and the release count (R-DASH-2, R-APPROVE-1)', async () => {
    const { app } = await mountApp('dora.dispatcher@nordwind.example');
    expect(navViews(app)).to.deep.equal(['dashboard', 'create', 'board', 'approvals', 'kb', 'plan']);
    expect(badge(app)!.querySelector('[aria-hidden=true]')!.textContent).to.equal('3');
    // on the entry where the dispatcher acts on them (found by a fresh-eyes test)
    expect(badge(app)!.closest('a')!.dataset.view).to.equal('approvals');
    await expect(app).to.be.accessible();
  });

  it('Blue Harbor (English account): no knowledge base and no plan board', async () => {
    document.documentElement.lang = 'de';
    const { app, session } = await mountApp('bob.editor@blueharbor.example');
    expect(navViews(app)).to.deep.equal(['dashboard', 'create', 'board']);
    expect(session.getAttribute('lang')).to.equal('en');
    expect($(app, 'nav a[data-view=board]').textContent!.trim()).to.equal('Ticket board');
    await expect(app).to.be.accessible();
  });

  it('multi-partner account: approvals because it dispatches for one partner; KB shared with one partner', async () => {
    const { app } = await mountApp('max.multi@mueller-soehne.example');
    expect(navViews(app)).to.deep.equal(['dashboard', 'create', 'board', 'approvals', 'kb']);
    expect(badge(app)!.textContent).to.contain('1 Ticket wartet auf Freigabe');
    expect(badge(app)!.closest('a')!.dataset.view).to.equal('approvals');
  });

  it('agent: a note with the way to the agent view, no customer navigation', async () => {
    const { app } = await mountApp('alex.agent@servicedesk.example');
    expect($maybe(app, 'nav')).to.equal(null);
    expect($(app, 'main a').getAttribute('href')).to.equal('/demo/agent.html');
    expect(allowedViews((await new FakeApi({ signedInAs: 'alex.agent@servicedesk.example' }).me.get()))).to.deep.equal([]);
    await expect(app).to.be.accessible();
  });

  it('navigates by hash, shows a notice for widgets not built yet and asks the loader for them', async () => {
    const requests = collect<Event & { tag: string }>('portal-define-request');
    const { app } = await mountApp('dora.dispatcher@nordwind.example', 'en');
    expect(current(app)).to.equal('dashboard');
    expect($(app, 'main').textContent).to.contain('This part of the portal is not available yet.');
    $<HTMLAnchorElement>(app, 'nav a[data-view=approvals]').click();
    await waitUntil(() => current(app) === 'approvals', 'did not navigate');
    expect(location.hash).to.equal('#/approvals');
    expect($(app, 'main h1').textContent).to.equal('Approvals');
    await waitUntil(() => app.shadowRoot!.activeElement?.id === 'main', 'focus did not move to the view');
    requests.stop();
    expect(requests.events.map((e) => e.tag)).to.include.members(['portal-dashboard', 'approval-inbox']);
    await expect(app).to.be.accessible();
  });

  it('renders the widget of a view as soon as its tag is defined', async () => {
    location.hash = '#/plan';
    const { app } = await mountApp('anna.viewer@nordwind.example', 'en');
    expect(current(app)).to.equal('plan');
    expect($maybe(app, 'plan-board')).to.equal(null);
    customElements.define('plan-board', class extends HTMLElement {});
    await waitUntil(() => $maybe(app, 'plan-board'), 'widget not rendered after define');
  });

  it('"Your account" whose module cannot be loaded: the lost-connection error with Try again, which loads it (found by a fresh-eyes test)', async () => {
    // before any test that opens the settings (their element is defined then)
    expect(customElements.get('portal-app-settings')).to.equal(undefined);
    const load = PortalApp.loadSettings;
    let fail = true;
    PortalApp.loadSettings = () => (fail ? Promise.reject(new TypeError('Failed to fetch dynamically imported module')) : load());
    try {
      location.hash = '#/settings';
      const { app } = await mountApp('erik.editor@nordwind.example', 'en');
      const main = () => $(app, 'main');
      await waitUntil(() => main().querySelector('.alert.danger[role=alert]'), 'no error');
      expect(main().querySelector('.alert.danger')!.textContent).to.contain('The portal cannot be reached. Please check your connection and try again.');
      await expect(app).to.be.accessible();
      // away and back: still the error with its way out
      location.hash = '#/board';
      await waitUntil(() => $maybe(app, 'nav a[aria-current=page]')?.dataset.view === 'board', 'did not navigate');
      location.hash = '#/settings';
      await waitUntil(() => main().querySelector('.alert.danger button.retry'), 'no Try again after coming back');
      fail = false;
      main().querySelector<HTMLButtonElement>('.alert.danger button.retry')!.click();
      await waitUntil(() => main().querySelector('portal-app-settings'), 'Try again did not load the settings');
      expect(main().querySelector('.alert.danger')).to.equal(null);
    } finally {
      PortalApp.loadSettings = load;
    }
  });

  it("the host page's lang wins over the account's language; the user's choice wins over both", async () => {
    const { app, session } = await mountApp('erik.editor@nordwind.example', 'en');
    expect(session.getAttribute('lang')).to.equal('en');
    expect($(app, 'nav a[data-view=create]').textContent!.trim()).to.equal('Create ticket');
    const select = $<HTMLSelectElement>(app, '#language');
    select.value = 'de';
    select.dispatchEvent(new Event('change'));
    await waitUntil(() => $(app, 'nav a[data-view=create]').textContent!.trim() === 'Ticket erstellen');
  });

  it('a view the user may not open shows the dashboard instead', async () => {
    location.hash = '#/approvals';
    const { app } = await mountApp('anna.viewer@nordwind.example', 'en');
    expect(current(app)).to.equal('dashboard');
  });

  it('switches the language of the whole page and remembers it for the account', async () => {
    const { app, session, api } = await mountApp('erik.editor@nordwind.example');
    expect($(app, 'nav a[data-view=board]').textContent!.trim()).to.equal('Ticket Board');
    const select = $<HTMLSelectElement>(app, '#language');
    expect(select.value).to.equal('de');
    select.value = 'en';
    select.dispatchEvent(new Event('change'));
    await waitUntil(() => $(app, 'nav a[data-view=create]').textContent!.trim() === 'Create ticket', 'did not switch');
    expect(session.getAttribute('lang')).to.equal('en');
    expect(api.calls.filter((c) => c.method === 'me.update').map((c) => c.input)).to.deep.equal([{ locale: 'en' }]);
    expect((await api.me.get()).account.locale).to.equal('en');
    // "Your account" then shows the saved language (not the one from before the switch)
    location.hash = '#/settings';
    const settings = await waitUntil(() => $maybe(app, 'main portal-app-settings'), 'no settings').then(() => $(app, 'main portal-app-settings'));
    await waitUntil(() => $<HTMLSelectElement>(settings, '#account-locale').value === 'en', 'the settings show the old language');
  });

  it('switches between light and dark on the page', async () => {
    const { app } = await mountApp('erik.editor@nordwind.example', 'en');
    const toggle = $<HTMLButtonElement>(app, 'button.theme');
    expect(toggle.getAttribute('aria-pressed')).to.equal('false');
    const lightBg = getComputedStyle($(app, '.header')).backgroundColor;
    toggle.click();
    await app.updateComplete;
    await new Promise((r) => setTimeout(r, 250)); // let the buttons' colour transition finish
    expect(document.documentElement.style.colorScheme).to.equal('dark');
    expect(toggle.getAttribute('aria-pressed')).to.equal('true');
    expect(getComputedStyle($(app, '.header')).backgroundColor).to.not.equal(lightBg);
    expect(localStorage.getItem('helpdesk-portal.theme')).to.equal('dark');
    await expect(app).to.be.accessible();
  });

  it('signs out from the header', async () => {
    const { app, session, api } = await mountApp('erik.editor@nordwind.example', 'en');
    const out = oneEvent(session, 'signed-out');
    $<HTMLButtonElement>(app, 'button.sign-out').click();
    await out;
    await waitForStatus(session, 'signed-out');
    expect(api.signedIn).to.equal(false);
  });

  it('narrow screens: the navigation collapses behind a menu button', async () => {
    await setViewport({ width: 600, height: 800 });
    try {
      const { app } = await mountApp('dora.dispatcher@nordwind.example', 'en');
      const toggle = $<HTMLButtonElement>(app, '.menu-toggle');
      expect(getComputedStyle(toggle).display).to.not.equal('none');
      expect(getComputedStyle($(app, 'nav')).display).to.equal('none');
      expect(toggle.getAttribute('aria-expanded')).to.equal('false');
      toggle.click();
      await app.updateComplete;
      expect(toggle.getAttribute('aria-expanded')).to.equal('true');
      expect(getComputedStyle($(app, 'nav')).display).to.not.equal('none');
      await expect(app).to.be.accessible();
      $<HTMLAnchorElement>(app, 'nav a[data-view=board]').focus();
      await sendKeys({ press: 'Escape' });
      await app.updateComplete;
      expect(toggle.getAttribute('aria-expanded')).to.equal('false');
      expect(app.shadowRoot!.activeElement).to.equal(toggle);
    } finally {
      await setViewport({ width: 1280, height: 800 });
    }
  });

  it('narrow (390 px): Escape closes the menu also from its button, focus back on it; signing out closes it (found by a fresh-eyes test)', async () => {
    await setViewport({ width: 390, height: 800 });
    try {
      const { app, session } = await mountApp('dora.dispatcher@nordwind.example', 'en');
      const toggle = () => $<HTMLButtonElement>(app, '.menu-toggle');
      const open = () => toggle().getAttribute('aria-expanded') === 'true';
      // opened with the keyboard: the focus stays on the button
      toggle().focus();
      await sendKeys({ press: 'Enter' });
      await app.updateComplete;
      expect(open()).to.equal(true);
      await sendKeys({ press: 'Escape' });
      await app.updateComplete;
      expect(open()).to.equal(false);
      expect(getComputedStyle($(app, 'nav')).display).to.equal('none');
      expect(app.shadowRoot!.activeElement).to.equal(toggle());
      // open, sign out, sign in again: the menu is closed
      toggle().click();
      await app.updateComplete;
      expect(open()).to.equal(true);
      $<HTMLButtonElement>(app, 'button.sign-out').click();
      await waitForStatus(session, 'signed-out');
      await signInThroughForm(session, 'dora.dispatcher@nordwind.example', demoPassword);
      await waitForStatus(session, 'signed-in');
      await app.updateComplete;
      expect(open()).to.equal(false);
      expect(getComputedStyle($(app, 'nav')).display).to.equal('none');
    } finally {
      await setViewport({ width: 1280, height: 800 });
    }
  });

  it('keyboard: the header and navigation are reachable with Tab', async () => {
    const { app } = await mountApp('dora.dispatcher@nordwind.example', 'en');
    $<HTMLAnchorElement>(app, 'a.brand').focus();
    const seen: string[] = [];
    for (let i = 0; i < 7; i++) {
      await sendKeys({ press: 'Tab' });
      const a = app.shadowRoot!.activeElement as HTMLElement | null;
      seen.push(a?.id || a?.dataset.view || a?.className || '');
    }
    expect(seen).to.deep.equal(['user', 'language', 'button quiet theme', 'button sign-out', 'dashboard', 'create', 'board']);
  });

  it('keyboard: the first stop skips to the content, shown only while focused (found by a fresh-eyes test)', async () => {
    const { app } = await mountApp('erik.editor@nordwind.example', 'de');
    const skip = $<HTMLButtonElement>(app, 'button.skip');
    expect(skip.textContent!.trim()).to.equal('Zum Inhalt springen');
    expect(skip.getBoundingClientRect().width).to.be.at.most(1);
    const before = document.createElement('button');
    app.before(before);
    before.focus();
    await sendKeys({ press: 'Tab' });
    expect(app.shadowRoot!.activeElement).to.equal(skip);
    expect(skip.getBoundingClientRect().width).to.be.greaterThan(50);
    await expect(app).to.be.accessible();
    await sendKeys({ press: 'Enter' });
    expect(app.shadowRoot!.activeElement!.id).to.equal('main');
    before.remove();
  });

  it('an unknown address, or a view the user may not open, is replaced by the one shown (no history entry)', async () => {
    location.hash = '#/nonsense/1';
    const length = history.length;
    const { app } = await mountApp('anna.viewer@nordwind.example', 'en');
    expect(current(app)).to.equal('dashboard');
    await waitUntil(() => location.hash === '#/dashboard', `kept ${location.hash}`);
    expect(history.length).to.equal(length);
    location.hash = '#/approvals';
    await waitUntil(() => location.hash === '#/dashboard', `kept ${location.hash}`);
    expect(current(app)).to.equal('dashboard');
  });

  it('the view area takes the focus after a route change without drawing a ring (R-X-2)', async () => {
    const { app } = await mountApp('dora.dispatcher@nordwind.example', 'en');
    // keyboard use first: Chromium then marks a scripted focus as :focus-visible too
    $<HTMLAnchorElement>(app, 'a.brand').focus();
    await sendKeys({ press: 'Tab' });
    location.hash = '#/board';
    await waitUntil(() => app.shadowRoot!.activeElement?.id === 'main', 'focus did not move to the view');
    const main = $(app, '#main');
    expect(getComputedStyle(main).outlineStyle).to.equal('none');
    // a control reached with Tab still shows its ring
    $<HTMLAnchorElement>(app, 'a.brand').focus();
    await sendKeys({ press: 'Tab' });
    expect(getComputedStyle(app.shadowRoot!.activeElement!).outlineStyle).to.not.equal('none');
  });

  it('"Your account": e-mail notifications and language, saved with a message; an error keeps the choices', async () => {
    const { app, api } = await mountApp('erik.editor@nordwind.example', 'en');
    const link = $<HTMLAnchorElement>(app, 'a[part=user]');
    expect(link.textContent!.replace(/\s+/g, ' ').trim()).to.equal('Erik Brandt Your account');
    link.click();
    await waitUntil(() => location.hash === '#/settings', 'not routed');
    const settings = await waitUntil(() => $maybe(app, 'main portal-app-settings'), 'no settings').then(() => $(app, 'main portal-app-settings'));
    await (settings as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
    expect(link.getAttribute('aria-current')).to.equal('page');
    expect($maybe(app, 'nav a[aria-current=page]')).to.equal(null);
    const box = $<HTMLInputElement>(settings, '#notify-email');
    expect(box.checked).to.equal(true);
    await expect(settings).to.be.accessible();
    // an error: the message, and the choice stays
    api.failures['me.update'] = 'internal';
    box.click();
    $<HTMLButtonElement>(settings, 'button[type=submit]').click();
    await waitUntil(() => $maybe(settings, '.alert.danger[role=alert]'), 'no error');
    expect($<HTMLInputElement>(settings, '#notify-email').checked).to.equal(false);
    // again: saved
    delete api.failures['me.update'];
    $<HTMLButtonElement>(settings, 'button[type=submit]').click();
    await waitUntil(() => $maybe(settings, '[role=status] .alert.success'), 'no success message');
    expect($maybe(settings, '.alert.danger')).to.equal(null);
    expect(api.calls.filter((c) => c.method === 'me.update').at(-1)!.input).to.deep.equal({ notifyEmail: false, locale: 'de' });
    expect((await api.me.get()).account.notifyEmail).to.equal(false);
    expect($<HTMLInputElement>(settings, '#notify-email').checked).to.equal(false);
    await expect(settings).to.be.accessible();
  });

  /** Opens "Your account" of `email` and waits for its form (and the password rules). */
  async function openSettings(email: string, lang: 'de' | 'en' = 'en') {
    location.hash = '#/settings';
    const mounted = await mountApp(email, lang);
    const settings = await waitUntil(() => $maybe(mounted.app, 'main portal-app-settings'), 'no settings').then(() =>
      $<HTMLElement & { updateComplete: Promise<unknown> }>(mounted.app, 'main portal-app-settings'),
    );
    await waitUntil(() => mounted.api.calls.some((c) => c.method === 'auth.policy'), 'the password rules were not loaded');
    await settings.updateComplete;
    return { ...mounted, settings };
  }

  async function type(el: HTMLElement & { updateComplete: Promise<unknown> }, id: string, value: string) {
    const input = $<HTMLInputElement>(el, `#${id}`);
    input.value = value;
    input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
    await el.updateComplete;
  }

  const q = <E extends Element = HTMLElement>(root: ParentNode, selector: string): E => {
    const found = root.querySelector<E>(selector);
    if (!found) throw new Error(`nothing matches ${selector}`);
    return found;
  };
  const passwordForm = (settings: HTMLElement) => $<HTMLFormElement>(settings, 'form[part=password]');
  const submitPassword = async (settings: HTMLElement & { updateComplete: Promise<unknown> }) => {
    q<HTMLButtonElement>(passwordForm(settings), 'button[type=submit]').click();
    await settings.updateComplete;
  };
  const fieldValue = (settings: HTMLElement, id: string) => $<HTMLInputElement>(settings, `#${id}`).value;

  it('"Your account": change the password with the live rules; a wrong current password is said at its field and only it is retyped; this session stays signed in (R-AUTH-4)', async () => {
    const { app, api, session, settings } = await openSettings('erik.editor@nordwind.example');
    const form = passwordForm(settings);
    expect(q(form, 'h2').textContent).to.equal('Change password');
    // the same checklist as the first-login form: nothing met yet
    const rules = () => [...form.querySelectorAll<HTMLLIElement>('.rules li')].map((li) => `${li.dataset.rule}:${li.className}`);
    expect(rules()).to.include('length:unmet');
    await type(settings, 'new-password', 'Neu-Kennwort-2027');
    expect(rules()).to.include('length:met');
    expect(rules()).to.include('special:met');
    await expect(settings).to.be.accessible();

    // the form's own checks: no request, the first field at fault has the focus
    await submitPassword(settings);
    expect(api.calls.some((c) => c.method === 'auth.changePassword')).to.equal(false);
    await waitUntil(() => settings.shadowRoot!.activeElement?.id === 'old-password', 'focus not at the current password');
    expect(q(form, '#old-password-error').textContent).to.contain('Please enter your current password.');
    expect(q(form, '#confirm-password-error').textContent).to.contain('not the same');

    // a wrong current password: its own message at its field; the new password stays
    await type(settings, 'old-password', 'Falsch-2026!');
    await type(settings, 'confirm-password', 'Neu-Kennwort-2027');
    await submitPassword(settings);
    await waitUntil(() => form.querySelector('#old-password-error'), 'no message at the current password');
    expect(q(form, '#old-password-error').textContent).to.contain('The current password is not correct.');
    expect(q(form, '#old-password').getAttribute('aria-invalid')).to.equal('true');
    await waitUntil(() => settings.shadowRoot!.activeElement?.id === 'old-password', 'focus not at the current password');
    expect(fieldValue(settings, 'old-password')).to.equal('');
    expect(fieldValue(settings, 'new-password')).to.equal('Neu-Kennwort-2027');
    expect(fieldValue(settings, 'confirm-password')).to.equal('Neu-Kennwort-2027');
    expect(form.querySelector('.alert.success')).to.equal(null);
    await expect(settings).to.be.accessible();

    // right: a confirmation that says what happened to the other sessions; the fields are empty
    await type(settings, 'old-password', demoPassword);
    const submit = q<HTMLButtonElement>(form, 'button[type=submit]');
    submit.focus();
    api.latencyMs = 100;
    await submitPassword(settings);
    expect(submit.getAttribute('aria-busy')).to.equal('true');
    expect(submit.textContent!.trim()).to.equal('Saving…');
    await waitUntil(() => form.querySelector('[role=status] .alert.success'), 'no confirmation');
    api.latencyMs = 0;
    // the focus stays where the user was (a disabled busy button would drop it to <body>)
    expect(settings.shadowRoot!.activeElement).to.equal(submit);
    expect(q(form, '[role=status] .alert.success').textContent).to.contain('on your other devices and browsers you were signed out');
    expect(api.calls.filter((c) => c.method === 'auth.changePassword').length).to.equal(2);
    for (const id of ['old-password', 'new-password', 'confirm-password']) expect(fieldValue(settings, id)).to.equal('');
    await expect(settings).to.be.accessible();
    // still signed in here; the new password is the one that counts
    expect(session.state.status).to.equal('signed-in');
    expect((await api.me.get()).account.email).to.equal('erik.editor@nordwind.example');
    expect($maybe(app, 'portal-app-settings')).to.not.equal(null);
    // never in the address or the tab's storage
    expect(location.href).to.not.contain('Kennwort');
    expect(JSON.stringify({ ...sessionStorage })).to.not.contain('Neu-Kennwort-2027');
    await api.auth.signOut();
    await api.auth.signIn({ email: 'erik.editor@nordwind.example', password: 'Neu-Kennwort-2027' });
  });

  it('"Your account": the server\'s rule failures (422) show at the new password, everything typed stays; German', async () => {
    const { api, settings } = await openSettings('erik.editor@nordwind.example', 'de');
    const form = passwordForm(settings);
    expect(q(form, 'h2').textContent).to.equal('Passwort ändern');
    await type(settings, 'old-password', demoPassword);
    await type(settings, 'new-password', 'Sommer-2027!');
    await type(settings, 'confirm-password', 'Sommer-2027!');
    await submitPassword(settings);
    await waitUntil(() => form.querySelector('#new-password-error'), 'no message at the new password');
    expect(q(form, '#new-password-error').textContent).to.contain('zu gängig');
    expect(q(form, '#new-password').getAttribute('aria-describedby')).to.equal('new-password-error rules');
    await waitUntil(() => settings.shadowRoot!.activeElement?.id === 'new-password', 'focus not at the new password');
    expect(fieldValue(settings, 'old-password')).to.equal(demoPassword);
    expect(fieldValue(settings, 'confirm-password')).to.equal('Sommer-2027!');
    await expect(settings).to.be.accessible();
    // any other failure: a message; nothing typed is lost
    api.failures['auth.changePassword'] = 'internal';
    await type(settings, 'new-password', 'Herbst-Kennwort-27');
    await type(settings, 'confirm-password', 'Herbst-Kennwort-27');
    await submitPassword(settings);
    await waitUntil(() => form.querySelector('.alert.danger[role=alert]'), 'no error message');
    expect(fieldValue(settings, 'old-password')).to.equal(demoPassword);
    expect(fieldValue(settings, 'new-password')).to.equal('Herbst-Kennwort-27');
  });

  it('approval inbox at #/approvals/<id>: its own Back, and "someone else decided first", leave #/approvals (no history entry)', async () => {
    // the real inbox (defined only now: earlier tests check the notice for widgets not built yet)
    await import('../../widgets/approval-inbox/define.js');
    history.replaceState(null, '', '#/approvals');
    const { app, api } = await mountApp('dora.dispatcher@nordwind.example', 'en');
    const waiting = api.world.tickets.filter((t) => t.status === 'awaiting_release' && t.businessPartnerId === 'bp-nordwind');
    const [first, second] = waiting.map((t) => t.id);
    location.hash = `#/approvals/${first}`;
    const inbox = await waitUntil(() => $maybe(app, 'main approval-inbox'), 'no inbox').then(() => $<ApprovalInbox>(app, 'main approval-inbox'));
    await waitUntil(() => $maybe<TicketDetail>(inbox, 'ticket-detail')?.hasCustomState('ready'), 'the ticket did not open', { timeout: 4000 });
    const length = history.length;
    $<HTMLButtonElement>(inbox, '.back').click();
    await waitUntil(() => location.hash === '#/approvals', `Back kept ${location.hash}`);
    expect(history.length).to.equal(length);
    expect(inbox.ticketId).to.equal(null);
    // someone else decides the linked ticket first
    location.hash = `#/approvals/${second}`;
    await waitUntil(() => $maybe<TicketDetail>(inbox, 'ticket-detail')?.hasCustomState('ready') && inbox.ticketId === second, 'the ticket did not open', { timeout: 4000 });
    await new FakeApi({ signedInAs: 'dora.dispatcher@nordwind.example', world: api.world }).tickets.release(second!, { reason: 'Checked by phone' });
    $<HTMLButtonElement>(inbox, 'button[data-action=reject]').click();
    const dialog = $<HTMLDialogElement>(inbox, '#decision-dialog');
    await waitUntil(() => dialog.open, 'no dialog');
    const reason = $<HTMLTextAreaElement>(inbox, '#reason');
    reason.value = 'Not needed';
    reason.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
    $<HTMLButtonElement>(inbox, '#decision-dialog button[type=submit]').click();
    await waitUntil(() => $maybe(inbox, '[part=notice]')?.textContent?.includes('already decided by someone else'), 'no 409 explanation');
    await waitUntil(() => location.hash === '#/approvals', `kept ${location.hash}`);
  });

  it('a plan board has its own address: opening one pushes #/plan/<id>, Back shows the overview, the address opens it', async () => {
    // the real <plan-board> fires this when the user opens a board or goes back to the overview
    const open = (el: Element, id: string | null) =>
      el.dispatchEvent(new CustomEvent('plan-board-changed', { detail: { boardId: id }, bubbles: true, composed: true }));
    if (!customElements.get('plan-board')) customElements.define('plan-board', class extends HTMLElement {});
    location.hash = '#/plan';
    const { app } = await mountApp('anna.viewer@nordwind.example', 'en');
    const plan = await waitUntil(() => $maybe(app, 'main plan-board'), 'no plan board').then(() => $(app, 'main plan-board'));
    open(plan, 'pb-1');
    await waitUntil(() => location.hash === '#/plan/pb-1', `no address (${location.hash})`);
    await waitUntil(() => plan.getAttribute('board-id') === 'pb-1', 'board-id not set');
    history.back();
    await waitUntil(() => location.hash === '#/plan', `Back kept ${location.hash}`);
    await waitUntil(() => !plan.hasAttribute('board-id'), 'Back did not show the overview');
    location.hash = '#/plan/pb-2';
    await waitUntil(() => plan.getAttribute('board-id') === 'pb-2', 'the address did not open the board');
    // its own "All plan boards" button: back to the overview's address
    open(plan, null);
    await waitUntil(() => location.hash === '#/plan', `kept ${location.hash}`);
  });

  it('after a decision in the approval inbox the address no longer names the ticket', async () => {
    location.hash = '#/approvals/t-9';
    const { app } = await mountApp('dora.dispatcher@nordwind.example', 'en');
    expect(current(app)).to.equal('approvals');
    $(app, 'main').firstElementChild!.dispatchEvent(new CustomEvent('ticket-released', { detail: { ticket: { id: 't-9' } }, bubbles: true, composed: true }));
    await waitUntil(() => location.hash === '#/approvals', `kept ${location.hash}`);
  });

  it('alone, without portal-session, loads the user itself', async () => {
    const api = new FakeApi({ signedInAs: 'erik.editor@nordwind.example' });
    const app = await fixture<PortalApp>(html`<portal-app lang="en" .api=${api}></portal-app>`);
    await waitUntil(() => $maybe(app, 'nav'), 'no navigation');
    expect(navViews(app)).to.include('create');
    // alone it signs out itself (api.auth's module loads with the click) and shows the hint
    $<HTMLButtonElement>(app, 'button.sign-out').click();
    await waitUntil(() => app.shadowRoot!.textContent!.includes('Please sign in'), 'not signed out');
    expect(api.signedIn).to.equal(false);
    const out = new FakeApi();
    const alone = await fixture<PortalApp>(html`<portal-app lang="en" .api=${out}></portal-app>`);
    await waitUntil(() => alone.shadowRoot!.textContent!.includes('Please sign in'), 'no sign-in hint');
  });

  it('a view whose widget the loader is loading shows Loading…; when the loader gives up, the lost-connection error with Try again, which asks again (found by a fresh-eyes test)', async () => {
    // a loader (widgets/loader.ts) that takes the request; it gives up on the first one
    const asked: string[] = [];
    let giveUp = true;
    const loader = (e: DefineRequestEvent) => {
      if (e.tag !== 'kb-browser') return;
      e.preventDefault();
      asked.push(e.tag);
      const from = e.composedPath()[0]!;
      const message = 'Failed to fetch dynamically imported module';
      if (giveUp) setTimeout(() => from.dispatchEvent(new CustomEvent('portal-load-error', { detail: { tag: e.tag, message }, bubbles: true, composed: true })), 300);
    };
    document.addEventListener('portal-define-request', loader);
    try {
      location.hash = '#/kb';
      const { app } = await mountApp('anna.viewer@nordwind.example', 'de');
      expect(current(app)).to.equal('kb');
      const main = () => $(app, 'main');
      expect(main().querySelector('[role=status]')!.textContent).to.contain('Wird geladen');
      expect(main().textContent).to.not.contain('nicht verfügbar');
      const alert = await waitUntil(() => main().querySelector('.alert.danger[role=alert]'), 'no error').then(() => main().querySelector('.alert.danger')!);
      expect(alert.textContent).to.contain('Das Portal ist nicht erreichbar. Bitte prüfen Sie Ihre Verbindung');
      expect(main().textContent).to.not.contain('nicht verfügbar');
      await expect(app).to.be.accessible();
      // away and back: still the error with its way out
      location.hash = '#/board';
      await waitUntil(() => current(app) === 'board', 'did not navigate');
      location.hash = '#/kb';
      await waitUntil(() => current(app) === 'kb', 'did not navigate back');
      // Try again asks the loader again: loading, the focus in the view area, then the widget
      giveUp = false;
      const retry = main().querySelector<HTMLButtonElement>('.alert.danger button.retry')!;
      expect(retry.textContent!.trim()).to.equal('Erneut versuchen');
      retry.focus();
      retry.click();
      await app.updateComplete;
      expect(asked).to.deep.equal(['kb-browser', 'kb-browser']);
      expect(main().querySelector('.alert.danger')).to.equal(null);
      expect(main().querySelector('[role=status]')!.textContent).to.contain('Wird geladen');
      await waitUntil(() => app.shadowRoot!.activeElement?.id === 'main', 'the focus was lost');
      customElements.define('kb-browser', class extends HTMLElement {});
      await waitUntil(() => main().querySelector('kb-browser'), 'the widget did not show once defined');
    } finally {
      document.removeEventListener('portal-define-request', loader);
    }
  });
});
