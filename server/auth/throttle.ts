import type { Deps } from '../deps.js';

/**
 * Slows down password guessing (R-AUTH-2) per e-mail and per client address. After the
 * threshold each further failure doubles the wait, up to a maximum: never a permanent
 * lock-out. E-mails that match no account are counted like real ones, so the throttle's
 * answers cannot tell which accounts exist.
 */
export function accountKey(email: string) {
  return 'acct:' + email.trim().toLowerCase().normalize('NFC');
}
export function clientKey(address: string) {
  return 'ip:' + address;
}

/** Milliseconds until the key may try again, 0 if it may now. */
export async function throttleWait(deps: Deps, key: string): Promise<number> {
  const row = await deps.db.selectFrom('auth_throttle').selectAll().where('key', '=', key).executeTakeFirst();
  if (!row?.blocked_until) return 0;
  const wait = new Date(row.blocked_until).getTime() - deps.clock.now().getTime();
  return wait > 0 ? wait : 0;
}

export async function recordFailure(deps: Deps, key: string, threshold: number): Promise<void> {
  const { windowMs, baseBlockMs, maxBlockMs } = deps.config.throttle;
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('auth_throttle').selectAll().where('key', '=', key).executeTakeFirst();
    let failures = 1;
    let windowStart = now.toISOString();
    if (row) {
      const fresh = now.getTime() - new Date(row.window_start).getTime() < windowMs;
      const blocked = row.blocked_until && new Date(row.blocked_until).getTime() > now.getTime() - windowMs;
      if (fresh || blocked) {
        failures = row.failures + 1;
        windowStart = row.window_start;
      }
    }
    const over = failures - threshold;
    const blockedUntil =
      over >= 0
        ? new Date(now.getTime() + Math.min(baseBlockMs * 2 ** Math.min(over, 20), maxBlockMs)).toISOString()
        : null;
    await trx
      .insertInto('auth_throttle')
      .values({ key, failures, window_start: windowStart, blocked_until: blockedUntil })
      .onConflict((oc) =>
        oc.column('key').doUpdateSet({ failures, window_start: windowStart, blocked_until: blockedUntil }),
      )
      .execute();
  });
}

export async function clearFailures(deps: Deps, key: string): Promise<void> {
  await deps.db.deleteFrom('auth_throttle').where('key', '=', key).execute();
}

/** Forgets failures that no longer matter (called periodically), so the table stays small. */
export async function pruneThrottle(deps: Deps): Promise<void> {
  const cutoff = new Date(deps.clock.now().getTime() - deps.config.throttle.windowMs).toISOString();
  await deps.db
    .deleteFrom('auth_throttle')
    .where('window_start', '<', cutoff)
    .where((eb) => eb.or([eb('blocked_until', 'is', null), eb('blocked_until', '<', cutoff)]))
    .execute();
}
