import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { ApiError } from '../../widgets/core/api.js';
import { FakeApi, type FakeApiOptions } from '../../widgets/core/api-fake.js';
import { localeReady } from '../../widgets/core/localization.js';
import type { PortalSession } from '../../widgets/portal-session/portal-session.element.js';
import type { TicketWizard } from '../../widgets/ticket-wizard/ticket-wizard.element.js';
import type { TicketCreatedEvent } from '../../widgets/ticket-wizard/ticket-wizard.events.js';
import type { TicketOpenEvent } from '../../widgets/core/events.js';
import type { PortalFileDrop } from '../../widgets/core/file-drop/file-drop.element.js';
import type { PortalRichTextEditor } from '../../widgets/core/rich-text-editor/rich-text-editor.element.js';
import type { TicketWizardTags } from '../../widgets/ticket-wizard/ticket-wizard-tags.element.js';
import '../../widgets/ticket-wizard/define.js';
import { $, $maybe, collect, text, waitForStatus } from './helpers.js';

const erik = 'erik.editor@nordwind.example';
const dora = 'dora.dispatcher@nordwind.example';
const max = 'max.multi@mueller-soehne.example';
const anna = 'anna.viewer@nordwind.example';

async function mount(email: string, options: { lang?: 'de' | 'en'; api?: FakeApiOptions; fake?: FakeApi } = {}) {
  const api = options.fake ?? new FakeApi({ signedInAs: email, ...options.api });
  const session = await fixture<PortalSession>(
    html`<portal-session .api=${api} lang=${options.lang ?? 'en'}><ticket-wizard></ticket-wizard></portal-session>`,
  );
  await waitForStatus(session, 'signed-in');
  const el = session.querySelector<TicketWizard>('ticket-wizard')!;
  await localeReady();
  await waitUntil(() => !el.hasCustomState('loading'), 'the wizard kept loading', { timeout: 4000 });
  // the steps after the first (with the shared elements of steps 2 and 3) come in their own
  // chunk once the first step shows
  if (el.hasCustomState('ready')) await laterSteps(el);
  await el.updateComplete;
  return { api, session, el };
}

/** Waits, as a user would, until the steps after the first are there (their own chunk). */
async function laterSteps(el: TicketWizard) {
  await waitUntil(() => el.shadowRoot!.querySelector('portal-file-drop'), 'the later steps did not load', { timeout: 10000 });
  await Promise.all([customElements.whenDefined('portal-file-drop'), customElements.whenDefined('portal-rich-text-editor')]);
}

const currentStep = (el: TicketWizard) => $(el, '.steps [aria-current=step] .step-label').textContent!.trim();
const visiblePanel = (el: TicketWizard) => [...el.shadowRoot!.querySelectorAll<HTMLElement>('.panel')].find((p) => !p.hidden)!;
const active = (el: TicketWizard) => el.shadowRoot!.activeElement as HTMLElement | null;

async function next(el: TicketWizard) {
  $<HTMLButtonElement>(el, '.actions button[type=submit]').click();
  await el.updateComplete;
  await el.updateComplete;
}

async function typeSubject(el: TicketWizard, value: string) {
  const input = $<HTMLInputElement>(el, '#subject');
  input.focus();
  input.select();
  await sendKeys({ type: value });
  await el.updateComplete;
}

async function choose(el: TicketWizard, selector: string, value: string) {
  const select = $<HTMLSelectElement>(el, selector);
  select.value = value;
  select.dispatchEvent(new Event('change', { bubbles: true }));
  await el.updateComplete;
}

/** The review's label → value pairs. */
function reviewRows(el: TicketWizard): Record<string, string> {
  return Object.fromEntries(
    [...el.shadowRoot!.querySelectorAll('[part=review] .row')].map((r) => [
      r.querySelector('dt')!.textContent!.trim(),
      r.querySelector('dd')!.textContent!.replace(/\s+/g, ' ').trim(),
    ]),
  );
}

const tags = (el: TicketWizard) => $<TicketWizardTags>(el, 'ticket-wizard-tags');
const fileDrop = (el: TicketWizard) => $<PortalFileDrop>(el, 'portal-file-drop');
const editor = (el: TicketWizard) => $<PortalRichTextEditor>(el, 'portal-rich-text-editor');

