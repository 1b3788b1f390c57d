import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { FakeApi } from '../../widgets/core/api-fake.js';
import { localeReady } from '../../widgets/core/localization.js';
import type { KbBrowser } from '../../widgets/kb-browser/kb-browser.element.js';
import { languagePrefKey } from '../../widgets/kb-browser/kb-browser.element.js';
import type { PortalSession } from '../../widgets/portal-session/portal-session.element.js';
import '../../widgets/kb-browser/define.js';
import { $, $maybe, waitForStatus } from './helpers.js';

/**
 * The knowledge base's language choice (fresh-eyes finding 7): by default the articles in the UI
 * language when there are any, a choice to show the other language or all, remembered per account;
 * search and counts follow it; an article in another language still opens by its id.
 */
const ERIK = 'erik.editor@nordwind.example';

async function mount(api: FakeApi, lang: 'de' | 'en', articleId?: string) {
  const session = await fixture<PortalSession>(html`<portal-session .api=${api} lang=${lang}>
    <div style="width: 960px"><kb-browser article-id=${articleId ?? ''}></kb-browser></div>
  </portal-session>`);
  await waitForStatus(session, 'signed-in');
  const el = session.querySelector<KbBrowser>('kb-browser')!;
  await localeReady();
  await settled(el);
  return el;
}

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
const choice = (el: KbBrowser) => $<HTMLSelectElement>(el, '#article-language');
const choiceTexts = (el: KbBrowser) => [...choice(el).options].map((o) => o.textContent!.replace(/\s+/g, ' ').trim());
const totalCount = (el: KbBrowser) => $(el, '.section-option[data-section=""] .count').textContent!.trim();

async function choose(el: KbBrowser, value: string) {
  const select = choice(el);
  select.value = value;
  select.dispatchEvent(new Event('change'));
  await settled(el);
}

describe('kb-browser language choice', () => {
  it('German UI: German articles by default; "All languages" adds the English one and is remembered per account', async () => {
    const api = new FakeApi({ signedInAs: ERIK });
    const el = await mount(api, 'de');
    expect(titles(el)).to.not.include('Reset your MFA device');
    expect(titles(el)).to.include('VPN einrichten');
    expect(totalCount(el)).to.equal('4');
    expect(choice(el).value).to.equal('de');
    expect(choiceTexts(el)).to.deep.equal(['Deutsch (4)', 'Englisch (1)', 'Alle Sprachen (5)']);
    expect(api.calls.filter((c) => c.method === 'kb.articles').at(-1)!.input).to.deep.include({ language: 'de' });
    await expect(el).to.be.accessible();

    await choose(el, 'all');
    expect(titles(el)).to.include('Reset your MFA device');
    expect(totalCount(el)).to.equal('5');
    expect([...api.world.prefs].find(([k]) => k.endsWith(`:${languagePrefKey}`))?.[1]).to.equal('all');

    // the next visit (same account) starts with the remembered choice
    const again = await mount(api, 'de');
    expect(choice(again).value).to.equal('all');
    expect(titles(again)).to.include('Reset your MFA device');
  });

  it('English UI: the English article only, the other language by choice; search follows the choice', async () => {
    const api = new FakeApi({ signedInAs: ERIK });
    const el = await mount(api, 'en');
    expect(titles(el)).to.deep.equal(['Reset your MFA device']);
    expect(choiceTexts(el)).to.deep.equal(['German (4)', 'English (1)', 'All languages (5)']);
    await choose(el, 'de');
    expect(titles(el)).to.not.include('Reset your MFA device');
    expect(titles(el).length).to.equal(4);

    // a search in German finds nothing in English; the way out is to search all languages
    await choose(el, 'en');
    const input = $<HTMLInputElement>(el, '#search');
    input.value = 'VPN';
    input.dispatchEvent(new Event('input'));
    $<HTMLFormElement>(el, 'form.search').requestSubmit();
    await settled(el);
    expect(titles(el)).to.deep.equal([]);
    expect(choiceTexts(el)).to.deep.equal(['German (1)', 'English (0)', 'All languages (1)']);
    $<HTMLButtonElement>(el, 'button.all-languages').click();
    await settled(el);
    expect(titles(el)).to.deep.equal(['VPN einrichten']);
    expect(choice(el).value).to.equal('all');
    await expect(el).to.be.accessible();
  });

  it('an article in another language opens by its id; with one language only there is no choice', async () => {
    const api = new FakeApi({ signedInAs: ERIK });
    const el = await mount(api, 'de', 'kb-a-mfa');
    expect($(el, '#article-title').textContent).to.equal('Reset your MFA device');

    const mono = new FakeApi({ signedInAs: ERIK });
    mono.world.kbArticles = mono.world.kbArticles.filter((a) => a.language === 'de');
    const el2 = await mount(mono, 'en');
    expect($maybe(el2, '#article-language')).to.equal(null);
    expect(titles(el2).length).to.equal(4);
  });
});
