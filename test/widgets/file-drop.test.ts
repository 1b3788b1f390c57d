import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { FakeApi } from '../../widgets/core/api-fake.js';
import { localeReady } from '../../widgets/core/localization.js';
import type { UploadItem, UploadOptions } from '../../widgets/core/api.js';
import type { PortalFileDrop } from '../../widgets/core/file-drop/file-drop.element.js';
import type { FilesChangedEvent } from '../../widgets/core/file-drop/file-drop.events.js';
import '../../widgets/core/file-drop/define.js';
import { $, $maybe, text } from './helpers.js';

const file = (name: string, size = 1000, type = 'application/pdf') => new File([new Uint8Array(size)], name, { type });

async function mount(attrs = html`<portal-file-drop></portal-file-drop>`, api = new FakeApi({ signedInAs: 'erik.editor@nordwind.example' })) {
  const el = await fixture<PortalFileDrop>(attrs);
  el.api = api;
  await el.updateComplete;
  return { el, api };
}

/** Chooses files through the hidden input, as the file dialog would. */
function choose(el: PortalFileDrop, files: File[]) {
  const input = $<HTMLInputElement>(el, 'input[type=file]');
  const dt = new DataTransfer();
  for (const f of files) dt.items.add(f);
  input.files = dt.files;
  input.dispatchEvent(new Event('change', { bubbles: true }));
}

function drag(el: PortalFileDrop, type: string, files: File[] = [file('a.pdf')], init: DragEventInit = {}) {
  const dt = new DataTransfer();
  for (const f of files) dt.items.add(f);
  const ev = new DragEvent(type, { dataTransfer: dt, bubbles: true, cancelable: true, composed: true, ...init });
  $(el, '.zone').dispatchEvent(ev);
  return ev;
}

const rows = (el: PortalFileDrop) => [...el.shadowRoot!.querySelectorAll<HTMLLIElement>('li.file')];
const overlayShown = (el: PortalFileDrop) => !$(el, '[part=overlay]').hidden;

/** An uploader the test drives: progress and the answer come when the test says so. */
function manualUploader() {
  const pending: { file: File; options: UploadOptions; resolve: (i: UploadItem) => void; reject: (e: unknown) => void }[] = [];
  const uploader = (f: File, options: UploadOptions) =>
    new Promise<UploadItem>((resolve, reject) => pending.push({ file: f, options, resolve, reject }));
  return { uploader, pending };
}

