/**
 * Embedding on a host page (issue 7): a host hands `<portal-session>` its token provider and API
 * whenever its own scripts run — before the tag is defined, or after the sign-in form showed — and
 * the session signs in with the host's token; a lost session asks the host again. Two copies of
 * the widgets on one page do not throw and keep the first copy's elements.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { FakeApi } from '../../widgets/core/api-fake.js';
import { PortalSession } from '../../widgets/portal-session/portal-session.element.js';
import { defineOnce } from '../../widgets/core/define-once.js';
import { elementBrand, version } from '../../widgets/core/version.js';
import { PortalElement } from '../../widgets/core/base-element.js';
import { HttpApi } from '../../widgets/core/api-http-all.js';
import { $maybe, collect, waitForStatus } from './helpers.js';

const ERIK = 'erik.editor@nordwind.example';
const NEU = 'neu.kunde@nordwind.example';

let tagCount = 0;
/** A fresh tag name, registered only when the test says so. */
const freshTag = () => `embedded-session-${++tagCount}`;

describe('embedding: host sign-in through portal-session', () => {
  afterEach(() => {
    document.documentElement.lang = 'en';
  });

  it('uses a token provider and an api the host set before the tag was defined', async () => {
    const tag = freshTag();
    const api = new FakeApi({ mode: 'bearer' });
    const calls: string[] = [];
    const container = await fixture(html`<div></div>`);
    const early = document.createElement(tag) as PortalSession;
    // the host's script ran first: plain properties on an element that is not ours yet
    (early as { api: unknown }).api = api;
    early.tokenProvider = async () => {
      calls.push('token');
      return `fake-host-token:${ERIK}`;
    };
    container.append(early);
    customElements.define(tag, class extends PortalSession {});
    const el = container.querySelector(tag) as PortalSession;
    expect(el).to.be.instanceOf(PortalSession);
    await waitForStatus(el, 'signed-in');
    expect(calls).to.deep.equal(['token']);
    expect(el.api).to.equal(api);
    expect(api.signedIn).to.equal(true);
    expect(el.state.status === 'signed-in' && el.state.me.account.email).to.equal(ERIK);
    // the sign-in form never showed
    expect($maybe(el, 'form')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('signs in when the host hands over its provider only after the sign-in form showed', async () => {
    const api = new FakeApi({ mode: 'bearer' });
    const el = await fixture<PortalSession>(html`<portal-session .api=${api} lang="en"></portal-session>`);
    await waitForStatus(el, 'signed-out');
    expect($maybe(el, 'form')).to.not.equal(null);
    el.tokenProvider = () => `fake-host-token:${ERIK}`;
    await waitForStatus(el, 'signed-in');
    expect(api.signedIn).to.equal(true);
  });

  it('shows its own sign-in form when the host has no token (not signed in to the intranet)', async () => {
    const required = collect('portal-auth-required');
    try {
      const api = new FakeApi({ mode: 'bearer' });
      let asked = 0;
      const el = await fixture<PortalSession>(html`<portal-session
        .api=${api}
        .tokenProvider=${() => {
          asked++;
          return null;
        }}
        lang="en"
      ></portal-session>`);
      await waitForStatus(el, 'signed-out');
      expect(asked).to.equal(1);
      expect($maybe(el, 'form')).to.not.equal(null);
      expect(required.events).to.have.length(1);
      await expect(el).to.be.accessible();
    } finally {
      required.stop();
    }
  });

  it('a refused host token leaves the sign-in form, not an error', async () => {
    const api = new FakeApi({ mode: 'bearer' });
    const el = await fixture<PortalSession>(
      html`<portal-session .api=${api} .tokenProvider=${() => 'fake-host-token:nobody@nordwind.example'} lang="en"></portal-session>`,
    );
    await waitForStatus(el, 'signed-out');
    expect(api.signedIn).to.equal(false);
  });

  it('skips the first-login password change for a host sign-in', async () => {
    const api = new FakeApi({ mode: 'bearer' });
    const el = await fixture<PortalSession>(html`<portal-session .api=${api} .tokenProvider=${() => `fake-host-token:${NEU}`} lang="en"></portal-session>`);
    await waitUntil(() => el.state.status !== 'loading', 'never left loading', { timeout: 3000 });
    // the fake says what the server says for host sessions: no password change
    expect(el.state.status).to.equal('signed-in');
  });

  it('asks the host for a new token when the session is lost, instead of showing the form', async () => {
    const api = new FakeApi({ mode: 'bearer' });
    let asked = 0;
    const el = await fixture<PortalSession>(html`<portal-session
      .api=${api}
      .tokenProvider=${() => {
        asked++;
        return `fake-host-token:${ERIK}`;
      }}
      lang="en"
    ></portal-session>`);
    await waitForStatus(el, 'signed-in');
    expect(asked).to.equal(1);
    api.expireSession();
    // the next call answers 401: the session is lost
    await el.refresh();
    await waitUntil(() => asked === 2, 'the host was not asked again');
    await waitForStatus(el, 'signed-in');
    expect($maybe(el, 'form')).to.equal(null);
  });
});

describe('embedding: the HTTP client during a host sign-in', () => {
  const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

  it('a 401 to a request sent before the exchange does not end the session the exchange made', async () => {
    let releaseEarly: (r: Response) => void = () => {};
    const seen: { url: string; auth: string | null }[] = [];
    const fetchStub = async (input: RequestInfo | URL, init?: RequestInit) => {
      const url = String(input instanceof Request ? input.url : input);
      const auth = new Headers(init?.headers ?? (input instanceof Request ? input.headers : undefined)).get('authorization');
      seen.push({ url, auth });
      if (url.endsWith('/api/auth/exchange')) {
        return json(200, { account: { id: 'a1', email: ERIK, name: 'Erik', locale: 'de', kind: 'customer' }, mustChangePassword: false, token: 'host-made' });
      }
      if (url.includes('/api/lookups/types') && !auth) return new Promise<Response>((r) => (releaseEarly = r));
      return auth === 'Bearer host-made' ? json(200, { items: [] }) : json(401, { error: { code: 'unauthenticated', message: 'Sign in', requestId: 'r-1' } });
    };
    const api = new HttpApi({ base: 'https://portal.example', mode: 'bearer', fetch: fetchStub as typeof fetch, storage: null });
    const lost: unknown[] = [];
    api.onSessionChange((c) => lost.push(c));
    // a widget asked before anyone was signed in; the answer comes late
    const early = api.lookups.types().catch((e: unknown) => e);
    await api.auth.exchange({ token: 'host-token' });
    releaseEarly(json(401, { error: { code: 'unauthenticated', message: 'Sign in', requestId: 'r-2' } }));
    expect((await early) as { status: number }).to.have.property('status', 401);
    expect(api.mayHaveSession).to.equal(true);
    expect(lost).to.deep.equal([]);
    await api.lookups.types();
    expect(seen.at(-1)!.auth).to.equal('Bearer host-made');
    // a 401 to a request made with the current token still ends it
    const later = new HttpApi({ base: 'https://portal.example', mode: 'bearer', fetch: (async () => json(401, { error: { code: 'unauthenticated', message: 'x', requestId: 'r-3' } })) as typeof fetch, storage: null });
    await later.lookups.types().catch(() => undefined);
    expect(later.mayHaveSession).to.equal(false);
  });
});

describe('embedding: two copies of the widgets on one page', () => {
  let warnings: unknown[][];
  let original: typeof console.warn;
  beforeEach(() => {
    warnings = [];
    original = console.warn;
    console.warn = (...args: unknown[]) => void warnings.push(args);
  });
  afterEach(() => {
    console.warn = original;
  });

  /** What a second bundle of the widgets brings: its own classes, same brand, some version. */
  function copyOf(base: typeof PortalElement, copyVersion: string): CustomElementConstructor {
    const Copy = class extends base {};
    Object.defineProperty(Copy, elementBrand, { value: copyVersion });
    return Copy;
  }

  it('marks our classes with the package version', () => {
    expect((PortalSession as unknown as Record<symbol, string>)[elementBrand]).to.equal(version);
  });

  /** Warnings load their text first (core/define-once-warning.ts); none may come later either. */
  const settled = () => new Promise((resolve) => setTimeout(resolve, 100));

  it('another copy of the same version: first one stays, silently', async () => {
    const tag = freshTag();
    customElements.define(tag, copyOf(PortalSession, version));
    const first = customElements.get(tag);
    expect(() => defineOnce(tag, copyOf(PortalSession, version))).to.not.throw();
    expect(customElements.get(tag)).to.equal(first);
    await settled();
    expect(warnings).to.have.length(0);
  });

  it('another copy of another version: first one stays, with a warning that names both', async () => {
    const tag = freshTag();
    customElements.define(tag, copyOf(PortalSession, '0.0.9'));
    const first = customElements.get(tag);
    expect(defineOnce(tag, copyOf(PortalSession, '0.2.0'))).to.equal(false);
    expect(customElements.get(tag)).to.equal(first);
    await waitUntil(() => warnings.length > 0, 'a warning');
    await settled();
    expect(warnings).to.have.length(1);
    expect(String(warnings[0]![0])).to.contain('0.0.9').and.contain('0.2.0').and.contain(`<${tag}>`);
  });

  it('running the loader and define.js twice (as two script tags would) throws nothing', async () => {
    await import('../../widgets/loader.js');
    await import('../../widgets/define.js');
    const errors: unknown[] = [];
    const onError = (e: ErrorEvent) => errors.push(e.error);
    window.addEventListener('error', onError);
    try {
      // the same modules under other URLs run again, like a second <script> of another build
      for (const file of ['loader.ts', 'define.ts']) {
        const again = new URL(`../../widgets/${file}`, import.meta.url);
        again.searchParams.set('copy', '2');
        await import(/* @vite-ignore */ again.href);
      }
    } finally {
      window.removeEventListener('error', onError);
    }
    expect(errors).to.deep.equal([]);
    expect(customElements.get('portal-session')).to.equal(PortalSession);
    await settled();
    expect(warnings).to.have.length(0);
  });
});
