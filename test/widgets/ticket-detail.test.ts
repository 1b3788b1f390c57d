import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { defaultPriorityMatrix, derivePriority } from '../../server/schemas/priority.js';
import { FakeApi, demoPassword } from '../../widgets/core/api-fake.js';
import type { FakeTicket } from '../../widgets/core/fake/world.js';
import { samplePngDataUrl } from '../../widgets/core/fake/world.js';
import { localeReady } from '../../widgets/core/localization.js';
import type { PortalSession } from '../../widgets/portal-session/portal-session.element.js';
import type { TicketDetail } from '../../widgets/ticket-detail/ticket-detail.element.js';
import type { PortalRichTextEditor } from '../../widgets/core/rich-text-editor/rich-text-editor.element.js';
import '../../widgets/ticket-detail/define.js';
import { $, $maybe, collect, signInThroughForm, text, waitForStatus } from './helpers.js';

const erik = 'erik.editor@nordwind.example';
const anna = 'anna.viewer@nordwind.example';

function ticketOf(api: FakeApi, pick: (t: FakeTicket) => boolean): FakeTicket {
  const t = api.world.tickets.find(pick);
  if (!t) throw new Error('no such ticket in the fake world');
  return t;
}

async function mount(api: FakeApi, id: string | null, lang: 'de' | 'en' = 'en') {
  const session = await fixture<PortalSession>(
    html`<portal-session .api=${api} lang=${lang}><ticket-detail ticket-id=${id ?? ''}></ticket-detail></portal-session>`,
  );
  await waitForStatus(session, 'signed-in');
  const el = session.querySelector<TicketDetail>('ticket-detail')!;
  if (!id) el.ticketId = null;
  await localeReady();
  await el.updateComplete;
  return { session, el };
}

async function ready(el: TicketDetail) {
  await waitUntil(() => el.hasCustomState('ready'), 'ticket never showed', { timeout: 4000 });
  await el.updateComplete;
}

/** The composer's editor, once its chunks (the composer's, the editor's) have loaded. */
async function composer(el: TicketDetail): Promise<PortalRichTextEditor> {
  await customElements.whenDefined('portal-rich-text-editor');
  await waitUntil(() => $maybe(el, 'portal-rich-text-editor'), 'no composer');
  const editor = $<PortalRichTextEditor>(el, 'portal-rich-text-editor');
  await editor.updateComplete;
  return editor;
}

async function typeInComposer(el: TicketDetail, text: string) {
  const editor = await composer(el);
  editor.focus();
  await sendKeys({ type: text });
  await waitUntil(() => editor.value.includes(text.slice(-5).replace(/[<>&]/g, '')), 'the text did not arrive', { timeout: 5000 });
  return editor;
}

const dialog = (el: TicketDetail) => $<HTMLDialogElement>(el, '#reason-dialog');
const reasonBox = (el: TicketDetail) => $<HTMLTextAreaElement>(el, '#reason');
const button = (el: TicketDetail, action: string) => $maybe<HTMLButtonElement>(el, `button[data-action=${action}]`);

/** Clicks close / reopen / resubmit and waits, as a user would, until the dialog shows (its module loads on first use). */
async function openDialog(el: TicketDetail, action: string) {
  button(el, action)!.click();
  await waitUntil(() => $maybe<HTMLDialogElement>(el, '#reason-dialog')?.open, `no ${action} dialog`);
  await el.updateComplete;
}

async function typeReason(el: TicketDetail, value: string) {
  const box = reasonBox(el);
  box.focus();
  box.value = '';
  box.dispatchEvent(new Event('input'));
  await sendKeys({ type: value });
  await el.updateComplete;
}

