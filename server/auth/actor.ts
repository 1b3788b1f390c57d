import type { Db } from '../db/index.js';
import type { Account } from '../db/schema.js';
import type { Actor } from '../domain/actor.js';
import type { MembershipRow } from './sessions.js';

/** The caller as the domain sees it: the account plus its memberships and their rights. */
export async function loadActor(db: Db, account: Account): Promise<Actor> {
  const memberships =
    account.kind === 'customer'
      ? await db
          .selectFrom('membership')
          .innerJoin('business_partner', 'business_partner.id', 'membership.business_partner_id')
          .select([
            'membership.business_partner_id',
            'business_partner.name',
            'membership.role',
            'membership.can_write',
            'membership.can_release',
          ])
          .where('membership.account_id', '=', account.id)
          .orderBy('business_partner.name')
          .execute()
      : [];
  return actorOf(account, memberships);
}

/** The actor from its account and memberships (ordered by partner name), as `loadActor` reads them. */
export function actorOf(account: Account, memberships: readonly MembershipRow[]): Actor {
  return {
    accountId: account.id,
    kind: account.kind,
    systemPartnerId: account.system_partner_id,
    email: account.email,
    name: account.name,
    locale: account.locale,
    memberships: memberships.map((m) => ({
      businessPartnerId: m.business_partner_id,
      businessPartnerName: m.name,
      role: m.role,
      canWrite: m.can_write === 1,
      canRelease: m.can_release === 1,
    })),
  };
}
