/**
 * The demo intranet's placeholder for widgets whose module is still loading (found by a
 * fresh-eyes test): an undefined widget element keeps its place and says "Loading…" through the
 * page's own CSS (`:not(:defined)`), and looks like nothing once it is defined.
 */
import { expect } from '@open-wc/testing';

describe('demo intranet: a widget that is still loading', () => {
  let link: HTMLLinkElement;
  let host: HTMLElement;

  before(async () => {
    link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = '/demo/intranet.css';
    const loaded = new Promise((resolve, reject) => {
      link.onload = resolve;
      link.onerror = reject;
    });
    document.head.append(link);
    await loaded;
  });
  after(() => {
    link.remove();
    document.documentElement.lang = 'en';
  });
  afterEach(() => host?.remove());

  it('keeps its place with a pulsing "Loading…" until its module defines it', async () => {
    host = document.createElement('div');
    host.innerHTML = '<portal-session><section><slow-intranet-widget></slow-intranet-widget></section></portal-session>';
    document.body.append(host);
    const el = host.querySelector('slow-intranet-widget')!;
    document.documentElement.lang = 'en';
    expect(el.getBoundingClientRect().height).to.be.at.least(100);
    expect(getComputedStyle(el).animationName).to.equal('nw-loading');
    expect(getComputedStyle(el, '::before').content).to.equal('"Loading…"');
    document.documentElement.lang = 'de';
    expect(getComputedStyle(el, '::before').content).to.equal('"Wird geladen …"');

    customElements.define('slow-intranet-widget', class extends HTMLElement {});
    expect(el.getBoundingClientRect().height).to.equal(0);
    expect(getComputedStyle(el).animationName).to.equal('none');
    expect(getComputedStyle(el, '::before').content).to.equal('none');
  });
  it('says the section could not be loaded when the loader gives up, and nothing once it loads after all', async () => {
    host = document.createElement('div');
    host.innerHTML = '<portal-session><section><failing-intranet-widget></failing-intranet-widget></section></portal-session>';
    document.body.append(host);
    // the intranet's own script wires its <portal-session> when it runs
    await import(`/demo/intranet.js?t=${Date.now()}`);
    const el = host.querySelector('failing-intranet-widget')!;
    document.documentElement.lang = 'en';
    expect(getComputedStyle(el, '::before').content).to.equal('"Loading…"');

    // what the loader fires when its retries are used up
    el.dispatchEvent(new CustomEvent('portal-load-error', { bubbles: true, composed: true, detail: { tag: el.localName, message: 'Failed to fetch' } }));
    expect(el.hasAttribute('data-load-failed')).to.equal(true);
    expect(getComputedStyle(el).animationName).to.equal('none');
    expect(getComputedStyle(el, '::before').content).to.equal('"This section could not be loaded. Please reload the page."');
    document.documentElement.lang = 'de';
    expect(getComputedStyle(el, '::before').content).to.equal('"Dieser Bereich konnte nicht geladen werden. Bitte laden Sie die Seite neu."');

    customElements.define('failing-intranet-widget', class extends HTMLElement {});
    expect(getComputedStyle(el, '::before').content).to.equal('none');
  });
});
