/**
 * Realistic ticket texts for the benchmark database: subjects, descriptions and messages of an
 * IT service desk in German and English. Each ticket has a topic (printing, VPN, mail, ...), so
 * words occur about as often as in a real helpdesk: "Drucker" in roughly one ticket in ten, not
 * in every third; devices, places, people, error codes and order numbers vary per ticket.
 */

export interface Rng {
  next(): number;
  int(min: number, max: number): number;
  pick<T>(xs: readonly T[]): T;
  chance(p: number): boolean;
}

/** mulberry32: small, fast, deterministic. */
export function rng(seed: number): Rng {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick: (xs) => xs[Math.floor(next() * xs.length)]!,
    chance: (p) => next() < p,
  };
}

const FIRST = ['Anna', 'Jonas', 'Petra', 'Mehmet', 'Laura', 'Thomas', 'Sabine', 'Lukas', 'Fatma', 'Jan', 'Sophie', 'Rico', 'James', 'Olivia', 'Chidi', 'Emma', 'Björn', 'Jürgen', 'Zoë', 'Agnieszka', 'Dirk', 'Heike', 'Kevin', 'Merve', 'Paul', 'Ursula'];
const LAST = ['Becker', 'Schulz', 'Yilmaz', 'Krause', 'Hoffmann', 'Okafor', 'Müller', 'Schäfer', 'Weiß', 'Nowak', 'Smith', 'Brown', 'Kowalski', 'Hentschel', 'Brandt', 'Groß', 'Lange', 'Vogel', 'Arslan', 'Petersen'];
const SITES = ['Hamburg', 'Bremen', 'Leipzig', 'Dresden', 'Hannover', 'Lager Ost', 'Werk 2', 'Hafen', 'Zentrale', 'Außenstelle Kiel', 'Kühlhaus', 'Verwaltung'];
const PRINTERS = ['PR-HH-014', 'PR-HB-002', 'PR-LE-031', 'Kyocera TASKalfa 3554ci', 'HP LaserJet M507', 'Brother HL-L5100', 'Zebra ZT410', 'Ricoh IM C3000'];
const SOFTWARE = ['Visio', 'Adobe Acrobat Pro', 'AutoCAD LT', 'SAP GUI', 'DATEV', 'MS Project', 'Power BI Pro', 'Teams Premium', 'Snagit', 'Notepad++', 'KeePass'];
const ERRORS = ['0x0000011b', '0x80070005', '0x800CCC0E', 'E_ACCESSDENIED', 'DPD_TIMEOUT', 'ORA-12541', 'HTTP 503', 'Fehler 1603', 'STOP 0x0000007E', 'SSL_ERROR_BAD_CERT_DOMAIN', '0x80190001', 'AADSTS50076'];
const SERVERS = ['fs01', 'fs02', 'srv-dms', 'nas-lager', 'files.nordwind.local'];
const SHARES = ['Buchhaltung', 'Einkauf', 'Personal', 'Projekte', 'Scans', 'Vertrieb$', 'Qualität', 'Disposition'];
const COLORS = ['schwarz', 'cyan', 'magenta', 'gelb'];
const DEVICES = ['Latitude 5440', 'ThinkPad T14', 'EliteBook 840', 'Surface Pro 9', 'Dell P2723DE', 'iPhone 15', 'Galaxy A54', 'Dockingstation WD19'];
const MAILBOXES = ['info', 'einkauf', 'versand', 'buchhaltung', 'bewerbung', 'disposition'];

const person = (r: Rng) => `${r.pick(FIRST)} ${r.pick(LAST)}`;
const pc = (r: Rng) => `PC-${r.pick(['HH', 'HB', 'LE', 'DD', 'H'])}-${String(r.int(1, 999)).padStart(4, '0')}`;
const floor = (r: Rng) => `${r.int(1, 5)}. OG`;
const order = (r: Rng) => `PO-${r.int(2023, 2026)}-${String(r.int(1, 2999)).padStart(4, '0')}`;

