import type { HashCost } from './auth/passwords.js';
import { defaultHashCost } from './auth/passwords.js';
import { defaultPasswordPolicy, type PasswordPolicy } from './schemas/password-rules.js';
import { DAY, HOUR, MINUTE } from './clock.js';
import { defaultMaxFileBytes } from './schemas/uploads.js';

/** Everything the app can be tuned with. `main.ts` builds it from the environment. */
export interface Config {
  /** the portal's public base URL (links in e-mails); null: derived from each request */
  publicUrl: string | null;
  session: {
    cookieName: string;
    /** a session unused for this long ends (sliding) */
    idleMs: number;
    /** no session lives longer than this */
    absoluteMs: number;
    /** 'auto': Secure except on localhost/127.0.0.1 over http */
    secureCookie: 'auto' | boolean;
  };
  passwordPolicy: PasswordPolicy;
  hashCost: HashCost;
  throttle: {
    /** failures per e-mail before it is slowed down */
    accountThreshold: number;
    /** failures per client address before it is slowed down */
    clientThreshold: number;
    /** failures older than this are forgotten */
    windowMs: number;
    /** first wait once throttled; doubles per further failure up to maxBlockMs */
    baseBlockMs: number;
    maxBlockMs: number;
  };
  invitationTtlMs: number;
  uploads: {
    dir: string;
    maxFileBytes: number;
    maxRequestBytes: number;
    maxFiles: number;
  };
  /** largest JSON body accepted */
  jsonBodyLimit: number;
  /** demo installation: exposes the outbox viewer (demo/mail.html) without sign-in */
  demoMode: boolean;
}

export function defaultConfig(overrides: Partial<Config> = {}): Config {
  return {
    publicUrl: null,
    session: {
      cookieName: 'portal_session',
      idleMs: 8 * HOUR,
      absoluteMs: 7 * DAY,
      secureCookie: 'auto',
    },
    passwordPolicy: defaultPasswordPolicy,
    hashCost: defaultHashCost,
    throttle: {
      accountThreshold: 5,
      clientThreshold: 30,
      windowMs: 15 * MINUTE,
      baseBlockMs: 30_000,
      maxBlockMs: 15 * MINUTE,
    },
    invitationTtlMs: 7 * DAY,
    uploads: {
      dir: 'data/files',
      maxFileBytes: defaultMaxFileBytes,
      maxRequestBytes: 50 * 1024 * 1024,
      maxFiles: 10,
    },
    jsonBodyLimit: 1024 * 1024,
    demoMode: false,
    ...overrides,
  };
}
