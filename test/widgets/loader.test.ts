import { expect, waitUntil } from '@open-wc/testing';
import { DefineRequestEvent } from '../../widgets/core/events.js';

describe('loader', () => {
  it('defines portal-session at once and other widgets when their tag appears', async () => {
    expect(customElements.get('portal-app')).to.equal(undefined);
    await import('../../widgets/loader.js');
    expect(customElements.get('portal-session')).to.exist;
    expect(customElements.get('portal-app')).to.equal(undefined);

    // The widget, alone, asks the server who is signed in: nobody.
    const realFetch = window.fetch;
    window.fetch = async () =>
      new Response(JSON.stringify({ error: { code: 'unauthenticated', message: 'Sign in', requestId: 'r1' } }), {
        status: 401,
        headers: { 'content-type': 'application/json' },
      });
    const host = document.createElement('div');
    host.innerHTML = '<section><portal-app lang="en"></portal-app></section>';
    document.body.append(host);
    try {
      await waitUntil(() => customElements.get('portal-app'), 'portal-app was not loaded');
      await customElements.whenDefined('portal-app');
      const app = host.querySelector('portal-app')!;
      await waitUntil(() => app.shadowRoot?.textContent?.includes('Please sign in'), 'portal-app did not render');
    } finally {
      host.remove();
      window.fetch = realFetch;
    }
  });

  it('answers define requests only for widgets it knows', async () => {
    await import('../../widgets/loader.js');
    const known = new DefineRequestEvent('portal-app');
    const unknown = new DefineRequestEvent('no-such-widget');
    document.body.dispatchEvent(known);
    document.body.dispatchEvent(unknown);
    expect(known.defaultPrevented).to.equal(true);
    expect(unknown.defaultPrevented).to.equal(false);
  });
});

describe('loader: a module that fails to load (found by a fresh-eyes test)', () => {
  let setup: (typeof import('../../widgets/loader.js'))['loaderSetup'];
  let waits: number[];
  let count = 0;
  const realError = console.error;
  let logged: unknown[][] = [];

  beforeEach(async () => {
    ({ loaderSetup: setup } = await import('../../widgets/loader.js'));
    waits = setup.waits;
    logged = [];
    console.error = (...args: unknown[]) => void logged.push(args);
  });
  afterEach(() => {
    setup.waits = waits;
    console.error = realError;
  });

  /** A tag the loader knows, its importer failing `failures` times before it defines the tag. */
  function flaky(failures: number) {
    const tag = `flaky-widget-${++count}`;
    const calls = { n: 0, failures };
    setup.modules[tag] = async () => {
      calls.n++;
      if (calls.n <= calls.failures) throw new TypeError(`Failed to fetch dynamically imported module: ${tag}.js`);
      customElements.define(tag, class extends HTMLElement {});
    };
    return { tag, calls };
  }

  it('tries again after a short wait, so one network glitch does not leave the widget undefined', async () => {
    setup.waits = [20, 20, 20];
    const { tag, calls } = flaky(1);
    const el = document.createElement(tag);
    document.body.append(el);
    try {
      document.body.dispatchEvent(new DefineRequestEvent(tag));
      await waitUntil(() => customElements.get(tag), 'not loaded after a retry');
      expect(calls.n).to.equal(2);
      expect(logged).to.deep.equal([]);
    } finally {
      el.remove();
    }
  });

  it('gives up after the retries: one console error naming the tag and portal-load-error on the element', async () => {
    setup.waits = [10, 10, 10];
    const { tag, calls } = flaky(100);
    const el = document.createElement(tag);
    document.body.append(el);
    const events: Event[] = [];
    const onError = (e: Event) => events.push(e);
    document.addEventListener('portal-load-error', onError);
    try {
      document.body.dispatchEvent(new DefineRequestEvent(tag));
      await waitUntil(() => events.length > 0, 'no portal-load-error');
      expect(calls.n).to.equal(4);
      const e = events[0] as Event & { detail: { tag: string; message: string } };
      expect(e.target).to.equal(el);
      expect(e.bubbles && e.composed).to.equal(true);
      expect(e.detail).to.deep.equal({ tag, message: `Failed to fetch dynamically imported module: ${tag}.js` });
      expect(events).to.have.length(1);
      expect(logged).to.have.length(1);
      expect(String(logged[0]![0])).to.contain(`<${tag}>`);
      // back online: the loader tries again
      calls.failures = 4;
      window.dispatchEvent(new Event('online'));
      await waitUntil(() => customElements.get(tag), 'not loaded when online again');
      expect(calls.n).to.equal(5);
    } finally {
      document.removeEventListener('portal-load-error', onError);
      el.remove();
    }
  });

  it('gives up on a tag a widget asked for in its shadow root: portal-load-error on that widget', async () => {
    setup.waits = [];
    const { tag, calls } = flaky(100);
    const widget = document.createElement('div');
    const inner = widget.attachShadow({ mode: 'open' }).appendChild(document.createElement('span'));
    document.body.append(widget);
    try {
      const event = new Promise<Event>((resolve) => document.addEventListener('portal-load-error', resolve, { once: true }));
      inner.dispatchEvent(new DefineRequestEvent(tag));
      const e = (await event) as Event & { detail: { tag: string } };
      expect(e.target).to.equal(widget);
      expect(e.detail.tag).to.equal(tag);
      expect(logged).to.have.length(1);
    } finally {
      calls.failures = 0; // a later 'online' loads it quietly
      widget.remove();
    }
  });

  it('tries again at once when the browser comes back online', async () => {
    setup.waits = [60_000];
    const { tag, calls } = flaky(1);
    document.body.dispatchEvent(new DefineRequestEvent(tag));
    await waitUntil(() => calls.n === 1);
    await new Promise((r) => setTimeout(r, 10));
    expect(customElements.get(tag)).to.equal(undefined);
    window.dispatchEvent(new Event('online'));
    await waitUntil(() => customElements.get(tag), 'not loaded when online again');
    expect(calls.n).to.equal(2);
  });
});
