// The provider's demo page (demo/agent.html): an agent of the service desk works on released
// tickets, writes the knowledge base and plans on plan boards, through the agent API
// (/api/agent/*) with the same-origin session cookie. No framework, no build step.
//
// Everything shown comes from users: it goes into the page as text (textContent, DOM nodes),
// never as HTML. Rich HTML from the server (descriptions, positions) is shown as plain text,
// taken from a DOMParser document (which runs no scripts and loads nothing).

// --- strings ----------------------------------------------------------------------------------

const dict = {
  de: {
    skip: 'Zum Inhalt springen',
    pageTitle: 'Servicedesk (Agent)',
    navLabel: 'Demo-Seiten',
    navPortal: 'Kundenportal',
    navOutbox: 'Postausgang',
    langToggle: 'English',
    langToggleTitle: 'Switch to English',
    signOut: 'Abmelden',
    loading: 'Wird geladen …',
    signInTitle: 'Anmelden als Servicedesk-Agent',
    email: 'E-Mail-Adresse',
    password: 'Passwort',
    signInHint: 'Demo: alex.agent@servicedesk.example mit dem Passwort Portal-Demo-2026!',
    signIn: 'Anmelden',
    signInFailed: 'E-Mail-Adresse oder Passwort ist nicht korrekt.',
    enterEmail: 'Bitte geben Sie Ihre E-Mail-Adresse ein.',
    enterPassword: 'Bitte geben Sie Ihr Passwort ein.',
    signedOut: 'Sie wurden abgemeldet.',
    sessionExpired: 'Ihre Sitzung ist abgelaufen. Bitte melden Sie sich erneut an.',
    mustChange: 'Für diesen Zugang muss zuerst ein neues Passwort festgelegt werden. Das geht im Kundenportal (Link oben).',
    notAgentTitle: 'Diese Seite ist für Servicedesk-Agenten',
    notAgentText: 'Sie sind mit einem Kundenzugang angemeldet. Tickets, Wissensdatenbank und Planboards finden Sie im',
    notAgentLink: 'Kundenportal',
    notAgentSwitch: 'Um hier als Agent zu arbeiten, melden Sie sich ab und mit einem Agentenzugang wieder an.',
    tabsLabel: 'Bereiche',
    tabTickets: 'Tickets',
    tabKb: 'Wissensdatenbank',
    tabPlan: 'Planboards',
    // tickets
    ticketsTitle: 'Freigegebene Tickets',
    search: 'Suche',
    searchPlaceholder: 'Betreff, Nummer, Text …',
    status: 'Status',
    partner: 'Geschäftspartner',
    allPartners: 'Alle Geschäftspartner',
    allStatuses: 'Alle Status',
    openStatuses: 'Offen (neu, in Bearbeitung, wartet)',
    searchButton: 'Suchen',
    pagerLabel: 'Seiten',
    prev: 'Zurück',
    next: 'Weiter',
    pageInfo: 'Seite {page} von {pages}',
    ticketCount: '{n} Tickets',
    ticketCountOne: '1 Ticket',
    noTickets: 'Keine Tickets gefunden.',
    colNumber: 'Nr.',
    colSubject: 'Betreff',
    colPartner: 'Geschäftspartner',
    colStatus: 'Status',
    colPriority: 'Priorität',
    colUpdated: 'Aktualisiert',
    sortBy: 'Sortieren nach {col}',
    backToList: '← Zurück zur Liste',
    description: 'Beschreibung',
    noDescription: '(keine Beschreibung)',
    history: 'Verlauf',
    noHistory: 'Noch keine Einträge.',
    replyTitle: 'Antworten',
    replyBody: 'Nachricht',
    replyHint: 'Leerzeilen trennen Absätze.',
    internalNote: 'Interne Notiz (für Kunden nicht sichtbar)',
    send: 'Senden',
    replySent: 'Antwort gesendet.',
    noteSaved: 'Interne Notiz gespeichert.',
    writeSomething: 'Bitte schreiben Sie eine Nachricht.',
    changeStatus: 'Status ändern',
    newStatus: 'Neuer Status',
    reason: 'Begründung',
    reasonHint: '(für „Geschlossen“ erforderlich)',
    applyStatus: 'Status setzen',
    statusChanged: 'Status geändert: {status}.',
    reasonRequired: 'Bitte begründen Sie das Schließen (mindestens 3 Zeichen).',
    noTransitions: 'Von diesem Status aus ist keine Änderung möglich.',
    attachments: 'Anhänge',
    noAttachments: 'Keine Anhänge.',
    files: 'Dateien hinzufügen',
    uploadInternal: 'Nur intern (wie interne Notizen)',
    upload: 'Hochladen',
    chooseFiles: 'Bitte wählen Sie mindestens eine Datei.',
    uploaded: '{n} Datei(en) hochgeladen.',
    uploadFailed: 'Nicht hochgeladen:',
    metaStatus: 'Status',
    metaPriority: 'Priorität',
    metaUrgencyImpact: 'Dringlichkeit: {u} · Auswirkung: {i}',
    metaPartner: 'Geschäftspartner',
    metaAuthor: 'Erstellt von',
    metaType: 'Ticketart / Bereich',
    metaReference: 'Referenznummer',
    metaTags: 'Schlagwörter',
    metaCreated: 'Erstellt',
    metaUpdated: 'Aktualisiert',
    metaReleased: 'Freigegeben',
    metaClosed: 'Abgeschlossen',
    metaClosedReason: 'Grund für das Schließen',
    metaPrivate: 'Sichtbarkeit',
    privateYes: 'Privat (nur Autor und Dispatcher)',
    kindCustomer: 'Kunde',
    kindAgent: 'Agent',
    kindSystem: 'System',
    internalBadge: 'Interne Notiz',
    internalFile: 'intern',
    byWhom: '{name} ({kind})',
    reasonLabel: 'Begründung: {reason}',
    commentLabel: 'Kommentar: {comment}',
    uploadedBy: '{size} · {name} · {date}',
    'ev.created': 'Ticket erstellt',
    'ev.submitted_for_release': 'Zur Freigabe eingereicht',
    'ev.released': 'Freigegeben',
    'ev.releasedOnCreation': 'Bei der Erstellung freigegeben',
    'ev.rejected': 'Freigabe abgelehnt',
    'ev.resubmitted': 'Erneut zur Freigabe eingereicht',
    'ev.status_changed': 'Status: {from} → {to}',
    'ev.closed': 'Abgeschlossen ({from} → {to})',
    'ev.reopened': 'Wieder geöffnet ({from} → {to})',
    'ev.attachments_added': 'Anhänge hinzugefügt: {files}',
    'ev.unknown': 'Ereignis: {event}',
    'ev.revised': 'Vom Autor geändert: {fields}',
    'field.subject': 'Betreff',
    'field.description': 'Beschreibung',
    'field.tags': 'Schlagwörter',
    'field.referenceNo': 'Referenznummer',
    'field.typeId': 'Tickettyp',
    'field.areaId': 'Bereich',
    'field.priority': 'Priorität',
    'field.private': 'Sichtbarkeit',
    'status.awaiting_release': 'Wartet auf Freigabe',
    'status.release_rejected': 'Freigabe abgelehnt',
    'status.new': 'Neu',
    'status.in_progress': 'In Bearbeitung',
    'status.waiting_for_customer': 'Wartet auf Kunde',
    'status.resolved': 'Gelöst',
    'status.closed': 'Abgeschlossen',
    'prio.low': 'Niedrig',
    'prio.medium': 'Mittel',
    'prio.high': 'Hoch',
    'prio.critical': 'Kritisch',
    // knowledge base
    sections: 'Bereiche',
    noSections: 'Noch keine Bereiche.',
    newSection: 'Neuer Bereich',
    renameSection: 'Bereich umbenennen',
    nameDe: 'Name (Deutsch)',
    nameEn: 'Name (Englisch)',
    create: 'Anlegen',
    rename: 'Umbenennen',
    cancel: 'Abbrechen',
    delete: 'Löschen',
    close: 'Schließen',
    save: 'Speichern',
    renameNamed: '„{name}“ umbenennen',
    deleteNamed: '„{name}“ löschen',
    articleCount: '{n} Artikel',
    sectionCreated: 'Bereich angelegt.',
    sectionRenamed: 'Bereich umbenannt.',
    sectionDeleted: 'Bereich gelöscht.',
    confirmDeleteSection: 'Bereich „{name}“ löschen?',
    namesRequired: 'Bitte geben Sie beide Namen ein.',
    articles: 'Artikel',
    section: 'Bereich',
    allSections: 'Alle Bereiche',
    filterTitle: 'Titel filtern',
    newArticle: 'Neuer Artikel',
    editArticle: 'Artikel bearbeiten',
    noArticles: 'Keine Artikel.',
    colTitle: 'Titel',
    colSection: 'Bereich',
    colLanguage: 'Sprache',
    colShared: 'Freigegeben für',
    notShared: 'niemanden',
    language: 'Sprache',
    langDe: 'Deutsch',
    langEn: 'Englisch',
    title: 'Titel',
    bodyHtml: 'Inhalt (HTML)',
    bodyHtmlHint: '— der Server bereinigt das HTML',
    sharedWith: 'Freigegeben für Geschäftspartner',
    conflictTitle: 'Jemand anderes hat den Artikel inzwischen geändert.',
    conflictArticle: 'Das Formular zeigt jetzt die aktuelle Fassung. Ihre Fassung steht hier zum Kopieren:',
    yourVersion: 'Ihre Fassung',
    articleCreated: 'Artikel angelegt.',
    articleSaved: 'Artikel gespeichert.',
    articleDeleted: 'Artikel gelöscht.',
    confirmDeleteArticle: 'Artikel „{name}“ löschen?',
    titleRequired: 'Bitte geben Sie einen Titel ein.',
    chooseSection: 'Bitte legen Sie zuerst einen Bereich an.',
    articleCountShown: '{n} von {total} Artikeln',
    // plan boards
    boards: 'Planboards',
    noBoards: 'Noch keine Planboards.',
    newBoard: 'Neues Planboard',
    columnsCsv: 'Spalten',
    columnsCsvHint: '(durch Kommas getrennt)',
    createBoard: 'Planboard anlegen',
    openBoard: 'Öffnen',
    openNamed: 'Planboard „{name}“ öffnen',
    activityCount: '{n} Aktivitäten',
    updatedAt: 'aktualisiert {date}',
    backToBoards: '← Alle Planboards',
    newColumn: 'Neue Spalte',
    addColumn: 'Spalte hinzufügen',
    columnAdded: 'Spalte hinzugefügt.',
    noActivities: 'Keine Aktivitäten.',
    newActivity: 'Neue Aktivität',
    editActivity: 'Aktivität bearbeiten',
    startDate: 'Beginn',
    endDate: 'Ende',
    durationHours: 'Dauer (Stunden)',
    priority: 'Priorität',
    column: 'Spalte',
    ticketRef: 'Ticket',
    ticketRefHint: '(ID oder Nummer, optional)',
    addActivity: 'Aktivität anlegen',
    saveActivity: 'Änderungen speichern',
    activityCreated: 'Aktivität angelegt.',
    activitySaved: 'Aktivität gespeichert.',
    activityDeleted: 'Aktivität gelöscht.',
    noChanges: 'Keine Änderungen.',
    confirmDeleteActivity: 'Aktivität „{name}“ löschen?',
    datesRequired: 'Bitte geben Sie Beginn und Ende als Datum an.',
    endBeforeStart: 'Das Ende liegt vor dem Beginn.',
    durationInvalid: 'Die Dauer muss eine Zahl ab 0 sein.',
    ticketNotFound: 'Kein Ticket mit der Nummer {n} gefunden.',
    linkedTicket: 'Verknüpft mit Ticket #{number}: {subject}',
    linkedTicketHidden: 'Verknüpft mit Ticket #{number}',
    openTicket: 'Ticket öffnen',
    activityDates: 'Erstellt {created} · geändert {updated} · Version {version}',
    activityConflict: 'Jemand anderes hat diese Aktivität inzwischen geändert. Das Formular zeigt jetzt die aktuellen Werte.',
    yourChanges: 'Ihre Änderungen waren:',
    hours: '{n} h',
    members: 'Mitglieder',
    membersHint: 'Kundenzugänge per E-Mail-Adresse: Beobachter lesen, Bearbeiter ändern Termine, Dauer, Priorität und Spalte.',
    memberEmail: 'E-Mail-Adresse',
    memberRole: 'Rolle',
    roleObserver: 'Beobachter',
    roleEditor: 'Bearbeiter',
    removeMember: 'Entfernen',
    removeMemberNamed: '{name} entfernen',
    newMember: 'neues Mitglied',
    addMember: 'Mitglied hinzufügen',
    saveMembers: 'Mitglieder speichern',
    membersSaved: 'Mitglieder gespeichert.',
    noMembers: 'Keine Mitglieder.',
    // errors
    'err.validation_failed': 'Bitte prüfen Sie die Eingaben.',
    'err.conflict': 'Konflikt.',
    'err.not_found': 'Nicht gefunden.',
    'err.forbidden': 'Nicht erlaubt.',
    'err.unauthenticated': 'Nicht angemeldet.',
    'err.rate_limited': 'Zu viele Versuche.',
    'err.payload_too_large': 'Zu groß.',
    'err.unsupported_media_type': 'Falsches Format.',
    'err.password_change_required': 'Passwort ändern.',
    'err.password_expired': 'Passwort abgelaufen.',
    'err.internal': 'Fehler auf dem Server.',
    'err.network': 'Keine Verbindung zum Server.',
    'err.other': 'Fehler.',
    requestId: 'Anfrage-ID: {id}',
  },
  en: {
    skip: 'Skip to content',
    pageTitle: 'Service desk (agent)',
    navLabel: 'Demo pages',
    navPortal: 'Customer portal',
    navOutbox: 'Outbox',
    langToggle: 'Deutsch',
    langToggleTitle: 'Auf Deutsch umschalten',
    signOut: 'Sign out',
    loading: 'Loading …',
    signInTitle: 'Sign in as a service-desk agent',
    email: 'E-mail address',
    password: 'Password',
    signInHint: 'Demo: alex.agent@servicedesk.example with the password Portal-Demo-2026!',
    signIn: 'Sign in',
    signInFailed: 'The e-mail address or the password is not correct.',
    enterEmail: 'Please enter your e-mail address.',
    enterPassword: 'Please enter your password.',
    signedOut: 'You have been signed out.',
    sessionExpired: 'Your session has ended. Please sign in again.',
    mustChange: 'This account has to set a new password first. Do that on the customer portal (link above).',
    notAgentTitle: 'This page is for service-desk agents',
    notAgentText: 'You are signed in with a customer account. Your tickets, knowledge base and plan boards are on the',
    notAgentLink: 'customer portal',
    notAgentSwitch: 'To work here as an agent, sign out and sign in again with an agent account.',
    tabsLabel: 'Sections',
    tabTickets: 'Tickets',
    tabKb: 'Knowledge base',
    tabPlan: 'Plan boards',
    ticketsTitle: 'Released tickets',
    search: 'Search',
    searchPlaceholder: 'Subject, number, text …',
    status: 'Status',
    partner: 'Business partner',
    allPartners: 'All business partners',
    allStatuses: 'All statuses',
    openStatuses: 'Open (new, in progress, waiting)',
    searchButton: 'Search',
    pagerLabel: 'Pages',
    prev: 'Previous',
    next: 'Next',
    pageInfo: 'Page {page} of {pages}',
    ticketCount: '{n} tickets',
    ticketCountOne: '1 ticket',
    noTickets: 'No tickets found.',
    colNumber: 'No.',
    colSubject: 'Subject',
    colPartner: 'Business partner',
    colStatus: 'Status',
    colPriority: 'Priority',
    colUpdated: 'Updated',
    sortBy: 'Sort by {col}',
    backToList: '← Back to the list',
    description: 'Description',
    noDescription: '(no description)',
    history: 'History',
    noHistory: 'No entries yet.',
    replyTitle: 'Reply',
    replyBody: 'Message',
    replyHint: 'Blank lines separate paragraphs.',
    internalNote: 'Internal note (not visible to customers)',
    send: 'Send',
    replySent: 'Reply sent.',
    noteSaved: 'Internal note saved.',
    writeSomething: 'Please write a message.',
    changeStatus: 'Change status',
    newStatus: 'New status',
    reason: 'Reason',
    reasonHint: '(required for “Closed”)',
    applyStatus: 'Set status',
    statusChanged: 'Status changed: {status}.',
    reasonRequired: 'Please give a reason for closing (at least 3 characters).',
    noTransitions: 'No change is possible from this status.',
    attachments: 'Attachments',
    noAttachments: 'No attachments.',
    files: 'Add files',
    uploadInternal: 'Internal only (like internal notes)',
    upload: 'Upload',
    chooseFiles: 'Please choose at least one file.',
    uploaded: '{n} file(s) uploaded.',
    uploadFailed: 'Not uploaded:',
    metaStatus: 'Status',
    metaPriority: 'Priority',
    metaUrgencyImpact: 'Urgency: {u} · Impact: {i}',
    metaPartner: 'Business partner',
    metaAuthor: 'Created by',
    metaType: 'Ticket type / area',
    metaReference: 'Reference number',
    metaTags: 'Tags',
    metaCreated: 'Created',
    metaUpdated: 'Updated',
    metaReleased: 'Released',
    metaClosed: 'Closed',
    metaClosedReason: 'Reason for closing',
    metaPrivate: 'Visibility',
    privateYes: 'Private (author and dispatchers only)',
    kindCustomer: 'customer',
    kindAgent: 'agent',
    kindSystem: 'System',
    internalBadge: 'Internal note',
    internalFile: 'internal',
    byWhom: '{name} ({kind})',
    reasonLabel: 'Reason: {reason}',
    commentLabel: 'Comment: {comment}',
    uploadedBy: '{size} · {name} · {date}',
    'ev.created': 'Ticket created',
    'ev.submitted_for_release': 'Submitted for release',
    'ev.released': 'Released',
    'ev.releasedOnCreation': 'Released on creation',
    'ev.rejected': 'Release rejected',
    'ev.resubmitted': 'Submitted for release again',
    'ev.status_changed': 'Status: {from} → {to}',
    'ev.closed': 'Closed ({from} → {to})',
    'ev.reopened': 'Reopened ({from} → {to})',
    'ev.attachments_added': 'Attachments added: {files}',
    'ev.unknown': 'Event: {event}',
    'ev.revised': 'Changed by the author: {fields}',
    'field.subject': 'Subject',
    'field.description': 'Description',
    'field.tags': 'Tags',
    'field.referenceNo': 'Reference number',
    'field.typeId': 'Ticket type',
    'field.areaId': 'Area',
    'field.priority': 'Priority',
    'field.private': 'Visibility',
    'status.awaiting_release': 'Awaiting release',
    'status.release_rejected': 'Release rejected',
    'status.new': 'New',
    'status.in_progress': 'In progress',
    'status.waiting_for_customer': 'Waiting for customer',
    'status.resolved': 'Resolved',
    'status.closed': 'Closed',
    'prio.low': 'Low',
    'prio.medium': 'Medium',
    'prio.high': 'High',
    'prio.critical': 'Critical',
    sections: 'Sections',
    noSections: 'No sections yet.',
    newSection: 'New section',
    renameSection: 'Rename section',
    nameDe: 'Name (German)',
    nameEn: 'Name (English)',
    create: 'Create',
    rename: 'Rename',
    cancel: 'Cancel',
    delete: 'Delete',
    close: 'Close',
    save: 'Save',
    renameNamed: 'Rename “{name}”',
    deleteNamed: 'Delete “{name}”',
    articleCount: '{n} articles',
    sectionCreated: 'Section created.',
    sectionRenamed: 'Section renamed.',
    sectionDeleted: 'Section deleted.',
    confirmDeleteSection: 'Delete the section “{name}”?',
    namesRequired: 'Please enter both names.',
    articles: 'Articles',
    section: 'Section',
    allSections: 'All sections',
    filterTitle: 'Filter by title',
    newArticle: 'New article',
    editArticle: 'Edit article',
    noArticles: 'No articles.',
    colTitle: 'Title',
    colSection: 'Section',
    colLanguage: 'Language',
    colShared: 'Shared with',
    notShared: 'nobody',
    language: 'Language',
    langDe: 'German',
    langEn: 'English',
    title: 'Title',
    bodyHtml: 'Content (HTML)',
    bodyHtmlHint: '— the server sanitises the HTML',
    sharedWith: 'Shared with business partners',
    conflictTitle: 'Someone else has changed the article meanwhile.',
    conflictArticle: 'The form now shows the current version. Your version is here to copy:',
    yourVersion: 'Your version',
    articleCreated: 'Article created.',
    articleSaved: 'Article saved.',
    articleDeleted: 'Article deleted.',
    confirmDeleteArticle: 'Delete the article “{name}”?',
    titleRequired: 'Please enter a title.',
    chooseSection: 'Please create a section first.',
    articleCountShown: '{n} of {total} articles',
    boards: 'Plan boards',
    noBoards: 'No plan boards yet.',
    newBoard: 'New plan board',
    columnsCsv: 'Columns',
    columnsCsvHint: '(separated by commas)',
    createBoard: 'Create plan board',
    openBoard: 'Open',
    openNamed: 'Open the plan board “{name}”',
    activityCount: '{n} activities',
    updatedAt: 'updated {date}',
    backToBoards: '← All plan boards',
    newColumn: 'New column',
    addColumn: 'Add column',
    columnAdded: 'Column added.',
    noActivities: 'No activities.',
    newActivity: 'New activity',
    editActivity: 'Edit activity',
    startDate: 'Start',
    endDate: 'End',
    durationHours: 'Duration (hours)',
    priority: 'Priority',
    column: 'Column',
    ticketRef: 'Ticket',
    ticketRefHint: '(id or number, optional)',
    addActivity: 'Create activity',
    saveActivity: 'Save changes',
    activityCreated: 'Activity created.',
    activitySaved: 'Activity saved.',
    activityDeleted: 'Activity deleted.',
    noChanges: 'Nothing changed.',
    confirmDeleteActivity: 'Delete the activity “{name}”?',
    datesRequired: 'Please enter start and end as dates.',
    endBeforeStart: 'The end is before the start.',
    durationInvalid: 'The duration must be a number of 0 or more.',
    ticketNotFound: 'No ticket with the number {n}.',
    linkedTicket: 'Linked to ticket #{number}: {subject}',
    linkedTicketHidden: 'Linked to ticket #{number}',
    openTicket: 'Open ticket',
    activityDates: 'Created {created} · changed {updated} · version {version}',
    activityConflict: 'Someone else has changed this activity meanwhile. The form now shows the current values.',
    yourChanges: 'Your changes were:',
    hours: '{n} h',
    members: 'Members',
    membersHint: 'Customer accounts by e-mail address: observers read, editors change dates, duration, priority and column.',
    memberEmail: 'E-mail address',
    memberRole: 'Role',
    roleObserver: 'Observer',
    roleEditor: 'Editor',
    removeMember: 'Remove',
    removeMemberNamed: 'Remove {name}',
    newMember: 'new member',
    addMember: 'Add member',
    saveMembers: 'Save members',
    membersSaved: 'Members saved.',
    noMembers: 'No members.',
    'err.validation_failed': 'Please check your input.',
    'err.conflict': 'Conflict.',
    'err.not_found': 'Not found.',
    'err.forbidden': 'Not allowed.',
    'err.unauthenticated': 'Not signed in.',
    'err.rate_limited': 'Too many attempts.',
    'err.payload_too_large': 'Too large.',
    'err.unsupported_media_type': 'Wrong format.',
    'err.password_change_required': 'Change your password.',
    'err.password_expired': 'Password expired.',
    'err.internal': 'Error on the server.',
    'err.network': 'No connection to the server.',
    'err.other': 'Error.',
    requestId: 'Request id: {id}',
  },
};

