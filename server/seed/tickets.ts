import { createHash } from 'node:crypto';
import type { Level, Locale, Priority, Role, TicketStatus } from '../db/schema.js';
import { derivePriority } from '../schemas/priority.js';
import { htmlToText, sanitizeRichText } from '../domain/richtext.js';
import { DAY, HOUR, MINUTE } from '../clock.js';
import type { AreaKey, TypeKey } from './catalog.js';
import { textFile, type FileBlob } from './files.js';
import type { PartnerKey, PartnerProfile } from './people.js';
import type { Rng } from './prng.js';
import { esc, pad, type Ctx, type Draft, type Scenario } from './scenario.js';
import { scenariosDe } from './scenarios.de.js';
import { scenariosEn } from './scenarios.en.js';
import { PHRASES } from './texts.js';

/** An account as the ticket generator sees it. */
export interface Person {
  id: string;
  email: string;
  name: string;
  kind: 'customer' | 'agent';
  locale: Locale;
  roles: Partial<Record<PartnerKey, Role>>;
  weight: number;
  /** still on its initial password: writes no tickets yet */
  initial: boolean;
}

export interface GenPosition {
  id: string;
  authorId: string | null;
  kind: 'customer' | 'agent' | 'system';
  event: string | null;
  data: Record<string, unknown> | null;
  html: string;
  text: string;
  internal: boolean;
  at: number;
}

export interface GenAttachment {
  id: string;
  positionId: string | null;
  uploadedBy: string;
  file: FileBlob;
  sha256: string;
  storageKey: string;
  internal: boolean;
  at: number;
}

export interface GenDecision {
  id: string;
  dispatcherId: string;
  decision: 'released' | 'rejected';
  reason: string;
  at: number;
}

export interface GenTicket {
  id: string;
  number: number;
  partner: PartnerKey;
  scenario: string;
  authorId: string;
  subject: string;
  html: string;
  text: string;
  referenceNo: string | null;
  type: TypeKey;
  area: AreaKey;
  urgency: Level;
  impact: Level;
  priority: Priority;
  private: boolean;
  status: TicketStatus;
  releasedAt: number | null;
  releasedBy: string | null;
  closedAt: number | null;
  closedReason: string | null;
  assigneeId: string | null;
  createdAt: number;
  updatedAt: number;
  tags: string[];
  positions: GenPosition[];
  attachments: GenAttachment[];
  decisions: GenDecision[];
}

/** A ticket the demo must contain (so every role has something to show). */
interface Pinned {
  partner: PartnerKey;
  author: string;
  status: TicketStatus;
  private?: boolean;
  scenario?: string;
  reopened?: boolean;
  neverReleased?: boolean;
  viaRejection?: boolean;
  /** its order number is PO-<year>-<this>, a well-known one for demos and search tests */
  po?: number;
}

