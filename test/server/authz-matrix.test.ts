/**
 * The authorization matrix (issue 8, R-X-4): every API route, enumerated from the app itself
 * (`app.routes`), against every relation a caller can have to what it asks for. The expected
 * answers are written out below as a table — route → target → one cell per relation — from
 * DESIGN.md's access table and each route's own rule; a route of the app without a row fails the
 * suite, so no new route can skip it. Every refusal carries the error envelope, changes nothing
 * (checksum of every table), and a 404 reads exactly like the answer for a missing id.
 *
 * After the matrix, what callers see in bulk (lists, counts, search, history, attachments,
 * dashboard, knowledge-base search, tag suggestions, plan boards, e-mails) is compared with what
 * they may read directly, for every relation.
 *
 * One world holds every relation. Business partners "1" and "12" (one id a prefix of the other)
 * never see each other's data. The number of cells checked is printed (one line, a figure) and
 * recorded in test-results/security.json.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SignJWT } from 'jose';
import { call, ORIGIN, testContext, type TestContext } from './helpers.js';
import { bearerSignIn, createAccount, expectErrorEnvelope, PASSWORD, seedPartners, SP, SP_OTHER } from './auth-fixtures.js';
import { sql } from 'kysely';
import { PNG } from './ticket-fixtures.js';
import { generateSessionToken, sessionIdFromToken } from '../../server/auth/sessions.js';
import { canSeeTicket } from '../../server/domain/access.js';
import { loadActor } from '../../server/auth/actor.js';
import { newId } from '../../server/ids.js';
import type { Role } from '../../server/db/schema.js';
import { recordSecurityFigures } from './security-figures.js';

// ---------------------------------------------------------------------------------------------
// The relations (columns of the matrix)

const COLUMNS = [
  'anon', //         no session
  'expired', //      an editor of "1" whose session has expired
  'pending', //      an editor of "1" who still has to replace the initial password
  'viewer1', //      viewer of "1"; observer of plan board P1
  'author1', //      editor of "1"; wrote the tickets of "1"
  'colleague1', //   editor of "1" (the author's colleague); editor of plan board P1
  'dispatcher1', //  dispatcher of "1"
  'viewer12', //     viewer of "12"
  'editor12', //     editor of "12"; wrote the ticket of "12"
  'dispatcher12', // dispatcher of "12"
  'multi', //        viewer of "1" and dispatcher of "12"
  'agent', //        agent of the system partner
  'foreignAgent', // agent of another system partner
] as const;
type Who = (typeof COLUMNS)[number];
type Person = Exclude<Who, 'anon'>;

// ---------------------------------------------------------------------------------------------
// The expected answers: route → target → cells in COLUMNS order. A number is the status of an
// allowed call (or the refusal: 401 no valid session, 403 not allowed — for `pending` the
// password change comes first —, 404 not visible, 409 not in this state, 422 refers to
// something the caller may not use). '-' is a route without a particular target.
//
// Ticket targets are tickets of "1" written by author1 — `pub` released, `priv` released and
// private, `awaiting`/`awaitingPriv` awaiting release, `rejected`, `closed` — and `t12`, a
// released ticket of "12".

//                                an  ex  pe  v1  a1  c1  d1  v12 e12 d12 mu  ag  fa
const MATRIX: Record<string, Record<string, string>> = {
  'GET /api/health': {
    '-':                        '200 200 200 200 200 200 200 200 200 200 200 200 200',
  },
  'GET /api/auth/policy': {
    '-':                        '200 200 200 200 200 200 200 200 200 200 200 200 200',
  },
  'POST /api/auth/sign-in': {
    '-':                        '200 200 200 200 200 200 200 200 200 200 200 200 200',
  },
  'POST /api/auth/exchange': {
    '-':                        '200 200 200 200 200 200 200 200 200 200 200 200 200',
  },
  'POST /api/auth/sign-out': {
    '-':                        '204 204 204 204 204 204 204 204 204 204 204 204 204',
  },
  'POST /api/auth/password': {
    '-':                        '401 401 200 200 200 200 200 200 200 200 200 200 200',
  },
  'GET /api/me': {
    '-':                        '401 401 403 200 200 200 200 200 200 200 200 200 200',
  },
  'PATCH /api/me': {
    '-':                        '401 401 403 200 200 200 200 200 200 200 200 200 200',
  },
  // demo installations only; this app is configured as a real one
  'GET /api/demo/outbox': {
    '-':                        '404 404 404 404 404 404 404 404 404 404 404 404 404',
  },
  'GET /api/tickets': {
    '-':                        '401 401 403 200 200 200 200 200 200 200 200 200 200',
  },
  // own: the caller's only writable partner; bp1/bp12: that partner named explicitly
  'POST /api/tickets': {
    own:                        '401 401 403 403 201 201 201 403 201 201 201 403 403',
    bp1:                        '401 401 403 403 201 201 201 403 422 422 403 403 403',
    bp12:                       '401 401 403 403 422 422 422 403 201 201 201 403 403',
  },
  'GET /api/tickets/:id': {
    pub:                        '401 401 403 200 200 200 200 404 404 404 200 200 404',
    priv:                       '401 401 403 404 200 404 404 404 404 404 404 200 404',
    awaiting:                   '401 401 403 404 200 404 200 404 404 404 404 404 404',
    awaitingPriv:               '401 401 403 404 200 404 200 404 404 404 404 404 404',
    rejected:                   '401 401 403 404 200 404 404 404 404 404 404 404 404',
    closed:                     '401 401 403 200 200 200 200 404 404 404 200 200 404',
    t12:                        '401 401 403 404 404 404 404 200 200 200 200 200 404',
  },
  // the author revises a ticket whose release was rejected (then resubmits it)
  'PATCH /api/tickets/:id': {
    pub:                        '401 401 403 403 409 403 403 404 404 404 403 403 403',
    priv:                       '401 401 403 404 409 404 404 404 404 404 404 403 403',
    awaiting:                   '401 401 403 404 409 404 403 404 404 404 404 403 403',
    awaitingPriv:               '401 401 403 404 409 404 403 404 404 404 404 403 403',
    rejected:                   '401 401 403 404 200 404 404 404 404 404 404 403 403',
    closed:                     '401 401 403 403 409 403 403 404 404 404 403 403 403',
    t12:                        '401 401 403 404 404 404 404 403 409 403 403 403 403',
  },
  'GET /api/tickets/:id/positions': {
    pub:                        '401 401 403 200 200 200 200 404 404 404 200 200 404',
    priv:                       '401 401 403 404 200 404 404 404 404 404 404 200 404',
    awaiting:                   '401 401 403 404 200 404 200 404 404 404 404 404 404',
    awaitingPriv:               '401 401 403 404 200 404 200 404 404 404 404 404 404',
    rejected:                   '401 401 403 404 200 404 404 404 404 404 404 404 404',
    closed:                     '401 401 403 200 200 200 200 404 404 404 200 200 404',
    t12:                        '401 401 403 404 404 404 404 200 200 200 200 200 404',
  },
  // customer write routes answer agents 403 before looking at the ticket (they have their own)
  'POST /api/tickets/:id/positions': {
    pub:                        '401 401 403 403 201 201 201 404 404 404 403 403 403',
    priv:                       '401 401 403 404 201 404 404 404 404 404 404 403 403',
    awaiting:                   '401 401 403 404 201 404 201 404 404 404 404 403 403',
    awaitingPriv:               '401 401 403 404 201 404 201 404 404 404 404 403 403',
    rejected:                   '401 401 403 404 201 404 404 404 404 404 404 403 403',
    closed:                     '401 401 403 403 409 409 409 404 404 404 403 403 403',
    t12:                        '401 401 403 404 404 404 404 403 201 201 201 403 403',
  },
  'POST /api/tickets/:id/attachments': {
    pub:                        '401 401 403 403 201 201 201 404 404 404 403 403 403',
    priv:                       '401 401 403 404 201 404 404 404 404 404 404 403 403',
    awaiting:                   '401 401 403 404 201 404 201 404 404 404 404 403 403',
    awaitingPriv:               '401 401 403 404 201 404 201 404 404 404 404 403 403',
    rejected:                   '401 401 403 404 201 404 404 404 404 404 404 403 403',
    closed:                     '401 401 403 403 409 409 409 404 404 404 403 403 403',
    t12:                        '401 401 403 404 404 404 404 403 201 201 201 403 403',
  },
  // the author may withdraw an unreleased ticket; a dispatcher rejects instead
  'POST /api/tickets/:id/close': {
    pub:                        '401 401 403 403 200 200 200 404 404 404 403 403 403',
    priv:                       '401 401 403 404 200 404 404 404 404 404 404 403 403',
    awaiting:                   '401 401 403 404 200 404 409 404 404 404 404 403 403',
    awaitingPriv:               '401 401 403 404 200 404 409 404 404 404 404 403 403',
    rejected:                   '401 401 403 404 200 404 404 404 404 404 404 403 403',
    closed:                     '401 401 403 403 409 409 409 404 404 404 403 403 403',
    t12:                        '401 401 403 404 404 404 404 403 200 200 200 403 403',
  },
  'POST /api/tickets/:id/reopen': {
    pub:                        '401 401 403 403 409 409 409 404 404 404 403 403 403',
    priv:                       '401 401 403 404 409 404 404 404 404 404 404 403 403',
    awaiting:                   '401 401 403 404 409 404 409 404 404 404 404 403 403',
    awaitingPriv:               '401 401 403 404 409 404 409 404 404 404 404 403 403',
    rejected:                   '401 401 403 404 409 404 404 404 404 404 404 403 403',
    closed:                     '401 401 403 403 200 200 200 404 404 404 403 403 403',
    t12:                        '401 401 403 404 404 404 404 403 409 409 409 403 403',
  },
  // releasers of the ticket's partner only; a ticket they decided and no longer see: 409
  'POST /api/tickets/:id/release': {
    pub:                        '401 401 403 403 403 403 409 404 404 404 403 403 403',
    priv:                       '401 401 403 404 403 404 409 404 404 404 404 403 403',
    awaiting:                   '401 401 403 404 403 404 200 404 404 404 404 403 403',
    awaitingPriv:               '401 401 403 404 403 404 200 404 404 404 404 403 403',
    rejected:                   '401 401 403 404 403 404 409 404 404 404 404 403 403',
    closed:                     '401 401 403 403 403 403 409 404 404 404 403 403 403',
    t12:                        '401 401 403 404 404 404 404 403 403 409 409 403 403',
  },
  'POST /api/tickets/:id/reject': {
    pub:                        '401 401 403 403 403 403 409 404 404 404 403 403 403',
    priv:                       '401 401 403 404 403 404 409 404 404 404 404 403 403',
    awaiting:                   '401 401 403 404 403 404 200 404 404 404 404 403 403',
    awaitingPriv:               '401 401 403 404 403 404 200 404 404 404 404 403 403',
    rejected:                   '401 401 403 404 403 404 409 404 404 404 404 403 403',
    closed:                     '401 401 403 403 403 403 409 404 404 404 403 403 403',
    t12:                        '401 401 403 404 404 404 404 403 403 409 409 403 403',
  },
  // the author of a rejected ticket only
  'POST /api/tickets/:id/resubmit': {
    pub:                        '401 401 403 403 409 403 403 404 404 404 403 403 403',
    priv:                       '401 401 403 404 409 404 404 404 404 404 404 403 403',
    awaiting:                   '401 401 403 404 409 404 403 404 404 404 404 403 403',
    awaitingPriv:               '401 401 403 404 409 404 403 404 404 404 404 403 403',
    rejected:                   '401 401 403 404 200 404 404 404 404 404 404 403 403',
    closed:                     '401 401 403 403 409 403 403 404 404 404 403 403 403',
    t12:                        '401 401 403 404 404 404 404 403 409 403 403 403 403',
  },
  // attachments of those tickets; `internal` an agent's internal file on `pub`, `draft` an
  // upload of author1 not yet sent
  'GET /api/attachments/:id': {
    pub:                        '401 401 403 200 200 200 200 404 404 404 200 200 404',
    priv:                       '401 401 403 404 200 404 404 404 404 404 404 200 404',
    awaiting:                   '401 401 403 404 200 404 200 404 404 404 404 404 404',
    internal:                   '401 401 403 404 404 404 404 404 404 404 404 200 404',
    draft:                      '401 401 403 404 200 404 404 404 404 404 404 404 404',
    t12:                        '401 401 403 404 404 404 404 200 200 200 200 200 404',
  },
  'POST /api/uploads': {
    '-':                        '401 401 403 403 201 201 201 403 201 201 201 201 201',
  },
  'DELETE /api/uploads/:id': {
    draft:                      '401 401 403 404 204 404 404 404 404 404 404 404 404',
    used:                       '401 401 403 404 404 404 404 404 404 404 404 404 404',
  },
  'GET /api/lookups/types': {
    '-':                        '401 401 403 200 200 200 200 200 200 200 200 200 200',
  },
  'GET /api/lookups/areas': {
    '-':                        '401 401 403 200 200 200 200 200 200 200 200 200 200',
  },
  'GET /api/lookups/partners': {
    '-':                        '401 401 403 200 200 200 200 200 200 200 200 200 200',
  },
  'GET /api/lookups/priority': {
    '-':                        '401 401 403 200 200 200 200 200 200 200 200 200 200',
  },
  'GET /api/tags': {
    '-':                        '401 401 403 200 200 200 200 200 200 200 200 200 200',
  },
  'GET /api/queries': {
    '-':                        '401 401 403 200 200 200 200 200 200 200 200 200 200',
  },
  'POST /api/queries': {
    '-':                        '401 401 403 201 201 201 201 201 201 201 201 201 201',
  },
  // author1's personal query; a system query of the system partner and of the other one
  'DELETE /api/queries/:id': {
    mine:                       '401 401 403 404 204 404 404 404 404 404 404 404 404',
    system:                     '401 401 403 403 403 403 403 403 403 403 403 403 404',
    systemOther:                '401 401 403 404 404 404 404 404 404 404 404 404 403',
  },
  'GET /api/prefs/:key': {
    '-':                        '401 401 403 200 200 200 200 200 200 200 200 200 200',
  },
  'PUT /api/prefs/:key': {
    '-':                        '401 401 403 200 200 200 200 200 200 200 200 200 200',
  },
  'GET /api/dashboard': {
    '-':                        '401 401 403 200 200 200 200 200 200 200 200 200 200',
  },
  'GET /api/kb/sections': {
    '-':                        '401 401 403 200 200 200 200 200 200 200 200 200 200',
  },
  'GET /api/kb/articles': {
    '-':                        '401 401 403 200 200 200 200 200 200 200 200 200 200',
  },
  'GET /api/kb/languages': {
    '-':                        '401 401 403 200 200 200 200 200 200 200 200 200 200',
  },
  // shared with "1", with "12", with nobody; an article of the other system partner
  'GET /api/kb/articles/:id': {
    a1:                         '401 401 403 200 200 200 200 404 404 404 200 200 404',
    a12:                        '401 401 403 404 404 404 404 200 200 200 200 200 404',
    aNone:                      '401 401 403 404 404 404 404 404 404 404 404 200 404',
    aForeign:                   '401 401 403 404 404 404 404 404 404 404 404 404 200',
  },
  'GET /api/agent/kb/sections': {
    '-':                        '401 401 403 403 403 403 403 403 403 403 403 200 200',
  },
  'POST /api/agent/kb/sections': {
    '-':                        '401 401 403 403 403 403 403 403 403 403 403 201 201',
  },
  'PATCH /api/agent/kb/sections/:id': {
    sec:                        '401 401 403 403 403 403 403 403 403 403 403 200 404',
    secForeign:                 '401 401 403 403 403 403 403 403 403 403 403 404 200',
  },
  'DELETE /api/agent/kb/sections/:id': {
    emptySec:                   '401 401 403 403 403 403 403 403 403 403 403 204 404',
  },
  'GET /api/agent/kb/articles': {
    '-':                        '401 401 403 403 403 403 403 403 403 403 403 200 200',
  },
  // in a section of the system partner: the other one's agent refers to an unknown section
  'POST /api/agent/kb/articles': {
    '-':                        '401 401 403 403 403 403 403 403 403 403 403 201 422',
  },
  'GET /api/agent/kb/articles/:id': {
    a1:                         '401 401 403 403 403 403 403 403 403 403 403 200 404',
    aForeign:                   '401 401 403 403 403 403 403 403 403 403 403 404 200',
  },
  'PATCH /api/agent/kb/articles/:id': {
    a1:                         '401 401 403 403 403 403 403 403 403 403 403 200 404',
  },
  'PUT /api/agent/kb/articles/:id/shares': {
    a1:                         '401 401 403 403 403 403 403 403 403 403 403 200 404',
  },
  'DELETE /api/agent/kb/articles/:id': {
    article:                    '401 401 403 403 403 403 403 403 403 403 403 204 404',
  },
  'GET /api/planboards': {
    '-':                        '401 401 403 200 200 200 200 200 200 200 200 200 200',
  },
  // P1: a board of the system partner (observer viewer1, editor colleague1); PF: the other's
  'GET /api/planboards/:id': {
    P1:                         '401 401 403 200 404 200 404 404 404 404 404 200 404',
    PF:                         '401 401 403 404 404 404 404 404 404 404 404 404 200',
  },
  'PATCH /api/plan-activities/:id': {
    P1:                         '401 401 403 403 404 200 404 404 404 404 404 200 404',
    PF:                         '401 401 403 404 404 404 404 404 404 404 404 404 200',
  },
  'GET /api/agent/plan/boards': {
    '-':                        '401 401 403 403 403 403 403 403 403 403 403 200 200',
  },
  'POST /api/agent/plan/boards': {
    '-':                        '401 401 403 403 403 403 403 403 403 403 403 201 201',
  },
  'GET /api/agent/plan/boards/:id': {
    P1:                         '401 401 403 403 403 403 403 403 403 403 403 200 404',
    PF:                         '401 401 403 403 403 403 403 403 403 403 403 404 200',
  },
  'PATCH /api/agent/plan/boards/:id': {
    P1:                         '401 401 403 403 403 403 403 403 403 403 403 200 404',
  },
  'POST /api/agent/plan/boards/:id/columns': {
    P1:                         '401 401 403 403 403 403 403 403 403 403 403 201 404',
  },
  'PATCH /api/agent/plan/boards/:id/columns/:columnId': {
    P1:                         '401 401 403 403 403 403 403 403 403 403 403 200 404',
  },
  'DELETE /api/agent/plan/boards/:id/columns/:columnId': {
    emptyColumn:                '401 401 403 403 403 403 403 403 403 403 403 204 404',
  },
  'PUT /api/agent/plan/boards/:id/members': {
    P1:                         '401 401 403 403 403 403 403 403 403 403 403 200 404',
  },
  'POST /api/agent/plan/boards/:id/activities': {
    P1:                         '401 401 403 403 403 403 403 403 403 403 403 201 404',
  },
  // the board editor colleague1 too: managing activities is agents' work
  'PATCH /api/agent/plan/activities/:id': {
    P1:                         '401 401 403 403 403 403 403 403 403 403 403 200 404',
  },
  'DELETE /api/agent/plan/activities/:id': {
    activity:                   '401 401 403 403 403 403 403 403 403 403 403 204 404',
  },
  'GET /api/agent/partners': {
    '-':                        '401 401 403 403 403 403 403 403 403 403 403 200 200',
  },
  'GET /api/agent/partners/:id/embedding': {
    bp1:                        '401 401 403 403 403 403 403 403 403 403 403 200 404',
    bpForeign:                  '401 401 403 403 403 403 403 403 403 403 403 404 200',
  },
  'PUT /api/agent/partners/:id/origins': {
    bp1:                        '401 401 403 403 403 403 403 403 403 403 403 200 404',
  },
  'POST /api/agent/partners/:id/keys': {
    bp1:                        '401 401 403 403 403 403 403 403 403 403 403 201 404',
  },
  'DELETE /api/agent/partners/:id/keys/:keyId': {
    key:                        '401 401 403 403 403 403 403 403 403 403 403 204 404',
  },
  'GET /api/agent/tickets': {
    '-':                        '401 401 403 403 403 403 403 403 403 403 403 200 200',
  },
  // the provider side: released tickets of the agent's own system partner only
  'GET /api/agent/tickets/:id': {
    pub:                        '401 401 403 403 403 403 403 403 403 403 403 200 404',
    priv:                       '401 401 403 403 403 403 403 403 403 403 403 200 404',
    awaiting:                   '401 401 403 403 403 403 403 403 403 403 403 404 404',
    awaitingPriv:               '401 401 403 403 403 403 403 403 403 403 403 404 404',
    rejected:                   '401 401 403 403 403 403 403 403 403 403 403 404 404',
    closed:                     '401 401 403 403 403 403 403 403 403 403 403 200 404',
    t12:                        '401 401 403 403 403 403 403 403 403 403 403 200 404',
  },
  'POST /api/agent/tickets/:id/positions': {
    pub:                        '401 401 403 403 403 403 403 403 403 403 403 201 404',
    priv:                       '401 401 403 403 403 403 403 403 403 403 403 201 404',
    awaiting:                   '401 401 403 403 403 403 403 403 403 403 403 404 404',
    awaitingPriv:               '401 401 403 403 403 403 403 403 403 403 403 404 404',
    rejected:                   '401 401 403 403 403 403 403 403 403 403 403 404 404',
    closed:                     '401 401 403 403 403 403 403 403 403 403 403 201 404',
    t12:                        '401 401 403 403 403 403 403 403 403 403 403 201 404',
  },
  'POST /api/agent/tickets/:id/status': {
    pub:                        '401 401 403 403 403 403 403 403 403 403 403 200 404',
    priv:                       '401 401 403 403 403 403 403 403 403 403 403 200 404',
    awaiting:                   '401 401 403 403 403 403 403 403 403 403 403 404 404',
    awaitingPriv:               '401 401 403 403 403 403 403 403 403 403 403 404 404',
    rejected:                   '401 401 403 403 403 403 403 403 403 403 403 404 404',
    closed:                     '401 401 403 403 403 403 403 403 403 403 403 200 404',
    t12:                        '401 401 403 403 403 403 403 403 403 403 403 200 404',
  },
  'POST /api/agent/tickets/:id/attachments': {
    pub:                        '401 401 403 403 403 403 403 403 403 403 403 201 404',
    priv:                       '401 401 403 403 403 403 403 403 403 403 403 201 404',
    awaiting:                   '401 401 403 403 403 403 403 403 403 403 403 404 404',
    awaitingPriv:               '401 401 403 403 403 403 403 403 403 403 403 404 404',
    rejected:                   '401 401 403 403 403 403 403 403 403 403 403 404 404',
    closed:                     '401 401 403 403 403 403 403 403 403 403 403 201 404',
    t12:                        '401 401 403 403 403 403 403 403 403 403 403 201 404',
  },
};

// ---------------------------------------------------------------------------------------------
// The world

const T1 = 'type-' + SP;
const A1 = 'area-' + SP;
const MISSING = 'zzzzzzzzzzzzzzzz';
const HOST_SECRET = 'a-host-token-secret-of-partner-one-32+bytes';
/** Words put into the world so the bulk views can be searched for them. */
const WORD = { all: 'kranich', reply: 'pelikan', internal: 'flamingo', secretTag: 'geheimsache', kb: 'druckerwarteschlange' };

