/**
 * An in-memory `Api` for Storybook and widget tests. It behaves like the server where widgets
 * can tell (same status codes, error codes, `details`, throttling and password rules), and has
 * knobs the stories drive: latency, forced failures, a starting session, a starting throttle.
 *
 * The contract test (test/server/api-contract.test.ts) runs the same cases against this fake and
 * the real server, so the two cannot drift apart unnoticed.
 */
// The fake is what stories and tests load; they also build the real client next to it (the
// contract tests compare the two), so the real client comes with every resource registered here.
// Widgets never import this module (nor api-http-all.ts): their define.ts imports the resources
// they call (issue 7).
import './api-http-all.js';
import { errorStatus, type ErrorCode, type ValidationIssue } from '../../server/schemas/errors.js';
import { defaultMaxFileBytes, maxAttachmentsPerSubmission } from '../../server/schemas/uploads.js';
import {
  checkPasswordRules,
  passwordRuleMessages,
  defaultPasswordPolicy,
  type PasswordPolicy,
  type PasswordRule,
} from '../../server/schemas/password-rules.js';
import { currentLocale } from './localization.js';
import { roleDefaults } from '../../server/domain/actor.js';
import type { Actor } from '../../server/domain/actor.js';
import { createWorld, type FakeWorld } from './fake/world.js';
import { createFakeResources, fakeDashboard, type FakeCore, type FakeResourceMethod } from './fake/resources.js';
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
  type ClientErrorCode,
  type Locale,
  type Me,
  type MeApi,
  type RequestOptions,
  type SessionChange,
  type SignInResult,
} from './api.js';

export type FakeRole = 'viewer' | 'editor' | 'dispatcher';

export interface FakeAccount {
  id: string;
  email: string;
  name: string;
  password: string;
  locale?: Locale;
  kind?: 'customer' | 'agent';
  mustChangePassword?: boolean;
  notifyEmail?: boolean;
  partners?: { id: string; name: string; role: FakeRole; canWrite?: boolean; canRelease?: boolean }[];
  /** a KB article is shared with one of its partners (R-KB-1) */
  knowledgeBase?: boolean;
  /** member of at least one plan board (R-PLAN-1) */
  planBoards?: boolean;
  awaitingMyRelease?: number;
  mySubmittedAwaiting?: number;
}

export type FakeMethod =
  | 'auth.signIn'
  | 'auth.signOut'
  | 'auth.changePassword'
  | 'auth.policy'
  | 'auth.exchange'
  | 'me.get'
  | 'me.update'
  | 'dashboard.get'
  | FakeResourceMethod;

export interface FakeApiOptions {
  /** default: `demoAccounts` (DESIGN.md's demo data contract) */
  accounts?: FakeAccount[];
  /** start with a session of this e-mail (stories: "signed in") */
  signedInAs?: string | null;
  /** delay of every call, in milliseconds */
  latencyMs?: number;
  /** force a method to fail with an error code (or a ready ApiError) */
  failures?: Partial<Record<FakeMethod, ErrorCode | ClientErrorCode | ApiError>>;
  passwordPolicy?: PasswordPolicy;
  /** like the server's config.throttle: failures per e-mail before a wait, first wait, cap */
  throttle?: { threshold: number; baseBlockSeconds: number; maxBlockSeconds: number };
  /** start with every sign-in throttled for this many seconds (stories: "throttled") */
  throttledForSeconds?: number;
  mode?: 'cookie' | 'bearer';
  /** the clock, in epoch milliseconds */
  now?: () => number;
  /** the tickets, articles and boards behind the resource calls (default: `createWorld()`) */
  world?: FakeWorld;
  /** per-file upload limit in bytes (default 10 MB, like the server) */
  maxFileBytes?: number;
}

export const demoPassword = 'Portal-Demo-2026!';
export const demoInitialPassword = 'Start-2026!';

const nordwind = { id: 'bp-nordwind', name: 'Nordwind Logistik GmbH' };
const mueller = { id: 'bp-mueller', name: 'Müller & Söhne (Ost) GmbH' };
const blue = { id: 'bp-blueharbor', name: 'Blue Harbor Ltd' };

