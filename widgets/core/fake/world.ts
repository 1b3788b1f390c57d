/**
 * The data behind the in-memory fake API (Storybook and widget tests): a small, deterministic
 * helpdesk — partners, people, ticket types and areas, tickets with histories and attachments,
 * saved queries, quick links, knowledge-base articles and plan boards. Ids match the fake's
 * demo accounts (api-fake.ts). Dates are relative to `now`, so charts and ages look alive.
 */
import { derivePriority, type Level, type Priority } from '../../../server/schemas/priority.js';
import type { TicketStatus } from '../../../server/schemas/tickets.js';

export interface FakeTicket {
  id: string;
  number: number;
  businessPartnerId: string;
  authorId: string;
  subject: string;
  descriptionHtml: string;
  referenceNo: string | null;
  typeId: string;
  areaId: string;
  urgency: Level;
  impact: Level;
  priority: Priority;
  private: boolean;
  status: TicketStatus;
  releasedAt: string | null;
  closedAt: string | null;
  closedReason: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
  tags: string[];
}

export interface FakePosition {
  id: string;
  ticketId: string;
  authorId: string | null;
  kind: 'customer' | 'agent' | 'system';
  event: string | null;
  data: Record<string, unknown> | null;
  bodyHtml: string;
  internal: boolean;
  createdAt: string;
}

export interface FakeAttachment {
  id: string;
  ticketId: string | null;
  positionId: string | null;
  uploadedBy: string;
  fileName: string;
  contentType: string;
  size: number;
  createdAt: string;
  internal: boolean;
  /** what `attachments.url` hands out */
  dataUrl: string;
}

export interface FakeWorld {
  systemPartnerId: string;
  partners: { id: string; name: string }[];
  /** everyone who can appear as an author: the fake's accounts plus colleagues and agents */
  people: Map<string, { name: string; kind: 'customer' | 'agent' }>;
  types: { id: string; de: string; en: string }[];
  areas: { id: string; de: string; en: string }[];
  tickets: FakeTicket[];
  positions: FakePosition[];
  attachments: FakeAttachment[];
  queries: {
    id: string;
    key: string | null;
    accountId: string | null;
    de: string;
    en: string;
    descDe: string;
    descEn: string;
    filter: Record<string, unknown>;
  }[];
  quickLinks: { id: string; de: string; en: string; url: string }[];
  kbSections: { id: string; de: string; en: string; sort: number }[];
  kbArticles: { id: string; sectionId: string; language: 'de' | 'en'; title: string; bodyHtml: string; attributionHtml: string | null; createdAt: string; updatedAt: string; author: string; version: number }[];
  kbShares: { articleId: string; businessPartnerId: string }[];
  boards: { id: string; title: string; description: string; createdAt: string; updatedAt: string }[];
  columns: { id: string; boardId: string; title: string; sort: number }[];
  members: { boardId: string; accountId: string; role: 'observer' | 'editor' }[];
  activities: {
    id: string;
    boardId: string;
    columnId: string;
    title: string;
    description: string;
    startDate: string;
    endDate: string;
    durationHours: number;
    priority: Priority;
    ticketId: string | null;
    sort: number;
    createdAt: string;
    updatedAt: string;
    version: number;
  }[];
  prefs: Map<string, unknown>;
  nextNumber: number;
}

/** A tiny valid PNG (a 2×2 blue square) for image attachments and previews. */
export const samplePngDataUrl =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAFklEQVR4nGNkYPjPwMDAxMDAwMDAAAAYAAIBlwYDAAAAAElFTkSuQmCC';