const LANG_KEY = 'helpdesk-demo-lang';
/** @type {'de' | 'en'} */
let lang = readLang();

function readLang() {
  try {
    const v = localStorage.getItem(LANG_KEY);
    if (v === 'de' || v === 'en') return v;
  } catch {
    // storage may be off; German is the default
  }
  return 'de';
}

/** A string of the current language, with `{name}` placeholders filled in. */
function t(key, vars) {
  let s = dict[lang][key] ?? dict.de[key] ?? key;
  if (vars) s = s.replace(/\{(\w+)\}/g, (_, k) => (vars[k] === undefined ? '' : String(vars[k])));
  return s;
}

/** Static text: `data-i18n="key"` sets the text, `data-i18n-attr="attr:key;attr:key"` attributes. */
function applyI18n(root = document) {
  for (const el of root.querySelectorAll('[data-i18n]')) el.textContent = t(el.dataset.i18n);
  for (const el of root.querySelectorAll('[data-i18n-attr]')) {
    for (const pair of el.dataset.i18nAttr.split(';')) {
      const [attr, key] = pair.split(':');
      if (attr && key) el.setAttribute(attr, t(key));
    }
  }
}

const locale = () => (lang === 'de' ? 'de-DE' : 'en-GB');

function fmtDateTime(iso) {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return String(iso);
  return new Intl.DateTimeFormat(locale(), { dateStyle: 'medium', timeStyle: 'short' }).format(d);
}

