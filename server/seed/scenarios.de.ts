import { csvFile, pdfFile, pngFile, textFile } from './files.js';
import { esc, ol, p, pad, table, ul, type Ctx, type Scenario } from './scenario.js';

/**
 * German ticket scenarios of an IT service desk (written for this demo). Each `write` call
 * varies places, people, devices and numbers, so recurring problems read like real tickets.
 */

const gruss = (x: Ctx) => x.rng.pick(['Viele Grüße', 'Danke und viele Grüße', 'Beste Grüße', 'Gruß', 'VG']) + `<br>${esc(x.author.first)}`;
const anrede = (x: Ctx) => x.rng.pick(['Hallo Servicedesk,', 'Guten Morgen,', 'Hallo zusammen,', 'Moin,', 'Hallo,']);

function vpnLog(x: Ctx): string {
  const d = x.created.toISOString().slice(0, 10);
  const h = x.rng.int(7, 9);
  const lines = [
    `${d} 0${h}:12:03 [info]  tunnel: connecting to vpn.servicedesk.example:443 (gateway GW-HH-02)`,
    `${d} 0${h}:12:04 [info]  tls: TLSv1.3 handshake complete, cipher TLS_AES_256_GCM_SHA384`,
    `${d} 0${h}:12:05 [info]  auth: user ${x.author.email} authenticated (mfa: push accepted)`,
    `${d} 0${h}:12:05 [info]  ipsec: assigned address 10.${x.rng.int(20, 40)}.${x.rng.int(1, 250)}.${x.rng.int(2, 250)}/32`,
    `${d} 0${h}:31:47 [warn]  dpd: no response from peer (1/3)`,
    `${d} 0${h}:31:57 [warn]  dpd: no response from peer (2/3)`,
    `${d} 0${h}:32:07 [error] dpd: peer unreachable, tearing down tunnel (reason: DPD_TIMEOUT)`,
    `${d} 0${h}:32:08 [info]  tunnel: reconnect scheduled in 30 s`,
    `${d} 0${h}:32:38 [error] tunnel: reconnect failed: connection timed out (code -14)`,
  ];
  return lines.join('\n');
}

function spoolerLog(x: Ctx, printer: string): string {
  const d = x.created.toISOString().slice(0, 10);
  const jobs = Array.from({ length: 6 }, (_, i) => {
    const id = x.rng.int(1200, 9800);
    const pages = x.rng.int(1, 14);
    const state = i < 4 ? 'Fehler – Wird gelöscht' : 'Angehalten';
    return `${d} 0${8 + Math.floor(i / 3)}:${pad(10 + i * 7, 2)}:${pad(x.rng.int(0, 59), 2)}  Job ${id}  ${pages} Seite(n)  Status: ${state}`;
  });
  return [
    `Druckerwarteschlange ${printer} – Auszug Ereignisanzeige (Microsoft-Windows-PrintService/Admin)`,
    '',
    ...jobs,
    `${d} 09:02:11  Ereignis-ID 372: Das Dokument konnte nicht auf dem Drucker ${printer} gedruckt werden. Fehlercode 0x0000011b.`,
    `${d} 09:02:12  Ereignis-ID 808: Der Druckspooler konnte ein Plug-In-Modul nicht laden.`,
  ].join('\n');
}

const ERP_MODULES: Partial<Record<string, readonly string[]>> = {
  nordwind: ['Wareneingang', 'Lieferschein', 'Rechnungsprüfung', 'Tourenplanung'],
  mueller: ['Fertigungsauftrag', 'Wareneingang', 'Lieferschein', 'Rechnungsprüfung'],
  elbtal: ['Abrechnung', 'Zählerstände', 'Rechnungsprüfung'],
};

const DEVICE_PREFIX: Partial<Record<string, string>> = { nordwind: 'NW', mueller: 'MS', elbtal: 'SW' };

