// The demo outbox (demo/mail.html): every e-mail the portal would have sent, newest first.
// GET /api/demo/outbox is public in demo mode and 404 otherwise. Mail content is shown as text
// (textContent in a <pre>) and the HTML part in a sandboxed iframe without scripts.

const dict = {
  de: {
    skip: 'Zum Inhalt springen',
    pageTitle: 'Postausgang',
    navLabel: 'Demo-Seiten',
    navPortal: 'Kundenportal',
    navAgent: 'Servicedesk (Agent)',
    langToggle: 'English',
    langToggleTitle: 'Switch to English',
    outboxTitle: 'E-Mails des Demo-Portals',
    intro: 'Ohne SMTP-Server verschickt die Demo keine E-Mails; hier steht, was verschickt worden wäre: Einladungen mit dem initialen Passwort und Benachrichtigungen zu Tickets.',
    refresh: 'Aktualisieren',
    auto: 'Alle 5 Sekunden aktualisieren',
    updated: 'Stand: {time}',
    listTitle: 'Nachrichten',
    count: '{n} E-Mails',
    countOne: '1 E-Mail',
    empty: 'Noch keine E-Mails.',
    noneSelected: 'Keine Nachricht ausgewählt',
    textPart: 'Text',
    htmlPart: 'HTML',
    htmlFrame: 'HTML-Fassung der E-Mail',
    colTime: 'Zeit',
    colTo: 'An',
    colSubject: 'Betreff',
    colKind: 'Art',
    colStatus: 'Status',
    metaTo: 'An',
    metaKind: 'Art',
    metaStatus: 'Status',
    metaCreated: 'Erstellt',
    metaSent: 'Versendet',
    noHtml: '(keine HTML-Fassung)',
    notDemo: 'Der Postausgang ist nur in einer Demo-Installation sichtbar (PORTAL_SEED=demo). Dieser Server läuft nicht im Demo-Modus.',
    failed: 'Der Postausgang konnte nicht geladen werden:',
    network: 'Keine Verbindung zum Server.',
    'status.pending': 'Wartend',
    'status.logged': 'Protokolliert',
    'statusLong.logged': 'Protokolliert (kein SMTP-Server eingerichtet)',
    'status.sent': 'Versendet',
    'status.failed': 'Fehlgeschlagen',
    'kind.invitation': 'Einladung',
    'kind.access_granted': 'Zugang erweitert',
    'kind.ticket.created_released': 'Ticket: neu und freigegeben',
    'kind.ticket.submitted_for_release': 'Ticket: wartet auf Freigabe',
    'kind.ticket.released': 'Ticket: freigegeben',
    'kind.ticket.rejected': 'Ticket: Freigabe abgelehnt',
    'kind.ticket.resubmitted': 'Ticket: erneut eingereicht',
    'kind.ticket.agent_reply': 'Ticket: Antwort des Servicedesks',
    'kind.ticket.customer_position': 'Ticket: Nachricht des Kunden',
    'kind.ticket.status_changed_by_agent': 'Ticket: Status geändert',
    'kind.ticket.closed_by_customer': 'Ticket: vom Kunden abgeschlossen',
    'kind.ticket.reopened': 'Ticket: wieder geöffnet',
  },
  en: {
    skip: 'Skip to content',
    pageTitle: 'Outbox',
    navLabel: 'Demo pages',
    navPortal: 'Customer portal',
    navAgent: 'Service desk (agent)',
    langToggle: 'Deutsch',
    langToggleTitle: 'Auf Deutsch umschalten',
    outboxTitle: 'E-mails of the demo portal',
    intro: 'Without an SMTP server the demo sends no e-mail; this is what it would have sent: invitations with the initial password and ticket notifications.',
    refresh: 'Refresh',
    auto: 'Refresh every 5 seconds',
    updated: 'As of {time}',
    listTitle: 'Messages',
    count: '{n} e-mails',
    countOne: '1 e-mail',
    empty: 'No e-mails yet.',
    noneSelected: 'No message selected',
    textPart: 'Text',
    htmlPart: 'HTML',
    htmlFrame: 'HTML version of the e-mail',
    colTime: 'Time',
    colTo: 'To',
    colSubject: 'Subject',
    colKind: 'Kind',
    colStatus: 'Status',
    metaTo: 'To',
    metaKind: 'Kind',
    metaStatus: 'Status',
    metaCreated: 'Created',
    metaSent: 'Sent',
    noHtml: '(no HTML version)',
    notDemo: 'The outbox is only visible on a demo installation (PORTAL_SEED=demo). This server does not run in demo mode.',
    failed: 'The outbox could not be loaded:',
    network: 'No connection to the server.',
    'status.pending': 'Pending',
    'status.logged': 'Logged',
    'statusLong.logged': 'Logged (no SMTP server configured)',
    'status.sent': 'Sent',
    'status.failed': 'Failed',
    'kind.invitation': 'Invitation',
    'kind.access_granted': 'Access extended',
    'kind.ticket.created_released': 'Ticket: new and released',
    'kind.ticket.submitted_for_release': 'Ticket: awaiting release',
    'kind.ticket.released': 'Ticket: released',
    'kind.ticket.rejected': 'Ticket: release rejected',
    'kind.ticket.resubmitted': 'Ticket: submitted again',
    'kind.ticket.agent_reply': 'Ticket: reply from the service desk',
    'kind.ticket.customer_position': 'Ticket: message from the customer',
    'kind.ticket.status_changed_by_agent': 'Ticket: status changed',
    'kind.ticket.closed_by_customer': 'Ticket: closed by the customer',
    'kind.ticket.reopened': 'Ticket: reopened',
  },
};