describe('ticket-detail', () => {
  beforeEach(() => {
    document.documentElement.lang = 'en';
    // the composer's drafts of earlier tests
    sessionStorage.clear();
  });

  it('shows loading, then the ticket with facts, description and the history oldest first (R-TICKET-1)', async () => {
    const api = new FakeApi({ signedInAs: erik, latencyMs: 300 });
    const t = ticketOf(api, (x) => x.authorId === 'acc-erik' && x.status === 'in_progress');
    // alone, with its API set directly (no session around it)
    const el = await fixture<TicketDetail>(html`<ticket-detail lang="en" .api=${api} ticket-id=${t.id}></ticket-detail>`);
    expect(el.hasCustomState('loading')).to.equal(true);
    expect(text(el)).to.contain('Loading ticket…');
    await expect(el).to.be.accessible();
    await ready(el);
    expect($(el, '#title').textContent).to.equal(t.subject);
    expect(text(el)).to.contain(`Ticket #${t.number}`);
    expect($(el, '.status-line .badge').textContent!.trim()).to.equal('In progress');
    expect($(el, '.meta').textContent).to.contain('Nordwind Logistik GmbH');
    const facts = [...el.shadowRoot!.querySelectorAll('.meta dt')].map((d) => d.textContent);
    expect(facts).to.include.members(['Type', 'Area', 'Business partner', 'Author', 'Created', 'Last update', 'Tags']);
    expect($(el, '.richtext').textContent).to.contain(t.subject);
    const times = [...el.shadowRoot!.querySelectorAll('.history > li time')].map((x) => x.getAttribute('datetime')!);
    expect(times.length).to.be.greaterThan(2);
    expect([...times].sort()).to.deep.equal(times);
    expect($(el, '.history > li:first-child').textContent).to.contain('Created by Erik Brandt');
    await expect(el).to.be.accessible();
  });

  it('lists in the history look like lists: disc bullets, circles one level down, no paragraph gaps in the items', async () => {
    const api = new FakeApi({ signedInAs: erik });
    const t = ticketOf(api, (x) => x.authorId === 'acc-erik' && x.status === 'in_progress');
    api.world.positions.push({
      id: 'pos-list', ticketId: t.id, authorId: 'acc-erik', kind: 'customer', event: null, data: null, internal: false, createdAt: new Date().toISOString(),
      bodyHtml: '<ul><li><p>Restarted</p></li><li><p>Checked the cable</p><ul><li><p>nested</p></li></ul></li><li><p>Other tray</p></li></ul>',
    });
    const { el } = await mount(api, t.id);
    await ready(el);
    const body = [...el.shadowRoot!.querySelectorAll('.position .richtext')].find((r) => r.textContent!.includes('Restarted'))!;
    const [outer, inner] = [...body.querySelectorAll('ul')];
    expect(getComputedStyle(outer!).listStyleType).to.equal('disc');
    expect(getComputedStyle(inner!).listStyleType).to.equal('circle');
    for (const x of body.querySelectorAll('li > p, li > ul')) {
      expect(getComputedStyle(x).marginTop).to.equal('0px');
      expect(getComputedStyle(x).marginBottom).to.equal('0px');
    }
  });

  it('tells agent and customer entries apart and never shows internal notes (R-TICKET-3, R-X-4)', async () => {
    const api = new FakeApi({ signedInAs: erik });
    const t = ticketOf(api, (x) => api.world.positions.some((p) => p.ticketId === x.id && p.internal) && x.authorId === 'acc-erik');
    const internal = api.world.positions.find((p) => p.ticketId === t.id && p.internal)!;
    expect(internal.bodyHtml).to.contain('Intern:');
    const { el } = await mount(api, t.id);
    await ready(el);
    expect(text(el)).to.not.contain('Intern:');
    const agent = $(el, '.position.agent');
    expect(agent.querySelector('.side-label')!.textContent).to.equal('Servicedesk');
    expect(agent.textContent).to.contain('Alex Hoffmann');
    expect(getComputedStyle(agent).justifySelf).to.equal('end');
    expect(text(el)).to.contain('Status changed by Alex Hoffmann: New → In progress');
    expect(text(el)).to.contain('Released by Dora Wagner: Bitte bearbeiten.');
  });

  it('viewer: read-only, no composer, no buttons, and a note why', async () => {
    const api = new FakeApi({ signedInAs: anna });
    const t = ticketOf(api, (x) => x.businessPartnerId === 'bp-nordwind' && !x.private && x.status === 'in_progress');
    const { el } = await mount(api, t.id);
    await ready(el);
    expect($maybe(el, '.composer')).to.equal(null);
    expect(el.shadowRoot!.querySelectorAll('[part=actions] button').length).to.equal(0);
    expect($maybe(el, 'button.upload, .upload')).to.equal(null);
    expect($(el, '.read-only').textContent).to.contain('permission group (viewer)');
    await expect(el).to.be.accessible();
  });

  it('editor: sends a position; the history and the host learn about it (R-TICKET-3)', async () => {
    const api = new FakeApi({ signedInAs: erik });
    const t = ticketOf(api, (x) => x.authorId === 'acc-erik' && x.status === 'in_progress');
    const { el } = await mount(api, t.id);
    await ready(el);
    const updated = collect<CustomEvent>('ticket-updated');
    try {
      const editor = await typeInComposer(el, 'Der Fehler <b>tritt</b> wieder auf.');
      const added = oneEvent(el, 'position-added');
      $<HTMLButtonElement>(el, '.composer button[type=submit]').click();
      const e = await added;
      expect(e.detail.ticketId).to.equal(t.id);
      expect(e.detail.position.bodyHtml).to.equal('<p>Der Fehler &lt;b&gt;tritt&lt;/b&gt; wieder auf.</p>');
      await waitUntil(() => updated.events.length === 1, 'no ticket-updated');
      await el.updateComplete;
      await waitUntil(() => editor.value === '', 'the composer was not emptied');
      const last = [...el.shadowRoot!.querySelectorAll('.history > .position')].pop()!;
      expect(last.classList.contains('customer')).to.equal(true);
      expect(last.textContent).to.contain('Der Fehler <b>tritt</b> wieder auf.');
      expect(last.querySelector('b')).to.equal(null);
      expect(last.textContent).to.contain('(you)');
      expect(updated.events[0]!.detail.ticket.id).to.equal(t.id);
    } finally {
      updated.stop();
    }
  });

  it('a failed send keeps the draft and says so; Ctrl+Enter sends again', async () => {
    const api = new FakeApi({ signedInAs: erik });
    const t = ticketOf(api, (x) => x.authorId === 'acc-erik' && x.status === 'in_progress');
    const { el } = await mount(api, t.id);
    await ready(el);
    api.failures['tickets.addPosition'] = 'network';
    const editor = await typeInComposer(el, 'Bitte melden Sie sich.');
    await sendKeys({ down: 'Control' });
    await sendKeys({ press: 'Enter' });
    await sendKeys({ up: 'Control' });
    await waitUntil(() => $maybe(el, '.composer .alert'), 'no error shown');
    expect($(el, '.composer .alert').textContent).to.contain('your text is still here');
    expect($(el, '.composer .alert').textContent).to.contain('cannot be reached');
    expect(editor.value).to.equal('<p>Bitte melden Sie sich.</p>');
    await expect(el).to.be.accessible();
    delete api.failures['tickets.addPosition'];
    const added = oneEvent(el, 'position-added');
    editor.focus();
    await sendKeys({ down: 'Control' });
    await sendKeys({ press: 'Enter' });
    await sendKeys({ up: 'Control' });
    expect((await added).detail.position.bodyHtml).to.equal('<p>Bitte melden Sie sich.</p>');
    await waitUntil(() => editor.value === '', 'the composer was not emptied');
    expect($maybe(el, '.composer .alert')).to.equal(null);
  });

  it('an empty position is refused at the field, nothing is sent', async () => {
    const api = new FakeApi({ signedInAs: erik });
    const t = ticketOf(api, (x) => x.authorId === 'acc-erik' && x.status === 'in_progress');
    const { el } = await mount(api, t.id);
    await ready(el);
    const editor = await composer(el);
    $<HTMLButtonElement>(el, '.composer button[type=submit]').click();
    await el.updateComplete;
    expect(editor.error).to.equal('Write a text first.');
    await editor.updateComplete;
    expect(editor.shadowRoot!.textContent).to.contain('Write a text first.');
    expect(api.calls.some((c) => c.method === 'tickets.addPosition')).to.equal(false);
  });

  it('close: a required, detailed reason with a counter; Escape cancels and focus returns (R-TICKET-4)', async () => {
    const api = new FakeApi({ signedInAs: erik });
    const t = ticketOf(api, (x) => x.authorId === 'acc-erik' && x.status === 'in_progress');
    const { el } = await mount(api, t.id);
    await ready(el);
    const close = button(el, 'close')!;
    close.focus();
    await openDialog(el, 'close');
    await waitUntil(() => el.shadowRoot!.activeElement === reasonBox(el), 'focus not in the reason');
    expect($(el, '#reason-count').textContent!.trim()).to.equal('0 characters (at least 10)');
    // the dialog's styles came with it; the detail's own stayed
    expect(getComputedStyle(reasonBox(el)).resize).to.equal('vertical');
    expect(getComputedStyle($(el, '#reason-count')).color, 'a short reason\'s counter stands out').to.not.equal(getComputedStyle($(el, '#reason-hint')).color);
    expect(getComputedStyle($(el, '.header')).display).to.equal('flex');
    await expect(el).to.be.accessible();

    // Tab stays inside the modal dialog
    for (let i = 0; i < 4; i++) {
      await sendKeys({ press: 'Tab' });
      const active = el.shadowRoot!.activeElement;
      if (active) expect(dialog(el).contains(active), `focus left the dialog (${active.outerHTML.slice(0, 40)})`).to.equal(true);
    }

    $<HTMLButtonElement>(el, '#reason-dialog button[type=submit]').click();
    await el.updateComplete;
    expect($(el, '#reason-issue').textContent).to.equal('Please give a reason.');
    await typeReason(el, 'zu kurz');
    expect($(el, '#reason-count').textContent!.trim()).to.equal('7 characters (at least 10)');
    $<HTMLButtonElement>(el, '#reason-dialog button[type=submit]').click();
    await el.updateComplete;
    expect($(el, '#reason-issue').textContent).to.equal('Please write at least 10 characters.');
    expect(reasonBox(el).getAttribute('aria-invalid')).to.equal('true');
    expect(api.calls.some((c) => c.method === 'tickets.close')).to.equal(false);
    // too long: named as such, the text kept whole, nothing sent (found by a fresh-eyes test)
    const long = 'Drucker '.repeat(501);
    reasonBox(el).value = long;
    reasonBox(el).dispatchEvent(new Event('input'));
    await el.updateComplete;
    $<HTMLButtonElement>(el, '#reason-dialog button[type=submit]').click();
    await el.updateComplete;
    expect($(el, '#reason-issue').textContent).to.equal('Please keep the text to at most 4,000 characters (now 4,007).');
    expect(reasonBox(el).value).to.equal(long);
    expect(api.calls.some((c) => c.method === 'tickets.close')).to.equal(false);

    reasonBox(el).focus();
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !dialog(el).open, 'Escape did not close the dialog');
    await waitUntil(() => el.shadowRoot!.activeElement === close, 'focus did not return to the button');
    expect(api.calls.some((c) => c.method === 'tickets.close')).to.equal(false);
  });

  it('narrow: a table in the description keeps whole words in its cells and scrolls sideways (found by a fresh-eyes test)', async () => {
    const api = new FakeApi({ signedInAs: erik });
    const t = ticketOf(api, (x) => x.authorId === 'acc-erik');
    t.descriptionHtml =
      '<p>Bitte bestellen:</p><table><tr><th>Pos.</th><th>Artikelbezeichnung</th><th>Menge</th><th>Kostenstelle</th><th>Lieferadresse</th></tr>' +
      '<tr><td>1</td><td>Tonerkartusche</td><td>4</td><td>4711</td><td>Hauptlager</td></tr></table>';
    const { el } = await mount(api, t.id);
    el.style.width = '300px';
    await ready(el);
    for (const cell of el.shadowRoot!.querySelectorAll('.richtext th, .richtext td')) {
      const range = document.createRange();
      range.selectNodeContents(cell);
      expect(range.getClientRects().length, `"${cell.textContent}" breaks inside a word`).to.equal(1);
    }
    const table = $(el, '.richtext table');
    expect(table.scrollWidth).to.be.greaterThan(table.clientWidth);
    expect(getComputedStyle(table).overflowX).to.equal('auto');
    // the page does not: the table stays within the ticket, also in a position of the history
    expect(el.shadowRoot!.querySelector('.layout')!.scrollWidth).to.be.at.most(300);
    expect(table.getBoundingClientRect().right).to.be.at.most(el.getBoundingClientRect().right + 0.5);
  });

  it('close: sends the reason, shows the closed state and tells the host', async () => {
    const api = new FakeApi({ signedInAs: erik });
    const t = ticketOf(api, (x) => x.authorId === 'acc-erik' && x.status === 'in_progress');
    const { el } = await mount(api, t.id);
    await ready(el);
    await openDialog(el, 'close');
    await typeReason(el, 'Drucker wurde getauscht, alles läuft wieder.');
    const closed = oneEvent(el, 'ticket-closed');
    const updated = oneEvent(el, 'ticket-updated');
    $<HTMLButtonElement>(el, '#reason-dialog button[type=submit]').click();
    const e = await closed;
    expect(e.detail.ticket.status).to.equal('closed');
    expect((await updated).detail.ticket.status).to.equal('closed');
    await el.updateComplete;
    expect(dialog(el).open).to.equal(false);
    expect($(el, '.status-line .badge').textContent!.trim()).to.equal('Closed');
    expect($(el, '.closed-note').textContent).to.contain('Drucker wurde getauscht, alles läuft wieder.');
    expect(text(el)).to.contain('Closed by Erik Brandt: Drucker wurde getauscht, alles läuft wieder.');
    expect(button(el, 'close')).to.equal(null);
    expect(button(el, 'reopen')).to.not.equal(null);
    expect($maybe(el, '.composer')).to.equal(null);
    expect(el.shadowRoot!.activeElement?.id).to.equal('title');
    expect(api.calls.find((c) => c.method === 'tickets.close')!.input).to.deep.equal({ id: t.id, reason: 'Drucker wurde getauscht, alles läuft wieder.' });
    await expect(el).to.be.accessible();
  });

  it('reopen: a closed ticket opens again with a reason (R-TICKET-5)', async () => {
    const api = new FakeApi({ signedInAs: erik });
    const t = ticketOf(api, (x) => x.businessPartnerId === 'bp-nordwind' && x.status === 'closed' && (!x.private || x.authorId === 'acc-erik'));
    const { el } = await mount(api, t.id);
    await ready(el);
    expect($(el, '.closed-note').textContent).to.contain(t.closedReason!);
    expect(text(el)).to.contain('Reopen the ticket to write a position or add files.');
    await openDialog(el, 'reopen');
    expect($(el, '#dialog-title').textContent).to.equal('Reopen ticket');
    $<HTMLButtonElement>(el, '#reason-dialog button[type=submit]').click();
    await el.updateComplete;
    expect($(el, '#reason-issue').textContent).to.equal('Please give a reason.');
    await typeReason(el, 'Der Fehler ist zurück.');
    const reopened = oneEvent(el, 'ticket-reopened');
    $<HTMLButtonElement>(el, '#reason-dialog button[type=submit]').click();
    expect((await reopened).detail.ticket.status).to.equal('in_progress');
    await waitUntil(() => $(el, '.status-line .badge').textContent!.trim() === 'In progress');
    expect(text(el)).to.contain('Reopened by Erik Brandt: Der Fehler ist zurück.');
    await waitUntil(() => $maybe(el, '.composer'), 'no composer after reopening');
    // the composer's styles came with its module
    expect(getComputedStyle($(el, '.composer-actions')).display).to.equal('flex');
  });

  it('rejected ticket: its author reads the reason and resubmits it', async () => {
    const api = new FakeApi({ signedInAs: erik });
    const t = ticketOf(api, (x) => x.authorId === 'acc-erik' && x.status === 'release_rejected');
    const { el } = await mount(api, t.id);
    await ready(el);
    const note = $(el, '.rejection');
    expect(note.textContent).to.contain('Dora Wagner rejected the release of this ticket.');
    expect(note.textContent).to.contain('Bitte zuerst mit der Teamleitung abstimmen.');
    await expect(el).to.be.accessible();
    await openDialog(el, 'resubmit');
    expect($(el, '#dialog-title').textContent).to.equal('Resubmit for release');
    expect(reasonBox(el).required).to.equal(false);
    await typeReason(el, 'Mit der Teamleitung abgestimmt.');
    const updated = oneEvent(el, 'ticket-updated');
    $<HTMLButtonElement>(el, '#reason-dialog button[type=submit]').click();
    expect((await updated).detail.ticket.status).to.equal('awaiting_release');
    await el.updateComplete;
    expect(api.calls.find((c) => c.method === 'tickets.resubmit')!.input).to.deep.equal({ id: t.id, comment: 'Mit der Teamleitung abgestimmt.' });
    expect(text(el)).to.contain('Resubmitted for release by Erik Brandt: Mit der Teamleitung abgestimmt.');
    expect(button(el, 'resubmit')).to.equal(null);
  });

  it('rejected ticket: its author edits it as the dispatcher asked, then resubmits (R-APPROVE-2, found by a fresh-eyes test)', async () => {
    const api = new FakeApi({ signedInAs: erik });
    const t = ticketOf(api, (x) => x.authorId === 'acc-erik' && x.status === 'release_rejected');
    const { el } = await mount(api, t.id);
    await ready(el);
    expect($(el, '.rejection').textContent).to.contain('Edit the ticket or add what is missing');
    const edit = button(el, 'edit')!;
    expect(edit.textContent!.trim()).to.equal('Edit ticket');

    // Escape (or Cancel) leaves the form unsaved, the focus back on the button
    edit.click();
    await waitUntil(() => el.shadowRoot!.activeElement?.id === 'edit-title', 'the form did not open with the focus on it');
    expect(button(el, 'resubmit')!.disabled, 'no resubmitting the old state meanwhile').to.equal(true);
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !$maybe(el, 'form.edit'), 'Escape did not close the form');
    await waitUntil(() => el.shadowRoot!.activeElement === button(el, 'edit'), 'the focus did not return');

    button(el, 'edit')!.click();
    await waitUntil(() => $maybe(el, '#edit-typeId'), 'the form has no classification');
    await expect(el).to.be.accessible();
    const subject = $<HTMLInputElement>(el, '#edit-subject');
    expect(subject.value).to.equal(t.subject);
    expect($<HTMLSelectElement>(el, '#edit-typeId').value).to.equal(t.typeId);
    // an empty subject: said at the field, nothing sent
    subject.value = ' ';
    subject.dispatchEvent(new Event('input'));
    await el.updateComplete;
    $<HTMLButtonElement>(el, 'form.edit button[type=submit]').click();
    await waitUntil(() => $maybe(el, '#edit-subject-error'), 'no error at the subject');
    expect($(el, '#edit-subject-error').textContent).to.equal('Please enter a subject.');
    expect(subject.getAttribute('aria-invalid')).to.equal('true');
    expect(api.calls.some((c) => c.method === 'tickets.update')).to.equal(false);

    // a new subject and a higher urgency: the priority follows; only what changed is sent
    subject.value = 'Drucker 3. OG: Kostenstelle 4711 ergänzt';
    subject.dispatchEvent(new Event('input'));
    const urgency = $<HTMLSelectElement>(el, '#edit-urgency');
    const next = t.urgency === 'high' ? 'low' : 'high';
    urgency.value = next;
    urgency.dispatchEvent(new Event('change'));
    await el.updateComplete;
    expect($(el, 'form.edit .priority').dataset.priority).to.equal(derivePriority(next, t.impact, defaultPriorityMatrix));
    const version = t.version;
    const updated = oneEvent(el, 'ticket-updated');
    $<HTMLButtonElement>(el, 'form.edit button[type=submit]').click();
    expect((await updated).detail.ticket.subject).to.equal('Drucker 3. OG: Kostenstelle 4711 ergänzt');
    const sent = api.calls.find((c) => c.method === 'tickets.update')!.input as Record<string, unknown>;
    expect(sent).to.deep.equal({ id: t.id, version, subject: 'Drucker 3. OG: Kostenstelle 4711 ergänzt', urgency: next });
    await el.updateComplete;
    expect($maybe(el, 'form.edit')).to.equal(null);
    expect($(el, '#title').textContent).to.equal('Drucker 3. OG: Kostenstelle 4711 ergänzt');
    expect(button(el, 'resubmit')!.disabled).to.equal(false);
    // the history names what changed
    await waitUntil(() => text(el).includes('Changed by Erik Brandt: Subject and Priority'), 'the history does not name the change');
  });

  it('editing: a change made meanwhile (another tab) keeps what was typed, takes the other change and saves on the next try; Escape never drops changes (found by a fresh-eyes test)', async () => {
    const api = new FakeApi({ signedInAs: erik });
    const t = ticketOf(api, (x) => x.authorId === 'acc-erik' && x.status === 'release_rejected');
    const { el } = await mount(api, t.id);
    await ready(el);
    button(el, 'edit')!.click();
    await waitUntil(() => $maybe(el, '#edit-typeId'), 'the form has no classification');
    const subject = $<HTMLInputElement>(el, '#edit-subject');
    subject.focus();
    subject.value = 'Betreff aus Fenster B';
    subject.dispatchEvent(new Event('input'));
    await el.updateComplete;
    // Escape in a field, or with changes, leaves the form open
    await sendKeys({ press: 'Escape' });
    $<HTMLElement>(el, '#edit-title').focus();
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect($maybe(el, 'form.edit'), 'Escape dropped the changes').not.to.equal(null);

    // the other window saves first
    await api.tickets.update(t.id, { version: t.version, referenceNo: 'REF-A' });
    $<HTMLButtonElement>(el, 'form.edit button[type=submit]').click();
    await waitUntil(() => $maybe(el, 'form.edit .alert.warning'), 'no word of the change made meanwhile');
    expect($(el, 'form.edit .alert.warning').textContent).to.contain('changed meanwhile');
    expect($<HTMLInputElement>(el, '#edit-subject').value).to.equal('Betreff aus Fenster B');
    expect($<HTMLInputElement>(el, '#edit-referenceNo').value).to.equal('REF-A');
    const version = t.version;
    const updated = oneEvent(el, 'ticket-updated');
    $<HTMLButtonElement>(el, 'form.edit button[type=submit]').click();
    await updated;
    const calls = api.calls.filter((c) => c.method === 'tickets.update').map((c) => c.input);
    expect(calls.at(-1)).to.deep.equal({ id: t.id, version, subject: 'Betreff aus Fenster B' });
    expect(t.referenceNo).to.equal('REF-A');
  });

  it('a long token in a reason wraps inside the history', async () => {
    const api = new FakeApi({ signedInAs: erik });
    const t = ticketOf(api, (x) => x.authorId === 'acc-erik' && x.status === 'release_rejected');
    const rejected = api.world.positions.filter((p) => p.ticketId === t.id && p.event === 'rejected').at(-1)!;
    rejected.data = { ...rejected.data, reason: `Bitte ${'y'.repeat(400)} prüfen` };
    const { el } = await mount(api, t.id);
    el.style.width = '600px';
    await ready(el);
    const range = document.createRange();
    range.selectNodeContents($(el, 'li.event[data-event=rejected] .reason'));
    expect(range.getBoundingClientRect().right).to.be.at.most($(el, '.history').getBoundingClientRect().right + 0.5);
  });

  it('only a rejected ticket can be edited', async () => {
    const own = new FakeApi({ signedInAs: erik });
    const open = ticketOf(own, (x) => x.authorId === 'acc-erik' && x.status === 'in_progress');
    const mine = await mount(own, open.id);
    await ready(mine.el);
    expect(button(mine.el, 'edit')).to.equal(null);
  });

  it('a ticket the user may not see: a clear not-found state', async () => {
    const api = new FakeApi({ signedInAs: 'bob.editor@blueharbor.example' });
    const t = ticketOf(api, (x) => x.businessPartnerId === 'bp-nordwind');
    const { el } = await mount(api, t.id);
    await waitUntil(() => el.hasCustomState('error'), 'no error state');
    await el.updateComplete;
    expect(el.hasCustomState('not-found')).to.equal(true);
    expect(text(el)).to.contain('This ticket does not exist, or you are not allowed to see it.');
    expect(text(el)).to.not.contain(t.subject);
    await expect(el).to.be.accessible();
  });

  it('error with retry; empty without a ticket id', async () => {
    const api = new FakeApi({ signedInAs: erik, failures: { 'tickets.get': 'internal' } });
    const t = ticketOf(api, (x) => x.authorId === 'acc-erik');
    const { el } = await mount(api, t.id);
    await waitUntil(() => el.hasCustomState('error'), 'no error state');
    await el.updateComplete;
    expect(el.hasCustomState('not-found')).to.equal(false);
    expect($(el, '.alert.danger').textContent).to.contain('The ticket could not be loaded.');
    await expect(el).to.be.accessible();
    delete api.failures['tickets.get'];
    $<HTMLButtonElement>(el, 'button.retry').click();
    await ready(el);
    el.ticketId = null;
    await el.updateComplete;
    expect(el.hasCustomState('empty')).to.equal(true);
    expect(text(el)).to.contain('No ticket selected.');
  });

  it('attachments: download through the API, image preview in a dialog (R-TICKET-2)', async () => {
    const api = new FakeApi({ signedInAs: erik });
    const t = ticketOf(api, (x) => api.world.attachments.some((a) => a.ticketId === x.id && a.contentType === 'image/png') && (x.authorId === 'acc-erik' || !x.private) && x.businessPartnerId === 'bp-nordwind' && x.releasedAt !== null);
    const image = api.world.attachments.find((a) => a.ticketId === t.id && a.contentType === 'image/png')!;
    const { el } = await mount(api, t.id);
    await ready(el);
    await waitUntil(() => $maybe<HTMLImageElement>(el, '.thumb img'), 'no thumbnail');
    expect($<HTMLImageElement>(el, '.thumb img').src).to.equal(samplePngDataUrl);
    expect(text(el)).to.contain(image.fileName);
    expect($(el, '.file .muted').textContent).to.contain('81 byte');

    const clicked: HTMLAnchorElement[] = [];
    const original = HTMLAnchorElement.prototype.click;
    HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
      clicked.push(this);
    };
    try {
      $<HTMLButtonElement>(el, '.file-info button.name').click();
      await waitUntil(() => clicked.length === 1, 'no download started');
    } finally {
      HTMLAnchorElement.prototype.click = original;
    }
    expect(clicked[0]!.download).to.equal(image.fileName);
    expect(clicked[0]!.href).to.equal(samplePngDataUrl);
    expect(api.calls.filter((c) => c.method === 'attachments.url').map((c) => c.input)).to.deep.include({ id: image.id });

    const thumb = $<HTMLButtonElement>(el, '.thumb');
    expect(thumb.getAttribute('aria-label')).to.equal(`Preview ${image.fileName}`);
    thumb.focus();
    thumb.click();
    await waitUntil(() => $maybe<HTMLDialogElement>(el, '#preview-dialog')?.open, 'no preview');
    const preview = $<HTMLDialogElement>(el, '#preview-dialog');
    expect($<HTMLImageElement>(el, '#preview-dialog img').alt).to.equal(image.fileName);
    await expect(el).to.be.accessible();
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !preview.open, 'preview did not close');
    await waitUntil(() => el.shadowRoot!.activeElement === thumb, 'focus did not return to the thumbnail');
  });

  it('uploads more files through the file drop, each with its own progress; the history names them', async () => {
    const api = new FakeApi({ signedInAs: erik });
    const t = ticketOf(api, (x) => x.authorId === 'acc-erik' && x.status === 'in_progress');
    const { el } = await mount(api, t.id);
    await ready(el);
    const before = el.ticket!.attachments.length;
    const upload = api.tickets.upload;
    const waiting: (() => void)[] = [];
    api.tickets.upload = async (id, files, o) => {
      o?.onProgress?.(3, 10);
      await new Promise<void>((r) => waiting.push(r));
      return upload(id, files, o);
    };
    await customElements.whenDefined('portal-file-drop');
    await waitUntil(() => $maybe(el, 'portal-file-drop'), 'no file drop');
    const drop = $(el, 'portal-file-drop') as HTMLElement & { addFiles(f: File[]): void; maxFileSize: number };
    await waitUntil(() => drop.shadowRoot?.querySelector('[part=zone]'), 'no drop zone');
    expect(drop.shadowRoot!.querySelector('[part=zone]')!.textContent).to.contain('Upload files…');
    drop.maxFileSize = 20;
    const updated = oneEvent(el, 'ticket-updated');
    drop.addFiles([
      new File(['0123456789'], 'notiz.txt', { type: 'text/plain' }),
      new File(['abcdefgh'], 'zweite.txt', { type: 'text/plain' }),
      new File(['x'.repeat(30)], 'gross.txt', { type: 'text/plain' }),
    ]);
    await waitUntil(() => waiting.length === 2, 'the uploads did not start');
    await waitUntil(() => drop.shadowRoot!.querySelectorAll('progress').length === 2, 'no progress per file');
    const bars = [...drop.shadowRoot!.querySelectorAll('progress')];
    expect(bars.map((b) => b.value)).to.deep.equal([30, 30]);
    expect(bars.map((b) => b.getAttribute('aria-label'))).to.deep.equal(['Upload of notiz.txt', 'Upload of zweite.txt']);
    expect(el.hasCustomState('busy')).to.equal(true);
    await expect(el).to.be.accessible();
    for (const r of waiting) r();
    await updated;
    await el.updateComplete;
    expect(el.ticket!.attachments.length).to.equal(before + 2);
    expect(text(el)).to.contain('Files added by Erik Brandt: notiz.txt');
    expect(text(el)).to.contain('Files added by Erik Brandt: zweite.txt');
    // the refused file stays listed with its reason, the stored ones are shown above
    expect(drop.shadowRoot!.textContent).to.contain('gross.txt');
    expect($(el, '.files').textContent).to.contain('notiz.txt');
    expect(el.hasCustomState('busy')).to.equal(false);
  });

  it('finished uploads leave the list by themselves; × on one kept beside a failure only hides its message (fresh-eyes 1, R-TICKET-2)', async () => {
    const api = new FakeApi({ signedInAs: erik });
    const t = ticketOf(api, (x) => x.authorId === 'acc-erik' && x.status === 'in_progress');
    const { el } = await mount(api, t.id);
    await ready(el);
    await customElements.whenDefined('portal-file-drop');
    await waitUntil(() => $maybe(el, 'portal-file-drop'), 'no file drop');
    const drop = $(el, 'portal-file-drop') as HTMLElement & { addFiles(f: File[]): void; maxFileSize: number; updateComplete: Promise<boolean> };
    await waitUntil(() => drop.shadowRoot?.querySelector('[part=zone]'), 'no drop zone');
    // the true limits: the size from GET /api/me, no count (each file is its own request)
    expect(drop.shadowRoot!.querySelector('#limits')!.textContent).to.equal('At most 10 MB per file.');
    const errors: unknown[] = [];
    const onError = (e: ErrorEvent | PromiseRejectionEvent) => errors.push('reason' in e ? e.reason : e.error);
    window.addEventListener('error', onError);
    window.addEventListener('unhandledrejection', onError);
    try {
      const before = el.ticket!.attachments.length;
      let updated = oneEvent(el, 'ticket-updated');
      drop.addFiles([new File(['0123456789'], 'red.png', { type: 'image/png' })]);
      await updated;
      await waitUntil(() => drop.shadowRoot!.querySelectorAll('li.file').length === 0, 'the finished upload stayed listed');
      expect(el.ticket!.attachments.length).to.equal(before + 1);
      // the same file again is a second upload, not ignored
      updated = oneEvent(el, 'ticket-updated');
      drop.maxFileSize = 20;
      drop.addFiles([new File(['0123456789'], 'red.png', { type: 'image/png' }), new File(['x'.repeat(30)], 'gross.txt', { type: 'text/plain' })]);
      await updated;
      await el.updateComplete;
      await drop.updateComplete;
      expect(el.ticket!.attachments.length).to.equal(before + 2);
      const done = drop.shadowRoot!.querySelector<HTMLLIElement>('li.file.done')!;
      const hide = done.querySelector<HTMLButtonElement>('.remove')!;
      expect(hide.getAttribute('aria-label')).to.equal('Hide this message about red.png (the file stays attached)');
      hide.click();
      await waitUntil(() => !drop.shadowRoot!.querySelector('li.file.done'), 'the message did not go');
      expect(api.calls.some((c) => c.method === 'uploads.remove')).to.equal(false);
      expect(api.world.attachments.filter((a) => a.ticketId === t.id && a.fileName === 'red.png')).to.have.length(2);
      expect(drop.shadowRoot!.textContent).to.contain('gross.txt');
      expect(errors).to.deep.equal([]);
    } finally {
      window.removeEventListener('error', onError);
      window.removeEventListener('unhandledrejection', onError);
    }
  });

  it('awaiting release: the composer does not promise the service desk reads it (fresh-eyes 8b)', async () => {
    const api = new FakeApi({ signedInAs: erik });
    const t = ticketOf(api, (x) => x.authorId === 'acc-erik' && x.status === 'awaiting_release');
    const { el } = await mount(api, t.id);
    await ready(el);
    const editor = await composer(el);
    expect(editor.label).to.equal('Your position');
    expect(editor.hint).to.equal('The service desk sees it only after the release. Ctrl+Enter sends.');
    const other = ticketOf(api, (x) => x.authorId === 'acc-erik' && x.status === 'in_progress');
    el.ticketId = other.id;
    await ready(el);
    await waitUntil(() => el.ticket?.id === other.id);
    await el.updateComplete;
    expect((await composer(el)).label).to.equal('Your message to the service desk');
  });

  it('images in the description load through the API; the actions slot and reload() serve other hosts', async () => {
    const api = new FakeApi({ signedInAs: erik });
    const t = ticketOf(api, (x) => x.authorId === 'acc-erik' && x.status === 'in_progress');
    api.world.attachments.push({
      id: 'attimg0001', ticketId: t.id, positionId: null, uploadedBy: 'acc-erik', fileName: 'bild.png', contentType: 'image/png',
      size: 81, createdAt: t.createdAt, internal: false, dataUrl: samplePngDataUrl,
    });
    t.descriptionHtml = '<p>Siehe Bild:</p><p><img src="/api/attachments/attimg0001?inline=1" alt="Fehlerbild"></p>';
    const session = await fixture<PortalSession>(html`<portal-session .api=${api} lang="en">
      <ticket-detail ticket-id=${t.id}><button slot="actions" id="extra">Release</button></ticket-detail>
    </portal-session>`);
    await waitForStatus(session, 'signed-in');
    const el = session.querySelector<TicketDetail>('ticket-detail')!;
    await ready(el);
    await waitUntil(() => $maybe<HTMLImageElement>(el, '.richtext img')?.getAttribute('src') === samplePngDataUrl, 'image not resolved');
    const slot = $<HTMLSlotElement>(el, 'slot[name=actions]');
    expect(slot.assignedElements()[0]!.id).to.equal('extra');
    const gets = () => api.calls.filter((c) => c.method === 'tickets.get').length;
    const n = gets();
    t.subject = 'Freigegeben und geändert';
    await el.reload();
    await el.updateComplete;
    expect(gets()).to.equal(n + 1);
    expect($(el, '#title').textContent).to.equal('Freigegeben und geändert');
  });

  it('speaks German', async () => {
    const api = new FakeApi({ signedInAs: erik });
    const t = ticketOf(api, (x) => x.authorId === 'acc-erik' && x.status === 'in_progress');
    const { el } = await mount(api, t.id, 'de');
    await ready(el);
    expect($(el, '.status-line .badge').textContent!.trim()).to.equal('In Bearbeitung');
    expect(button(el, 'close')!.textContent!.trim()).to.equal('Ticket abschließen');
    await waitUntil(() => $maybe(el, '#composer-title'), 'no composer');
    expect($(el, '#composer-title').textContent).to.equal('Position verfassen');
    expect($(el, '#attachments-title').textContent).to.contain('Anhänge');
    expect(text(el)).to.contain('Status von Alex Hoffmann geändert: Neu → In Bearbeitung');
    expect($(el, '.meta').textContent).to.contain('Störung');
    await expect(el).to.be.accessible();
  });

  it('inside portal-session, loads only once someone is signed in', async () => {
    const api = new FakeApi();
    const t = ticketOf(api, (x) => x.authorId === 'acc-erik' && x.status === 'in_progress');
    const session = await fixture<PortalSession>(html`<portal-session .api=${api} lang="en"><ticket-detail ticket-id=${t.id}></ticket-detail></portal-session>`);
    await waitForStatus(session, 'signed-out');
    const el = session.querySelector<TicketDetail>('ticket-detail')!;
    await el.updateComplete;
    expect(api.calls.some((c) => c.method === 'tickets.get')).to.equal(false);
    expect(el.hasCustomState('error')).to.equal(false);
    await signInThroughForm(session, erik, demoPassword);
    await waitForStatus(session, 'signed-in');
    await ready(el);
    expect($(el, '#title').textContent).to.equal(t.subject);
  });

  describe('the writing parts load as one (fresh-eyes)', () => {
    const Detail = () => customElements.get('ticket-detail') as unknown as { loadCompose: () => Promise<unknown> };
    let original: () => Promise<unknown>;
    beforeEach(() => {
      original = Detail().loadCompose;
    });
    afterEach(() => {
      Detail().loadCompose = original;
    });

    it('the editor or the file drop fails to load: the error with Try again, which loads them all again', async () => {
      let failing = true;
      let loads = 0;
      Detail().loadCompose = () => {
        loads++;
        // as the browser says it when the editor's chunk does not arrive
        return failing ? Promise.reject(new TypeError('Failed to fetch dynamically imported module: rich-text-editor.js')) : original();
      };
      const api = new FakeApi({ signedInAs: erik });
      const t = ticketOf(api, (x) => x.authorId === 'acc-erik' && x.status === 'in_progress');
      const { el } = await mount(api, t.id);
      await ready(el);
      await waitUntil(() => $maybe(el, '.content .alert.danger'), 'no error where the composer goes');
      const alert = $(el, '.content .alert.danger');
      expect(alert.getAttribute('role')).to.equal('alert');
      expect(alert.textContent).to.contain('The portal cannot be reached.');
      expect($maybe(el, '.composer')).to.equal(null);
      expect($maybe(el, '[role=status].state')).to.equal(null);
      await expect(el).to.be.accessible();
      failing = false;
      alert.querySelector<HTMLButtonElement>('button.retry')!.click();
      await composer(el);
      await waitUntil(() => $maybe(el, 'aside portal-file-drop'), 'no file drop after Try again');
      expect(loads).to.equal(2);
      expect($maybe(el, '.alert.danger')).to.equal(null);
    });

    it('while they load, a spinner holds the composer\'s and the upload\'s places', async () => {
      let arrive!: () => void;
      const arrived = new Promise<void>((r) => (arrive = r));
      Detail().loadCompose = () => arrived.then(original);
      const api = new FakeApi({ signedInAs: erik });
      const t = ticketOf(api, (x) => x.authorId === 'acc-erik' && x.status === 'in_progress');
      const { el } = await mount(api, t.id);
      await ready(el);
      for (const where of ['.content', 'aside.attachments']) {
        const spinner = $(el, `${where} > .state[role=status]`);
        expect(spinner.querySelector('.spinner')).to.not.equal(null);
        expect(spinner.textContent).to.contain('Loading…');
      }
      await expect(el).to.be.accessible();
      arrive();
      await composer(el);
      await waitUntil(() => $maybe(el, 'aside portal-file-drop'), 'no file drop');
      expect($maybe(el, '.state[role=status]')).to.equal(null);
    });
  });

  it('a reply typed in the composer is still there when the user comes back to the ticket, until it is sent (fresh-eyes, nothing typed is lost)', async () => {
    const api = new FakeApi({ signedInAs: erik });
    const [t, other] = api.world.tickets.filter((x) => x.authorId === 'acc-erik' && x.status === 'in_progress' && !x.private);
    expect(other, 'two tickets to write to').to.not.equal(undefined);
    let { el } = await mount(api, t!.id);
    await ready(el);
    await typeInComposer(el, 'Noch nicht fertig');
    // the user goes to the dashboard and comes back: the detail is made anew
    el.closest('portal-session')!.remove();
    ({ el } = await mount(api, t!.id));
    await ready(el);
    let editor = await composer(el);
    expect(editor.value).to.equal('<p>Noch nicht fertig</p>');
    // another account on the same ticket (in this tab): not Erik's draft
    const { el: hers } = await mount(new FakeApi({ signedInAs: 'dora.dispatcher@nordwind.example' }), t!.id);
    await ready(hers);
    expect((await composer(hers)).value).to.equal('');
    hers.closest('portal-session')!.remove();
    // another ticket in the same detail: its own (empty) composer; back again: the draft
    el.ticketId = other!.id;
    await waitUntil(() => $maybe(el, '#title')?.textContent === other!.subject, 'the other ticket did not show');
    editor = await composer(el);
    expect(editor.value).to.equal('');
    el.ticketId = t!.id;
    await waitUntil(() => $maybe<PortalRichTextEditor>(el, 'portal-rich-text-editor')?.value === '<p>Noch nicht fertig</p>', 'the draft did not come back');
    // sent: gone for good
    const added = oneEvent(el, 'position-added');
    $<HTMLButtonElement>(el, '.composer button[type=submit]').click();
    await added;
    el.closest('portal-session')!.remove();
    ({ el } = await mount(api, t!.id));
    await ready(el);
    editor = await composer(el);
    expect(editor.value).to.equal('');
  });
});
