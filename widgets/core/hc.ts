/**
 * Hono's typed RPC client (`hc<typeof someRoutes>`, STYLE.md "API client") with a small runtime
 * of our own: the types are Hono's (`typeof import('hono/client').hc`), so a changed route shape
 * still breaks the type check; the runtime is the part of `hc` the widgets use, a quarter of its
 * size in the bundle (hono/client brings cookie serialising, WebSockets, `$url`, form bodies).
 *
 * Supported, as in Hono: `client.a[':id'].b.$get|$post|$put|$patch|$delete(args?, options?)`
 * with `args.param` (path parameters, URL-encoded here), `args.query` (undefined values left
 * out, arrays repeated), `args.json` (sent with `Content-Type: application/json`),
 * `args.header`; options `fetch`, `headers` (an object or a function, called per request) and
 * `init` (RequestInit, per-call values over the client's); a last `index` segment is dropped
 * (`client.index.$get()` → the base URL). Anything else (`$url`, `$ws`, `form`, `cookie`)
 * throws, so a new use fails loudly instead of sending a wrong request.
 */
import type { hc as honoHc } from 'hono/client';

type HeaderMap = Record<string, string>;

interface ClientOptions {
  fetch?: typeof fetch;
  headers?: HeaderMap | (() => HeaderMap | Promise<HeaderMap>);
  init?: RequestInit;
}

interface CallArgs {
  param?: Record<string, string>;
  query?: Record<string, string | string[] | undefined>;
  json?: unknown;
  header?: HeaderMap;
  form?: unknown;
  cookie?: unknown;
}

const METHODS = new Set(['get', 'post', 'put', 'patch', 'delete']);

function proxy(path: readonly string[], call: (path: readonly string[], args: unknown[]) => unknown): unknown {
  return new Proxy(() => undefined, {
    // `then` stays undefined: a client is not a thenable (awaiting one must not call it)
    get: (_target, key) => (typeof key === 'string' && key !== 'then' ? proxy([...path, key], call) : undefined),
    apply: (_target, _this, args) => call(path, args),
  });
}

async function send(base: string, options: ClientOptions, path: readonly string[], args: CallArgs = {}, perCall: ClientOptions = {}): Promise<Response> {
  const method = path[path.length - 1]?.slice(1) ?? '';
  if (!path[path.length - 1]?.startsWith('$') || !METHODS.has(method)) {
    throw new TypeError(`helpdesk-portal: the API client does not support ${path.join('.')}()`);
  }
  if (args.form !== undefined || args.cookie !== undefined) {
    throw new TypeError('helpdesk-portal: the API client sends no form or cookie arguments');
  }
  const segments = path.slice(0, -1).map((s) => (s.startsWith(':') ? encodeURIComponent(args.param?.[s.slice(1)] ?? '') : s));
  if (segments[segments.length - 1] === 'index') segments.pop();
  let url = base.replace(/\/+$/, '') + (segments.length ? `/${segments.join('/')}` : '');
  if (args.query) {
    const search = new URLSearchParams();
    for (const [k, v] of Object.entries(args.query)) {
      for (const item of Array.isArray(v) ? v : [v]) if (item !== undefined) search.append(k, item);
    }
    const q = search.toString();
    if (q) url += `?${q}`;
  }
  const headers = new Headers();
  const add = async (h: ClientOptions['headers']) => {
    for (const [k, v] of Object.entries((typeof h === 'function' ? await h() : h) ?? {})) if (v !== undefined) headers.set(k, v);
  };
  await add(args.header);
  await add(options.headers);
  await add(perCall.headers);
  const hasBody = args.json !== undefined && method !== 'get';
  if (hasBody) headers.set('Content-Type', 'application/json');
  const run = perCall.fetch ?? options.fetch ?? fetch;
  return run(url, {
    method: method.toUpperCase(),
    headers,
    ...(hasBody ? { body: JSON.stringify(args.json) } : {}),
    ...options.init,
    ...perCall.init,
  });
}

/** `hc<typeof routes>(base, options)`: Hono's client types over the runtime above. */
export const hc = ((base: string, options: ClientOptions = {}) =>
  proxy([], (path, [args, perCall]) => send(base, options, path, args as CallArgs | undefined, perCall as ClientOptions | undefined))) as unknown as typeof honoHc;
