import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import { ApiError } from '../../widgets/core/api.js';
import { FakeApi, demoInitialPassword, demoPassword } from '../../widgets/core/api-fake.js';
import { LocaleRequestEvent, SignOutRequestEvent } from '../../widgets/core/events.js';
import { currentLocale, localeReady } from '../../widgets/core/localization.js';
import type { PortalSession } from '../../widgets/portal-session/portal-session.element.js';
import type { AuthRequiredEvent, SignedInEvent, SignedOutEvent } from '../../widgets/portal-session/portal-session.events.js';
import {
  $,
  $maybe,
  collect,
  mountSession,
  signInThroughForm,
  text,
  typeInto,
  waitForStatus,
  type TestConsumer,
} from './helpers.js';

const content = (el: PortalSession) => $(el, '[part=content]');
const inside = (el: PortalSession) => el.querySelector<TestConsumer>('#inside')!;

async function settled(el: PortalSession) {
  await localeReady();
  await el.updateComplete;
}

describe('portal-session', () => {
  let authRequired: ReturnType<typeof collect<AuthRequiredEvent>>;
  beforeEach(() => {
    document.documentElement.lang = 'en';
    authRequired = collect<AuthRequiredEvent>('portal-auth-required');
  });
  afterEach(() => authRequired.stop());

  it('signed out: shows the sign-in form, hides the slotted widgets, asks for auth', async () => {
    const el = await mountSession(new FakeApi());
    await waitForStatus(el, 'signed-out');
    await settled(el);
    expect($(el, 'h2').textContent).to.equal('Sign in');
    expect($(el, '#email').getAttribute('autocomplete')).to.equal('username');
    expect($(el, '#password').getAttribute('type')).to.equal('password');
    // the slot is always there, just hidden
    expect($(el, 'slot')).to.exist;
    expect(content(el).hidden).to.equal(true);
    expect(inside(el).getClientRects().length).to.equal(0);
    expect(authRequired.events.map((e) => e.detail.reason)).to.deep.equal(['no-session']);
    expect(el.hasCustomState('signed-out')).to.equal(true);
    expect(el.matches(':state(signed-out)')).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('asks for both fields before calling the server', async () => {
    const api = new FakeApi();
    const el = await mountSession(api);
    await waitForStatus(el, 'signed-out');
    $<HTMLButtonElement>(el, 'button[type=submit]').click();
    await el.updateComplete;
    expect($(el, '#email').getAttribute('aria-invalid')).to.equal('true');
    expect($(el, '#email-error').textContent).to.contain('Please enter your e-mail address.');
    expect($(el, '#password-error').textContent).to.contain('Please enter your password.');
    expect(api.calls.some((c) => c.method === 'auth.signIn')).to.equal(false);
    await expect(el).to.be.accessible();
  });

  it('wrong password: one generic message, password cleared and focused (R-AUTH-2)', async () => {
    const el = await mountSession(new FakeApi());
    await waitForStatus(el, 'signed-out');
    await signInThroughForm(el, 'erik.editor@nordwind.example', 'Not-the-password-1');
    await waitUntil(() => $maybe(el, '[role=alert]'), 'no error shown');
    expect($(el, '[role=alert]').textContent).to.contain('The e-mail address or the password is not correct.');
    expect($<HTMLInputElement>(el, '#password').value).to.equal('');
    expect(el.shadowRoot!.activeElement?.id).to.equal('password');
    expect($<HTMLInputElement>(el, '#email').value).to.equal('erik.editor@nordwind.example');
    expect(el.state.status).to.equal('signed-out');
    await expect(el).to.be.accessible();
  });

  it('throttled: says how long to wait and holds the button until then (R-AUTH-2)', async () => {
    const el = await mountSession(new FakeApi({ throttledForSeconds: 30 }));
    await waitForStatus(el, 'signed-out');
    await signInThroughForm(el, 'erik.editor@nordwind.example', demoPassword);
    await waitUntil(() => $maybe(el, '[role=alert]'), 'no throttle message');
    // the wait counts down from 30 s; a slow machine may already show a second or two less
    expect($(el, '[role=alert]').textContent).to.match(/Please wait (30|29|28|27) seconds/);
    const button = $<HTMLButtonElement>(el, 'button[type=submit]');
    expect(button.disabled).to.equal(true);
    expect(button.textContent).to.match(/Try again in (30|29|28|27) s/);
    await expect(el).to.be.accessible();
  });

  it('throttling after repeated failures comes from the fake like from the server', async function (this: MochaContext) {
    // six sign-ins typed with real key presses: slow on a loaded machine
    this.timeout(40_000);
    const el = await mountSession(new FakeApi());
    await waitForStatus(el, 'signed-out');
    // like the server: the fifth failure starts the wait, the sixth attempt hears about it
    for (let i = 0; i < 6; i++) {
      await signInThroughForm(el, 'anna.viewer@nordwind.example', `Wrong-${i}!`);
      await waitUntil(() => !$<HTMLButtonElement>(el, 'button[type=submit]').textContent!.includes('Signing in') && $maybe(el, '[role=alert]'));
      $<HTMLInputElement>(el, '#email').value = '';
    }
    expect($<HTMLButtonElement>(el, 'button[type=submit]').disabled).to.equal(true);
    expect($(el, '[role=alert]').textContent).to.match(/(30|29|28|27) seconds/);
  });

  it('signed in: shows the widgets, provides session and locale contexts', async () => {
    const signedIn = collect<SignedInEvent>('signed-in');
    const el = await mountSession(new FakeApi({ signedInAs: 'dora.dispatcher@nordwind.example' }));
    await waitForStatus(el, 'signed-in');
    await settled(el);
    signedIn.stop();
    expect($maybe(el, '[part=panel]')).to.equal(null);
    expect(content(el).hidden).to.equal(false);
    await inside(el).updateComplete;
    expect(inside(el).shadowRoot!.textContent).to.contain('signed-in · en');
    expect(signedIn.events.map((e) => [e.detail.account.email, e.detail.restored])).to.deep.equal([
      ['dora.dispatcher@nordwind.example', true],
    ]);
    expect(authRequired.events).to.have.length(0);
    expect(el.matches(':state(signed-in)')).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('signs in through the form and fires signed-in', async () => {
    const el = await mountSession(new FakeApi());
    await waitForStatus(el, 'signed-out');
    const fired = oneEvent(el, 'signed-in');
    await signInThroughForm(el, 'dora.dispatcher@nordwind.example', demoPassword);
    const event = (await fired) as SignedInEvent;
    expect(event.detail).to.deep.equal({
      account: { id: 'acc-dora', email: 'dora.dispatcher@nordwind.example', name: 'Dora Wagner', locale: 'de', kind: 'customer' },
      restored: false,
    });
    expect(event.bubbles && event.composed).to.equal(true);
    await waitForStatus(el, 'signed-in');
    expect(content(el).hidden).to.equal(false);
  });

  it('password change required: rules checklist live, server issues at the fields (R-AUTH-3, R-AUTH-4)', async () => {
    const api = new FakeApi();
    const el = await mountSession(api);
    await waitForStatus(el, 'signed-out');
    await signInThroughForm(el, 'neu.kunde@nordwind.example', demoInitialPassword);
    await waitForStatus(el, 'password-change');
    await waitUntil(() => el.shadowRoot!.activeElement?.id === 'old-password', 'focus not on the old password');
    expect($(el, 'h2').textContent).to.equal('Set a new password');
    expect(content(el).hidden).to.equal(true);

    const rule = (name: string) => $(el, `[data-rule=${name}]`);
    await typeInto($<HTMLInputElement>(el, '#old-password'), demoInitialPassword);
    await typeInto($<HTMLInputElement>(el, '#new-password'), 'abc');
    await el.updateComplete;
    expect(rule('length').className).to.equal('unmet');
    expect(rule('lower').className).to.equal('met');
    expect(rule('upper').className).to.equal('unmet');
    expect(rule('lower').textContent).to.contain('(met)');
    expect($(el, '#new-password').getAttribute('aria-describedby')).to.contain('rules');
    // the form's styles came with its chunk
    expect(getComputedStyle($(el, '.rules')).display).to.equal('grid');
    await expect(el).to.be.accessible();

    // all client-side rules met, but the server knows the password is common
    $<HTMLInputElement>(el, '#new-password').value = '';
    await typeInto($<HTMLInputElement>(el, '#new-password'), 'Passwort123!');
    await typeInto($<HTMLInputElement>(el, '#confirm-password'), 'Passwort123!');
    await el.updateComplete;
    expect([...el.shadowRoot!.querySelectorAll('.rules li.unmet')]).to.have.length(0);
    $<HTMLButtonElement>(el, 'button[type=submit]').click();
    await waitUntil(() => $maybe(el, '#new-password-error'), 'server issue not shown');
    expect($(el, '#new-password-error').textContent).to.contain('This password is too common');
    expect($(el, '#new-password').getAttribute('aria-invalid')).to.equal('true');
    expect($(el, '#new-password').getAttribute('aria-describedby')).to.contain('new-password-error');
    expect(el.shadowRoot!.activeElement?.id).to.equal('new-password');
    await expect(el).to.be.accessible();

    // wrong current password: the issue shows at that field
    $<HTMLInputElement>(el, '#old-password').value = '';
    await typeInto($<HTMLInputElement>(el, '#old-password'), 'Wrong-Old-1!');
    for (const id of ['#new-password', '#confirm-password']) {
      $<HTMLInputElement>(el, id).value = '';
      await typeInto($<HTMLInputElement>(el, id), 'Fresh-Start-77?');
    }
    $<HTMLButtonElement>(el, 'button[type=submit]').click();
    await waitUntil(() => $maybe(el, '#old-password-error'), 'old password issue not shown');
    expect($(el, '#old-password-error').textContent).to.contain('The current password is not correct.');

    // mismatch is caught before the server
    $<HTMLInputElement>(el, '#old-password').value = '';
    await typeInto($<HTMLInputElement>(el, '#old-password'), demoInitialPassword);
    $<HTMLInputElement>(el, '#confirm-password').value = '';
    await typeInto($<HTMLInputElement>(el, '#confirm-password'), 'Fresh-Start-78?');
    const changeCalls = api.calls.filter((c) => c.method === 'auth.changePassword').length;
    $<HTMLButtonElement>(el, 'button[type=submit]').click();
    await el.updateComplete;
    expect($(el, '#confirm-password-error').textContent).to.contain('not the same');
    expect(api.calls.filter((c) => c.method === 'auth.changePassword').length).to.equal(changeCalls);

    $<HTMLInputElement>(el, '#confirm-password').value = '';
    await typeInto($<HTMLInputElement>(el, '#confirm-password'), 'Fresh-Start-77?');
    const fired = oneEvent(el, 'signed-in');
    $<HTMLButtonElement>(el, 'button[type=submit]').click();
    expect(((await fired) as SignedInEvent).detail.account.email).to.equal('neu.kunde@nordwind.example');
    await waitForStatus(el, 'signed-in');
    expect(content(el).hidden).to.equal(false);
  });

  it('a reload while the password must change shows the change form', async () => {
    const api = new FakeApi({ signedInAs: 'neu.kunde@nordwind.example' });
    const el = await mountSession(api);
    await waitForStatus(el, 'password-change');
    await el.updateComplete;
    expect($maybe(el, '#old-password')).to.exist;
    // without the account the e-mail rule cannot be checked in the browser; the others can
    expect($maybe(el, '[data-rule=not_email]')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('policy failing: says so and checks with the default rules', async () => {
    const api = new FakeApi({ failures: { 'auth.policy': 'internal' } });
    const el = await mountSession(api);
    await waitForStatus(el, 'signed-out');
    await signInThroughForm(el, 'neu.kunde@nordwind.example', demoInitialPassword);
    await waitForStatus(el, 'password-change');
    await waitUntil(() => $maybe(el, '.alert.warning'), 'no policy warning');
    expect($(el, '.alert.warning').textContent).to.contain('The password rules could not be loaded.');
    expect($(el, '[data-rule=length]').textContent).to.contain('At least 8 characters');
    await expect(el).to.be.accessible();
  });

  it('shows the configured minimum length from the policy', async () => {
    const api = new FakeApi({ passwordPolicy: { minLength: 6, maxLength: 128 } });
    const el = await mountSession(api);
    await waitForStatus(el, 'signed-out');
    await signInThroughForm(el, 'neu.kunde@nordwind.example', demoInitialPassword);
    await waitForStatus(el, 'password-change');
    await waitUntil(() => $(el, '[data-rule=length]').textContent!.includes('At least 6 characters'));
  });

  it('German: every text of the form is German', async () => {
    const el = await mountSession(new FakeApi(), { lang: 'de' });
    await waitForStatus(el, 'signed-out');
    await settled(el);
    expect(currentLocale()).to.equal('de');
    expect($(el, 'h2').textContent).to.equal('Anmelden');
    expect($(el, 'label[for=email]').textContent).to.equal('E-Mail-Adresse');
    expect($(el, 'button[type=submit]').textContent!.trim()).to.equal('Anmelden');
    expect($(el, '[part=base]').getAttribute('lang')).to.equal('de');
    await signInThroughForm(el, 'erik.editor@nordwind.example', 'Falsch-2026!');
    await waitUntil(() => $maybe(el, '[role=alert]'));
    expect($(el, '[role=alert]').textContent).to.contain('E-Mail-Adresse oder Passwort ist nicht korrekt.');
    await expect(el).to.be.accessible();
  });

  it('German password change', async () => {
    const el = await mountSession(new FakeApi({ signedInAs: 'neu.kunde@nordwind.example' }), { lang: 'de' });
    await waitForStatus(el, 'password-change');
    await settled(el);
    expect($(el, 'h2').textContent).to.equal('Neues Passwort festlegen');
    expect($(el, '[data-rule=upper]').textContent).to.contain('Ein Großbuchstabe');
    expect($(el, '[data-rule=upper]').textContent).to.contain('(noch nicht erfüllt)');
    await expect(el).to.be.accessible();
  });

  it('English from <html lang> when the element has no lang', async () => {
    document.documentElement.lang = 'en-GB';
    const el = await mountSession(new FakeApi());
    await waitForStatus(el, 'signed-out');
    await settled(el);
    expect($(el, 'h2').textContent).to.equal('Sign in');
    // and it follows <html lang> while it has none of its own
    document.documentElement.lang = 'de-DE';
    await waitUntil(() => $(el, 'h2').textContent === 'Anmelden', 'did not follow <html lang>');
  });

  it('switching lang re-renders the session and every widget inside', async () => {
    const el = await mountSession(new FakeApi({ signedInAs: 'erik.editor@nordwind.example' }), { lang: 'en' });
    await waitForStatus(el, 'signed-in');
    await settled(el);
    await inside(el).updateComplete;
    expect(inside(el).shadowRoot!.textContent).to.contain('· en');
    el.setAttribute('lang', 'de');
    await settled(el);
    await waitUntil(() => inside(el).shadowRoot!.textContent!.includes('· de'), 'consumer kept its locale');
    // the German strings load lazily (their own chunk): the runtime switches once they are in
    await localeReady();
    expect(currentLocale()).to.equal('de');
    // a widget inside may ask for the locale; the session takes it
    const request = new LocaleRequestEvent('en');
    inside(el).dispatchEvent(request);
    expect(request.defaultPrevented).to.equal(true);
    await settled(el);
    expect(el.getAttribute('lang')).to.equal('en');
    await waitUntil(() => inside(el).shadowRoot!.textContent!.includes('· en'));
  });

  it('signs out by method and by request, firing signed-out (R-AUTH-5)', async () => {
    const api = new FakeApi({ signedInAs: 'erik.editor@nordwind.example' });
    const el = await mountSession(api);
    await waitForStatus(el, 'signed-in');
    const fired = oneEvent(el, 'signed-out');
    await el.signOut();
    expect(((await fired) as SignedOutEvent).detail).to.deep.equal({ accountId: 'acc-erik' });
    expect(api.signedIn).to.equal(false);
    await waitForStatus(el, 'signed-out');
    expect(content(el).hidden).to.equal(true);
    expect(authRequired.events).to.have.length(0);

    await signInThroughForm(el, 'erik.editor@nordwind.example', demoPassword);
    await waitForStatus(el, 'signed-in');
    const again = oneEvent(el, 'signed-out');
    const request = new SignOutRequestEvent();
    inside(el).dispatchEvent(request);
    expect(request.defaultPrevented).to.equal(true);
    await again;
    await waitForStatus(el, 'signed-out');
    expect(api.signedIn).to.equal(false);
  });

  it('session lost on any call: back to the form and portal-auth-required', async () => {
    const api = new FakeApi({ signedInAs: 'erik.editor@nordwind.example' });
    const el = await mountSession(api);
    await waitForStatus(el, 'signed-in');
    api.expireSession();
    let error: unknown;
    await api.me.get().catch((e) => (error = e));
    expect((error as ApiError).code).to.equal('unauthenticated');
    await waitForStatus(el, 'signed-out');
    expect(authRequired.events.map((e) => e.detail.reason)).to.deep.equal(['expired']);
    expect(content(el).hidden).to.equal(true);
  });

  it('a 403 password_change_required on any call brings the change form back', async () => {
    const api = new FakeApi({ signedInAs: 'erik.editor@nordwind.example' });
    const el = await mountSession(api);
    await waitForStatus(el, 'signed-in');
    api.failures['me.update'] = 'password_change_required';
    await api.me.update({ locale: 'en' }).catch(() => undefined);
    await waitForStatus(el, 'password-change');
    expect($maybe(el, '#old-password')).to.exist;
    expect($maybe(el, '[data-rule=not_email]')).to.exist;
  });

  it('server unreachable: an error with a way to retry', async () => {
    const api = new FakeApi({ signedInAs: 'erik.editor@nordwind.example', failures: { 'me.get': 'network' } });
    const errors = collect('portal-error');
    const el = await mountSession(api);
    await waitUntil(() => $maybe(el, '[role=alert]'), 'no error shown');
    errors.stop();
    expect($(el, '[role=alert]').textContent).to.contain('The portal cannot be reached.');
    expect(el.matches(':state(error)')).to.equal(true);
    expect(errors.events).to.have.length(1);
    await expect(el).to.be.accessible();
    delete api.failures['me.get'];
    $<HTMLButtonElement>(el, 'button[part=submit]').click();
    await waitForStatus(el, 'signed-in');
  });

  it('shows a loading state while the session is checked', async () => {
    const el = await mountSession(new FakeApi({ latencyMs: 300, signedInAs: 'erik.editor@nordwind.example' }));
    expect(el.state.status).to.equal('loading');
    expect(text(el)).to.contain('Checking your session');
    expect(el.matches(':state(loading)')).to.equal(true);
    expect(content(el).hidden).to.equal(true);
    await expect(el).to.be.accessible();
    await waitForStatus(el, 'signed-in');
  });
});
