import type { Kysely } from 'kysely';
import type { Database, Locale, Role } from '../db/schema.js';
import { newId } from '../ids.js';
import { roleDefaults } from './actor.js';

export interface NewAccountInput {
  systemPartnerId: string;
  kind: 'customer' | 'agent';
  email: string;
  name: string;
  locale?: Locale;
  /** an argon2id hash (see auth/passwords.ts); null: the account cannot sign in yet */
  passwordHash: string | null;
  mustChangePassword?: boolean;
  passwordExpiresAt?: string | null;
  memberships?: { businessPartnerId: string; role: Role; canWrite?: boolean; canRelease?: boolean }[];
  id?: string;
  now: Date;
}

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase().normalize('NFC');
}

/** Inserts an account and its memberships (rights default from the role). */
export async function insertAccount(db: Kysely<Database>, input: NewAccountInput): Promise<string> {
  const id = input.id ?? newId();
  const now = input.now.toISOString();
  await db
    .insertInto('account')
    .values({
      id,
      system_partner_id: input.systemPartnerId,
      kind: input.kind,
      email: normalizeEmail(input.email),
      name: input.name,
      locale: input.locale ?? 'de',
      password_hash: input.passwordHash,
      must_change_password: input.mustChangePassword ? 1 : 0,
      password_expires_at: input.passwordExpiresAt ?? null,
      password_changed_at: input.mustChangePassword ? null : now,
      created_at: now,
      updated_at: now,
    })
    .execute();
  for (const m of input.memberships ?? []) {
    await upsertMembership(db, id, m.businessPartnerId, m.role, input.now, m);
  }
  return id;
}

export async function upsertMembership(
  db: Kysely<Database>,
  accountId: string,
  businessPartnerId: string,
  role: Role,
  now: Date,
  rights: { canWrite?: boolean; canRelease?: boolean } = {},
): Promise<void> {
  const d = roleDefaults[role];
  const can_write = (rights.canWrite ?? d.canWrite) ? 1 : 0;
  const can_release = (rights.canRelease ?? d.canRelease) ? 1 : 0;
  await db
    .insertInto('membership')
    .values({
      account_id: accountId,
      business_partner_id: businessPartnerId,
      role,
      can_write,
      can_release,
      created_at: now.toISOString(),
    })
    .onConflict((oc) => oc.columns(['account_id', 'business_partner_id']).doUpdateSet({ role, can_write, can_release }))
    .execute();
}
