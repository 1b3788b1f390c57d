/**
 * The real `Api` over fetch: the transport (base URL, cookie or bearer mode, token, error
 * envelope, session notifications) and a registry of resources. Each resource's HTTP side
 * (`api.auth`, `api.tickets`, …) lives in its own module under http/, typed per route module with
 * Hono's client (hc.ts), and registers itself when imported; a widget imports the ones it calls
 * (its define.ts), so a page loads only the resources its widgets use (issue 7). `HttpApi`
 * creates a resource on first access; one whose module was never imported throws (a programming
 * error, never a silent no-op). api-http-all.ts is this class with every resource registered.
 *
 * Modes (DESIGN.md "Sign-in modes"):
 * - `cookie`: same origin; the server sets an HttpOnly session cookie; requests go with
 *   `credentials: 'same-origin'`.
 * - `bearer`: the server is on another origin; sign-in asks for a token, which this client keeps
 *   in memory (and in sessionStorage when `persist` is set) and sends as `Authorization: Bearer`.
 */
import { errorStatus, type ErrorCode } from '../../server/schemas/errors.js';
import { currentLocale } from './localization.js';
import { ApiError, SessionChangeNotifier, type Api, type RequestOptions, type SessionChange } from './api.js';

export type ApiMode = 'cookie' | 'bearer';

export interface HttpApiOptions {
  /**
   * Where the portal server is: '' (default) for this page's own origin, or its base URL
   * (`https://portal.example.com`; a trailing `/api` is accepted too).
   */
  base?: string;
  /** `auto` (default): bearer when `base` is on another origin than the page, else cookie */
  mode?: ApiMode | 'auto';
  /** bearer mode: keep the token in sessionStorage so a reload stays signed in */
  persist?: boolean;
  /** a fetch to use instead of the global one (tests drive the server through `app.request`) */
  fetch?: typeof fetch;
  /** where `persist` keeps the token; default `globalThis.sessionStorage` */
  storage?: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> | null;
}

/** What a resource module gets from its `HttpApi`. */
export interface HttpTransport {
  base: string;
  mode: ApiMode;
  /** options for `hc(url, …)`: fetch, per-request headers (language, token), credentials */
  clientOptions: {
    fetch: typeof fetch;
    headers: () => Record<string, string>;
    init: { credentials: RequestCredentials };
  };
  /** runs a request; non-2xx → ApiError (and session notifications) */
  send<R extends Response>(run: () => Promise<R>, needsSession: boolean): Promise<R>;
  /** `send` for a call that needs a session, answering the body's JSON */
  json<T>(run: () => Promise<Response>): Promise<T>;
  fetch: typeof fetch;
  /** bearer mode: keep (or drop, null) the session token */
  setToken(token: string | null): void;
}

/** The resources of `Api`, each implemented by a module under http/. */
export type HttpResources = Omit<Api, 'mode' | 'mayHaveSession' | 'onSessionChange'>;
type Name = keyof HttpResources;

const factories = new Map<Name, (t: HttpTransport) => unknown>();

/** Called once by a resource's module: how `HttpApi` builds `api[name]`. */
export function registerResource<K extends Name>(name: K, create: (t: HttpTransport) => HttpResources[K]): void {
  factories.set(name, create);
}

/** Per-call options for Hono's client: the caller's abort signal. */
export const perCall = (o?: RequestOptions) => (o?.signal ? { init: { signal: o.signal } } : undefined);

/** The server root without trailing slashes or `/api` ('' for the page's own origin). */
export function normalizeBase(base: string | null | undefined): string {
  let b = (base ?? '').trim().replace(/\/+$/, '');
  if (b.endsWith('/api')) b = b.slice(0, -4);
  return b;
}

function pageOrigin(): string | null {
  return typeof location !== 'undefined' && location.origin && location.origin !== 'null' ? location.origin : null;
}

/** bearer when `base` points at another origin than the page's. */
export function resolveMode(base: string, mode: ApiMode | 'auto' | undefined | null): ApiMode {
  if (mode === 'cookie' || mode === 'bearer') return mode;
  if (!/^[a-z][a-z0-9+.-]*:/i.test(base)) return 'cookie';
  const here = pageOrigin();
  try {
    return here !== null && new URL(base).origin === here ? 'cookie' : 'bearer';
  } catch {
    return 'cookie';
  }
}

