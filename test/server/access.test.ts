/**
 * The access policy (DESIGN.md "Access policy", R-X-4, R-WIZ-9, R-WIZ-10, R-BOARD-1): each row of
 * the table as unit tests of `canSeeTicket` / `ticketAbilities` / `creationRights`, and proof that
 * the SQL filter `ticketVisibility` agrees with `canSeeTicket` on a full grid of tickets × actors.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../server/domain/actor.js';
import { roleDefaults } from '../../server/domain/actor.js';
import type { Role, TicketStatus } from '../../server/db/schema.js';
import {
  canSeeTicket,
  creationRights,
  ticketAbilities,
  ticketVisibility,
  type TicketAbilities,
  type TicketFacts,
} from '../../server/domain/access.js';
import { loadActor } from '../../server/auth/actor.js';
import { testContext, type TestContext } from './helpers.js';
import { createAccount, insertTicket, seedPartners, SP, SP_OTHER } from './auth-fixtures.js';

const STATUSES: TicketStatus[] = [
  'awaiting_release',
  'release_rejected',
  'new',
  'in_progress',
  'waiting_for_customer',
  'resolved',
  'closed',
];
const OPEN: TicketStatus[] = ['awaiting_release', 'release_rejected', 'new', 'in_progress', 'waiting_for_customer'];
const RELEASED_STATUSES: TicketStatus[] = ['new', 'in_progress', 'waiting_for_customer', 'resolved', 'closed'];

type MembershipSpec = [bp: string, role: Role, rights?: { canWrite?: boolean; canRelease?: boolean }];

function customer(id: string, memberships: MembershipSpec[], systemPartnerId = SP): Actor {
  return {
    accountId: id,
    kind: 'customer',
    systemPartnerId,
    email: `${id}@example.test`,
    name: id,
    locale: 'de',
    memberships: memberships.map(([bp, role, rights]) => ({
      businessPartnerId: bp,
      businessPartnerName: bp,
      role,
      canWrite: rights?.canWrite ?? roleDefaults[role].canWrite,
      canRelease: rights?.canRelease ?? roleDefaults[role].canRelease,
    })),
  };
}

function agent(id: string, systemPartnerId = SP): Actor {
  return { accountId: id, kind: 'agent', systemPartnerId, email: `${id}@sd.test`, name: id, locale: 'de', memberships: [] };
}

function ticket(over: Partial<TicketFacts> & { released?: boolean } = {}): TicketFacts {
  const status = over.status ?? 'new';
  const released = over.released ?? (status !== 'awaiting_release' && status !== 'release_rejected');
  return {
    system_partner_id: over.system_partner_id ?? SP,
    business_partner_id: over.business_partner_id ?? 'bp1',
    author_id: over.author_id ?? 'someone-else',
    private: over.private ?? 0,
    status,
    released_at: over.released_at !== undefined ? over.released_at : released ? '2026-03-01T10:00:00.000Z' : null,
  };
}

const NONE: TicketAbilities = {
  read: false,
  comment: false,
  upload: false,
  close: false,
  reopen: false,
  decide: false,
  resubmit: false,
  agentWork: false,
};
const READ_ONLY: TicketAbilities = { ...NONE, read: true };

describe('viewer of a business partner', () => {
  const viewer = customer('v1', [['bp1', 'viewer']]);

  it('sees released, non-private tickets of the partner in every released status', () => {
    for (const status of RELEASED_STATUSES) expect(canSeeTicket(viewer, ticket({ status })), status).toBe(true);
  });

  it('does not see other accounts’ private tickets, unreleased tickets, or other partners’ tickets', () => {
    expect(canSeeTicket(viewer, ticket({ private: 1 }))).toBe(false);
    expect(canSeeTicket(viewer, ticket({ status: 'awaiting_release' }))).toBe(false);
    expect(canSeeTicket(viewer, ticket({ status: 'release_rejected' }))).toBe(false);
    expect(canSeeTicket(viewer, ticket({ status: 'closed', released: false }))).toBe(false);
    expect(canSeeTicket(viewer, ticket({ business_partner_id: 'bp12' }))).toBe(false);
    expect(canSeeTicket(viewer, ticket({ business_partner_id: 'bp2' }))).toBe(false);
  });

  it('sees its own tickets in every state', () => {
    for (const status of STATUSES)
      for (const priv of [0, 1])
        for (const released of [true, false])
          expect(canSeeTicket(viewer, ticket({ status, private: priv, released, author_id: 'v1' }))).toBe(true);
  });

  it('may only read, even its own tickets, and may not create', () => {
    for (const status of STATUSES) {
      expect(ticketAbilities(viewer, ticket({ status, released: true }))).toEqual(READ_ONLY);
      expect(ticketAbilities(viewer, ticket({ status, author_id: 'v1' }))).toEqual(READ_ONLY);
    }
    expect(creationRights(viewer, 'bp1')).toEqual({ create: false, releaseAtCreation: false });
  });

  it('gets no abilities at all on a ticket it cannot see', () => {
    expect(ticketAbilities(viewer, ticket({ private: 1 }))).toEqual(NONE);
    expect(ticketAbilities(viewer, ticket({ business_partner_id: 'bp2' }))).toEqual(NONE);
  });
});

describe('editor of a business partner', () => {
  const editor = customer('e1', [['bp1', 'editor']]);

  it('sees what a viewer sees, not colleagues’ tickets awaiting release', () => {
    expect(canSeeTicket(editor, ticket({ status: 'new' }))).toBe(true);
    expect(canSeeTicket(editor, ticket({ private: 1 }))).toBe(false);
    expect(canSeeTicket(editor, ticket({ status: 'awaiting_release' }))).toBe(false);
    expect(canSeeTicket(editor, ticket({ status: 'awaiting_release', author_id: 'e1' }))).toBe(true);
    expect(canSeeTicket(editor, ticket({ business_partner_id: 'bp12' }))).toBe(false);
  });

  it('creates tickets that go to release (no release at creation)', () => {
    expect(creationRights(editor, 'bp1')).toEqual({ create: true, releaseAtCreation: false });
    expect(creationRights(editor, 'bp12')).toEqual({ create: false, releaseAtCreation: false });
    expect(creationRights(editor, 'bp2')).toEqual({ create: false, releaseAtCreation: false });
  });

  it('writes positions, uploads, closes open and reopens closed or resolved released tickets', () => {
    for (const status of RELEASED_STATUSES) {
      const a = ticketAbilities(editor, ticket({ status }));
      expect(a.read).toBe(true);
      expect(a.comment, status).toBe(status !== 'closed');
      expect(a.upload, status).toBe(status !== 'closed');
      expect(a.close, status).toBe(OPEN.includes(status));
      expect(a.reopen, status).toBe(status === 'closed' || status === 'resolved');
      expect(a.decide).toBe(false);
      expect(a.resubmit).toBe(false);
      expect(a.agentWork).toBe(false);
    }
  });

  it('as author may close and resubmit a rejected ticket, but never release one', () => {
    const rejected = ticket({ status: 'release_rejected', author_id: 'e1' });
    expect(ticketAbilities(editor, rejected)).toMatchObject({ read: true, close: true, resubmit: true, decide: false, reopen: false });
    const awaiting = ticket({ status: 'awaiting_release', author_id: 'e1', private: 1 });
    expect(ticketAbilities(editor, awaiting)).toMatchObject({ read: true, close: true, decide: false, resubmit: false });
    // a never-released ticket the author closed is not reopened towards the agents
    expect(ticketAbilities(editor, ticket({ status: 'closed', released: false, author_id: 'e1' })).reopen).toBe(false);
  });
});

describe('dispatcher of a business partner', () => {
  const dispatcher = customer('d1', [['bp1', 'dispatcher']]);

  it('sees tickets awaiting release in the partner, private ones too', () => {
    expect(canSeeTicket(dispatcher, ticket({ status: 'awaiting_release' }))).toBe(true);
    expect(canSeeTicket(dispatcher, ticket({ status: 'awaiting_release', private: 1 }))).toBe(true);
    expect(canSeeTicket(dispatcher, ticket({ status: 'awaiting_release', business_partner_id: 'bp12' }))).toBe(false);
  });

  it('loses sight of a colleague’s private ticket once it is released or rejected', () => {
    for (const status of ['new', 'in_progress', 'resolved', 'closed'] as const)
      expect(canSeeTicket(dispatcher, ticket({ status, private: 1 })), status).toBe(false);
    expect(canSeeTicket(dispatcher, ticket({ status: 'release_rejected', private: 1 }))).toBe(false);
    expect(canSeeTicket(dispatcher, ticket({ status: 'release_rejected' }))).toBe(false);
  });

  it('releases or rejects only while a ticket awaits release', () => {
    expect(ticketAbilities(dispatcher, ticket({ status: 'awaiting_release', private: 1 }))).toMatchObject({ read: true, decide: true, close: false, resubmit: false, reopen: false });
    for (const status of RELEASED_STATUSES) expect(ticketAbilities(dispatcher, ticket({ status })).decide, status).toBe(false);
  });

  it('may release at creation, and otherwise does what an editor does', () => {
    expect(creationRights(dispatcher, 'bp1')).toEqual({ create: true, releaseAtCreation: true });
    expect(ticketAbilities(dispatcher, ticket({ status: 'in_progress' }))).toMatchObject({ comment: true, upload: true, close: true, reopen: false });
    expect(ticketAbilities(dispatcher, ticket({ status: 'resolved' }))).toMatchObject({ reopen: true });
  });
});

describe('memberships with rights apart from their role', () => {
  it('release without write: sees and decides the queue, but cannot write, close or create', () => {
    const releaser = customer('r1', [['bp1', 'viewer', { canRelease: true }]]);
    const awaiting = ticket({ status: 'awaiting_release', private: 1 });
    expect(canSeeTicket(releaser, awaiting)).toBe(true);
    expect(ticketAbilities(releaser, awaiting)).toEqual({ ...READ_ONLY, decide: true });
    expect(creationRights(releaser, 'bp1')).toEqual({ create: false, releaseAtCreation: false });
  });

  it('a dispatcher whose release right was withdrawn is an editor', () => {
    const d = customer('d9', [['bp1', 'dispatcher', { canRelease: false }]]);
    expect(canSeeTicket(d, ticket({ status: 'awaiting_release' }))).toBe(false);
    expect(creationRights(d, 'bp1')).toEqual({ create: true, releaseAtCreation: false });
  });
});

describe('account in several business partners', () => {
  const multi = customer('m1', [
    ['bp1', 'editor'],
    ['bp2', 'dispatcher'],
  ]);

  it('has the rights of each membership in that partner only', () => {
    expect(canSeeTicket(multi, ticket({ business_partner_id: 'bp2', status: 'awaiting_release' }))).toBe(true);
    expect(canSeeTicket(multi, ticket({ business_partner_id: 'bp1', status: 'awaiting_release' }))).toBe(false);
    expect(ticketAbilities(multi, ticket({ business_partner_id: 'bp2', status: 'awaiting_release' })).decide).toBe(true);
    expect(creationRights(multi, 'bp1')).toEqual({ create: true, releaseAtCreation: false });
    expect(creationRights(multi, 'bp2')).toEqual({ create: true, releaseAtCreation: true });
    expect(creationRights(multi, 'bp12')).toEqual({ create: false, releaseAtCreation: false });
    expect(canSeeTicket(multi, ticket({ business_partner_id: 'bp12' }))).toBe(false);
  });
});

describe('author', () => {
  it('sees own tickets in every state only while a member of the partner', () => {
    const author = customer('a1', [['bp1', 'editor']]);
    for (const status of STATUSES) {
      expect(canSeeTicket(author, ticket({ status, private: 1, author_id: 'a1' })), status).toBe(true);
      expect(canSeeTicket(author, ticket({ status, private: 1, author_id: 'a1', business_partner_id: 'bp2' })), status).toBe(false);
    }
  });

  it('the author’s colleague does not see the private ticket, in any state', () => {
    const colleague = customer('c1', [['bp1', 'editor']]);
    for (const status of STATUSES) expect(canSeeTicket(colleague, ticket({ status, private: 1, author_id: 'a1' })), status).toBe(false);
  });
});

describe('agent of the system partner', () => {
  const sd = agent('ag1');

  it('sees released tickets of its system partner only, private ones included, never unreleased ones', () => {
    for (const status of RELEASED_STATUSES) {
      expect(canSeeTicket(sd, ticket({ status })), status).toBe(true);
      expect(canSeeTicket(sd, ticket({ status, private: 1 })), status).toBe(true);
    }
    expect(canSeeTicket(sd, ticket({ status: 'awaiting_release' }))).toBe(false);
    expect(canSeeTicket(sd, ticket({ status: 'release_rejected' }))).toBe(false);
    expect(canSeeTicket(sd, ticket({ status: 'closed', released: false }))).toBe(false);
  });

  it('may do agent work, none of the customer actions, and create no customer tickets', () => {
    expect(ticketAbilities(sd, ticket({ status: 'in_progress' }))).toEqual({ ...READ_ONLY, agentWork: true });
    expect(ticketAbilities(sd, ticket({ status: 'awaiting_release' }))).toEqual(NONE);
    expect(creationRights(sd, 'bp1')).toEqual({ create: false, releaseAtCreation: false });
  });

  it('of another system partner sees nothing', () => {
    const foreign = agent('ag2', SP_OTHER);
    for (const status of STATUSES) expect(canSeeTicket(foreign, ticket({ status, released: true })), status).toBe(false);
    expect(ticketAbilities(foreign, ticket({ status: 'new' }))).toEqual(NONE);
  });

  it('never gets customer rights from a stray membership row', () => {
    const odd: Actor = { ...agent('ag3'), memberships: customer('x', [['bp1', 'dispatcher']]).memberships };
    expect(canSeeTicket(odd, ticket({ status: 'awaiting_release' }))).toBe(false);
    expect(creationRights(odd, 'bp1')).toEqual({ create: false, releaseAtCreation: false });
  });
});

describe('customer account without memberships', () => {
  it('sees nothing and may do nothing', () => {
    const nobody = customer('n1', []);
    for (const status of STATUSES) expect(canSeeTicket(nobody, ticket({ status, author_id: 'n1' }))).toBe(false);
    expect(creationRights(nobody, 'bp1')).toEqual({ create: false, releaseAtCreation: false });
  });
});

describe('ticketVisibility (SQL) agrees with canSeeTicket', () => {
  let t: TestContext;
  let tickets: (TicketFacts & { id: string })[] = [];
  const actors: Record<string, Actor> = {};

  beforeAll(async () => {
    t = await testContext();
    await seedPartners(t.db, [
      { id: 'bp1' },
      { id: 'bp12' },
      { id: 'bp2' },
      { id: 'bpx', sp: SP_OTHER },
    ]);
    const specs: Record<string, Parameters<typeof createAccount>[1]> = {
      viewer1: { email: 'viewer1@bp1.test', memberships: [{ businessPartnerId: 'bp1', role: 'viewer' }] },
      editor1: { email: 'editor1@bp1.test', memberships: [{ businessPartnerId: 'bp1', role: 'editor' }] },
      colleague1: { email: 'colleague1@bp1.test', memberships: [{ businessPartnerId: 'bp1', role: 'editor' }] },
      dispatcher1: { email: 'dispatcher1@bp1.test', memberships: [{ businessPartnerId: 'bp1', role: 'dispatcher' }] },
      releaseOnly1: { email: 'release1@bp1.test', memberships: [{ businessPartnerId: 'bp1', role: 'viewer', canRelease: true }] },
      viewer12: { email: 'viewer12@bp12.test', memberships: [{ businessPartnerId: 'bp12', role: 'viewer' }] },
      editor12: { email: 'editor12@bp12.test', memberships: [{ businessPartnerId: 'bp12', role: 'editor' }] },
      dispatcher12: { email: 'dispatcher12@bp12.test', memberships: [{ businessPartnerId: 'bp12', role: 'dispatcher' }] },
      dispatcher2: { email: 'dispatcher2@bp2.test', memberships: [{ businessPartnerId: 'bp2', role: 'dispatcher' }] },
      multi: {
        email: 'multi@bp.test',
        memberships: [
          { businessPartnerId: 'bp1', role: 'editor' },
          { businessPartnerId: 'bp2', role: 'dispatcher' },
        ],
      },
      dispatcherX: { email: 'dispatcherx@bpx.test', systemPartnerId: SP_OTHER, memberships: [{ businessPartnerId: 'bpx', role: 'dispatcher' }] },
      lonely: { email: 'lonely@nowhere.test', memberships: [] },
      agent: { email: 'agent@sd.test', kind: 'agent' },
      agentOther: { email: 'agent@other-sd.test', kind: 'agent', systemPartnerId: SP_OTHER },
    };
    const ids: Record<string, string> = {};
    for (const [name, spec] of Object.entries(specs)) {
      ids[name] = await createAccount(t, { password: null, ...spec });
      const row = await t.db.selectFrom('account').selectAll().where('id', '=', ids[name]!).executeTakeFirstOrThrow();
      actors[name] = await loadActor(t.db, row);
    }

    const authors = ['viewer1', 'editor1', 'colleague1', 'dispatcher1', 'editor12', 'multi', 'dispatcherX'];
    const partners: [string, string][] = [
      ['bp1', SP],
      ['bp12', SP],
      ['bp2', SP],
      ['bpx', SP_OTHER],
    ];
    tickets = [];
    for (const [bp, sp] of partners)
      for (const author of authors)
        for (const priv of [false, true])
          for (const status of STATUSES)
            for (const released of [false, true]) {
              const row = await insertTicket(t.db, {
                businessPartnerId: bp,
                systemPartnerId: sp,
                authorId: ids[author]!,
                private: priv,
                status,
                released,
              });
              tickets.push(row);
            }
  });

  it('builds a grid that covers every combination', () => {
    expect(tickets.length).toBe(4 * 7 * 2 * 7 * 2);
  });

  const names = [
    'viewer1',
    'editor1',
    'colleague1',
    'dispatcher1',
    'releaseOnly1',
    'viewer12',
    'editor12',
    'dispatcher12',
    'dispatcher2',
    'multi',
    'dispatcherX',
    'lonely',
    'agent',
    'agentOther',
  ];

  it.each(names)('for %s', async (name) => {
    const actor = actors[name]!;
    const expected = tickets.filter((tk) => canSeeTicket(actor, tk)).map((tk) => tk.id).sort();
    const rows = await t.db.selectFrom('ticket').select('ticket.id').where(ticketVisibility(actor)).execute();
    expect(rows.map((r) => r.id).sort()).toEqual(expected);

    // also inside a join, as lists with partner names use it
    const joined = await t.db
      .selectFrom('ticket')
      .innerJoin('business_partner', 'business_partner.id', 'ticket.business_partner_id')
      .select('ticket.id')
      .where(ticketVisibility(actor))
      .execute();
    expect(joined.map((r) => r.id).sort()).toEqual(expected);

    // the grid makes the comparison meaningful: everyone but the account without memberships
    // sees something, and nobody sees everything
    if (name === 'lonely') expect(expected).toEqual([]);
    else expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThan(tickets.length / 2);
  });

  it('agents see only their own system partner’s released tickets', async () => {
    for (const [name, own] of [
      ['agent', SP],
      ['agentOther', SP_OTHER],
    ] as const) {
      const rows = await t.db
        .selectFrom('ticket')
        .select(['ticket.system_partner_id', 'ticket.released_at'])
        .where(ticketVisibility(actors[name]!))
        .execute();
      const released = tickets.filter((tk) => tk.system_partner_id === own && tk.released_at !== null);
      expect(rows.length).toBe(released.length);
      for (const r of rows) {
        expect(r.system_partner_id).toBe(own);
        expect(r.released_at).not.toBeNull();
      }
    }
  });

  it('the partner prefix does not leak: bp1 members see no bp12 ticket and vice versa', async () => {
    for (const [name, foreign] of [
      ['dispatcher1', 'bp12'],
      ['dispatcher12', 'bp1'],
    ] as const) {
      const rows = await t.db
        .selectFrom('ticket')
        .select('ticket.business_partner_id')
        .where(ticketVisibility(actors[name]!))
        .execute();
      expect(rows.length).toBeGreaterThan(0);
      expect(rows.map((r) => r.business_partner_id)).not.toContain(foreign);
    }
  });
});
