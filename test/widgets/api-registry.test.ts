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
      expect(() => api[name]).to.throw(`api.${name} is used, but widgets/core/http/${name}.js was not imported`);
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
