import type { Priority, TicketStatus } from '../db/schema.js';

/** Ticket types of the system partner (R-WIZ-7). */
export const TICKET_TYPES = [
  { key: 'incident', de: 'Störung', en: 'Incident' },
  { key: 'request', de: 'Serviceanfrage', en: 'Service request' },
  { key: 'change', de: 'Änderung', en: 'Change' },
  { key: 'question', de: 'Frage', en: 'Question' },
  { key: 'order', de: 'Bestellung', en: 'Order' },
] as const;
export type TypeKey = (typeof TICKET_TYPES)[number]['key'];

/** Areas (Bereiche) of the system partner. */
export const AREAS = [
  { key: 'workplace', de: 'Arbeitsplatz', en: 'Workplace' },
  { key: 'network', de: 'Netzwerk & VPN', en: 'Network & VPN' },
  { key: 'mail', de: 'E-Mail & Kalender', en: 'E-mail & calendar' },
  { key: 'printing', de: 'Drucker', en: 'Printing' },
  { key: 'licences', de: 'Lizenzen', en: 'Licences' },
  { key: 'accounts', de: 'Benutzerkonten', en: 'User accounts' },
  { key: 'erp', de: 'ERP', en: 'ERP' },
  { key: 'telephony', de: 'Telefonie', en: 'Telephony' },
] as const;
export type AreaKey = (typeof AREAS)[number]['key'];

/** Statuses in which a ticket still needs someone (the `open` query). */
export const OPEN_STATUSES: readonly TicketStatus[] = [
  'awaiting_release',
  'release_rejected',
  'new',
  'in_progress',
  'waiting_for_customer',
];

/** The filter format of `saved_query.filter_json`. */
export interface QueryFilter {
  statuses?: TicketStatus[];
  authorIsMe?: true;
  priorities?: Priority[];
  closedWithinDays?: number;
}

/** System queries of the ticket board (R-BOARD-2), shown in this order. */
export const SAVED_QUERIES: readonly {
  key: string;
  nameDe: string;
  nameEn: string;
  descriptionDe: string;
  descriptionEn: string;
  filter: QueryFilter;
}[] = [
  {
    key: 'open',
    nameDe: 'Offene Tickets',
    nameEn: 'Open tickets',
    descriptionDe: 'Alle Tickets, die noch bearbeitet werden: neu, in Bearbeitung, wartend oder noch nicht freigegeben.',
    descriptionEn: 'Every ticket that still needs work: new, in progress, waiting, or not released yet.',
    filter: { statuses: [...OPEN_STATUSES] },
  },
  {
    key: 'mine',
    nameDe: 'Meine Tickets',
    nameEn: 'My tickets',
    descriptionDe: 'Tickets, die Sie selbst erstellt haben – in jedem Status, auch private.',
    descriptionEn: 'Tickets you created yourself, in every status, private ones included.',
    filter: { authorIsMe: true },
  },
  {
    key: 'waiting_for_us',
    nameDe: 'Wartet auf uns',
    nameEn: 'Waiting for us',
    descriptionDe: 'Der Servicedesk hat eine Rückfrage gestellt und wartet auf eine Antwort aus Ihrem Unternehmen.',
    descriptionEn: 'The service desk asked a question and is waiting for an answer from your company.',
    filter: { statuses: ['waiting_for_customer'] },
  },
  {
    key: 'awaiting_release',
    nameDe: 'Wartet auf Freigabe',
    nameEn: 'Awaiting release',
    descriptionDe: 'Erstellte Tickets, die ein Ticket-Dispatcher noch freigeben muss. Erst danach sieht sie der Servicedesk.',
    descriptionEn: 'Tickets a dispatcher still has to release. The service desk sees them only after that.',
    filter: { statuses: ['awaiting_release'] },
  },
  {
    key: 'high_priority',
    nameDe: 'Hohe Priorität',
    nameEn: 'High priority',
    descriptionDe: 'Offene Tickets mit Priorität „hoch“ oder „kritisch“.',
    descriptionEn: 'Open tickets with priority “high” or “critical”.',
    filter: { statuses: [...OPEN_STATUSES], priorities: ['high', 'critical'] },
  },
  {
    key: 'closed_30d',
    nameDe: 'Abgeschlossen (30 Tage)',
    nameEn: 'Closed (last 30 days)',
    descriptionDe: 'Tickets, die in den letzten 30 Tagen abgeschlossen wurden.',
    descriptionEn: 'Tickets closed within the last 30 days.',
    filter: { statuses: ['closed'], closedWithinDays: 30 },
  },
  {
    key: 'all',
    nameDe: 'Alle Tickets',
    nameEn: 'All tickets',
    descriptionDe: 'Alle Tickets Ihres Unternehmens, die Sie sehen dürfen.',
    descriptionEn: 'Every ticket of your company you may see.',
    filter: {},
  },
];

/** Quick links of the system partner's dashboard (R-DASH-4). */
export const QUICK_LINKS: readonly { de: string; en: string; url: string }[] = [
  { de: 'Servicekatalog', en: 'Service catalogue', url: 'https://servicedesk.example/katalog' },
  { de: 'Systemstatus', en: 'System status', url: 'https://status.servicedesk.example/' },
  { de: 'Fernwartung herunterladen', en: 'Download remote support', url: 'https://servicedesk.example/download/fernwartung' },
  { de: 'Hotline 040 123 456-0', en: 'Hotline +49 40 123 456-0', url: 'tel:+49401234560' },
  { de: 'IT-Richtlinien', en: 'IT policies', url: 'https://servicedesk.example/richtlinien' },
  { de: 'Passwort-Self-Service', en: 'Password self-service', url: 'https://servicedesk.example/passwort' },
];