const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString();
const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** Deterministic pseudo-random numbers (mulberry32). */
function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const subjectsDe: [string, string, string, string[]][] = [
  // subject, type, area, tags
  ['VPN-Verbindung bricht im Homeoffice alle 10 Minuten ab', 'incident', 'network', ['VPN', 'Homeoffice']],
  ['Drucker im 3. OG druckt nur leere Seiten', 'incident', 'printing', ['Drucker', '3. OG']],
  ['Neuer Mitarbeiter: Zugang für Jana Köhler zum 01.04. einrichten', 'request', 'accounts', ['Onboarding']],
  ['Postfach „Buchhaltung“ ist voll – Mails kommen nicht mehr an', 'incident', 'mail', ['Postfach', 'Exchange']],
  ['Lizenz für Adobe Acrobat Pro für das Marketing bestellen', 'order', 'licences', ['Lizenz', 'Adobe']],
  ['ERP: Buchungsmaske lädt seit dem Update sehr langsam', 'incident', 'erp', ['ERP', 'Performance']],
  ['WLAN im Lager Halle 2 ohne Empfang', 'incident', 'network', ['WLAN', 'Lager']],
  ['Telefon am Empfang klingelt nicht mehr', 'incident', 'phone', ['Telefonie']],
  ['Zwei-Faktor-Anmeldung auf neues Smartphone übertragen', 'request', 'accounts', ['MFA']],
  ['Gemeinsames Laufwerk S: für Projekt Nordstern anlegen', 'request', 'workplace', ['Laufwerk', 'Berechtigung']],
  ['Monitor flackert am Arbeitsplatz 214', 'incident', 'workplace', ['Hardware']],
  ['Kalenderfreigabe für das Team Disposition', 'request', 'mail', ['Kalender', 'Outlook']],
  ['Offboarding: Konto von Thomas Berg zum 30.06. sperren', 'request', 'accounts', ['Offboarding']],
  ['Frage: Wie lange werden Backups aufbewahrt?', 'question', 'workplace', ['Backup']],
  ['Scanner speichert PDFs nicht mehr im Netzwerkordner', 'incident', 'printing', ['Scanner']],
  ['Änderung: Firewall-Regel für den neuen Lieferanten-Zugang', 'change', 'network', ['Firewall', 'Lieferant']],
  ['Bestellung: 5 Headsets für das Callcenter', 'order', 'phone', ['Hardware', 'Headset']],
  ['Outlook fragt ständig nach dem Kennwort', 'incident', 'mail', ['Outlook', 'Anmeldung']],
  ['Microsoft-365-Lizenzen: Übersicht der ungenutzten Konten', 'question', 'licences', ['Lizenz', 'M365']],
  ['Etikettendrucker Versand: Barcodes unleserlich', 'incident', 'printing', ['Etiketten', 'Versand']],
  ['ERP-Berechtigung für Rechnungsfreigabe (C# Schnittstelle)', 'request', 'erp', ['ERP', 'Berechtigung']],
  ['Laptop für Außendienst – 50% der Akkuleistung weg', 'incident', 'workplace', ['Laptop', 'Akku']],
];

const subjectsEn: [string, string, string, string[]][] = [
  ['Cannot connect to the VPN from the Rotterdam office', 'incident', 'network', ['VPN']],
  ['New starter: laptop and accounts for Priya Shah', 'request', 'accounts', ['Onboarding']],
  ['Shared mailbox "orders@" missing in Outlook', 'incident', 'mail', ['Mailbox']],
  ['Order two docking stations for the finance team', 'order', 'workplace', ['Hardware']],
  ['Question: how do I reset my MFA device?', 'question', 'accounts', ['MFA']],
  ['Printer on floor 1 jams with A4 paper', 'incident', 'printing', ['Printer']],
];

const statusCycle: TicketStatus[] = [
  'in_progress', 'new', 'waiting_for_customer', 'resolved', 'closed', 'in_progress', 'closed',
  'new', 'closed', 'in_progress', 'release_rejected', 'waiting_for_customer', 'closed', 'resolved',
];

/**
 * Tickets awaiting release, chosen so the demo accounts' counts are known: Nordwind has three
 * (two by Erik, one by Jana: Dora's queue is 3, Erik's own 2), Blue Harbor one (Max's queue).
 */