const LANG_KEY = 'helpdesk-demo-lang';
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

function t(key, vars) {
  let s = dict[lang][key] ?? dict.de[key] ?? key;
  if (vars) s = s.replace(/\{(\w+)\}/g, (_, k) => (vars[k] === undefined ? '' : String(vars[k])));
  return s;
}

const known = (key) => key in dict[lang];
const kindLabel = (kind) => (known(`kind.${kind}`) ? t(`kind.${kind}`) : String(kind));
const statusLabel = (status) => (known(`status.${status}`) ? t(`status.${status}`) : String(status));
const statusLong = (status) => (known(`statusLong.${status}`) ? t(`statusLong.${status}`) : statusLabel(status));

function applyI18n() {
  for (const el of document.querySelectorAll('[data-i18n]')) el.textContent = t(el.dataset.i18n);
  for (const el of document.querySelectorAll('[data-i18n-attr]')) {
    for (const pair of el.dataset.i18nAttr.split(';')) {
      const [attr, key] = pair.split(':');
      if (attr && key) el.setAttribute(attr, t(key));
    }
  }
  const b = $('lang-toggle');
  b.textContent = t('langToggle');
  b.setAttribute('lang', lang === 'de' ? 'en' : 'de');
  b.title = t('langToggleTitle');
  document.documentElement.lang = lang;
  document.title = t('pageTitle');
}

const locale = () => (lang === 'de' ? 'de-DE' : 'en-GB');

function fmtDateTime(iso, withSeconds = false) {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return String(iso);
  return new Intl.DateTimeFormat(locale(), { dateStyle: 'medium', timeStyle: withSeconds ? 'medium' : 'short' }).format(d);
}

const $ = (id) => {
  const el = document.getElementById(id);
  if (!el) throw new Error(`#${id} is missing`);
  return el;
};

/** An element with attributes and text/node children (strings are always text). */
function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k.startsWith('on') && typeof v === 'function') el.addEventListener(k.slice(2).toLowerCase(), v);
    else if (k === 'class') el.className = v;
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children.flat(Infinity)) {
    if (c === null || c === undefined || c === false) continue;
    el.append(c instanceof Node ? c : String(c));
  }
  return el;
}

/** An e-mail address that may wrap after "@" and before dots (a table column can be narrow). */
function breakable(address) {
  return address.split(/(?<=@)|(?=\.)/).flatMap((part, i) => (i === 0 ? [part] : [h('wbr'), part]));
}

const state = {
  items: null,
  selectedId: null,
  /** what the list showed last time, so an unchanged outbox is not drawn again */
  signature: '',
  timer: 0,
  loading: false,
  unavailable: false,
  loadedAt: '',
};

async function load() {
  if (state.loading) return;
  state.loading = true;
  const box = $('error');
  try {
    let res;
    try {
      res = await fetch('/api/demo/outbox', { credentials: 'same-origin', headers: { Accept: 'application/json' } });
    } catch {
      throw new Error(t('network'));
    }
    if (res.status === 404) {
      state.unavailable = true;
      state.items = null;
      box.replaceChildren(h('p', {}, t('notDemo')));
      box.hidden = false;
      $('list').replaceChildren();
      $('count').textContent = '';
      stopTimer();
      $('auto').checked = false;
      $('auto').disabled = true;
      return;
    }
    const data = await res.json().catch(() => null);
    if (!res.ok) {
      const e = data && data.error;
      throw new Error(e ? `${e.message}${e.requestId && res.status >= 500 ? ` (${e.requestId})` : ''}` : `${res.status} ${res.statusText}`);
    }
    state.unavailable = false;
    box.hidden = true;
    const items = Array.isArray(data?.items) ? data.items : [];
    state.items = items;
    state.loadedAt = new Date().toISOString();
    $('updated').textContent = t('updated', { time: fmtDateTime(state.loadedAt, true) });
    const signature = items.map((m) => `${m.id}:${m.status}`).join('|');
    if (signature !== state.signature) {
      state.signature = signature;
      render();
      const current = items.find((m) => m.id === state.selectedId);
      if (current) showMail(current, false);
    }
  } catch (e) {
    box.replaceChildren(h('p', {}, h('strong', {}, t('failed')), ' ', e instanceof Error ? e.message : String(e)));
    box.hidden = false;
  } finally {
    state.loading = false;
  }
}

