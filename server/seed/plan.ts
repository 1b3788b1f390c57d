import type { PlanRole, Priority } from '../db/schema.js';
import { DAY } from '../clock.js';
import type { PartnerKey } from './people.js';
import type { Rng } from './prng.js';
import type { GenTicket } from './tickets.js';

/**
 * Plan boards (R-PLAN): two Nordwind boards and one of Müller & Söhne. Blue Harbor's users are
 * members of none (max.multi is a Blue Harbor dispatcher, so he is on no board either).
 * One activity links a private ticket, so the "number only" rule is visible to members who may
 * not read that ticket.
 */

interface ActivitySpec {
  title: string;
  description: string;
  /** days from today (UTC) */
  start: number;
  days: number;
  hours: number;
  priority: Priority;
  /** link: a ticket of the board's partner matching this */
  ticket?: (t: GenTicket) => boolean;
}

interface BoardSpec {
  partner: PartnerKey;
  title: string;
  description: string;
  columns: readonly string[];
  members: readonly [string, PlanRole][];
  ageDays: number;
  activities: readonly ActivitySpec[];
}

const isWin11Private = (t: GenTicket) => t.scenario === 'win11' && t.private;
const isWin11Public = (t: GenTicket) => t.scenario === 'win11' && !t.private && t.releasedAt !== null;

export const BOARDS: readonly BoardSpec[] = [
  {
    partner: 'nordwind',
    title: 'Rollout Windows 11 – Standort Hamburg',
    description:
      'Umstellung aller 140 Arbeitsplätze in Hamburg-Billbrook und der Zentrale auf Windows 11, abteilungsweise, mit Test der Fachanwendungen (Zoll, Etikettendruck, Dynamics NAV) vor jeder Welle.',
    columns: ['Geplant', 'In Vorbereitung', 'In Umsetzung', 'Erledigt'],
    members: [
      ['dora.dispatcher@nordwind.example', 'editor'],
      ['erik.editor@nordwind.example', 'editor'],
      ['katrin.vogel@nordwind.example', 'editor'],
      ['anna.viewer@nordwind.example', 'observer'],
      ['jonas.becker@nordwind.example', 'observer'],
    ],
    ageDays: 75,
    activities: [
      { title: 'Inventur der Arbeitsplätze', description: 'Hardware-Check: TPM 2.0, Arbeitsspeicher, SSD-Größe.', start: -60, days: 10, hours: 24, priority: 'medium' },
      { title: 'Referenzimage erstellen und freigeben', description: 'Image 23H2 mit Standardsoftware, BitLocker und Druckertreibern.', start: -48, days: 12, hours: 40, priority: 'high' },
      { title: 'Test Fachanwendungen (Zoll, NAV, Etiketten)', description: 'Key-User testen auf Referenzgeräten.', start: -35, days: 8, hours: 16, priority: 'high', ticket: isWin11Public },
      { title: 'Pilot Buchhaltung (10 Geräte)', description: 'Erste Welle mit Feedbackrunde.', start: -24, days: 3, hours: 20, priority: 'medium' },
      { title: 'Welle 1: Disposition', description: 'Umstellung nach Schichtende, Vor-Ort-Betreuung am Folgetag.', start: -10, days: 4, hours: 32, priority: 'high', ticket: isWin11Private },
      { title: 'Welle 2: Vertrieb und Personal', description: '', start: -2, days: 5, hours: 36, priority: 'medium' },
      { title: 'Schulung Key-User „Was ist neu in Windows 11“', description: 'Zwei Termine à 90 Minuten, Teams.', start: 3, days: 1, hours: 3, priority: 'low' },
      { title: 'Welle 3: Lager Nord (Thin Clients)', description: 'Abstimmung mit Schichtplanung nötig.', start: 9, days: 6, hours: 30, priority: 'high' },
      { title: 'Welle 4: Zollabteilung', description: 'Nach Freigabe des Zollprogramms durch den Hersteller.', start: 20, days: 4, hours: 24, priority: 'critical' },
      { title: 'Altgeräte entsorgen (Datenträgervernichtung)', description: 'Zertifikat des Entsorgers ablegen.', start: 32, days: 2, hours: 6, priority: 'low' },
      { title: 'Abschlussbericht', description: '', start: 40, days: 1, hours: 4, priority: 'low' },
    ],
  },
  {
    partner: 'nordwind',
    title: 'Umzug Rechenzentrum 2027',
    description:
      'Umzug der Server aus dem Keller der Zentrale in das Colocation-Rechenzentrum Hamburg-Süd. Ziel: Abschaltung des alten Serverraums bis Ende März 2027.',
    columns: ['Backlog', 'Planung', 'Umsetzung', 'Abgeschlossen'],
    members: [
      ['dora.dispatcher@nordwind.example', 'editor'],
      ['katrin.vogel@nordwind.example', 'editor'],
      ['erik.editor@nordwind.example', 'observer'],
      ['lukas.hartmann@nordwind.example', 'observer'],
    ],
    ageDays: 40,
    activities: [
      { title: 'Bestandsaufnahme Server und Abhängigkeiten', description: '38 Server, 4 Storage-Systeme, 2 Firewalls.', start: -30, days: 15, hours: 40, priority: 'high' },
      { title: 'Ausschreibung Colocation', description: '', start: -12, days: 30, hours: 16, priority: 'medium' },
      { title: 'Leitungen bestellen (2 × 10 Gbit/s)', description: 'Lieferzeit der Carrier ca. 90 Tage.', start: 25, days: 90, hours: 6, priority: 'critical', ticket: (t) => t.scenario === 'firewall-portal' && !t.private },
      { title: 'Virtualisierung der Altsysteme', description: 'P2V für drei physische Server.', start: 60, days: 45, hours: 80, priority: 'medium' },
      { title: 'Testumzug Backup-Systeme', description: '', start: 150, days: 3, hours: 24, priority: 'medium' },
      { title: 'Umzug Welle A (Infrastruktur)', description: 'Wochenende, Wartungsfenster Fr 18 Uhr bis So 18 Uhr.', start: 290, days: 3, hours: 60, priority: 'critical' },
      { title: 'Umzug Welle B (ERP und Datenbanken)', description: '', start: 320, days: 3, hours: 60, priority: 'critical' },
      { title: 'Rückbau alter Serverraum', description: 'Klimaanlage und USV außer Betrieb nehmen.', start: 380, days: 20, hours: 30, priority: 'low' },
    ],
  },
  {
    partner: 'mueller',
    title: 'Migration Telefonanlage auf Cloud-Telefonie',
    description: 'Ablösung der ISDN-Anlage in Leipzig und Chemnitz durch Teams-Telefonie mit Rufnummernportierung.',
    columns: ['Offen', 'In Arbeit', 'Fertig'],
    members: [
      ['sabine.richter@mueller-soehne.example', 'editor'],
      ['thomas.krause@mueller-soehne.example', 'editor'],
      ['uwe.lehmann@mueller-soehne.example', 'observer'],
    ],
    ageDays: 50,
    activities: [
      { title: 'Rufnummernplan erstellen', description: '', start: -40, days: 5, hours: 8, priority: 'medium' },
      { title: 'Portierungsauftrag beim Carrier', description: 'Kündigung der ISDN-Anschlüsse erst nach Portierung!', start: -20, days: 25, hours: 3, priority: 'high' },
      { title: 'Headsets und Tischtelefone beschaffen', description: '', start: -5, days: 10, hours: 4, priority: 'medium', ticket: (t) => t.area === 'telephony' && !t.private && t.releasedAt !== null },
      { title: 'Umstellung Werk Leipzig', description: '', start: 14, days: 2, hours: 16, priority: 'high' },
      { title: 'Umstellung Werk Chemnitz', description: '', start: 28, days: 2, hours: 16, priority: 'high' },
    ],
  },
];

