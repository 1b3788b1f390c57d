import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { FakeApi } from '../../widgets/core/api-fake.js';
import { localeReady } from '../../widgets/core/localization.js';
import { PortalRichTextEditor, normalizeLink, textToParagraphs } from '../../widgets/core/rich-text-editor/rich-text-editor.element.js';
import '../../widgets/core/rich-text-editor/define.js';
import { $, $maybe } from './helpers.js';
import { allowedAttributes, allowedTags } from '../../server/schemas/richtext-policy.js';

const editorRequested = () => performance.getEntriesByType('resource').some((e) => /tiptap\.ts|@tiptap/.test(e.name));

async function mount(template = html`<portal-rich-text-editor label="Description"></portal-rich-text-editor>`, api = new FakeApi({ signedInAs: 'erik.editor@nordwind.example' })) {
  const el = await fixture<PortalRichTextEditor>(template);
  el.api = api;
  await el.updateComplete;
  return { el, api };
}

async function ready(el: PortalRichTextEditor) {
  await waitUntil(() => el.hasCustomState('ready'), 'the editor never loaded', { timeout: 8000 });
  await el.updateComplete;
  return $(el, '.ProseMirror');
}

const tool = (el: PortalRichTextEditor, id: string) => $<HTMLButtonElement>(el, `.toolbar [data-tool=${id}]`);

/** Every tag and attribute of `value` is on the server's allow-list. */
function expectAllowed(value: string) {
  const t = document.createElement('template');
  t.innerHTML = value;
  for (const node of t.content.querySelectorAll('*')) {
    const tag = node.localName;
    expect(allowedTags as readonly string[], `tag <${tag}>`).to.include(tag);
    for (const attr of node.getAttributeNames()) {
      const ok = (allowedAttributes[tag] ?? []).includes(attr) || (tag === 'a' && (attr === 'rel' || attr === 'target'));
      expect(ok, `attribute ${attr} on <${tag}>`).to.equal(true);
    }
  }
}

