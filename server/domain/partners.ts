import { createPublicKey, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { ApiError, invalid, notFound } from '../http/errors.js';
import { canonicalOrigin } from '../http/cors.js';
import { newId } from '../ids.js';

/**
 * The embedding registry of a business partner: the origins its intranet pages run on, and
 * the keys its intranet signs host tokens with. Used by the CLI and the agent API.
 */
type Db = Kysely<Database>;

export async function requirePartner(db: Db, systemPartnerId: string | null, ref: string) {
  let q = db.selectFrom('business_partner').selectAll().where((eb) => eb.or([eb('id', '=', ref), eb('name', '=', ref)]));
  if (systemPartnerId) q = q.where('system_partner_id', '=', systemPartnerId);
  const p = await q.executeTakeFirst();
  if (!p) throw notFound('Business partner');
  return p;
}

export async function listOrigins(db: Db, partnerId: string): Promise<string[]> {
  const rows = await db.selectFrom('partner_origin').select('origin').where('business_partner_id', '=', partnerId).orderBy('origin').execute();
  return rows.map((r) => r.origin);
}

/** Exact origins only: `https://intranet.example.com[:port]`, no paths, no wildcards. */
export function parseOrigins(values: string[]): string[] {
  const issues = values
    .map((v, i) => ({ v, i, c: canonicalOrigin(v.trim()) }))
    .filter(({ v, c }) => !c || c !== v.trim().replace(/\/$/, ''))
    .map(({ i }) => ({ path: `origins.${i}`, message: 'Use an exact origin such as https://intranet.example.com (scheme, host and port only)' }));
  if (issues.length) throw invalid(issues);
  return [...new Set(values.map((v) => canonicalOrigin(v.trim())!))];
}

export async function setOrigins(db: Db, partnerId: string, origins: string[], now: Date): Promise<string[]> {
  const list = parseOrigins(origins);
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('partner_origin').where('business_partner_id', '=', partnerId).execute();
    if (list.length) {
      await trx
        .insertInto('partner_origin')
        .values(list.map((origin) => ({ business_partner_id: partnerId, origin, created_at: now.toISOString() })))
        .execute();
    }
  });
  return list;
}

export async function addOrigin(db: Db, partnerId: string, origin: string, now: Date): Promise<string> {
  const [o] = parseOrigins([origin]);
  await db
    .insertInto('partner_origin')
    .values({ business_partner_id: partnerId, origin: o!, created_at: now.toISOString() })
    .onConflict((oc) => oc.doNothing())
    .execute();
  return o!;
}

export async function removeOrigin(db: Db, partnerId: string, origin: string): Promise<void> {
  const res = await db.deleteFrom('partner_origin').where('business_partner_id', '=', partnerId).where('origin', '=', origin.trim().replace(/\/$/, '')).executeTakeFirst();
  if (Number(res.numDeletedRows) === 0) throw notFound('Origin');
}

export interface KeyInput {
  alg: 'HS256' | 'EdDSA' | 'RS256';
  issuer: string;
  audience: string;
  /** HS256: the shared secret (generated when missing); EdDSA/RS256: the public key, PEM or JWK */
  key?: string | undefined;
}

export async function listKeys(db: Db, partnerId: string) {
  const rows = await db
    .selectFrom('partner_key')
    .select(['id', 'alg', 'issuer', 'audience', 'created_at', 'revoked_at'])
    .where('business_partner_id', '=', partnerId)
    .orderBy('created_at')
    .execute();
  return rows.map((r) => ({ id: r.id, alg: r.alg, issuer: r.issuer, audience: r.audience, createdAt: r.created_at, revokedAt: r.revoked_at }));
}

/** Registers a key; for a generated HS256 secret the secret is returned this once. */
export async function addKey(db: Db, partnerId: string, input: KeyInput, now: Date) {
  let material = input.key?.trim() ?? '';
  let generated: string | undefined;
  if (input.alg === 'HS256') {
    if (!material) {
      generated = randomBytes(32).toString('base64url');
      material = generated;
    }
    if (Buffer.byteLength(material) < 32) throw invalid([{ path: 'key', message: 'An HS256 secret needs at least 32 bytes' }]);
  } else {
    if (!material) throw invalid([{ path: 'key', message: 'Give the public key (PEM or JWK)' }]);
    try {
      const k = material.startsWith('{') ? createPublicKey({ key: JSON.parse(material), format: 'jwk' }) : createPublicKey(material);
      const type = k.asymmetricKeyType;
      if (input.alg === 'EdDSA' && type !== 'ed25519') throw new Error('not Ed25519');
      if (input.alg === 'RS256' && (type !== 'rsa' || (k.asymmetricKeyDetails?.modulusLength ?? 0) < 2048)) throw new Error('not RSA ≥ 2048');
    } catch {
      throw invalid([{ path: 'key', message: `Not a valid public key for ${input.alg}` }]);
    }
  }
  if (!input.issuer.trim() || !input.audience.trim()) throw invalid([{ path: 'issuer', message: 'Issuer and audience are required' }]);
  const clash = await db.selectFrom('partner_key').select('id').where('issuer', '=', input.issuer.trim()).where('business_partner_id', '!=', partnerId).executeTakeFirst();
  if (clash) throw new ApiError('conflict', 'Another business partner already uses this issuer');
  const id = newId();
  await db
    .insertInto('partner_key')
    .values({ id, business_partner_id: partnerId, alg: input.alg, key_material: material, issuer: input.issuer.trim(), audience: input.audience.trim(), created_at: now.toISOString(), revoked_at: null })
    .execute();
  return { id, ...(generated ? { secret: generated } : {}) };
}

export async function revokeKey(db: Db, partnerId: string, keyId: string, now: Date): Promise<void> {
  const res = await db
    .updateTable('partner_key')
    .set({ revoked_at: now.toISOString() })
    .where('id', '=', keyId)
    .where('business_partner_id', '=', partnerId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  if (Number(res.numUpdatedRows) === 0) throw notFound('Key');
}
