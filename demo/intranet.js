// Nordwind Intranet: the host page's own integration of the helpdesk portal's widgets. This is
// all a partner writes: hand <portal-session> a function that fetches a host token from the
// intranet's backend, and route the widgets' intents ("create a ticket") to the page's sections.

const session = document.querySelector('portal-session');

if (session) {
  // Host sign-in (issue 7): the intranet's backend signs a short JWT for the signed-in
  // employee; the session exchanges it for a portal session. No portal password, no cookie.
  session.tokenProvider = async () => {
    const res = await fetch('/token', { credentials: 'same-origin', headers: { Accept: 'application/json' } });
    if (!res.ok) return null; // not signed in to the intranet (any more): the portal's own sign-in shows
    const { token } = await res.json();
    return typeof token === 'string' ? token : null;
  };

  // The widgets ask to go elsewhere in the portal; here that is a section of this page.
  const sections = { create: 'new-ticket', board: 'tickets', kb: 'kb' };
  const show = (id) => {
    const section = document.getElementById(id);
    if (!section) return;
    section.scrollIntoView({ block: 'start' });
    section.querySelector('h2')?.focus({ preventScroll: true });
  };
  session.addEventListener('navigate', (event) => {
    const id = sections[event.detail.target];
    if (!id) return;
    event.preventDefault();
    show(id);
  });
  // A widget whose module could not be loaded (the loader tried several times and gave up):
  // its place says so instead of "Loading…" (demo/intranet.css); should it load after all (the
  // loader tries again when the browser is back online), the element is defined and the note goes.
  session.addEventListener('portal-load-error', (event) => {
    if (event.target instanceof Element) event.target.setAttribute('data-load-failed', '');
  });

  // A new ticket: the wizard confirms it where the user is (with "Open ticket"), and the board
  // above loads again by itself, so the ticket is in the list too.

  // "Open ticket" after creating one: this page shows it in a panel of its own (the board shows
  // the tickets chosen in it in place, so those are left to the board).
  const panel = document.getElementById('ticket');
  session.addEventListener('ticket-open', (event) => {
    if (!panel || event.target.localName !== 'ticket-wizard') return;
    event.preventDefault();
    let detail = panel.querySelector('ticket-detail');
    if (!detail) {
      detail = document.createElement('ticket-detail');
      panel.append(detail);
    }
    detail.ticketId = event.detail.id;
    panel.hidden = false;
    show('ticket');
  });
  panel?.querySelector('[data-close-ticket]')?.addEventListener('click', () => {
    panel.hidden = true;
    panel.querySelector('ticket-detail')?.remove();
    show('tickets');
  });
}

// The loader itself (or a file it needs at start) may fail to load too, e.g. during a deploy:
// then nothing of the portal runs, so this page tries its script tag again, after the waits the
// loader uses for widgets and when the browser is back online, and until then says in each
// widget's place that it could not be loaded (found by a fresh-eyes test). Module scripts run in
// document order, so this listener is in place before the loader's script tag reports.
const loaderScript = document.querySelector('script[src$="/widgets/loader.js"]');
if (loaderScript) {
  const waits = [500, 2000, 5000];
  let tries = 0;
  const failed = () => {
    for (const el of document.querySelectorAll('portal-session :not(:defined)')) el.setAttribute('data-load-failed', '');
  };
  const retry = () => {
    const again = document.createElement('script');
    again.type = 'module';
    again.src = loaderScript.src;
    again.addEventListener('error', onError);
    document.head.append(again);
  };
  const onError = (event) => {
    if (event.target !== loaderScript) event.target.remove();
    const wait = waits[tries++];
    if (wait === undefined) failed();
    else setTimeout(retry, wait);
  };
  loaderScript.addEventListener('error', onError);
  addEventListener('online', () => {
    if (tries > waits.length && !customElements.get('portal-session')) {
      tries = waits.length;
      retry();
    }
  });
}

// Language: the intranet's own switch; the widgets follow <html lang>.
const stored = localStorage.getItem('nordwind-intranet.lang');
if (stored === 'de' || stored === 'en') document.documentElement.lang = stored;
const titles = { de: document.title, en: document.title.replace('Anmeldung', 'Sign in') };
const apply = () => {
  const lang = document.documentElement.lang === 'en' ? 'en' : 'de';
  document.title = titles[lang];
};
apply();
for (const button of document.querySelectorAll('[data-lang-toggle]')) {
  button.addEventListener('click', () => {
    const next = document.documentElement.lang === 'en' ? 'de' : 'en';
    document.documentElement.lang = next;
    localStorage.setItem('nordwind-intranet.lang', next);
    apply();
  });
}