export interface GenBoard {
  id: string;
  partner: PartnerKey;
  title: string;
  description: string;
  createdAt: number;
  updatedAt: number;
  columns: { id: string; title: string; sort: number }[];
  members: { email: string; role: PlanRole; createdAt: number }[];
  activities: {
    id: string;
    columnId: string;
    title: string;
    description: string;
    startDate: string;
    endDate: string;
    durationHours: number;
    priority: Priority;
    ticketId: string | null;
    sort: number;
    createdAt: number;
    updatedAt: number;
    version: number;
  }[];
}

const ymd = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** Builds the boards; activities move through the columns by their dates relative to today. */
export function generateBoards(rng: Rng, now: number, tickets: readonly GenTicket[]): GenBoard[] {
  const today = Date.UTC(new Date(now).getUTCFullYear(), new Date(now).getUTCMonth(), new Date(now).getUTCDate());
  const used = new Set<string>();
  return BOARDS.map((b) => {
    const id = rng.id();
    const createdAt = now - b.ageDays * DAY - rng.int(1, 8) * 3_600_000;
    const columns = b.columns.map((title, sort) => ({ id: rng.id(), title, sort }));
    const last = columns.length - 1;
    const sorts = new Map<string, number>();
    let updatedAt = createdAt;
    const activities = b.activities.map((a) => {
      const startMs = today + a.start * DAY;
      const endMs = startMs + (a.days - 1) * DAY;
      // finished → last column; running → the one before; soon → the second; later → the first
      const col = endMs < today ? last : startMs <= today ? Math.max(0, last - 1) : a.start <= 14 && columns.length > 3 ? 1 : 0;
      const columnId = columns[col]!.id;
      const sort = sorts.get(columnId) ?? 0;
      sorts.set(columnId, sort + 1);
      const linked = a.ticket
        ? tickets
            .filter((t) => t.partner === b.partner && a.ticket!(t) && !used.has(t.id))
            .sort((x, y) => x.number - y.number)[0]
        : undefined;
      if (linked) used.add(linked.id);
      const created = createdAt + rng.int(1, 5) * 3_600_000 + rng.int(0, 3599) * 1000;
      const edits = col === last ? rng.int(2, 4) : rng.int(0, 2);
      const updated = Math.min(now - 3_600_000, Math.max(created, startMs - rng.int(0, 3) * DAY + rng.int(8, 16) * 3_600_000, created + edits * DAY));
      updatedAt = Math.max(updatedAt, updated);
      return {
        id: rng.id(),
        columnId,
        title: a.title,
        description: a.description,
        startDate: ymd(startMs),
        endDate: ymd(endMs),
        durationHours: a.hours,
        priority: a.priority,
        ticketId: linked?.id ?? null,
        sort,
        createdAt: created,
        updatedAt: Math.max(created, updated),
        version: 1 + edits,
      };
    });
    return {
      id,
      partner: b.partner,
      title: b.title,
      description: b.description,
      createdAt,
      updatedAt,
      columns,
      members: b.members.map(([email, role], i) => ({ email, role, createdAt: createdAt + (i + 1) * 60_000 })),
      activities,
    };
  });
}
