import { hash, verify } from '@node-rs/argon2';

/** @node-rs/argon2's Algorithm.Argon2id (a const enum, which isolated modules cannot read). */
const ARGON2ID = 2;

/**
 * argon2id with OWASP's recommended cost (19 MiB, 2 passes). Tests may pass a cheaper cost;
 * the algorithm stays argon2id.
 */
export interface HashCost {
  memoryCost: number;
  timeCost: number;
  parallelism: number;
}

export const defaultHashCost: HashCost = { memoryCost: 19456, timeCost: 2, parallelism: 1 };

/**
 * Passwords are hashed in Unicode NFC (NIST SP 800-63B 5.1.1.2): "ö" typed as one code point
 * on one system and as "o" + U+0308 on another is the same password.
 */
export function hashPassword(password: string, cost: HashCost = defaultHashCost, salt?: Uint8Array) {
  return hash(password.normalize('NFC'), { algorithm: ARGON2ID, ...cost, ...(salt ? { salt } : {}) });
}

export async function verifyPassword(storedHash: string, password: string): Promise<boolean> {
  try {
    return await verify(storedHash, password.normalize('NFC'));
  } catch {
    return false;
  }
}

let dummyHashes = new Map<string, Promise<string>>();

/**
 * A hash to verify against when the e-mail matches no account, so a wrong e-mail costs the
 * same time as a wrong password (no account enumeration by timing).
 */
export function dummyHash(cost: HashCost = defaultHashCost): Promise<string> {
  const key = `${cost.memoryCost}/${cost.timeCost}/${cost.parallelism}`;
  let h = dummyHashes.get(key);
  if (!h) {
    h = hashPassword('not-a-real-password-' + Math.random(), cost);
    dummyHashes.set(key, h);
  }
  return h;
}

/** A random initial password that meets every rule (upper, lower, digit, special). */
export function generateInitialPassword(): string {
  const upper = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
  const lower = 'abcdefghijkmnopqrstuvwxyz';
  const digits = '23456789';
  const special = '!#%+-=?@';
  const pick = (set: string) => {
    const b = new Uint32Array(1);
    crypto.getRandomValues(b);
    return set[b[0]! % set.length]!;
  };
  const parts = [
    ...Array.from({ length: 4 }, () => pick(upper)),
    ...Array.from({ length: 6 }, () => pick(lower)),
    ...Array.from({ length: 3 }, () => pick(digits)),
    pick(special),
  ];
  // shuffle (Fisher–Yates with crypto randomness)
  for (let i = parts.length - 1; i > 0; i--) {
    const b = new Uint32Array(1);
    crypto.getRandomValues(b);
    const j = b[0]! % (i + 1);
    [parts[i], parts[j]] = [parts[j]!, parts[i]!];
  }
  return parts.join('');
}

export function resetDummyHashes() {
  dummyHashes = new Map();
}
