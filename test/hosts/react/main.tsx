/**
 * A React 19 app hosting the portal's widgets (issue 7). React 19 sets properties on custom
 * elements it knows (`api`, `ticketId`) and listens to their events with `on<event-name>` props.
 * The tags are defined before React renders (`helpdesk-portal/define`), so React sees the
 * elements' properties. The host routes `ticket-open` itself: `preventDefault()` and its own view.
 */
import { StrictMode, useState } from 'react';
import { createRoot } from 'react-dom/client';
import 'helpdesk-portal/define';
import { FakeApi } from 'helpdesk-portal/index';

declare global {
  interface Window {
    hostApi: FakeApi;
    hostLog: string[];
  }
}

// the in-memory fake instead of a server: the host hands it over as a property
const api = new FakeApi({ signedInAs: 'erik.editor@nordwind.example' });
window.hostApi = api;
window.hostLog = [];
const log = (entry: string) => window.hostLog.push(entry);

type DetailEvent<T> = Event & { detail: T };

function App() {
  const [renders, setRenders] = useState(0);
  const [openTicket, setOpenTicket] = useState<string | null>(null);
  const [created, setCreated] = useState<string[]>([]);

  return (
    <main>
      <h1>React host</h1>
      <p>
        Host state changes: <output id="renders">{renders}</output> · tickets created here: <output id="created">{created.length}</output>
      </p>
      <button id="rerender" type="button" onClick={() => setRenders((n) => n + 1)}>
        Change host state
      </button>
      <portal-session
        api={api}
        lang="en"
        onsigned-in={(e: DetailEvent<{ account: { email: string } }>) => log(`signed-in:${e.detail.account.email}`)}
      >
        {openTicket !== null && (
          <section id="host-ticket" aria-label="Ticket, shown by the host">
            <p>
              The host shows ticket <span id="host-ticket-id">{openTicket}</span>
            </p>
            <button id="host-back" type="button" onClick={() => setOpenTicket(null)}>
              Back to the board
            </button>
            <ticket-detail ticketId={openTicket}></ticket-detail>
          </section>
        )}
        <div hidden={openTicket !== null}>
          <ticket-board
            data-renders={renders}
            onticket-open={(e: DetailEvent<{ id: string }>) => {
              e.preventDefault();
              log(`ticket-open:${e.detail.id}`);
              setOpenTicket(e.detail.id);
            }}
          ></ticket-board>
        </div>
        <ticket-wizard
          data-renders={renders}
          onticket-created={(e: DetailEvent<{ id: string }>) => {
            log(`ticket-created:${e.detail.id}`);
            setCreated((list) => [...list, e.detail.id]);
          }}
        ></ticket-wizard>
      </portal-session>
    </main>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