/** A calendar day `YYYY-MM-DD` for display (formatted in UTC, so no time zone can shift it). */
function fmtDay(day) {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(String(day ?? ''));
  if (!m) return String(day ?? '');
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return new Intl.DateTimeFormat(locale(), { dateStyle: 'medium', timeZone: 'UTC' }).format(d);
}

function fmtNumber(n, digits = 2) {
  return new Intl.NumberFormat(locale(), { maximumFractionDigits: digits }).format(n);
}

function fmtSize(bytes) {
  const n = Number(bytes) || 0;
  if (n < 1024) return `${fmtNumber(n, 0)} B`;
  if (n < 1024 * 1024) return `${fmtNumber(n / 1024, 1)} KB`;
  return `${fmtNumber(n / 1024 / 1024, 1)} MB`;
}

const statusLabel = (s) => t(`status.${s}`);
const prioLabel = (p) => t(`prio.${p}`);

// --- DOM helpers ------------------------------------------------------------------------------

const $ = (id) => {
  const el = document.getElementById(id);
  if (!el) throw new Error(`#${id} is missing`);
  return el;
};

/**
 * Builds an element. Props: `class`, `i18n` (text from the dictionary, re-translated on a
 * language switch), `on<event>` handlers, a few properties (value, checked, disabled, hidden,
 * selected), everything else as attributes. Children: nodes or strings (always text).
 */
function h(tag, props = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) {
    if (v === undefined || v === null || v === false) continue;
    if (k.startsWith('on') && typeof v === 'function') el.addEventListener(k.slice(2).toLowerCase(), v);
    else if (k === 'class') el.className = v;
    else if (k === 'i18n') {
      el.dataset.i18n = v;
      el.textContent = t(v);
    } else if (k === 'value' || k === 'checked' || k === 'disabled' || k === 'hidden' || k === 'selected') el[k] = v;
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children.flat(Infinity)) {
    if (c === null || c === undefined || c === false) continue;
    el.append(c instanceof Node ? c : String(c));
  }
  return el;
}

const badge = (text, cls = '') => h('span', { class: `badge ${cls}`.trim() }, text);
const timeEl = (iso) => h('time', { datetime: iso }, fmtDateTime(iso));

/**
 * The plain text of sanitised rich HTML: parsed by DOMParser (inert: no scripts, no loads),
 * read node by node, with line breaks for blocks and "• " for list items.
 */
function plainFromHtml(html) {
  if (!html) return '';
  const doc = new DOMParser().parseFromString(String(html), 'text/html');
  const blocks = new Set(['P', 'DIV', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'UL', 'OL', 'TABLE', 'TR', 'BLOCKQUOTE', 'PRE', 'FIGURE']);
  let out = '';
  const walk = (node) => {
    for (const child of node.childNodes) {
      if (child.nodeType === Node.TEXT_NODE) {
        out += child.textContent;
      } else if (child.nodeType === Node.ELEMENT_NODE) {
        const tag = child.tagName;
        if (tag === 'BR') {
          out += '\n';
          continue;
        }
        if (tag === 'SCRIPT' || tag === 'STYLE' || tag === 'TEMPLATE') continue;
        if (tag === 'IMG') {
          const alt = child.getAttribute('alt');
          if (alt) out += `[${alt}]`;
          continue;
        }
        if (tag === 'LI') out += (out.endsWith('\n') || out === '' ? '' : '\n') + '• ';
        else if (blocks.has(tag) && out && !out.endsWith('\n')) out += '\n';
        if (tag === 'TD' || tag === 'TH') out += out.endsWith('\n') || out === '' ? '' : '\t';
        walk(child);
        if (blocks.has(tag) || tag === 'LI') out += '\n';
        if (tag === 'P' || /^H\d$/.test(tag)) out += '\n';
      }
    }
  };
  walk(doc.body);
  return out.replace(/\n{3,}/g, '\n\n').trim();
}

/** A textarea's text as `<p>` paragraphs (blank lines separate them), HTML-escaped. */
function textToHtml(text) {
  const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
  return String(text)
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n/)
    .map((p) => p.replace(/^\n+|\n+$/g, ''))
    .filter((p) => p.trim() !== '')
    .map((p) => `<p>${esc(p).replace(/\n/g, '<br>')}</p>`)
    .join('');
}

function setStatus(id, text) {
  const el = $(id);
  el.textContent = text;
}

// --- API --------------------------------------------------------------------------------------

class ApiError extends Error {
  constructor(status, code, message, details, body, requestId) {
    super(message);
    this.status = status;
    this.code = code;
    this.details = details;
    this.body = body;
    this.requestId = requestId;
  }
}

/** One request to the API: JSON in and out, the session cookie, errors as ApiError. */
async function api(method, path, body, opts = {}) {
  const headers = { Accept: 'application/json', 'Accept-Language': lang };
  const init = { method, credentials: 'same-origin', headers, signal: opts.signal };
  if (body instanceof FormData) init.body = body;
  else if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  let res;
  try {
    res = await fetch(path, init);
  } catch (e) {
    if (e && e.name === 'AbortError') throw e;
    throw new ApiError(0, 'network', t('err.network'));
  }
  let data = null;
  if (res.status !== 204) {
    const text = await res.text();
    try {
      data = text ? JSON.parse(text) : null;
    } catch {
      data = null;
    }
  }
  if (!res.ok) {
    const e = data && typeof data === 'object' ? data.error : undefined;
    const err = new ApiError(res.status, e?.code ?? `http_${res.status}`, e?.message ?? res.statusText, e?.details, data, e?.requestId);
    if (res.status === 401 && !opts.expect401) onSessionLost();
    throw err;
  }
  return data;
}

/** Shows an API (or local) error in `box`; marks the fields its issues name in `form`. */
function showError(box, err, form) {
  box.replaceChildren();
  const code = err.code ?? 'other';
  const lead = dict[lang][`err.${code}`] ? t(`err.${code}`) : t('err.other');
  const p = h('p', {}, h('strong', {}, lead), ' ', err.message && err.message !== lead ? err.message : '');
  box.append(p);
  const issues = err.details && Array.isArray(err.details.issues) ? err.details.issues : [];
  if (issues.length) {
    box.append(h('ul', {}, issues.map((i) => h('li', {}, i.path ? `${i.path}: ${i.message}` : String(i.message)))));
  }
  if (err.status >= 500 && err.requestId) box.append(h('p', { class: 'muted small' }, t('requestId', { id: err.requestId })));
  box.hidden = false;
  if (form) {
    for (const i of issues) {
      if (!i.path) continue;
      const field = form.querySelector(`[name="${CSS.escape(i.path)}"]`);
      if (field) field.setAttribute('aria-invalid', 'true');
    }
  }
}

/** A local validation message, shown like a server one, with the field marked. */
function localError(box, message, form, fieldName) {
  showError(box, { code: 'validation_failed', message }, form);
  if (form && fieldName) {
    const field = form.querySelector(`[name="${CSS.escape(fieldName)}"]`);
    if (field) {
      field.setAttribute('aria-invalid', 'true');
      field.focus();
    }
  }
}

function clearError(box, form) {
  box.hidden = true;
  box.replaceChildren();
  if (form) for (const el of form.querySelectorAll('[aria-invalid]')) el.removeAttribute('aria-invalid');
}

/** Runs `fn` with the form's submit buttons disabled (no double sends). */
async function busy(form, fn) {
  const buttons = [...form.querySelectorAll('button')];
  const before = buttons.map((b) => b.disabled);
  buttons.forEach((b) => (b.disabled = true));
  form.setAttribute('aria-busy', 'true');
  try {
    return await fn();
  } finally {
    buttons.forEach((b, i) => (b.disabled = before[i]));
    form.removeAttribute('aria-busy');
  }
}

// --- session ----------------------------------------------------------------------------------

const state = {
  me: null,
  partners: [],
  loaded: { kb: false, plan: false },
};

function showView(name) {
  $('boot').hidden = true;
  $('signin-view').hidden = name !== 'signin';
  $('notagent-view').hidden = name !== 'notagent';
  $('app-view').hidden = name !== 'app';
  $('user-box').hidden = name === 'signin';
}

function showSignIn(reason) {
  showView('signin');
  const r = $('signin-reason');
  r.hidden = !reason;
  r.textContent = reason ?? '';
  $('signin-password').value = '';
  const email = $('signin-email');
  (email.value ? $('signin-password') : email).focus();
}

