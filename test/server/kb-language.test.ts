/**
 * The knowledge base's language choice (fresh-eyes finding 7, R-KB-2, R-KB-3, R-X-1, R-X-4):
 * `?language=` narrows sections, articles and search to the articles written in that language,
 * `/api/kb/languages` counts the visible articles per language; sharing still decides what anyone
 * sees, and an article in another language still opens by its id.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { call, testContext, type TestContext } from './helpers.js';
import { bearerSignIn, createAccount, seedPartners } from './auth-fixtures.js';

let t: TestContext;
const token: Record<'nord' | 'blue' | 'agent', string> = { nord: '', blue: '', agent: '' };
const ids: Record<string, string> = {};
const as = (who: keyof typeof token, path: string, body?: unknown) =>
  call(t.app, body === undefined ? 'GET' : 'POST', path, { token: token[who], ...(body === undefined ? {} : { body }) });

beforeAll(async () => {
  t = await testContext();
  await seedPartners(t.db, [
    { id: 'bp-nord', name: 'Nordwind Logistik GmbH' },
    { id: 'bp-blue', name: 'Blue Harbor Ltd' },
  ]);
  await createAccount(t, { email: 'erik.editor@nordwind.example', memberships: [{ businessPartnerId: 'bp-nord', role: 'editor' }] });
  await createAccount(t, { email: 'bob.editor@blueharbor.example', locale: 'en', memberships: [{ businessPartnerId: 'bp-blue', role: 'editor' }] });
  await createAccount(t, { email: 'alex.agent@servicedesk.example', kind: 'agent' });
  token.nord = await bearerSignIn(t, 'erik.editor@nordwind.example');
  token.blue = await bearerSignIn(t, 'bob.editor@blueharbor.example');
  token.agent = await bearerSignIn(t, 'alex.agent@servicedesk.example');
  const s1 = (await as('agent', '/api/agent/kb/sections', { nameDe: 'Netzwerk', nameEn: 'Network', sort: 1 })).json.id as string;
  const s2 = (await as('agent', '/api/agent/kb/sections', { nameDe: 'Drucker', nameEn: 'Printers', sort: 2 })).json.id as string;
  const mk = async (key: string, sectionId: string, language: 'de' | 'en', title: string, shares: string[]) => {
    const r = await as('agent', '/api/agent/kb/articles', { sectionId, language, title, bodyHtml: `<p>${title} Gateway</p>`, businessPartnerIds: shares });
    expect(r.status, r.text).toBe(201);
    ids[key] = r.json.id as string;
  };
  await mk('deNet', s1, 'de', 'VPN einrichten', ['bp-nord']);
  await mk('enNet', s1, 'en', 'Set up the VPN', ['bp-nord']);
  await mk('dePrint', s2, 'de', 'Drucker verbinden', ['bp-nord']);
  await mk('enPrint', s2, 'en', 'Connect a printer', ['bp-nord', 'bp-blue']);
  await mk('enHidden', s2, 'en', 'Printer secrets', ['bp-blue']);
});

const articleIds = async (who: keyof typeof token, query: string) => {
  const r = await as(who, `/api/kb/articles${query}`);
  expect(r.status, r.text).toBe(200);
  expect(r.json.total).toBe(r.json.items.length);
  return (r.json.items as { id: string }[]).map((i) => i.id).sort();
};
const sorted = (...keys: string[]) => keys.map((k) => ids[k]).sort();

describe('GET /api/kb/... ?language=', () => {
  it('articles: only those written in the language; without it all languages', async () => {
    expect(await articleIds('nord', '?language=de')).toEqual(sorted('deNet', 'dePrint'));
    expect(await articleIds('nord', '?language=en')).toEqual(sorted('enNet', 'enPrint'));
    expect(await articleIds('nord', '')).toEqual(sorted('deNet', 'enNet', 'dePrint', 'enPrint'));
  });

  it('search and the section filter combine with it', async () => {
    expect(await articleIds('nord', '?q=gateway&language=en')).toEqual(sorted('enNet', 'enPrint'));
    const sections = (await as('nord', '/api/kb/sections?language=de')).json.items as { id: string; articleCount: number }[];
    expect(sections.map((s) => s.articleCount)).toEqual([1, 1]);
    expect(await articleIds('nord', `?section=${sections[1]!.id}&language=en`)).toEqual(sorted('enPrint'));
  });

  it('section counts follow the language and the search', async () => {
    const counts = async (query: string) => ((await as('nord', `/api/kb/sections${query}`)).json.items as { articleCount: number }[]).map((s) => s.articleCount);
    expect(await counts('')).toEqual([2, 2]);
    expect(await counts('?language=en')).toEqual([1, 1]);
    expect(await counts('?language=en&q=printer')).toEqual([1]);
    expect(await counts('?language=de&q=printer')).toEqual([]);
  });

  it('languages: visible articles per language, with the search; sharing decides (R-X-4)', async () => {
    expect((await as('nord', '/api/kb/languages')).json.items).toEqual([
      { language: 'de', articleCount: 2 },
      { language: 'en', articleCount: 2 },
    ]);
    expect((await as('nord', '/api/kb/languages?q=vpn')).json.items).toEqual([
      { language: 'de', articleCount: 1 },
      { language: 'en', articleCount: 1 },
    ]);
    expect((await as('blue', '/api/kb/languages')).json.items).toEqual([{ language: 'en', articleCount: 2 }]);
    expect(await articleIds('blue', '?language=de')).toEqual([]);
    expect(await articleIds('nord', '?language=en&q=secrets')).toEqual([]);
  });

  it('an article in the other language still opens by its id', async () => {
    const r = await as('nord', `/api/kb/articles/${ids.enNet}?lang=de`);
    expect(r.status).toBe(200);
    expect(r.json.language).toBe('en');
  });

  it('refuses an unknown language with 422 at the parameter', async () => {
    for (const path of ['/api/kb/articles?language=fr', '/api/kb/sections?language=xx', '/api/kb/languages?q=' + 'x'.repeat(201)]) {
      const r = await as('nord', path);
      expect(r.status, path).toBe(422);
      expect(r.json.error.code).toBe('validation_failed');
    }
  });
});