export const scenariosDe: readonly Scenario[] = [
  {
    key: 'vpn-drop',
    weight: 2,
    write: (x) => {
      const files = x.rng.chance(0.35) ? [textFile(`vpn-client-${x.created.toISOString().slice(0, 10)}.log`, vpnLog(x))] : [];
      return {
        subject: x.rng.pick([
          'VPN-Verbindung bricht im Homeoffice ständig ab',
          'VPN trennt sich alle 20 Minuten',
          'Kein stabiles VPN seit dem Client-Update',
          'VPN: Verbindung nach Standby weg',
        ]),
        html:
          p(anrede(x)) +
          p(`seit ${x.rng.pick(['gestern', 'Montag', 'dem letzten Update', 'heute Morgen'])} bricht meine VPN-Verbindung im Homeoffice immer wieder ab – meist nach 15 bis 30 Minuten. Danach verbindet sich der Client nicht automatisch neu, ich muss mich jedes Mal neu anmelden und die MFA-Anfrage bestätigen.`) +
          p('Was ich schon probiert habe:') +
          ul(['Router neu gestartet', 'Laptop per LAN-Kabel statt WLAN verbunden', 'VPN-Client beendet und neu gestartet']) +
          p(`Laufende Verbindungen zu ${esc(x.bp.erpName)} und zum Laufwerk S: brechen dabei ab, ungespeicherte Eingaben sind weg.${files.length ? ' Das Protokoll des Clients hänge ich an.' : ''}`) +
          p(gruss(x)),
        type: 'incident',
        area: 'network',
        tags: ['VPN', 'Homeoffice'],
        urgency: x.rng.pick(['medium', 'high'] as const),
        impact: 'low',
        files,
        ack: p('Vielen Dank für die Meldung und das Protokoll. Wir sehen uns die Gateway-Logs zu Ihrer Sitzung an.'),
        question: p('Nutzen Sie zu Hause einen Router mit aktivierter „SIP-ALG“- oder Energiespar-Funktion für WLAN? Und welche Version zeigt der VPN-Client unter „Info“ an?'),
        answer: p(`Router ist eine ${x.rng.pick(['FRITZ!Box 7590', 'Speedport Smart 4', 'FRITZ!Box 6660 Cable'])}, SIP-ALG weiß ich nicht. Client-Version: 7.${x.rng.int(2, 4)}.${x.rng.int(0, 9)}.`),
        solution:
          p('Die Abbrüche kamen vom Dead-Peer-Detection-Timeout auf dem Gateway in Verbindung mit dem Energiesparmodus des WLAN-Adapters. Wir haben Ihnen per Softwareverteilung den aktuellen VPN-Client (7.4.2) und eine angepasste Energieoption verteilt.') +
          p('Bitte den Laptop einmal neu starten. Falls es danach wieder auftritt, melden Sie sich gern hier im Ticket.'),
        internal: p('DPD-Timeout auf GW-HH-02 testweise von 10 s auf 30 s erhöht. Betrifft aktuell drei Nutzer mit demselben Client-Build.'),
        closeReason: 'VPN läuft seit dem Neustart mit dem neuen Client stabil, keine Abbrüche mehr über mehrere Tage. Danke!',
        reopenReason: 'Die Abbrüche sind wieder da, heute zweimal nach ca. 20 Minuten.',
      };
    },
  },
  {
    key: 'vpn-access',
    write: (x) => ({
      subject: x.rng.pick(['Kein VPN-Zugriff nach Passwortänderung', 'VPN-Anmeldung schlägt fehl: „Benutzer nicht berechtigt“']),
      html:
        p(anrede(x)) +
        p(`nach der Änderung meines Windows-Passworts komme ich nicht mehr ins VPN. Die Meldung lautet „Authentifizierung fehlgeschlagen (Benutzer nicht berechtigt)“. Im Büro in ${esc(x.site())} funktioniert die Anmeldung am Rechner mit dem neuen Passwort.`) +
        p('Ich bin ab morgen wieder im Homeoffice und brauche den Zugang bis dahin.') +
        p(gruss(x)),
      type: 'incident',
      area: 'network',
      tags: ['VPN', 'Passwort'],
      urgency: 'high',
      impact: 'low',
      ack: p('Danke, wir prüfen die Gruppenmitgliedschaft „VPN-Benutzer“ und die Synchronisation Ihres Kontos.'),
      solution: p('Ihr Konto war nach der Passwortänderung im Verzeichnis noch nicht mit dem VPN-Dienst synchronisiert. Wir haben die Synchronisation angestoßen, die Anmeldung sollte jetzt funktionieren. Bitte testen Sie kurz von zu Hause aus.'),
      closeReason: 'Zugang funktioniert wieder, Anmeldung von zu Hause getestet.',
    }),
  },
  {
    key: 'printer-queue',
    weight: 2,
    write: (x) => {
      const printer = x.printer();
      const floor = x.floor();
      const files = x.rng.chance(0.45)
        ? [textFile(x.rng.chance(0.6) ? `Fehlerprotokoll Drucker ${floor.replace(/\s/g, '')}.txt` : `Druckerwarteschlange ${printer}.txt`, spoolerLog(x, printer))]
        : [];
      return {
        subject: x.rng.pick([
          `Drucker ${printer} druckt nicht – Aufträge hängen in der Warteschlange`,
          `Druckerwarteschlange ${printer} hängt`,
          `Drucker im ${floor} druckt nichts mehr`,
        ]),
        html:
          p(anrede(x)) +
          p(`der Drucker <strong>${esc(printer)}</strong> im ${esc(floor)} (${esc(x.site())}) druckt seit ${x.rng.pick(['heute früh', 'gestern Nachmittag', 'der Mittagspause'])} nicht mehr. Die Aufträge bleiben in der Druckerwarteschlange mit dem Status „Fehler“ stehen, auch bei den Kollegen aus der ${esc(x.dept())}.`) +
          p('Am Gerät selbst wird keine Störung angezeigt, Papier und Toner sind drin. Ein Neustart des Druckers hat nichts gebracht.') +
          (files.length ? p('Den Auszug aus der Ereignisanzeige habe ich angehängt.') : '') +
          p(gruss(x)),
        type: 'incident',
        area: 'printing',
        tags: ['Drucker', 'Druckerwarteschlange'],
        urgency: 'medium',
        impact: x.rng.pick(['medium', 'high'] as const),
        files,
        ack: p(`Danke für die Meldung. Wir verbinden uns mit dem Druckserver und schauen uns die Warteschlange von ${esc(printer)} an.`),
        solution:
          p('Der Druckspooler auf dem Druckserver hatte einen hängenden Auftrag, der alle weiteren blockierte (Fehler 0x0000011b nach dem letzten Windows-Update). Wir haben die Druckerwarteschlange geleert, den Spooler neu gestartet und den Treiber aktualisiert.') +
          p('Aufträge, die zwischen 8 und 9 Uhr gesendet wurden, sind gelöscht – bitte bei Bedarf erneut drucken.'),
        internal: p('KB-Artikel „Druckerwarteschlange leeren“ an die Kundin verweisen, falls es lokal erneut auftritt. Treiberpaket 3.2 ist auf allen Druckservern ausgerollt?'),
        closeReason: 'Drucker druckt wieder, alte Aufträge wurden erneut gesendet. Kann geschlossen werden.',
        reopenReason: 'Heute hängen die Aufträge wieder, gleiches Fehlerbild wie letzte Woche.',
      };
    },
  },
  {
    key: 'printer-new',
    write: (x) => {
      const floor = x.floor();
      return {
        subject: `Neuen Netzwerkdrucker im ${floor} einrichten`,
        html:
          p(anrede(x)) +
          p(`für die ${esc(x.dept())} wurde ein neues Multifunktionsgerät (${x.rng.pick(['Kyocera TASKalfa 3554ci', 'Brother MFC-L9670CDN', 'HP Color LaserJet Pro MFP 4302'])}) geliefert. Es steht im ${esc(floor)}, Raum ${x.rng.int(101, 340)}, und ist per Netzwerkkabel angeschlossen.`) +
          p('Bitte richten Sie das Gerät ein:') +
          ol(['feste IP-Adresse und Eintrag auf dem Druckserver', 'Scan-to-Mail an die persönlichen Postfächer', 'Standarddrucker für die Abteilung per Gruppenrichtlinie', 'Farbdruck nur für die Gruppe „Marketing“']) +
          p(gruss(x)),
        type: 'request',
        area: 'printing',
        tags: ['Drucker', 'Hardware'],
        urgency: 'low',
        impact: 'medium',
        ack: p('Gern. Wir planen die Einrichtung für einen der nächsten Werktage und melden uns mit einem Termin.'),
        question: p('Können Sie uns bitte die MAC-Adresse (Aufkleber auf der Rückseite oder Statusseite drucken) und die Seriennummer schicken?'),
        answer: p(`Klar: MAC 00:17:C8:${pad(x.rng.int(10, 99), 2)}:${pad(x.rng.int(10, 99), 2)}:${pad(x.rng.int(10, 99), 2)}, Seriennummer R${x.rng.int(4000000, 9999999)}.`),
        solution: p(`Der Drucker ist eingerichtet und als „${esc(x.printer())}“ auf dem Druckserver freigegeben. Scan-to-Mail ist getestet, die Gruppenrichtlinie greift nach der nächsten Anmeldung.`),
        closeReason: 'Drucker ist eingerichtet, Scan und Druck funktionieren in der Abteilung.',
      };
    },
  },
  {
    key: 'toner-order',
    write: (x) => {
      const printer = x.printer();
      const po = x.po();
      return {
        subject: `Toner für ${printer} bestellen`,
        html:
          p(anrede(x)) +
          p(`bitte bestellen Sie für den Drucker ${esc(printer)} folgende Verbrauchsmaterialien (Bestellnummer ${po}):`) +
          table(['Artikel', 'Menge'], [['Toner schwarz', String(x.rng.int(2, 4))], ['Toner cyan / magenta / gelb', 'je 1'], ['Resttonerbehälter', '1']]) +
          p(`Lieferung bitte an ${esc(x.site())}, ${esc(x.dept())}.`) +
          p(gruss(x)),
        type: 'order',
        area: 'printing',
        tags: ['Drucker', 'Bestellung'],
        urgency: 'low',
        impact: 'low',
        referenceNo: po,
        solution: p(`Bestellung ist raus, Lieferung voraussichtlich am ${x.dateAfter(3)}.`),
        closeReason: 'Toner ist angekommen und eingesetzt.',
        rejectReason: 'Bitte zuerst im Lagerschrank im 1. OG schauen – dort liegen noch zwei Toner.',
      };
    },
  },
  {
    key: 'scan-to-mail',
    write: (x) => ({
      subject: x.rng.pick(['Scan-to-Mail funktioniert nicht mehr', 'Scanner verschickt keine E-Mails']),
      html:
        p(anrede(x)) +
        p(`am Multifunktionsgerät ${esc(x.printer())} kommt beim Scannen an die eigene Adresse die Meldung „Sendefehler: SMTP-Authentifizierung fehlgeschlagen“. Scannen auf USB-Stick geht.`) +
        p('Betroffen sind alle Kolleginnen und Kollegen auf der Etage.') +
        p(gruss(x)),
      type: 'incident',
      area: 'printing',
      tags: ['Scanner', 'Drucker'],
      urgency: 'medium',
      impact: 'medium',
      files: x.rng.chance(0.5) ? [pngFile('Foto Display Scanner.png', 'error', x.rng)] : [],
      inlineImage: true,
      ack: p('Danke! Wahrscheinlich ist das Kennwort des Scan-Kontos nach der turnusmäßigen Änderung nicht nachgezogen worden. Wir prüfen das.'),
      solution: p('Genau das war es: Das Kennwort des Dienstkontos für Scan-to-Mail war abgelaufen. Wir haben es erneuert und im Gerät hinterlegt, und das Konto ist jetzt von der Kennwortablaufrichtlinie ausgenommen (mit Rotation per Tresor).'),
      internal: p('Dienstkonto svc-scan in die Liste der Kennwortrotationen aufgenommen.'),
      closeReason: 'Scannen an E-Mail funktioniert wieder.',
    }),
  },
  {
    key: 'mailbox-full',
    write: (x) => ({
      subject: x.rng.pick(['Postfach voll – kann keine E-Mails mehr senden', 'Meldung „Ihr Postfach ist fast voll“']),
      html:
        p(anrede(x)) +
        p('Outlook meldet, dass mein Postfach das Speicherlimit erreicht hat. Ich kann keine E-Mails mehr senden. Ich habe schon den Ordner „Gelöschte Elemente“ geleert, die Anzeige steht trotzdem bei 49,6 von 50 GB.') +
        p('Können Sie das Postfach vergrößern oder ein Online-Archiv einrichten?') +
        p(gruss(x)),
      type: 'incident',
      area: 'mail',
      tags: ['Outlook', 'Postfach'],
      urgency: 'high',
      impact: 'low',
      files: x.rng.chance(0.4) ? [pngFile('Outlook Postfach voll.png', 'warning', x.rng)] : [],
      inlineImage: true,
      ack: p('Wir aktivieren für Sie das Online-Archiv mit automatischer Archivierung von Elementen, die älter als zwei Jahre sind.'),
      solution: p('Das Online-Archiv ist aktiv, die erste Archivierung ist durchgelaufen. Ihr Postfach liegt jetzt bei 31 GB. Das Archiv finden Sie in Outlook links unter „Online-Archiv“.'),
      closeReason: 'Postfach hat wieder Platz, Archiv ist sichtbar. Danke.',
    }),
  },
  {
    key: 'shared-mailbox',
    weight: 1.5,
    write: (x) => {
      const box = x.mailbox();
      const who = x.staff();
      return {
        subject: `Zugriff auf Funktionspostfach ${box}`,
        html:
          p(anrede(x)) +
          p(`bitte geben Sie <strong>${esc(who)}</strong> (${esc(x.dept())}) Vollzugriff und „Senden als“ für das Funktionspostfach <a href="mailto:${box}">${box}</a>. Die Freigabe durch die Abteilungsleitung liegt vor.`) +
          p(gruss(x)),
        type: 'request',
        area: 'mail',
        tags: ['Postfach', 'Berechtigung'],
        urgency: 'low',
        impact: 'low',
        solution: p(`${esc(who)} hat jetzt Vollzugriff und „Senden als“ auf ${box}. Das Postfach erscheint nach einem Neustart von Outlook automatisch (kann bis zu einer Stunde dauern).`),
        closeReason: 'Zugriff ist da, Postfach wird in Outlook angezeigt.',
        rejectReason: 'Bitte die Freigabe der Abteilungsleitung als Anhang ergänzen, dann gebe ich frei.',
      };
    },
  },
  {
    key: 'calendar-delegate',
    write: (x) => {
      const who = x.staff();
      return {
        subject: `Kalenderfreigabe für ${who} einrichten`,
        html: p(anrede(x)) + p(`bitte richten Sie für ${esc(who)} eine Stellvertretung auf meinen Kalender ein (Bearbeiten, private Termine nicht sichtbar). Ich bekomme es über Outlook nicht hin, die Option ist ausgegraut.`) + p(gruss(x)),
        type: 'request',
        area: 'mail',
        tags: ['Kalender', 'Outlook'],
        urgency: 'low',
        impact: 'low',
        ack: p('Die Option ist ausgegraut, weil Ihr Outlook noch im alten Modus läuft. Wir richten die Stellvertretung serverseitig ein.'),
        solution: p(`Stellvertretung für ${esc(who)} ist eingerichtet (Bearbeiter, keine privaten Elemente). Besprechungsanfragen gehen an Sie beide.`),
        closeReason: 'Funktioniert, Termine kommen bei der Stellvertretung an.',
      };
    },
  },
  {
    key: 'outlook-start',
    write: (x) => ({
      subject: x.rng.pick(['Outlook startet nicht („Profil wird geladen“)', 'Outlook hängt beim Start']),
      html:
        p(anrede(x)) +
        p('Outlook bleibt seit heute früh beim Start bei „Profil wird geladen…“ stehen. Nach ein paar Minuten kommt „Keine Rückmeldung“. Webmail funktioniert.') +
        p(`Rechnername: ${DEVICE_PREFIX[x.bp.key] ?? 'PC'}-NB-${x.rng.int(1000, 1999)}`) +
        p(gruss(x)),
      type: 'incident',
      area: 'mail',
      tags: ['Outlook'],
      urgency: 'high',
      impact: 'low',
      ack: p('Wir schalten uns per Fernwartung auf – bitte lassen Sie den Rechner an.'),
      solution: p('Die lokale Offline-Datei (OST) war beschädigt. Wir haben das Profil neu angelegt; die Synchronisation läuft und ist in etwa einer Stunde durch. Signaturen haben wir übernommen.'),
      closeReason: 'Outlook läuft wieder, alle Ordner sind da.',
    }),
  },
  {
    key: 'phishing',
    write: (x) => ({
      subject: x.rng.pick(['Verdächtige E-Mail mit Rechnungsanhang erhalten', 'Phishing? Mail von „DHL“ mit Link', 'Mail mit Aufforderung zur Passwortbestätigung']),
      html:
        p(anrede(x)) +
        p(`ich habe gerade eine E-Mail bekommen, die angeblich von ${x.rng.pick(['unserem Paketdienst', 'Microsoft', 'einem Lieferanten'])} kommt und mich auffordert, über einen Link ${x.rng.pick(['mein Passwort zu bestätigen', 'eine offene Rechnung zu prüfen', 'eine Zustellung freizugeben'])}. Ich habe <strong>nicht</strong> geklickt. Zwei Kollegen haben die gleiche Mail bekommen.`) +
        p('Die Mail habe ich über den Button „Phishing melden“ weitergeleitet. Reicht das?') +
        p(gruss(x)),
      type: 'incident',
      area: 'mail',
      tags: ['Sicherheit', 'Phishing'],
      urgency: 'high',
      impact: 'medium',
      ack: p('Vielen Dank, das war genau richtig! Wir prüfen die Mail und entfernen sie aus allen Postfächern.'),
      solution: p('Die Kampagne ist geblockt: Absenderdomain und Link stehen auf der Sperrliste, die Mail wurde aus 14 Postfächern entfernt. Niemand hat den Link geöffnet.'),
      internal: p('Absender-IP gehört zu bekanntem Botnetz; IOC an das SOC weitergegeben.'),
      closeReason: 'Erledigt, danke für die schnelle Reaktion.',
    }),
  },
  {
    key: 'onboarding',
    weight: 2,
    write: (x) => {
      const n = x.rng.int(1, 3);
      const people = x.rng.sample(x.bp.staff, n);
      const start = x.dateAfter(x.rng.int(8, 20));
      const hw = ['Laptop + Dockingstation', 'Laptop, 2 Monitore', 'Thin Client', 'Laptop + Diensthandy'];
      const raw = people.map((name) => [name, x.dept(), start, x.rng.pick(hw)]);
      const rows = raw.map((r) => r.map(esc));
      const files = x.rng.chance(0.5)
        ? [csvFile(`Neue Mitarbeitende ${start}.csv`, [['Name', 'Abteilung', 'Eintritt', 'Hardware', 'Kostenstelle'], ...raw.map((r) => [...r, String(x.rng.int(4100, 4900))])])]
        : [];
      return {
        subject: n === 1 ? `Onboarding ${people[0]} zum ${start}` : `Onboarding ${n} neue Mitarbeitende zum ${start}`,
        html:
          p(anrede(x)) +
          p(`zum ${start} fangen bei uns an:`) +
          table(['Name', 'Abteilung', 'Eintritt', 'Hardware'], rows) +
          p('Bitte jeweils einrichten:') +
          ul(['Benutzerkonto und E-Mail-Adresse', `Zugang zu ${esc(x.bp.erpName)} (Rolle wie Kolleg:innen der Abteilung)`, 'Laufwerke S: und T:', 'MFA-Registrierung beim ersten Login']) +
          p(gruss(x)),
        type: 'request',
        area: 'accounts',
        tags: ['Onboarding'],
        urgency: 'medium',
        impact: 'low',
        files,
        ack: p('Danke für die rechtzeitige Meldung. Wir bereiten Konten und Geräte vor und melden uns, wenn alles abholbereit ist.'),
        question: p('Sollen die neuen Kolleg:innen auch in die Verteiler der Abteilung aufgenommen werden? Und brauchen sie einen VPN-Zugang?'),
        answer: p('Ja, Verteiler bitte wie die anderen aus der Abteilung. VPN nur für Laptops.'),
        solution: p('Alle Konten sind angelegt, die Geräte sind vorbereitet und liegen ab dem Vortag des Eintritts an der Empfangstheke. Die Startpasswörter gehen wie vereinbart an die Führungskraft.'),
        closeReason: 'Alle haben sich am ersten Tag anmelden können. Danke für die Vorbereitung!',
        releaseReason: 'Stellen sind genehmigt, Kostenstelle passt.',
      };
    },
  },
  {
    key: 'offboarding',
    write: (x) => {
      const who = x.staff();
      const last = x.dateAfter(x.rng.int(3, 12));
      return {
        subject: `Offboarding ${who} – letzter Arbeitstag ${last}`,
        html:
          p(anrede(x)) +
          p(`${esc(who)} verlässt uns, letzter Arbeitstag ist der ${last}. Bitte zum Ende des Tages:`) +
          ol(['Konto sperren (nicht löschen)', 'E-Mails an die Führungskraft weiterleiten, Abwesenheitsnotiz setzen', 'Persönliches Laufwerk für 90 Tage aufbewahren', 'Laptop und Diensthandy einsammeln (Rückgabe am Empfang)', 'Lizenzen freigeben']) +
          p(gruss(x)),
        type: 'request',
        area: 'accounts',
        tags: ['Offboarding'],
        urgency: 'medium',
        impact: 'low',
        solution: p('Konto ist gesperrt, Weiterleitung und Abwesenheitsnotiz sind aktiv, Lizenzen sind frei. Die Geräte wurden am Empfang zurückgegeben und werden bei uns zurückgesetzt.'),
        closeReason: 'Offboarding abgeschlossen.',
      };
    },
  },
  {
    key: 'account-locked',
    weight: 1.5,
    write: (x) => ({
      subject: x.rng.pick(['Benutzerkonto gesperrt', 'Konto nach Fehleingaben gesperrt', `Anmeldung nicht möglich: Konto gesperrt (${x.staff()})`]),
      html:
        p(anrede(x)) +
        p(`${x.rng.chance(0.5) ? 'mein Konto' : `das Konto von ${esc(x.staff())}`} ist nach mehreren Fehleingaben gesperrt. Die Anmeldung am Rechner zeigt „Das referenzierte Konto ist zurzeit gesperrt“. Bitte entsperren – wir können so nicht arbeiten.`) +
        p(gruss(x)),
      type: 'incident',
      area: 'accounts',
      tags: ['Passwort', 'Benutzerkonto'],
      urgency: 'high',
      impact: 'low',
      solution: p('Das Konto ist entsperrt. Die Sperre kam von einem alten Kennwort, das noch auf dem Diensthandy für die E-Mail hinterlegt war – bitte dort das neue Kennwort eintragen, sonst sperrt es wieder.'),
      closeReason: 'Anmeldung klappt wieder, Handy ist umgestellt.',
    }),
  },
  {
    key: 'mfa-phone',
    weight: 1.5,
    write: (x) => ({
      subject: x.rng.pick(['MFA: Authenticator auf neues Smartphone übertragen', 'Neues Diensthandy – MFA-Anmeldung geht nicht mehr', 'MFA zurücksetzen (Handy verloren)']),
      html:
        p(anrede(x)) +
        p('ich habe ein neues Diensthandy bekommen. Das alte ist bereits zurückgegeben, daher kann ich die Anmeldungen nicht mehr mit der Authenticator-App bestätigen. Bitte setzen Sie meine MFA-Registrierung zurück, damit ich das neue Gerät einrichten kann.') +
        p(gruss(x)),
      type: 'request',
      area: 'accounts',
      tags: ['MFA', 'Smartphone'],
      urgency: 'high',
      impact: 'low',
      question: p('Zur Sicherheit rufen wir Sie unter der im Telefonbuch hinterlegten Durchwahl zurück. Wann sind Sie heute erreichbar?'),
      answer: p('Heute bis 16 Uhr am Platz.'),
      solution: p('Nach dem Rückruf haben wir die MFA-Registrierung zurückgesetzt. Bei der nächsten Anmeldung werden Sie aufgefordert, die Authenticator-App neu einzurichten. Eine Anleitung finden Sie in der Wissensdatenbank unter „Authenticator-App auf neues Smartphone übertragen“.'),
      closeReason: 'Neues Handy ist eingerichtet, Anmeldung mit MFA klappt.',
    }),
  },
  {
    key: 'share-permission',
    weight: 1.5,
    write: (x) => {
      const folder = x.rng.pick(['S:\\Disposition\\Touren', 'S:\\Einkauf\\Rahmenverträge', 'T:\\Projekte\\2026', 'S:\\QS\\Prüfberichte', 'S:\\Personal\\Vorlagen']);
      const who = x.staff();
      return {
        subject: `Berechtigung für Ordner ${folder}`,
        html:
          p(anrede(x)) +
          p(`bitte geben Sie ${esc(who)} ${x.rng.pick(['Lesezugriff', 'Schreibzugriff'])} auf <code>${esc(folder)}</code>. Hintergrund: Vertretung während der Urlaubszeit.`) +
          p(gruss(x)),
        type: 'request',
        area: 'accounts',
        tags: ['Berechtigung', 'Netzlaufwerk'],
        urgency: 'low',
        impact: 'low',
        solution: p(`Berechtigung ist gesetzt. ${esc(who)} muss sich einmal ab- und wieder anmelden.`),
        closeReason: 'Zugriff funktioniert.',
        rejectReason: 'Für den Ordner ist die Zustimmung der Ordnerverantwortlichen nötig – bitte nachreichen.',
      };
    },
  },
  {
    key: 'drive-missing',
    write: (x) => ({
      subject: x.rng.pick(['Netzlaufwerk S: fehlt', 'Laufwerk T: nicht erreichbar', 'Netzlaufwerke werden nicht verbunden']),
      html:
        p(anrede(x)) +
        p('seit heute werden bei mir die Netzlaufwerke nicht mehr verbunden. Im Explorer ist S: mit rotem X markiert, beim Klick kommt „Der Netzwerkpfad wurde nicht gefunden“.') +
        p(`Ich sitze im ${esc(x.floor())} in ${esc(x.site())}. Die Kollegen nebenan haben das Problem nicht.`) +
        p(gruss(x)),
      type: 'incident',
      area: 'workplace',
      tags: ['Netzlaufwerk'],
      urgency: 'medium',
      impact: 'low',
      ack: p('Wir schauen uns das per Fernwartung an.'),
      solution: p('Ihr Rechner hatte nach einem Netzwerkwechsel noch die alte DNS-Suffix-Einstellung. Wir haben das korrigiert, die Laufwerke verbinden sich wieder.'),
      closeReason: 'Laufwerke sind wieder da.',
    }),
  },
  {
    key: 'laptop-slow',
    write: (x) => ({
      subject: x.rng.pick(['Laptop extrem langsam', 'Rechner sehr langsam und Lüfter laut', 'Notebook braucht 10 Minuten zum Hochfahren']),
      html:
        p(anrede(x)) +
        p(`mein Laptop (${x.rng.pick(['Lenovo ThinkPad T14', 'Dell Latitude 5440', 'HP EliteBook 840'])}) ist seit ein paar Tagen sehr langsam. Hochfahren dauert ewig, Excel-Dateien öffnen sich erst nach einer Minute und der Lüfter läuft permanent.`) +
        p(gruss(x)),
      type: 'incident',
      area: 'workplace',
      tags: ['Hardware', 'Laptop'],
      urgency: 'low',
      impact: 'low',
      ack: p('Danke. Wir schauen uns zunächst per Fernwartung die Auslastung an.'),
      question: p('Ist der Laptop dabei in der Dockingstation oder auch unterwegs langsam? Hat er in letzter Zeit Updates installiert?'),
      answer: p('In der Dockingstation und unterwegs. Updates hat er am Wochenende installiert, glaube ich.'),
      solution: p('Die Festplatte war zu 98 % belegt (alte Teams-Caches und Update-Reste), dazu lief die Indizierung in einer Schleife. Wir haben aufgeräumt und den Suchindex neu aufgebaut. Beim nächsten Turnus bekommen Sie ein Gerät mit größerer SSD.'),
      closeReason: 'Läuft wieder flott, danke!',
    }),
  },
  {
    key: 'docking',
    write: (x) => ({
      subject: x.rng.pick(['Dockingstation erkennt Monitore nicht', 'Zweiter Monitor bleibt schwarz', 'Dockingstation defekt?']),
      html:
        p(anrede(x)) +
        p(`an meinem Arbeitsplatz (${esc(x.floor())}, Raum ${x.rng.int(101, 330)}) werden über die Dockingstation keine Monitore mehr erkannt. Laden und USB gehen. Kabel habe ich schon getauscht.`) +
        p(gruss(x)),
      type: 'incident',
      area: 'workplace',
      tags: ['Hardware', 'Monitor'],
      urgency: 'medium',
      impact: 'low',
      files: x.rng.chance(0.3) ? [pngFile('Anzeigeeinstellungen.png', 'app', x.rng)] : [],
      inlineImage: true,
      solution: p('Die Firmware der Dockingstation war veraltet. Nach dem Update werden beide Monitore wieder erkannt. Falls es erneut auftritt, tauschen wir die Station.'),
      closeReason: 'Beide Monitore gehen wieder.',
    }),
  },
  {
    key: 'laptop-order',
    weight: 1.5,
    write: (x) => {
      const po = x.po();
      const who = x.staff();
      const n = x.rng.int(1, 4);
      return {
        subject: n === 1 ? `Bestellung Laptop für ${who}` : `Bestellung ${n} Laptops ${x.dept()}`,
        html:
          p(anrede(x)) +
          p(`bitte bestellen Sie gemäß Rahmenvertrag (unsere Bestellnummer <strong>${po}</strong>):`) +
          table(
            ['Pos.', 'Artikel', 'Menge', 'Kostenstelle'],
            [
              ['1', 'Standard-Notebook 14" (Rahmenvertrag Modell B)', String(n), String(x.rng.int(4100, 4900))],
              ['2', 'USB-C-Dockingstation', String(n), ''],
              ['3', 'Headset (kabellos)', String(n), ''],
            ],
          ) +
          p(`Gewünschter Liefertermin: ${x.dateAfter(x.rng.int(10, 25))}.`) +
          p(gruss(x)),
        type: 'order',
        area: 'workplace',
        tags: ['Bestellung', 'Hardware', 'Laptop'],
        urgency: 'low',
        impact: 'low',
        referenceNo: po,
        files: x.rng.chance(0.3) ? [pdfFile(`Bestellanforderung ${po}.pdf`, `Bestellanforderung ${po}`, [`Besteller: ${x.author.name}`, `Abteilung: ${x.dept()}`, `Artikel: Standard-Notebook 14" (Modell B) × ${n}`, `USB-C-Dockingstation × ${n}`, `Headset × ${n}`, '', 'Freigabe Kostenstelle: erteilt', `Datum: ${x.created.toISOString().slice(0, 10)}`])] : [],
        ack: p('Bestellung ist beim Distributor eingegangen. Wir melden uns, sobald die Geräte da und vorbereitet sind.'),
        solution: p(`Die Geräte sind eingetroffen, mit dem Standardimage installiert und können ab ${x.dateAfter(2)} abgeholt werden.`),
        solutionFile: x.rng.chance(0.15) ? pdfFile(`Lieferschein ${po}.pdf`, `Lieferschein zu ${po}`, [`Empfänger: ${x.bp.name}`, `Standort: ${x.site()}`, `Notebook 14" Modell B × ${n}`, `Dockingstation × ${n}`, `Headset × ${n}`, '', 'Geräte inventarisiert und vorbereitet.']) : undefined,
        closeReason: 'Geräte sind abgeholt und in Betrieb.',
        rejectReason: 'Die Kostenstelle ist für dieses Quartal ausgeschöpft – bitte im nächsten Quartal neu einreichen.',
        releaseReason: 'Budget ist freigegeben.',
      };
    },
  },
  {
    key: 'win11',
    write: (x) => ({
      subject: `Termin Windows-11-Umstellung ${x.dept()}`,
      html:
        p(anrede(x)) +
        p(`wir möchten die Umstellung der Arbeitsplätze der ${esc(x.dept())} auf Windows 11 abstimmen. In der Abteilung sind ${x.rng.int(6, 18)} Geräte betroffen. Wichtig: ${x.bp.key === 'nordwind' ? 'Das Zollprogramm und der Etikettendrucker müssen' : `${esc(x.bp.erpName)} und die Etikettendrucker müssen`} danach funktionieren.`) +
        p(`Vorschlag: ${x.dateAfter(x.rng.int(7, 21))}, ab 15 Uhr.`) +
        p(gruss(x)),
      type: 'change',
      area: 'workplace',
      tags: ['Windows 11', 'Rollout'],
      urgency: 'low',
      impact: 'medium',
      referenceNo: x.rfc(),
      ack: p('Danke, der Termin passt grundsätzlich. Wir testen vorher die Fachanwendungen auf einem Referenzgerät.'),
      question: p('Können Sie uns eine Person nennen, die nach der Umstellung die Fachanwendungen testet?'),
      answer: p(`Ja, ${esc(x.staff())} testet direkt nach der Umstellung.`),
      solution: p('Die Umstellung ist erfolgt, alle Geräte laufen mit Windows 11 23H2. Fachanwendungen und Etikettendruck sind getestet.'),
      closeReason: 'Umstellung abgeschlossen, keine Probleme festgestellt.',
    }),
  },
  {
    key: 'software-install',
    weight: 1.5,
    write: (x) => {
      const sw = x.rng.pick(['Microsoft Visio', 'Notepad++', 'Adobe Acrobat Reader', 'QGIS', 'draw.io Desktop', 'Power BI Desktop']);
      return {
        subject: `Installation ${sw}`,
        html: p(anrede(x)) + p(`bitte installieren Sie auf meinem Rechner <strong>${esc(sw)}</strong>. Ich brauche es für ${x.rng.pick(['die Tourenplanung', 'Prozessdiagramme', 'die Auswertung der Lagerbestände', 'Angebote', 'das Qualitätsreporting'])}.`) + p(gruss(x)),
        type: 'request',
        area: 'workplace',
        tags: ['Software'],
        urgency: 'low',
        impact: 'low',
        solution: p(`${esc(sw)} ist über das Softwarecenter für Sie freigegeben und wurde installiert.`),
        closeReason: 'Installiert, danke.',
      };
    },
  },
  {
    key: 'm365-licences',
    write: (x) => {
      const po = x.po();
      const n = x.rng.int(3, 12);
      return {
        subject: `${n} zusätzliche Microsoft-365-E3-Lizenzen`,
        html:
          p(anrede(x)) +
          p(`wir benötigen ab dem nächsten Monat ${n} weitere Microsoft-365-E3-Lizenzen (Bestellnummer ${po}). Hintergrund sind die neuen Mitarbeitenden in der ${esc(x.dept())}.`) +
          table(['Produkt', 'Anzahl', 'Laufzeit'], [['Microsoft 365 E3', String(n), '12 Monate'], ['Teams Phone Standard', String(Math.ceil(n / 2)), '12 Monate']]) +
          p(gruss(x)),
        type: 'order',
        area: 'licences',
        tags: ['Lizenz', 'Microsoft 365', 'Bestellung'],
        urgency: 'low',
        impact: 'medium',
        referenceNo: po,
        solution: p(`Die ${n} Lizenzen sind im Mandanten verfügbar und können zugewiesen werden. Die Rechnung kommt mit der nächsten Monatsabrechnung.`),
        closeReason: 'Lizenzen sind da und zugewiesen.',
        rejectReason: 'Wir haben noch freie Lizenzen aus den Austritten im letzten Quartal – bitte erst diese nutzen.',
      };
    },
  },
  {
    key: 'acrobat',
    write: (x) => ({
      subject: 'Adobe Acrobat Pro für Vertragsbearbeitung',
      html: p(anrede(x)) + p(`für die Bearbeitung und Signatur von Verträgen benötige ich Adobe Acrobat Pro statt des Readers. Der Reader kann die Formulare unserer Lieferanten nicht ausfüllen.`) + p(gruss(x)),
      type: 'order',
      area: 'licences',
      tags: ['Lizenz', 'Adobe'],
      urgency: 'low',
      impact: 'low',
      referenceNo: x.rng.chance(0.5) ? x.po() : undefined,
      solution: p('Die Lizenz ist Ihnen zugewiesen. Bitte in Acrobat ab- und wieder anmelden, dann sind die Pro-Funktionen aktiv.'),
      closeReason: 'Pro-Funktionen sind aktiv.',
    }),
  },
  {
    key: 'licence-overview',
    write: (x) => {
      const rows = [
        ['Produkt', 'Gekauft', 'Zugewiesen', 'Frei'],
        ['Microsoft 365 E3', '140', '131', '9'],
        ['Microsoft 365 F3', '60', '58', '2'],
        ['Adobe Acrobat Pro', '25', '25', '0'],
        ['Visio Plan 2', '8', '5', '3'],
        [x.bp.erpName + ' Named User', '90', '87', '3'],
      ];
      return {
        subject: 'Frage: Übersicht unserer Softwarelizenzen',
        html: p(anrede(x)) + p('für die Budgetplanung brauchen wir eine Übersicht, wie viele Lizenzen wir je Produkt haben und wie viele frei sind. Gibt es so eine Auswertung?') + p(gruss(x)),
        type: 'question',
        area: 'licences',
        tags: ['Lizenz', 'Budget'],
        urgency: 'low',
        impact: 'low',
        solution: p('Anbei die aktuelle Auswertung (Stand heute). Sie können die Übersicht künftig jeden Monat automatisch erhalten – sagen Sie uns einfach, an welche Adresse.') + table(rows[0]!, rows.slice(1).map((r) => r.map(esc))),
        solutionFile: x.rng.chance(0.5) ? csvFile('Lizenzübersicht.csv', rows) : undefined,
        closeReason: 'Danke, Übersicht reicht uns für die Planung.',
      };
    },
  },
  {
    key: 'erp-error',
    weight: 2,
    write: (x) => {
      const code = x.rng.pick(['DB-1205', 'NAV-4011', 'ERR 0x80040E14', 'E-2310']);
      const module = x.rng.pick(ERP_MODULES[x.bp.key] ?? ['Wareneingang', 'Rechnungsprüfung']);
      return {
        subject: `${x.bp.erpName}: Fehler ${code} beim Buchen im Modul ${module}`,
        html:
          p(anrede(x)) +
          p(`beim Buchen im Modul <strong>${esc(module)}</strong> erscheint seit ${x.timeOfDay()} Uhr die Meldung „Fehler ${esc(code)}: Die Transaktion konnte nicht abgeschlossen werden“. Es betrifft alle Benutzer der ${esc(x.dept())}.`) +
          p('Schritte zum Nachstellen:') +
          ol([`${esc(x.bp.erpName)} öffnen, ${esc(module)} aufrufen`, 'Beleg auswählen (z. B. der erste in der Liste)', '„Buchen“ klicken → Fehlermeldung']) +
          p(x.bp.key === 'elbtal' ? 'Die Sachbearbeitung im Kundencenter steht damit gerade still.' : 'Wir können gerade keine Ware buchen, im Lager stauen sich die Lieferungen.') +
          p(gruss(x)),
        type: 'incident',
        area: 'erp',
        tags: ['ERP', module],
        urgency: 'high',
        impact: x.rng.pick(['medium', 'high'] as const),
        files: x.rng.chance(0.45) ? [pngFile(`Fehlermeldung ${code}.png`, 'error', x.rng)] : [],
        inlineImage: true,
        ack: p('Danke, wir haben das Thema mit hoher Priorität aufgenommen und prüfen den Applikationsserver.'),
        followUp: p('Kurze Ergänzung: Bei den Kollegen in einem anderen Standort funktioniert es auch nicht.'),
        solution: p('Ursache war eine volle Transaktionsprotokoll-Partition auf dem Datenbankserver nach dem nächtlichen Import. Wir haben Platz geschaffen und das Monitoring angepasst. Buchungen laufen wieder.'),
        internal: p('Log-Backup-Job lief seit drei Tagen auf Fehler (Zielshare voll). Job repariert, Alarm im Monitoring ergänzt.'),
        closeReason: 'Buchungen laufen wieder normal, Rückstau ist abgearbeitet.',
        reopenReason: 'Heute Morgen gleicher Fehler wieder, diesmal im Modul Rechnungsprüfung.',
      };
    },
  },
  {
    key: 'erp-role',
    write: (x) => {
      const who = x.staff();
      const role = x.rng.pick(['Einkauf – Bestellungen anlegen', 'Lager – Inventur', 'Finanzbuchhaltung – Zahlungsvorschläge', 'Vertrieb – Angebote']);
      return {
        subject: `${x.bp.erpName}-Berechtigung für ${who}`,
        html: p(anrede(x)) + p(`bitte ${esc(who)} in ${esc(x.bp.erpName)} die Rolle <em>${esc(role)}</em> zuweisen. Die Genehmigung der Abteilungsleitung ist erteilt.`) + p(gruss(x)),
        type: 'request',
        area: 'erp',
        tags: ['ERP', 'Berechtigung'],
        urgency: 'low',
        impact: 'low',
        solution: p(`Die Rolle ist zugewiesen und ab der nächsten Anmeldung in ${esc(x.bp.erpName)} aktiv.`),
        closeReason: 'Berechtigung funktioniert.',
        rejectReason: 'Diese Rolle darf nur die Bereichsleitung beantragen (Vier-Augen-Prinzip). Bitte über die Bereichsleitung einreichen.',
      };
    },
  },
  {
    key: 'erp-slow',
    write: (x) => ({
      subject: `${x.bp.erpName} morgens sehr langsam`,
      html:
        p(anrede(x)) +
        p(`zwischen 7 und 9 Uhr ist ${esc(x.bp.erpName)} extrem langsam. Das Öffnen eines Auftrags dauert 30–40 Sekunden, später am Tag 2 Sekunden. Betroffen sind mindestens die ${x.rng.sample(x.bp.departments, 2).map(esc).join(' und die ')}.`) +
        p(gruss(x)),
      type: 'incident',
      area: 'erp',
      tags: ['ERP', 'Performance'],
      urgency: 'medium',
      impact: 'high',
      ack: p('Danke, wir messen in den nächsten Tagen morgens mit und sehen uns die Last auf Anwendungs- und Datenbankserver an.'),
      internal: p('Verdacht: Statistik-Update-Job läuft bis 8:30 Uhr und kollidiert mit Schichtbeginn. Job-Zeit verschieben?'),
      solution: p('Der nächtliche Wartungsjob der Datenbank lief bis in den Morgen hinein. Wir haben ihn auf 2 Uhr vorgezogen und aufgeteilt. Die Antwortzeiten morgens liegen jetzt bei unter 3 Sekunden.'),
      closeReason: 'Morgens jetzt wieder normal schnell.',
    }),
  },
  {
    key: 'erp-change',
    partners: ['nordwind', 'mueller'],
    write: (x) => {
      const rfc = x.rfc();
      return {
        subject: `Änderung Lieferschein-Layout: Zolltarifnummer ergänzen`,
        html:
          p(anrede(x)) +
          p(`für Exporte außerhalb der EU soll auf dem Lieferschein aus ${esc(x.bp.erpName)} je Position die Zolltarifnummer und das Ursprungsland gedruckt werden. Die Daten sind im Artikelstamm gepflegt.`) +
          table(['Feld', 'Quelle', 'Position im Layout'], [['Zolltarifnummer', 'Artikel → Außenhandel', 'unter Artikelbezeichnung'], ['Ursprungsland', 'Artikel → Außenhandel', 'neben Menge']]) +
          p(`Bezug: Änderungsantrag ${rfc}.`) +
          p(gruss(x)),
        type: 'change',
        area: 'erp',
        tags: ['ERP', 'Zoll', 'Lieferschein'],
        urgency: 'low',
        impact: 'medium',
        referenceNo: rfc,
        ack: p('Danke, wir schätzen den Aufwand und melden uns mit einem Umsetzungstermin.'),
        question: p('Soll die Änderung für alle Lieferscheine gelten oder nur für Lieferungen in Drittländer?'),
        answer: p('Nur Drittländer, bitte.'),
        solution: p('Das Layout ist angepasst und im Testsystem abgenommen. Seit heute ist es produktiv, nur für Lieferungen in Drittländer.'),
        solutionFile: x.rng.chance(0.5) ? undefined : pdfFile(`Testausdruck Lieferschein ${rfc}.pdf`, 'Lieferschein (Testausdruck)', ['Pos. 1  Palettenregal Typ A   12 Stk', '        Zolltarifnummer 9403 20 80  Ursprung DE', 'Pos. 2  Fachboden verzinkt   48 Stk', '        Zolltarifnummer 7308 90 59  Ursprung PL', '', `Änderung ${rfc} – Testsystem`]),
        closeReason: 'Layout passt, erste Exportlieferungen sind damit raus.',
      };
    },
  },
  {
    key: 'phone-dead',
    write: (x) => ({
      subject: x.rng.pick(['Tischtelefon ohne Freizeichen', 'Telefon zeigt „Keine Verbindung zum Server“', `Durchwahl -${x.rng.int(200, 499)} nicht erreichbar`]),
      html: p(anrede(x)) + p(`das Telefon an meinem Platz (${esc(x.floor())}, ${esc(x.site())}) hat kein Freizeichen, im Display steht „Registrierung fehlgeschlagen“. Anrufe auf meine Durchwahl landen direkt auf der Mailbox.`) + p(gruss(x)),
      type: 'incident',
      area: 'telephony',
      tags: ['Telefonie'],
      urgency: 'medium',
      impact: 'low',
      solution: p('Der Switchport war nach einem Umzug im falschen VLAN. Das ist korrigiert; das Telefon hat sich wieder registriert.'),
      closeReason: 'Telefon geht wieder.',
    }),
  },
  {
    key: 'hunt-group',
    write: (x) => ({
      subject: `Sammelruf für ${x.dept()} einrichten`,
      html:
        p(anrede(x)) +
        p(`bitte richten Sie für die ${esc(x.dept())} einen Sammelruf auf die zentrale Nummer ein. Mitglieder:`) +
        ul(x.rng.sample(x.bp.staff, 3).map(esc)) +
        p('Außerhalb der Geschäftszeiten (Mo–Fr 7–17 Uhr) soll eine Ansage laufen.') +
        p(gruss(x)),
      type: 'request',
      area: 'telephony',
      tags: ['Telefonie', 'Sammelruf'],
      urgency: 'low',
      impact: 'medium',
      question: p('Sollen die Telefone gleichzeitig klingeln oder der Reihe nach? Und haben Sie einen Text für die Ansage?'),
      answer: p('Gleichzeitig. Ansage: „Sie rufen außerhalb unserer Geschäftszeiten an. Wir sind montags bis freitags von 7 bis 17 Uhr für Sie da.“'),
      solution: p('Der Sammelruf ist aktiv, die Ansage ist hinterlegt. Bitte einmal von extern testen.'),
      closeReason: 'Getestet, funktioniert.',
    }),
  },
  {
    key: 'mobile-order',
    write: (x) => {
      const po = x.po();
      return {
        subject: `Diensthandy für ${x.staff()}`,
        html: p(anrede(x)) + p(`bitte ein Diensthandy (Standardmodell, mit Hülle und Panzerglas) mit Vertrag bestellen. Bestellnummer: ${po}. Rufnummernmitnahme ist nicht nötig.`) + p(gruss(x)),
        type: 'order',
        area: 'telephony',
        tags: ['Smartphone', 'Bestellung'],
        urgency: 'low',
        impact: 'low',
        referenceNo: po,
        solution: p('Das Gerät ist vorbereitet (MDM, E-Mail, Authenticator) und liegt zur Abholung bereit.'),
        closeReason: 'Handy wurde abgeholt.',
      };
    },
  },
  {
    key: 'teams-room',
    write: (x) => ({
      subject: x.rng.pick(['Besprechungsraum: Teams-Raumsystem bleibt schwarz', 'Konferenzraum – Kamera und Mikrofon gehen nicht', 'Teams-Meeting im großen Besprechungsraum nicht möglich']),
      html: p(anrede(x)) + p(`im Besprechungsraum ${x.rng.pick(['„Elbe“', '„Weser“', '„Alster“', '„Pleiße“', '„Saale“'])} (${esc(x.site())}) startet das Teams-Raumsystem nicht mehr, der Bildschirm bleibt schwarz. Morgen um 10 Uhr haben wir dort ein Kundentermin mit externen Teilnehmern.`) + p(gruss(x)),
      type: 'incident',
      area: 'telephony',
      tags: ['Teams', 'Besprechungsraum'],
      urgency: 'high',
      impact: 'medium',
      ack: p('Wir schicken heute Nachmittag einen Techniker vorbei.'),
      solution: p('Das Netzteil des Raumcomputers war defekt und ist getauscht. Das System läuft wieder, ein Testmeeting war erfolgreich.'),
      closeReason: 'Kundentermin lief problemlos, danke für den schnellen Einsatz.',
    }),
  },
  {
    key: 'wifi-warehouse',
    weight: 1.5,
    partners: ['nordwind', 'mueller'],
    write: (x) => ({
      subject: x.rng.pick(['WLAN im Lager: Handscanner verlieren Verbindung', 'Handscanner brechen in Halle 2 ständig ab', 'WLAN-Abdeckung Lagerhalle unzureichend']),
      html:
        p(anrede(x)) +
        p(`im Lager ${esc(x.bp.sites[0]!)} verlieren die Handscanner im hinteren Bereich (Regalreihen ${x.rng.int(10, 20)}–${x.rng.int(21, 30)}) ständig die WLAN-Verbindung. Die Kommissionierung muss dann neu starten, wir verlieren pro Schicht ca. eine Stunde.`) +
        table(['Uhrzeit', 'Gerät', 'Meldung'], [
          [`06:${pad(x.rng.int(10, 59), 2)}`, `HS-${x.rng.int(10, 40)}`, 'Netzwerk nicht verfügbar'],
          [`07:${pad(x.rng.int(10, 59), 2)}`, `HS-${x.rng.int(10, 40)}`, 'Verbindung zum Server verloren'],
          [`09:${pad(x.rng.int(10, 59), 2)}`, `HS-${x.rng.int(10, 40)}`, 'Netzwerk nicht verfügbar'],
        ]) +
        p(gruss(x)),
      type: 'incident',
      area: 'network',
      tags: ['WLAN', 'Lager', 'Handscanner'],
      urgency: 'high',
      impact: 'high',
      ack: p('Danke für die genaue Aufstellung. Wir prüfen die Access Points in dem Bereich und kommen für eine Ausleuchtungsmessung vorbei.'),
      question: p('Wurden im hinteren Bereich zuletzt neue Regale aufgebaut oder Metallcontainer abgestellt?'),
      answer: p('Ja, seit zwei Wochen stehen dort zusätzliche Hochregale.'),
      solution: p('Die neuen Hochregale schirmen einen Access Point ab. Wir haben einen zusätzlichen Access Point montiert und die Roaming-Schwellen der Handscanner angepasst. Die Messung zeigt jetzt überall ausreichenden Empfang.'),
      internal: p('AP-LAGER-07 montiert, Kanalplan angepasst. Aufwand 6 h vor Ort, nach Vertrag abrechenbar.'),
      closeReason: 'Seit einer Woche keine Abbrüche mehr.',
      reopenReason: 'In Reihe 28 wieder Abbrüche seit heute.',
    }),
  },
  {
    key: 'guest-wifi',
    write: (x) => ({
      subject: `Gäste-WLAN für Besucher am ${x.dateAfter(x.rng.int(3, 10))}`,
      html: p(anrede(x)) + p(`am ${x.dateAfter(x.rng.int(3, 10))} haben wir eine Schulung mit ${x.rng.int(8, 25)} externen Teilnehmern in ${esc(x.site())}. Bitte stellen Sie Zugangsdaten für das Gäste-WLAN bereit, gültig für den ganzen Tag.`) + p(gruss(x)),
      type: 'request',
      area: 'network',
      tags: ['WLAN', 'Gäste'],
      urgency: 'low',
      impact: 'low',
      solution: p('Die Gutscheincodes sind erstellt und als PDF angehängt (gültig 24 Stunden ab erster Anmeldung).'),
      solutionFile: x.rng.chance(0.5) ? undefined : pdfFile('Gaeste-WLAN Zugangscodes.pdf', 'Gäste-WLAN – Zugangscodes', Array.from({ length: 10 }, (_, i) => `Code ${i + 1}:  ${x.rng.id().slice(0, 4).toUpperCase()}-${x.rng.id().slice(0, 4).toUpperCase()}`)),
      closeReason: 'Codes haben funktioniert.',
    }),
  },
  {
    key: 'firewall-portal',
    write: (x) => {
      const rfc = x.rfc();
      return {
        subject: 'Firewall-Freigabe für neues Lieferantenportal',
        html:
          p(anrede(x)) +
          p(`unser Lieferant stellt auf ein neues Portal um. Aus unserem Netz ist es nicht erreichbar (Timeout). Bitte die Freigabe einrichten (${rfc}):`) +
          table(['Ziel', 'Port', 'Protokoll'], [['portal.lieferant.example', '443', 'HTTPS'], ['sftp.lieferant.example', '22', 'SFTP']]) +
          p(gruss(x)),
        type: 'change',
        area: 'network',
        tags: ['Firewall', 'Lieferant'],
        urgency: 'medium',
        impact: 'low',
        referenceNo: rfc,
        solution: p('Die Regeln sind im nächsten Wartungsfenster umgesetzt worden. Zugriff aus dem internen Netz ist getestet.'),
        closeReason: 'Portal und SFTP sind erreichbar.',
      };
    },
  },
  {
    key: 'cert-expired',
    write: (x) => {
      const customs = x.bp.key === 'nordwind' && x.rng.chance(0.6);
      return {
        subject: customs ? 'Zertifikatsfehler beim Aufruf des Zollportals' : 'Browser meldet „Verbindung nicht sicher“ beim Intranet',
        html:
          p(anrede(x)) +
          p(`beim Aufruf ${customs ? 'des Zollportals' : 'des Intranets'} kommt seit heute „NET::ERR_CERT_DATE_INVALID“. ${customs ? 'Wir kommen nicht mehr an die Zollanmeldungen.' : 'Die Kolleginnen und Kollegen haben das gleiche Problem.'}`) +
          p(gruss(x)),
        type: 'incident',
        area: 'workplace',
        tags: customs ? ['Zertifikat', 'Zoll'] : ['Zertifikat', 'Intranet'],
        urgency: 'high',
        impact: 'medium',
        files: x.rng.chance(0.5) ? [pngFile('Zertifikatsfehler.png', 'warning', x.rng)] : [],
        inlineImage: true,
        solution: p('Das Zertifikat des internen Proxys war abgelaufen. Es ist erneuert, die Seite lädt wieder ohne Warnung. Bitte den Browser einmal neu starten.'),
        internal: p('Ablaufüberwachung für Proxy-Zertifikate fehlte – in Monitoring aufgenommen.'),
        closeReason: customs ? 'Zollportal wieder erreichbar.' : 'Intranet lädt wieder ohne Warnung.',
      };
    },
  },
  {
    key: 'question-retention',
    write: (x) => ({
      subject: 'Frage: Wie lange kann ich gelöschte E-Mails wiederherstellen?',
      html: p(anrede(x)) + p('ich habe versehentlich einen Ordner mit E-Mails gelöscht und „Gelöschte Elemente“ schon geleert. Kann man das noch zurückholen, und wie lange geht das generell?') + p(gruss(x)),
      type: 'question',
      area: 'mail',
      tags: ['Outlook', 'Wiederherstellung'],
      urgency: 'medium',
      impact: 'low',
      solution: p('Gelöschte Elemente lassen sich 30 Tage lang selbst wiederherstellen: In Outlook „Gelöschte Elemente“ → „Elemente wiederherstellen, die aus diesem Ordner entfernt wurden“. Ihren Ordner haben wir bereits zurückgeholt, er liegt wieder im Posteingang.'),
      closeReason: 'Ordner ist wieder da, danke für die Erklärung.',
    }),
  },
  {
    key: 'question-private-devices',
    write: (x) => ({
      subject: 'Frage: Private Smartphones im Firmen-WLAN?',
      html: p(anrede(x)) + p('dürfen Mitarbeitende ihre privaten Smartphones mit dem Firmen-WLAN verbinden? Wir bekommen die Frage öfter und wüssten gern, was wir antworten sollen.') + p(gruss(x)),
      type: 'question',
      area: 'network',
      tags: ['WLAN', 'Richtlinie'],
      urgency: 'low',
      impact: 'low',
      solution: p('Nein, private Geräte gehören ins Gäste-WLAN (Internet, kein Zugriff auf interne Systeme). Diensthandys sind per MDM automatisch im Firmen-WLAN. Die Regel steht auch in den IT-Richtlinien (Quick-Link auf dem Dashboard).'),
      closeReason: 'Frage beantwortet.',
    }),
  },
  {
    key: 'label-printer',
    partners: ['nordwind', 'mueller'],
    write: (x) => ({
      subject: 'Etikettendrucker im Versand druckt versetzt',
      html: p(anrede(x)) + p(`der Etikettendrucker (Zebra ZD421) im Versand ${esc(x.site())} druckt die Versandetiketten seit dem Rollenwechsel um ca. 1 cm versetzt. Barcodes werden vom Paketdienst teils nicht gelesen.`) + p(gruss(x)),
      type: 'incident',
      area: 'printing',
      tags: ['Etikettendrucker', 'Versand'],
      urgency: 'high',
      impact: 'medium',
      files: x.rng.chance(0.5) ? [pngFile('Etikett versetzt.png', 'app', x.rng)] : [],
      solution: p('Wir haben den Drucker per Fernzugriff neu kalibriert (Medienerkennung) und das Etikettenformat im Treiber korrigiert. Bitte nach jedem Rollenwechsel die Vorschubtaste zwei Sekunden drücken.'),
      closeReason: 'Etiketten sitzen wieder richtig.',
    }),
  },
];
