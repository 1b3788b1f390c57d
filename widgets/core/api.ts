/**
 * The API the widgets call (STYLE.md "API client"). Widgets never `fetch` themselves: they get an
 * `Api` from context (or build one from their `api-base` attribute) and call
 * `api.<resource>.<verb>(input, { signal })`, which returns DTOs or throws `ApiError`.
 *
 * Two implementations: `HttpApi` (api-http.ts, the real server through Hono's typed client) and
 * `FakeApi` (api-fake.ts, in memory, for Storybook and widget tests). The contract test
 * (test/server/api-contract.test.ts) runs the same cases against both.
 *
 * To grow: add an interface per resource (`TicketsApi`, `LookupsApi`, …) and a member on `Api`;
 * both implementations must then provide it (the compiler says where).
 */
import type { MeDto } from '../../server/domain/me.js';
import type { ErrorCode, ValidationIssue } from '../../server/schemas/errors.js';
import type { PasswordPolicy } from '../../server/schemas/password-rules.js';
import type { ResourceApis } from './api-resources.js';

export type * from './api-resources.js';

export type { MeDto, PasswordPolicy, ValidationIssue };

export type Locale = 'de' | 'en';
export const locales: readonly Locale[] = ['de', 'en'];

/** Per-call options: every method takes them last. */
export interface RequestOptions {
  signal?: AbortSignal;
}

/** Client-side failures that never reached a server answer. */
export type ClientErrorCode = 'network';

/** Thrown by every `Api` method for a non-2xx answer (the server's error envelope) or a network failure. */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  /** HTTP status; 0 when the request never got an answer */
  readonly status: number;
  readonly code: ErrorCode | ClientErrorCode;
  readonly details: ({ issues?: ValidationIssue[]; retryAfterSeconds?: number } & Record<string, unknown>) | undefined;
  readonly requestId: string | undefined;

  constructor(init: {
    status: number;
    code: ErrorCode | ClientErrorCode;
    message: string;
    details?: ApiError['details'];
    requestId?: string;
  }) {
    super(init.message);
    this.status = init.status;
    this.code = init.code;
    this.details = init.details;
    this.requestId = init.requestId;
  }

  /** Field issues of a 422 (`details.issues`), [] otherwise. */
  get issues(): ValidationIssue[] {
    return this.details?.issues ?? [];
  }
}

export function isApiError(e: unknown): e is ApiError {
  return e instanceof ApiError;
}

/** An AbortSignal fired: the caller gave up, nothing to show. */
export function isAbort(e: unknown): boolean {
  return (e instanceof DOMException || e instanceof Error) && e.name === 'AbortError';
}

/** The account as sign-in and password change return it. */
export interface SignedInAccount {
  id: string;
  email: string;
  name: string;
  locale: Locale;
  kind: 'customer' | 'agent';
}

export interface SignInInput {
  email: string;
  password: string;
}

export interface SignInResult {
  account: SignedInAccount;
  mustChangePassword: boolean;
}

export interface PasswordChangeInput {
  oldPassword: string;
  newPassword: string;
}

export interface PolicyResult {
  passwordPolicy: PasswordPolicy;
}

export interface MeUpdateInput {
  locale?: Locale;
  notifyEmail?: boolean;
}

/** The caller as `GET /api/me` describes it (server/domain/me.ts). */
export type Me = MeDto;

export interface AuthApi {
  /** POST /api/auth/sign-in. Wrong credentials: 401 `unauthenticated`; throttled: 429 with `details.retryAfterSeconds`. */
  signIn(input: SignInInput, options?: RequestOptions): Promise<SignInResult>;
  /** POST /api/auth/sign-out. Harmless without a session. */
  signOut(options?: RequestOptions): Promise<void>;
  /** POST /api/auth/password. Rule failures: 422 with `details.issues[{path, rule, message}]`. */
  changePassword(input: PasswordChangeInput, options?: RequestOptions): Promise<SignInResult>;
  /** GET /api/auth/policy: the password rules the forms show. */
  policy(options?: RequestOptions): Promise<PolicyResult>;
  /** POST /api/auth/exchange: a host-signed JWT for a bearer session (issue 7; the route may not exist yet). */
  exchange(input: { token: string }, options?: RequestOptions): Promise<SignInResult>;
}

export interface MeApi {
  /** GET /api/me */
  get(options?: RequestOptions): Promise<Me>;
  /** PATCH /api/me: the caller's own settings */
  update(input: MeUpdateInput, options?: RequestOptions): Promise<Me>;
}

/**
 * What the client noticed about the session on any call: `lost` on a 401 from a call that needs
 * a session, `password-change-required` on a 403 with that code.
 */
export type SessionChange =
  | { kind: 'lost'; error: ApiError }
  | { kind: 'password-change-required'; error: ApiError };

export interface Api extends ResourceApis {
  readonly auth: AuthApi;
  readonly me: MeApi;
  /** how this client authenticates: the session cookie or a bearer token it holds */
  readonly mode: 'cookie' | 'bearer';
  /** True when a bearer client holds a token (cookie clients cannot know: always true). */
  readonly mayHaveSession: boolean;
  /** Subscribes to session changes noticed on any call; returns the unsubscribe function. */
  onSessionChange(listener: (change: SessionChange) => void): () => void;
}

/** Small helper both implementations use to fan session changes out. */
export class SessionChangeNotifier {
  #listeners = new Set<(change: SessionChange) => void>();

  subscribe(listener: (change: SessionChange) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Tells listeners when `error` means the session is gone or must change its password. */
  inspect(error: ApiError, needsSession: boolean): void {
    let change: SessionChange | null = null;
    if (needsSession && error.status === 401) change = { kind: 'lost', error };
    else if (error.code === 'password_change_required') change = { kind: 'password-change-required', error };
    if (!change) return;
    for (const l of [...this.#listeners]) {
      try {
        l(change);
      } catch (e) {
        console.error(e);
      }
    }
  }
}