const PINNED: readonly Pinned[] = [
  { partner: 'nordwind', author: 'erik.editor@nordwind.example', status: 'awaiting_release', private: true, scenario: 'share-permission' },
  { partner: 'nordwind', author: 'erik.editor@nordwind.example', status: 'awaiting_release', scenario: 'laptop-order' },
  { partner: 'nordwind', author: 'erik.editor@nordwind.example', status: 'awaiting_release', scenario: 'printer-queue' },
  { partner: 'nordwind', author: 'jonas.becker@nordwind.example', status: 'awaiting_release', scenario: 'onboarding' },
  { partner: 'nordwind', author: 'mehmet.yilmaz@nordwind.example', status: 'awaiting_release', scenario: 'software-install' },
  { partner: 'nordwind', author: 'erik.editor@nordwind.example', status: 'release_rejected', scenario: 'm365-licences' },
  { partner: 'nordwind', author: 'erik.editor@nordwind.example', status: 'awaiting_release', viaRejection: true, scenario: 'shared-mailbox' },
  { partner: 'nordwind', author: 'erik.editor@nordwind.example', status: 'closed', neverReleased: true, scenario: 'toner-order' },
  { partner: 'nordwind', author: 'erik.editor@nordwind.example', status: 'resolved', scenario: 'vpn-drop' },
  { partner: 'nordwind', author: 'erik.editor@nordwind.example', status: 'closed', private: true, scenario: 'mfa-phone' },
  { partner: 'nordwind', author: 'erik.editor@nordwind.example', status: 'closed', reopened: true, scenario: 'printer-queue' },
  { partner: 'nordwind', author: 'erik.editor@nordwind.example', status: 'in_progress', scenario: 'erp-error' },
  { partner: 'nordwind', author: 'petra.schulz@nordwind.example', status: 'in_progress', private: true, scenario: 'win11' },
  { partner: 'nordwind', author: 'petra.schulz@nordwind.example', status: 'awaiting_release', private: true, scenario: 'calendar-delegate' },
  { partner: 'nordwind', author: 'dora.dispatcher@nordwind.example', status: 'waiting_for_customer', scenario: 'wifi-warehouse' },
  { partner: 'nordwind', author: 'dora.dispatcher@nordwind.example', status: 'new', scenario: 'erp-error' },
  { partner: 'nordwind', author: 'dora.dispatcher@nordwind.example', status: 'in_progress', scenario: 'win11' },
  { partner: 'nordwind', author: 'dora.dispatcher@nordwind.example', status: 'in_progress', scenario: 'laptop-order', po: 142 },
  { partner: 'mueller', author: 'max.multi@mueller-soehne.example', status: 'awaiting_release', scenario: 'erp-role' },
  { partner: 'mueller', author: 'max.multi@mueller-soehne.example', status: 'in_progress', scenario: 'erp-slow' },
  { partner: 'mueller', author: 'max.multi@mueller-soehne.example', status: 'closed', scenario: 'label-printer' },
  { partner: 'mueller', author: 'thomas.krause@mueller-soehne.example', status: 'release_rejected', scenario: 'laptop-order' },
  { partner: 'blueharbor', author: 'bob.editor@blueharbor.example', status: 'awaiting_release', scenario: 'visio' },
  { partner: 'blueharbor', author: 'bob.editor@blueharbor.example', status: 'awaiting_release', private: true, scenario: 'mfa-reset' },
  { partner: 'blueharbor', author: 'james.okafor@blueharbor.example', status: 'awaiting_release', scenario: 'new-starter' },
  { partner: 'blueharbor', author: 'bob.editor@blueharbor.example', status: 'release_rejected', scenario: 'shared-mailbox' },
  { partner: 'blueharbor', author: 'bob.editor@blueharbor.example', status: 'waiting_for_customer', scenario: 'vpn-drop' },
  { partner: 'blueharbor', author: 'bob.editor@blueharbor.example', status: 'closed', reopened: true, scenario: 'depot-wifi' },
  { partner: 'blueharbor', author: 'max.multi@mueller-soehne.example', status: 'in_progress', scenario: 'teams-phone' },
  { partner: 'elbtal', author: 'rico.hentschel@elbtal-stadtwerke.example', status: 'awaiting_release', scenario: 'phone-dead' },
];

/** Age (days) of a pinned ticket by its status: recent for open work, older for finished. */
const pinnedAge: Record<TicketStatus, [number, number]> = {
  awaiting_release: [0.05, 4],
  release_rejected: [1, 9],
  new: [0.02, 1.5],
  in_progress: [1, 12],
  waiting_for_customer: [2, 10],
  resolved: [2, 8],
  closed: [12, 120],
};

function statusForAge(rng: Rng, age: number): TicketStatus {
  const table: [TicketStatus, number][] =
    age < 1
      ? [['awaiting_release', 2], ['new', 4], ['in_progress', 3], ['waiting_for_customer', 1], ['release_rejected', 0.5]]
      : age < 7
        ? [['awaiting_release', 1], ['release_rejected', 0.7], ['new', 0.8], ['in_progress', 4], ['waiting_for_customer', 2.5], ['resolved', 2], ['closed', 3]]
        : age < 30
          ? [['release_rejected', 0.4], ['in_progress', 2], ['waiting_for_customer', 1.2], ['resolved', 2], ['closed', 8]]
          : [['release_rejected', 0.15], ['in_progress', 0.4], ['waiting_for_customer', 0.3], ['resolved', 0.5], ['closed', 12]];
  return rng.weighted(table);
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

const MONTHS_EN = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

function workingDayAfter(from: Date, days: number): Date {
  const d = new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth(), from.getUTCDate() + days));
  while (d.getUTCDay() === 0 || d.getUTCDay() === 6) d.setUTCDate(d.getUTCDate() + 1);
  return d;
}

