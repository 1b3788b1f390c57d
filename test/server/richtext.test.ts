/**
 * The rich-text sanitiser (R-WIZ-4, server/domain/richtext.ts): everything that can run code,
 * load something from elsewhere or restyle the page is dropped; the formatting people use in
 * tickets — tables, lists, headings, links, our own pictures — is kept.
 */
import { describe, expect, it } from 'vitest';
import { htmlToText, isBlankRichText, sanitizeRichText, textToHtml } from '../../server/domain/richtext.js';

const clean = sanitizeRichText;
const img = '/api/attachments/abcdefgh2345';

describe('drops what is dangerous', () => {
  it.each([
    ['script with its content', '<p>a</p><script>alert(1)</script><p>b</p>', '<p>a</p><p>b</p>'],
    ['script in odd case', '<p>a<ScRiPt>alert(1)</sCrIpT></p>', '<p>a</p>'],
    ['split script tags', '<scr<script>ipt>alert(1)</script>', 'ipt&gt;alert(1)'],
    ['event handlers', '<p onclick="x()" onmouseover=y()>Text</p>', '<p>Text</p>'],
    ['event handler on an image', `<img src="${img}" onerror="alert(1)">`, `<img src="${img}" />`],
    ['javascript: link', '<a href="javascript:alert(1)">klick</a>', '<a>klick</a>'],
    ['javascript: in odd case and with white space', '<a href=" JaVaScRiPt:alert(1)">klick</a>', '<a>klick</a>'],
    ['javascript: with a tab inside', '<a href="java\tscript:alert(1)">klick</a>', '<a>klick</a>'],
    ['javascript: as entities', '<a href="&#106;avascript:alert(1)">klick</a>', '<a>klick</a>'],
    ['vbscript: link', '<a href="vbscript:msgbox(1)">klick</a>', '<a>klick</a>'],
    ['data: link', '<a href="data:text/html;base64,PHNjcmlwdD4=">klick</a>', '<a>klick</a>'],
    ['protocol-relative link', '<a href="//evil.example/">klick</a>', '<a>klick</a>'],
    ['foreign image', '<p>x<img src="https://tracker.example/pixel.gif"></p>', '<p>x</p>'],
    ['protocol-relative image', '<p>x<img src="//tracker.example/pixel.gif"></p>', '<p>x</p>'],
    ['data: image', '<p>x<img src="data:image/png;base64,AAAA"></p>', '<p>x</p>'],
    ['image that only looks like ours', '<p>x<img src="/api/attachments/../../admin"></p>', '<p>x</p>'],
    ['image with srcset', `<img src="${img}" srcset="https://evil.example/x.png 2x">`, `<img src="${img}" />`],
    ['iframe with content', '<p>a</p><iframe src="https://evil.example">inner</iframe>', '<p>a</p>'],
    ['object and embed', '<object data="x.swf"><embed src="x.swf"></object><p>b</p>', '<p>b</p>'],
    ['style element', '<style>body{display:none}</style><p>a</p>', '<p>a</p>'],
    ['style attribute', '<p style="position:fixed;top:0">a</p>', '<p>a</p>'],
    ['class and id', '<p class="evil" id="login">a</p>', '<p>a</p>'],
    ['svg with script', '<svg onload="alert(1)"><script>alert(2)</script></svg><p>a</p>', '<p>a</p>'],
    ['math', '<math><mi xlink:href="javascript:alert(1)">x</mi></math><p>a</p>', '<p>a</p>'],
    ['forms', '<form action="https://evil.example"><input name="pw"><button>Senden</button></form>', 'Senden'],
    ['base, meta, link', '<base href="https://evil.example/"><meta http-equiv="refresh" content="0;url=x"><link rel="stylesheet" href="x.css"><p>a</p>', '<p>a</p>'],
    ['template and noscript', '<template><p>t</p></template><noscript><p>n</p></noscript><p>a</p>', '<p>a</p>'],
    ['comments', '<p>a<!-- <script>alert(1)</script> --></p>', '<p>a</p>'],
  ])('%s', (_name, input, expected) => {
    expect(clean(input)).toBe(expected);
  });

  it('never lets a script or a handler through, whatever the nesting', () => {
    const nasty = [
      '<<script>script>alert(1)<</script>/script>',
      '<img src=x onerror=alert(1)//',
      '<a href="javascript&colon;alert(1)">x</a>',
      '<div><p><table><tr><td onclick=x>y</td></tr></table></p></div>',
      '<a href="https://ok.example" onclick="x()">ok</a>',
      '<p>"><script>alert(1)</script></p>',
      '<img src="/api/attachments/abcdefgh2345?inline=1" onload=x>',
    ];
    for (const n of nasty) {
      const out = clean(n);
      expect(out, n).not.toMatch(/<script|\son\w+=|javascript:/i);
    }
  });
});

