import type { Deps } from '../deps.js';
import { addKey, addOrigin } from '../domain/partners.js';

/**
 * The demo intranet's registration with the portal (issue 7), made idempotently at every start
 * of a demo installation (the intranet's port is only known then, so it is not in the seed):
 * Nordwind registers the intranet's origin and an HS256 key. The secret is generated once and
 * read back from the key on later starts, so a restart keeps working with the same database.
 */
export const DEMO_PARTNER = 'Nordwind Logistik GmbH';
export const DEMO_ISSUER = 'https://intranet.nordwind.example/demo';
export const DEMO_AUDIENCE = 'helpdesk-portal';

export interface IntranetUser {
  email: string;
  name: string;
  /** the permission group in the portal, shown as a hint on the demo login */
  role: 'viewer' | 'editor' | 'dispatcher';
}

export interface DemoRegistration {
  partnerId: string;
  origin: string;
  issuer: string;
  audience: string;
  secret: string;
  users: IntranetUser[];
}

/** Registers `origin` and the demo key for Nordwind; null when the database has no Nordwind. */
export async function ensureDemoIntranet(deps: Deps, origin: string): Promise<DemoRegistration | null> {
  const { db } = deps;
  const partner = await db.selectFrom('business_partner').select('id').where('name', '=', DEMO_PARTNER).executeTakeFirst();
  if (!partner) return null;
  const now = deps.clock.now();
  const registered = await addOrigin(db, partner.id, origin, now);

  const existing = await db
    .selectFrom('partner_key')
    .select(['key_material'])
    .where('business_partner_id', '=', partner.id)
    .where('issuer', '=', DEMO_ISSUER)
    .where('audience', '=', DEMO_AUDIENCE)
    .where('alg', '=', 'HS256')
    .where('revoked_at', 'is', null)
    .orderBy('created_at', 'desc')
    .executeTakeFirst();
  let secret = existing?.key_material;
  if (!secret) {
    const made = await addKey(db, partner.id, { alg: 'HS256', issuer: DEMO_ISSUER, audience: DEMO_AUDIENCE }, now);
    if (!made.secret) throw new Error('the demo key got no generated secret');
    secret = made.secret;
  }

  const rows = await db
    .selectFrom('account')
    .innerJoin('membership', 'membership.account_id', 'account.id')
    .select(['account.email', 'account.name', 'membership.role'])
    .where('membership.business_partner_id', '=', partner.id)
    .where('account.kind', '=', 'customer')
    .where('account.disabled_at', 'is', null)
    .orderBy('account.name')
    .execute();
  return {
    partnerId: partner.id,
    origin: registered,
    issuer: DEMO_ISSUER,
    audience: DEMO_AUDIENCE,
    secret,
    users: rows.map((r) => ({ email: r.email, name: r.name, role: r.role })),
  };
}