function awaitingRelease(specs: { bp: string; author: string }[]): Set<number> {
  const pick = (bp: string, author: string, n: number) =>
    specs
      .map((s, i) => ({ s, i }))
      .filter(({ s }) => s.bp === bp && s.author === author)
      .slice(-n)
      .map(({ i }) => i);
  return new Set([...pick('bp-nordwind', 'acc-erik', 2), ...pick('bp-nordwind', 'acc-jana', 1), ...pick('bp-blueharbor', 'acc-bob', 1)]);
}

function html(text: string, extra = ''): string {
  const esc = text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return `<p>${esc}</p>${extra}`;
}

export function createWorld(now: number = Date.now()): FakeWorld {
  const rnd = prng(20260302);
  const pick = <T,>(list: readonly T[]) => list[Math.floor(rnd() * list.length)]!;
  const sp = 'sp-servicedesk';
  const partners = [
    { id: 'bp-nordwind', name: 'Nordwind Logistik GmbH' },
    { id: 'bp-mueller', name: 'Müller & Söhne (Ost) GmbH' },
    { id: 'bp-blueharbor', name: 'Blue Harbor Ltd' },
  ];
  const people = new Map<string, { name: string; kind: 'customer' | 'agent' }>([
    ['acc-anna', { name: 'Anna Schneider', kind: 'customer' }],
    ['acc-erik', { name: 'Erik Brandt', kind: 'customer' }],
    ['acc-dora', { name: 'Dora Wagner', kind: 'customer' }],
    ['acc-max', { name: 'Max Ostermann', kind: 'customer' }],
    ['acc-bob', { name: 'Bob Carter', kind: 'customer' }],
    ['acc-neu', { name: 'Lena Neumann', kind: 'customer' }],
    ['acc-jana', { name: 'Jana Köhler', kind: 'customer' }],
    ['acc-uwe', { name: 'Uwe Petersen', kind: 'customer' }],
    ['acc-emily', { name: 'Emily Wright', kind: 'customer' }],
    ['acc-alex', { name: 'Alex Hoffmann', kind: 'agent' }],
    ['acc-sven', { name: 'Sven Albrecht', kind: 'agent' }],
  ]);
  const types = [
    { id: 'type-incident', de: 'Störung', en: 'Incident' },
    { id: 'type-request', de: 'Serviceanfrage', en: 'Service request' },
    { id: 'type-change', de: 'Änderung', en: 'Change' },
    { id: 'type-question', de: 'Frage', en: 'Question' },
    { id: 'type-order', de: 'Bestellung', en: 'Order' },
  ];
  const areas = [
    { id: 'area-workplace', de: 'Arbeitsplatz', en: 'Workplace' },
    { id: 'area-network', de: 'Netzwerk & VPN', en: 'Network & VPN' },
    { id: 'area-mail', de: 'E-Mail & Kalender', en: 'E-mail & calendar' },
    { id: 'area-printing', de: 'Drucker', en: 'Printing' },
    { id: 'area-licences', de: 'Lizenzen', en: 'Licences' },
    { id: 'area-accounts', de: 'Benutzerkonten', en: 'User accounts' },
    { id: 'area-erp', de: 'ERP', en: 'ERP' },
    { id: 'area-phone', de: 'Telefonie', en: 'Telephony' },
  ];
  const world: FakeWorld = {
    systemPartnerId: sp,
    partners,
    people,
    types,
    areas,
    tickets: [],
    positions: [],
    attachments: [],
    queries: [],
    quickLinks: [],
    kbSections: [],
    kbArticles: [],
    kbShares: [],
    boards: [],
    columns: [],
    members: [],
    activities: [],
    prefs: new Map(),
    nextNumber: 10001,
  };
  let posSeq = 0;
  const addPos = (p: Omit<FakePosition, 'id'>) => {
    // the history of the newest tickets would run past `now`; nothing happened in the future
    const createdAt = new Date(p.createdAt).getTime() > now - 60_000 ? iso(now - 60_000) : p.createdAt;
    world.positions.push({ id: `pos-${++posSeq}`, ...p, createdAt });
  };

  const levels: Level[] = ['low', 'medium', 'high'];
  const plan: { subjects: typeof subjectsDe; bp: string; authors: string[] }[] = [
    { subjects: subjectsDe, bp: 'bp-nordwind', authors: ['acc-erik', 'acc-dora', 'acc-jana', 'acc-uwe', 'acc-erik'] },
    { subjects: subjectsDe.slice(0, 6), bp: 'bp-mueller', authors: ['acc-max'] },
    { subjects: subjectsEn, bp: 'bp-blueharbor', authors: ['acc-bob', 'acc-emily', 'acc-max'] },
  ];
  let i = 0;
  const specs: { subject: string; type: string; area: string; tags: string[]; bp: string; author: string }[] = [];
  for (const p of plan) {
    for (const [subject, type, area, tags] of p.subjects) {
      specs.push({ subject, type, area, tags, bp: p.bp, author: p.authors[i++ % p.authors.length]! });
    }
  }
  const awaiting = awaitingRelease(specs);
  specs.forEach((s, n) => {
    const created = now - (specs.length - n) * 2.7 * DAY - Math.floor(rnd() * 6) * 3_600_000;
    const urgency = pick(levels);
    const impact = pick(levels);
    const status: TicketStatus = awaiting.has(n) ? 'awaiting_release' : statusCycle[n % statusCycle.length]!;
    const dispatcher = s.bp === 'bp-nordwind' ? 'acc-dora' : s.bp === 'bp-blueharbor' ? 'acc-max' : 'acc-max';
    const released = status !== 'awaiting_release' && status !== 'release_rejected';
    const isPrivate = n % 9 === 4;
    const id = `t-${world.nextNumber}`;
    const description = s.bp === 'bp-blueharbor'
      ? html(`${s.subject}. It started this morning; several colleagues are affected.`, '<ul><li>Restarted the device</li><li>Checked the cables</li></ul>')
      : html(`${s.subject}. Seit heute früh betroffen; bitte um kurzfristige Prüfung.`, n % 4 === 0 ? '<table><thead><tr><th>Gerät</th><th>Standort</th></tr></thead><tbody><tr><td>PC-0214</td><td>Hamburg, 3. OG</td></tr><tr><td>PC-0215</td><td>Hamburg, 3. OG</td></tr></tbody></table>' : '<ol><li>Neustart versucht</li><li>Kabel geprüft</li></ol>');
    const t: FakeTicket = {
      id,
      number: world.nextNumber++,
      businessPartnerId: s.bp,
      authorId: s.author,
      subject: s.subject,
      descriptionHtml: description,
      referenceNo: n % 5 === 0 ? `PO-2026-${String(100 + n).padStart(4, '0')}` : null,
      typeId: `type-${s.type}`,
      areaId: `area-${s.area}`,
      urgency,
      impact,
      priority: derivePriority(urgency, impact),
      private: isPrivate,
      status,
      releasedAt: released ? iso(created + 3_600_000) : null,
      closedAt: null,
      closedReason: null,
      createdAt: iso(created),
      updatedAt: iso(created),
      version: 1,
      tags: s.tags,
    };
    let at = created;
    const step = () => (at += 3_600_000 * (2 + Math.floor(rnd() * 20)));
    addPos({ ticketId: id, authorId: s.author, kind: 'system', event: 'created', data: null, bodyHtml: '', internal: false, createdAt: iso(at) });
    if (released) {
      at = created + 3_600_000;
      addPos({ ticketId: id, authorId: dispatcher, kind: 'system', event: 'released', data: { reason: 'Bitte bearbeiten.' }, bodyHtml: '', internal: false, createdAt: iso(at) });
    } else {
      addPos({ ticketId: id, authorId: s.author, kind: 'system', event: 'submitted_for_release', data: null, bodyHtml: '', internal: false, createdAt: iso(at) });
      if (status === 'release_rejected') {
        step();
        addPos({ ticketId: id, authorId: dispatcher, kind: 'system', event: 'rejected', data: { reason: 'Bitte zuerst mit der Teamleitung abstimmen.' }, bodyHtml: '', internal: false, createdAt: iso(at) });
      }
    }
    if (released && status !== 'new') {
      step();
      addPos({ ticketId: id, authorId: 'acc-alex', kind: 'agent', event: null, data: null, bodyHtml: html(s.bp === 'bp-blueharbor' ? 'Thanks, we are looking into it.' : 'Danke für Ihre Meldung, wir kümmern uns darum.'), internal: false, createdAt: iso(at) });
      addPos({ ticketId: id, authorId: 'acc-alex', kind: 'system', event: 'status_changed', data: { from: 'new', to: 'in_progress' }, bodyHtml: '', internal: false, createdAt: iso(at) });
      if (n % 3 === 0) {
        step();
        addPos({ ticketId: id, authorId: 'acc-sven', kind: 'agent', event: null, data: null, bodyHtml: html('Intern: Ersatzgerät ist bestellt.'), internal: true, createdAt: iso(at) });
      }
      if (status === 'waiting_for_customer') {
        step();
        addPos({ ticketId: id, authorId: 'acc-alex', kind: 'agent', event: null, data: null, bodyHtml: html('Können Sie uns bitte einen Screenshot der Fehlermeldung schicken?'), internal: false, createdAt: iso(at) });
        addPos({ ticketId: id, authorId: 'acc-alex', kind: 'system', event: 'status_changed', data: { from: 'in_progress', to: 'waiting_for_customer' }, bodyHtml: '', internal: false, createdAt: iso(at) });
      }
      if (status === 'resolved' || status === 'closed') {
        step();
        addPos({ ticketId: id, authorId: 'acc-alex', kind: 'system', event: 'status_changed', data: { from: 'in_progress', to: 'resolved' }, bodyHtml: '', internal: false, createdAt: iso(at) });
      }
      if (status === 'closed') {
        step();
        t.closedAt = iso(at);
        t.closedReason = 'Problem behoben, Lösung vom Anwender bestätigt.';
        addPos({ ticketId: id, authorId: s.author, kind: 'system', event: 'closed', data: { from: 'resolved', reason: t.closedReason }, bodyHtml: '', internal: false, createdAt: iso(at) });
      }
    }
    if (n % 4 === 1) {
      world.attachments.push({
        id: `att-${n}`,
        ticketId: id,
        positionId: null,
        uploadedBy: s.author,
        fileName: n % 8 === 1 ? 'Fehlermeldung.png' : 'Protokoll.txt',
        contentType: n % 8 === 1 ? 'image/png' : 'text/plain',
        size: n % 8 === 1 ? 81 : 2048,
        createdAt: iso(created),
        internal: false,
        dataUrl: n % 8 === 1 ? samplePngDataUrl : 'data:text/plain;charset=utf-8,Fehlerprotokoll',
      });
    }
    t.updatedAt = iso(Math.min(at, now - 60_000));
    world.tickets.push(t);
  });

  const open = ['awaiting_release', 'release_rejected', 'new', 'in_progress', 'waiting_for_customer'];
  world.queries = [
    { id: 'q-open', key: 'open', accountId: null, de: 'Offene Tickets', en: 'Open tickets', descDe: 'Alle Tickets, die noch nicht gelöst oder geschlossen sind.', descEn: 'All tickets that are not resolved or closed yet.', filter: { statuses: open } },
    { id: 'q-mine', key: 'mine', accountId: null, de: 'Meine Tickets', en: 'My tickets', descDe: 'Tickets, die Sie selbst erstellt haben.', descEn: 'Tickets you created yourself.', filter: { authorIsMe: true } },
    { id: 'q-waiting', key: 'waiting_for_us', accountId: null, de: 'Warten auf uns', en: 'Waiting for us', descDe: 'Der Servicedesk wartet auf Ihre Rückmeldung.', descEn: 'The service desk is waiting for your answer.', filter: { statuses: ['waiting_for_customer'] } },
    { id: 'q-release', key: 'awaiting_release', accountId: null, de: 'Warten auf Freigabe', en: 'Awaiting release', descDe: 'Tickets, die noch von einem Dispatcher freigegeben werden müssen.', descEn: 'Tickets a dispatcher still has to release.', filter: { statuses: ['awaiting_release'] } },
    { id: 'q-high', key: 'high_priority', accountId: null, de: 'Hohe Priorität', en: 'High priority', descDe: 'Offene Tickets mit hoher oder kritischer Priorität.', descEn: 'Open tickets with high or critical priority.', filter: { priorities: ['high', 'critical'], statuses: open } },
    { id: 'q-closed', key: 'closed_30d', accountId: null, de: 'Geschlossen (30 Tage)', en: 'Closed (30 days)', descDe: 'In den letzten 30 Tagen geschlossene Tickets.', descEn: 'Tickets closed in the last 30 days.', filter: { statuses: ['closed'], closedWithinDays: 30 } },
    { id: 'q-all', key: 'all', accountId: null, de: 'Alle Tickets', en: 'All tickets', descDe: 'Alle Tickets, die Sie sehen dürfen.', descEn: 'Every ticket you may see.', filter: {} },
  ];
  world.quickLinks = [
    { id: 'ql-1', de: 'Servicekatalog', en: 'Service catalogue', url: 'https://servicedesk.example/katalog' },
    { id: 'ql-2', de: 'Statusseite', en: 'Status page', url: 'https://status.servicedesk.example' },
    { id: 'ql-3', de: 'Fernwartung herunterladen', en: 'Download remote support', url: 'https://servicedesk.example/fernwartung' },
    { id: 'ql-4', de: 'Hotline +49 40 123456-0', en: 'Hotline +49 40 123456-0', url: 'tel:+49401234560' },
  ];

  world.kbSections = [
    { id: 'kb-s-start', de: 'Erste Schritte', en: 'Getting started', sort: 1 },
    { id: 'kb-s-howto', de: 'Anleitungen', en: 'How-tos', sort: 2 },
    { id: 'kb-s-glossary', de: 'Glossar', en: 'Glossary', sort: 3 },
  ];
  const kb = (id: string, sectionId: string, language: 'de' | 'en', title: string, body: string, ageDays: number, attribution: string | null = null) => {
    world.kbArticles.push({ id, sectionId, language, title, bodyHtml: body, attributionHtml: attribution, createdAt: iso(now - (ageDays + 30) * DAY), updatedAt: iso(now - ageDays * DAY), author: 'Alex Hoffmann', version: 1 });
  };
  kb('kb-a-intro', 'kb-s-start', 'de', 'Einführung in Ihren Kundenzugang', '<h2>Die erste Anmeldung</h2><p>Nachdem Sie die E-Mail zu Ihrem Kundenzugang erhalten haben, klicken Sie auf den Link.</p><h2>Dashboard</h2><p>Nach der Anmeldung landen Sie auf dem Dashboard.</p>', 12);
  kb('kb-a-vpn', 'kb-s-howto', 'de', 'VPN einrichten', '<p>So richten Sie den VPN-Client ein:</p><ol><li>Client installieren</li><li>Profil importieren</li><li>Mit Ihrem Konto anmelden</li></ol>', 5);
  kb('kb-a-queue', 'kb-s-howto', 'de', 'Druckerwarteschlange leeren', '<p>Hängt ein Druckauftrag, leeren Sie die Druckerwarteschlange:</p><table><thead><tr><th>Schritt</th><th>Aktion</th></tr></thead><tbody><tr><td>1</td><td>Dienst „Druckwarteschlange“ beenden</td></tr><tr><td>2</td><td>Ordner leeren</td></tr></tbody></table>', 20);
  kb('kb-a-mfa', 'kb-s-howto', 'en', 'Reset your MFA device', '<p>If you changed your phone, ask the service desk to reset your MFA registration.</p>', 3);
  kb('kb-a-container', 'kb-s-glossary', 'de', 'Container', '<p>Ein Container ist eine virtuelle isolierte Umgebung.</p>', 40, '<p>Cloud Native Glossary, CNCF, CC BY 4.0</p>');
  for (const a of world.kbArticles) world.kbShares.push({ articleId: a.id, businessPartnerId: 'bp-nordwind' });
  world.kbShares.push({ articleId: 'kb-a-vpn', businessPartnerId: 'bp-mueller' });

  world.boards = [
    { id: 'pb-rollout', title: 'Rollout Windows 11 – Standort Hamburg', description: 'Umstellung aller 120 Arbeitsplätze bis Ende des Quartals.', createdAt: iso(now - 60 * DAY), updatedAt: iso(now - DAY) },
    { id: 'pb-dc', title: 'Umzug Rechenzentrum 2027', description: 'Planung des Umzugs in das neue Rechenzentrum.', createdAt: iso(now - 30 * DAY), updatedAt: iso(now - 2 * DAY) },
  ];
  const cols = ['Geplant', 'In Arbeit', 'Erledigt'];
  for (const b of world.boards) cols.forEach((title, sort) => world.columns.push({ id: `${b.id}-c${sort}`, boardId: b.id, title, sort }));
  world.members = [
    { boardId: 'pb-rollout', accountId: 'acc-dora', role: 'editor' },
    { boardId: 'pb-rollout', accountId: 'acc-erik', role: 'editor' },
    { boardId: 'pb-rollout', accountId: 'acc-anna', role: 'observer' },
    { boardId: 'pb-dc', accountId: 'acc-dora', role: 'observer' },
    { boardId: 'pb-dc', accountId: 'acc-anna', role: 'observer' },
  ];
  const act = (id: string, boardId: string, col: number, title: string, startOffset: number, days: number, priority: Priority, ticketId: string | null = null) => {
    world.activities.push({
      id,
      boardId,
      columnId: `${boardId}-c${col}`,
      title,
      description: `${title} – Details und Abstimmung mit den Standortverantwortlichen.`,
      startDate: day(now + startOffset * DAY),
      endDate: day(now + (startOffset + days) * DAY),
      durationHours: days * 6,
      priority,
      ticketId,
      sort: world.activities.filter((a) => a.columnId === `${boardId}-c${col}`).length,
      createdAt: iso(now - 20 * DAY),
      updatedAt: iso(now - 3 * DAY),
      version: 1,
    });
  };
  const nordwindTicket = world.tickets.find((t) => t.businessPartnerId === 'bp-nordwind' && !t.private && t.releasedAt)!;
  const privateTicket = world.tickets.find((t) => t.businessPartnerId === 'bp-nordwind' && t.private && t.authorId !== 'acc-dora');
  act('pa-1', 'pb-rollout', 2, 'Pilotgruppe Buchhaltung umstellen', -20, 5, 'high', nordwindTicket.id);
  act('pa-2', 'pb-rollout', 1, 'Images für Lager-PCs testen', -3, 7, 'medium');
  act('pa-3', 'pb-rollout', 0, 'Schulung Key-User', 10, 2, 'low', privateTicket?.id ?? null);
  act('pa-4', 'pb-rollout', 0, 'Umstellung 3. OG', 14, 4, 'critical');
  act('pa-5', 'pb-dc', 0, 'Netzplan finalisieren', 30, 14, 'high');
  act('pa-6', 'pb-dc', 1, 'Angebote Umzugsfirmen einholen', -5, 20, 'medium');
  return world;
}

/** A world with lookups but no tickets, articles or boards (tests that build their own data). */
export function createEmptyWorld(now: number = Date.now()): FakeWorld {
  const w = createWorld(now);
  return {
    ...w,
    tickets: [],
    positions: [],
    attachments: [],
    kbArticles: [],
    kbShares: [],
    boards: [],
    columns: [],
    members: [],
    activities: [],
    prefs: new Map(),
  };
}