const TICKET_KINDS = ['pub', 'priv', 'awaiting', 'awaitingPriv', 'rejected', 'closed', 't12'] as const;
type Kind = (typeof TICKET_KINDS)[number];

const ACCOUNTS: Record<Person, { email: string; kind?: 'agent'; sp?: string; memberships?: { businessPartnerId: string; role: Role }[]; pending?: true }> = {
  expired: { email: 'emil.expired@eins.example', memberships: [{ businessPartnerId: '1', role: 'editor' }] },
  pending: { email: 'paula.pending@eins.example', memberships: [{ businessPartnerId: '1', role: 'editor' }], pending: true },
  viewer1: { email: 'vera.viewer@eins.example', memberships: [{ businessPartnerId: '1', role: 'viewer' }] },
  author1: { email: 'arne.author@eins.example', memberships: [{ businessPartnerId: '1', role: 'editor' }] },
  colleague1: { email: 'cora.colleague@eins.example', memberships: [{ businessPartnerId: '1', role: 'editor' }] },
  dispatcher1: { email: 'dirk.dispatcher@eins.example', memberships: [{ businessPartnerId: '1', role: 'dispatcher' }] },
  viewer12: { email: 'viktor.viewer@zwoelf.example', memberships: [{ businessPartnerId: '12', role: 'viewer' }] },
  editor12: { email: 'ella.editor@zwoelf.example', memberships: [{ businessPartnerId: '12', role: 'editor' }] },
  dispatcher12: { email: 'dana.dispatcher@zwoelf.example', memberships: [{ businessPartnerId: '12', role: 'dispatcher' }] },
  multi: {
    email: 'mia.multi@beide.example',
    memberships: [
      { businessPartnerId: '1', role: 'viewer' },
      { businessPartnerId: '12', role: 'dispatcher' },
    ],
  },
  agent: { email: 'alex.agent@servicedesk.example', kind: 'agent' },
  foreignAgent: { email: 'fiona.fremd@other-desk.example', kind: 'agent', sp: SP_OTHER },
};
/** Signs in for the sign-in and host-token rows (a viewer of "1"). */
const SIGNIN_EMAIL = 'sina.signin@eins.example';