function onSessionLost() {
  if (!state.me) return;
  showSignIn(t('sessionExpired'));
}

async function onSignedIn(me) {
  const previous = state.me;
  if (previous && previous.account.id !== me.account.id) {
    // someone else signed in: start over with nothing of the previous account on screen
    location.reload();
    return;
  }
  state.me = me;
  $('user-name').textContent = me.account.name;
  if (me.account.kind !== 'agent') {
    showView('notagent');
    return;
  }
  showView('app');
  if (previous) return; // the same agent again after an expired session: the views are still there
  await Promise.all([loadPartners(), loadTickets()]);
  route();
  // the focus goes to the view the address shows (a ticket's page takes it itself)
  if (document.activeElement === document.body || !document.activeElement) {
    const view = /^#\/(kb|plan)/.exec(location.hash)?.[1];
    if (view) $(`tab-${view}`).focus();
    else if ($('ticket-detail-view').hidden) $('tickets-title').focus();
  }
}

async function boot() {
  applyI18n();
  updateLangButton();
  wire();
  let signedOut = false;
  try {
    signedOut = sessionStorage.getItem('agent-signed-out') === '1';
    sessionStorage.removeItem('agent-signed-out');
  } catch {
    // no storage: no message
  }
  try {
    const me = await api('GET', '/api/me', undefined, { expect401: true });
    await onSignedIn(me);
  } catch (e) {
    if (e.code === 'password_change_required') showSignIn(t('mustChange'));
    else if (e.status === 401) showSignIn(signedOut ? t('signedOut') : undefined);
    else {
      showSignIn();
      showError($('signin-error'), e);
    }
  }
}

async function onSignInSubmit(ev) {
  ev.preventDefault();
  const form = $('signin-form');
  const box = $('signin-error');
  clearError(box, form);
  const email = $('signin-email').value.trim();
  const password = $('signin-password').value;
  if (!email) return localError(box, t('enterEmail'), form, 'email');
  if (!password) return localError(box, t('enterPassword'), form, 'password');
  await busy(form, async () => {
    try {
      const res = await api('POST', '/api/auth/sign-in', { email, password }, { expect401: true });
      $('signin-password').value = '';
      if (res.mustChangePassword) {
        showSignIn(t('mustChange'));
        return;
      }
      $('signin-reason').hidden = true;
      const me = await api('GET', '/api/me');
      await onSignedIn(me);
    } catch (e) {
      if (e.code === 'password_change_required') showSignIn(t('mustChange'));
      else if (e.code === 'unauthenticated') localError(box, t('signInFailed'), form, 'password');
      else showError(box, e, form);
    }
  });
}

async function onSignOut() {
  try {
    await api('POST', '/api/auth/sign-out', undefined, { expect401: true });
  } catch {
    // the session is gone either way
  }
  try {
    sessionStorage.setItem('agent-signed-out', '1');
  } catch {
    // no storage: no message
  }
  location.reload();
}

function updateLangButton() {
  const b = $('lang-toggle');
  b.textContent = t('langToggle');
  b.setAttribute('lang', lang === 'de' ? 'en' : 'de');
  b.title = t('langToggleTitle');
  document.documentElement.lang = lang;
  document.title = t('pageTitle');
}

async function toggleLang() {
  lang = lang === 'de' ? 'en' : 'de';
  try {
    localStorage.setItem(LANG_KEY, lang);
  } catch {
    // the choice lasts for this page only
  }
  applyI18n();
  updateLangButton();
  // confirmations were said in the other language; they are old news now
  for (const el of document.querySelectorAll('.status-msg')) el.textContent = '';
  if (!state.me || state.me.account.kind !== 'agent') return;
  // data views carry formatted dates and names in the language: draw them again
  renderTicketFilters();
  if (tickets.list) renderTicketList(false);
  if (tickets.current) await loadTicketDetail(tickets.current.id, false);
  void loadTickets(false);
  if (state.loaded.kb) {
    renderSectionOptions();
    renderSections();
    renderArticles();
    updateArticleHeading();
  }
  if (state.loaded.plan) {
    renderBoards();
    if (plan.board) {
      renderBoard();
      updateActivityForm();
    }
  }
}

// --- tabs -------------------------------------------------------------------------------------

const tabNames = ['tickets', 'kb', 'plan'];

function selectTab(name, focus = true) {
  for (const n of tabNames) {
    const tab = $(`tab-${n}`);
    const on = n === name;
    tab.setAttribute('aria-selected', String(on));
    tab.tabIndex = on ? 0 : -1;
    $(`panel-${n}`).hidden = !on;
  }
  if (focus) $(`tab-${name}`).focus();
  if (name === 'kb' && !state.loaded.kb) {
    state.loaded.kb = true;
    void loadKb();
  }
  if (name === 'plan' && !state.loaded.plan) {
    state.loaded.plan = true;
    void loadBoards();
  }
}

/** The user chose a tab: its address replaces the current one (tabs are no steps to go back through). */
function chooseTab(name, focus) {
  selectTab(name, focus);
  const open = name === 'tickets' && tickets.current && !$('ticket-detail-view').hidden;
  history.replaceState(history.state, '', open ? ticketHash(tickets.current.id) : `#/${name}`);
}

function onTabKey(ev) {
  const current = tabNames.findIndex((n) => $(`tab-${n}`).getAttribute('aria-selected') === 'true');
  let next = -1;
  if (ev.key === 'ArrowRight') next = (current + 1) % tabNames.length;
  else if (ev.key === 'ArrowLeft') next = (current - 1 + tabNames.length) % tabNames.length;
  else if (ev.key === 'Home') next = 0;
  else if (ev.key === 'End') next = tabNames.length - 1;
  if (next < 0) return;
  ev.preventDefault();
  chooseTab(tabNames[next], true);
}

// --- 1. tickets -------------------------------------------------------------------------------

const releasedStatuses = ['new', 'in_progress', 'waiting_for_customer', 'resolved', 'closed'];
/** What an agent may set from each status (the server decides; this only offers the choices). */
const transitions = {
  new: ['in_progress', 'waiting_for_customer', 'resolved', 'closed'],
  in_progress: ['waiting_for_customer', 'resolved', 'closed'],
  waiting_for_customer: ['in_progress', 'resolved', 'closed'],
  resolved: ['in_progress', 'closed'],
  closed: ['in_progress'],
};

const tickets = {
  query: { q: '', status: '', partner: '', page: 1, pageSize: 25, sort: 'updatedAt', dir: '' },
  list: null,
  current: null,
  /** unsent replies per ticket, so switching tickets loses nothing */
  drafts: new Map(),
  seq: 0,
  controller: null,
};

function renderTicketFilters() {
  const status = $('tf-status');
  const value = status.value;
  status.replaceChildren(
    h('option', { value: '', i18n: 'allStatuses' }),
    h('option', { value: 'new,in_progress,waiting_for_customer', i18n: 'openStatuses' }),
    ...releasedStatuses.map((s) => h('option', { value: s, i18n: `status.${s}` })),
  );
  status.value = value;
}

async function loadPartners() {
  try {
    const res = await api('GET', '/api/agent/partners');
    state.partners = res.items;
  } catch (e) {
    showError($('ticket-list-error'), e);
    return;
  }
  const select = $('tf-partner');
  const value = select.value;
  select.replaceChildren(h('option', { value: '', i18n: 'allPartners' }), ...state.partners.map((p) => h('option', { value: p.id }, p.name)));
  select.value = value;
  renderShareBoxes();
}

async function loadTickets(showBusy = true) {
  const q = tickets.query;
  const params = new URLSearchParams();
  if (q.q.trim()) params.set('q', q.q.trim());
  if (q.status) params.set('status', q.status);
  if (q.partner) params.set('partner', q.partner);
  params.set('page', String(q.page));
  params.set('pageSize', String(q.pageSize));
  params.set('sort', q.sort);
  if (q.dir) params.set('dir', q.dir);
  tickets.controller?.abort();
  const controller = new AbortController();
  tickets.controller = controller;
  const seq = ++tickets.seq;
  if (showBusy) $('ticket-table').setAttribute('aria-busy', 'true');
  try {
    const res = await api('GET', `/api/agent/tickets?${params}`, undefined, { signal: controller.signal });
    if (seq !== tickets.seq) return;
    tickets.list = res;
    clearError($('ticket-list-error'));
    renderTicketList(false);
  } catch (e) {
    if (e.name === 'AbortError' || seq !== tickets.seq) return;
    showError($('ticket-list-error'), e);
  } finally {
    if (seq === tickets.seq) $('ticket-table').removeAttribute('aria-busy');
  }
}

const ticketColumns = [
  { key: 'number', label: 'colNumber' },
  { key: 'subject', label: 'colSubject' },
  { key: 'partner', label: 'colPartner' },
  { key: 'status', label: 'colStatus' },
  { key: 'priority', label: 'colPriority' },
  { key: 'updatedAt', label: 'colUpdated' },
];

function renderTicketList(focusSort) {
  const res = tickets.list;
  const wrap = $('ticket-table');
  const pages = Math.max(1, Math.ceil(res.total / res.pageSize));
  $('ticket-count').textContent = res.total === 1 ? t('ticketCountOne') : t('ticketCount', { n: fmtNumber(res.total, 0) });
  $('page-info').textContent = t('pageInfo', { page: res.page, pages });
  $('page-prev').disabled = res.page <= 1;
  $('page-next').disabled = res.page >= pages;
  if (res.items.length === 0) {
    wrap.replaceChildren(h('p', { class: 'empty' }, t('noTickets')));
    return;
  }
  const sort = res.sort ?? tickets.query.sort;
  const dir = res.dir ?? tickets.query.dir;
  const head = h(
    'tr',
    {},
    ticketColumns.map((c) =>
      h(
        'th',
        { scope: 'col', 'aria-sort': c.key === sort ? (dir === 'asc' ? 'ascending' : 'descending') : undefined },
        h('button', { type: 'button', class: 'sort', 'data-sort': c.key, onclick: () => onSort(c.key) }, t(c.label)),
      ),
    ),
  );
  const rows = res.items.map((item) =>
    h(
      'tr',
      { class: tickets.current?.id === item.id ? 'selected' : undefined },
      h('td', { class: 'num', 'data-label': t('colNumber') }, `#${item.number}`),
      h(
        'td',
        { 'data-label': t('colSubject') },
        h('a', { href: ticketHash(item.id), class: 'link', 'data-ticket': item.id }, item.subject),
      ),
      h('td', { 'data-label': t('colPartner') }, item.businessPartner.name),
      h('td', { 'data-label': t('colStatus') }, badge(statusLabel(item.status), `status-${item.status}`)),
      h('td', { 'data-label': t('colPriority') }, badge(prioLabel(item.priority), `prio-${item.priority}`)),
      h('td', { class: 'num', 'data-label': t('colUpdated') }, timeEl(item.updatedAt)),
    ),
  );
  wrap.replaceChildren(h('table', { class: 'responsive' }, h('caption', { class: 'visually-hidden' }, t('ticketsTitle')), h('thead', {}, head), h('tbody', {}, rows)));
  if (focusSort) wrap.querySelector(`button[data-sort="${focusSort}"]`)?.focus();
}

