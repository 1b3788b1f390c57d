import type { Deps } from '../deps.js';
import type { Locale, Role } from '../db/schema.js';
import { generateInitialPassword, hashPassword } from '../auth/passwords.js';
import { insertAccount, normalizeEmail, upsertMembership } from './accounts.js';
import { enqueueMail } from '../mail/outbox.js';
import { accessGrantedMail, invitationMail } from '../mail/templates.js';
import { newId } from '../ids.js';
import { audit } from './audit.js';
import { ApiError } from '../http/errors.js';

export interface InviteInput {
  email: string;
  /** the business partner, by id or exact name */
  partner: string;
  role: Role;
  name?: string;
  locale?: Locale;
  invitedBy?: string | null;
  /** base URL of the portal for the link in the e-mail */
  portalUrl: string;
}

export type InviteResult =
  | { kind: 'invited'; accountId: string; outboxId: string }
  | { kind: 'access_granted'; accountId: string; outboxId: string };

const emailShape = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** A readable default name from an e-mail address: "neu.kunde@x" → "Neu Kunde". */
function nameFromEmail(email: string): string {
  return (email.split('@')[0] ?? email)
    .split(/[._-]+/)
    .filter(Boolean)
    .map((w) => w[0]!.toUpperCase() + w.slice(1))
    .join(' ');
}

/**
 * R-AUTH-1: creates the account with a random one-time initial password (valid for
 * `invitationTtlMs`) and puts the invitation e-mail (address, password, link) in the outbox.
 * An account that already exists gets the membership; if it never completed its first sign-in it
 * gets a fresh initial password, otherwise a notice of the new access.
 */
export async function inviteAccount(deps: Deps, input: InviteInput): Promise<InviteResult> {
  const email = normalizeEmail(input.email);
  if (!emailShape.test(email) || email.length > 254) {
    throw new ApiError('validation_failed', 'Not a valid e-mail address', { issues: [{ path: 'email', message: 'Not a valid e-mail address' }] });
  }
  const partner = await deps.db
    .selectFrom('business_partner')
    .selectAll()
    .where((eb) => eb.or([eb('id', '=', input.partner), eb('name', '=', input.partner)]))
    .executeTakeFirst();
  if (!partner) throw new ApiError('not_found', `No business partner "${input.partner}"`);

  const now = deps.clock.now();
  const signInUrl = new URL('/', input.portalUrl).toString();
  return deps.db.transaction().execute(async (trx) => {
    const existing = await trx.selectFrom('account').selectAll().where('email', '=', email).executeTakeFirst();
    if (existing && existing.kind !== 'customer') {
      throw new ApiError('conflict', 'This e-mail address belongs to an agent account');
    }
    if (existing && existing.system_partner_id !== partner.system_partner_id) {
      throw new ApiError('conflict', 'This account belongs to another system partner');
    }
    if (existing && !existing.must_change_password) {
      await upsertMembership(trx, existing.id, partner.id, input.role, now);
      const mail = accessGrantedMail(existing.locale, { name: existing.name, partnerName: partner.name, role: input.role, signInUrl });
      const outboxId = await enqueueMail(trx, { to: existing.email, accountId: existing.id, kind: 'access_granted', ...mail }, now);
      await audit(trx, { at: now, actorId: input.invitedBy ?? null, action: 'account.access_granted', entity: 'account', entityId: existing.id, data: { partner: partner.id, role: input.role } });
      return { kind: 'access_granted' as const, accountId: existing.id, outboxId };
    }

    const password = generateInitialPassword();
    const passwordHash = await hashPassword(password, deps.config.hashCost);
    const expiresAt = new Date(now.getTime() + deps.config.invitationTtlMs).toISOString();
    let accountId: string;
    let name: string;
    let locale: Locale;
    if (existing) {
      accountId = existing.id;
      name = existing.name;
      locale = input.locale ?? existing.locale;
      await trx
        .updateTable('account')
        .set({ password_hash: passwordHash, must_change_password: 1, password_expires_at: expiresAt, locale, updated_at: now.toISOString() })
        .where('id', '=', accountId)
        .execute();
      await trx.deleteFrom('session').where('account_id', '=', accountId).execute();
      await upsertMembership(trx, accountId, partner.id, input.role, now);
    } else {
      name = input.name?.trim() || nameFromEmail(email);
      locale = input.locale ?? 'de';
      accountId = await insertAccount(trx, {
        systemPartnerId: partner.system_partner_id,
        kind: 'customer',
        email,
        name,
        locale,
        passwordHash,
        mustChangePassword: true,
        passwordExpiresAt: expiresAt,
        memberships: [{ businessPartnerId: partner.id, role: input.role }],
        now,
      });
    }
    await trx
      .insertInto('invitation')
      .values({ id: newId(), account_id: accountId, invited_by: input.invitedBy ?? null, created_at: now.toISOString(), expires_at: expiresAt, accepted_at: null })
      .execute();
    const mail = invitationMail(locale, { name, email, password, signInUrl, expiresAt, partnerName: partner.name });
    const outboxId = await enqueueMail(trx, { to: email, accountId, kind: 'invitation', ...mail }, now);
    await audit(trx, { at: now, actorId: input.invitedBy ?? null, action: 'account.invited', entity: 'account', entityId: accountId, data: { partner: partner.id, role: input.role } });
    return { kind: 'invited' as const, accountId, outboxId };
  });
}
