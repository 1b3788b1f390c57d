import { expect } from '@open-wc/testing';
import { hc } from '../../widgets/core/hc.js';

/** What the client handed to fetch. */
interface Sent {
  url: string;
  method: string;
  headers: Record<string, string>;
  body: string | null;
  init: RequestInit;
}

function recorder() {
  const sent: Sent[] = [];
  const fetch = (async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const headers: Record<string, string> = {};
    new Headers(init.headers).forEach((v, k) => (headers[k] = v));
    sent.push({ url: String(input), method: init.method ?? 'GET', headers, body: (init.body as string | undefined) ?? null, init });
    return new Response('{}', { status: 200, headers: { 'content-type': 'application/json' } });
  }) as typeof globalThis.fetch;
  return { sent, fetch };
}

// typed by a route module in real use; these tests drive the runtime with made-up routes
type Loose = any;

describe('hc (Hono client types, our runtime)', () => {
  it('builds paths: index dropped, parameters encoded, base slashes trimmed', async () => {
    const { sent, fetch } = recorder();
    const c: Loose = hc('https://portal.example.com/api/tickets/', { fetch });
    await c.index.$get();
    await c[':id'].$get({ param: { id: 'T 1/2?' } });
    await c[':id'].positions.$post({ param: { id: 'abc' }, json: { body: 'x' } });
    await c.index.$patch({ json: { a: 1 } });
    expect(sent.map((s) => `${s.method} ${s.url}`)).to.deep.equal([
      'GET https://portal.example.com/api/tickets',
      'GET https://portal.example.com/api/tickets/T%201%2F2%3F',
      'POST https://portal.example.com/api/tickets/abc/positions',
      'PATCH https://portal.example.com/api/tickets',
    ]);
  });

  it('sends query values (undefined left out, arrays repeated) and JSON bodies', async () => {
    const { sent, fetch } = recorder();
    const c: Loose = hc('/api', { fetch });
    await c.tags.$get({ query: { prefix: 'VP N', partner: undefined, status: ['new', 'closed'] } });
    await c.queries.$post({ json: { name: 'Mine', filter: { q: 'ä' } } });
    await c.uploads[':id'].$delete({ param: { id: 'u1' } });
    expect(sent[0]!.url).to.equal('/api/tags?prefix=VP+N&status=new&status=closed');
    expect(sent[0]!.body).to.equal(null);
    expect(sent[1]!.headers['content-type']).to.equal('application/json');
    expect(JSON.parse(sent[1]!.body!)).to.deep.equal({ name: 'Mine', filter: { q: 'ä' } });
    expect(sent[2]!.method).to.equal('DELETE');
    expect(sent[2]!.url).to.equal('/api/uploads/u1');
    expect(sent[2]!.headers['content-type']).to.equal(undefined);
  });

  it('asks for the headers on every request and merges init per call', async () => {
    const { sent, fetch } = recorder();
    let token = 'one';
    const c: Loose = hc('/api/me', {
      fetch,
      headers: () => ({ 'Accept-Language': 'de', Authorization: `Bearer ${token}` }),
      init: { credentials: 'omit' },
    });
    const controller = new AbortController();
    await c.index.$get(undefined, { init: { signal: controller.signal } });
    token = 'two';
    await c.index.$get();
    expect(sent[0]!.headers).to.deep.include({ 'accept-language': 'de', authorization: 'Bearer one' });
    expect(sent[0]!.init.credentials).to.equal('omit');
    expect(sent[0]!.init.signal).to.equal(controller.signal);
    expect(sent[1]!.headers.authorization).to.equal('Bearer two');
    expect(sent[1]!.init.signal).to.equal(undefined);
  });

  it('is no thenable and refuses what it does not support', async () => {
    const { sent, fetch } = recorder();
    const c: Loose = hc('/api', { fetch });
    expect(c.then).to.equal(undefined);
    // awaiting a client (or a part of one) gives it back, it sends nothing
    expect(typeof (await c.tickets)).to.equal('function');
    for (const call of [() => c.tickets.$url(), () => c.tickets.list(), () => c.form.$post({ form: { a: '1' } })]) {
      let error: unknown = null;
      try {
        await call();
      } catch (e) {
        error = e;
      }
      expect(error, String(call)).to.be.instanceOf(TypeError);
    }
    expect(sent).to.have.length(0);
  });
});