async function onSort(key) {
  const q = tickets.query;
  const currentDir = tickets.list?.dir ?? q.dir;
  if ((tickets.list?.sort ?? q.sort) === key) q.dir = currentDir === 'asc' ? 'desc' : 'asc';
  else q.dir = '';
  q.sort = key;
  q.page = 1;
  await loadTickets();
  if (tickets.list) renderTicketList(key);
}

function readTicketFilter() {
  const q = tickets.query;
  q.q = $('tf-q').value;
  q.status = $('tf-status').value;
  q.partner = $('tf-partner').value;
  q.page = 1;
}

let searchTimer = 0;

function onTicketSearchInput() {
  clearTimeout(searchTimer);
  searchTimer = window.setTimeout(() => {
    readTicketFilter();
    void loadTickets();
  }, 350);
}

async function openTicket(id) {
  $('ticket-list-view').hidden = true;
  $('ticket-detail-view').hidden = false;
  for (const f of ['reply', 'status', 'upload']) {
    clearError($(`${f}-error`), $(`${f}-form`));
    setStatus(`${f}-status`, '');
  }
  clearError($('td-error'));
  await loadTicketDetail(id, true);
}

async function loadTicketDetail(id, focus) {
  try {
    const d = await api('GET', `/api/agent/tickets/${encodeURIComponent(id)}`);
    const switching = tickets.current?.id !== d.id;
    if (switching && tickets.current) tickets.drafts.set(tickets.current.id, $('reply-body').value);
    tickets.current = d;
    renderTicketDetail(d);
    if (switching) {
      $('reply-body').value = tickets.drafts.get(d.id) ?? '';
      $('reply-internal').checked = false;
      $('status-reason').value = '';
      $('upload-files').value = '';
      $('upload-internal').checked = false;
    }
    if (focus) $('td-title').focus();
  } catch (e) {
    showError($('td-error'), e);
  }
}

function renderTicketDetail(d) {
  $('td-title').textContent = `#${d.number} ${d.subject}`;
  const rows = [
    ['metaStatus', badge(statusLabel(d.status), `status-${d.status}`)],
    ['metaPriority', [badge(prioLabel(d.priority), `prio-${d.priority}`), ' ', h('span', { class: 'muted small' }, t('metaUrgencyImpact', { u: prioLabel(d.urgency), i: prioLabel(d.impact) }))]],
    ['metaPartner', d.businessPartner.name],
    ['metaAuthor', d.author.name],
    ['metaType', `${d.type.name} / ${d.area.name}`],
    d.referenceNo ? ['metaReference', d.referenceNo] : null,
    d.tags.length ? ['metaTags', h('ul', { class: 'tags' }, d.tags.map((tag) => h('li', {}, badge(tag))))] : null,
    d.private ? ['metaPrivate', t('privateYes')] : null,
    ['metaCreated', timeEl(d.createdAt)],
    ['metaUpdated', timeEl(d.updatedAt)],
    d.releasedAt ? ['metaReleased', timeEl(d.releasedAt)] : null,
    d.closedAt ? ['metaClosed', timeEl(d.closedAt)] : null,
    d.closedReason ? ['metaClosedReason', h('span', { class: 'richtext-plain' }, d.closedReason)] : null,
  ].filter(Boolean);
  $('td-meta').replaceChildren(h('dl', { class: 'meta' }, rows.map(([label, value]) => [h('dt', {}, t(label)), h('dd', {}, value)])));

  const description = plainFromHtml(d.descriptionHtml);
  const desc = $('td-description');
  desc.textContent = description || t('noDescription');
  desc.classList.toggle('muted', !description);

  $('td-history').replaceChildren(...(d.positions.length ? d.positions.map(renderEntry) : [h('li', { class: 'empty' }, t('noHistory'))]));

  const files = d.attachments;
  $('td-attachments').replaceChildren(...(files.length ? files.map(renderFile) : [h('li', { class: 'empty' }, t('noAttachments'))]));

  const select = $('status-select');
  const previous = select.value;
  const options = transitions[d.status] ?? [];
  select.replaceChildren(...options.map((s) => h('option', { value: s, i18n: `status.${s}` })));
  if (options.includes(previous)) select.value = previous;
  select.disabled = options.length === 0;
  $('status-form').querySelector('button[type="submit"]').disabled = options.length === 0;
  if (options.length === 0) setStatus('status-status', t('noTransitions'));
  updateReasonRequired();

  // the list behind shows the ticket's new state when we go back
  const listed = tickets.list?.items.find((i) => i.id === d.id);
  if (listed) Object.assign(listed, { status: d.status, updatedAt: d.updatedAt, priority: d.priority });
}

function attachmentHref(a) {
  return `/api/attachments/${encodeURIComponent(a.id)}`;
}

function renderFile(a) {
  return h(
    'li',
    {},
    h('a', { href: attachmentHref(a), download: '' }, a.fileName),
    a.internal ? [' ', badge(t('internalFile'), 'internal')] : null,
    h('br'),
    h('span', { class: 'muted small' }, t('uploadedBy', { size: fmtSize(a.size), name: a.uploadedBy?.name ?? '', date: fmtDateTime(a.createdAt) })),
  );
}

function describeEvent(p) {
  const data = p.data && typeof p.data === 'object' ? p.data : {};
  const from = data.from ? statusLabel(String(data.from)) : '';
  const to = data.to ? statusLabel(String(data.to)) : '';
  const lines = [];
  switch (p.event) {
    case 'created':
    case 'submitted_for_release':
    case 'rejected':
      lines.push(t(`ev.${p.event}`));
      break;
    case 'released':
      lines.push(data.onCreation ? t('ev.releasedOnCreation') : t('ev.released'));
      break;
    case 'resubmitted':
      lines.push(t('ev.resubmitted'));
      break;
    case 'status_changed':
      lines.push(t('ev.status_changed', { from, to }));
      break;
    case 'closed':
      lines.push(t('ev.closed', { from, to: statusLabel('closed') }));
      break;
    case 'reopened':
      lines.push(t('ev.reopened', { from, to: to || statusLabel('in_progress') }));
      break;
    case 'attachments_added':
      lines.push(t('ev.attachments_added', { files: Array.isArray(data.files) ? data.files.map(String).join(', ') : '' }));
      break;
    case 'revised': {
      // the author changed the ticket after a rejected release (before it reached the service desk)
      const fields = Array.isArray(data.fields) ? data.fields.map((f) => (dict[lang][`field.${f}`] ? t(`field.${f}`) : String(f))) : [];
      lines.push(t('ev.revised', { fields: fields.join(', ') }));
      break;
    }
    default:
      lines.push(t('ev.unknown', { event: String(p.event ?? '') }));
  }
  if (data.reason) lines.push(t('reasonLabel', { reason: String(data.reason) }));
  if (data.comment) lines.push(t('commentLabel', { comment: String(data.comment) }));
  return lines;
}

function renderEntry(p) {
  const kindLabel = p.kind === 'agent' ? t('kindAgent') : p.kind === 'customer' ? t('kindCustomer') : t('kindSystem');
  const authorKind = p.author ? (p.author.kind === 'agent' ? t('kindAgent') : t('kindCustomer')) : '';
  const who = p.author ? (p.kind === 'system' ? t('byWhom', { name: p.author.name, kind: authorKind }) : p.author.name) : '';
  const head = h(
    'div',
    { class: 'entry-head' },
    badge(p.kind === 'system' ? t('kindSystem') : kindLabel.charAt(0).toUpperCase() + kindLabel.slice(1), `kind-${p.kind}`),
    p.internal ? badge(t('internalBadge'), 'internal') : null,
    who ? h('span', { class: 'who' }, who) : null,
    h('span', { class: 'muted' }, timeEl(p.createdAt)),
  );
  const body =
    p.kind === 'system'
      ? h('div', { class: 'entry-body' }, describeEvent(p).map((line, i) => (i === 0 ? h('div', {}, line) : h('div', { class: 'richtext-plain small' }, line))))
      : h('div', { class: 'entry-body richtext-plain' }, plainFromHtml(p.bodyHtml));
  const files = p.attachments?.length ? h('ul', { class: 'files' }, p.attachments.map(renderFile)) : null;
  return h('li', { class: `kind-${p.kind}${p.internal ? ' internal' : ''}`, 'data-position': p.id }, head, body, files);
}

function updateReasonRequired() {
  const closing = $('status-select').value === 'closed';
  const reason = $('status-reason');
  reason.required = closing;
  reason.setAttribute('aria-required', String(closing));
}

async function onReplySubmit(ev) {
  ev.preventDefault();
  const form = $('reply-form');
  const box = $('reply-error');
  clearError(box, form);
  setStatus('reply-status', '');
  const d = tickets.current;
  if (!d) return;
  const text = $('reply-body').value;
  const internal = $('reply-internal').checked;
  if (!text.trim()) return localError(box, t('writeSomething'), form, 'body');
  await busy(form, async () => {
    try {
      await api('POST', `/api/agent/tickets/${encodeURIComponent(d.id)}/positions`, { body: textToHtml(text), internal });
      $('reply-body').value = '';
      $('reply-internal').checked = false;
      tickets.drafts.delete(d.id);
      await loadTicketDetail(d.id, false);
      setStatus('reply-status', internal ? t('noteSaved') : t('replySent'));
    } catch (e) {
      showError(box, e, form);
    }
  });
}

async function onStatusSubmit(ev) {
  ev.preventDefault();
  const form = $('status-form');
  const box = $('status-error');
  clearError(box, form);
  setStatus('status-status', '');
  const d = tickets.current;
  if (!d) return;
  const status = $('status-select').value;
  const reason = $('status-reason').value.trim();
  if (!status) return;
  if (status === 'closed' && reason.length < 3) return localError(box, t('reasonRequired'), form, 'reason');
  await busy(form, async () => {
    try {
      await api('POST', `/api/agent/tickets/${encodeURIComponent(d.id)}/status`, reason ? { status, reason } : { status });
      $('status-reason').value = '';
      await loadTicketDetail(d.id, false);
      setStatus('status-status', t('statusChanged', { status: statusLabel(status) }));
    } catch (e) {
      showError(box, e, form);
      if (e.code === 'conflict') await loadTicketDetail(d.id, false);
    }
  });
}

async function onUploadSubmit(ev) {
  ev.preventDefault();
  const form = $('upload-form');
  const box = $('upload-error');
  clearError(box, form);
  setStatus('upload-status', '');
  const d = tickets.current;
  if (!d) return;
  const input = $('upload-files');
  const files = [...(input.files ?? [])];
  if (files.length === 0) return localError(box, t('chooseFiles'), form, 'file');
  const body = new FormData();
  for (const f of files) body.append('file', f, f.name);
  const internal = $('upload-internal').checked;
  await busy(form, async () => {
    let items = [];
    try {
      const res = await api('POST', `/api/agent/tickets/${encodeURIComponent(d.id)}/attachments${internal ? '?internal=1' : ''}`, body);
      items = res.items ?? [];
    } catch (e) {
      // 422 with per-file results when no file was taken; otherwise the error envelope
      if (e.body && Array.isArray(e.body.items)) items = e.body.items;
      else return showError(box, e, form);
    }
    const ok = items.filter((i) => i.ok);
    const failed = items.filter((i) => !i.ok);
    if (failed.length) {
      box.replaceChildren(
        h('p', {}, h('strong', {}, t('uploadFailed'))),
        h('ul', {}, failed.map((i) => h('li', {}, `${i.fileName}: ${i.error?.message ?? ''}`))),
      );
      box.hidden = false;
    }
    if (ok.length) {
      input.value = '';
      await loadTicketDetail(d.id, false);
      setStatus('upload-status', t('uploaded', { n: ok.length }));
    }
  });
}

