import type { Locale } from '../db/schema.js';
import { p } from './scenario.js';

/** Generic sentences of the ticket histories, per language (scenarios add the specific ones). */
export interface Phrases {
  ack: readonly string[];
  question: readonly string[];
  answer: readonly string[];
  nudge: readonly string[];
  thanks: readonly string[];
  releaseReasons: readonly string[];
  rejectReasons: readonly string[];
  resubmitNotes: readonly string[];
  withdrawReasons: readonly string[];
  closeEarly: readonly string[];
  reopenReasons: readonly string[];
  reopenFollowUp: readonly string[];
  internal: readonly string[];
  secondSolution: readonly string[];
}

export const PHRASES: Record<Locale, Phrases> = {
  de: {
    ack: [
      p('Vielen Dank für Ihre Meldung. Wir haben das Ticket übernommen und melden uns, sobald wir mehr wissen.'),
      p('Danke, wir kümmern uns darum.'),
      p('Guten Tag, wir haben Ihr Anliegen aufgenommen und prüfen es gerade.'),
    ],
    question: [
      p('Können Sie uns bitte noch sagen, seit wann genau das Problem besteht und ob weitere Kolleginnen oder Kollegen betroffen sind?'),
      p('Bitte schicken Sie uns einen Screenshot der Meldung und den Rechnernamen (steht auf dem Aufkleber am Gerät).'),
      p('Wann wären Sie heute für eine kurze Fernwartung erreichbar?'),
    ],
    answer: [
      p('Seit gestern Vormittag, betroffen sind mindestens drei Kollegen aus meinem Team.'),
      p('Ich bin heute bis 15 Uhr am Platz, gern auch gleich.'),
      p('Rechnername steht unten, Screenshot kommt gleich nach.'),
    ],
    nudge: [
      p('Gibt es hier schon einen neuen Stand? Wir brauchen das recht dringend.'),
      p('Kurze Nachfrage: Wann können wir mit einer Lösung rechnen?'),
    ],
    thanks: [p('Super, vielen Dank!'), p('Danke für die schnelle Hilfe.'), p('Prima, das hat geklappt.')],
    releaseReasons: [
      'Geprüft und freigegeben.',
      'Mit der Abteilungsleitung abgestimmt – bitte zeitnah bearbeiten.',
      'Kostenstelle passt, freigegeben.',
      'Ist dringend, bitte heute noch anschauen.',
      'Freigegeben.',
    ],
    rejectReasons: [
      'Bitte zuerst mit der Abteilungsleitung abstimmen und die Kostenstelle ergänzen.',
      'Doppelt – dazu gibt es schon ein offenes Ticket.',
      'Bitte genauer beschreiben, welche Geräte betroffen sind (Rechnername/Seriennummer).',
    ],
    resubmitNotes: [
      p('Ich habe die fehlenden Angaben ergänzt und das Ticket erneut zur Freigabe eingereicht.'),
      p('Abstimmung mit der Abteilungsleitung ist erfolgt, Kostenstelle steht jetzt in der Beschreibung.'),
    ],
    withdrawReasons: [
      'Hat sich erledigt, das Problem ist nach einem Neustart nicht mehr aufgetreten. Bitte nicht mehr bearbeiten.',
      'Wird nicht mehr benötigt – das Thema ist intern anders gelöst worden.',
    ],
    closeEarly: [
      'Das Problem hat sich von selbst erledigt, seit zwei Tagen läuft alles wieder normal.',
      'Nicht mehr nötig, wir haben eine andere Lösung gefunden.',
    ],
    reopenReasons: ['Das Problem ist wieder aufgetreten.', 'Leider doch noch nicht gelöst, gleiches Fehlerbild wie vorher.'],
    reopenFollowUp: [p('Leider ist das Problem wieder da – gleiches Verhalten wie vorher. Können Sie bitte noch einmal nachsehen?')],
    internal: [
      p('Rücksprache mit dem Netzwerkteam gehalten, Ursache liegt nicht auf unserer Seite. Beobachten.'),
      p('Bitte bei der nächsten Wartung mitprüfen; Kunde ist informiert.'),
      p('Aufwand bisher 1,5 h, läuft unter Pauschale.'),
    ],
    secondSolution: [
      p('Wir haben die Ursache jetzt dauerhaft behoben und die Konfiguration dokumentiert. Bitte melden Sie sich, falls es noch einmal auftritt.'),
    ],
  },
  en: {
    ack: [
      p('Thanks for reporting this – we have picked it up and will update you shortly.'),
      p('Thanks, we’re on it.'),
      p('Hello, we’ve received your request and are looking into it.'),
    ],
    question: [
      p('Could you tell us since when exactly this happens and whether colleagues are affected too?'),
      p('Please send us a screenshot of the message and the device name (on the asset sticker).'),
      p('When would you be available for a quick remote session today?'),
    ],
    answer: [p('Since yesterday morning; at least three people in my team.'), p('I’m at my desk until 3 pm – any time.'), p('Device name is BH-LT-0412, screenshot to follow.')],
    nudge: [p('Any update on this? It’s getting urgent on our side.'), p('Just checking in – is there an ETA?')],
    thanks: [p('Brilliant, thank you!'), p('Thanks for the quick help.'), p('Great, that worked.')],
    releaseReasons: ['Checked and released.', 'Approved by the team lead – please handle soon.', 'Budget approved.', 'Released.'],
    rejectReasons: [
      'Please get approval from your team lead first and add the cost centre.',
      'Duplicate – there is already an open ticket for this.',
      'Please add which devices are affected (device name or serial number).',
    ],
    resubmitNotes: [p('Added the missing details and resubmitted for release.'), p('Approval from the team lead is in; cost centre added to the description.')],
    withdrawReasons: ['Not needed any more – sorted internally. Please don’t process.', 'The issue went away after a restart; withdrawing.'],
    closeEarly: ['The problem has gone away on its own; everything has been fine for two days.', 'No longer needed, we found another way.'],
    reopenReasons: ['The problem is back.', 'Not fixed after all – same symptoms as before.'],
    reopenFollowUp: [p('Sorry, this is happening again – same behaviour as before. Could you take another look?')],
    internal: [p('Checked with the network team; cause is not on our side. Monitoring.'), p('Effort so far 1.5 h, covered by the flat rate.')],
    secondSolution: [p('We have now fixed the root cause permanently and documented the configuration. Let us know if it comes back.')],
  },
};