interface Res {
  status: number;
  headers: Headers;
  json: any;
  text: string;
}

interface Req {
  method: string;
  path: string;
  body?: unknown;
  files?: { name: string; data: Uint8Array | string }[];
}

interface World {
  t: TestContext;
  acct: Record<Person, string>;
  token: Partial<Record<Who, string>>;
  /** named objects: `ticket:pub`, `att:draft`, `kb:a1`, `board:P1`, … */
  obj: Record<string, string>;
  /** account id → relation, for the e-mail check */
  byAccount: Map<string, Person>;
  mailsChecked: number;
  /** where e-mail checks failed */
  mailProblems: string[];
}

let w: World;
const ids = (name: string) => {
  const v = w.obj[name];
  if (!v) throw new Error(`no object ${name} in the world`);
  return v;
};

/** Puts the expired session back as it was: the server deletes an expired session it sees. */
async function expireSession(token: string) {
  const id = sessionIdFromToken(token);
  const past = new Date(w.t.clock.now().getTime() - 60_000).toISOString();
  const longAgo = new Date(w.t.clock.now().getTime() - 9 * 3_600_000).toISOString();
  await w.t.db.deleteFrom('session').where('id', '=', id).execute();
  await w.t.db
    .insertInto('session')
    .values({ id, account_id: w.acct.expired, mode: 'bearer', created_at: longAgo, last_seen_at: longAgo, idle_expires_at: past, absolute_expires_at: past, user_agent: null, via: 'password' })
    .execute();
}

async function send(who: Who, req: Req, token: string | undefined = w.token[who]): Promise<Res> {
  if (who === 'expired' && token) await expireSession(token);
  if (req.files) {
    const form = new FormData();
    for (const f of req.files) {
      const bytes = typeof f.data === 'string' ? new TextEncoder().encode(f.data) : f.data;
      form.append('file', new Blob([bytes as Uint8Array<ArrayBuffer>]), f.name);
    }
    const res = await w.t.app.request(`${ORIGIN}${req.path}`, {
      method: req.method,
      headers: { origin: ORIGIN, ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: form,
    });
    const text = await res.text();
    let json: any;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      json = undefined;
    }
    return { status: res.status, headers: res.headers, json, text };
  }
  return call(w.t.app, req.method, req.path, { ...(req.body !== undefined ? { body: req.body } : {}), ...(token ? { token } : {}) });
}

/** A call made while building the world: must succeed; e-mails it caused are checked. */
async function must(who: Person, req: Req, status = req.method === 'POST' ? 201 : 200): Promise<any> {
  const r = await send(who, req);
  expect(r.status, `${who} ${req.method} ${req.path}: ${r.text}`).toBe(status);
  await checkNewMail();
  return r.json;
}

/**
 * E-mails obey the access rules: every mail about a ticket goes to someone who may read that
 * ticket at that moment (asked through the API with the recipient's own session), and no mail
 * carries an internal note.
 */