async function backToList() {
  const id = tickets.current?.id;
  if (tickets.current) tickets.drafts.set(tickets.current.id, $('reply-body').value);
  $('ticket-detail-view').hidden = true;
  $('ticket-list-view').hidden = false;
  tickets.current = null;
  if (tickets.list) renderTicketList(false);
  const target = id ? $('ticket-table').querySelector(`[data-ticket="${CSS.escape(id)}"]`) : null;
  (target ?? $('tickets-title')).focus();
  await loadTickets(false);
  if (id) $('ticket-table').querySelector(`[data-ticket="${CSS.escape(id)}"]`)?.focus();
}

// --- addresses: #/tickets/<id>, #/tickets, #/kb, #/plan ---------------------------------------

const ticketHash = (id) => `#/tickets/${encodeURIComponent(id)}`;
/** the list was on screen when the open ticket was chosen: its Back goes back in the history */
let openedFromList = false;

/** Shows what the address names (a link, the browser's Back and Forward, a reload). */
function route() {
  if (!state.me || state.me.account.kind !== 'agent') return;
  const [, view = 'tickets', id] = /^#\/(tickets|kb|plan)(?:\/([^/]+))?$/.exec(location.hash) ?? [];
  if (view !== 'tickets') {
    selectTab(view, false);
    return;
  }
  selectTab('tickets', false);
  if (!location.hash) history.replaceState(history.state, '', '#/tickets');
  if (id) {
    const ticketId = decodeURIComponent(id);
    openedFromList = !$('ticket-list-view').hidden;
    if (tickets.current?.id !== ticketId || $('ticket-detail-view').hidden) void openTicket(ticketId);
  } else if (!$('ticket-detail-view').hidden) {
    void backToList();
  }
}

/** The open ticket's Back (button or Escape): to the list, as the browser's Back would. */
function leaveTicket() {
  if (openedFromList) history.back();
  else location.hash = '#/tickets';
}

// --- 2. knowledge base ------------------------------------------------------------------------

const kb = {
  sections: [],
  articles: [],
  /** the article in the editor (null: a new one) */
  editing: null,
  /** the section the section form renames (null: it creates one) */
  renaming: null,
};

const sectionName = (s) => (lang === 'de' ? s.nameDe : s.nameEn);

async function loadKb() {
  await Promise.all([loadSections(), loadArticles()]);
}

async function loadSections() {
  try {
    const res = await api('GET', '/api/agent/kb/sections');
    kb.sections = res.items;
    clearError($('kb-sections-error'));
  } catch (e) {
    showError($('kb-sections-error'), e);
    return;
  }
  renderSections();
  renderSectionOptions();
  renderArticles();
}

async function loadArticles() {
  try {
    const res = await api('GET', '/api/agent/kb/articles');
    kb.articles = res.items;
    clearError($('kb-articles-error'));
  } catch (e) {
    showError($('kb-articles-error'), e);
    return;
  }
  renderArticles();
}

function renderSections() {
  const list = $('kb-sections');
  if (kb.sections.length === 0) {
    list.replaceChildren(h('li', { class: 'empty' }, t('noSections')));
    return;
  }
  list.replaceChildren(
    ...kb.sections.map((s) => {
      const name = sectionName(s);
      const other = lang === 'de' ? s.nameEn : s.nameDe;
      return h(
        'li',
        { 'data-section': s.id },
        h('div', {}, h('div', { class: 'name' }, name), h('div', { class: 'muted small', lang: lang === 'de' ? 'en' : 'de' }, other), h('div', { class: 'muted small' }, t('articleCount', { n: s.articleCount }))),
        h(
          'div',
          { class: 'actions' },
          h('button', { type: 'button', 'aria-label': t('renameNamed', { name }), onclick: () => startRename(s) }, t('rename')),
          h('button', { type: 'button', class: 'danger', 'aria-label': t('deleteNamed', { name }), onclick: () => deleteSection(s) }, t('delete')),
        ),
      );
    }),
  );
}

function renderSectionOptions() {
  const filter = $('kb-filter-section');
  const fv = filter.value;
  filter.replaceChildren(h('option', { value: '', i18n: 'allSections' }), ...kb.sections.map((s) => h('option', { value: s.id }, sectionName(s))));
  filter.value = kb.sections.some((s) => s.id === fv) ? fv : '';
  const select = $('article-section');
  const sv = select.value;
  select.replaceChildren(...kb.sections.map((s) => h('option', { value: s.id }, sectionName(s))));
  if (kb.sections.some((s) => s.id === sv)) select.value = sv;
}

function startRename(s) {
  kb.renaming = s;
  $('section-de').value = s.nameDe;
  $('section-en').value = s.nameEn;
  updateSectionForm();
  $('section-de').focus();
}

function cancelRename() {
  kb.renaming = null;
  $('section-form').reset();
  clearError($('section-error'), $('section-form'));
  updateSectionForm();
}

function updateSectionForm() {
  const title = $('section-form-title');
  title.dataset.i18n = kb.renaming ? 'renameSection' : 'newSection';
  title.textContent = t(title.dataset.i18n);
  const submit = $('section-submit');
  submit.dataset.i18n = kb.renaming ? 'save' : 'create';
  submit.textContent = t(submit.dataset.i18n);
  $('section-cancel').hidden = !kb.renaming;
}

async function onSectionSubmit(ev) {
  ev.preventDefault();
  const form = $('section-form');
  const box = $('section-error');
  clearError(box, form);
  setStatus('section-status', '');
  const nameDe = $('section-de').value.trim();
  const nameEn = $('section-en').value.trim();
  if (!nameDe) return localError(box, t('namesRequired'), form, 'nameDe');
  if (!nameEn) return localError(box, t('namesRequired'), form, 'nameEn');
  await busy(form, async () => {
    try {
      if (kb.renaming) {
        await api('PATCH', `/api/agent/kb/sections/${encodeURIComponent(kb.renaming.id)}`, { nameDe, nameEn });
        setStatus('section-status', t('sectionRenamed'));
      } else {
        await api('POST', '/api/agent/kb/sections', { nameDe, nameEn });
        setStatus('section-status', t('sectionCreated'));
      }
      kb.renaming = null;
      form.reset();
      updateSectionForm();
      await loadSections();
    } catch (e) {
      showError(box, e, form);
    }
  });
}

async function deleteSection(s) {
  const box = $('kb-sections-error');
  clearError(box);
  if (!confirm(t('confirmDeleteSection', { name: sectionName(s) }))) return;
  try {
    await api('DELETE', `/api/agent/kb/sections/${encodeURIComponent(s.id)}`);
    if (kb.renaming?.id === s.id) cancelRename();
    setStatus('section-status', t('sectionDeleted'));
    await loadSections();
    $('section-de').focus();
  } catch (e) {
    showError(box, e);
  }
}

function renderArticles() {
  const wrap = $('kb-articles');
  const sectionFilter = $('kb-filter-section').value;
  const q = $('kb-filter-q').value.trim().toLocaleLowerCase();
  const shown = kb.articles.filter((a) => (!sectionFilter || a.sectionId === sectionFilter) && (!q || a.title.toLocaleLowerCase().includes(q)));
  $('kb-count').textContent = t('articleCountShown', { n: shown.length, total: kb.articles.length });
  if (shown.length === 0) {
    wrap.replaceChildren(h('p', { class: 'empty' }, t('noArticles')));
    return;
  }
  const sections = new Map(kb.sections.map((s) => [s.id, sectionName(s)]));
  const partners = new Map(state.partners.map((p) => [p.id, p.name]));
  wrap.replaceChildren(
    h(
      'table',
      { class: 'responsive' },
      h('caption', { class: 'visually-hidden' }, t('articles')),
      h('thead', {}, h('tr', {}, ['colTitle', 'colSection', 'colLanguage', 'colShared', 'colUpdated'].map((k) => h('th', { scope: 'col' }, t(k))))),
      h(
        'tbody',
        {},
        shown.map((a) =>
          h(
            'tr',
            { class: kb.editing?.id === a.id ? 'selected' : undefined },
            h('td', { 'data-label': t('colTitle') }, h('button', { type: 'button', class: 'link', 'data-article': a.id, onclick: () => openArticle(a.id) }, a.title)),
            h('td', { 'data-label': t('colSection') }, sections.get(a.sectionId) ?? ''),
            h('td', { 'data-label': t('colLanguage') }, a.language === 'de' ? t('langDe') : t('langEn')),
            h('td', { 'data-label': t('colShared') }, a.businessPartnerIds.length ? a.businessPartnerIds.map((id) => partners.get(id) ?? id).join(', ') : h('span', { class: 'muted' }, t('notShared'))),
            h('td', { class: 'num', 'data-label': t('colUpdated') }, timeEl(a.updatedAt)),
          ),
        ),
      ),
    ),
  );
}

function renderShareBoxes() {
  const box = $('article-shares');
  const checked = new Set([...box.querySelectorAll('input:checked')].map((i) => i.value));
  box.replaceChildren(
    ...state.partners.map((p) =>
      h('label', { class: 'check' }, h('input', { type: 'checkbox', name: 'businessPartnerIds', value: p.id, checked: checked.has(p.id) }), h('span', {}, p.name)),
    ),
  );
}

function setShares(ids) {
  const set = new Set(ids);
  for (const input of $('article-shares').querySelectorAll('input')) input.checked = set.has(input.value);
}

const chosenShares = () => [...$('article-shares').querySelectorAll('input:checked')].map((i) => i.value);

function updateArticleHeading() {
  const title = $('article-form-title');
  title.dataset.i18n = kb.editing ? 'editArticle' : 'newArticle';
  title.textContent = t(title.dataset.i18n);
  $('article-delete').hidden = !kb.editing;
}

function fillArticle(a) {
  kb.editing = a;
  renderSectionOptions();
  $('article-section').value = a.section.id;
  $('article-language').value = a.language;
  $('article-title').value = a.title;
  $('article-body').value = a.bodyHtml;
  setShares(a.businessPartnerIds ?? []);
  updateArticleHeading();
}

function resetArticleMessages() {
  clearError($('article-error'), $('article-form'));
  $('article-conflict').hidden = true;
  setStatus('article-status', '');
}

function newArticle() {
  kb.editing = null;
  resetArticleMessages();
  $('article-form').reset();
  renderSectionOptions();
  const filter = $('kb-filter-section').value;
  if (filter) $('article-section').value = filter;
  $('article-language').value = lang;
  setShares([]);
  updateArticleHeading();
  renderArticles();
  $('article-editor').hidden = false;
  $('article-form-title').focus();
}

async function openArticle(id) {
  resetArticleMessages();
  try {
    const a = await api('GET', `/api/agent/kb/articles/${encodeURIComponent(id)}`);
    fillArticle(a);
    renderArticles();
    $('article-editor').hidden = false;
    $('article-form-title').focus();
  } catch (e) {
    showError($('kb-articles-error'), e);
  }
}

