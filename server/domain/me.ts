import type { Deps } from '../deps.js';
import type { Actor } from './actor.js';
import { partnerIds, releasePartnerIds } from './access.js';
import { maxAttachmentsPerSubmission } from '../schemas/uploads.js';

/** GET /api/me: who the caller is and what the UI may offer them (the server still decides). */
export async function describeMe(deps: Deps, actor: Actor) {
  const { db } = deps;
  const partners = partnerIds(actor);
  const releasers = releasePartnerIds(actor);

  const account = await db
    .selectFrom('account')
    .select(['id', 'email', 'name', 'locale', 'kind', 'notify_email'])
    .where('id', '=', actor.accountId)
    .executeTakeFirstOrThrow();

  const kbShared =
    partners.length > 0 &&
    !!(await db
      .selectFrom('kb_share')
      .select('article_id')
      .where('business_partner_id', 'in', partners)
      .limit(1)
      .executeTakeFirst());

  const onBoard = !!(await db
    .selectFrom('plan_member')
    .select('board_id')
    .where('account_id', '=', actor.accountId)
    .limit(1)
    .executeTakeFirst());

  const awaitingMyRelease =
    releasers.length > 0
      ? Number(
          (
            await db
              .selectFrom('ticket')
              .select((eb) => eb.fn.countAll<number>().as('n'))
              .where('status', '=', 'awaiting_release')
              .where('business_partner_id', 'in', releasers)
              .executeTakeFirstOrThrow()
          ).n,
        )
      : 0;

  const mySubmittedAwaiting =
    partners.length > 0
      ? Number(
          (
            await db
              .selectFrom('ticket')
              .select((eb) => eb.fn.countAll<number>().as('n'))
              .where('status', '=', 'awaiting_release')
              .where('author_id', '=', actor.accountId)
              .where('business_partner_id', 'in', partners)
              .executeTakeFirstOrThrow()
          ).n,
        )
      : 0;

  const createTickets = actor.memberships.some((m) => m.canWrite);
  const release = releasers.length > 0;
  return {
    account: {
      id: account.id,
      email: account.email,
      name: account.name,
      locale: account.locale,
      kind: account.kind,
      notifyEmail: account.notify_email === 1,
    },
    partners: actor.memberships.map((m) => ({
      id: m.businessPartnerId,
      name: m.businessPartnerName,
      role: m.role,
      canWrite: m.canWrite,
      canRelease: m.canRelease,
    })),
    capabilities: {
      createTickets,
      release,
      knowledgeBase: kbShared,
      planBoards: onBoard,
      agent: actor.kind === 'agent',
    },
    counts: {
      /** a releaser's own queue; for an editor without release rights, their own submitted tickets */
      pendingReleases: release ? awaitingMyRelease : mySubmittedAwaiting,
      awaitingMyRelease,
      mySubmittedAwaiting,
    },
    /** what the upload fields state (the server checks them again) */
    limits: {
      uploadMaxFileBytes: deps.config.uploads.maxFileBytes,
      attachmentsPerSubmission: maxAttachmentsPerSubmission,
    },
  };
}

export type MeDto = Awaited<ReturnType<typeof describeMe>>;
