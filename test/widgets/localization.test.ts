import { expect } from '@open-wc/testing';
import { ApiError } from '../../widgets/core/api.js';
import { errorStatus, type ErrorCode } from '../../server/schemas/errors.js';
import { applyLocale, formatDate, formatNumber, localeReady, normalizeLocale } from '../../widgets/core/localization.js';
import { errorMessage } from '../../widgets/core/messages.js';
import { passwordRuleLabel } from '../../widgets/core/password-messages.js';
import { defaultPasswordPolicy } from '../../server/schemas/password-rules.js';

const error = (code: ErrorCode | 'network', details?: Record<string, unknown>) =>
  new ApiError({ status: code === 'network' ? 0 : errorStatus[code], code, message: 'server text', ...(details ? { details } : {}) });

describe('localization', () => {
  afterEach(async () => {
    await applyLocale('en');
    await localeReady();
  });

  it('the German XLIFF translates every message', async () => {
    const xml = await (await fetch(new URL('../../widgets/core/xliff/de.xlf', import.meta.url))).text();
    const doc = new DOMParser().parseFromString(xml, 'application/xml');
    const units = [...doc.getElementsByTagName('trans-unit')];
    expect(units.length).to.be.greaterThan(50);
    const untranslated = units
      .filter((u) => !(u.getElementsByTagName('target')[0]?.textContent ?? '').trim())
      .map((u) => u.getElementsByTagName('source')[0]?.textContent);
    expect(untranslated).to.deep.equal([]);
  });

  it('normalizes locale codes', () => {
    expect(['de', 'de-AT', 'DE_ch', 'en-GB', 'en', 'fr', '', null].map(normalizeLocale)).to.deep.equal([
      'de', 'de', 'de', 'en', 'en', null, null, null,
    ]);
  });

  it('has a sentence for every error code, in both languages', async () => {
    const codes = [...(Object.keys(errorStatus) as ErrorCode[]), 'network' as const];
    const en = codes.map((c) => errorMessage(error(c)));
    for (const text of en) expect(text).to.not.equal('server text');
    await applyLocale('de');
    await localeReady();
    const de = codes.map((c) => errorMessage(error(c)));
    for (let i = 0; i < codes.length; i++) expect(de[i], codes[i]).to.not.equal(en[i]);
    expect(errorMessage(error('rate_limited', { retryAfterSeconds: 42 }))).to.equal(
      'Zu viele Versuche. Bitte warten Sie 42 Sekunden und versuchen Sie es dann erneut.',
    );
    expect(passwordRuleLabel('length', defaultPasswordPolicy)).to.equal('Mindestens 8 Zeichen');
  });

  it('a lazy part that could not be fetched reads as a lost connection; other script errors stay generic (found by a fresh-eyes test)', async () => {
    const failedImport = await import(/* @vite-ignore */ `/no-such-chunk-${Date.now()}.js`).then(
      () => null,
      (e: unknown) => e,
    );
    expect(failedImport).to.be.instanceOf(TypeError);
    expect(errorMessage(failedImport)).to.equal(errorMessage(error('network')));
    expect(errorMessage(new TypeError('x.y is not a function'))).to.equal('Something went wrong. Please try again.');
    expect(errorMessage(new Error('Failed to fetch dynamically imported module'))).to.equal('Something went wrong. Please try again.');
  });

  it('formats dates and numbers with Intl in the page locale', async () => {
    const when = new Date(Date.UTC(2026, 2, 5, 12));
    expect(formatNumber(12345.5)).to.equal('12,345.5');
    expect(formatDate(when, { dateStyle: 'long', timeZone: 'UTC' })).to.equal('March 5, 2026');
    await applyLocale('de');
    await localeReady();
    expect(formatNumber(12345.5)).to.equal('12.345,5');
    expect(formatDate(when, { dateStyle: 'long', timeZone: 'UTC' })).to.equal('5. März 2026');
  });
});
