import { ol, p, table, ul } from './scenario.js';

/**
 * German how-to articles of the service desk, written for this demo. `key` names them for
 * shares; "Druckerwarteschlange leeren" is the compound word the search tests look for.
 */
export interface HowTo {
  key: string;
  section: 'howto' | 'accounts' | 'internal';
  title: string;
  html: string;
}

export const HOWTOS_DE: readonly HowTo[] = [
  {
    key: 'vpn',
    section: 'howto',
    title: 'VPN einrichten (Homeoffice)',
    html:
      p('Mit dem VPN-Client verbinden Sie Ihren Laptop von unterwegs oder aus dem Homeoffice sicher mit dem Firmennetz. Erst dann sind Netzlaufwerke, das ERP und interne Webseiten erreichbar.') +
      '<h2>Voraussetzungen</h2>' +
      ul(['ein Firmen-Laptop (private Geräte werden nicht unterstützt)', 'eine eingerichtete Authenticator-App (MFA)', 'eine Internetverbindung mit mindestens 5 Mbit/s']) +
      '<h2>Einrichtung</h2>' +
      ol([
        'Öffnen Sie das <strong>Softwarecenter</strong> und installieren Sie „VPN-Client“. Auf neuen Geräten ist er bereits installiert.',
        'Starten Sie den Client über das Schild-Symbol in der Taskleiste.',
        'Tragen Sie als Server <code>vpn.servicedesk.example</code> ein (bei vorinstallierten Clients bereits gesetzt).',
        'Melden Sie sich mit Ihrer E-Mail-Adresse und Ihrem Windows-Passwort an und bestätigen Sie die Anfrage in der Authenticator-App.',
        'Sobald das Symbol grün ist, verbinden sich die Netzlaufwerke nach etwa einer Minute automatisch.',
      ]) +
      '<h2>Wenn es nicht klappt</h2>' +
      table(
        ['Meldung', 'Ursache', 'Abhilfe'],
        [
          ['Authentifizierung fehlgeschlagen', 'Passwort kürzlich geändert', 'einmal im Büro oder per Self-Service anmelden, 15 Minuten warten'],
          ['Zeitüberschreitung', 'Hotel- oder Gäste-WLAN blockiert VPN', 'Mobilen Hotspot verwenden'],
          ['Verbindung bricht regelmäßig ab', 'Energiesparmodus des WLAN-Adapters', 'Ticket eröffnen, wir verteilen eine angepasste Einstellung'],
        ],
      ) +
      p('Bleibt das Problem bestehen, eröffnen Sie bitte ein Ticket im Bereich <em>Netzwerk &amp; VPN</em> und hängen Sie das Protokoll des Clients an (Menü → Protokoll exportieren).'),
  },
  {
    key: 'printer-add',
    section: 'howto',
    title: 'Drucker hinzufügen (Windows 11)',
    html:
      p('Alle Drucker werden über den Druckserver bereitgestellt. Den Namen des Druckers finden Sie auf dem Aufkleber am Gerät, z. B. <code>NW-HH-3OG-01</code>.') +
      ol([
        'Öffnen Sie <strong>Einstellungen → Bluetooth und Geräte → Drucker und Scanner</strong>.',
        'Klicken Sie auf <strong>Gerät hinzufügen</strong> und warten Sie kurz.',
        'Erscheint Ihr Drucker nicht, klicken Sie auf „Der gewünschte Drucker ist nicht aufgeführt“ und geben Sie <code>\\\\print.servicedesk.example\\NAME</code> ein.',
        'Der Treiber wird automatisch installiert. Drucken Sie zum Test eine Testseite.',
      ]) +
      p('Tipp: Über „Als Standard festlegen“ wählen Sie den Drucker, den Anwendungen automatisch verwenden.'),
  },
  {
    key: 'print-queue',
    section: 'howto',
    title: 'Druckerwarteschlange leeren',
    html:
      p('Hängt ein Druckauftrag, bleiben alle weiteren Aufträge in der Druckerwarteschlange stehen. So leeren Sie die Warteschlange Ihres Rechners selbst:') +
      ol([
        'Öffnen Sie <strong>Einstellungen → Bluetooth und Geräte → Drucker und Scanner</strong> und wählen Sie den Drucker.',
        'Klicken Sie auf <strong>Druckwarteschlange öffnen</strong>.',
        'Wählen Sie im Menü <em>Drucker</em> den Punkt <strong>Alle Dokumente abbrechen</strong> und bestätigen Sie.',
        'Bleibt ein Auftrag mit „Wird gelöscht“ stehen, starten Sie den Rechner neu.',
      ]) +
      p('Hängt die Warteschlange bei mehreren Kolleginnen und Kollegen gleichzeitig, liegt das Problem meist auf dem Druckserver. Eröffnen Sie dann bitte ein Ticket im Bereich <em>Drucker</em> und nennen Sie den Druckernamen – ein Auszug aus der Ereignisanzeige hilft uns bei der Analyse.'),
  },
  {
    key: 'drive',
    section: 'howto',
    title: 'Netzlaufwerk verbinden',
    html:
      p('Die Laufwerke S: (Abteilungen) und T: (Projekte) werden bei der Anmeldung automatisch verbunden. Fehlt ein Laufwerk, können Sie es so von Hand verbinden:') +
      ol([
        'Öffnen Sie den Explorer und klicken Sie mit der rechten Maustaste auf <strong>Dieser PC</strong>.',
        'Wählen Sie <strong>Netzlaufwerk verbinden…</strong>.',
        'Laufwerksbuchstabe <code>S:</code>, Ordner <code>\\\\files.servicedesk.example\\abteilungen</code>.',
        'Haken bei „Verbindung bei Anmeldung wiederherstellen“ setzen und auf <strong>Fertig stellen</strong> klicken.',
      ]) +
      p('Von zu Hause aus sind die Laufwerke nur mit aktivem VPN erreichbar.'),
  },
  {
    key: 'shared-mailbox',
    section: 'howto',
    title: 'Funktionspostfach in Outlook einbinden',
    html:
      p('Haben Sie Zugriff auf ein Funktionspostfach (z. B. <a href="mailto:dispo@nordwind.example">dispo@nordwind.example</a>) erhalten, erscheint es nach spätestens einer Stunde automatisch in Outlook.') +
      p('Erscheint es nicht:') +
      ol(['Outlook schließen und neu starten.', 'In Outlook im Web: rechts oben auf Ihr Bild → <strong>Ein weiteres Postfach öffnen</strong>.', 'Zum Senden im Namen des Postfachs im neuen Mail-Fenster das Feld <strong>Von</strong> einblenden.']),
  },
  {
    key: 'erp-print',
    section: 'howto',
    title: 'proALPHA: Druckausgabe für Lieferscheine einrichten',
    html:
      p('Diese Anleitung gilt für die Werke Leipzig und Chemnitz.') +
      ol([
        'In proALPHA <strong>Extras → Druckeinstellungen</strong> öffnen.',
        'Belegart „Lieferschein“ wählen.',
        'Als Drucker den Versanddrucker des Werks wählen (<code>MS-C-HALLE2</code> bzw. <code>MS-L-1OG-01</code>), Fach 2 (Vordruck).',
        'Mit <strong>Übernehmen</strong> speichern und einen Testausdruck machen.',
      ]) +
      p('Bei Fragen zur Zolltarifnummer auf Lieferscheinen wenden Sie sich bitte an die Versandleitung.'),
  },
  {
    key: 'password-reset',
    section: 'accounts',
    title: 'Passwort zurücksetzen',
    html:
      p('Ihr Windows- und E-Mail-Passwort können Sie jederzeit selbst zurücksetzen – auch wenn Sie es vergessen haben.') +
      ol([
        'Öffnen Sie den <strong>Passwort-Self-Service</strong> (Quick-Link auf dem Dashboard) oder klicken Sie am Sperrbildschirm auf „Kennwort zurücksetzen“.',
        'Geben Sie Ihre E-Mail-Adresse ein und bestätigen Sie sich mit der Authenticator-App.',
        'Vergeben Sie ein neues Passwort.',
      ]) +
      '<h2>Regeln für neue Passwörter</h2>' +
      ul(['mindestens 8 Zeichen', 'Groß- und Kleinbuchstaben, Ziffern und Sonderzeichen', 'nicht Ihre E-Mail-Adresse, kein gängiges Passwort', 'anders als das bisherige Passwort']) +
      p('<strong>Wichtig:</strong> Tragen Sie das neue Passwort danach auch auf Ihrem Diensthandy ein. Sonst versucht das Handy es weiter mit dem alten Passwort und Ihr Konto wird gesperrt.') +
      p('Das Passwort für dieses Kundenportal ändern Sie unter „Ihr Konto“ (Ihr Name oben rechts) → <em>Passwort ändern</em>. Danach bleiben Sie im Portal angemeldet; auf allen anderen Geräten und Browsern werden Sie abgemeldet.'),
  },
  {
    key: 'mfa',
    section: 'accounts',
    title: 'Authenticator-App auf neues Smartphone übertragen',
    html:
      p('Wenn Sie ein neues Smartphone bekommen, richten Sie die Authenticator-App <strong>vor</strong> der Rückgabe des alten Geräts neu ein.') +
      ol([
        'Melden Sie sich auf dem Laptop unter <code>https://mysignins.servicedesk.example</code> an.',
        'Wählen Sie <strong>Anmeldemethode hinzufügen → Authenticator-App</strong> und scannen Sie den QR-Code mit dem neuen Smartphone.',
        'Bestätigen Sie die Testbenachrichtigung auf dem neuen Gerät.',
        'Löschen Sie anschließend das alte Gerät aus der Liste.',
      ]) +
      p('Ist das alte Smartphone schon weg, eröffnen Sie ein Ticket im Bereich <em>Benutzerkonten</em>. Aus Sicherheitsgründen rufen wir Sie zurück, bevor wir die MFA-Registrierung zurücksetzen.'),
  },
  {
    key: 'month-end',
    section: 'internal',
    title: 'Checkliste Monatsabschluss (intern, Entwurf)',
    html:
      p('Entwurf – noch mit keinem Kunden geteilt.') +
      ol(['Lizenzzählung exportieren und mit Verträgen abgleichen', 'Pauschalen und Zusatzaufwände je Kunde abrechnen', 'Zertifikate mit Ablauf in den nächsten 60 Tagen prüfen', 'Sperrliste der Phishing-Domains bereinigen']),
  },
];
