import type { Context } from 'hono';
import type { Db } from './db/index.js';
import type { Clock } from './clock.js';
import type { Config } from './config.js';
import type { Logger } from './log.js';
import type { Actor } from './domain/actor.js';

/** What the app needs from the outside world; `main.ts` and `testDeps()` provide it. */
export interface Deps {
  db: Db;
  clock: Clock;
  config: Config;
  logger: Logger;
  /** the client's address for throttling (the socket's, or a trusted proxy's header) */
  clientAddress: (c: Context) => string;
}

export interface SessionInfo {
  id: string;
  mode: 'cookie' | 'bearer';
  mustChangePassword: boolean;
}

export interface AppEnv {
  Variables: {
    deps: Deps;
    requestId: string;
    /** null when the request carries no valid session */
    actor: Actor | null;
    session: SessionInfo | null;
    /** for a request from a registered foreign origin: the partners that registered it */
    originPartners?: string[];
  };
}