async function checkNewMail() {
  const rows = await w.t.db
    .selectFrom('outbox')
    .select(['id', 'account_id', 'ticket_id', 'subject', 'text_body', 'html_body', 'kind'])
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  const fresh = rows.filter((r) => !checkedMail.has(r.id));
  for (const m of fresh) {
    checkedMail.add(m.id);
    w.mailsChecked++;
    const all = `${m.subject}\n${m.text_body}\n${m.html_body}`.toLowerCase();
    if (all.includes(WORD.internal)) w.mailProblems.push(`${m.kind} to ${m.account_id} quotes an internal note`);
    if (!m.ticket_id) continue;
    const who = m.account_id ? w.byAccount.get(m.account_id) : undefined;
    if (!who) {
      w.mailProblems.push(`${m.kind} about ${m.ticket_id} to an account outside the world`);
      continue;
    }
    const r = await send(who, { method: 'GET', path: `/api/tickets/${m.ticket_id}` });
    if (r.status !== 200) w.mailProblems.push(`${m.kind} about ${m.ticket_id} went to ${who}, who reads it with ${r.status}`);
  }
}
const checkedMail = new Set<string>();

const ticketBody = (over: Record<string, unknown> = {}) => ({
  subject: `Ticket ${WORD.all} im Lager`,
  description: `<p>Der Drucker ${WORD.all} druckt nicht.</p>`,
  tags: [],
  typeId: T1,
  areaId: A1,
  urgency: 'medium',
  impact: 'medium',
  release: false,
  private: false,
  ...over,
});

/** A ticket of the given kind, made through the API. */
async function makeTicket(kind: Kind): Promise<string> {
  const reason = { reason: 'Geprüft und so in Ordnung.' };
  if (kind === 't12') {
    const tk = await must('editor12', { method: 'POST', path: '/api/tickets', body: ticketBody({ subject: `Ticket ${WORD.all} bei Zwölf` }) });
    await must('dispatcher12', { method: 'POST', path: `/api/tickets/${tk.id}/release`, body: reason }, 200);
    return tk.id as string;
  }
  const priv = kind === 'priv' || kind === 'awaitingPriv';
  const tk = await must('author1', {
    method: 'POST',
    path: '/api/tickets',
    body: ticketBody({ private: priv, tags: priv ? [WORD.secretTag] : ['drucker'] }),
  });
  const id = tk.id as string;
  if (kind === 'pub' || kind === 'priv' || kind === 'closed') await must('dispatcher1', { method: 'POST', path: `/api/tickets/${id}/release`, body: reason }, 200);
  if (kind === 'rejected') await must('dispatcher1', { method: 'POST', path: `/api/tickets/${id}/reject`, body: reason }, 200);
  if (kind === 'closed') await must('author1', { method: 'POST', path: `/api/tickets/${id}/close`, body: { reason: 'Hat sich erledigt, vielen Dank.' } }, 200);
  return id;
}

async function signIn(who: Person): Promise<string> {
  if (who === 'expired') {
    // a session nobody used for longer than the idle time (re-created before each use)
    return generateSessionToken();
  }
  return bearerSignIn(w.t, ACCOUNTS[who].email);
}

async function buildWorld(): Promise<World> {
  const t = await testContext();
  await seedPartners(t.db, [
    { id: '1', name: 'Eins Logistik GmbH' },
    { id: '12', name: 'Zwölf Handel AG' },
    { id: 'f9', name: 'Fremdkunde AG', sp: SP_OTHER },
  ]);
  const acct = {} as Record<Person, string>;
  for (const [who, a] of Object.entries(ACCOUNTS) as [Person, (typeof ACCOUNTS)[Person]][]) {
    acct[who] = await createAccount(t, {
      email: a.email,
      ...(a.kind ? { kind: a.kind } : {}),
      ...(a.sp ? { systemPartnerId: a.sp } : {}),
      memberships: a.memberships ?? [],
      ...(a.pending ? { mustChangePassword: true } : {}),
    });
  }
  await createAccount(t, { email: SIGNIN_EMAIL, memberships: [{ businessPartnerId: '1', role: 'viewer' }] });
  w = { t, acct, token: {}, obj: {}, byAccount: new Map(Object.entries(acct).map(([k, v]) => [v, k as Person])), mailsChecked: 0, mailProblems: [] };
  for (const who of Object.keys(ACCOUNTS) as Person[]) w.token[who] = await signIn(who);

  // tickets of every kind, each with a file of its author
  for (const kind of TICKET_KINDS) w.obj[`ticket:${kind}`] = await makeTicket(kind);
  for (const kind of ['pub', 'priv', 'awaiting', 't12'] as const) {
    const who = kind === 't12' ? 'editor12' : 'author1';
    const up = await must(who, { method: 'POST', path: `/api/tickets/${ids(`ticket:${kind}`)}/attachments`, files: [{ name: `beleg-${kind}.png`, data: PNG }] });
    w.obj[`att:${kind}`] = up.items[0].attachment.id;
  }
  // the agent answers publicly and internally, with an internal file
  for (const kind of ['pub', 'priv'] as const) {
    const id = ids(`ticket:${kind}`);
    await must('agent', { method: 'POST', path: `/api/agent/tickets/${id}/positions`, body: { body: `<p>Antwort ${WORD.reply}</p>`, internal: false } });
    await must('agent', { method: 'POST', path: `/api/agent/tickets/${id}/positions`, body: { body: `<p>Notiz ${WORD.internal}</p>`, internal: true } });
  }
  const internal = await must('agent', { method: 'POST', path: `/api/agent/tickets/${ids('ticket:pub')}/attachments?internal=1`, files: [{ name: `intern-${WORD.internal}.png`, data: PNG }] });
  w.obj['att:internal'] = internal.items[0].attachment.id;
  w.obj['att:draft'] = (await must('author1', { method: 'POST', path: '/api/uploads', files: [{ name: 'entwurf.png', data: PNG }] })).items[0].attachment.id;
  w.obj['att:used'] = ids('att:pub');

  // saved queries: author1's own, a system query of each system partner
  w.obj['query:mine'] = (await must('author1', { method: 'POST', path: '/api/queries', body: { name: 'Meine offenen', filter: { authorIsMe: true } } })).id;
  for (const [name, sp] of [
    ['query:system', SP],
    ['query:systemOther', SP_OTHER],
  ] as const) {
    const id = newId();
    await t.db
      .insertInto('saved_query')
      .values({ id, system_partner_id: sp, account_id: null, key: `open-${sp}`, name_de: 'Offen', name_en: 'Open', filter_json: JSON.stringify({ statuses: ['new'] }), sort: 1 })
      .execute();
    w.obj[name] = id;
  }

  // knowledge base: sections and articles of each system partner
  w.obj['kb:sec'] = (await must('agent', { method: 'POST', path: '/api/agent/kb/sections', body: { nameDe: 'Drucker', nameEn: 'Printers' } })).id;
  w.obj['kb:secForeign'] = (await must('foreignAgent', { method: 'POST', path: '/api/agent/kb/sections', body: { nameDe: 'Fremd', nameEn: 'Foreign' } })).id;
  const article = (who: 'agent' | 'foreignAgent', section: string, title: string, shares: string[]) =>
    must(who, {
      method: 'POST',
      path: '/api/agent/kb/articles',
      body: { sectionId: section, language: 'de', title, bodyHtml: `<p>Die ${WORD.kb} leeren.</p>`, businessPartnerIds: shares },
    }).then((a) => a.id as string);
  w.obj['kb:a1'] = await article('agent', ids('kb:sec'), 'Für Eins', ['1']);
  w.obj['kb:a12'] = await article('agent', ids('kb:sec'), 'Für Zwölf', ['12']);
  w.obj['kb:aNone'] = await article('agent', ids('kb:sec'), 'Noch nicht geteilt', []);
  w.obj['kb:aForeign'] = await article('foreignAgent', ids('kb:secForeign'), 'Fremd geteilt', ['f9']);

  // plan boards: P1 with an observer and an editor; PF of the other system partner
  const p1 = await must('agent', { method: 'POST', path: '/api/agent/plan/boards', body: { title: 'Rollout Eins', businessPartnerId: '1' } });
  w.obj['board:P1'] = p1.id;
  w.obj['column:P1'] = p1.columns[0].id;
  await must('agent', {
    method: 'PUT',
    path: `/api/agent/plan/boards/${p1.id}/members`,
    body: { members: [{ email: ACCOUNTS.viewer1.email, role: 'observer' }, { email: ACCOUNTS.colleague1.email, role: 'editor' }] },
  });
  const act = (who: 'agent' | 'foreignAgent', board: string, column: string, ticketId?: string) =>
    must(who, {
      method: 'POST',
      path: `/api/agent/plan/boards/${board}/activities`,
      body: { columnId: column, title: 'Geräte tauschen', startDate: '2026-03-10', endDate: '2026-03-12', ...(ticketId ? { ticketId } : {}) },
    }).then((a) => a.id as string);
  w.obj['activity:P1'] = await act('agent', p1.id, p1.columns[0].id, ids('ticket:priv'));
  await act('agent', p1.id, p1.columns[1].id, ids('ticket:pub'));
  const pf = await must('foreignAgent', { method: 'POST', path: '/api/agent/plan/boards', body: { title: 'Fremdes Board' } });
  w.obj['board:PF'] = pf.id;
  w.obj['activity:PF'] = await act('foreignAgent', pf.id, pf.columns[0].id);

  // the host-token key of "1" (for the exchange row)
  await must('agent', {
    method: 'POST',
    path: '/api/agent/partners/1/keys',
    body: { alg: 'HS256', issuer: 'intranet-eins', audience: 'helpdesk-portal', key: HOST_SECRET },
  });
  return w;
}