describe('keeps what people write', () => {
  it('tables with header cells, spans and captions', () => {
    const html = '<table><caption>Geräte</caption><thead><tr><th scope="col">Name</th><th colspan="2">Ort</th></tr></thead><tbody><tr><td rowspan="2">PC-07</td><td>HH</td><td>2. OG</td></tr></tbody></table>';
    expect(clean(html)).toBe(html);
  });

  it('lists, headings, emphasis, code and quotes', () => {
    const html =
      '<h2>Fehlerbild</h2><ol start="3"><li>Eins</li><li>Zwei<ul><li>a</li></ul></li></ol><p><strong>fett</strong> <em>kursiv</em> <u>unter</u> <s>weg</s> <mark>markiert</mark></p><blockquote>Zitat</blockquote><pre><code class="language-powershell">Get-Printer</code></pre><hr />';
    expect(clean(html)).toBe(html);
  });

  it('links get rel and target; http, https and mailto only', () => {
    expect(clean('<a href="https://status.example/">Status</a>')).toBe('<a href="https://status.example/" rel="noopener noreferrer nofollow" target="_blank">Status</a>');
    // the client's own rel/target are replaced, not kept
    const mail = clean('<a href="mailto:servicedesk@example.com" target="_self" rel="opener">Mail</a>');
    expect(mail).toMatch(/^<a [^>]+>Mail<\/a>$/);
    expect(mail).toContain('href="mailto:servicedesk@example.com"');
    expect(mail).toContain(' target="_blank"');
    expect(mail).toContain(' rel="noopener noreferrer nofollow"');
    expect(mail).not.toMatch(/_self|"opener"/);
    expect(clean('<a href="ftp://files.example/">FTP</a>')).toBe('<a>FTP</a>');
  });

  it('our own pictures, with alt text and size', () => {
    expect(clean(`<p><img src="${img}?inline=1" alt="Fehler" width="300" height="200" title="Bild"></p>`)).toBe(
      `<p><img src="${img}?inline=1" alt="Fehler" width="300" height="200" title="Bild" /></p>`,
    );
  });

  it('text stays text: entities are kept escaped', () => {
    expect(clean('<p>a &lt; b &amp;&amp; "c" \'d\'</p>')).toBe('<p>a &lt; b &amp;&amp; "c" \'d\'</p>');
    expect(clean('Nur Text')).toBe('Nur Text');
    expect(clean('<p>Ümlaute ß 😀 报告</p>')).toBe('<p>Ümlaute ß 😀 报告</p>');
  });

  it('keeps only safe code classes', () => {
    expect(clean('<code class="language-js">x</code>')).toBe('<code class="language-js">x</code>');
    expect(clean('<code class="x onclick">x</code>')).toBe('<code>x</code>');
  });
});

describe('plain text and blankness', () => {
  it('htmlToText: blocks on lines, cells tab-separated, entities decoded, alt text kept', () => {
    expect(htmlToText('<h1>Titel</h1><p>a &amp; b</p><ul><li>eins</li><li>zwei</li></ul><table><tr><td>x</td><td>y</td></tr></table>')).toBe(
      'Titel\n\na & b\n\neins\nzwei\n\nx\ty',
    );
    // paragraphs stand a blank line apart (the mails' plain-text quotes, found by a fresh-eyes test); list items, also the editor's <li><p>, and line breaks do not
    expect(htmlToText('<p>Erster Absatz.</p><p>Zweiter Absatz.</p>')).toBe('Erster Absatz.\n\nZweiter Absatz.');
    expect(htmlToText('<ul><li><p>eins</p></li><li><p>zwei</p><ul><li><p>zwei a</p></li></ul></li></ul><p>danach</p>')).toBe('eins\nzwei\nzwei a\n\ndanach');
    expect(htmlToText('<p>Zeile 1<br>Zeile 2</p>')).toBe('Zeile 1\nZeile 2');
    expect(htmlToText(`<p>Siehe <img src="${img}" alt="Screenshot"> oben</p>`)).toBe('Siehe  Screenshot  oben');
  });

  it('isBlankRichText: no text and no picture', () => {
    expect(isBlankRichText('')).toBe(true);
    expect(isBlankRichText('<p></p><p>&nbsp;</p><br>')).toBe(true);
    expect(isBlankRichText(`<p><img src="${img}"></p>`)).toBe(false);
    expect(isBlankRichText('<p>.</p>')).toBe(false);
  });

  it('textToHtml escapes and keeps paragraphs', () => {
    expect(textToHtml('a <b>\nzwei\n\nneu & "x"')).toBe('<p>a &lt;b&gt;<br>zwei</p><p>neu &amp; &quot;x&quot;</p>');
  });
});