function closeArticle() {
  const id = kb.editing?.id;
  kb.editing = null;
  $('article-editor').hidden = true;
  renderArticles();
  const target = id ? $('kb-articles').querySelector(`button[data-article="${CSS.escape(id)}"]`) : null;
  (target ?? $('kb-new')).focus();
}

async function onArticleSubmit(ev) {
  ev.preventDefault();
  const form = $('article-form');
  const box = $('article-error');
  clearError(box, form);
  setStatus('article-status', '');
  const values = {
    sectionId: $('article-section').value,
    language: $('article-language').value,
    title: $('article-title').value.trim(),
    bodyHtml: $('article-body').value,
  };
  const shares = chosenShares();
  if (!values.sectionId) return localError(box, t('chooseSection'), form, 'sectionId');
  if (!values.title) return localError(box, t('titleRequired'), form, 'title');
  await busy(form, async () => {
    try {
      if (!kb.editing) {
        const created = await api('POST', '/api/agent/kb/articles', { ...values, businessPartnerIds: shares });
        fillArticle(created);
        setStatus('article-status', t('articleCreated'));
      } else {
        const before = kb.editing;
        let saved = await api('PATCH', `/api/agent/kb/articles/${encodeURIComponent(before.id)}`, { version: before.version, ...values });
        const was = [...(before.businessPartnerIds ?? [])].sort().join(',');
        if ([...shares].sort().join(',') !== was) {
          saved = await api('PUT', `/api/agent/kb/articles/${encodeURIComponent(before.id)}/shares`, { businessPartnerIds: shares });
        }
        fillArticle(saved);
        $('article-conflict').hidden = true;
        setStatus('article-status', t('articleSaved'));
      }
      await Promise.all([loadArticles(), loadSections()]);
    } catch (e) {
      if (e.code === 'conflict' && kb.editing) {
        // keep what the agent wrote, show the version someone else saved
        $('article-mine').value = `${values.title}\n\n${values.bodyHtml}`;
        try {
          const current = await api('GET', `/api/agent/kb/articles/${encodeURIComponent(kb.editing.id)}`);
          fillArticle(current);
        } catch (e2) {
          showError(box, e2, form);
        }
        $('article-conflict').hidden = false;
        await loadArticles();
      } else {
        showError(box, e, form);
      }
    }
  });
}

async function deleteArticle() {
  const a = kb.editing;
  if (!a) return;
  if (!confirm(t('confirmDeleteArticle', { name: a.title }))) return;
  const box = $('article-error');
  clearError(box);
  try {
    await api('DELETE', `/api/agent/kb/articles/${encodeURIComponent(a.id)}`);
    kb.editing = null;
    $('article-editor').hidden = true;
    await Promise.all([loadArticles(), loadSections()]);
    $('kb-count').textContent = `${t('articleDeleted')} ${$('kb-count').textContent}`;
    $('kb-new').focus();
  } catch (e) {
    showError(box, e);
  }
}

// --- 3. plan boards ---------------------------------------------------------------------------

const plan = {
  boards: [],
  board: null,
  /** the activity in the form (null: a new one) */
  editing: null,
  /** the ticket field as it was filled in, to tell whether the agent changed it */
  ticketFieldWas: '',
};

const priorities = ['low', 'medium', 'high', 'critical'];

async function loadBoards() {
  try {
    const res = await api('GET', '/api/agent/plan/boards');
    plan.boards = res.items;
    clearError($('boards-error'));
  } catch (e) {
    showError($('boards-error'), e);
    return;
  }
  renderBoards();
}

function renderBoards() {
  const list = $('boards-list');
  if (plan.boards.length === 0) {
    list.replaceChildren(h('li', { class: 'empty' }, t('noBoards')));
    return;
  }
  list.replaceChildren(
    ...plan.boards.map((b) =>
      h(
        'li',
        {},
        h('h3', {}, h('button', { type: 'button', class: 'link', 'data-board': b.id, onclick: () => openBoard(b.id) }, b.title)),
        b.description ? h('p', { class: 'muted small richtext-plain' }, b.description) : null,
        h('p', { class: 'muted small' }, `${t('activityCount', { n: b.activityCount })} · ${t('updatedAt', { date: fmtDateTime(b.updatedAt) })}`),
        h('button', { type: 'button', 'aria-label': t('openNamed', { name: b.title }), onclick: () => openBoard(b.id) }, t('openBoard')),
      ),
    ),
  );
}

async function onBoardSubmit(ev) {
  ev.preventDefault();
  const form = $('board-form');
  const box = $('board-error');
  clearError(box, form);
  const title = $('board-title').value.trim();
  const description = $('board-description').value.trim();
  const columns = $('board-columns').value.split(',').map((s) => s.trim()).filter(Boolean);
  if (!title) return localError(box, t('titleRequired'), form, 'title');
  await busy(form, async () => {
    try {
      const board = await api('POST', '/api/agent/plan/boards', { title, description, ...(columns.length ? { columns } : {}) });
      form.reset();
      await loadBoards();
      showBoard(board);
    } catch (e) {
      showError(box, e, form);
    }
  });
}

async function openBoard(id) {
  clearError($('boards-error'));
  try {
    showBoard(await api('GET', `/api/agent/plan/boards/${encodeURIComponent(id)}`));
  } catch (e) {
    showError($('boards-error'), e);
  }
}

function showBoard(board) {
  plan.board = board;
  $('boards-view').hidden = true;
  $('board-view').hidden = false;
  clearError($('board-error-top'));
  clearError($('column-error'), $('column-form'));
  for (const f of ['activity', 'members']) {
    clearError($(`${f}-error`), $(`${f}-form`));
    setStatus(`${f}-status`, '');
  }
  startNewActivity(false);
  renderBoard();
  renderMembers();
  $('bv-title').focus();
}

async function reloadBoard() {
  if (!plan.board) return;
  try {
    plan.board = await api('GET', `/api/agent/plan/boards/${encodeURIComponent(plan.board.id)}`);
    renderBoard();
  } catch (e) {
    showError($('board-error-top'), e);
  }
}

function renderBoard() {
  const b = plan.board;
  $('bv-title').textContent = b.title;
  $('bv-description').textContent = b.description ?? '';
  $('bv-description').hidden = !b.description;
  const cols = b.columns.map((c) => {
    const acts = b.activities.filter((a) => a.columnId === c.id);
    return h(
      'section',
      { class: 'plan-col', 'aria-label': c.title, 'data-column': c.id },
      h('h3', { class: 'col-title' }, c.title, ' ', h('span', { class: 'muted small' }, `(${acts.length})`)),
      acts.length
        ? h(
            'ul',
            {},
            acts.map((a) =>
              h(
                'li',
                {},
                h(
                  'button',
                  { type: 'button', class: 'card', 'aria-pressed': String(plan.editing?.id === a.id), 'data-activity': a.id, onclick: () => editActivity(a) },
                  h('span', { class: 'title' }, a.title),
                  h(
                    'span',
                    { class: 'meta' },
                    h('span', {}, a.startDate === a.endDate ? fmtDay(a.startDate) : `${fmtDay(a.startDate)} – ${fmtDay(a.endDate)}`),
                    h('span', {}, t('hours', { n: fmtNumber(a.durationHours) })),
                    badge(prioLabel(a.priority), `prio-${a.priority}`),
                    a.ticket ? h('span', {}, `#${a.ticket.number}`) : null,
                  ),
                ),
              ),
            ),
          )
        : h('p', { class: 'empty' }, t('noActivities')),
    );
  });
  $('bv-columns').replaceChildren(...cols);
  const select = $('act-column');
  const value = select.value;
  select.replaceChildren(...b.columns.map((c) => h('option', { value: c.id }, c.title)));
  if (b.columns.some((c) => c.id === value)) select.value = value;
}

function fillPriorityOptions() {
  const select = $('act-priority');
  const value = select.value || 'medium';
  select.replaceChildren(...priorities.map((p) => h('option', { value: p, i18n: `prio.${p}` })));
  select.value = value;
}

function ticketFieldText(a) {
  return a?.ticket ? String(a.ticket.number) : '';
}

function startNewActivity(focus = true) {
  plan.editing = null;
  $('activity-form').reset();
  fillPriorityOptions();
  $('act-priority').value = 'medium';
  $('act-duration').value = '0';
  plan.ticketFieldWas = '';
  $('activity-conflict').hidden = true;
  clearError($('activity-error'), $('activity-form'));
  updateActivityForm();
  if (plan.board) renderBoard();
  if (focus) $('act-title').focus();
}

function fillActivity(a) {
  plan.editing = a;
  $('act-title').value = a.title;
  $('act-description').value = a.description ?? '';
  $('act-start').value = a.startDate;
  $('act-end').value = a.endDate;
  $('act-duration').value = String(a.durationHours);
  $('act-priority').value = a.priority;
  $('act-column').value = a.columnId;
  $('act-ticket').value = ticketFieldText(a);
  plan.ticketFieldWas = ticketFieldText(a);
  updateActivityForm();
}

function editActivity(a) {
  $('activity-conflict').hidden = true;
  clearError($('activity-error'), $('activity-form'));
  setStatus('activity-status', '');
  fillActivity(a);
  renderBoard();
  $('activity-form-title').focus();
}

/** Headings, buttons and the info lines of the activity form for its mode and language. */
function updateActivityForm() {
  const a = plan.editing;
  const title = $('activity-form-title');
  title.dataset.i18n = a ? 'editActivity' : 'newActivity';
  title.textContent = t(title.dataset.i18n);
  const submit = $('act-submit');
  submit.dataset.i18n = a ? 'saveActivity' : 'addActivity';
  submit.textContent = t(submit.dataset.i18n);
  $('act-delete').hidden = !a;
  $('act-new').hidden = !a;
  const info = $('act-ticket-info');
  info.replaceChildren();
  info.hidden = !a?.ticket;
  if (a?.ticket) {
    if (a.ticket.accessible && a.ticket.id) {
      info.append(
        t('linkedTicket', { number: a.ticket.number, subject: a.ticket.subject ?? '' }),
        ' ',
        h('button', { type: 'button', class: 'link', onclick: () => openTicketFromPlan(a.ticket.id) }, t('openTicket')),
      );
    } else {
      info.append(t('linkedTicketHidden', { number: a.ticket.number }));
    }
  }
  const dates = $('act-dates');
  dates.hidden = !a;
  dates.textContent = a ? t('activityDates', { created: fmtDateTime(a.createdAt), updated: fmtDateTime(a.updatedAt), version: a.version }) : '';
}

function openTicketFromPlan(id) {
  location.hash = ticketHash(id);
}

const dayPattern = /^\d{4}-\d{2}-\d{2}$/;

/** The ticket field as an id: empty → null, digits → looked up by number, else taken as an id. */
async function resolveTicketField(text) {
  const v = text.trim();
  if (!v) return null;
  if (/^\d{1,9}$/.test(v)) {
    const res = await api('GET', `/api/agent/tickets?${new URLSearchParams({ q: v, pageSize: '100' })}`);
    const hit = res.items.find((i) => String(i.number) === v);
    if (hit) return hit.id;
    throw new ApiError(422, 'validation_failed', t('ticketNotFound', { n: v }), { issues: [{ path: 'ticketId', message: t('ticketNotFound', { n: v }) }] });
  }
  return v;
}