async function hostToken(): Promise<string> {
  const now = Math.floor(w.t.clock.now().getTime() / 1000);
  return new SignJWT({})
    .setProtectedHeader({ alg: 'HS256' })
    .setIssuer('intranet-eins')
    .setAudience('helpdesk-portal')
    .setSubject(SIGNIN_EMAIL)
    .setJti(newId())
    .setIssuedAt(now)
    .setExpirationTime(now + 120)
    .sign(new TextEncoder().encode(HOST_SECRET));
}

// ---------------------------------------------------------------------------------------------
// How each route is called

interface CallSpec {
  /** the request for a target; `o` resolves object names (fresh ones for allowed calls) */
  req: (target: string, o: (name: string) => string, who: Who) => Req | Promise<Req>;
  /** the object whose id is the last path parameter (compared with a missing id on 404) */
  key?: (target: string) => string;
  /** allowed calls change or use up their target: each gets a new one */
  fresh?: (target: string) => Promise<Record<string, string>>;
  /** the call ends or replaces the caller's session: it gets a spare one */
  spare?: true;
  /** puts back what an allowed call changed that later cells rely on */
  after?: (who: Who, r: Res) => Promise<void>;
}

const reason = { reason: 'Bitte so bearbeiten, danke sehr.' };
const ticketKey = (k: string) => `ticket:${k}`;
const freshTicket = async (k: string) => ({ [ticketKey(k)]: await makeTicket(k as Kind) });
const ticketCall = (suffix: string, method: string, body?: (o: (n: string) => string, k: string) => Promise<unknown> | unknown, files?: boolean): CallSpec => ({
  req: async (k, o) => ({
    method,
    path: `/api/tickets/${o(ticketKey(k))}${suffix}`,
    ...(body ? { body: await body(o, k) } : {}),
    ...(files ? { files: [{ name: 'nachtrag.png', data: PNG }] } : {}),
  }),
  key: ticketKey,
  ...(method === 'POST' ? { fresh: freshTicket } : {}),
});
const agentTicketCall = (suffix: string, method: string, body?: (o: (n: string) => string, k: string) => Promise<unknown> | unknown, files?: boolean): CallSpec => ({
  ...ticketCall(suffix, method, body, files),
  req: async (k, o) => ({
    method,
    path: `/api/agent/tickets/${o(ticketKey(k))}${suffix}`,
    ...(body ? { body: await body(o, k) } : {}),
    ...(files ? { files: [{ name: 'antwort.png', data: PNG }] } : {}),
  }),
});
const plain = (method: string, path: string, body?: () => unknown): CallSpec => ({
  req: () => ({ method, path, ...(body ? { body: body() } : {}) }),
});
const onObject = (method: string, path: (o: (n: string) => string, target: string) => string, key: (target: string) => string, body?: (o: (n: string) => string, target: string) => unknown | Promise<unknown>): CallSpec => ({
  req: async (target, o) => ({ method, path: path(o, target), ...(body ? { body: await body(o, target) } : {}) }),
  key,
});
const currentVersion = async (table: 'plan_activity' | 'kb_article', id: string) =>
  Number((await w.t.db.selectFrom(table).select('version').where('id', '=', id).executeTakeFirst())?.version ?? 1);
const newPassword = 'Ganz-Neues-Passwort-77!';