describe('portal-rich-text-editor', () => {
  before(() => {
    document.documentElement.lang = 'en';
  });

  it('starts as a plain, usable text area without loading the editor module (lazy)', async () => {
    const { el } = await mount();
    expect(editorRequested(), 'Tiptap was requested before any interaction').to.equal(false);
    expect(el.hasCustomState('plain')).to.equal(true);
    const area = $<HTMLTextAreaElement>(el, 'textarea');
    expect(area.labels?.[0]?.textContent?.trim()).to.equal('Description');
    await expect(el).to.be.accessible();
    // typing in it already gives a value; the editor loads on the focus and takes the text over
    area.focus();
    await sendKeys({ type: 'Printer <3' });
    await ready(el);
    expect(editorRequested()).to.equal(true);
    expect(el.value).to.contain('Printer &lt;3');
    expect(el.shadowRoot!.activeElement?.classList.contains('ProseMirror')).to.equal(true);
    await sendKeys({ type: ' jams' });
    expect(el.value).to.equal('<p>Printer &lt;3 jams</p>');
    await expect(el).to.be.accessible();
  });

  it('keys typed while the editor takes over from the text area are all kept (R-X-5)', async () => {
    // The moment the text area leaves the page, the focus must already be in the editor: a key
    // pressed in between would go nowhere (seen when the editor loaded in the middle of typing).
    const { el } = await mount();
    const area = $<HTMLTextAreaElement>(el, 'textarea');
    let focusAtSwap: string | undefined;
    const watch = new MutationObserver(() => {
      if (focusAtSwap === undefined && !area.isConnected) {
        const active = el.shadowRoot!.activeElement;
        focusAtSwap = active ? `${active.localName}.${active.className}` : 'nothing';
      }
    });
    watch.observe(el.shadowRoot!, { childList: true, subtree: true });
    area.focus();
    const text = 'The quick brown fox jumps over the lazy dog';
    await sendKeys({ type: text });
    await ready(el);
    watch.disconnect();
    expect(focusAtSwap).to.match(/ProseMirror/);
    expect(el.value).to.equal(`<p>${text}</p>`);
  });

  it('bold, bulleted list and table through the toolbar; the value is allowed HTML', async () => {
    const { el } = await mount();
    await el.load();
    const pm = await ready(el);
    pm.focus();
    tool(el, 'bold').click();
    await el.updateComplete;
    expect(tool(el, 'bold').getAttribute('aria-pressed')).to.equal('true');
    await sendKeys({ type: 'Urgent' });
    expect(el.value).to.equal('<p><strong>Urgent</strong></p>');
    tool(el, 'bold').click();
    await sendKeys({ press: 'Enter' });
    tool(el, 'bulletList').click();
    await sendKeys({ type: 'first' });
    await sendKeys({ press: 'Enter' });
    await sendKeys({ type: 'second' });
    expect(el.value).to.contain('<ul><li><p>first</p></li><li><p>second</p></li></ul>');
    await sendKeys({ press: 'Enter' });
    await sendKeys({ press: 'Enter' });
    expect($maybe(el, '.toolbar [data-tool=addRowAfter]')).to.equal(null);
    tool(el, 'insertTable').click();
    await el.updateComplete;
    // in a table: the table tools appear
    expect(tool(el, 'addRowAfter')).to.exist;
    await sendKeys({ type: 'Device' });
    tool(el, 'addColumnAfter').click();
    await el.updateComplete;
    expect(el.value).to.match(/<table>.*<th><p>Device<\/p><\/th>/);
    expect(el.value.match(/<th>/g)?.length).to.equal(4);
    expectAllowed(el.value);
    expect(el.value).not.to.contain('style=');
    tool(el, 'deleteTable').click();
    await el.updateComplete;
    expect(el.value).not.to.contain('<table');
    await expect(el).to.be.accessible();
  });

  it('keyboard: shortcuts format, Alt+F10 reaches the toolbar, arrows move in it (roving tabindex), Escape returns', async () => {
    const { el } = await mount();
    await el.load();
    const pm = await ready(el);
    pm.focus();
    await sendKeys({ down: 'Control' });
    await sendKeys({ press: 'i' });
    await sendKeys({ up: 'Control' });
    await sendKeys({ type: 'slanted' });
    expect(el.value).to.equal('<p><em>slanted</em></p>');
    await sendKeys({ press: 'Alt+F10' });
    expect(el.shadowRoot!.activeElement?.getAttribute('data-tool')).to.equal('bold');
    const tabbable = () => [...el.shadowRoot!.querySelectorAll('.toolbar .tool')].filter((b) => b.getAttribute('tabindex') === '0');
    expect(tabbable().length).to.equal(1);
    await sendKeys({ press: 'ArrowRight' });
    expect(el.shadowRoot!.activeElement?.getAttribute('data-tool')).to.equal('italic');
    expect(tool(el, 'italic').getAttribute('aria-pressed')).to.equal('true');
    await sendKeys({ press: 'End' });
    expect(el.shadowRoot!.activeElement?.getAttribute('data-tool')).to.equal('redo');
    await sendKeys({ press: 'ArrowRight' });
    expect(el.shadowRoot!.activeElement?.getAttribute('data-tool')).to.equal('bold');
    expect(tabbable().map((b) => b.getAttribute('data-tool'))).to.deep.equal(['bold']);
    await sendKeys({ press: 'Escape' });
    expect(el.shadowRoot!.activeElement?.classList.contains('ProseMirror')).to.equal(true);
  });

  it('a formatting shortcut pressed while the editor loads is applied once it is there, as its button would be', async () => {
    const load = PortalRichTextEditor.loadEditor;
    let release!: () => void;
    const slow = new Promise<void>((resolve) => (release = resolve));
    PortalRichTextEditor.loadEditor = () => slow.then(load);
    try {
      const { el } = await mount();
      $<HTMLTextAreaElement>(el, 'textarea').focus();
      await sendKeys({ type: 'Plain' });
      await el.updateComplete;
      expect(el.hasCustomState('loading')).to.equal(true);
      await sendKeys({ press: 'Control+b' });
      release();
      await ready(el);
      await sendKeys({ type: 'Bold' });
      expect(el.value).to.equal('<p>Plain<strong>Bold</strong></p>');
    } finally {
      PortalRichTextEditor.loadEditor = load;
    }
  });

  it('formatting code that fails to load: plain text works, the tools say why they are unavailable, Try again loads it and keeps the text', async () => {
    const load = PortalRichTextEditor.loadEditor;
    let fail = true;
    let calls = 0;
    PortalRichTextEditor.loadEditor = () => {
      calls++;
      return fail ? Promise.reject(new TypeError('Failed to fetch dynamically imported module')) : load();
    };
    try {
      const { el } = await mount();
      const area = $<HTMLTextAreaElement>(el, 'textarea');
      area.focus();
      await sendKeys({ type: 'Line <one>' });
      await waitUntil(() => el.hasCustomState('error'), 'no error state');
      await sendKeys({ press: 'Enter' });
      await sendKeys({ press: 'Enter' });
      await sendKeys({ type: 'Two & three' });
      await sendKeys({ press: 'Control+b' });
      await el.updateComplete;
      expect(area.value).to.equal('Line <one>\n\nTwo & three');
      expect($(el, '#tools-error').textContent).to.contain('could not be loaded');
      const tools = [...el.shadowRoot!.querySelectorAll('.toolbar .tool')];
      expect(tools.length).to.be.greaterThan(10);
      for (const t of tools) {
        expect(t.getAttribute('aria-disabled'), t.getAttribute('data-tool')!).to.equal('true');
        expect(t.getAttribute('aria-describedby')).to.equal('tools-error');
      }
      tool(el, 'bold').click();
      await el.updateComplete;
      expect(calls, 'a tool or a key asked for the failed module again').to.equal(1);
      await expect(el).to.be.accessible();
      fail = false;
      $<HTMLButtonElement>(el, '.load-error .retry').click();
      const pm = await ready(el);
      expect(calls).to.equal(2);
      expect(el.value).to.equal('<p>Line &lt;one&gt;</p><p>Two &amp; three</p>');
      expect(pm.textContent).to.equal('Line <one>Two & three');
      expect($maybe(el, '.load-error')).to.equal(null);
      expect(tool(el, 'bold').getAttribute('aria-disabled')).to.equal('false');
      expect(tool(el, 'bold').hasAttribute('aria-describedby')).to.equal(false);
      expect(el.shadowRoot!.activeElement?.classList.contains('ProseMirror'), 'the focus is in the editor').to.equal(true);
      await sendKeys({ type: ' four' });
      expect(el.value).to.equal('<p>Line &lt;one&gt;</p><p>Two &amp; three four</p>');
    } finally {
      PortalRichTextEditor.loadEditor = load;
    }
  });

  it('links: only http, https and mailto; bare addresses are completed', async () => {
    expect(normalizeLink('example.com/a?b=1')).to.equal('https://example.com/a?b=1');
    expect(normalizeLink('help@example.com')).to.equal('mailto:help@example.com');
    expect(normalizeLink('javascript:alert(1)')).to.equal(null);
    expect(normalizeLink('ftp://example.com')).to.equal(null);
    expect(normalizeLink('HTTPS://Example.com')).to.equal('HTTPS://Example.com');
    const { el } = await mount();
    await el.load();
    const pm = await ready(el);
    pm.focus();
    await sendKeys({ type: 'See ' });
    await sendKeys({ press: 'Control+k' });
    await el.updateComplete;
    const input = $<HTMLInputElement>(el, '#link-url');
    expect(el.shadowRoot!.activeElement).to.equal(input);
    input.value = 'javascript:alert(1)';
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect($(el, '#link-error').textContent).to.contain('Only web addresses');
    expect(input.getAttribute('aria-invalid')).to.equal('true');
    await expect(el).to.be.accessible();
    input.value = 'wiki.example.com/vpn';
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect($maybe(el, '.link-form')).to.equal(null);
    expect(el.value).to.equal(
      '<p>See <a href="https://wiki.example.com/vpn" rel="noopener noreferrer nofollow" target="_blank">https://wiki.example.com/vpn</a></p>',
    );
    expectAllowed(el.value);
    // Escape closes the form without a change
    await sendKeys({ press: 'Control+k' });
    await el.updateComplete;
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect($maybe(el, '.link-form')).to.equal(null);
  });

  it('images: uploaded through the hook, inserted with the server src, shown through a resolved URL', async () => {
    const uploads: string[] = [];
    const { el } = await mount();
    el.upload = async (file) => {
      uploads.push(file.name);
      return { id: 'abcdefgh1234', url: 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAFklEQVR4nGNkYPjPwMDAxMDAwMDAAAAYAAIBlwYDAAAAAElFTkSuQmCC' };
    };
    await el.load();
    const pm = await ready(el);
    pm.focus();
    const png = new File([new Uint8Array([137, 80, 78, 71])], 'screenshot.png', { type: 'image/png' });
    const paste = new ClipboardEvent('paste', { clipboardData: new DataTransfer(), bubbles: true, cancelable: true });
    paste.clipboardData!.items.add(png);
    pm.dispatchEvent(paste);
    await waitUntil(() => el.value.includes('<img'), 'the image was not inserted');
    expect(uploads).to.deep.equal(['screenshot.png']);
    expect(el.value).to.contain('<img src="/api/attachments/abcdefgh1234?inline=1" alt="screenshot">');
    expectAllowed(el.value);
    const img = $<HTMLImageElement>(el, '.ProseMirror img');
    expect(img.getAttribute('src')).to.match(/^data:image\/png/);
    // an image dropped onto the text is uploaded and inserted too
    const dt = new DataTransfer();
    dt.items.add(new File([new Uint8Array([137, 80, 78, 71])], 'dropped.gif', { type: 'image/gif' }));
    const rect = pm.getBoundingClientRect();
    pm.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true, clientX: rect.left + 5, clientY: rect.top + 5 }));
    await waitUntil(() => uploads.length === 2 && el.value.includes('alt="dropped"'), 'the dropped image was not inserted');
    // a PDF pasted into the text is not inserted; the user is told to attach it
    const paste2 = new ClipboardEvent('paste', { clipboardData: new DataTransfer(), bubbles: true, cancelable: true });
    paste2.clipboardData!.items.add(new File(['%PDF'], 'manual.pdf', { type: 'application/pdf' }));
    pm.dispatchEvent(paste2);
    await el.updateComplete;
    expect($(el, '.notice').textContent).to.contain('manual.pdf');
    expect(uploads).to.deep.equal(['screenshot.png', 'dropped.gif']);
  });

  it('images in a restored value are shown through api.attachments.url (default upload through the API)', async () => {
    const api = new FakeApi({ signedInAs: 'erik.editor@nordwind.example' });
    const [item] = await api.uploads.upload([new File([new Uint8Array([1, 2, 3])], 'shot.png', { type: 'image/png' })]);
    const id = item!.attachment!.id;
    const { el } = await mount(html`<portal-rich-text-editor label="Description"></portal-rich-text-editor>`, api);
    el.value = `<p>Look:</p><img src="/api/attachments/${id}?inline=1" alt="shot"><script>alert(1)</script>`;
    // a value with content loads the editor at once
    await ready(el);
    await waitUntil(() => el.shadowRoot!.querySelector('.ProseMirror img')?.getAttribute('src')?.startsWith('blob:'), 'image not resolved');
    expect(el.value).to.equal(`<p>Look:</p><img src="/api/attachments/${id}?inline=1" alt="shot">`);
    expect(api.calls.filter((c) => c.method === 'attachments.url')).to.have.length(1);
  });

  it('lists in the text: no gaps between items, also after a nested list', async () => {
    const { el } = await mount();
    el.value = '<ul><li><p>one</p><ul><li><p>nested</p></li></ul></li><li><p>two</p></li></ul>';
    const pm = await ready(el);
    for (const x of pm.querySelectorAll('li > p, li > ul')) {
      expect(getComputedStyle(x).marginBottom, x.localName).to.equal('0px');
    }
    expect(getComputedStyle(pm.querySelector('ul')!).listStyleType).to.equal('disc');
  });

  it('is a form control: name, value, required validity, reset', async () => {
    const form = await fixture<HTMLFormElement>(html`<form><portal-rich-text-editor name="body" label="Text" required></portal-rich-text-editor></form>`);
    const el = form.querySelector<PortalRichTextEditor>('portal-rich-text-editor')!;
    await el.updateComplete;
    expect(el.checkValidity()).to.equal(false);
    expect(form.checkValidity()).to.equal(false);
    expect(el.hasCustomState('invalid')).to.equal(true);
    const area = $<HTMLTextAreaElement>(el, 'textarea');
    area.value = 'Line one\nline two\n\nNext';
    const input = oneEvent(el, 'input');
    area.dispatchEvent(new Event('input', { bubbles: true }));
    await input;
    expect(new FormData(form).get('body')).to.equal('<p>Line one<br>line two</p><p>Next</p>');
    expect(el.checkValidity()).to.equal(true);
    form.reset();
    await el.updateComplete;
    expect(el.value).to.equal('');
    expect(textToParagraphs('  ')).to.equal('');
  });

  it('shows an error given by the host at the field, in German too', async () => {
    document.documentElement.lang = 'de';
    const { el } = await mount(html`<portal-rich-text-editor label="Beschreibung" error="Der Text ist zu lang."></portal-rich-text-editor>`);
    await localeReady();
    await el.updateComplete;
    expect($(el, '#error').textContent).to.equal('Der Text ist zu lang.');
    expect($(el, 'textarea').getAttribute('aria-describedby')).to.equal('error');
    expect(tool(el, 'bold').getAttribute('aria-label')).to.equal('Fett');
    await expect(el).to.be.accessible();
    document.documentElement.lang = 'en';
    await localeReady();
  });
});