/** The server's error envelope as an `ApiError`; anything else gets a code from its status. */
export async function errorFromResponse(res: Response): Promise<ApiError> {
  let body: unknown;
  try {
    body = await res.json();
  } catch {
    body = undefined;
  }
  const requestId = res.headers.get('x-request-id') ?? undefined;
  const e = (body as { error?: Record<string, unknown> } | undefined)?.error;
  if (e && typeof e.code === 'string' && typeof e.message === 'string') {
    return new ApiError({
      status: res.status,
      code: e.code as ErrorCode,
      message: e.message,
      details: (e.details as ApiError['details']) ?? undefined,
      requestId: typeof e.requestId === 'string' ? e.requestId : requestId,
    });
  }
  return new ApiError({
    status: res.status,
    // the first code with this status (errorStatus lists the general one first)
    code:
      (Object.keys(errorStatus) as ErrorCode[]).find((c) => errorStatus[c] === res.status) ??
      (res.status >= 500 ? 'internal' : 'bad_request'),
    message: res.statusText || `HTTP ${res.status}`,
    requestId,
  });
}

export interface HttpApi extends HttpResources {}

export class HttpApi implements Api {
  readonly mode: ApiMode;
  readonly base: string;

  #token: string | null = null;
  readonly #persist: boolean;
  readonly #storage: HttpApiOptions['storage'];
  readonly #storageKey: string;
  readonly #notifier = new SessionChangeNotifier();
  readonly #transport: HttpTransport;
  readonly #resources = new Map<Name, unknown>();

  static {
    for (const name of 'auth me tickets uploads attachments lookups queries prefs dashboard kb plan'.split(' ') as Name[]) {
      Object.defineProperty(this.prototype, name, {
        get(this: HttpApi) {
          return this.#resource(name);
        },
      });
    }
  }

  constructor(options: HttpApiOptions = {}) {
    this.base = normalizeBase(options.base);
    this.mode = resolveMode(this.base, options.mode);
    this.#persist = this.mode === 'bearer' && !!options.persist;
    this.#storage = options.storage !== undefined ? options.storage : safeSessionStorage();
    this.#storageKey = `helpdesk-portal.session:${this.base || pageOrigin() || ''}`;
    if (this.#persist) this.#token = this.#storage?.getItem(this.#storageKey) ?? null;
    // Wrapped so a page that swaps window.fetch later (tests, polyfills) is honoured.
    const fetcher: typeof fetch = options.fetch ?? ((input, init) => fetch(input, init));
    const send = <R extends Response>(run: () => Promise<R>, needsSession: boolean) => this.#send(run, needsSession);
    this.#transport = {
      base: this.base,
      mode: this.mode,
      clientOptions: {
        fetch: fetcher,
        // names of types, areas, sections come in the page's language
        headers: () => ({
          'Accept-Language': currentLocale(),
          ...(this.#token ? { Authorization: `Bearer ${this.#token}` } : {}),
        }),
        init: { credentials: this.mode === 'cookie' ? 'same-origin' : 'omit' },
      },
      send,
      json: async (run) => (await send(run, true)).json(),
      fetch: fetcher,
      setToken: (token) => this.#setToken(token),
    };
  }

  get mayHaveSession(): boolean {
    return this.mode === 'cookie' || this.#token !== null;
  }

  onSessionChange(listener: (change: SessionChange) => void): () => void {
    return this.#notifier.subscribe(listener);
  }

  #resource(name: Name): unknown {
    let r = this.#resources.get(name);
    if (!r) {
      const create = factories.get(name);
      if (!create) {
        throw new Error(`helpdesk-portal: api.${name} needs widgets/core/http/${name}.js imported (in the widget's define.ts)`);
      }
      this.#resources.set(name, (r = create(this.#transport)));
    }
    return r;
  }

  /** Runs one request; a non-2xx answer becomes an `ApiError` (and maybe a session change). */
  async #send<R extends Response>(run: () => Promise<R>, needsSession: boolean): Promise<R> {
    // the token this request goes out with (the headers are built now)
    const sentWith = this.#token;
    let res: R;
    try {
      res = await run();
    } catch (e) {
      if (e instanceof Error && e.name === 'AbortError') throw e;
      throw new ApiError({
        status: 0,
        code: 'network',
        message: e instanceof Error ? e.message : 'The server could not be reached',
      });
    }
    if (res.ok) return res;
    const error = await errorFromResponse(res);
    // A 401 to a request sent before the current session began (e.g. while a host sign-in ran)
    // says nothing about that session: keep it.
    if (needsSession && error.status === 401 && this.#token !== sentWith) throw error;
    if (needsSession && error.status === 401) this.#setToken(null);
    this.#notifier.inspect(error, needsSession);
    throw error;
  }

  #setToken(token: string | null) {
    this.#token = token;
    if (!this.#persist || !this.#storage) return;
    try {
      if (token) this.#storage.setItem(this.#storageKey, token);
      else this.#storage.removeItem(this.#storageKey);
    } catch {
      // storage full or blocked: the token still lives in memory
    }
  }
}

function safeSessionStorage(): Storage | null {
  try {
    return typeof sessionStorage !== 'undefined' ? sessionStorage : null;
  } catch {
    return null; // blocked third-party storage throws on access
  }
}
