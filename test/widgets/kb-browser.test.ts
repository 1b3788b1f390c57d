import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import { nothing } from 'lit';
import { FakeApi, type FakeApiOptions } from '../../widgets/core/api-fake.js';
import { localeReady } from '../../widgets/core/localization.js';
import type { PortalSession } from '../../widgets/portal-session/portal-session.element.js';
import type { KbBrowser } from '../../widgets/kb-browser/kb-browser.element.js';
import type { KbArticleOpenEvent } from '../../widgets/kb-browser/kb-browser.events.js';
import '../../widgets/kb-browser/define.js';
import { languagePrefKey } from '../../widgets/kb-browser/kb-browser.element.js';
import '../../widgets/portal-app/define.js';
import { detailFromHash } from '../../widgets/portal-app/portal-app.element.js';
import type { PortalApp } from '../../widgets/portal-app/portal-app.element.js';
import { $, $maybe, collect, text, waitForStatus } from './helpers.js';

const ERIK = 'erik.editor@nordwind.example';
const BOB = 'bob.editor@blueharbor.example';

interface MountOptions extends FakeApiOptions {
  api?: FakeApi;
  lang?: 'de' | 'en';
  articleId?: string;
  section?: string;
  width?: string;
}

async function mount(options: MountOptions = {}) {
  const { lang = 'en', articleId, section, width, api: given, ...apiOptions } = options;
  const api = given ?? new FakeApi({ signedInAs: ERIK, ...apiOptions });
  // these tests read every article: the language choice "all" (kb-browser-language.test.ts tests the choice)
  for (const id of ['acc-erik', 'acc-bob']) if (!api.world.prefs.has(`${id}:${languagePrefKey}`)) api.world.prefs.set(`${id}:${languagePrefKey}`, 'all');
  const session = await fixture<PortalSession>(html`<portal-session .api=${api} lang=${lang}>
    <div style=${width ? `width: ${width}` : 'width: 960px'}>
      <kb-browser article-id=${articleId ?? nothing} section=${section ?? nothing}></kb-browser>
    </div>
  </portal-session>`);
  await waitForStatus(session, 'signed-in');
  const el = session.querySelector<KbBrowser>('kb-browser')!;
  await localeReady();
  await el.updateComplete;
  return { api, session, el };
}

/** Waits until nothing is loading or on its way (debounced typing included). */
async function settled(el: KbBrowser) {
  await el.updateComplete;
  await waitUntil(
    () => !el.hasCustomState('loading') && !el.hasCustomState('busy') && !el.shadowRoot!.querySelector('.results[aria-busy=true]'),
    'kb-browser did not settle',
    { timeout: 4000 },
  );
  await el.updateComplete;
}

const titles = (el: KbBrowser) => [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('.item-title')].map((b) => b.textContent!.trim());
const options = (el: KbBrowser) =>
  [...el.shadowRoot!.querySelectorAll<HTMLElement>('[role=option]')].map((o) => ({
    name: o.querySelector('.section-name')!.textContent!.trim(),
    count: o.querySelector('.count')!.textContent!.trim(),
    selected: o.getAttribute('aria-selected') === 'true',
  }));
const active = (el: KbBrowser) => el.shadowRoot!.activeElement as HTMLElement | null;
const calls = (api: FakeApi, method: string) => api.calls.filter((c) => c.method === method).map((c) => c.input);

async function search(el: KbBrowser, term: string) {
  const input = $<HTMLInputElement>(el, '#search');
  input.focus();
  input.select();
  await sendKeys({ type: term });
  await waitUntil(() => el.hasCustomState('searching') === (term.trim() !== ''), 'the search never started');
  await settled(el);
}