type Gen = (r: Rng) => string;

interface Topic {
  weight: number;
  tags: readonly string[];
  de: { subjects: Gen[]; sentences: Gen[]; solutions: Gen[] };
  en: { subjects: Gen[]; sentences: Gen[] };
}

const TOPICS: Topic[] = [
  {
    weight: 10,
    tags: ['Drucker', 'Toner', 'Scanner'],
    de: {
      subjects: [
        (r) => `Drucker ${r.pick(PRINTERS)} im ${floor(r)} druckt nicht`,
        (r) => `Druckerwarteschlange hängt (${r.pick(SITES)})`,
        (r) => `Toner ${r.pick(COLORS)} für ${r.pick(PRINTERS)} bestellen`,
        (r) => `Scanner speichert nicht nach ${r.pick(SHARES)}`,
        (r) => `Etikettendrucker im ${r.pick(SITES)} druckt leere Etiketten`,
      ],
      sentences: [
        (r) => `Der Drucker zeigt „Papierstau in Fach ${r.int(1, 4)}“, obwohl kein Papier klemmt.`,
        () => 'Aufträge bleiben in der Warteschlange stehen und lassen sich nicht löschen.',
        (r) => `Es kommt nur eine leere Seite heraus, die Anzeige meldet ${r.pick(ERRORS)}.`,
        () => 'Andere Kollegen können über denselben Drucker drucken.',
      ],
      solutions: [(r) => `Wir haben den Treiber auf ${r.pick(PRINTERS)} aktualisiert, bitte erneut testen.`, () => 'Der Druckspooler wurde neu gestartet.'],
    },
    en: {
      subjects: [(r) => `Printer ${r.pick(PRINTERS)} on floor ${r.int(1, 5)} not printing`, (r) => `Toner ${r.pick(['black', 'cyan', 'magenta', 'yellow'])} needed`],
      sentences: [() => 'Jobs stay in the queue and cannot be deleted.', () => 'The display says paper jam, but there is no paper stuck.'],
    },
  },
  {
    weight: 9,
    tags: ['VPN', 'Homeoffice', 'Netzwerk', 'Zertifikat'],
    de: {
      subjects: [
        () => 'VPN-Verbindung bricht im Homeoffice ab',
        (r) => `VPN trennt sich alle ${r.int(10, 40)} Minuten`,
        () => 'Kein VPN seit dem Client-Update',
        (r) => `Netzwerkdose ${r.int(1, 60)}-${r.int(1, 24)} ohne Verbindung`,
      ],
      sentences: [
        () => 'Die Verbindung steht kurz und trennt sich dann wieder.',
        (r) => `Im Protokoll steht ${r.pick(['DPD_TIMEOUT', 'tunnel: reconnect failed', 'peer unreachable'])}.`,
        () => 'Zu Hause funktioniert das Internet ohne Probleme.',
      ],
      solutions: [(r) => `Das Zertifikat des Gateways GW-${r.pick(['HH', 'HB'])}-0${r.int(1, 4)} wurde erneuert.`, () => 'Bitte den neuen Client aus dem Softwarecenter installieren.'],
    },
    en: {
      subjects: [() => 'VPN keeps dropping when working from home', () => 'No network at my desk'],
      sentences: [() => 'The tunnel connects and drops again after a few minutes.'],
    },
  },
  {
    weight: 12,
    tags: ['Outlook', 'E-Mail', 'Kalender', 'Postfach'],
    de: {
      subjects: [
        (r) => `Outlook: Kalender von ${person(r)} nicht sichtbar`,
        () => 'Outlook startet nicht mehr nach Update',
        (r) => `Postfach ${r.pick(MAILBOXES)}@ voll`,
        (r) => `Stellvertretung für ${person(r)} einrichten`,
        () => 'E-Mails mit Anhang kommen nicht an',
      ],
      sentences: [
        () => 'Outlook bleibt beim Profil laden stehen.',
        (r) => `Die Freigabe des Kalenders wurde von ${person(r)} bereits erteilt.`,
        () => 'Im Webmail sind die Nachrichten vorhanden.',
        (r) => `Die Meldung lautet ${r.pick(['0x800CCC0E', 'Der Vorgang ist fehlgeschlagen', 'Kennwort erforderlich'])}.`,
      ],
      solutions: [() => 'Das Outlook-Profil wurde neu angelegt.', () => 'Die Berechtigung auf den Kalender ist gesetzt.'],
    },
    en: {
      subjects: [(r) => `Outlook calendar of ${person(r)} not visible`, () => 'Shared mailbox full'],
      sentences: [() => 'Outlook hangs while loading the profile.'],
    },
  },
  {
    weight: 12,
    tags: ['Passwort', 'Berechtigung', 'Benutzerkonto'],
    de: {
      subjects: [
        (r) => `Passwort zurücksetzen für ${person(r)}`,
        (r) => `Benutzerkonto ${r.pick(FIRST).toLowerCase()}.${r.pick(LAST).toLowerCase()} gesperrt`,
        (r) => `Zugriff auf \\\\${r.pick(SERVERS)}\\${r.pick(SHARES)} verweigert`,
        (r) => `MFA-Gerät für ${person(r)} neu registrieren`,
      ],
      sentences: [
        () => 'Nach drei Fehlversuchen ist das Konto gesperrt.',
        (r) => `Die Meldung lautet ${r.pick(['E_ACCESSDENIED', 'AADSTS50076', 'Zugriff verweigert'])}.`,
        () => 'Das neue Handy hat die Authenticator-App noch nicht.',
      ],
      solutions: [() => 'Das Konto ist entsperrt, das Initialkennwort kommt per SMS.', () => 'Die Gruppenmitgliedschaft wurde ergänzt.'],
    },
    en: {
      subjects: [(r) => `Password reset for ${person(r)}`, (r) => `Access denied to \\\\${r.pick(SERVERS)}\\${r.pick(SHARES)}`],
      sentences: [() => 'The account is locked after three failed attempts.'],
    },
  },
  {
    weight: 12,
    tags: ['Hardware', 'Laptop', 'Monitor', 'Bestellung'],
    de: {
      subjects: [
        (r) => `Neuer Laptop für ${person(r)}`,
        (r) => `Bildschirm flackert an Platz ${pc(r)}`,
        (r) => `${r.pick(DEVICES)} startet nicht mehr`,
        (r) => `Dockingstation erkennt ${r.pick(['den zweiten Monitor', 'die Tastatur', 'das Netzwerk'])} nicht`,
      ],
      sentences: [
        (r) => `Gerät ${r.pick(DEVICES)}, Seriennummer ${r.pick(['CN', 'PF', 'SN'])}${r.int(10000000, 99999999)}.`,
        () => 'Der Akku lädt nur noch bis 50%.',
        () => 'Nach dem Einschalten bleibt der Bildschirm schwarz.',
      ],
      solutions: [() => 'Das Austauschgerät liegt an der Anmeldung bereit.', () => 'Das BIOS-Update ist eingespielt.'],
    },
    en: {
      subjects: [(r) => `New laptop for ${person(r)}`, (r) => `Monitor flickering at desk ${pc(r)}`],
      sentences: [(r) => `Device ${r.pick(DEVICES)}.`],
    },
  },
  {
    weight: 9,
    tags: ['Lizenz', 'Software'],
    de: {
      subjects: [(r) => `Lizenz für ${r.pick(SOFTWARE)} benötigt`, (r) => `${r.pick(SOFTWARE)} lässt sich nicht installieren`, (r) => `Update von ${r.pick(SOFTWARE)} bricht ab`],
      sentences: [(r) => `Die Installation bricht mit ${r.pick(['Fehler 1603', 'Fehler 1618', '0x80070005'])} ab.`, (r) => `Kostenstelle ${r.int(1000, 9999)}, genehmigt von ${person(r)}.`],
      solutions: [(r) => `Die Lizenz für ${r.pick(SOFTWARE)} ist zugewiesen.`, () => 'Die Software steht im Softwarecenter bereit.'],
    },
    en: {
      subjects: [(r) => `Licence needed for ${r.pick(SOFTWARE)}`],
      sentences: [(r) => `Cost centre ${r.int(1000, 9999)}.`],
    },
  },
  {
    weight: 9,
    tags: ['ERP', 'SAP', 'Buchhaltung'],
    de: {
      subjects: [(r) => `ERP-Fehler ${r.pick(ERRORS)} beim Buchen`, () => 'SAP sehr langsam seit heute', (r) => `Berechtigung für Transaktion ${r.pick(['ME21N', 'VA01', 'FB60', 'MIGO'])} beantragen`],
      sentences: [(r) => `Beim Buchen des Wareneingangs erscheint ${r.pick(['ORA-12541', 'Kein Zugriff', 'Sperre durch anderen Benutzer'])}.`, () => 'Der Monatsabschluss ist morgen, bitte dringend.'],
      solutions: [() => 'Die Rolle wurde zugewiesen, bitte neu anmelden.', () => 'Die Sperre wurde aufgehoben.'],
    },
    en: {
      subjects: [(r) => `ERP error ${r.pick(ERRORS)} when posting`],
      sentences: [() => 'Month-end closing is tomorrow.'],
    },
  },
  {
    weight: 7,
    tags: ['Telefonie', 'Teams'],
    de: {
      subjects: [() => 'Teams-Telefonie: kein Freizeichen', (r) => `Durchwahl ${r.int(100, 999)} klingelt nicht`, () => 'Headset wird in Teams nicht erkannt'],
      sentences: [() => 'Anrufe von extern kommen nicht durch.', () => 'Das Headset funktioniert am Handy.'],
      solutions: [() => 'Die Rufnummer wurde dem Konto neu zugewiesen.'],
    },
    en: {
      subjects: [() => 'Teams phone: no dial tone'],
      sentences: [() => 'External calls do not come through.'],
    },
  },
  {
    weight: 7,
    tags: ['Onboarding', 'Offboarding'],
    de: {
      subjects: [(r) => `Onboarding ${person(r)} zum ${r.int(1, 28)}.${r.int(1, 12)}.`, (r) => `Austritt ${person(r)}: Konten sperren`],
      sentences: [(r) => `Benötigt werden Laptop, Headset und Zugang zu ${r.pick(SHARES)}.`, (r) => `Vorgesetzte ist ${person(r)}.`],
      solutions: [() => 'Konto und Postfach sind angelegt, das Gerät ist vorbereitet.'],
    },
    en: {
      subjects: [(r) => `New starter ${person(r)}`],
      sentences: [() => 'Needs a laptop and a headset.'],
    },
  },
  {
    weight: 6,
    tags: ['WLAN', 'Lager', 'Netzwerk'],
    de: {
      subjects: [(r) => `WLAN im ${r.pick(SITES)} instabil`, () => 'Handscanner verlieren das WLAN'],
      sentences: [() => 'Die Verbindung bricht in der hinteren Halle ab.', (r) => `Access Point AP-${r.int(1, 40)} blinkt rot.`],
      solutions: [() => 'Ein zusätzlicher Access Point wurde installiert.'],
    },
    en: {
      subjects: [(r) => `Wi-Fi unstable at ${r.pick(SITES)}`],
      sentences: [() => 'Scanners lose the connection in the back hall.'],
    },
  },
];