describe('portal-file-drop', () => {
  before(() => {
    document.documentElement.lang = 'en';
  });

  it('empty: a button opens the file dialog; the limits are stated', async () => {
    const { el } = await mount(html`<portal-file-drop max-files="3" max-file-size="2097152"></portal-file-drop>`);
    expect(el.hasCustomState('empty')).to.equal(true);
    const zone = $<HTMLButtonElement>(el, 'button.zone');
    expect(zone.textContent!.replace(/\s+/g, ' ').trim()).to.equal('Choose files or drag them here');
    expect($(el, '#limits').textContent).to.equal('Up to 3 files, at most 2 MB each.');
    let opened = false;
    $(el, 'input[type=file]').addEventListener('click', (e) => {
      opened = true;
      e.preventDefault();
    });
    zone.focus();
    await sendKeys({ press: 'Enter' });
    expect(opened).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('uploads each chosen file through api.uploads with progress; files-changed carries the stored files', async () => {
    const { el, api } = await mount();
    const events: FilesChangedEvent[] = [];
    el.addEventListener('files-changed', (e) => events.push(e));
    choose(el, [file('report.pdf', 2048), file('photo.png', 512, 'image/png')]);
    await waitUntil(() => el.value.length === 2, 'uploads did not finish');
    await el.updateComplete;
    expect(api.calls.filter((c) => c.method === 'uploads.upload').map((c) => c.input)).to.deep.equal([
      { files: ['report.pdf'] },
      { files: ['photo.png'] },
    ]);
    expect(el.value.map((f) => f.fileName)).to.deep.equal(['report.pdf', 'photo.png']);
    expect(el.value[1]!.previewable).to.equal(true);
    const last = events.at(-1)!;
    expect(last.detail).to.deep.equal({ files: el.value, uploading: 0, failed: 0 });
    expect(last.bubbles && last.composed).to.equal(true);
    expect(rows(el).map((r) => r.querySelector('.file-meta')!.textContent!.trim())).to.deep.equal(['2 kB · Uploaded', '512 byte · Uploaded']);
    expect(el.hasCustomState('ready')).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('shows per-file progress while uploading', async () => {
    const { el } = await mount();
    const m = manualUploader();
    el.uploader = m.uploader;
    choose(el, [file('big.zip', 4000, 'application/zip'), file('small.txt', 10, 'text/plain')]);
    await waitUntil(() => m.pending.length === 2);
    m.pending[0]!.options.onProgress!(1000, 4000);
    await el.updateComplete;
    const bars = [...el.shadowRoot!.querySelectorAll('progress')];
    expect(bars.map((b) => b.value)).to.deep.equal([25, 0]);
    expect(bars[0]!.getAttribute('aria-label')).to.equal('Upload of big.zip');
    expect(el.hasCustomState('uploading')).to.equal(true);
    expect(el.uploading).to.equal(2);
    await expect(el).to.be.accessible();
    m.pending[1]!.resolve({ fileName: 'small.txt', ok: true, attachment: { id: 'aaaaaaaa1', fileName: 'small.txt', contentType: 'text/plain', size: 10, url: '/api/attachments/aaaaaaaa1', previewable: false, createdAt: new Date().toISOString() } });
    await waitUntil(() => el.value.length === 1);
    expect(el.uploading).to.equal(1);
    expect(el.shadowRoot!.querySelectorAll('progress')).to.have.length(1);
  });

  it('refuses files over the size limit before sending, and shows server errors per file with a retry', async () => {
    const { el, api } = await mount(html`<portal-file-drop max-file-size="1024"></portal-file-drop>`);
    api.failures['uploads.upload'] = 'network';
    choose(el, [file('huge.iso', 5000), file('log.txt', 100, 'text/plain')]);
    await waitUntil(() => rows(el).length === 2 && rows(el).every((r) => r.classList.contains('error')), 'no errors shown');
    await el.updateComplete;
    const [huge, log] = rows(el);
    expect(huge!.querySelector('.file-error')!.textContent).to.equal('Larger than the limit of 1 kB per file.');
    expect(huge!.querySelector('.retry')).to.equal(null);
    expect(log!.querySelector('.file-error')!.textContent).to.contain('cannot be reached');
    expect(api.calls.filter((c) => c.method === 'uploads.upload').map((c) => c.input)).to.deep.equal([{ files: ['log.txt'] }]);
    await expect(el).to.be.accessible();
    delete api.failures['uploads.upload'];
    log!.querySelector<HTMLButtonElement>('.retry')!.click();
    await waitUntil(() => el.value.length === 1, 'retry did not upload');
    expect(el.value[0]!.fileName).to.equal('log.txt');
  });

  it('a file the server refuses (413 with details.items) shows the size message', async () => {
    const api = new FakeApi({ signedInAs: 'erik.editor@nordwind.example', maxFileBytes: 100 });
    const { el } = await mount(html`<portal-file-drop></portal-file-drop>`, api);
    choose(el, [file('scan.pdf', 500)]);
    await waitUntil(() => rows(el)[0]?.classList.contains('error'));
    expect(rows(el)[0]!.querySelector('.file-error')!.textContent).to.equal('Larger than the limit of 10 MB per file.');
  });

  it('count limit: files beyond it are not added, and the message names them', async () => {
    const { el } = await mount(html`<portal-file-drop max-files="2"></portal-file-drop>`);
    choose(el, [file('1.pdf'), file('2.pdf'), file('3.pdf')]);
    await el.updateComplete;
    expect(rows(el)).to.have.length(2);
    const notice = $(el, '.notice');
    expect(notice.getAttribute('role')).to.equal('alert');
    expect(notice.textContent).to.contain('You can attach at most 2 files. Not added: 3.pdf.');
    await expect(el).to.be.accessible();
  });

  it('removes files: a stored draft through api.uploads.remove, Delete on a focused file, focus moves on', async () => {
    const { el, api } = await mount();
    choose(el, [file('a.pdf'), file('b.pdf'), file('c.pdf')]);
    await waitUntil(() => el.value.length === 3);
    await el.updateComplete;
    const ids = el.value.map((f) => f.id);
    rows(el)[0]!.querySelector<HTMLButtonElement>('.remove')!.click();
    await waitUntil(() => rows(el).length === 2);
    expect(api.calls.filter((c) => c.method === 'uploads.remove').map((c) => c.input)).to.deep.equal([{ id: ids[0] }]);
    expect(api.world.attachments.some((a) => a.id === ids[0])).to.equal(false);
    const second = rows(el)[0]!;
    second.focus();
    const changed = oneEvent(el, 'files-changed');
    await sendKeys({ press: 'Delete' });
    await changed;
    await waitUntil(() => rows(el).length === 1);
    await el.updateComplete;
    expect(el.value.map((f) => f.fileName)).to.deep.equal(['c.pdf']);
    expect(el.shadowRoot!.activeElement).to.equal(rows(el)[0]);
    expect(text(el)).to.contain('b.pdf removed.');
  });

  it('restores stored files through value and keeps remove working (remover null: local only)', async () => {
    const { el, api } = await mount();
    el.remover = null;
    el.value = [{ id: 'abcdefgh12', fileName: 'old.pdf', contentType: 'application/pdf', size: 3 * 1024 * 1024, previewable: false }];
    await el.updateComplete;
    expect(rows(el)[0]!.textContent).to.contain('3 MB');
    rows(el)[0]!.querySelector<HTMLButtonElement>('.remove')!.click();
    await waitUntil(() => rows(el).length === 0);
    expect(api.calls.some((c) => c.method === 'uploads.remove')).to.equal(false);
  });

  it('drop overlay: appears on dragenter, goes on dragleave, on drop (which adds the files) and on Escape', async () => {
    const { el } = await mount();
    expect(overlayShown(el)).to.equal(false);
    drag(el, 'dragenter');
    await el.updateComplete;
    expect(overlayShown(el)).to.equal(true);
    expect(el.hasCustomState('dragging')).to.equal(true);
    await expect(el).to.be.accessible();
    // moving between our own children keeps it
    drag(el, 'dragleave', undefined, { relatedTarget: $(el, '.limits') });
    await el.updateComplete;
    expect(overlayShown(el)).to.equal(true);
    drag(el, 'dragleave', undefined, { relatedTarget: null });
    await el.updateComplete;
    expect(overlayShown(el)).to.equal(false);

    drag(el, 'dragenter');
    const over = drag(el, 'dragover');
    expect(over.defaultPrevented, 'dragover must be cancelled to allow a drop').to.equal(true);
    await el.updateComplete;
    expect(overlayShown(el)).to.equal(true);
    const drop = drag(el, 'drop', [file('dropped.pdf')]);
    expect(drop.defaultPrevented).to.equal(true);
    await el.updateComplete;
    expect(overlayShown(el)).to.equal(false);
    await waitUntil(() => el.value.length === 1);
    expect(el.value[0]!.fileName).to.equal('dropped.pdf');

    drag(el, 'dragenter');
    await el.updateComplete;
    expect(overlayShown(el)).to.equal(true);
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(overlayShown(el)).to.equal(false);
    expect(el.hasCustomState('dragging')).to.equal(false);
  });

  it('ignores drags without files (text, links)', async () => {
    const { el } = await mount();
    const dt = new DataTransfer();
    dt.setData('text/plain', 'hello');
    $(el, '.zone').dispatchEvent(new DragEvent('dragenter', { dataTransfer: dt, bubbles: true, composed: true }));
    await el.updateComplete;
    expect(overlayShown(el)).to.equal(false);
  });

  it('disabled: nothing can be added', async () => {
    const { el } = await mount(html`<portal-file-drop disabled></portal-file-drop>`);
    expect($<HTMLButtonElement>(el, '.zone').disabled).to.equal(true);
    drag(el, 'dragenter');
    el.addFiles([file('x.pdf')]);
    await el.updateComplete;
    expect(overlayShown(el)).to.equal(false);
    expect($maybe(el, 'li.file')).to.equal(null);
  });

  it('keep-uploaded: × on a finished upload only hides the message; the file stays, nothing is deleted (fresh-eyes 1)', async () => {
    const { el, api } = await mount(html`<portal-file-drop keep-uploaded></portal-file-drop>`);
    choose(el, [file('red.png', 100, 'image/png')]);
    await waitUntil(() => el.value.length === 1);
    await el.updateComplete;
    const id = el.value[0]!.id;
    const button = rows(el)[0]!.querySelector<HTMLButtonElement>('.remove')!;
    expect(button.getAttribute('aria-label')).to.equal('Hide this message about red.png (the file stays attached)');
    expect(button.title).to.equal('Hide message');
    await expect(el).to.be.accessible();
    let changed = 0;
    el.addEventListener('files-changed', () => changed++);
    button.click();
    await waitUntil(() => rows(el).length === 0, 'the row did not go');
    expect(api.calls.some((c) => c.method === 'uploads.remove')).to.equal(false);
    expect(api.world.attachments.some((a) => a.id === id)).to.equal(true);
    expect(text(el)).not.to.contain('red.png removed.');
    expect(changed).to.equal(0);
  });

  it('max-files="0": no count limit, only the size is stated', async () => {
    const { el } = await mount(html`<portal-file-drop max-files="0" max-file-size="2097152"></portal-file-drop>`);
    expect($(el, '#limits').textContent).to.equal('At most 2 MB per file.');
    choose(el, Array.from({ length: 12 }, (_, i) => file(`${i}.pdf`)));
    await el.updateComplete;
    expect(rows(el)).to.have.length(12);
    expect($maybe(el, '.notice')).to.equal(null);
  });

  it('a file over the limit never reads as the limit: 11,000,000 bytes is 10.5 MB (fresh-eyes 5)', async () => {
    const { el } = await mount();
    expect($(el, '#limits').textContent).to.equal('Up to 50 files, at most 10 MB each.');
    choose(el, [file('big.bin', 11_000_000), file('just.bin', 10 * 1024 * 1024 + 1)]);
    await el.updateComplete;
    expect(rows(el).map((r) => r.querySelector('.file-meta')!.textContent!.trim())).to.deep.equal(['10.5 MB · Not uploaded', '10.1 MB · Not uploaded']);
    expect(rows(el)[0]!.querySelector('.file-error')!.textContent).to.equal('Larger than the limit of 10 MB per file.');
  });

  it('speaks German', async () => {
    document.documentElement.lang = 'de';
    const { el } = await mount(html`<portal-file-drop max-files="5"></portal-file-drop>`);
    await localeReady();
    await el.updateComplete;
    expect($(el, '.zone').textContent!.replace(/\s+/g, ' ').trim()).to.equal('Dateien auswählen oder hierher ziehen');
    expect($(el, '#limits').textContent).to.equal('Bis zu 5 Dateien, je höchstens 10 MB.');
    choose(el, [file('Bericht.pdf', 1536)]);
    await waitUntil(() => el.value.length === 1);
    await el.updateComplete;
    expect(rows(el)[0]!.querySelector('.file-meta')!.textContent!.trim()).to.equal('1,5 kB · Hochgeladen');
    await expect(el).to.be.accessible();
    el.keepUploaded = true;
    await el.updateComplete;
    expect(rows(el)[0]!.querySelector('.remove')!.getAttribute('aria-label')).to.equal('Meldung zu Bericht.pdf ausblenden (die Datei bleibt angehängt)');
    choose(el, [file('gross.bin', 11_000_000)]);
    await el.updateComplete;
    expect(rows(el)[1]!.querySelector('.file-meta')!.textContent!.trim()).to.equal('10,5 MB · Nicht hochgeladen');
    document.documentElement.lang = 'en';
    await localeReady();
  });
});