function render() {
  const items = state.items ?? [];
  $('count').textContent = items.length === 1 ? t('countOne') : t('count', { n: items.length });
  const list = $('list');
  if (items.length === 0) {
    list.replaceChildren(h('p', { class: 'empty' }, t('empty')));
    return;
  }
  // keep the keyboard where it was when the list is drawn again
  const focusedId = document.activeElement instanceof HTMLElement ? document.activeElement.dataset.mail : undefined;
  list.replaceChildren(
    h(
      'table',
      { class: 'responsive' },
      h('caption', { class: 'visually-hidden' }, t('listTitle')),
      h('thead', {}, h('tr', {}, ['colTime', 'colTo', 'colSubject', 'colKind', 'colStatus'].map((k) => h('th', { scope: 'col' }, t(k))))),
      h(
        'tbody',
        {},
        items.map((m) =>
          h(
            'tr',
            { class: m.id === state.selectedId ? 'selected' : undefined },
            h('td', { class: 'num', 'data-label': t('colTime') }, h('time', { datetime: m.createdAt }, fmtDateTime(m.createdAt))),
            h('td', { class: 'wrap', 'data-label': t('colTo') }, breakable(m.to)),
            h(
              'td',
              { class: 'subject', 'data-label': t('colSubject') },
              h('button', { type: 'button', class: 'link', 'data-mail': m.id, 'aria-current': m.id === state.selectedId ? 'true' : undefined, onclick: () => select(m.id) }, m.subject),
            ),
            h('td', { 'data-label': t('colKind') }, kindLabel(m.kind)),
            h('td', { 'data-label': t('colStatus') }, h('span', { class: 'badge' }, statusLabel(m.status))),
          ),
        ),
      ),
    ),
  );
  if (focusedId) list.querySelector(`button[data-mail="${CSS.escape(focusedId)}"]`)?.focus();
}

function select(id) {
  state.selectedId = id;
  const m = state.items?.find((x) => x.id === id);
  render();
  if (m) showMail(m, true);
}

function showMail(m, focus) {
  const subject = $('mail-subject');
  delete subject.dataset.i18n;
  subject.textContent = m.subject;
  const rows = [
    ['metaTo', m.to],
    ['metaKind', kindLabel(m.kind)],
    ['metaStatus', statusLong(m.status)],
    ['metaCreated', fmtDateTime(m.createdAt, true)],
    m.sentAt ? ['metaSent', fmtDateTime(m.sentAt, true)] : null,
  ].filter(Boolean);
  $('mail-meta').replaceChildren(h('dl', { class: 'meta' }, rows.map(([k, v]) => [h('dt', {}, t(k)), h('dd', {}, v)])));
  $('mail-text').textContent = m.text ?? '';
  const frame = $('mail-html');
  // sandbox="" (set in the page, never loosened): no scripts, no forms, no same-origin access
  frame.setAttribute('sandbox', '');
  const html = m.html ? String(m.html) : '';
  if (frame.srcdoc !== html) frame.srcdoc = html || `<p style="font-family:system-ui,sans-serif;color:#596273">${t('noHtml')}</p>`;
  $('mail-body').hidden = false;
  if (focus) subject.focus();
}

function startTimer() {
  stopTimer();
  state.timer = window.setInterval(() => {
    if (!document.hidden) void load();
  }, 5000);
}

function stopTimer() {
  if (state.timer) window.clearInterval(state.timer);
  state.timer = 0;
}

function toggleLang() {
  lang = lang === 'de' ? 'en' : 'de';
  try {
    localStorage.setItem(LANG_KEY, lang);
  } catch {
    // the choice lasts for this page only
  }
  applyI18n();
  if (state.items) {
    render();
    $('updated').textContent = t('updated', { time: fmtDateTime(state.loadedAt, true) });
    const current = state.items.find((m) => m.id === state.selectedId);
    if (current) showMail(current, false);
  } else if (state.unavailable) {
    $('error').replaceChildren(h('p', {}, t('notDemo')));
  }
}

function main() {
  applyI18n();
  $('lang-toggle').addEventListener('click', toggleLang);
  $('refresh').addEventListener('click', () => void load());
  $('auto').addEventListener('change', () => ($('auto').checked ? startTimer() : stopTimer()));
  document.addEventListener('visibilitychange', () => {
    if (!document.hidden && $('auto').checked) void load();
  });
  void load();
  if ($('auto').checked) startTimer();
}

main();