describe('kb-browser', () => {
  beforeEach(() => {
    document.documentElement.lang = 'en';
  });

  it('loading: a spinner with a status text, accessible', async () => {
    const api = new FakeApi({ signedInAs: ERIK });
    api.kb.sections = (_input, o) =>
      new Promise((_resolve, reject) => o?.signal?.addEventListener('abort', () => reject(new DOMException('Aborted', 'AbortError'))));
    const { el } = await mount({ api });
    await waitUntil(() => el.hasCustomState('loading'));
    expect(text(el)).to.contain('Loading the knowledge base…');
    expect($(el, '.state').getAttribute('role')).to.equal('status');
    await expect(el).to.be.accessible();
  });

  it('ready: sections with counts on the left, all shared articles on the right (R-KB-2)', async () => {
    const { el, api } = await mount();
    await settled(el);
    expect(el.hasCustomState('ready')).to.equal(true);
    expect(options(el)).to.deep.equal([
      { name: 'All sections', count: '5', selected: true },
      { name: 'Getting started', count: '1', selected: false },
      { name: 'How-tos', count: '3', selected: false },
      { name: 'Glossary', count: '1', selected: false },
    ]);
    expect(titles(el)).to.have.length(5);
    expect($(el, '#results-title').textContent).to.equal('All articles');
    expect(calls(api, 'kb.sections')).to.deep.equal([{}]);
    expect(calls(api, 'kb.articles')).to.deep.equal([{}]);
    // the German articles carry a language badge in an English UI, the English one does not
    const mfa = $(el, '.item-title[data-id=kb-a-mfa]').closest('li')!;
    expect(mfa.querySelector('.badge')).to.equal(null);
    const vpn = $(el, '.item-title[data-id=kb-a-vpn]');
    expect(vpn.getAttribute('lang')).to.equal('de');
    expect(vpn.closest('li')!.querySelector('.badge')!.textContent).to.contain('German');
    await expect(el).to.be.accessible();
  });

  it('empty: nothing shared with the user renders only a short notice (R-KB-1)', async () => {
    const { el } = await mount({ signedInAs: BOB });
    await waitUntil(() => el.hasCustomState('empty'), 'never empty');
    expect($maybe(el, '#search')).to.equal(null);
    expect($maybe(el, '[role=listbox]')).to.equal(null);
    expect($(el, '[part=notice]').textContent).to.contain('No knowledge-base articles have been shared with you yet.');
    await expect(el).to.be.accessible();
  });

  it('error: a localized message and a retry that loads again; the host hears portal-error', async () => {
    const errors = collect<Event & { detail: { code: string } }>('portal-error');
    try {
      const { el, api } = await mount({ failures: { 'kb.sections': 'internal' } });
      await waitUntil(() => el.hasCustomState('error'), 'never failed');
      expect($(el, '[role=alert]').textContent).to.contain('Something went wrong on our side.');
      expect(errors.events.map((e) => e.detail.code)).to.include('internal');
      await expect(el).to.be.accessible();
      delete api.failures['kb.sections'];
      $<HTMLButtonElement>(el, '.retry').click();
      await waitUntil(() => el.hasCustomState('ready'), 'retry did not load');
      await settled(el);
      expect(titles(el)).to.have.length(5);
    } finally {
      errors.stop();
    }
  });

  it('a failed article list shows its error next to the sections, with retry', async () => {
    const { el, api } = await mount({ failures: { 'kb.articles': 'network' } });
    await waitUntil(() => el.hasCustomState('error'));
    expect($(el, '.results [role=alert]').textContent).to.contain('The portal cannot be reached.');
    expect($maybe(el, '[role=listbox]')).to.not.equal(null);
    await expect(el).to.be.accessible();
    delete api.failures['kb.articles'];
    $<HTMLButtonElement>(el, '.retry').click();
    await waitUntil(() => titles(el).length === 5, 'retry did not load the articles');
    expect(el.hasCustomState('error')).to.equal(false);
  });

  it('clicking a section shows only its articles and reflects the section attribute (R-KB-2)', async () => {
    const { el, api } = await mount();
    await settled(el);
    $(el, '[role=option][data-section=kb-s-howto]').click();
    await settled(el);
    expect(el.getAttribute('section')).to.equal('kb-s-howto');
    expect(titles(el)).to.have.members(['VPN einrichten', 'Druckerwarteschlange leeren', 'Reset your MFA device']);
    expect(calls(api, 'kb.articles').at(-1)).to.deep.equal({ section: 'kb-s-howto' });
    expect(options(el).find((o) => o.selected)!.name).to.equal('How-tos');
    expect($(el, '#results-title').textContent).to.equal('How-tos');
    $(el, '[role=option][data-section=""]').click();
    await settled(el);
    expect(el.hasAttribute('section')).to.equal(false);
    expect(titles(el)).to.have.length(5);
  });

  it('search narrows sections and articles together with the selected section (R-KB-3)', async () => {
    const { el, api } = await mount({ section: 'kb-s-howto' });
    await settled(el);
    const before = calls(api, 'kb.articles').length;
    await search(el, 'drucker');
    // typing is debounced: one request for the whole word, not one per letter
    expect(calls(api, 'kb.articles').slice(before)).to.deep.equal([{ section: 'kb-s-howto', q: 'drucker' }]);
    expect(calls(api, 'kb.sections').at(-1)).to.deep.equal({ q: 'drucker' });
    expect(titles(el)).to.deep.equal(['Druckerwarteschlange leeren']);
    expect(options(el).map((o) => o.name)).to.deep.equal(['All sections', 'How-tos']);
    const marks = [...$(el, '.item-title').querySelectorAll('mark')].map((m) => m.textContent);
    expect(marks).to.deep.equal(['Drucker']);
    expect($(el, '.snippet').querySelector('mark')).to.not.equal(null);
    expect($(el, '#results-title').textContent).to.equal('Results for “drucker” in How-tos');
    // the live region says how many were found
    await waitUntil(() => $(el, '[role=status][aria-live]').textContent!.includes('1 article found.'));
    await expect(el).to.be.accessible();
  });

  it('a new search aborts the one still in flight', async () => {
    const { el, api } = await mount();
    await settled(el);
    const signals: { q: string | undefined; signal: AbortSignal | undefined }[] = [];
    const real = api.kb.articles.bind(api.kb);
    (api.kb as { articles: typeof real }).articles = (input, o) => {
      signals.push({ q: input?.q, signal: o?.signal });
      return real(input, o);
    };
    api.latencyMs = 1500;
    const input = $<HTMLInputElement>(el, '#search');
    input.focus();
    await sendKeys({ type: 'vpn' });
    await waitUntil(() => signals.some((s) => s.q === 'vpn'), 'vpn was not asked for');
    input.select();
    await sendKeys({ type: 'mfa' });
    await waitUntil(() => signals.some((s) => s.q === 'mfa'), 'mfa was not asked for');
    expect(signals.find((s) => s.q === 'vpn')!.signal!.aborted).to.equal(true);
    await settled(el);
    expect(titles(el)).to.deep.equal(['Reset your MFA device']);
  });

  it('highlighting renders text only: markup in titles and snippets shows literally', async () => {
    const api = new FakeApi({ signedInAs: ERIK });
    const nasty = 'Tipps <b>fett</b> "><img src=x onerror=alert(1)> img';
    api.world.kbArticles.push({
      id: 'kb-a-nasty', sectionId: 'kb-s-howto', language: 'en', title: nasty,
      bodyHtml: '<p>Text with &lt;script&gt;alert(1)&lt;/script&gt; and "&gt;&lt;img src=x&gt; inside.</p>',
      attributionHtml: null, createdAt: new Date().toISOString(), updatedAt: new Date().toISOString(), author: 'x', version: 1,
    });
    api.world.kbShares.push({ articleId: 'kb-a-nasty', businessPartnerId: 'bp-nordwind' });
    const { el } = await mount({ world: api.world });
    await settled(el);
    await search(el, 'img');
    const title = $(el, '.item-title[data-id=kb-a-nasty]');
    expect(title.textContent!.trim()).to.equal(nasty);
    expect(title.querySelectorAll('*:not(mark)').length).to.equal(0);
    expect([...title.querySelectorAll('mark')].map((m) => m.textContent)).to.deep.equal(['img', 'img']);
    const snippet = title.closest('li')!.querySelector('.snippet')!;
    expect(snippet.textContent).to.contain('<script>alert(1)</script>');
    expect(snippet.querySelectorAll('*:not(mark)').length).to.equal(0);
    expect(el.shadowRoot!.querySelectorAll('img, script, b').length).to.equal(0);
  });

  it('no results: says what to do; "Clear search" brings the list back', async () => {
    const { el } = await mount();
    await settled(el);
    await search(el, 'zzqx');
    expect(el.hasCustomState('no-results')).to.equal(true);
    expect(text(el)).to.contain('No articles match “zzqx”.');
    expect(text(el)).to.contain('Check the spelling');
    await expect(el).to.be.accessible();
    [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('.empty button')].find((b) => b.textContent!.includes('Clear search'))!.click();
    await settled(el);
    expect(titles(el)).to.have.length(5);
    expect($<HTMLInputElement>(el, '#search').value).to.equal('');
    expect(active(el)?.id).to.equal('search');
  });

  it('an empty section says so and offers all sections', async () => {
    const { el } = await mount({ section: 'kb-s-unknown' });
    await settled(el);
    expect(text(el)).to.contain('This section has no articles for you.');
    await expect(el).to.be.accessible();
    [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('.empty button')][0]!.click();
    await settled(el);
    expect(el.hasAttribute('section')).to.equal(false);
    expect(titles(el)).to.have.length(5);
  });

  it('opens an article: title, section, date, language badge, rich text, attribution (R-KB-3)', async () => {
    const { el, api } = await mount();
    await settled(el);
    $(el, '.item-title[data-id=kb-a-container]').click();
    await waitUntil(() => el.hasCustomState('article') && el.hasCustomState('ready'), 'article did not open');
    expect(el.getAttribute('article-id')).to.equal('kb-a-container');
    expect(calls(api, 'kb.article')).to.deep.equal([{ id: 'kb-a-container' }]);
    expect($(el, '#article-title').textContent).to.equal('Container');
    expect($(el, '#article-title').getAttribute('lang')).to.equal('de');
    expect($(el, '.article-head .meta').textContent).to.contain('Glossary');
    expect($(el, '.article-head .meta').textContent).to.match(/Updated \w+ \d+, \d{4}/);
    expect($(el, '.article-head .badge').textContent).to.contain('German');
    expect($(el, '.body').textContent).to.contain('Ein Container ist eine virtuelle isolierte Umgebung.');
    expect($(el, '[part=attribution]').textContent).to.contain('CC BY 4.0');
    expect($(el, '.list-view').hidden).to.equal(true);
    await waitUntil(() => active(el)?.id === 'article-title', 'focus did not move to the article');
    await expect(el).to.be.accessible();
  });

  it('renders tables, lists and links of the body; links open in a new tab', async () => {
    const api = new FakeApi({ signedInAs: ERIK });
    api.world.kbArticles.find((a) => a.id === 'kb-a-vpn')!.bodyHtml =
      '<h2>Schritte</h2><ol><li>Client <code>vpn.exe</code> installieren</li></ol><pre><code>ping 10.0.0.1</code></pre>' +
      '<p><a href="https://example.org/vpn">Anleitung</a> <a href="javascript:alert(1)">böse</a></p><table><tr><th>A</th><td>B</td></tr></table>';
    const { el } = await mount({ world: api.world, articleId: 'kb-a-vpn' });
    await waitUntil(() => el.hasCustomState('ready'));
    const body = $(el, '.body');
    expect(body.querySelector('h2')!.textContent).to.equal('Schritte');
    expect(body.querySelector('ol li code')!.textContent).to.equal('vpn.exe');
    expect(body.querySelector('table th')!.textContent).to.equal('A');
    const links = [...body.querySelectorAll('a')];
    expect(links[0]!.getAttribute('target')).to.equal('_blank');
    expect(links[0]!.getAttribute('rel')).to.contain('noopener');
    expect(links[1]!.hasAttribute('href')).to.equal(false);
    await expect(el).to.be.accessible();
  });

  it('list items written by the editor (<li><p>…</p></li>) stand together, without a paragraph gap', async () => {
    const api = new FakeApi({ signedInAs: ERIK });
    api.world.kbArticles.find((a) => a.id === 'kb-a-vpn')!.bodyHtml =
      '<ul><li><p>Eins</p></li><li><p>Zwei</p><ul><li><p>Zwei a</p></li></ul></li></ul><p>Danach</p>';
    const { el } = await mount({ world: api.world, articleId: 'kb-a-vpn' });
    await waitUntil(() => el.hasCustomState('ready'));
    const body = $(el, '.body');
    for (const p of body.querySelectorAll('li > p')) expect(getComputedStyle(p).marginBottom, p.textContent!).to.equal('0px');
    // a paragraph outside a list keeps its gap
    expect(getComputedStyle(body.querySelector(':scope > p')!).marginBottom).not.to.equal('0px');
  });

  it('kb-article-open is cancelable: a host that routes itself keeps the list', async () => {
    const { el } = await mount();
    await settled(el);
    const listener = (e: KbArticleOpenEvent) => e.preventDefault();
    document.addEventListener('kb-article-open', listener);
    try {
      const opened = oneEvent(el, 'kb-article-open');
      $(el, '.item-title[data-id=kb-a-vpn]').click();
      const event = (await opened) as KbArticleOpenEvent;
      expect(event.detail).to.deep.equal({ id: 'kb-a-vpn', title: 'VPN einrichten' });
      expect(event.bubbles && event.composed && event.cancelable).to.equal(true);
      await el.updateComplete;
      expect(el.hasAttribute('article-id')).to.equal(false);
      expect(el.hasCustomState('article')).to.equal(false);
    } finally {
      document.removeEventListener('kb-article-open', listener);
    }
  });

  it('back (button or Escape) restores the list, the search, the section and the focus', async () => {
    const { el } = await mount({ section: 'kb-s-howto' });
    await settled(el);
    await search(el, 'e');
    const before = titles(el);
    expect(before.length).to.be.greaterThan(1);
    const target = el.shadowRoot!.querySelectorAll<HTMLButtonElement>('.item-title')[1]!;
    const id = target.dataset.id!;
    target.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => el.hasCustomState('ready') && el.hasCustomState('article'));
    await waitUntil(() => active(el)?.id === 'article-title');
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(el.hasCustomState('article')).to.equal(false);
    expect(el.hasAttribute('article-id')).to.equal(false);
    expect($<HTMLInputElement>(el, '#search').value).to.equal('e');
    expect(el.getAttribute('section')).to.equal('kb-s-howto');
    expect(titles(el)).to.deep.equal(before);
    expect(active(el)?.dataset.id).to.equal(id);
    // and with the button
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => el.hasCustomState('ready') && el.hasCustomState('article'));
    $<HTMLButtonElement>(el, '.back').click();
    await el.updateComplete;
    expect(active(el)?.dataset.id).to.equal(id);
    // Escape also works when the focus is nowhere (e.g. the print preview hid the focused button)
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => el.hasCustomState('ready') && el.hasCustomState('article'));
    (el.shadowRoot!.activeElement as HTMLElement).blur();
    expect(document.activeElement).to.equal(document.body);
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(el.hasCustomState('article')).to.equal(false);
    expect(active(el)?.dataset.id).to.equal(id);
  });

  it('keyboard: / jumps to the search, arrows move through results and sections, Enter opens', async () => {
    const { el } = await mount();
    await settled(el);
    (document.activeElement as HTMLElement | null)?.blur();
    await sendKeys({ press: '/' });
    expect(active(el)?.id).to.equal('search');
    expect($<HTMLInputElement>(el, '#search').value).to.equal('');
    await sendKeys({ press: 'ArrowDown' });
    const buttons = () => [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('.item-title')];
    expect(active(el)).to.equal(buttons()[0]);
    await sendKeys({ press: 'ArrowDown' });
    expect(active(el)).to.equal(buttons()[1]);
    await sendKeys({ press: 'End' });
    expect(active(el)).to.equal(buttons()[4]);
    // one tab stop for the whole list (roving tabindex)
    expect(buttons().map((b) => b.tabIndex)).to.deep.equal([-1, -1, -1, -1, 0]);
    await sendKeys({ press: 'Home' });
    expect(active(el)).to.equal(buttons()[0]);
    // the sections listbox
    $(el, '[role=option][aria-selected=true]').focus();
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'ArrowDown' });
    expect(active(el)?.dataset.section).to.equal('kb-s-howto');
    await sendKeys({ press: 'Enter' });
    await settled(el);
    expect(el.getAttribute('section')).to.equal('kb-s-howto');
    expect(titles(el)).to.have.length(3);
    const options = [...el.shadowRoot!.querySelectorAll<HTMLElement>('[role=option]')];
    expect(options.map((o) => o.tabIndex)).to.deep.equal([-1, -1, 0, -1]);
    // Enter on a result opens it
    const first = buttons()[0]!;
    first.focus();
    const opened = oneEvent(el, 'kb-article-open');
    await sendKeys({ press: 'Enter' });
    expect(((await opened) as KbArticleOpenEvent).detail.id).to.equal(first.dataset.id);
    await waitUntil(() => el.hasCustomState('article') && el.hasCustomState('ready'));
    // "/" does nothing while an article is open
    await sendKeys({ press: '/' });
    expect(el.hasCustomState('article')).to.equal(true);
  });

  it('deep link: article-id opens that article directly, without stealing the focus', async () => {
    const { el, api } = await mount({ articleId: 'kb-a-queue' });
    await waitUntil(() => el.hasCustomState('ready'));
    expect(el.hasCustomState('article')).to.equal(true);
    expect($(el, '#article-title').textContent).to.equal('Druckerwarteschlange leeren');
    expect($(el, '.body table')).to.exist;
    expect(calls(api, 'kb.article')).to.deep.equal([{ id: 'kb-a-queue' }]);
    expect(active(el)).to.equal(null);
    // back goes to the list (loaded meanwhile) and focuses the search
    $<HTMLButtonElement>(el, '.back').click();
    await el.updateComplete;
    await settled(el);
    expect(titles(el)).to.have.length(5);
    expect(active(el)?.id).to.equal('search');
  });

  it('deep link to an unknown or unshared article: "not found or not shared with you"', async () => {
    const { el } = await mount({ signedInAs: BOB, articleId: 'kb-a-queue' });
    await waitUntil(() => el.hasCustomState('not-found'), 'no not-found state');
    expect(text(el)).to.contain('This article does not exist or is not shared with you.');
    await expect(el).to.be.accessible();
    const { el: other } = await mount({ articleId: 'no-such-article' });
    await waitUntil(() => other.hasCustomState('not-found'));
    [...other.shadowRoot!.querySelectorAll<HTMLButtonElement>('.not-found button')][0]!.click();
    await settled(other);
    expect(other.hasCustomState('article')).to.equal(false);
    expect(titles(other)).to.have.length(5);
  });

  it('an article that fails to load offers a retry', async () => {
    const { el, api } = await mount({ articleId: 'kb-a-vpn', failures: { 'kb.article': 'internal' } });
    await waitUntil(() => el.hasCustomState('error'));
    expect($(el, '.article [role=alert]').textContent).to.contain('Something went wrong on our side.');
    await expect(el).to.be.accessible();
    delete api.failures['kb.article'];
    $<HTMLButtonElement>(el, '.article .retry').click();
    await waitUntil(() => el.hasCustomState('ready'));
    expect($(el, '#article-title').textContent).to.equal('VPN einrichten');
  });

  it('print: the button calls window.print; print styles show only the article', async () => {
    const { el } = await mount({ articleId: 'kb-a-intro' });
    await waitUntil(() => el.hasCustomState('ready'));
    const realPrint = window.print;
    let printed = 0;
    window.print = () => void printed++;
    try {
      $<HTMLButtonElement>(el, '.print').click();
      expect(printed).to.equal(1);
    } finally {
      window.print = realPrint;
    }
    // the print styles come with the article view (its own module): printed, only the article shows
    await emulateMedia({ media: 'print' });
    try {
      expect(getComputedStyle($(el, '.list-view')).display).to.equal('none');
      expect(getComputedStyle($(el, '.base > [role="status"]')).display).to.equal('none');
      expect(getComputedStyle($(el, '.article-actions')).display).to.equal('none');
      expect(getComputedStyle($(el, '.article')).display).to.not.equal('none');
      expect(getComputedStyle($(el, '.article')).borderTopStyle).to.equal('none');
    } finally {
      await emulateMedia({ media: 'screen' });
    }
    expect(getComputedStyle($(el, '.article-actions')).display).to.not.equal('none');
    expect(getComputedStyle($(el, '.base > [role="status"]')).display).to.not.equal('none');
  });

  it('narrow: the sections become a select above the list', async () => {
    const { el, api } = await mount({ width: '360px' });
    await settled(el);
    expect(getComputedStyle($(el, '.sections')).display).to.equal('none');
    const select = $<HTMLSelectElement>(el, '#section-select');
    expect(getComputedStyle(select.closest('.section-select')!).display).to.not.equal('none');
    expect([...select.options].map((o) => o.textContent!.replace(/\s+/g, ' ').trim())).to.deep.equal([
      'All sections (5)', 'Getting started (1)', 'How-tos (3)', 'Glossary (1)',
    ]);
    await expect(el).to.be.accessible();
    select.value = 'kb-s-glossary';
    select.dispatchEvent(new Event('change'));
    await settled(el);
    expect(calls(api, 'kb.articles').at(-1)).to.deep.equal({ section: 'kb-s-glossary' });
    expect(titles(el)).to.deep.equal(['Container']);
  });

  it('German: texts, section names, dates and the language badge follow the UI language (R-X-1)', async () => {
    const { el } = await mount({ lang: 'de' });
    await settled(el);
    expect($(el, 'h1').textContent).to.equal('Wissensdatenbank');
    expect(options(el).map((o) => o.name)).to.deep.equal(['Alle Abschnitte', 'Erste Schritte', 'Anleitungen', 'Glossar']);
    expect($(el, '#results-title').textContent).to.equal('Alle Artikel');
    expect($<HTMLInputElement>(el, '#search').placeholder).to.equal('Artikel durchsuchen');
    const mfa = $(el, '.item-title[data-id=kb-a-mfa]');
    expect(mfa.getAttribute('lang')).to.equal('en');
    expect(mfa.closest('li')!.querySelector('.badge')!.textContent).to.contain('Englisch');
    expect($(el, '.item-title[data-id=kb-a-vpn]').closest('li')!.querySelector('.badge')).to.equal(null);
    expect(mfa.closest('li')!.querySelector('.meta')!.textContent).to.match(/Aktualisiert am \d+\.\d+\.\d{4}/);
    await search(el, 'zzqx');
    expect(text(el)).to.contain('Keine Artikel passen zu „zzqx“.');
    await expect(el).to.be.accessible();
  });

  it('switching the page language loads the section names again in the new language', async () => {
    const { el, session, api } = await mount({ lang: 'en' });
    await settled(el);
    expect(options(el).map((o) => o.name)).to.include('How-tos');
    const before = calls(api, 'kb.sections').length;
    session.setAttribute('lang', 'de');
    await waitUntil(() => options(el).some((o) => o.name === 'Anleitungen'), 'section names stayed English');
    expect(options(el)[0]!.name).to.equal('Alle Abschnitte');
    expect(calls(api, 'kb.sections').length).to.be.greaterThan(before);
  });

  it('in the portal: the Knowledge base view opens the article a link names (#/kb/<id>)', async () => {
    expect(detailFromHash('#/kb/kb-a-queue')).to.equal('kb-a-queue');
    expect(detailFromHash('#/kb')).to.equal('');
    expect(detailFromHash('#/kb/a%2Fb?x=1')).to.equal('a/b');
    history.replaceState(null, '', '#/kb/kb-a-queue');
    try {
      const api = new FakeApi({ signedInAs: ERIK });
      const session = await fixture<PortalSession>(html`<portal-session .api=${api} lang="en"><portal-app></portal-app></portal-session>`);
      await waitForStatus(session, 'signed-in');
      const app = session.querySelector<PortalApp>('portal-app')!;
      await waitUntil(() => app.shadowRoot!.querySelector('kb-browser'), 'no kb-browser in the portal');
      const el = app.shadowRoot!.querySelector<KbBrowser>('kb-browser')!;
      await waitUntil(() => el.hasCustomState('article') && el.hasCustomState('ready'), 'the linked article did not open');
      expect($(el, '#article-title').textContent).to.equal('Druckerwarteschlange leeren');
      // another link inside the same view opens that article
      location.hash = '#/kb/kb-a-vpn';
      await waitUntil(() => el.shadowRoot!.querySelector('#article-title')?.textContent === 'VPN einrichten', 'the second link did not open');
      location.hash = '#/kb';
      await waitUntil(() => !el.hasCustomState('article'), 'the plain view link did not show the list');
      await settled(el);
      // the German articles opened by their links; the list shows the UI language's by default
      expect(titles(el)).to.deep.equal(['Reset your MFA device']);
    } finally {
      history.replaceState(null, '', location.pathname + location.search);
    }
  });

  it('in the portal: opening an article gives it its address (#/kb/<id>), Back returns to the list, its own Back to #/kb (found by a fresh-eyes test)', async () => {
    history.replaceState(null, '', '#/kb');
    try {
      const api = new FakeApi({ signedInAs: ERIK });
      const session = await fixture<PortalSession>(html`<portal-session .api=${api} lang="en"><portal-app></portal-app></portal-session>`);
      await waitForStatus(session, 'signed-in');
      const app = session.querySelector<PortalApp>('portal-app')!;
      await waitUntil(() => app.shadowRoot!.querySelector('kb-browser'), 'no kb-browser in the portal');
      const el = app.shadowRoot!.querySelector<KbBrowser>('kb-browser')!;
      await settled(el);
      const item = () => el.shadowRoot!.querySelector<HTMLButtonElement>('.item-title')!;
      const id = item().dataset.id!;
      const open = async () => {
        item().click();
        await waitUntil(() => el.hasCustomState('article') && el.hasCustomState('ready'), 'the article did not open');
        await waitUntil(() => location.hash === `#/kb/${id}`, `the address stayed ${location.hash}`);
      };
      // the browser's Back: the list again, under the list's address
      await open();
      const backEvent = oneEvent(el, 'kb-browser-back');
      history.back();
      await waitUntil(() => location.hash === '#/kb', `Back kept ${location.hash}`);
      await waitUntil(() => !el.hasCustomState('article'), 'Back did not show the list');
      // the focus, which was in the article, is on the article's entry in the list again
      await waitUntil(() => active(el)?.dataset.id === id, `the focus is on ${active(el)?.outerHTML ?? 'nothing'}`);
      // the article's own Back: the list and its address, with the event naming the article
      await settled(el);
      await open();
      $<HTMLButtonElement>(el, '.back').click();
      expect(((await backEvent) as CustomEvent<{ id: string }>).detail).to.deep.equal({ id });
      await waitUntil(() => location.hash === '#/kb', `the article's Back kept ${location.hash}`);
      expect(el.hasCustomState('article')).to.equal(false);
      // Escape, the same
      await settled(el);
      await open();
      await sendKeys({ press: 'Escape' });
      await waitUntil(() => location.hash === '#/kb', `Escape kept ${location.hash}`);
      expect(el.hasCustomState('article')).to.equal(false);
    } finally {
      history.replaceState(null, '', location.pathname + location.search);
    }
  });
});
