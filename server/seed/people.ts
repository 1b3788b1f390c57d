import type { Locale, Role } from '../db/schema.js';

/** The business partners of the demo (the first three are part of the demo data contract). */
export type PartnerKey = 'nordwind' | 'mueller' | 'blueharbor' | 'elbtal';

export interface PartnerProfile {
  key: PartnerKey;
  name: string;
  /** language of its tickets */
  lang: Locale;
  /** roughly how many of the ~200 tickets are theirs */
  tickets: number;
  /** places, floors and things its tickets talk about */
  sites: readonly string[];
  floors: readonly string[];
  departments: readonly string[];
  printers: readonly string[];
  mailDomain: string;
  /** shared mailboxes / distribution lists */
  mailboxes: readonly string[];
  erpName: string;
  /** tags every few of its tickets carry besides the scenario's own (sites, projects) */
  extraTags: readonly string[];
  /** people its tickets mention who have no portal account (new hires, leavers, guests) */
  staff: readonly string[];
}

export const SYSTEM_PARTNER_NAME = 'Servicedesk GmbH';

export const PARTNERS: readonly PartnerProfile[] = [
  {
    key: 'nordwind',
    name: 'Nordwind Logistik GmbH',
    lang: 'de',
    tickets: 118,
    sites: ['Hamburg-Billbrook', 'Bremen Hafen', 'Hannover-Lahe', 'Hamburg Zentrale'],
    floors: ['EG', '1. OG', '2. OG', '3. OG'],
    departments: ['Disposition', 'Buchhaltung', 'Lager Nord', 'Zollabteilung', 'Personal', 'Vertrieb', 'Fuhrpark'],
    printers: ['NW-HH-3OG-01', 'NW-HH-EG-LAGER', 'NW-HB-1OG-02', 'NW-H-2OG-01', 'NW-HH-2OG-FARBE'],
    mailDomain: 'nordwind.example',
    mailboxes: ['dispo@nordwind.example', 'zoll@nordwind.example', 'rechnungen@nordwind.example', 'bewerbung@nordwind.example'],
    erpName: 'Dynamics NAV',
    extraTags: ['Standort Hamburg', 'Standort Bremen', 'Standort Hannover', 'Homeoffice'],
    staff: [
      'Jan-Ole Petersen', 'Svenja Hinrichs', 'Marco Albers', 'Fatma Demir', 'Hauke Carstens',
      'Nicole Brandt', 'Piotr Nowak', 'Kerstin Lüders', 'Timo Janssen', 'Aylin Koç',
    ],
  },
  {
    key: 'mueller',
    name: 'Müller & Söhne (Ost) GmbH',
    lang: 'de',
    tickets: 42,
    sites: ['Leipzig-Plagwitz', 'Chemnitz Werk 2'],
    floors: ['EG', '1. OG', '2. OG'],
    departments: ['Fertigung', 'Arbeitsvorbereitung', 'Einkauf', 'Qualitätssicherung', 'Geschäftsleitung', 'Versand'],
    printers: ['MS-L-1OG-01', 'MS-C-HALLE2', 'MS-L-EG-EMPFANG'],
    mailDomain: 'mueller-soehne.example',
    mailboxes: ['einkauf@mueller-soehne.example', 'qs@mueller-soehne.example', 'info@mueller-soehne.example'],
    erpName: 'proALPHA',
    extraTags: ['Werk Leipzig', 'Werk Chemnitz', 'R&D'],
    staff: ['Steffen Hähnel', 'Doreen Kunze', 'Ronny Scholz', 'Mandy Seidel', 'Enrico Wolf', 'Yvonne Günther'],
  },
  {
    key: 'blueharbor',
    name: 'Blue Harbor Ltd',
    lang: 'en',
    tickets: 30,
    sites: ['Southampton office', 'Felixstowe depot', 'Rotterdam branch'],
    floors: ['ground floor', '1st floor', '2nd floor'],
    departments: ['Operations', 'Finance', 'Customs', 'Customer Service', 'HR'],
    printers: ['BH-SOU-2F-01', 'BH-SOU-GF-RECEPTION', 'BH-FXT-DEPOT'],
    mailDomain: 'blueharbor.example',
    mailboxes: ['ops@blueharbor.example', 'accounts@blueharbor.example', 'customs@blueharbor.example'],
    erpName: 'Sage 200',
    extraTags: ['Southampton', 'Felixstowe', 'Rotterdam'],
    staff: ['Olivia Bennett', 'Callum Reid', 'Sophie Turner', 'Ravi Patel', 'Hannah Lewis', 'Daniel Moore'],
  },
  {
    key: 'elbtal',
    name: 'Elbtal Stadtwerke GmbH',
    lang: 'de',
    tickets: 12,
    sites: ['Pirna Verwaltung', 'Wasserwerk Heidenau'],
    floors: ['EG', '1. OG'],
    departments: ['Kundenservice', 'Netzbetrieb', 'Abrechnung'],
    printers: ['SW-PIR-EG-01', 'SW-HEI-LEITWARTE'],
    mailDomain: 'elbtal-stadtwerke.example',
    mailboxes: ['kundenservice@elbtal-stadtwerke.example', 'stoerung@elbtal-stadtwerke.example'],
    erpName: 'SAP IS-U',
    extraTags: ['Leitwarte', 'Kundencenter'],
    staff: ['Ines Pfeifer', 'Rico Hentschel', 'Claudia Zimmer'],
  },
];