/** The same instant, or the next office-hours moment (06:00–17:00 UTC, Monday–Friday). */
function officeHours(t: number, r: Rng): number {
  const d = new Date(t);
  const hour = d.getUTCHours() + d.getUTCMinutes() / 60;
  const weekday = d.getUTCDay() !== 0 && d.getUTCDay() !== 6;
  if (weekday && hour >= 6 && hour < 17) return t;
  const morning = (day: Date) => Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate()) + 6 * HOUR + r.int(0, 150) * MINUTE + r.int(0, 59) * 1000;
  if (weekday && hour < 6) return morning(d);
  return morning(workingDayAfter(d, 1));
}

function formatDay(d: Date, lang: Locale): string {
  return lang === 'de'
    ? `${pad(d.getUTCDate(), 2)}.${pad(d.getUTCMonth() + 1, 2)}.${d.getUTCFullYear()}`
    : `${d.getUTCDate()} ${MONTHS_EN[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
}

/** A creation instant `age` days before now, moved into office hours on a working day. */
function creationTime(rng: Rng, now: number, ageDays: number): number {
  let t = Math.floor((now - ageDays * DAY) / 1000) * 1000;
  for (let guard = 0; guard < 20; guard++) {
    const d = new Date(t);
    const day = d.getUTCDay();
    const hour = d.getUTCHours() + d.getUTCMinutes() / 60;
    if (day === 0 || day === 6) {
      t -= (day === 0 ? 2 : 1) * DAY;
      continue;
    }
    if (hour < 6 || hour >= 16.5) {
      const base = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());
      t = base + Math.round(rng.real(6.25, 16) * 60) * MINUTE + rng.int(0, 59) * 1000;
    }
    if (t > now - 15 * MINUTE) {
      t -= DAY;
      continue;
    }
    return t;
  }
  return now - 2 * HOUR;
}

interface Step {
  /** minutes after the previous step (0 = in the same moment; still one second later) */
  gap: number;
  kind: 'customer' | 'agent' | 'system';
  event?: string;
  data?: Record<string, unknown>;
  author: string;
  html?: string;
  internal?: boolean;
  files?: { file: FileBlob; internal?: boolean }[];
  decision?: { decision: 'released' | 'rejected'; reason: string };
}

export interface GenerateInput {
  rng: Rng;
  now: number;
  partners: readonly PartnerProfile[];
  people: readonly Person[];
}

/** Builds every demo ticket with its history, attachments and release decisions. */
export function generateTickets({ rng, now, partners, people }: GenerateInput): GenTicket[] {
  const agents = people.filter((a) => a.kind === 'agent');
  const byEmail = new Map(people.map((a) => [a.email, a]));
  const tickets: GenTicket[] = [];

  for (const bp of partners) {
    const r = rng.fork(`tickets:${bp.key}`);
    const members = people.filter((a) => a.roles[bp.key]);
    const writers = members.filter((a) => a.roles[bp.key] !== 'viewer' && !a.initial);
    const editors = writers.filter((a) => a.roles[bp.key] === 'editor');
    const dispatchers = writers.filter((a) => a.roles[bp.key] === 'dispatcher');
    const lang = bp.lang;
    const scenarios = (lang === 'de' ? scenariosDe : scenariosEn).filter((s) => !s.partners || s.partners.includes(bp.key));

    // the plan: pinned tickets first, then the rest by age
    const plans: (Pinned & { age: number })[] = PINNED.filter((x) => x.partner === bp.key).map((x) => ({
      ...x,
      age: r.real(...pinnedAge[x.status]),
    }));
    while (plans.length < bp.tickets) {
      const age = 182 * Math.pow(r.next(), 1.35);
      const status = statusForAge(r, age);
      const needsEditor = status === 'awaiting_release' || status === 'release_rejected';
      const pool = needsEditor ? editors : writers;
      const author = r.weighted(pool.map((a) => [a, a.weight] as const));
      plans.push({
        partner: bp.key,
        author: author.email,
        status,
        age,
        private: r.chance(0.07),
        reopened: status === 'closed' && r.chance(0.08),
        neverReleased: status === 'closed' && author.roles[bp.key] === 'editor' && r.chance(0.04),
        viaRejection: r.chance(0.05),
      });
    }

    // scenarios in a shuffled weighted round robin, so recurring problems recur but vary
    const deck: Scenario[] = [];
    const refill = () => {
      const entries = scenarios.flatMap((s) => Array.from({ length: Math.round((s.weight ?? 1) * 2) }, () => s));
      deck.push(...r.shuffle(entries));
    };

    for (const plan of plans) {
      const author = byEmail.get(plan.author)!;
      let scenario: Scenario | undefined;
      if (plan.scenario) scenario = scenarios.find((s) => s.key === plan.scenario);
      if (!scenario) {
        if (deck.length === 0) refill();
        scenario = deck.shift()!;
      }
      const created = creationTime(r, now, plan.age);
      tickets.push(buildTicket(r, now, bp, plan, scenario, author, created, { writers, editors, dispatchers, agents }));
    }
  }

  // numbers ascending by creation (one system partner)
  tickets.sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1));
  tickets.forEach((t, i) => (t.number = 10001 + i));
  return tickets;
}

interface Cast {
  writers: Person[];
  editors: Person[];
  dispatchers: Person[];
  agents: Person[];
}

function makeCtx(r: Rng, bp: PartnerProfile, author: Person, created: number, fixedPo?: number): Ctx {
  const createdDate = new Date(created);
  const year = createdDate.getUTCFullYear();
  const first = author.name.split(' ')[0]!;
  return {
    rng: r,
    bp,
    author: { name: author.name, first, email: author.email },
    created: createdDate,
    staff: () => r.pick(bp.staff),
    site: () => r.pick(bp.sites),
    floor: () => r.pick(bp.floors),
    dept: () => r.pick(bp.departments),
    printer: () => r.pick(bp.printers),
    mailbox: () => r.pick(bp.mailboxes),
    dateAfter: (days) => formatDay(workingDayAfter(createdDate, days), bp.lang),
    po: () => {
      if (fixedPo !== undefined) return `PO-${year}-${pad(fixedPo, 4)}`;
      const n = r.int(1, 978);
      return `PO-${year}-${pad(n >= 142 ? n + 1 : n, 4)}`;
    },
    rfc: () => `RFC-${year}-${pad(r.int(1, 140), 3)}`,
    timeOfDay: () =>
      new Intl.DateTimeFormat('de-DE', {
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: 'h23',
        timeZone: bp.lang === 'de' ? 'Europe/Berlin' : 'Europe/London',
      }).format(createdDate),
  };
}

function buildTicket(
  r: Rng,
  now: number,
  bp: PartnerProfile,
  plan: Pinned & { age: number },
  scenario: Scenario,
  author: Person,
  created: number,
  cast: Cast,
): GenTicket {
  const lang = bp.lang;
  const ph = PHRASES[lang];
  const draft: Draft = scenario.write(makeCtx(r, bp, author, created, plan.po));
  const isPrivate = !!plan.private;
  const role = author.roles[bp.key]!;
  const otherDispatchers = cast.dispatchers.filter((d) => d.id !== author.id);
  const dispatcher = r.pick(otherDispatchers.length > 0 ? otherDispatchers : cast.dispatchers);
  const agentPool: [Person, number][] = cast.agents.map((a) => [a, a.locale === lang ? 2 : 1]);
  const agent = r.weighted(agentPool);
  const otherAgent = r.pick(cast.agents.filter((a) => a.id !== agent.id));
  // customers who may write on this ticket: colleagues only when it is not private
  const colleague = () => (isPrivate || r.chance(0.7) ? author : r.pick(cast.writers));

  const steps: Step[] = [];
  const target = plan.status;
  const creationFiles = (draft.files ?? []).map((file) => ({ file }));
  steps.push({ gap: 0, kind: 'system', event: 'created', author: author.id, files: creationFiles });

  // only problems come back: a reopened history needs a scenario that can recur
  const reopened = !!plan.reopened && draft.reopenReason !== undefined;
  const releaseAtCreation = role === 'dispatcher' && !plan.neverReleased && !plan.viaRejection && target !== 'awaiting_release' && target !== 'release_rejected' && r.chance(0.9);
  let status: TicketStatus = 'awaiting_release';
  let done = false;
  const finish = () => (done = true);

  const customerMsg = (gap: number, html: string, who = colleague()) =>
    steps.push({ gap, kind: 'customer', author: who.id, html });
  const agentMsg = (gap: number, html: string, internal = false, who = agent) =>
    steps.push({ gap, kind: 'agent', author: who.id, html, internal });
  const change = (gap: number, to: TicketStatus, who = agent) => {
    steps.push({ gap, kind: 'system', event: 'status_changed', data: { from: status, to }, author: who.id });
    status = to;
  };

  if (releaseAtCreation) {
    steps.push({ gap: 0, kind: 'system', event: 'released', data: { onCreation: true }, author: author.id });
    status = 'new';
  } else {
    steps.push({ gap: 0, kind: 'system', event: 'submitted_for_release', author: author.id });
    status = 'awaiting_release';
    if (draft.followUp && r.chance(0.3)) customerMsg(r.int(5, 90), draft.followUp, author);

    const rejectFirst =
      target === 'release_rejected' || plan.viaRejection || (plan.neverReleased && r.chance(0.7));
    if (target === 'awaiting_release' && !plan.viaRejection) {
      finish();
    } else if (plan.neverReleased && !rejectFirst) {
      // withdrawn by its author before anyone released it
      const reason = r.pick(ph.withdrawReasons);
      steps.push({ gap: r.int(60, 1800), kind: 'system', event: 'closed', data: { from: status, reason }, author: author.id });
      status = 'closed';
      finish();
    } else {
      if (rejectFirst) {
        const reason = draft.rejectReason && r.chance(0.7) ? draft.rejectReason : r.pick(ph.rejectReasons);
        steps.push({ gap: r.int(20, 1500), kind: 'system', event: 'rejected', data: { reason }, author: dispatcher.id, decision: { decision: 'rejected', reason } });
        status = 'release_rejected';
        if (target === 'release_rejected') {
          finish();
        } else if (plan.neverReleased) {
          const reason2 = r.pick(ph.withdrawReasons);
          steps.push({ gap: r.int(120, 2880), kind: 'system', event: 'closed', data: { from: status, reason: reason2 }, author: author.id });
          status = 'closed';
          finish();
        } else {
          const comment = htmlToText(r.pick(ph.resubmitNotes));
          steps.push({ gap: r.int(60, 2000), kind: 'system', event: 'resubmitted', data: { comment }, author: author.id });
          status = 'awaiting_release';
          if (target === 'awaiting_release') finish();
        }
      }
      if (!done) {
        const reason = draft.releaseReason && r.chance(0.5) ? draft.releaseReason : r.pick(ph.releaseReasons);
        steps.push({ gap: r.int(10, 1200), kind: 'system', event: 'released', data: { reason }, author: dispatcher.id, decision: { decision: 'released', reason } });
        status = 'new';
      }
    }
  }

  let assignee: Person | null = null;
  if (!done && target !== 'new') {
    assignee = agent;
    // triage
    if (r.chance(0.75)) agentMsg(r.int(8, 240), draft.ack ?? r.pick(ph.ack));
    change(r.chance(0.5) ? 1 : r.int(2, 60), 'in_progress');
    if (draft.internal && r.chance(0.5)) {
      const files = r.chance(0.12)
        ? [{ file: textFile(lang === 'de' ? 'Analyse intern.txt' : 'internal analysis.txt', htmlToText(draft.internal) + '\n\n' + (lang === 'de' ? 'Nur für den Servicedesk.' : 'Service desk only.')), internal: true }]
        : undefined;
      steps.push({ gap: r.int(10, 600), kind: 'agent', author: r.chance(0.7) ? agent.id : otherAgent.id, html: draft.internal, internal: true, files });
    } else if (r.chance(0.12)) {
      agentMsg(r.int(10, 600), r.pick(ph.internal), true);
    }
    if (draft.followUp && r.chance(0.3)) customerMsg(r.int(10, 300), draft.followUp);

    const askFirst = target === 'waiting_for_customer' || (draft.question !== undefined && r.chance(0.5)) || r.chance(0.15);
    if (askFirst) {
      agentMsg(r.int(15, 900), draft.question ?? r.pick(ph.question));
      change(1, 'waiting_for_customer');
      if (target === 'waiting_for_customer') done = true;
      else {
        const answer = draft.answer ?? r.pick(ph.answer);
        const who = colleague();
        steps.push({
          gap: r.int(30, 2500),
          kind: 'customer',
          author: who.id,
          html: answer,
          files: draft.answerFile ? [{ file: draft.answerFile }] : undefined,
        });
        // the customer's answer hands the ticket back to the agents (as the tickets domain does)
        change(0, 'in_progress', who);
      }
    }
    if (!done && target === 'in_progress') {
      if (r.chance(0.3)) customerMsg(r.int(600, 3000), r.pick(ph.nudge));
      done = true;
    }
    if (!done) {
      if (r.chance(0.15)) customerMsg(r.int(600, 3000), r.pick(ph.nudge));
      const closeEarly = target === 'closed' && !reopened && r.chance(0.08);
      if (closeEarly) {
        const reason = r.pick(ph.closeEarly);
        steps.push({ gap: r.int(600, 5000), kind: 'system', event: 'closed', data: { from: status, reason }, author: colleague().id });
        status = 'closed';
        done = true;
      } else {
        steps.push({
          gap: r.int(30, 4000),
          kind: 'agent',
          author: agent.id,
          html: draft.solution,
          files: draft.solutionFile ? [{ file: draft.solutionFile }] : undefined,
        });
        change(1, 'resolved');
        if (target === 'resolved') done = true;
      }
    }
    if (!done) {
      // closed by the customer with a reason (R-TICKET-4), perhaps reopened once (R-TICKET-5)
      if (r.chance(0.35)) customerMsg(r.int(10, 600), r.pick(ph.thanks));
      const firstReason = reopened ? (lang === 'de' ? 'Scheint gelöst, wir schließen das Ticket.' : 'Looks fixed, closing.') : draft.closeReason;
      steps.push({ gap: r.int(30, 4000), kind: 'system', event: 'closed', data: { from: status, reason: firstReason }, author: colleague().id });
      status = 'closed';
      if (reopened) {
        const reason = draft.reopenReason ?? r.pick(ph.reopenReasons);
        steps.push({ gap: r.int(1440, 7000), kind: 'system', event: 'reopened', data: { from: 'closed', reason }, author: author.id });
        status = 'in_progress';
        customerMsg(1, r.pick(ph.reopenFollowUp), author);
        agentMsg(r.int(30, 600), r.pick(ph.ack));
        agentMsg(r.int(120, 3000), r.pick(ph.secondSolution));
        change(1, 'resolved');
        steps.push({ gap: r.int(60, 3000), kind: 'system', event: 'closed', data: { from: status, reason: draft.closeReason }, author: author.id });
        status = 'closed';
      }
    }
  }

  if (status !== target) {
    throw new Error(`seed: ticket plan ${plan.partner}/${scenario.key} ended in ${status}, wanted ${target}`);
  }

  // place the steps in time: gaps as drawn, squeezed when the ticket is younger than its history
  const gapsMs = steps.map((s, i) => (i === 0 || s.gap === 0 ? 0 : Math.max(1000, s.gap * MINUTE + r.int(0, 59) * 1000)));
  const total = gapsMs.reduce((a, b) => a + b, 0);
  // a history longer than the ticket's age is squeezed to end somewhere before now (not all at once)
  const room = now - 2 * MINUTE - created;
  const scale = total > room ? (room * r.real(0.6, 0.95)) / total : 1;
  const times: number[] = [];
  let t = created;
  for (const g of gapsMs) {
    t += g === 0 ? 0 : Math.max(1000, Math.floor((g * scale) / 1000) * 1000);
    times.push(t);
  }
  // people work in office hours: move steps out of nights and weekends (later steps move along),
  // unless that would push the history past now
  {
    const moved: number[] = [];
    let delta = 0;
    for (let i = 0; i < times.length; i++) {
      let at = times[i]! + delta;
      if (i > 0 && gapsMs[i] !== 0) {
        const snapped = officeHours(at, r);
        delta += snapped - at;
        at = snapped;
      } else if (i > 0) {
        at = moved[i - 1]!;
      }
      moved.push(at);
    }
    if (moved[moved.length - 1]! <= now - MINUTE) times.splice(0, times.length, ...moved);
  }
  // never in the future; steps of the same moment stay together, others one second apart
  const overshoot = times[times.length - 1]! - (now - MINUTE);
  if (overshoot > 0) {
    for (let i = 1; i < times.length; i++) {
      times[i] = gapsMs[i] === 0 ? times[i - 1]! : Math.max(times[i - 1]! + 1000, times[i]! - overshoot);
    }
  }

  const id = r.id();
  const positions: GenPosition[] = [];
  const attachments: GenAttachment[] = [];
  const decisions: GenDecision[] = [];
  let releasedAt: number | null = null;
  let releasedBy: string | null = null;
  let closedAt: number | null = null;
  let closedReason: string | null = null;

  let description = draft.html;
  for (const [i, s] of steps.entries()) {
    const at = times[i]!;
    const posId = r.id();
    const html = s.html ? sanitizeRichText(s.html) : '';
    positions.push({
      id: posId,
      authorId: s.author,
      kind: s.kind,
      event: s.event ?? null,
      data: s.data ?? null,
      html,
      text: html ? htmlToText(html) : '',
      internal: !!s.internal,
      at,
    });
    for (const f of s.files ?? []) {
      const attId = r.id();
      attachments.push({
        id: attId,
        // files of the wizard belong to the ticket, later ones to their message
        positionId: s.event === 'created' ? null : posId,
        uploadedBy: s.author,
        file: f.file,
        sha256: sha256(f.file.bytes),
        storageKey: r.id() + r.id(),
        internal: !!f.internal,
        at,
      });
    }
    if (s.event === 'created' && draft.inlineImage) {
      const img = attachments.find((a) => a.file.contentType === 'image/png');
      if (img) description += `<p><img src="/api/attachments/${img.id}?inline=1" alt="${esc(img.file.fileName)}"></p>`;
    }
    if (s.event === 'released') {
      releasedAt = at;
      releasedBy = s.author;
    }
    if (s.event === 'closed') {
      closedAt = at;
      closedReason = String(s.data!.reason);
    }
    if (s.decision) decisions.push({ id: r.id(), dispatcherId: s.author, decision: s.decision.decision, reason: s.decision.reason, at });
  }
  if (status !== 'closed') {
    closedAt = null;
    closedReason = null;
  }

  const html = sanitizeRichText(description);
  const tags = [...draft.tags];
  if (r.chance(0.35)) tags.push(r.pick(bp.extraTags));

  return {
    id,
    number: 0,
    partner: bp.key,
    scenario: scenario.key,
    authorId: author.id,
    subject: draft.subject,
    html,
    text: htmlToText(html),
    referenceNo: draft.referenceNo ?? null,
    type: draft.type,
    area: draft.area,
    urgency: draft.urgency,
    impact: draft.impact,
    priority: derivePriority(draft.urgency, draft.impact),
    private: isPrivate,
    status,
    releasedAt,
    releasedBy,
    closedAt,
    closedReason,
    assigneeId: releasedAt !== null && assignee ? assignee.id : null,
    createdAt: created,
    updatedAt: times[times.length - 1]!,
    tags: [...new Set(tags)],
    positions,
    attachments,
    decisions,
  };
}
