/**
 * widgets/core/localize.ts (the build's @lit/localize runtime) answers exactly like @lit/localize:
 * every message of the XLIFF file, in English and in German, with the same ids, and the same
 * `lit-localize-status` events and re-rendering.
 */
import { expect, fixture, html as fixtureHtml } from '@open-wc/testing';
import { LitElement, html } from 'lit';
import * as lit from '@lit/localize';
import * as ours from '../../widgets/core/localize.js';

type Template = string | { strTag: true; strings: readonly string[]; values: unknown[] };

/** Every message of widgets/core/xliff/de.xlf as msg() gets it: its source's strings, values v0, v1, … */
async function xliffTemplates(): Promise<{ id: string; template: Template }[]> {
  const xml = new DOMParser().parseFromString(await (await fetch('/widgets/core/xliff/de.xlf')).text(), 'application/xml');
  return [...xml.querySelectorAll('trans-unit')].map((unit) => {
    const strings = [''];
    const values: string[] = [];
    for (const node of unit.querySelector('source')!.childNodes) {
      if (node.nodeType === Node.TEXT_NODE) strings[strings.length - 1] = (strings.at(-1) ?? '') + (node.textContent ?? '');
      else {
        values.push(`v${values.length}`);
        strings.push('');
      }
    }
    const template: Template = values.length ? { strTag: true, strings, values } : strings[0]!;
    return { id: unit.getAttribute('id')!, template };
  });
}

const load = async () => import('../../widgets/core/locales/de.js');

describe('localize runtime (core/localize.ts)', () => {
  it('translates every message like @lit/localize, before and after switching to German and back', async () => {
    const messages = await xliffTemplates();
    expect(messages.length).to.be.greaterThan(500);
    const theirs = lit.configureLocalization({ sourceLocale: 'en', targetLocales: ['de'], loadLocale: load as never });
    const mine = ours.configureLocalization({ sourceLocale: 'en', targetLocales: ['de'], loadLocale: load as never });
    const compare = (expectGerman: boolean) => {
      let german = 0;
      for (const { id, template } of messages) {
        const a = lit.msg(template as never);
        const b = ours.msg(template as never);
        expect(b, id).to.equal(a);
        const english = typeof template === 'string' ? template : template.strings.reduce((o, s, i) => o + String(template.values[i - 1]) + s);
        if (b !== english) german++;
      }
      if (expectGerman) expect(german, 'messages that read differently in German').to.be.greaterThan(messages.length * 0.9);
      else expect(german).to.equal(0);
    };
    compare(false);
    await Promise.all([theirs.setLocale('de'), mine.setLocale('de')]);
    expect(mine.getLocale()).to.equal('de');
    compare(true);
    await Promise.all([theirs.setLocale('en'), mine.setLocale('en')]);
    expect(mine.getLocale()).to.equal('en');
    compare(false);
    expect(() => mine.setLocale('fr')).to.throw('Invalid locale code');
  });

  it('uses an explicit id, and str() like @lit/localize', () => {
    expect(ours.str`a ${1} b ${'x'}`).to.deep.equal({ strTag: true, strings: ['a ', ' b ', ''], values: [1, 'x'] });
    expect(ours.msg('Hello', { id: 'no-such-id' })).to.equal('Hello');
    expect(ours.msg(ours.str`Ticket ${'T-1'} was created`)).to.equal('Ticket T-1 was created');
  });

  it('re-renders an element when a locale is ready, and reports loading, ready and error', async () => {
    const events: string[] = [];
    const listener = (e: Event) => events.push((e as CustomEvent<{ status: string }>).detail.status);
    addEventListener('lit-localize-status', listener);
    let renders = 0;
    class El extends LitElement {
      constructor() {
        super();
        ours.updateWhenLocaleChanges(this);
      }
      override render() {
        renders++;
        return html`x`;
      }
    }
    customElements.define('localize-test-el', El);
    const el = await fixture<El>(fixtureHtml`<localize-test-el></localize-test-el>`);
    const before = renders;
    let fail = true;
    const runtime = ours.configureLocalization({
      sourceLocale: 'en',
      targetLocales: ['de'],
      loadLocale: async () => {
        if (fail) throw new Error('offline');
        return load() as never;
      },
    });
    const error = await runtime.setLocale('de').catch((e: unknown) => e);
    expect(String(error)).to.contain('offline');
    expect(runtime.getLocale()).to.equal('en');
    fail = false;
    await runtime.setLocale('de');
    await el.updateComplete;
    expect(renders).to.equal(before + 1);
    expect(events).to.deep.equal(['loading', 'error', 'loading', 'ready']);
    el.remove();
    await runtime.setLocale('en');
    expect(renders, 'a disconnected element stops listening').to.equal(before + 1);
    removeEventListener('lit-localize-status', listener);
  });
});