async function onActivitySubmit(ev) {
  ev.preventDefault();
  const form = $('activity-form');
  const box = $('activity-error');
  clearError(box, form);
  setStatus('activity-status', '');
  // <input type=date> values are already YYYY-MM-DD: sent as they are, never through Date
  const values = {
    title: $('act-title').value.trim(),
    description: $('act-description').value.trim(),
    startDate: $('act-start').value,
    endDate: $('act-end').value,
    durationHours: Number($('act-duration').value === '' ? '0' : $('act-duration').value),
    priority: $('act-priority').value,
    columnId: $('act-column').value,
  };
  if (!values.title) return localError(box, t('titleRequired'), form, 'title');
  if (!dayPattern.test(values.startDate)) return localError(box, t('datesRequired'), form, 'startDate');
  if (!dayPattern.test(values.endDate)) return localError(box, t('datesRequired'), form, 'endDate');
  if (values.endDate < values.startDate) return localError(box, t('endBeforeStart'), form, 'endDate');
  if (!Number.isFinite(values.durationHours) || values.durationHours < 0) return localError(box, t('durationInvalid'), form, 'durationHours');
  const ticketText = $('act-ticket').value;
  await busy(form, async () => {
    try {
      const a = plan.editing;
      if (!a) {
        const ticketId = await resolveTicketField(ticketText);
        const created = await api('POST', `/api/agent/plan/boards/${encodeURIComponent(plan.board.id)}/activities`, { ...values, ...(ticketId ? { ticketId } : {}) });
        await reloadBoard();
        fillActivity(created);
        renderBoard();
        setStatus('activity-status', t('activityCreated'));
        return;
      }
      const patch = {};
      for (const [k, v] of Object.entries(values)) if (v !== (a[k] ?? (k === 'description' ? '' : undefined))) patch[k] = v;
      if (ticketText.trim() !== plan.ticketFieldWas) patch.ticketId = await resolveTicketField(ticketText);
      if (Object.keys(patch).length === 0) {
        setStatus('activity-status', t('noChanges'));
        return;
      }
      try {
        const saved = await api('PATCH', `/api/agent/plan/activities/${encodeURIComponent(a.id)}`, { version: a.version, ...patch });
        $('activity-conflict').hidden = true;
        await reloadBoard();
        fillActivity(saved);
        renderBoard();
        setStatus('activity-status', t('activitySaved'));
      } catch (e) {
        if (e.code !== 'conflict' || !e.details?.current) throw e;
        showActivityConflict(e.details.current, patch);
      }
    } catch (e) {
      showError(box, e, form);
    }
  });
}

/** 409: the current values go into the form; what the agent had changed is listed to redo. */
function showActivityConflict(current, patch) {
  const labels = { title: 'title', description: 'description', startDate: 'startDate', endDate: 'endDate', durationHours: 'durationHours', priority: 'priority', columnId: 'column', ticketId: 'ticketRef' };
  const columns = new Map(plan.board.columns.map((c) => [c.id, c.title]));
  const shown = (k, v) => {
    if (k === 'priority') return prioLabel(v);
    if (k === 'columnId') return columns.get(v) ?? v;
    if (k === 'startDate' || k === 'endDate') return fmtDay(v);
    if (v === null) return '—';
    return String(v);
  };
  const box = $('activity-conflict');
  box.replaceChildren(
    h('p', {}, h('strong', {}, t('activityConflict'))),
    h('p', {}, t('yourChanges')),
    h('ul', {}, Object.entries(patch).map(([k, v]) => h('li', {}, `${t(labels[k] ?? k)}: ${shown(k, v)}`))),
  );
  box.hidden = false;
  fillActivity(current);
  void reloadBoard();
}

async function deleteActivity() {
  const a = plan.editing;
  if (!a) return;
  if (!confirm(t('confirmDeleteActivity', { name: a.title }))) return;
  const box = $('activity-error');
  clearError(box);
  try {
    await api('DELETE', `/api/agent/plan/activities/${encodeURIComponent(a.id)}`);
    startNewActivity(false);
    await reloadBoard();
    setStatus('activity-status', t('activityDeleted'));
    $('act-title').focus();
  } catch (e) {
    showError(box, e);
  }
}

async function onColumnSubmit(ev) {
  ev.preventDefault();
  const form = $('column-form');
  const box = $('column-error');
  clearError(box, form);
  const title = $('column-title').value.trim();
  if (!title) return localError(box, t('titleRequired'), form, 'title');
  await busy(form, async () => {
    try {
      plan.board = await api('POST', `/api/agent/plan/boards/${encodeURIComponent(plan.board.id)}/columns`, { title });
      form.reset();
      renderBoard();
      $('column-title').focus();
    } catch (e) {
      showError(box, e, form);
    }
  });
}

function roleSelect(id, value) {
  const select = h('select', { id, class: 'member-role' }, h('option', { value: 'observer', i18n: 'roleObserver' }), h('option', { value: 'editor', i18n: 'roleEditor' }));
  select.value = value;
  return select;
}

function memberRow(m) {
  const n = memberRow.count = (memberRow.count ?? 0) + 1;
  const emailId = `member-email-${n}`;
  const roleId = `member-role-${n}`;
  const label = m?.name || m?.email || t('newMember');
  const row = h(
    'div',
    { class: 'member-row' },
    h(
      'div',
      { class: 'field' },
      h('label', { for: emailId, i18n: 'memberEmail' }),
      h('input', { id: emailId, type: 'email', class: 'member-email', autocomplete: 'off', value: m?.email ?? '', maxlength: '254' }),
      m?.name ? h('span', { class: 'hint' }, m.name) : null,
    ),
    h(
      'div',
      { class: 'field' },
      h('label', { for: roleId, i18n: 'memberRole' }),
      roleSelect(roleId, m?.role ?? 'observer'),
    ),
    h(
      'button',
      {
        type: 'button',
        class: 'danger',
        'aria-label': t('removeMemberNamed', { name: label }),
        onclick: () => {
          const next = row.nextElementSibling ?? row.previousElementSibling;
          row.remove();
          (next?.querySelector('input') ?? $('member-add')).focus();
          if (!$('members-rows').children.length) $('members-rows').append(h('p', { class: 'empty', id: 'members-empty' }, t('noMembers')));
        },
      },
      t('removeMember'),
    ),
  );
  return row;
}

function renderMembers() {
  const members = plan.board.members ?? [];
  const rows = $('members-rows');
  rows.replaceChildren(...(members.length ? members.map(memberRow) : [h('p', { class: 'empty', id: 'members-empty' }, t('noMembers'))]));
}

function addMember() {
  document.getElementById('members-empty')?.remove();
  const row = memberRow(null);
  $('members-rows').append(row);
  row.querySelector('input').focus();
}

async function onMembersSubmit(ev) {
  ev.preventDefault();
  const form = $('members-form');
  const box = $('members-error');
  clearError(box, form);
  setStatus('members-status', '');
  const rows = [...$('members-rows').querySelectorAll('.member-row')];
  const kept = rows.filter((r) => r.querySelector('.member-email').value.trim() !== '');
  // names in the order sent, so the server's issue paths (members.N.email) find their field
  for (const r of rows) {
    r.querySelector('.member-email').removeAttribute('name');
    r.querySelector('.member-role').removeAttribute('name');
  }
  kept.forEach((r, i) => {
    r.querySelector('.member-email').name = `members.${i}.email`;
    r.querySelector('.member-role').name = `members.${i}.role`;
  });
  const members = kept.map((r) => ({ email: r.querySelector('.member-email').value.trim(), role: r.querySelector('.member-role').value }));
  await busy(form, async () => {
    try {
      plan.board = await api('PUT', `/api/agent/plan/boards/${encodeURIComponent(plan.board.id)}/members`, { members });
      renderMembers();
      setStatus('members-status', t('membersSaved'));
    } catch (e) {
      showError(box, e, form);
    }
  });
}

async function backToBoards() {
  const id = plan.board?.id;
  plan.board = null;
  plan.editing = null;
  $('board-view').hidden = true;
  $('boards-view').hidden = false;
  await loadBoards();
  const target = id ? $('boards-list').querySelector(`button[data-board="${CSS.escape(id)}"]`) : null;
  (target ?? $('board-title')).focus();
}

// --- wiring -----------------------------------------------------------------------------------

function wire() {
  $('lang-toggle').addEventListener('click', () => void toggleLang());
  $('signin-form').addEventListener('submit', onSignInSubmit);
  $('sign-out').addEventListener('click', () => void onSignOut());
  for (const n of tabNames) $(`tab-${n}`).addEventListener('click', () => chooseTab(n, false));
  document.querySelector('[role="tablist"]').addEventListener('keydown', onTabKey);

  renderTicketFilters();
  $('ticket-filter').addEventListener('submit', (ev) => {
    ev.preventDefault();
    clearTimeout(searchTimer);
    readTicketFilter();
    void loadTickets();
  });
  $('tf-q').addEventListener('input', onTicketSearchInput);
  for (const id of ['tf-status', 'tf-partner']) {
    $(id).addEventListener('change', () => {
      readTicketFilter();
      void loadTickets();
    });
  }
  $('page-prev').addEventListener('click', () => {
    tickets.query.page = Math.max(1, tickets.query.page - 1);
    void loadTickets();
  });
  $('page-next').addEventListener('click', () => {
    tickets.query.page += 1;
    void loadTickets();
  });
  $('back-to-list').addEventListener('click', leaveTicket);
  addEventListener('hashchange', route);
  $('reply-form').addEventListener('submit', onReplySubmit);
  $('reply-body').addEventListener('input', () => {
    if (tickets.current) tickets.drafts.set(tickets.current.id, $('reply-body').value);
  });
  $('status-form').addEventListener('submit', onStatusSubmit);
  $('status-select').addEventListener('change', updateReasonRequired);
  $('upload-form').addEventListener('submit', onUploadSubmit);

  $('section-form').addEventListener('submit', onSectionSubmit);
  $('section-cancel').addEventListener('click', cancelRename);
  $('kb-filter-section').addEventListener('change', renderArticles);
  $('kb-filter-q').addEventListener('input', renderArticles);
  $('kb-new').addEventListener('click', newArticle);
  $('article-form').addEventListener('submit', onArticleSubmit);
  $('article-delete').addEventListener('click', () => void deleteArticle());
  $('article-close').addEventListener('click', closeArticle);

  fillPriorityOptions();
  $('board-form').addEventListener('submit', onBoardSubmit);
  $('back-to-boards').addEventListener('click', () => void backToBoards());
  $('column-form').addEventListener('submit', onColumnSubmit);
  $('activity-form').addEventListener('submit', onActivitySubmit);
  $('act-delete').addEventListener('click', () => void deleteActivity());
  $('act-new').addEventListener('click', () => startNewActivity(true));
  $('members-form').addEventListener('submit', onMembersSubmit);
  $('member-add').addEventListener('click', addMember);

  // Escape leaves a detail view
  document.addEventListener('keydown', (ev) => {
    if (ev.key !== 'Escape' || ev.defaultPrevented) return;
    const target = ev.target;
    if (target instanceof HTMLElement && target.closest('textarea, input, select')) return;
    if (!$('ticket-detail-view').hidden && !$('panel-tickets').hidden) leaveTicket();
  });
}

void boot();