const CALLS: Record<string, CallSpec> = {
  'GET /api/health': plain('GET', '/api/health'),
  'GET /api/auth/policy': plain('GET', '/api/auth/policy'),
  'POST /api/auth/sign-in': { ...plain('POST', '/api/auth/sign-in', () => ({ email: SIGNIN_EMAIL, password: PASSWORD, mode: 'bearer' })), spare: true },
  'POST /api/auth/exchange': { req: async () => ({ method: 'POST', path: '/api/auth/exchange', body: { token: await hostToken() } }) },
  'POST /api/auth/sign-out': { ...plain('POST', '/api/auth/sign-out'), spare: true },
  'POST /api/auth/password': {
    ...plain('POST', '/api/auth/password', () => ({ oldPassword: PASSWORD, newPassword })),
    spare: true,
    // back to the old password; the change ended the caller's other sessions
    after: async (who, r) => {
      if (r.status !== 200 || who === 'anon') return;
      const a = ACCOUNTS[who];
      await w.t.db.updateTable('account').set({ password_hash: accountRows.get(who)!.password_hash, must_change_password: a.pending ? 1 : 0 }).where('id', '=', w.acct[who]).execute();
      w.token[who] = await signIn(who);
    },
  },
  'GET /api/me': plain('GET', '/api/me'),
  'PATCH /api/me': plain('PATCH', '/api/me', () => ({ notifyEmail: true })),
  'GET /api/demo/outbox': plain('GET', '/api/demo/outbox'),
  'GET /api/tickets': plain('GET', '/api/tickets?pageSize=100'),
  'POST /api/tickets': {
    req: (target) => ({
      method: 'POST',
      path: '/api/tickets',
      body: ticketBody(target === 'bp1' ? { businessPartnerId: '1' } : target === 'bp12' ? { businessPartnerId: '12' } : {}),
    }),
  },
  'GET /api/tickets/:id': ticketCall('', 'GET'),
  'PATCH /api/tickets/:id': {
    ...ticketCall('', 'PATCH', async (o, k) => {
      const row = await w.t.db.selectFrom('ticket').select('version').where('id', '=', o(ticketKey(k))).executeTakeFirst();
      return { version: row?.version ?? 1, subject: `Ticket ${WORD.all} überarbeitet` };
    }),
    fresh: freshTicket,
  },
  'GET /api/tickets/:id/positions': ticketCall('/positions', 'GET'),
  'POST /api/tickets/:id/positions': ticketCall('/positions', 'POST', () => ({ body: '<p>Eine Ergänzung.</p>' })),
  'POST /api/tickets/:id/attachments': ticketCall('/attachments', 'POST', undefined, true),
  'POST /api/tickets/:id/close': ticketCall('/close', 'POST', () => ({ reason: 'Hat sich erledigt, vielen Dank.' })),
  'POST /api/tickets/:id/reopen': ticketCall('/reopen', 'POST', () => reason),
  'POST /api/tickets/:id/release': ticketCall('/release', 'POST', () => reason),
  'POST /api/tickets/:id/reject': ticketCall('/reject', 'POST', () => reason),
  'POST /api/tickets/:id/resubmit': ticketCall('/resubmit', 'POST', () => ({ comment: 'Ergänzt.' })),
  'GET /api/attachments/:id': onObject('GET', (o, k) => `/api/attachments/${o(`att:${k}`)}`, (k) => `att:${k}`),
  'POST /api/uploads': { req: () => ({ method: 'POST', path: '/api/uploads', files: [{ name: 'bild.png', data: PNG }] }) },
  'DELETE /api/uploads/:id': {
    ...onObject('DELETE', (o, k) => `/api/uploads/${o(`att:${k}`)}`, (k) => `att:${k}`),
    fresh: async (k): Promise<Record<string, string>> =>
      k === 'draft' ? { 'att:draft': (await must('author1', { method: 'POST', path: '/api/uploads', files: [{ name: 'weg.png', data: PNG }] })).items[0].attachment.id } : {},
  },
  'GET /api/lookups/types': plain('GET', '/api/lookups/types'),
  'GET /api/lookups/areas': plain('GET', '/api/lookups/areas'),
  'GET /api/lookups/partners': plain('GET', '/api/lookups/partners'),
  'GET /api/lookups/priority': plain('GET', '/api/lookups/priority'),
  'GET /api/tags': plain('GET', '/api/tags?prefix=d'),
  'GET /api/queries': plain('GET', '/api/queries'),
  'POST /api/queries': plain('POST', '/api/queries', () => ({ name: 'Neu', filter: { statuses: ['new'] } })),
  'DELETE /api/queries/:id': {
    ...onObject('DELETE', (o, k) => `/api/queries/${o(`query:${k}`)}`, (k) => `query:${k}`),
    fresh: async (k): Promise<Record<string, string>> =>
      k === 'mine' ? { 'query:mine': (await must('author1', { method: 'POST', path: '/api/queries', body: { name: 'Weg damit', filter: {} } })).id } : {},
  },
  'GET /api/prefs/:key': plain('GET', '/api/prefs/board.sort'),
  'PUT /api/prefs/:key': plain('PUT', '/api/prefs/board.sort', () => ({ value: { sort: 'number' } })),
  'GET /api/dashboard': plain('GET', '/api/dashboard?scope=all'),
  'GET /api/kb/sections': plain('GET', '/api/kb/sections'),
  'GET /api/kb/articles': plain('GET', '/api/kb/articles'),
  'GET /api/kb/languages': plain('GET', '/api/kb/languages'),
  'GET /api/kb/articles/:id': onObject('GET', (o, k) => `/api/kb/articles/${o(`kb:${k}`)}`, (k) => `kb:${k}`),
  'GET /api/agent/kb/sections': plain('GET', '/api/agent/kb/sections'),
  'POST /api/agent/kb/sections': plain('POST', '/api/agent/kb/sections', () => ({ nameDe: 'Neu', nameEn: 'New' })),
  'PATCH /api/agent/kb/sections/:id': onObject('PATCH', (o, k) => `/api/agent/kb/sections/${o(`kb:${k}`)}`, (k) => `kb:${k}`, () => ({ sort: 5 })),
  'DELETE /api/agent/kb/sections/:id': {
    ...onObject('DELETE', (o) => `/api/agent/kb/sections/${o('kb:emptySec')}`, () => 'kb:emptySec'),
    fresh: async () => ({ 'kb:emptySec': (await must('agent', { method: 'POST', path: '/api/agent/kb/sections', body: { nameDe: 'Leer', nameEn: 'Empty' } })).id }),
  },
  'GET /api/agent/kb/articles': plain('GET', '/api/agent/kb/articles'),
  'POST /api/agent/kb/articles': {
    req: () => ({ method: 'POST', path: '/api/agent/kb/articles', body: { sectionId: ids('kb:sec'), language: 'de', title: 'Neu', bodyHtml: '<p>Text</p>', businessPartnerIds: [] } }),
  },
  'GET /api/agent/kb/articles/:id': onObject('GET', (o, k) => `/api/agent/kb/articles/${o(`kb:${k}`)}`, (k) => `kb:${k}`),
  'PATCH /api/agent/kb/articles/:id': onObject(
    'PATCH',
    (o, k) => `/api/agent/kb/articles/${o(`kb:${k}`)}`,
    (k) => `kb:${k}`,
    async (o, k) => {
      const version = await currentVersion('kb_article', o(`kb:${k}`));
      return { version, title: version % 2 ? 'Für Eins (neu)' : 'Für Eins' };
    },
  ),
  'PUT /api/agent/kb/articles/:id/shares': onObject('PUT', (o, k) => `/api/agent/kb/articles/${o(`kb:${k}`)}/shares`, (k) => `kb:${k}`, () => ({ businessPartnerIds: ['1'] })),
  'DELETE /api/agent/kb/articles/:id': {
    ...onObject('DELETE', (o) => `/api/agent/kb/articles/${o('kb:article')}`, () => 'kb:article'),
    fresh: async () => ({
      'kb:article': (await must('agent', { method: 'POST', path: '/api/agent/kb/articles', body: { sectionId: ids('kb:sec'), language: 'de', title: 'Weg', bodyHtml: '<p>x</p>' } })).id,
    }),
  },
  'GET /api/planboards': plain('GET', '/api/planboards'),
  'GET /api/planboards/:id': onObject('GET', (o, k) => `/api/planboards/${o(`board:${k}`)}`, (k) => `board:${k}`),
  'PATCH /api/plan-activities/:id': onObject(
    'PATCH',
    (o, k) => `/api/plan-activities/${o(`activity:${k}`)}`,
    (k) => `activity:${k}`,
    async (o, k) => {
      const version = await currentVersion('plan_activity', o(`activity:${k}`));
      return { version, priority: version % 2 ? 'high' : 'low' };
    },
  ),
  'GET /api/agent/plan/boards': plain('GET', '/api/agent/plan/boards'),
  'POST /api/agent/plan/boards': plain('POST', '/api/agent/plan/boards', () => ({ title: 'Neues Board' })),
  'GET /api/agent/plan/boards/:id': onObject('GET', (o, k) => `/api/agent/plan/boards/${o(`board:${k}`)}`, (k) => `board:${k}`),
  'PATCH /api/agent/plan/boards/:id': onObject('PATCH', (o, k) => `/api/agent/plan/boards/${o(`board:${k}`)}`, (k) => `board:${k}`, () => ({ description: 'Geräte tauschen' })),
  'POST /api/agent/plan/boards/:id/columns': onObject('POST', (o, k) => `/api/agent/plan/boards/${o(`board:${k}`)}/columns`, (k) => `board:${k}`, () => ({ title: 'Später' })),
  'PATCH /api/agent/plan/boards/:id/columns/:columnId': onObject(
    'PATCH',
    (o) => `/api/agent/plan/boards/${o('board:P1')}/columns/${o('column:P1')}`,
    () => 'column:P1',
    () => ({ title: 'Geplant' }),
  ),
  'DELETE /api/agent/plan/boards/:id/columns/:columnId': {
    ...onObject('DELETE', (o) => `/api/agent/plan/boards/${o('board:P1')}/columns/${o('column:empty')}`, () => 'column:empty'),
    fresh: async () => {
      const id = newId();
      await w.t.db.insertInto('plan_column').values({ id, board_id: ids('board:P1'), title: 'Leer', sort: 50 }).execute();
      return { 'column:empty': id };
    },
  },
  'PUT /api/agent/plan/boards/:id/members': onObject('PUT', (o, k) => `/api/agent/plan/boards/${o(`board:${k}`)}/members`, (k) => `board:${k}`, () => ({
    members: [
      { email: ACCOUNTS.viewer1.email, role: 'observer' },
      { email: ACCOUNTS.colleague1.email, role: 'editor' },
    ],
  })),
  'POST /api/agent/plan/boards/:id/activities': onObject('POST', (o, k) => `/api/agent/plan/boards/${o(`board:${k}`)}/activities`, (k) => `board:${k}`, (o) => ({
    columnId: o('column:P1'),
    title: 'Noch eine',
    startDate: '2026-04-01',
    endDate: '2026-04-02',
  })),
  'PATCH /api/agent/plan/activities/:id': onObject(
    'PATCH',
    (o, k) => `/api/agent/plan/activities/${o(`activity:${k}`)}`,
    (k) => `activity:${k}`,
    async (o, k) => ({ version: await currentVersion('plan_activity', o(`activity:${k}`)), durationHours: 4 }),
  ),
  'DELETE /api/agent/plan/activities/:id': {
    ...onObject('DELETE', (o) => `/api/agent/plan/activities/${o('activity:gone')}`, () => 'activity:gone'),
    fresh: async () => ({
      'activity:gone': (
        await must('agent', {
          method: 'POST',
          path: `/api/agent/plan/boards/${ids('board:P1')}/activities`,
          body: { columnId: ids('column:P1'), title: 'Weg', startDate: '2026-04-01', endDate: '2026-04-01' },
        })
      ).id,
    }),
  },
  'GET /api/agent/partners': plain('GET', '/api/agent/partners'),
  'GET /api/agent/partners/:id/embedding': onObject('GET', (_o, k) => `/api/agent/partners/${k === 'bp1' ? '1' : 'f9'}/embedding`, (k) => `partner:${k}`),
  'PUT /api/agent/partners/:id/origins': onObject('PUT', () => '/api/agent/partners/1/origins', () => 'partner:bp1', () => ({ origins: ['https://intranet.eins.example'] })),
  'POST /api/agent/partners/:id/keys': onObject('POST', () => '/api/agent/partners/1/keys', () => 'partner:bp1', () => ({
    alg: 'HS256',
    issuer: `intranet-eins-${newId()}`,
    audience: 'helpdesk-portal',
  })),
  'DELETE /api/agent/partners/:id/keys/:keyId': {
    ...onObject('DELETE', (o) => `/api/agent/partners/1/keys/${o('key:gone')}`, () => 'key:gone'),
    fresh: async () => ({
      'key:gone': (await must('agent', { method: 'POST', path: '/api/agent/partners/1/keys', body: { alg: 'HS256', issuer: `weg-${newId()}`, audience: 'portal' } })).id,
    }),
  },
  'GET /api/agent/tickets': plain('GET', '/api/agent/tickets?pageSize=100'),
  'GET /api/agent/tickets/:id': agentTicketCall('', 'GET'),
  'POST /api/agent/tickets/:id/positions': agentTicketCall('/positions', 'POST', () => ({ body: '<p>Wir schauen es uns an.</p>' })),
  'POST /api/agent/tickets/:id/status': agentTicketCall('/status', 'POST', async (o, k) => {
    const row = await w.t.db.selectFrom('ticket').select('status').where('id', '=', o(ticketKey(k))).executeTakeFirst();
    return { status: row?.status === 'closed' ? 'in_progress' : 'resolved' };
  }),
  'POST /api/agent/tickets/:id/attachments': agentTicketCall('/attachments', 'POST', undefined, true),
};
// path ids that are not world objects but fixed partner ids
const FIXED: Record<string, string> = { 'partner:bp1': '1', 'partner:bpForeign': 'f9' };

// ---------------------------------------------------------------------------------------------
// Running the matrix

/**
 * Counts every row written to any table but `session` (whose expiry slides on use by design):
 * temporary triggers on the test's own connection bump a counter, and roll back with the write
 * they count. Cheaper than a checksum of every table per cell, and stricter (a write of the same
 * values counts too). The full-text tables are virtual; they only change along with the rows
 * they index, which are counted.
 */
async function installChangeCounter() {
  await sql`create temp table write_count (n integer not null)`.execute(w.t.db);
  await sql`insert into temp.write_count values (0)`.execute(w.t.db);
  const tables = await sql<{ name: string }>`
    select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name <> 'session'
      and sql not like 'CREATE VIRTUAL TABLE%' and name not like '%_fts_%'
  `.execute(w.t.db);
  for (const { name } of tables.rows) {
    for (const op of ['insert', 'update', 'delete']) {
      await sql`${sql.raw(`create temp trigger count_${op}_${name} after ${op} on main."${name}" begin update write_count set n = n + 1; end`)}`.execute(w.t.db);
    }
  }
  return tables.rows.length;
}
const writes = async () => Number((await sql<{ n: number }>`select n from temp.write_count`.execute(w.t.db)).rows[0]!.n);

const codeFor = (status: number, who: Who): string =>
  ({ 401: 'unauthenticated', 403: who === 'pending' ? 'password_change_required' : 'forbidden', 404: 'not_found', 409: 'conflict', 422: 'validation_failed' })[status] ?? `status ${status}`;