const GENERIC_DE: Gen[] = [
  (r) => `Seit ${r.pick(['heute Morgen', 'gestern', 'Montag', 'dem letzten Update', 'der Mittagspause'])} funktioniert es nicht mehr.`,
  (r) => `Betroffen sind ${r.int(1, 12)} Kolleginnen und Kollegen im ${floor(r)}.`,
  (r) => `Rechnername ${pc(r)}, Standort ${r.pick(SITES)}.`,
  () => 'Ein Neustart hat nicht geholfen.',
  (r) => `Ansprechpartnerin vor Ort ist ${person(r)} (Durchwahl ${r.int(100, 999)}).`,
  (r) => `Die Bestellung läuft unter ${order(r)}.`,
  () => 'Bitte zeitnah ansehen, danke.',
];
const GENERIC_EN: Gen[] = [
  (r) => `It stopped working ${r.pick(['this morning', 'yesterday', 'on Monday', 'after the last update'])}.`,
  (r) => `Computer name ${pc(r)}, site ${r.pick(SITES)}.`,
  () => 'A restart did not help.',
  (r) => `Contact on site: ${person(r)}.`,
];
const REPLIES_DE: Gen[] = [
  () => 'Vielen Dank für Ihre Meldung. Wir haben das Ticket übernommen.',
  () => 'Können Sie uns bitte einen Screenshot der Fehlermeldung schicken?',
  () => 'Wann wären Sie für eine kurze Fernwartung erreichbar?',
  () => 'Bitte melden Sie sich einmal ab und wieder an.',
  () => 'Seit gestern Vormittag, betroffen sind mindestens drei Kollegen.',
  () => 'Super, vielen Dank! Es funktioniert wieder.',
];
const INTERNAL_DE: Gen[] = [
  (r) => `Intern: bekanntes Problem, siehe Change RFC-2026-0${r.int(10, 99)}.`,
  () => 'Intern: Kunde hat lokale Adminrechte, bitte prüfen.',
  (r) => `Intern: Ersatzgerät aus Lager ${r.pick(SITES)} nehmen.`,
];