/** Fills steps 1–5 with valid input, leaving the wizard on the review. */
async function fillValid(el: TicketWizard, subject = 'VPN drops every ten minutes') {
  await typeSubject(el, subject);
  await next(el);
  await next(el);
  await next(el);
  const types = [...$<HTMLSelectElement>(el, '#type').options].filter((o) => o.value);
  await choose(el, '#type', types[0]!.value);
  await choose(el, '#area', [...$<HTMLSelectElement>(el, '#area').options].filter((o) => o.value)[0]!.value);
  await next(el);
  await next(el);
  expect(currentStep(el)).to.equal('Review and send');
}

describe('ticket-wizard', () => {
  beforeEach(() => {
    sessionStorage.clear();
    document.documentElement.lang = 'en';
    history.replaceState(null, '', location.pathname + location.search);
  });
  afterEach(() => {
    history.replaceState(null, '', location.pathname + location.search);
  });

  it('step 1: the subject is required and meaningful; a failed step keeps the input (R-WIZ-1, R-WIZ-11)', async () => {
    const { el } = await mount(erik);
    expect(el.hasCustomState('ready')).to.equal(true);
    expect(currentStep(el)).to.equal('Subject and tags');
    expect([...el.shadowRoot!.querySelectorAll('.steps .step-label')].map((s) => s.textContent!.trim())).to.deep.equal([
      'Subject and tags',
      'Attachments',
      'Description',
      'Classification',
      'Release and privacy',
      'Review and send',
    ]);
    await expect(el).to.be.accessible();

    await next(el);
    const subject = $<HTMLInputElement>(el, '#subject');
    expect(currentStep(el)).to.equal('Subject and tags');
    expect(subject.getAttribute('aria-invalid')).to.equal('true');
    expect($(el, '#subject-error').textContent).to.equal('Please enter a subject.');
    expect(subject.getAttribute('aria-describedby')).to.contain('subject-error');
    expect(active(el)).to.equal(subject);
    await expect(el).to.be.accessible();

    await typeSubject(el, '  ?!  ');
    expect($maybe(el, '#subject-error'), 'editing clears the error').to.equal(null);
    await next(el);
    expect($(el, '#subject-error').textContent).to.equal('The subject needs letters or digits, not only punctuation.');
    expect(subject.value).to.equal('  ?!  ');

    await typeSubject(el, 'ab');
    await next(el);
    expect($(el, '#subject-error').textContent).to.equal('The subject needs at least 3 characters.');

    await typeSubject(el, 'Printer prints blank pages');
    await next(el);
    expect(currentStep(el)).to.equal('Attachments');
    expect(active(el)?.id).to.equal('step-title');
    // Back keeps what was typed
    $<HTMLButtonElement>(el, '.actions .button:not([type=submit])').click();
    await el.updateComplete;
    expect(currentStep(el)).to.equal('Subject and tags');
    expect($<HTMLInputElement>(el, '#subject').value).to.equal('Printer prints blank pages');
  });

  it('tags: suggestions by keyboard, Enter and comma add, Backspace removes the last (R-WIZ-2)', async () => {
    const { el, api } = await mount(erik);
    const t = tags(el);
    const input = t.shadowRoot!.querySelector<HTMLInputElement>('input')!;
    expect(input.getAttribute('role')).to.equal('combobox');
    input.focus();
    await sendKeys({ type: 'VP' });
    // one focus ring, on the box; none on the input inside it (fresh-eyes 12)
    const inner = getComputedStyle(input);
    expect([inner.outlineStyle, inner.boxShadow]).to.deep.equal(['none', 'none']);
    expect(getComputedStyle(t.shadowRoot!.querySelector('.box')!).outlineStyle).to.equal('solid');
    await waitUntil(() => input.getAttribute('aria-expanded') === 'true', 'no suggestions');
    const call = api.calls.filter((c) => c.method === 'lookups.tags').at(-1)!;
    expect(call.input).to.deep.include({ prefix: 'VP', partner: 'bp-nordwind' });
    const options = () => [...t.shadowRoot!.querySelectorAll('[role=option]')];
    expect(options().length).to.be.greaterThan(0);
    // the suggestions' CSS came with their module: the list floats under the field
    expect(getComputedStyle(t.shadowRoot!.querySelector('[role=listbox]')!).position).to.equal('absolute');
    expect(options()[0]!.textContent).to.contain('VPN');
    await expect(el).to.be.accessible();
    await sendKeys({ press: 'ArrowDown' });
    await t.updateComplete;
    expect(input.getAttribute('aria-activedescendant')).to.equal('tag-option-0');
    expect(options()[0]!.getAttribute('aria-selected')).to.equal('true');
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(t.value).to.deep.equal(['VPN']);
    expect(input.getAttribute('aria-expanded')).to.equal('false');
    await sendKeys({ type: 'Home office,' });
    await sendKeys({ type: 'urgent' });
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(t.value).to.deep.equal(['VPN', 'Home office', 'urgent']);
    // a duplicate (any case) is not added twice
    await sendKeys({ type: 'vpn' });
    await sendKeys({ press: 'Enter' });
    expect(t.value).to.deep.equal(['VPN', 'Home office', 'urgent']);
    await sendKeys({ press: 'Backspace' });
    await el.updateComplete;
    expect(t.value).to.deep.equal(['VPN', 'Home office']);
    expect(t.shadowRoot!.querySelector('[role=status]')!.textContent).to.contain('Tag urgent removed.');
    // the remove button of a chip
    t.shadowRoot!.querySelector<HTMLButtonElement>('button[aria-label="Remove tag VPN"]')!.click();
    await el.updateComplete;
    expect(t.value).to.deep.equal(['Home office']);
    // Escape closes the suggestions without adding
    await sendKeys({ type: 'Dru' });
    await waitUntil(() => input.getAttribute('aria-expanded') === 'true');
    await sendKeys({ press: 'Escape' });
    await t.updateComplete;
    expect(input.getAttribute('aria-expanded')).to.equal('false');
    expect(t.value).to.deep.equal(['Home office']);
    await expect(el).to.be.accessible();
  });

  it('editor: full run through every step with axe, attachments, description, priority preview; submitted for release (R-WIZ-1..4, 6..9)', async () => {
    const { el, api } = await mount(erik);
    const created = collect<TicketCreatedEvent>('ticket-created');
    const refresh = collect('portal-refresh-request');
    await typeSubject(el, 'VPN drops every ten minutes');
    const tagInput = tags(el).shadowRoot!.querySelector<HTMLInputElement>('input')!;
    tagInput.focus();
    await sendKeys({ type: 'VPN,' });
    await next(el);

    expect(currentStep(el)).to.equal('Attachments');
    await expect(el).to.be.accessible();
    // the limits the server really applies (GET /api/me), not a number of the widget's own (fresh-eyes 4)
    await waitUntil(() => fileDrop(el).shadowRoot?.querySelector('#limits'), 'no limits shown');
    expect(fileDrop(el).shadowRoot!.querySelector('#limits')!.textContent).to.equal('Up to 50 files, at most 10 MB each.');
    fileDrop(el).addFiles([new File(['log line'], 'vpn.log', { type: 'text/plain' })]);
    await waitUntil(() => fileDrop(el).value.length === 1, 'upload did not finish');
    await next(el);

    expect(currentStep(el)).to.equal('Description');
    const ed = editor(el);
    await waitUntil(() => ed.hasCustomState('ready'), 'the editor was not loaded when its step showed', { timeout: 8000 });
    await ed.updateComplete;
    ed.shadowRoot!.querySelector<HTMLElement>('.ProseMirror')!.focus();
    await sendKeys({ type: 'Since Monday.' });
    await el.updateComplete;
    await expect(el).to.be.accessible();
    await next(el);

    expect(currentStep(el)).to.equal('Classification');
    // one partner: no choice, just the name
    expect($maybe(el, '#partner')).to.equal(null);
    expect(text(el)).to.contain('Nordwind Logistik GmbH');
    // most used types first, in their own group
    const groups = [...$<HTMLSelectElement>(el, '#type').querySelectorAll('optgroup')].map((g) => g.label);
    expect(groups[0]).to.equal('Most used');
    await next(el);
    expect(currentStep(el)).to.equal('Classification');
    expect($(el, '#typeId-error').textContent).to.equal('Please choose a ticket type.');
    expect($(el, '#areaId-error').textContent).to.equal('Please choose an area.');
    expect(active(el)?.id).to.equal('type');
    await expect(el).to.be.accessible();
    await choose(el, '#type', 'type-incident');
    await choose(el, '#area', 'area-network');
    // the later steps' styles arrived with them
    expect(getComputedStyle($(el, '.segmented')).display).to.equal('grid');
    const priority = () => $(el, '[part=priority] .badge').textContent!.trim();
    expect(priority()).to.equal('Medium');
    $<HTMLInputElement>(el, 'input[name=urgency][value=high]').click();
    await el.updateComplete;
    expect(priority()).to.equal('High');
    $<HTMLInputElement>(el, 'input[name=impact][value=high]').click();
    await el.updateComplete;
    expect(priority()).to.equal('Critical');
    expect($(el, '[part=priority]').getAttribute('role')).to.equal('status');
    $<HTMLInputElement>(el, '#reference').value = 'PO-4711';
    $<HTMLInputElement>(el, '#reference').dispatchEvent(new Event('input'));
    await next(el);

    expect(currentStep(el)).to.equal('Release and privacy');
    // an editor cannot release: the explanation instead of the option
    expect($maybe(el, '#release')).to.equal(null);
    expect(text(el)).to.contain('A dispatcher of Nordwind Logistik GmbH must release this ticket');
    $<HTMLInputElement>(el, '#private').click();
    await el.updateComplete;
    await expect(el).to.be.accessible();
    await next(el);

    expect(currentStep(el)).to.equal('Review and send');
    expect(reviewRows(el)).to.deep.equal({
      Subject: 'VPN drops every ten minutes',
      Tags: 'VPN',
      'Business partner': 'Nordwind Logistik GmbH',
      'Reference number': 'PO-4711',
      'Ticket type': 'Incident',
      Area: 'Network & VPN',
      Urgency: 'High',
      Impact: 'High',
      Priority: 'Critical',
      Release: 'Submitted for release',
      Private: 'Yes',
    });
    expect($(el, '[part=review] .files').textContent).to.contain('vpn.log');
    expect($(el, '[part=review] .description').innerHTML).to.contain('<p>Since Monday.</p>');
    await expect(el).to.be.accessible();
    await next(el);
    await waitUntil(() => el.hasCustomState('sent'), 'not sent');
    await el.updateComplete;

    const sent = api.calls.find((c) => c.method === 'tickets.create')!.input as Record<string, unknown>;
    expect(sent).to.deep.include({
      subject: 'VPN drops every ten minutes',
      description: '<p>Since Monday.</p>',
      tags: ['VPN'],
      businessPartnerId: 'bp-nordwind',
      referenceNo: 'PO-4711',
      typeId: 'type-incident',
      areaId: 'area-network',
      urgency: 'high',
      impact: 'high',
      release: false,
      private: true,
    });
    expect((sent.attachmentIds as string[]).length).to.equal(1);
    created.stop();
    refresh.stop();
    expect(created.events).to.have.length(1);
    const ticket = created.events[0]!.detail;
    expect(ticket.status).to.equal('awaiting_release');
    expect(ticket.priority).to.equal('critical');
    expect(ticket.attachments.map((a) => a.fileName)).to.deep.equal(['vpn.log']);
    expect(refresh.events).to.have.length(1);
    expect($(el, '#success-title').textContent).to.equal(`Ticket #${ticket.number} was created`);
    expect($(el, '.success .badge').textContent).to.equal('Awaiting release');
    expect(getComputedStyle($(el, '.success')).textAlign).to.equal('center');
    expect(active(el)?.id).to.equal('success-title');
    expect(sessionStorage.length, 'the draft is gone after sending').to.equal(0);
    await expect(el).to.be.accessible();

    // "Open ticket": a cancelable intent; not prevented, the hash routes to the ticket
    const opened = oneEvent(el, 'ticket-open') as Promise<TicketOpenEvent>;
    $<HTMLButtonElement>(el, '.success .button.primary').click();
    const open = await opened;
    expect(open.detail).to.deep.equal({ id: ticket.id });
    expect(open.cancelable && open.composed && open.bubbles).to.equal(true);
    expect(location.hash).to.equal(`#/tickets/${ticket.id}`);

    // "Create another" starts empty
    $<HTMLButtonElement>(el, '.success .button:not(.primary)').click();
    await el.updateComplete;
    expect(el.hasCustomState('ready')).to.equal(true);
    expect($<HTMLInputElement>(el, '#subject').value).to.equal('');
    expect(fileDrop(el).value).to.deep.equal([]);
  });

  it('a host may handle ticket-open itself (preventDefault: the hash stays)', async () => {
    const { el } = await mount(dora);
    await fillValid(el);
    await next(el);
    await waitUntil(() => el.hasCustomState('sent'));
    await el.updateComplete;
    el.addEventListener('ticket-open', (e) => e.preventDefault(), { once: true });
    $<HTMLButtonElement>(el, '.success .button.primary').click();
    expect(location.hash).to.equal('');
  });

  it('dispatcher: "Release on creation" is offered and checked by default; the ticket is released (R-WIZ-9)', async () => {
    const { el, api } = await mount(dora);
    await typeSubject(el, 'New colleague needs an account');
    await next(el);
    await next(el);
    await next(el);
    await choose(el, '#type', 'type-request');
    await choose(el, '#area', 'area-accounts');
    await next(el);
    const release = $<HTMLInputElement>(el, '#release');
    expect(release.checked).to.equal(true);
    expect(release.getAttribute('aria-describedby')).to.equal('release-hint');
    await expect(el).to.be.accessible();
    await next(el);
    expect($(el, '[part=review]').textContent).to.contain('Released on creation');
    await next(el);
    await waitUntil(() => el.hasCustomState('sent'));
    await el.updateComplete;
    expect((api.calls.find((c) => c.method === 'tickets.create')!.input as { release: boolean }).release).to.equal(true);
    expect($(el, '.success .badge').textContent).to.equal('Released');
    expect(text(el)).to.contain('the service desk can see it');
  });

  it('several partners: the partner must be chosen, and the release option follows its rights (R-WIZ-5, R-WIZ-9)', async () => {
    const { el, api } = await mount(max);
    await typeSubject(el, 'Laptop does not boot');
    await next(el);
    await next(el);
    await next(el);
    const partner = $<HTMLSelectElement>(el, '#partner');
    expect([...partner.options].map((o) => o.textContent!.trim())).to.deep.equal(['Choose…', 'Müller & Söhne (Ost) GmbH', 'Blue Harbor Ltd']);
    await choose(el, '#type', 'type-incident');
    await choose(el, '#area', 'area-workplace');
    await next(el);
    expect($(el, '#businessPartnerId-error').textContent).to.equal('Please choose the business partner this ticket is for.');
    expect(active(el)).to.equal(partner);
    await expect(el).to.be.accessible();
    await choose(el, '#partner', 'bp-mueller');
    await next(el);
    expect($maybe(el, '#release'), 'editor at Müller: no release').to.equal(null);
    $<HTMLButtonElement>(el, '.actions .button:not([type=submit])').click();
    await el.updateComplete;
    await choose(el, '#partner', 'bp-blueharbor');
    await next(el);
    expect($<HTMLInputElement>(el, '#release').checked, 'dispatcher at Blue Harbor').to.equal(true);
    // tag suggestions follow the chosen partner
    $<HTMLButtonElement>(el, '.steps li:first-child button').click();
    await el.updateComplete;
    expect(tags(el).partner).to.equal('bp-blueharbor');
    await next(el);
    await el.updateComplete;
    $<HTMLButtonElement>(el, '.steps li:nth-child(5) button').click();
    await el.updateComplete;
    await next(el);
    expect(currentStep(el)).to.equal('Review and send');
    expect(reviewRows(el)['Business partner']).to.equal('Blue Harbor Ltd');
    await next(el);
    await waitUntil(() => el.hasCustomState('sent'), 'not sent');
    expect(api.calls.find((c) => c.method === 'tickets.create')!.input).to.deep.include({ businessPartnerId: 'bp-blueharbor', release: true });
  });

  it('viewer: a clear message instead of the form', async () => {
    const { el } = await mount(anna);
    expect(el.hasCustomState('denied')).to.equal(true);
    expect($maybe(el, 'form')).to.equal(null);
    expect(text(el)).to.contain('Your permission group may read tickets but not create them.');
    await expect(el).to.be.accessible();
  });

  it('keeps the draft in sessionStorage per account and restores it after a reload; discard starts over (R-WIZ-11)', async () => {
    const first = await mount(erik);
    await typeSubject(first.el, 'Monitor flickers');
    await next(first.el);
    first.el.remove();
    const stored = JSON.parse(sessionStorage.getItem('helpdesk-portal.ticket-wizard.v1:acc-erik')!);
    expect(stored.draft.subject).to.equal('Monitor flickers');
    expect(stored.step).to.equal(1);

    // another account does not see it
    const other = await mount(dora);
    expect($<HTMLInputElement>(other.el, '#subject').value).to.equal('');
    expect($maybe(other.el, '.restored')).to.equal(null);
    other.el.remove();

    const again = await mount(erik);
    await again.el.updateComplete;
    expect($(again.el, '.restored').textContent).to.contain('Your unsent ticket was restored.');
    expect(currentStep(again.el)).to.equal('Attachments');
    expect($<HTMLInputElement>(again.el, '#subject').value).to.equal('Monitor flickers');
    await expect(again.el).to.be.accessible();
    $<HTMLButtonElement>(again.el, '.restored button').click();
    await again.el.updateComplete;
    expect(currentStep(again.el)).to.equal('Subject and tags');
    expect($<HTMLInputElement>(again.el, '#subject').value).to.equal('');
    expect(sessionStorage.getItem('helpdesk-portal.ticket-wizard.v1:acc-erik')).to.equal(null);
  });

  it('restores uploaded attachments and the description too', async () => {
    const api = new FakeApi({ signedInAs: erik });
    const [item] = await api.uploads.upload([new File(['x'], 'screen.pdf', { type: 'application/pdf' })]);
    sessionStorage.setItem(
      'helpdesk-portal.ticket-wizard.v1:acc-erik',
      JSON.stringify({
        v: 1,
        step: 2,
        reached: 3,
        draft: {
          subject: 'Scanner',
          tags: ['Scan'],
          attachments: [{ ...item!.attachment!, previewable: false }],
          description: '<h2>Symptom</h2><p>It <strong>jams</strong>.</p>',
          typeId: 'nonsense',
        },
      }),
    );
    const { el } = await mount(erik, { fake: api });
    expect(currentStep(el)).to.equal('Description');
    expect(fileDrop(el).value.map((f) => f.fileName)).to.deep.equal(['screen.pdf']);
    expect(editor(el).value).to.equal('<h2>Symptom</h2><p>It <strong>jams</strong>.</p>');
    expect(tags(el).value).to.deep.equal(['Scan']);
    // a stored type that no longer exists is dropped, not sent
    $<HTMLButtonElement>(el, '.steps li:nth-child(4) button').click();
    await el.updateComplete;
    expect($<HTMLSelectElement>(el, '#type').value).to.equal('');
    // the review nests the description's own headings below its section heading
    await choose(el, '#type', 'type-question');
    await choose(el, '#area', 'area-workplace');
    await next(el);
    await next(el);
    expect(currentStep(el)).to.equal('Review and send');
    expect($(el, '[part=review] .description h5').textContent).to.equal('Symptom');
    await expect(el).to.be.accessible();
    // a long unbroken word (a path, a URL) wraps in the review's box instead of running out of it (found by a fresh-eyes test)
    const box = $(el, '[part=review] .description');
    box.querySelector('p')!.append(' C:\\Users\\' + 'x'.repeat(300));
    expect(box.scrollWidth).to.be.at.most(box.clientWidth);
  });

  it('a kept draft that is broken is dropped; wrong values in it fall back to the defaults (R-WIZ-11)', async () => {
    const key = 'helpdesk-portal.ticket-wizard.v1:acc-erik';
    sessionStorage.setItem(key, '{"v":1,"draft":');
    const broken = await mount(erik);
    expect($maybe(broken.el, '.restored')).to.equal(null);
    expect(currentStep(broken.el)).to.equal('Subject and tags');
    broken.el.remove();

    sessionStorage.setItem(
      key,
      JSON.stringify({
        v: 1,
        step: 9,
        reached: -1,
        draft: { subject: 42, tags: ['Drucker', 3], urgency: 'extreme', impact: 'high', release: 'yes', private: true, referenceNo: 'PO-1', attachments: [{ id: 7 }] },
      }),
    );
    const { el } = await mount(erik);
    expect($(el, '.restored').textContent).to.contain('Your unsent ticket was restored.');
    expect(currentStep(el), 'a step out of range becomes the last').to.equal('Review and send');
    expect(reviewRows(el)).to.deep.include({
      Subject: '',
      Tags: 'Drucker',
      'Reference number': 'PO-1',
      Urgency: 'Medium',
      Impact: 'High',
      Private: 'Yes',
    });
    expect($(el, '[part=review]').textContent).to.contain('No attachments');
  });

  it('a network error on sending keeps everything and offers a retry (R-WIZ-11, R-X-5)', async () => {
    const { el, api } = await mount(erik);
    await fillValid(el);
    api.failures['tickets.create'] = 'network';
    await next(el);
    await waitUntil(() => $maybe(el, '.send-error'), 'no error shown');
    expect($(el, '.send-error').textContent).to.contain('The portal cannot be reached');
    expect($(el, '.send-error').textContent).to.contain('Nothing you entered is lost.');
    // "try again" once: the message says it, the button does it (fresh-eyes 8c)
    expect($(el, '.send-error').textContent!.match(/try again/gi)).to.have.length(2);
    expect($(el, '.send-error p + p').textContent).to.equal('Nothing you entered is lost.');
    expect(currentStep(el)).to.equal('Review and send');
    expect(JSON.parse(sessionStorage.getItem('helpdesk-portal.ticket-wizard.v1:acc-erik')!).draft.subject).to.equal('VPN drops every ten minutes');
    await expect(el).to.be.accessible();
    delete api.failures['tickets.create'];
    $<HTMLButtonElement>(el, '.send-error .retry').click();
    await waitUntil(() => el.hasCustomState('sent'), 'retry did not send');
    expect(api.calls.filter((c) => c.method === 'tickets.create')).to.have.length(2);
  });

  it('server issues (422) appear at their fields and the wizard goes to their step', async () => {
    const { el, api } = await mount(erik);
    await fillValid(el);
    api.failures['tickets.create'] = new ApiError({
      status: 422,
      code: 'validation_failed',
      message: 'The request has invalid fields',
      details: { issues: [{ path: 'typeId', message: 'Unknown ticket type' }, { path: 'tags.0', message: 'A tag must not be empty' }] },
    });
    await next(el);
    await waitUntil(() => currentStep(el) === 'Subject and tags', 'did not jump to the first step with an issue');
    await el.updateComplete;
    expect($(el, 'ticket-wizard-tags').getAttribute('error')).to.equal('Please check the tags: at most 20, each at most 40 characters.');
    expect($(el, '.steps li:nth-child(4) .step').classList.contains('has-error')).to.equal(true);
    $<HTMLButtonElement>(el, '.steps li:nth-child(4) button').click();
    await el.updateComplete;
    expect($(el, '#typeId-error').textContent).to.equal('This ticket type is not available. Please choose another one.');
    expect($<HTMLInputElement>(el, '#subject').value).to.equal('VPN drops every ten minutes');
    await expect(el).to.be.accessible();
  });

  it('loading, then an error with retry when the lookups fail', async () => {
    const api = new FakeApi({ signedInAs: erik, latencyMs: 50, failures: { 'lookups.types': 'internal' } });
    const session = await fixture<PortalSession>(html`<portal-session .api=${api} lang="en"><ticket-wizard></ticket-wizard></portal-session>`);
    await waitForStatus(session, 'signed-in');
    const el = session.querySelector<TicketWizard>('ticket-wizard')!;
    await waitUntil(() => el.hasCustomState('loading'));
    await el.updateComplete;
    expect($(el, '.state[role=status]').textContent).to.contain('Loading');
    await expect(el).to.be.accessible();
    await waitUntil(() => el.hasCustomState('error'), 'no error state');
    await el.updateComplete;
    expect($(el, '[role=alert]').textContent).to.contain('Something went wrong on our side.');
    await expect(el).to.be.accessible();
    delete api.failures['lookups.types'];
    $<HTMLButtonElement>(el, '.panel-state .button').click();
    await waitUntil(() => el.hasCustomState('ready'), 'retry did not load');
  });

  it('empty: without ticket types nothing can be created, and it says so', async () => {
    const api = new FakeApi({ signedInAs: erik });
    api.world.types.length = 0;
    const { el } = await mount(erik, { fake: api });
    expect(el.hasCustomState('empty')).to.equal(true);
    expect(text(el)).to.contain('has not set up any ticket types or areas');
    await expect(el).to.be.accessible();
  });

  it('works without portal-session (own API, loads the account itself)', async () => {
    const api = new FakeApi({ signedInAs: erik });
    const el = await fixture<TicketWizard>(html`<ticket-wizard lang="en" .api=${api}></ticket-wizard>`);
    await waitUntil(() => el.hasCustomState('ready'), 'not ready alone');
    expect(api.calls.some((c) => c.method === 'me.get')).to.equal(true);
    await typeSubject(el, 'Alone on a page');
    expect(JSON.parse(sessionStorage.getItem('helpdesk-portal.ticket-wizard.v1:acc-erik')!).draft.subject).to.equal('Alone on a page');
  });

  it("another account on the same wizard gets its own draft, not the previous account's files or text", async () => {
    const erikApi = new FakeApi({ signedInAs: erik });
    const el = await fixture<TicketWizard>(html`<ticket-wizard lang="en" .api=${erikApi}></ticket-wizard>`);
    await waitUntil(() => el.hasCustomState('ready'));
    await laterSteps(el);
    await typeSubject(el, 'Erik writes this');
    await next(el);
    fileDrop(el).addFiles([new File(['x'], 'erik.txt', { type: 'text/plain' })]);
    await waitUntil(() => fileDrop(el).value.length === 1);
    el.api = new FakeApi({ signedInAs: dora });
    await waitUntil(() => $<HTMLInputElement>(el, '#subject').value === '', 'the other account saw the draft');
    await el.updateComplete;
    expect(fileDrop(el).value).to.deep.equal([]);
    expect(currentStep(el)).to.equal('Subject and tags');
    expect(JSON.parse(sessionStorage.getItem('helpdesk-portal.ticket-wizard.v1:acc-erik')!).draft.attachments[0].fileName).to.equal('erik.txt');
  });

  it('speaks German (R-X-1)', async () => {
    const { el } = await mount(erik, { lang: 'de' });
    expect(currentStep(el)).to.equal('Betreff und Tags');
    expect($(el, 'label[for=subject]').textContent).to.contain('Betreff');
    await next(el);
    expect($(el, '#subject-error').textContent).to.equal('Bitte geben Sie einen Betreff ein.');
    await typeSubject(el, 'Drucker druckt leere Seiten');
    await next(el);
    await next(el);
    await next(el);
    expect(currentStep(el)).to.equal('Klassifizierung');
    $<HTMLInputElement>(el, 'input[name=urgency][value=high]').click();
    $<HTMLInputElement>(el, 'input[name=impact][value=high]').click();
    await el.updateComplete;
    expect($(el, '[part=priority]').textContent!.replace(/\s+/g, ' ').trim()).to.equal('Resultierende Priorität: Kritisch');
    await expect(el).to.be.accessible();
    expect(visiblePanel(el)).to.exist;
  });
});
