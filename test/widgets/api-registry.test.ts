/**
 * HttpApi's resources register themselves (issue 7): a page loads only the resource modules its
 * widgets import. This page imports the transport and two resources, nothing else.
 */
import { expect } from '@open-wc/testing';
import { HttpApi } from '../../widgets/core/api-http.js';
import { isApiError } from '../../widgets/core/api.js';
import '../../widgets/core/http/me.js';
import '../../widgets/core/http/tickets.js';

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

describe('HttpApi resource registry', () => {
  it('builds a registered resource on first use, once per client, over the client transport', async () => {
    const seen: { url: string; auth: string | null; lang: string | null }[] = [];
    const api = new HttpApi({
      base: 'https://portal.example/api/',
      mode: 'bearer',
      storage: null,
      fetch: (async (input: RequestInfo | URL, init?: RequestInit) => {
        const h = new Headers(init?.headers);
        seen.push({ url: String(input), auth: h.get('authorization'), lang: h.get('accept-language') });
        return json(200, { account: { id: 'a1' } });
      }) as typeof fetch,
    });
    expect(api.me).to.equal(api.me);
    expect(new HttpApi({ storage: null }).me).to.not.equal(api.me);
    const me = await api.me.get();
    expect(me).to.deep.equal({ account: { id: 'a1' } });
    expect(seen).to.deep.equal([{ url: 'https://portal.example/api/me', auth: null, lang: 'en' }]);
  });

  it('fails loudly when a widget uses a resource whose module it did not import', () => {
    const api = new HttpApi({ storage: null });
    for (const name of ['plan', 'kb', 'auth', 'lookups', 'uploads'] as const) {
      expect(() => api[name]).to.throw(`api.${name} needs widgets/core/http/${name}.js imported`);
    }
  });

  it('turns an error answer into an ApiError and a 401 into a lost session', async () => {
    const api = new HttpApi({
      base: 'https://portal.example',
      mode: 'cookie',
      fetch: (async () => json(401, { error: { code: 'unauthenticated', message: 'Sign in', requestId: 'r-9' } })) as typeof fetch,
    });
    const changes: string[] = [];
    api.onSessionChange((c) => changes.push(c.kind));
    const error = await api.tickets.get('T-1').catch((e: unknown) => e);
    expect(isApiError(error) && [error.status, error.code, error.requestId]).to.deep.equal([401, 'unauthenticated', 'r-9']);
    expect(changes).to.deep.equal(['lost']);
    // no envelope: the code comes from the status (the general one of those sharing it)
    const plain = new HttpApi({ fetch: (async () => new Response('nope', { status: 403 })) as typeof fetch });
    const e2 = await plain.tickets.list({}).catch((e: unknown) => e);
    expect(isApiError(e2) && [e2.status, e2.code]).to.deep.equal([403, 'forbidden']);
  });

  it('loads the upload code when a file is uploaded, and answers its errors as ApiError', async () => {
    const api = new HttpApi({ base: `${location.origin}/no-such-portal`, mode: 'cookie' });
    const file = new File(['hello'], 'hello.txt', { type: 'text/plain' });
    const error = await api.tickets.upload('T-1', [file]).catch((e: unknown) => e);
    expect(isApiError(error), String(error)).to.equal(true);
    expect((error as { status: number }).status).to.be.at.least(400);
  });
});

/**
 * Widgets call `api.<name>` on whatever client they get; with the real client that works only
 * when widgets/core/http/<name>.js was imported. Tests use the fake, so check the sources: from
 * each widget's define.ts, follow the relative imports (static and dynamic, as the browser gets
 * them) and require the resource module for every `api.<name>` the reached code uses.
 */
describe('every widget imports the API resources it calls', () => {
  const names = ['auth', 'me', 'tickets', 'uploads', 'attachments', 'lookups', 'queries', 'prefs', 'dashboard', 'kb', 'plan'];
  const tags = ['approval-inbox', 'kb-browser', 'plan-board', 'portal-app', 'portal-dashboard', 'portal-session', 'ticket-board', 'ticket-detail', 'ticket-wizard'];
  const sources = new Map<string, Promise<string>>();
  const source = (path: string) => {
    let s = sources.get(path);
    if (!s) {
      s = fetch(path).then((r) => {
        if (!r.ok) throw new Error(`${path}: ${r.status}`);
        return r.text();
      });
      sources.set(path, s);
    }
    return s;
  };

  for (const tag of tags) {
    it(tag, async () => {
      const seen = new Set<string>();
      const used = new Map<string, string>();
      const queue = [`/widgets/${tag}/define.ts`];
      while (queue.length) {
        const path = queue.pop()!;
        if (seen.has(path)) continue;
        seen.add(path);
        const text = await source(path);
        if (!path.startsWith('/widgets/core/http/')) {
          for (const m of text.matchAll(/\bapi\.([a-z]+)\b/g)) if (names.includes(m[1]!)) used.set(m[1]!, path);
        }
        for (const m of text.matchAll(/(?:\bfrom\s*|\bimport\s*\(?\s*)['"](\.{1,2}\/[^'"]+)['"]/g)) {
          const url = new URL(m[1]!, `http://x${path}`).pathname.replace(/\.js$/, '.ts');
          if (url.startsWith('/widgets/')) queue.push(url);
        }
      }
      expect(seen.size, 'modules reached').to.be.greaterThan(3);
      const missing = [...used].filter(([name]) => !seen.has(`/widgets/core/http/${name}.ts`)).map(([name, where]) => `api.${name} (${where})`);
      expect(missing, `resources used without their widgets/core/http module`).to.deep.equal([]);
    });
  }
});