const html = (sentences: string[]) =>
  sentences.map((s) => `<p>${s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')}</p>`).join('');

export interface GeneratedTicket {
  subject: string;
  descriptionHtml: string;
  descriptionText: string;
  referenceNo: string | null;
  tags: readonly string[];
  /** the topic's own solution sentences, for the agents' replies */
  topic: number;
}

function pickTopic(r: Rng): number {
  const total = TOPICS.reduce((s, t) => s + t.weight, 0);
  let x = r.next() * total;
  for (const [i, t] of TOPICS.entries()) {
    x -= t.weight;
    if (x <= 0) return i;
  }
  return TOPICS.length - 1;
}

export function ticketText(r: Rng, lang: 'de' | 'en'): GeneratedTicket {
  const topicIndex = pickTopic(r);
  const topic = TOPICS[topicIndex]!;
  const t = lang === 'de' ? topic.de : topic.en;
  const generic = lang === 'de' ? GENERIC_DE : GENERIC_EN;
  const subject = r.pick(t.subjects)(r);
  const sentences = [r.pick(t.sentences)(r)];
  for (let i = r.int(1, 3); i > 0; i--) sentences.push(r.chance(0.35) ? r.pick(t.sentences)(r) : r.pick(generic)(r));
  const referenceNo = r.chance(0.3) ? (r.chance(0.6) ? order(r) : `INC-${r.int(100000, 999999)}`) : null;
  return { subject, descriptionHtml: html(sentences), descriptionText: sentences.join('\n'), referenceNo, tags: topic.tags, topic: topicIndex };
}

export function replyText(r: Rng, topic: number, kind: 'agent' | 'customer' | 'internal'): { html: string; text: string } {
  const s =
    kind === 'internal'
      ? r.pick(INTERNAL_DE)(r)
      : kind === 'agent' && r.chance(0.5)
        ? r.pick(TOPICS[topic]!.de.solutions)(r)
        : r.pick(REPLIES_DE)(r);
  return { html: html([s]), text: s };
}

/** Every tag any topic uses (a partner's tag list). */
export const TAGS = [...new Set(TOPICS.flatMap((t) => t.tags))];