/** The accounts of DESIGN.md's demo data contract. */
export const demoAccounts: readonly FakeAccount[] = [
  {
    id: 'acc-anna', email: 'anna.viewer@nordwind.example', name: 'Anna Schneider', password: demoPassword,
    partners: [{ ...nordwind, role: 'viewer' }],
  },
  {
    id: 'acc-erik', email: 'erik.editor@nordwind.example', name: 'Erik Brandt', password: demoPassword,
    partners: [{ ...nordwind, role: 'editor' }],
  },
  {
    id: 'acc-dora', email: 'dora.dispatcher@nordwind.example', name: 'Dora Wagner', password: demoPassword,
    partners: [{ ...nordwind, role: 'dispatcher' }],
  },
  {
    id: 'acc-max', email: 'max.multi@mueller-soehne.example', name: 'Max Ostermann', password: demoPassword,
    partners: [{ ...mueller, role: 'editor' }, { ...blue, role: 'dispatcher' }],
  },
  {
    id: 'acc-bob', email: 'bob.editor@blueharbor.example', name: 'Bob Carter', password: demoPassword, locale: 'en',
    partners: [{ ...blue, role: 'editor' }],
  },
  {
    id: 'acc-neu', email: 'neu.kunde@nordwind.example', name: 'Lena Neumann', password: demoInitialPassword,
    mustChangePassword: true, partners: [{ ...nordwind, role: 'editor' }],
  },
  {
    id: 'acc-alex', email: 'alex.agent@servicedesk.example', name: 'Alex Hoffmann', password: demoPassword, kind: 'agent',
  },
];


/** A small stand-in for the server's common-password list (server/domain/password-policy.ts). */
const commonWords = new Set([
  'password', 'passwort', 'kennwort', 'geheim', 'secret', 'welcome', 'willkommen', 'hallo', 'hello',
  'test', 'start', 'login', 'admin', 'qwerty', 'qwertz', 'letmein', 'changeme', 'sommer', 'summer',
  'winter', 'service', 'servicedesk', 'helpdesk', 'support', 'portal',
]);

function isCommon(password: string): boolean {
  const letters = password.toLowerCase().normalize('NFC').replace(/[^\p{L}]+/gu, '');
  return letters.length === 0 || commonWords.has(letters) || /^(.)\1+$/u.test(letters);
}

const genericMessages: Partial<Record<ErrorCode | ClientErrorCode, string>> = {
  unauthenticated: 'Sign in to continue',
  password_change_required: 'Set a new password before you continue',
  forbidden: 'You are not allowed to do this',
  not_found: 'Not found',
  rate_limited: 'Too many requests. Try again later.',
  validation_failed: 'The request has invalid fields',
  internal: 'Something went wrong on our side. Please try again; if it keeps happening, tell us the request id.',
  network: 'The server could not be reached',
};

let requestCounter = 0;

/** A fresh copy: widgets must never share (or mutate) the fake's state. */
const copy = <T>(value: T): T => structuredClone(value);

export class FakeApi implements Api {
  readonly mode: 'cookie' | 'bearer';
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
  /** the fake's data (tests may look at it or change it) */
  readonly world: FakeWorld;

  /** delay of every call in ms (stories change it live) */
  latencyMs: number;
  /** forced failures per method (stories change them live) */
  failures: Partial<Record<FakeMethod, ErrorCode | ClientErrorCode | ApiError>>;
  passwordPolicy: PasswordPolicy;

  readonly #accounts = new Map<string, FakeAccount>();
  readonly #throttle: NonNullable<FakeApiOptions['throttle']>;
  readonly #failuresByEmail = new Map<string, { failures: number; blockedUntil: number }>();
  readonly #now: () => number;
  readonly #notifier = new SessionChangeNotifier();
  /** the per-file upload limit the fake enforces and reports in me().limits */
  readonly #maxFileBytes: number;
  #sessionAccountId: string | null = null;
  #globalBlockUntil = 0;
  /** every call in order, for tests that assert what a widget asked for */
  readonly calls: { method: FakeMethod; input?: unknown }[] = [];

