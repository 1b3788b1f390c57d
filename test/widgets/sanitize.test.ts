import { expect, fixture, html } from '@open-wc/testing';
import { LitElement } from 'lit';
import { richText, sanitizeHtml } from '../../widgets/core/sanitize.js';

/** Renders a string through the helper into a real element, the way widgets do. */
class RichTextProbe extends LitElement {
  static override properties = { value: { attribute: false } };
  value = '';
  override render() {
    return html`<div class="out">${richText(this.value)}</div>`;
  }
}
customElements.define('rich-text-probe', RichTextProbe);

const clean = (s: string) => sanitizeHtml(s);

describe('sanitizeHtml', () => {
  it('keeps the allowed formatting', () => {
    const input =
      '<h2>Title</h2><p>Some <strong>bold</strong>, <em>em</em> and <code class="language-js">x()</code></p>' +
      '<ul><li>one</li></ul><ol start="3"><li>three</li></ol><blockquote>q</blockquote>' +
      '<table><thead><tr><th scope="col">A</th></tr></thead><tbody><tr><td colspan="2">1</td></tr></tbody></table>';
    expect(clean(input)).to.equal(input);
  });

  it('drops scripts, styles, frames, forms controls and foreign content with their content', () => {
    for (const nasty of [
      '<script>alert(1)</script>',
      '<style>body{display:none}</style>',
      '<iframe src="https://evil.example"></iframe>',
      '<object data="x.swf"></object><embed src="x.swf">',
      '<svg><script>alert(1)</script></svg>',
      '<svg onload=alert(1)><circle/></svg>',
      '<math><mi xlink:href="javascript:alert(1)">x</mi></math>',
      '<template><img src=x onerror=alert(1)></template>',
      '<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>',
      '<textarea><img src=x onerror=alert(1)></textarea>',
      '<link rel="stylesheet" href="https://evil.example/x.css"><meta http-equiv="refresh" content="0;url=https://evil.example">',
      '<input autofocus onfocus=alert(1)><button formaction="javascript:alert(1)">x</button>',
    ]) {
      const out = clean(`<p>ok</p>${nasty}`);
      expect(out, nasty).to.equal('<p>ok</p>');
    }
  });

  it('unwraps unknown elements but keeps their text', () => {
    expect(clean('<p><font color="red">red</font> <marquee>moving</marquee></p>')).to.equal('<p>red moving</p>');
    expect(clean('<form action="https://evil.example"><p>inside</p></form>')).to.equal('<p>inside</p>');
  });

  it('removes event handlers, styles and other attributes not on the list', () => {
    const out = clean(
      '<p onclick="alert(1)" style="background:url(javascript:alert(1))" class="x" id="main">t</p><img src="/api/attachments/abcdef123456" onerror="alert(1)" alt="a">',
    );
    expect(out).to.equal('<p>t</p><img src="/api/attachments/abcdef123456" alt="a">');
  });

  it('keeps http(s) and mailto links only, opening them safely', () => {
    expect(clean('<a href="https://example.com/x" target="_self">x</a>')).to.equal(
      '<a href="https://example.com/x" rel="noopener noreferrer nofollow" target="_blank">x</a>',
    );
    expect(clean('<a href="mailto:a@b.example">m</a>')).to.contain('href="mailto:a@b.example"');
    for (const href of [
      'javascript:alert(1)',
      ' JaVaScRiPt:alert(1)',
      'java\tscript:alert(1)',
      'java&#x09;script:alert(1)',
      '&#106;avascript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'vbscript:msgbox(1)',
      '//evil.example/x',
      '/relative',
    ]) {
      expect(clean(`<a href="${href}">x</a>`), href).to.equal('<a>x</a>');
    }
  });

  it('keeps images only when they show our own attachments', () => {
    expect(clean('<img src="/api/attachments/abcdefgh12?inline=1" alt="shot">')).to.equal(
      '<img src="/api/attachments/abcdefgh12?inline=1" alt="shot">',
    );
    for (const src of ['https://tracker.example/pixel.gif', 'data:image/png;base64,AAAA', '/api/attachments/../../me', 'javascript:alert(1)']) {
      expect(clean(`<p>a<img src="${src}">b</p>`), src).to.equal('<p>ab</p>');
    }
  });

  it('drops comments and odd attribute values', () => {
    expect(clean('<p>a<!-- <script>alert(1)</script> -->b</p>')).to.equal('<p>ab</p>');
    expect(clean('<td colspan="2; x">c</td>')).to.equal('c');
    expect(clean('<table><tbody><tr><td colspan="1e9" rowspan="x">c</td></tr></tbody></table>')).to.equal(
      '<table><tbody><tr><td>c</td></tr></tbody></table>',
    );
    expect(clean('<code class="language-js onclick">x</code>')).to.equal('<code>x</code>');
  });

  it('survives mutation-XSS tricks: the result is stable and inert', () => {
    for (const nasty of [
      '<svg></p><style><a id="</style><img src=1 onerror=alert(1)>">',
      '<math><mtext><table><mglyph><style><!--</style><img title="--&gt;&lt;/mglyph&gt;&lt;img src=1 onerror=alert(1)&gt;">',
      '<form><math><mtext></form><form><mglyph><style></math><img src onerror=alert(1)>',
      '<a href="https://x.example"><table><a href="javascript:alert(1)">x</a></table></a>',
      '<p>\u0000<scr\u0000ipt>alert(1)</script></p>',
    ]) {
      const out = clean(nasty);
      expect(clean(out), nasty).to.equal(out);
      const probe = document.createElement('div');
      probe.innerHTML = out;
      expect(probe.querySelector('script, style, svg, math, iframe, [onerror], [onload], [style]'), nasty).to.equal(null);
      for (const a of probe.querySelectorAll('a[href]')) expect(a.getAttribute('href')).to.match(/^(https?|mailto):/);
      for (const img of probe.querySelectorAll('img')) expect(img.getAttribute('src')).to.match(/^\/api\/attachments\//);
    }
  });

  it('treats empty input as empty', () => {
    expect(clean('')).to.equal('');
    expect(sanitizeHtml(null)).to.equal('');
    expect(sanitizeHtml(undefined)).to.equal('');
  });

  it('renders only after sanitising, and nothing runs', async () => {
    (window as unknown as { __pwned?: number }).__pwned = 0;
    const el = await fixture<RichTextProbe>(html`<rich-text-probe></rich-text-probe>`);
    el.value = '<p>Hi <b>there</b></p><img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>';
    await el.updateComplete;
    await new Promise((r) => setTimeout(r, 50));
    const out = el.shadowRoot!.querySelector('.out')!;
    expect(out.querySelector('b')!.textContent).to.equal('there');
    expect(out.querySelector('img, script')).to.equal(null);
    expect((window as unknown as { __pwned?: number }).__pwned).to.equal(0);
  });

  it('keeps the rendered DOM while the text stays the same, and replaces it when the text changes', async () => {
    const el = await fixture<RichTextProbe>(html`<rich-text-probe></rich-text-probe>`);
    el.value = '<p>One <a href="https://example.com">link</a></p>';
    await el.updateComplete;
    const out = el.shadowRoot!.querySelector('.out')!;
    const p = out.querySelector('p')!;
    el.requestUpdate();
    await el.updateComplete;
    expect(out.querySelector('p')).to.equal(p);
    el.value = '<p>Two</p>';
    await el.updateComplete;
    expect(out.querySelector('p')).to.not.equal(p);
    expect(out.textContent!.trim()).to.equal('Two');
    el.value = '';
    await el.updateComplete;
    expect(out.textContent!.trim()).to.equal('');
  });
});