export const DEMO_PASSWORD = 'Portal-Demo-2026!';
export const INITIAL_PASSWORD = 'Start-2026!';

export interface SeedAccount {
  email: string;
  name: string;
  kind: 'customer' | 'agent';
  locale: Locale;
  memberships: readonly { partner: PartnerKey; role: Role }[];
  /** the account still has to replace its initial password (R-AUTH-3) */
  initial?: boolean;
  /** shown after the roles in DEMO_ACCOUNTS */
  remark?: string;
  /** how much more often than colleagues this account authors tickets */
  weight?: number;
}

/**
 * Every account of the demo. DEMO_ACCOUNTS lists the demo data contract of DESIGN.md; the
 * others are colleagues (authors of other tickets, private tickets of colleagues) and a second
 * and third agent.
 */
export const ACCOUNTS: readonly SeedAccount[] = [
  { email: 'alex.agent@servicedesk.example', name: 'Alex Hoffmann', kind: 'agent', locale: 'de', memberships: [], remark: 'agent of the system partner "Servicedesk GmbH"' },
  { email: 'miriam.sommer@servicedesk.example', name: 'Miriam Sommer', kind: 'agent', locale: 'de', memberships: [] },
  { email: 'daniel.kowalski@servicedesk.example', name: 'Daniel Kowalski', kind: 'agent', locale: 'en', memberships: [] },

  { email: 'anna.viewer@nordwind.example', name: 'Anna Schneider', kind: 'customer', locale: 'de', memberships: [{ partner: 'nordwind', role: 'viewer' }] },
  { email: 'erik.editor@nordwind.example', name: 'Erik Brandt', kind: 'customer', locale: 'de', memberships: [{ partner: 'nordwind', role: 'editor' }], weight: 2 },
  { email: 'dora.dispatcher@nordwind.example', name: 'Dora Wagner', kind: 'customer', locale: 'de', memberships: [{ partner: 'nordwind', role: 'dispatcher' }], weight: 2.5 },
  { email: 'neu.kunde@nordwind.example', name: 'Lena Neumann', kind: 'customer', locale: 'de', memberships: [{ partner: 'nordwind', role: 'editor' }], initial: true, remark: 'first login pending, initial password valid 7 days' },
  { email: 'jonas.becker@nordwind.example', name: 'Jonas Becker', kind: 'customer', locale: 'de', memberships: [{ partner: 'nordwind', role: 'editor' }] },
  { email: 'petra.schulz@nordwind.example', name: 'Petra Schulz', kind: 'customer', locale: 'de', memberships: [{ partner: 'nordwind', role: 'editor' }] },
  { email: 'mehmet.yilmaz@nordwind.example', name: 'Mehmet Yılmaz', kind: 'customer', locale: 'de', memberships: [{ partner: 'nordwind', role: 'editor' }] },
  { email: 'katrin.vogel@nordwind.example', name: 'Katrin Vogel', kind: 'customer', locale: 'de', memberships: [{ partner: 'nordwind', role: 'dispatcher' }] },
  { email: 'lukas.hartmann@nordwind.example', name: 'Lukas Hartmann', kind: 'customer', locale: 'de', memberships: [{ partner: 'nordwind', role: 'viewer' }] },

  { email: 'max.multi@mueller-soehne.example', name: 'Max Ostermann', kind: 'customer', locale: 'de', memberships: [{ partner: 'mueller', role: 'editor' }, { partner: 'blueharbor', role: 'dispatcher' }], weight: 1.2 },
  { email: 'sabine.richter@mueller-soehne.example', name: 'Sabine Richter', kind: 'customer', locale: 'de', memberships: [{ partner: 'mueller', role: 'dispatcher' }] },
  { email: 'thomas.krause@mueller-soehne.example', name: 'Thomas Krause', kind: 'customer', locale: 'de', memberships: [{ partner: 'mueller', role: 'editor' }] },
  { email: 'uwe.lehmann@mueller-soehne.example', name: 'Uwe Lehmann', kind: 'customer', locale: 'de', memberships: [{ partner: 'mueller', role: 'viewer' }] },

  { email: 'bob.editor@blueharbor.example', name: 'Bob Carter', kind: 'customer', locale: 'en', memberships: [{ partner: 'blueharbor', role: 'editor' }], remark: 'English', weight: 2.5 },
  { email: 'emily.watson@blueharbor.example', name: 'Emily Watson', kind: 'customer', locale: 'en', memberships: [{ partner: 'blueharbor', role: 'dispatcher' }] },
  { email: 'james.okafor@blueharbor.example', name: 'James Okafor', kind: 'customer', locale: 'en', memberships: [{ partner: 'blueharbor', role: 'editor' }] },
  { email: 'priya.shah@blueharbor.example', name: 'Priya Shah', kind: 'customer', locale: 'en', memberships: [{ partner: 'blueharbor', role: 'viewer' }] },

  { email: 'ines.pfeifer@elbtal-stadtwerke.example', name: 'Ines Pfeifer', kind: 'customer', locale: 'de', memberships: [{ partner: 'elbtal', role: 'dispatcher' }] },
  { email: 'rico.hentschel@elbtal-stadtwerke.example', name: 'Rico Hentschel', kind: 'customer', locale: 'de', memberships: [{ partner: 'elbtal', role: 'editor' }] },
];