  constructor(options: FakeApiOptions = {}) {
    this.mode = options.mode ?? 'cookie';
    this.latencyMs = options.latencyMs ?? 0;
    this.failures = { ...options.failures };
    this.passwordPolicy = options.passwordPolicy ?? defaultPasswordPolicy;
    this.#throttle = options.throttle ?? { threshold: 5, baseBlockSeconds: 30, maxBlockSeconds: 900 };
    this.#now = options.now ?? (() => Date.now());
    this.world = options.world ?? createWorld(this.#now());
    for (const a of options.accounts ?? demoAccounts) this.#accounts.set(a.id, copy(a));
    if (options.signedInAs) {
      const a = this.#byEmail(options.signedInAs);
      if (!a) throw new Error(`FakeApi: no account ${options.signedInAs}`);
      this.#sessionAccountId = a.id;
    }
    if (options.throttledForSeconds) this.#globalBlockUntil = this.#now() + options.throttledForSeconds * 1000;

    this.auth = {
      signIn: (input, o) =>
        this.#call('auth.signIn', input, o, false, () => {
          const key = input.email.trim().toLowerCase().normalize('NFC');
          const wait = this.#wait(key);
          if (wait > 0) throw this.#throttled(wait);
          const account = this.#byEmail(key);
          if (!account || account.password !== input.password) {
            this.#recordFailure(key);
            throw this.#error('unauthenticated', 'The e-mail address or the password is wrong.');
          }
          this.#failuresByEmail.delete(key);
          this.#sessionAccountId = account.id;
          this.#viaHost = false;
          return this.#signInResult(account);
        }),
      signOut: (o) =>
        this.#call('auth.signOut', undefined, o, false, () => {
          this.#sessionAccountId = null;
        }),
      changePassword: (input, o) =>
        this.#call('auth.changePassword', { oldPassword: '…', newPassword: '…' }, o, true, () => {
          const account = this.#session(true);
          const key = account.email;
          const wait = this.#wait(key);
          if (wait > 0) throw this.#throttled(wait);
          if (input.oldPassword !== account.password) {
            this.#recordFailure(key);
            throw this.#invalid([
              { path: 'oldPassword', message: 'The current password is not correct', rule: 'old_password' },
            ]);
          }
          const failed = checkPasswordRules(input.newPassword, this.passwordPolicy, {
            email: account.email,
            oldPassword: input.oldPassword,
          })
            .filter((r) => !r.ok)
            .map((r) => r.rule);
          if (isCommon(input.newPassword)) failed.push('not_common');
          if (failed.length > 0) {
            throw this.#invalid(
              failed.map((rule) => ({
                path: 'newPassword',
                rule,
                message: `Password ${passwordRuleMessages[rule](this.passwordPolicy)}`,
              })),
              'The new password does not meet the password rules',
            );
          }
          this.#failuresByEmail.delete(key);
          account.password = input.newPassword;
          account.mustChangePassword = false;
          return this.#signInResult(account);
        }),
      policy: (o) => this.#call('auth.policy', undefined, o, false, () => ({ passwordPolicy: copy(this.passwordPolicy) })),
      exchange: (input, o) =>
        this.#call('auth.exchange', input, o, false, () => {
          // Fake host tokens read `fake-host-token:<e-mail>`.
          const m = /^fake-host-token:(.+)$/.exec(input.token);
          const account = m ? this.#byEmail(m[1]!) : undefined;
          if (!account || account.kind === 'agent') throw this.#error('unauthenticated', 'The host token is not valid');
          this.#sessionAccountId = account.id;
          // like the server: the intranet signed the user in, no portal password to change
          this.#viaHost = true;
          return { ...this.#signInResult(account), mustChangePassword: false };
        }),
    };

    this.me = {
      get: (o) => this.#call('me.get', undefined, o, true, () => this.#describe(this.#session())),
      update: (input, o) =>
        this.#call('me.update', input, o, true, () => {
          const account = this.#session();
          const issues: ValidationIssue[] = Object.keys(input)
            .filter((k) => k !== 'locale' && k !== 'notifyEmail')
            .map((k) => ({ path: '', message: `Unrecognized key: "${k}"` }));
          if (input.locale !== undefined && input.locale !== 'de' && input.locale !== 'en') {
            issues.push({ path: 'locale', message: 'Invalid option: expected one of "de"|"en"' });
          }
          if (input.notifyEmail !== undefined && typeof input.notifyEmail !== 'boolean') {
            issues.push({ path: 'notifyEmail', message: 'Invalid input: expected boolean' });
          }
          if (issues.length > 0) throw this.#invalid(issues);
          if (input.locale !== undefined) account.locale = input.locale;
          if (input.notifyEmail !== undefined) account.notifyEmail = input.notifyEmail;
          return this.#describe(account);
        }),
    };

    const core: FakeCore = {
      world: this.world,
      call: (method, input, o, run) => this.#call(method, input, o, true, run),
      actor: () => this.#actor(this.#session()),
      locale: () => currentLocale(),
      error: (code, message, details) => this.#error(code, message, details),
      invalid: (issues, message) => this.#invalid(issues, message),
      now: () => this.#now(),
      maxFileBytes: options.maxFileBytes ?? defaultMaxFileBytes,
    };
    this.#maxFileBytes = core.maxFileBytes;
    const resources = createFakeResources(core);
    this.tickets = resources.tickets;
    this.uploads = resources.uploads;
    this.attachments = resources.attachments;
    this.lookups = resources.lookups;
    this.queries = resources.queries;
    this.prefs = resources.prefs;
    this.kb = resources.kb;
    this.plan = resources.plan;
    this.dashboard = {
      get: (input, o) =>
        this.#call('dashboard.get', input, o, true, () => {
          const me = this.#describe(this.#session());
          return fakeDashboard(core, input?.scope ?? 'mine', { account: me.account, counts: me.counts, capabilities: me.capabilities });
        }),
    };
  }

  /** the session came from a host token (`auth.exchange`): no forced password change */
  #viaHost = false;

  get mayHaveSession(): boolean {
    return this.mode === 'cookie' || this.#sessionAccountId !== null;
  }

  /** Whether the fake currently holds a session (tests). */
  get signedIn(): boolean {
    return this.#sessionAccountId !== null;
  }

  onSessionChange(listener: (change: SessionChange) => void): () => void {
    return this.#notifier.subscribe(listener);
  }

  /** Ends the session as if it expired on the server (tests: the next call answers 401). */
  expireSession(): void {
    this.#sessionAccountId = null;
  }

  async #call<T>(
    method: FakeMethod,
    input: unknown,
    options: RequestOptions | undefined,
    needsSession: boolean,
    run: () => T | Promise<T>,
  ): Promise<T> {
    this.calls.push(input === undefined ? { method } : { method, input: copy(input) });
    await delay(this.latencyMs, options?.signal);
    options?.signal?.throwIfAborted();
    try {
      const forced = this.failures[method];
      if (forced) throw forced instanceof ApiError ? forced : this.#error(forced, genericMessages[forced] ?? forced);
      if (needsSession && method !== 'auth.changePassword') this.#session();
      return copy(await run());
    } catch (e) {
      if (e instanceof ApiError) this.#notifier.inspect(e, needsSession);
      throw e;
    }
  }

  /** The session's account; 401 without one, 403 while it must change its password. */
  #session(allowPasswordChange = false): FakeAccount {
    const account = this.#sessionAccountId ? this.#accounts.get(this.#sessionAccountId) : undefined;
    if (!account) throw this.#error('unauthenticated', 'Sign in to continue');
    if (account.mustChangePassword && !allowPasswordChange && !this.#viaHost) {
      throw this.#error('password_change_required', 'Set a new password before you continue');
    }
    return account;
  }

  #byEmail(email: string): FakeAccount | undefined {
    const key = email.trim().toLowerCase().normalize('NFC');
    for (const a of this.#accounts.values()) if (a.email.toLowerCase() === key) return a;
    return undefined;
  }

  #wait(key: string): number {
    const entry = this.#failuresByEmail.get(key);
    const until = Math.max(entry?.blockedUntil ?? 0, this.#globalBlockUntil);
    return Math.max(0, until - this.#now());
  }

  #recordFailure(key: string) {
    const { threshold, baseBlockSeconds, maxBlockSeconds } = this.#throttle;
    const failures = (this.#failuresByEmail.get(key)?.failures ?? 0) + 1;
    const over = failures - threshold;
    const blockedUntil =
      over >= 0 ? this.#now() + Math.min(baseBlockSeconds * 2 ** Math.min(over, 20), maxBlockSeconds) * 1000 : 0;
    this.#failuresByEmail.set(key, { failures, blockedUntil });
  }

  #throttled(waitMs: number): ApiError {
    const seconds = Math.max(1, Math.ceil(waitMs / 1000));
    return this.#error('rate_limited', `Too many failed sign-in attempts. Try again in ${seconds} seconds.`, {
      retryAfterSeconds: seconds,
    });
  }

  #invalid(issues: ValidationIssue[], message = 'The request has invalid fields'): ApiError {
    return this.#error('validation_failed', message, { issues });
  }

  #error(code: ErrorCode | ClientErrorCode, message: string, details?: ApiError['details']): ApiError {
    return new ApiError({
      status: code === 'network' ? 0 : errorStatus[code],
      code,
      message,
      ...(details ? { details } : {}),
      ...(code === 'network' ? {} : { requestId: `fake-${++requestCounter}` }),
    });
  }

  #signInResult(a: FakeAccount): SignInResult {
    return {
      account: { id: a.id, email: a.email, name: a.name, locale: a.locale ?? 'de', kind: a.kind ?? 'customer' },
      mustChangePassword: !!a.mustChangePassword,
    };
  }

  /** The account as the access policy sees it. */
  #actor(a: FakeAccount): Actor {
    const customer = (a.kind ?? 'customer') === 'customer';
    return {
      accountId: a.id,
      kind: customer ? 'customer' : 'agent',
      systemPartnerId: this.world.systemPartnerId,
      email: a.email,
      name: a.name,
      locale: a.locale ?? 'de',
      memberships: (customer ? a.partners ?? [] : []).map((p) => ({
        businessPartnerId: p.id,
        businessPartnerName: p.name,
        role: p.role,
        canWrite: p.canWrite ?? roleDefaults[p.role].canWrite,
        canRelease: p.canRelease ?? roleDefaults[p.role].canRelease,
      })),
    };
  }

  /**
   * GET /api/me. Knowledge base, plan boards and the release counts come from the world (so they
   * change when a story releases a ticket); an account may pin them with explicit values.
   */
  #describe(a: FakeAccount): Me {
    const actor = this.#actor(a);
    const customer = actor.kind === 'customer';
    const partners = actor.memberships.map((m) => ({
      id: m.businessPartnerId,
      name: m.businessPartnerName,
      role: m.role,
      canWrite: m.canWrite,
      canRelease: m.canRelease,
    }));
    const mine = partners.map((p) => p.id);
    const releasers = partners.filter((p) => p.canRelease).map((p) => p.id);
    const release = releasers.length > 0;
    const w = this.world;
    const awaitingMyRelease = release
      ? a.awaitingMyRelease ?? w.tickets.filter((t) => t.status === 'awaiting_release' && releasers.includes(t.businessPartnerId)).length
      : 0;
    const mySubmittedAwaiting =
      partners.length > 0
        ? a.mySubmittedAwaiting ?? w.tickets.filter((t) => t.status === 'awaiting_release' && t.authorId === a.id && mine.includes(t.businessPartnerId)).length
        : 0;
    const knowledgeBase = partners.length > 0 && (a.knowledgeBase ?? w.kbShares.some((s) => mine.includes(s.businessPartnerId)));
    const planBoards = a.planBoards ?? w.members.some((m) => m.accountId === a.id);
    return {
      account: {
        id: a.id,
        email: a.email,
        name: a.name,
        locale: a.locale ?? 'de',
        kind: a.kind ?? 'customer',
        notifyEmail: a.notifyEmail ?? true,
      },
      partners,
      capabilities: {
        createTickets: partners.some((p) => p.canWrite),
        release,
        knowledgeBase,
        planBoards,
        agent: !customer,
      },
      counts: {
        pendingReleases: release ? awaitingMyRelease : mySubmittedAwaiting,
        awaitingMyRelease,
        mySubmittedAwaiting,
      },
      limits: { uploadMaxFileBytes: this.#maxFileBytes, attachmentsPerSubmission: maxAttachmentsPerSubmission },
    };
  }

}

function delay(ms: number, signal?: AbortSignal): Promise<void> {
  if (ms <= 0) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason ?? new DOMException('Aborted', 'AbortError'));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
