/**
 * The real `Api` over fetch, typed per route module with Hono's client (`hc<typeof authRoutes>`;
 * Hono's types over a small runtime of ours, hc.ts), so a changed route shape breaks the type
 * check here instead of at run time.
 *
 * Modes (DESIGN.md "Sign-in modes"):
 * - `cookie`: same origin; the server sets an HttpOnly session cookie; requests go with
 *   `credentials: 'same-origin'`.
 * - `bearer`: the server is on another origin; sign-in asks for a token, which this client keeps
 *   in memory (and in sessionStorage when `persist` is set) and sends as `Authorization: Bearer`.
 */
import { hc } from './hc.js';
import type { authRoutes } from '../../server/routes/auth.routes.js';
import type { meRoutes } from '../../server/routes/me.routes.js';
import { errorStatus, type ErrorCode } from '../../server/schemas/errors.js';
import { createHttpResources } from './api-http-resources.js';
import { currentLocale } from './localization.js';
import type {
  AttachmentsApi,
  DashboardApi,
  KbApi,
  LookupsApi,
  PlanApi,
  PrefsApi,
  QueriesApi,
  TicketsApi,
  UploadsApi,
} from './api-resources.js';
import {
  ApiError,
  SessionChangeNotifier,
  type Api,
  type AuthApi,
  type Me,
  type MeApi,
  type PolicyResult,
  type RequestOptions,
  type SessionChange,
  type SignInResult,
} from './api.js';

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

const statusCodes = new Map<number, ErrorCode>();
for (const [code, status] of Object.entries(errorStatus) as [ErrorCode, number][]) {
  if (!statusCodes.has(status)) statusCodes.set(status, code);
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
    code: statusCodes.get(res.status) ?? (res.status >= 500 ? 'internal' : 'bad_request'),
    message: res.statusText || `HTTP ${res.status}`,
    requestId,
  });
}

export class HttpApi implements Api {
  readonly mode: ApiMode;
  readonly base: string;
  readonly auth: AuthApi;
  readonly me: MeApi;
  readonly tickets: TicketsApi;
  readonly uploads: UploadsApi;
  readonly attachments: AttachmentsApi;
  readonly lookups: LookupsApi;
  readonly queries: QueriesApi;
  readonly prefs: PrefsApi;
  readonly dashboard: DashboardApi;
  readonly kb: KbApi;
  readonly plan: PlanApi;

  #token: string | null = null;
  readonly #persist: boolean;
  readonly #storage: HttpApiOptions['storage'];
  readonly #storageKey: string;
  readonly #fetch: typeof fetch;
  readonly #notifier = new SessionChangeNotifier();

  constructor(options: HttpApiOptions = {}) {
    this.base = normalizeBase(options.base);
    this.mode = resolveMode(this.base, options.mode);
    this.#persist = this.mode === 'bearer' && !!options.persist;
    this.#storage = options.storage !== undefined ? options.storage : safeSessionStorage();
    this.#storageKey = `helpdesk-portal.session:${this.base || pageOrigin() || ''}`;
    // Wrapped so a page that swaps window.fetch later (tests, polyfills) is honoured.
    this.#fetch = options.fetch ?? ((input, init) => fetch(input, init));
    if (this.#persist) this.#token = this.#storage?.getItem(this.#storageKey) ?? null;

    const clientOptions = {
      fetch: this.#fetch,
      // names of types, areas, sections come in the page's language
      headers: (): Record<string, string> => ({
        'Accept-Language': currentLocale(),
        ...(this.#token ? { Authorization: `Bearer ${this.#token}` } : {}),
      }),
      init: { credentials: (this.mode === 'cookie' ? 'same-origin' : 'omit') as RequestCredentials },
    };
    const auth = hc<typeof authRoutes>(`${this.base}/api/auth`, clientOptions);
    const me = hc<typeof meRoutes>(`${this.base}/api/me`, clientOptions);
    const perCall = (o?: RequestOptions) => (o?.signal ? { init: { signal: o.signal } } : undefined);

    this.auth = {
      signIn: async (input, o) => {
        const res = await this.#send(
          () => auth['sign-in'].$post({ json: { email: input.email, password: input.password, mode: this.mode } }, perCall(o)),
          false,
        );
        const body = await res.json();
        if (this.mode === 'bearer') {
          if (!('token' in body) || typeof body.token !== 'string') {
            throw new ApiError({ status: res.status, code: 'internal', message: 'The server sent no session token' });
          }
          this.#setToken(body.token);
        }
        return { account: body.account, mustChangePassword: body.mustChangePassword };
      },
      signOut: async (o) => {
        try {
          await this.#send(() => auth['sign-out'].$post(undefined, perCall(o)), false);
        } finally {
          this.#setToken(null);
        }
      },
      changePassword: async (input, o) => {
        const res = await this.#send(
          () => auth.password.$post({ json: { oldPassword: input.oldPassword, newPassword: input.newPassword } }, perCall(o)),
          true,
        );
        const body = await res.json();
        return { account: body.account, mustChangePassword: body.mustChangePassword };
      },
      policy: async (o): Promise<PolicyResult> => {
        const res = await this.#send(() => auth.policy.$get(undefined, perCall(o)), false);
        return res.json();
      },
      exchange: async (input, o) => {
        // The exchange route arrives with issue 7; until then it is not in the typed client.
        const res = await this.#send(
          () =>
            this.#fetch(`${this.base}/api/auth/exchange`, {
              method: 'POST',
              headers: { 'Content-Type': 'application/json' },
              body: JSON.stringify({ token: input.token }),
              credentials: 'omit',
              ...(o?.signal ? { signal: o.signal } : {}),
            }),
          false,
        );
        const body = (await res.json()) as SignInResult & { token?: string };
        if (typeof body.token === 'string') this.#setToken(body.token);
        return { account: body.account, mustChangePassword: body.mustChangePassword };
      },
    };

    this.me = {
      get: async (o): Promise<Me> => {
        const res = await this.#send(() => me.index.$get(undefined, perCall(o)), true);
        return res.json();
      },
      update: async (input, o): Promise<Me> => {
        const res = await this.#send(() => me.index.$patch({ json: input }, perCall(o)), true);
        return res.json();
      },
    };

    const resources = createHttpResources({
      base: this.base,
      mode: this.mode,
      clientOptions,
      send: (run, needsSession) => this.#send(run, needsSession),
      fetch: this.#fetch,
    });
    this.tickets = resources.tickets;
    this.uploads = resources.uploads;
    this.attachments = resources.attachments;
    this.lookups = resources.lookups;
    this.queries = resources.queries;
    this.prefs = resources.prefs;
    this.dashboard = resources.dashboard;
    this.kb = resources.kb;
    this.plan = resources.plan;
  }

  get mayHaveSession(): boolean {
    return this.mode === 'cookie' || this.#token !== null;
  }

  onSessionChange(listener: (change: SessionChange) => void): () => void {
    return this.#notifier.subscribe(listener);
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