const figures = { routes: 0, cells: 0, failed: 0, refusals: 0, comparedWithMissing: 0, consistencyChecks: 0, consistencyFailed: 0, mails: 0 };
let accountRows: Map<Person, { password_hash: string | null }>;

/** The routes of the app (method + path), middleware left out. */
function appRoutes(): string[] {
  const keys = new Set<string>();
  for (const r of w.t.app.routes) {
    if (r.method === 'ALL') continue;
    keys.add(`${r.method} ${r.path}`);
  }
  return [...keys];
}

async function spareToken(who: Who): Promise<string | undefined> {
  if (who === 'anon') return undefined;
  return signIn(who);
}

/** One cell: the call, its status, and for refusals the envelope, no effect and the 404 rule. */
async function runCell(route: string, target: string, who: Who, expected: number, problems: string[]) {
  const spec = CALLS[route]!;
  const allowed = expected < 300;
  // objects a call uses up: allowed calls get a new one, refusals share a standing one
  if (spec.fresh && spec.key && !w.obj[spec.key(target)]) Object.assign(w.obj, await spec.fresh(target));
  const overrides = allowed && spec.fresh ? await spec.fresh(target) : {};
  const o = (name: string) => overrides[name] ?? FIXED[name] ?? ids(name);
  const req = await spec.req(target, o, who);
  const token = spec.spare ? await spareToken(who) : w.token[who];
  const before = allowed ? null : await writes();
  const r = await send(who, req, token);
  figures.cells++;
  const where = `${route} [${target}] as ${who}`;
  if (r.status !== expected) {
    problems.push(`${where}: expected ${expected}, got ${r.status} ${r.text.slice(0, 160)}`);
    if (allowed || r.status < 300) await spec.after?.(who, r);
    return;
  }
  if (allowed) {
    await spec.after?.(who, r);
    await checkNewMail();
    return;
  }
  figures.refusals++;
  try {
    expectErrorEnvelope(r, expected, codeFor(expected, who));
  } catch (e) {
    problems.push(`${where}: ${(e as Error).message.split('\n')[0]}`);
  }
  if ((await writes()) !== before) problems.push(`${where}: the refused call wrote ${(await writes()) - before!} rows`);
  // a resource the caller may not see answers exactly like a missing one
  if (expected === 404 && spec.key && !FIXED[spec.key(target)]) {
    const missingReq = await spec.req(target, (name) => (name === spec.key!(target) ? MISSING : o(name)), who);
    const m = await send(who, missingReq, spec.spare ? await spareToken(who) : w.token[who]);
    figures.comparedWithMissing++;
    const strip = (j: any) => ({ ...j, error: { ...j?.error, requestId: undefined } });
    if (m.status !== 404 || JSON.stringify(strip(m.json)) !== JSON.stringify(strip(r.json))) {
      problems.push(`${where}: answers ${r.text} but a missing id answers ${m.status} ${m.text}`);
    }
  }
}

beforeAll(async () => {
  await buildWorld();
  expect(await installChangeCounter()).toBeGreaterThan(20);
  accountRows = new Map();
  for (const who of Object.keys(ACCOUNTS) as Person[]) {
    const row = await w.t.db.selectFrom('account').select('password_hash').where('id', '=', w.acct[who]).executeTakeFirstOrThrow();
    accountRows.set(who, row);
  }
}, 120_000);

afterAll(async () => {
  figures.mails = w?.mailsChecked ?? 0;
  const line = `authorization matrix: ${figures.cells} cells checked on ${figures.routes} routes × ${COLUMNS.length} relations, ${figures.failed} failed; ${figures.consistencyChecks} list/search/count/mail comparisons, ${figures.consistencyFailed} failed`;
  process.stdout.write(line + '\n');
  await recordSecurityFigures('authzMatrix', { ...figures, relations: [...COLUMNS] });
});

