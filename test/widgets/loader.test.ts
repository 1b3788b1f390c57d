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
