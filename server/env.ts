import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { defaultConfig, type Config } from './config.js';
import { HOUR, MINUTE } from './clock.js';

/** Settings from the environment. Invalid values stop the start with one clear line. */
export interface Settings {
  port: number;
  dbPath: string;
  filesDir: string;
  seed: 'demo' | 'none';
  smtpUrl: string | null;
  mailFrom: string | undefined;
  logLevel: 'debug' | 'info' | 'warn' | 'error';
  trustProxy: boolean;
  /** demo installations: the port of the demo intranet (issue 7); null: no intranet */
  intranetPort: number | null;
  config: Config;
}

export class SettingsError extends Error {}

function int(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw)) throw new SettingsError(`${name} must be a whole number, got "${raw}"`);
  const n = Number(raw);
  if (n < min || n > max) throw new SettingsError(`${name} must be between ${min} and ${max}, got ${n}`);
  return n;
}

export function readSettings(env: NodeJS.ProcessEnv, cwd = process.cwd()): Settings {
  const port = int(env, 'PORT', 8787, 0, 65535);
  const seedRaw = env.PORTAL_SEED ?? 'demo';
  if (seedRaw !== 'demo' && seedRaw !== 'none') throw new SettingsError(`PORTAL_SEED must be "demo" or "none", got "${seedRaw}"`);
  const publicUrl = env.PORTAL_PUBLIC_URL || null;
  if (publicUrl) {
    let u: URL;
    try {
      u = new URL(publicUrl);
    } catch {
      throw new SettingsError(`PORTAL_PUBLIC_URL is not a URL: "${publicUrl}"`);
    }
    if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new SettingsError('PORTAL_PUBLIC_URL must be an http(s) URL');
  }
  const smtpUrl = env.SMTP_URL || null;
  if (smtpUrl && !/^smtps?:\/\//.test(smtpUrl)) throw new SettingsError('SMTP_URL must start with smtp:// or smtps://');
  const logLevel = (env.LOG_LEVEL ?? 'info') as Settings['logLevel'];
  if (!['debug', 'info', 'warn', 'error'].includes(logLevel)) throw new SettingsError('LOG_LEVEL must be debug, info, warn or error');
  const minLength = int(env, 'PORTAL_PASSWORD_MIN_LENGTH', 8, 6, 64);
  const idleMinutes = int(env, 'PORTAL_SESSION_IDLE_MINUTES', 8 * 60, 5, 60 * 24 * 30);
  const absoluteHours = int(env, 'PORTAL_SESSION_ABSOLUTE_HOURS', 7 * 24, 1, 24 * 90);
  if (idleMinutes * MINUTE > absoluteHours * HOUR) throw new SettingsError('PORTAL_SESSION_IDLE_MINUTES must not exceed PORTAL_SESSION_ABSOLUTE_HOURS');
  const dbPath = env.PORTAL_DB === ':memory:' ? ':memory:' : resolve(cwd, env.PORTAL_DB ?? 'data/portal.db');
  // attachments live next to their database unless told otherwise: a second instance on another
  // PORTAL_DB (and its --reset) never touches the first one's files
  const filesDir = env.PORTAL_FILES
    ? resolve(cwd, env.PORTAL_FILES)
    : dbPath === ':memory:'
      ? join(tmpdir(), `helpdesk-portal-memory-${process.pid}`) // a throwaway database never shares a real one's files
      : join(dirname(dbPath), 'files');
  const base = defaultConfig();
  const config = defaultConfig({
    publicUrl,
    session: { ...base.session, idleMs: idleMinutes * MINUTE, absoluteMs: absoluteHours * HOUR },
    passwordPolicy: { ...base.passwordPolicy, minLength },
    uploads: {
      dir: filesDir,
      maxFileBytes: int(env, 'PORTAL_UPLOAD_MAX_FILE_MB', 10, 1, 1024) * 1024 * 1024,
      maxRequestBytes: int(env, 'PORTAL_UPLOAD_MAX_REQUEST_MB', 50, 1, 4096) * 1024 * 1024,
      maxFiles: int(env, 'PORTAL_UPLOAD_MAX_FILES', 10, 1, 100),
    },
    demoMode: seedRaw === 'demo',
  });
  return {
    port,
    dbPath,
    filesDir,
    seed: seedRaw,
    smtpUrl,
    mailFrom: env.MAIL_FROM || undefined,
    logLevel,
    trustProxy: env.PORTAL_TRUST_PROXY === '1' || env.PORTAL_TRUST_PROXY === 'true',
    intranetPort: env.INTRANET_PORT === 'off' || env.INTRANET_PORT === '0' ? null : int(env, 'INTRANET_PORT', 8788, 1, 65535),
    config,
  };
}