describe('authorization matrix', () => {
  it('has a row for every route of the app, and none for a route that does not exist', () => {
    const routes = appRoutes().sort();
    expect(routes.length).toBeGreaterThan(50);
    expect(Object.keys(MATRIX).sort(), 'routes without a row in MATRIX (or rows of routes that are gone)').toEqual(routes);
    expect(Object.keys(CALLS).sort(), 'routes without a call in CALLS').toEqual(routes);
    for (const [route, rows] of Object.entries(MATRIX)) {
      for (const [target, cells] of Object.entries(rows)) {
        expect(cells.trim().split(/\s+/), `${route} [${target}]`).toHaveLength(COLUMNS.length);
      }
    }
    figures.routes = routes.length;
  });

  it('notices a write (the refusal check can fail)', async () => {
    const before = await writes();
    await send('author1', { method: 'PUT', path: '/api/prefs/matrix.probe', body: { value: 1 } });
    expect(await writes()).toBeGreaterThan(before);
  });

  // in the order of the table; each route runs against the world as the routes before left it
  it.each(Object.keys(MATRIX))('%s', async (route) => {
    const problems: string[] = [];
    for (const [target, cells] of Object.entries(MATRIX[route]!)) {
      const expected = cells.trim().split(/\s+/).map(Number);
      for (const [i, who] of COLUMNS.entries()) {
        const before = problems.length;
        await runCell(route, target, who, expected[i]!, problems);
        if (problems.length > before) figures.failed++;
      }
    }
    expect(problems).toEqual([]);
  }, 180_000);

  it('sent every e-mail about a ticket only to people who may read it, and none with an internal note', async () => {
    await checkNewMail();
    expect(w.mailsChecked).toBeGreaterThan(20);
    expect(w.mailProblems).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------
// Bulk views obey the same rules as direct reads

const SIGNED_IN = COLUMNS.filter((c): c is Exclude<Who, 'anon' | 'expired' | 'pending'> => c !== 'anon' && c !== 'expired' && c !== 'pending');

async function getJson(who: Who, path: string): Promise<any> {
  const r = await send(who, { method: 'GET', path });
  expect(r.status, `${who} GET ${path}: ${r.text}`).toBe(200);
  return r.json;
}

async function allPages(who: Who, base: string): Promise<{ ids: string[]; totals: number[] }> {
  const idsSeen: string[] = [];
  const totals: number[] = [];
  for (let page = 1; page < 100; page++) {
    const sep = base.includes('?') ? '&' : '?';
    const r = await getJson(who, `${base}${sep}pageSize=100&page=${page}`);
    totals.push(r.total);
    idsSeen.push(...r.items.map((i: { id: string }) => i.id));
    if (r.items.length < 100) break;
  }
  return { ids: idsSeen, totals };
}

const sorted = (a: Iterable<string>) => [...a].sort();

describe('lists, counts, search, history, attachments, dashboard, knowledge base and plan boards follow direct reads', { timeout: 120_000 }, () => {
  let tickets: { id: string; status: string; business_partner_id: string; author_id: string; subject: string }[];
  let visible: Map<Who, Set<string>>;

  beforeAll(async () => {
    tickets = await w.t.db.selectFrom('ticket').select(['id', 'status', 'business_partner_id', 'author_id', 'subject']).execute();
    visible = new Map();
    for (const who of SIGNED_IN) {
      const seen = new Set<string>();
      for (const tk of tickets) {
        const r = await send(who, { method: 'GET', path: `/api/tickets/${tk.id}` });
        expect([200, 404], `${who} GET ticket: ${r.text}`).toContain(r.status);
        if (r.status === 200) seen.add(tk.id);
      }
      // the policy module agrees with the API's answers
      const row = await w.t.db.selectFrom('account').selectAll().where('id', '=', w.acct[who]).executeTakeFirstOrThrow();
      const actor = await loadActor(w.t.db, row);
      const full = await w.t.db.selectFrom('ticket').selectAll().execute();
      expect(sorted(seen), `${who}: API reads and canSeeTicket`).toEqual(sorted(full.filter((tk) => canSeeTicket(actor, tk)).map((tk) => tk.id)));
      visible.set(who, seen);
    }
  }, 120_000);

  const check = async (fn: () => Promise<void>) => {
    figures.consistencyChecks++;
    try {
      await fn();
    } catch (e) {
      figures.consistencyFailed++;
      throw e;
    }
  };

  it('the world has tickets each relation sees and tickets it does not', () => {
    for (const who of SIGNED_IN) {
      const n = visible.get(who)!.size;
      if (who === 'foreignAgent') expect(n).toBe(0);
      else expect(n, who).toBeGreaterThan(0);
      expect(n, who).toBeLessThan(tickets.length);
    }
  });

  it.each(SIGNED_IN)('ticket list, totals and filters as %s', async (who) => {
    const v = visible.get(who)!;
    await check(async () => {
      const list = await allPages(who, '/api/tickets');
      expect(sorted(list.ids)).toEqual(sorted(v));
      for (const total of list.totals) expect(total).toBe(v.size);
    });
    for (const status of ['awaiting_release', 'release_rejected', 'new', 'in_progress', 'resolved', 'closed']) {
      await check(async () => {
        const expected = tickets.filter((tk) => v.has(tk.id) && tk.status === status).map((tk) => tk.id);
        const list = await allPages(who, `/api/tickets?status=${status}`);
        expect(sorted(list.ids), `status ${status}`).toEqual(sorted(expected));
        for (const total of list.totals) expect(total, `total of status ${status}`).toBe(expected.length);
      });
    }
    for (const partner of ['1', '12', 'f9']) {
      await check(async () => {
        const expected = tickets.filter((tk) => v.has(tk.id) && tk.business_partner_id === partner).map((tk) => tk.id);
        const list = await allPages(who, `/api/tickets?partner=${partner}`);
        expect(sorted(list.ids), `partner ${partner}`).toEqual(sorted(expected));
        for (const total of list.totals) expect(total, `total of partner ${partner}`).toBe(expected.length);
      });
    }
    if (who === 'agent' || who === 'foreignAgent') {
      await check(async () => {
        const list = await allPages(who, '/api/agent/tickets');
        expect(sorted(list.ids)).toEqual(sorted(v));
      });
    }
  });

  it.each(SIGNED_IN)('search as %s', async (who) => {
    const v = visible.get(who)!;
    const isAgent = who === 'agent' || who === 'foreignAgent';
    const withPosition = async (word: string) => {
      const rows = await w.t.db.selectFrom('position').select(['ticket_id', 'internal']).where('body_text', 'like', `%${word}%`).execute();
      return new Set(rows.filter((p) => isAgent || p.internal === 0).map((p) => p.ticket_id));
    };
    // a word in every subject; a word of the agent's public replies; one only in internal notes
    const cases: [string, Set<string>][] = [
      [WORD.all, new Set(tickets.filter((tk) => tk.subject.toLowerCase().includes(WORD.all)).map((tk) => tk.id))],
      [WORD.reply, await withPosition(WORD.reply)],
      [WORD.internal, await withPosition(WORD.internal)],
      [WORD.secretTag, new Set((await w.t.db.selectFrom('ticket_tag').innerJoin('tag', 'tag.id', 'ticket_tag.tag_id').select('ticket_tag.ticket_id').where('tag.name', '=', WORD.secretTag).execute()).map((r) => r.ticket_id))],
    ];
    for (const [word, matching] of cases) {
      await check(async () => {
        const expected = [...matching].filter((id) => v.has(id));
        const list = await allPages(who, `/api/tickets?q=${encodeURIComponent(word)}`);
        expect(sorted(list.ids), `search ${word}`).toEqual(sorted(expected));
        for (const total of list.totals) expect(total, `total of search ${word}`).toBe(expected.length);
      });
    }
    if (!isAgent) {
      await check(async () => expect((await getJson(who, `/api/tickets?q=${WORD.internal}`)).items).toEqual([]));
    }
  });

  it.each(SIGNED_IN)('history, attachments and downloads as %s', async (who) => {
    const v = visible.get(who)!;
    const isAgent = who === 'agent' || who === 'foreignAgent';
    const listed = new Set<string>();
    for (const id of v) {
      await check(async () => {
        const detail = await getJson(who, `/api/tickets/${id}`);
        for (const a of detail.attachments) listed.add(a.id);
        const positions = (await getJson(who, `/api/tickets/${id}/positions`)).items as { bodyHtml: string; internal?: boolean; attachments: { id: string }[] }[];
        for (const p of positions) {
          if (!isAgent) {
            expect(p.internal, 'customers never see the internal flag').toBeUndefined();
            expect(p.bodyHtml.toLowerCase()).not.toContain(WORD.internal);
          }
          for (const a of p.attachments) expect(detail.attachments.map((x: { id: string }) => x.id)).toContain(a.id);
        }
      });
    }
    const all = await w.t.db.selectFrom('attachment').select(['id', 'ticket_id', 'uploaded_by']).execute();
    for (const a of all) {
      await check(async () => {
        const r = await send(who, { method: 'GET', path: `/api/attachments/${a.id}` });
        const ownDraft = a.ticket_id === null && a.uploaded_by === w.acct[who as Person];
        expect(r.status, `attachment ${a.id} (listed: ${listed.has(a.id)}, own draft: ${ownDraft})`).toBe(listed.has(a.id) || ownDraft ? 200 : 404);
      });
    }
  });

  it.each(SIGNED_IN)('dashboard and counts as %s', async (who) => {
    const v = visible.get(who)!;
    const mine = tickets.filter((tk) => v.has(tk.id) && tk.author_id === w.acct[who as Person]);
    for (const scope of ['all', 'mine'] as const) {
      await check(async () => {
        const d = await getJson(who, `/api/dashboard?scope=${scope}`);
        const base = d.scope === 'mine' ? mine : tickets.filter((tk) => v.has(tk.id));
        for (const s of d.stats.byStatus as { status: string; count: number }[]) {
          expect(s.count, `${scope}: ${s.status}`).toBe(base.filter((tk) => tk.status === s.status).length);
        }
        const byType = (d.stats.byType as { count: number }[]).reduce((n, x) => n + x.count, 0);
        expect(byType, `${scope}: by type`).toBe(base.length);
        for (const h of d.history as { ticket: { id: string }; excerpt: string }[]) {
          expect(v.has(h.ticket.id), `history entry of ticket ${h.ticket.id}`).toBe(true);
          expect(h.excerpt.toLowerCase()).not.toContain(WORD.internal);
        }
      });
    }
    await check(async () => {
      const me = await getJson(who, '/api/me');
      const releasers = new Set<string>(me.partners.filter((p: { canRelease: boolean }) => p.canRelease).map((p: { id: string }) => p.id));
      const awaiting = tickets.filter((tk) => v.has(tk.id) && tk.status === 'awaiting_release');
      expect(me.counts.awaitingMyRelease).toBe(awaiting.filter((tk) => releasers.has(tk.business_partner_id)).length);
      expect(me.counts.mySubmittedAwaiting).toBe(awaiting.filter((tk) => tk.author_id === w.acct[who as Person]).length);
    });
  });

  it.each(SIGNED_IN)('tag suggestions as %s', async (who) => {
    const v = visible.get(who)!;
    const rows = await w.t.db
      .selectFrom('tag')
      .leftJoin('ticket_tag', 'ticket_tag.tag_id', 'tag.id')
      .select(['tag.name', 'tag.business_partner_id', 'ticket_tag.ticket_id'])
      .execute();
    for (const name of new Set(rows.map((r) => r.name))) {
      await check(async () => {
        const items = (await getJson(who, `/api/tags?prefix=${encodeURIComponent(name)}`)).items as { name: string; uses: number }[];
        const onVisible = rows.filter((r) => r.name === name && r.ticket_id && v.has(r.ticket_id));
        const offered = items.find((i) => i.name === name);
        if (onVisible.length === 0) expect(offered, `tag ${name} is used on no ticket ${who} sees`).toBeUndefined();
        // customers get what their visible tickets use, counted over those only (agents get none)
        else if (who !== 'agent' && who !== 'foreignAgent') expect(offered?.uses, `tag ${name}`).toBe(onVisible.length);
        else expect(offered).toBeUndefined();
      });
    }
  });

  it.each(SIGNED_IN)('knowledge base lists and search as %s', async (who) => {
    const articles = await w.t.db.selectFrom('kb_article').select(['id', 'body_text']).execute();
    const readable = new Set<string>();
    for (const a of articles) {
      const r = await send(who, { method: 'GET', path: `/api/kb/articles/${a.id}` });
      expect([200, 404]).toContain(r.status);
      if (r.status === 200) readable.add(a.id);
    }
    await check(async () => expect(sorted((await getJson(who, '/api/kb/articles')).items.map((i: { id: string }) => i.id))).toEqual(sorted(readable)));
    const matching = articles.filter((a) => a.body_text.toLowerCase().includes(WORD.kb) && readable.has(a.id)).map((a) => a.id);
    await check(async () => expect(sorted((await getJson(who, `/api/kb/articles?q=${WORD.kb}`)).items.map((i: { id: string }) => i.id))).toEqual(sorted(matching)));
    for (const q of ['', WORD.kb]) {
      await check(async () => {
        const sections = (await getJson(who, `/api/kb/sections${q ? `?q=${q}` : ''}`)).items as { articleCount: number }[];
        expect(sections.reduce((n, s) => n + s.articleCount, 0), `sections${q ? ' for ' + q : ''}`).toBe(q ? matching.length : readable.size);
      });
    }
    await check(async () => {
      const me = await getJson(who, '/api/me');
      if (who !== 'agent' && who !== 'foreignAgent') expect(me.capabilities.knowledgeBase, 'the KB entry shows when an article is shared').toBe(readable.size > 0);
    });
  });

  it.each(SIGNED_IN)('plan boards as %s', async (who) => {
    const v = visible.get(who)!;
    const boards = await w.t.db.selectFrom('plan_board').select('id').execute();
    const readable = new Set<string>();
    for (const b of boards) {
      const r = await send(who, { method: 'GET', path: `/api/planboards/${b.id}` });
      expect([200, 404]).toContain(r.status);
      if (r.status !== 200) continue;
      readable.add(b.id);
      await check(async () => {
        for (const a of r.json.activities as { ticketId?: string; ticket?: { id?: string; subject?: string } }[]) {
          if (a.ticketId) expect(v.has(a.ticketId), `activity links ticket ${a.ticketId}`).toBe(true);
          if (a.ticket?.id) expect(v.has(a.ticket.id)).toBe(true);
          if (a.ticket && !a.ticket.id) expect(a.ticket.subject, 'an invisible ticket shows no subject').toBeUndefined();
        }
      });
    }
    await check(async () => expect(sorted((await getJson(who, '/api/planboards')).items.map((i: { id: string }) => i.id))).toEqual(sorted(readable)));
  });

  it('preferences and personal queries stay with their account', async () => {
    await check(async () => {
      await send('author1', { method: 'PUT', path: '/api/prefs/secret.note', body: { value: 'nur für mich' } });
      for (const who of SIGNED_IN.filter((x) => x !== 'author1')) {
        expect((await getJson(who, '/api/prefs/secret.note')).value, who).toBeNull();
        const queries = (await getJson(who, '/api/queries')).items as { id: string }[];
        expect(queries.map((q) => q.id), who).not.toContain(ids('query:mine'));
      }
    });
  });
});