export interface DemoAccount {
  email: string;
  password: string;
  name: string;
  kind: 'customer' | 'agent';
  locale: Locale;
  /** business partner name and role, in order */
  partners: readonly { partner: string; role: Role }[];
  note: string;
}

const partnerName = (key: PartnerKey) => PARTNERS.find((p) => p.key === key)!.name;

/**
 * The accounts the README lists and server/main.ts prints at start-up: the demo data contract
 * of DESIGN.md. Every other demo account (colleagues, the other agents) uses `DEMO_PASSWORD`.
 */
export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  'anna.viewer@nordwind.example',
  'erik.editor@nordwind.example',
  'dora.dispatcher@nordwind.example',
  'max.multi@mueller-soehne.example',
  'bob.editor@blueharbor.example',
  'neu.kunde@nordwind.example',
  'alex.agent@servicedesk.example',
].map((email) => {
  const a = ACCOUNTS.find((x) => x.email === email)!;
  const partners = a.memberships.map((m) => ({ partner: partnerName(m.partner), role: m.role }));
  const roles = partners.map((m) => `${m.partner}: ${m.role}`).join(' · ');
  return {
    email: a.email,
    password: a.initial ? INITIAL_PASSWORD : DEMO_PASSWORD,
    name: a.name,
    kind: a.kind,
    locale: a.locale,
    partners,
    note: [roles, a.remark].filter(Boolean).join(roles && a.remark ? ', ' : ''),
  };
});
