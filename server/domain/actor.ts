import type { AccountKind, Locale, Role } from '../db/schema.js';

/** What a customer account may do in one business partner. Roles give the defaults. */
export interface MembershipRights {
  businessPartnerId: string;
  businessPartnerName: string;
  role: Role;
  /** create tickets, write positions, close, reopen, upload */
  canWrite: boolean;
  /** release or reject tickets awaiting release */
  canRelease: boolean;
}

/** The authenticated caller, as every domain function receives it. */
export interface Actor {
  accountId: string;
  kind: AccountKind;
  systemPartnerId: string;
  email: string;
  name: string;
  locale: Locale;
  memberships: readonly MembershipRights[];
}

/** Default rights of the named roles (membership rows may differ: rights are independent). */
export const roleDefaults: Record<Role, { canWrite: boolean; canRelease: boolean }> = {
  viewer: { canWrite: false, canRelease: false },
  editor: { canWrite: true, canRelease: false },
  dispatcher: { canWrite: true, canRelease: true },
};
