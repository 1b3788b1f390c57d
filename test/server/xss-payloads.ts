/**
 * The attack corpus: the one list of hostile inputs the security suites put into every text
 * field, file name and rich-text field (test/server/xss-corpus.test.ts stores them and checks
 * storage and e-mails; test/e2e/xss.test.ts renders them in Chromium). Each payload carries its
 * own id, so whatever fires names the payload that did it:
 *
 *   - script runs `alert('XSS:<id>')` (a dialog) or requests `http://xss.test/<id>` (the marker
 *     host, a reserved name that never resolves),
 *   - markup that would only load something (CSS, images, links with ping) requests the marker host.
 *
 * Sources: the OWASP XSS filter evasion cheat sheet, PortSwigger's XSS cheat sheet, and the
 * published mutation-XSS bypasses of DOMPurify and sanitize-html.
 */

export const MARKER_HOST = 'xss.test';
export const MARKER_URL = `http://${MARKER_HOST}/`;

export interface Payload {
  /** short id, also what the payload reports when it fires */
  id: string;
  /** what it tries */
  kind: 'script' | 'event handler' | 'javascript: link' | 'data: link' | 'svg' | 'iframe' | 'broken markup' | 'css' | 'mxss' | 'other';
  text: string;
}

const raw: [Payload['kind'], string][] = [
  ['script', `<script>alert('XSS:§')</script>`],
  ['script', `<SCRIPT SRC=${MARKER_URL}§.js></SCRIPT>`],
  ['script', `"><script>alert('XSS:§')</script>`],
  ['script', `'><script>alert('XSS:§')</script>`],
  ['script', `</textarea><script>alert('XSS:§')</script>`],
  ['script', `</title><script>alert('XSS:§')</script>`],
  ['script', `</style><script>alert('XSS:§')</script>`],
  ['script', `<scr<script>ipt>alert('XSS:§')</scr</script>ipt>`],
  ['script', `\${alert('XSS:§')}{{constructor.constructor('alert(1)')()}}`],
  ['event handler', `<img src=x onerror=alert('XSS:§')>`],
  ['event handler', `<img src="/api/attachments/aaaaaaaaaaaa" onerror="alert('XSS:§')">`],
  ['event handler', `<body onload=alert('XSS:§')>`],
  ['event handler', `<details open ontoggle=alert('XSS:§')>x</details>`],
  ['event handler', `<input autofocus onfocus=alert('XSS:§')>`],
  ['event handler', `<video><source onerror=alert('XSS:§')></video>`],
  ['event handler', `<p onmouseover=alert('XSS:§') style="position:fixed;inset:0">x</p>`],
  ['event handler', `<img src=x:alert(alt) onerror=eval(src) alt='XSS:§'>`],
  ['event handler', `<img src=x onerror=\u0061lert('XSS:§')>`],
  ['event handler', `<marquee onstart=alert('XSS:§')>x</marquee>`],
  ['javascript: link', `<a href="javascript:alert('XSS:§')">klick</a>`],
  ['javascript: link', `<a href="JaVaScRiPt:alert('XSS:§')">klick</a>`],
  ['javascript: link', `<a href="java\tscript:alert('XSS:§')">klick</a>`],
  ['javascript: link', `<a href=" &#14; javascript:alert('XSS:§')">klick</a>`],
  ['javascript: link', `<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert('XSS:§')">klick</a>`],
  ['javascript: link', `<form action="javascript:alert('XSS:§')"><button>los</button></form>`],
  ['javascript: link', `<button formaction="javascript:alert('XSS:§')">los</button>`],
  ['javascript: link', `javascript:alert('XSS:§')`],
  ['data: link', `<a href="data:text/html;base64,${Buffer.from(`<script>alert('XSS:§')</script>`).toString('base64')}">klick</a>`],
  ['data: link', `<a href="data:text/html,<script>alert('XSS:§')</script>">klick</a>`],
  ['data: link', `<img src="data:image/svg+xml,<svg onload=alert('XSS:§')>">`],
  ['data: link', `<object data="data:text/html,<script>alert('XSS:§')</script>"></object>`],
  ['svg', `<svg onload=alert('XSS:§')>`],
  ['svg', `<svg><script>alert('XSS:§')</script></svg>`],
  ['svg', `<svg><animate onbegin=alert('XSS:§') attributeName=x dur=1s>`],
  ['svg', `<svg><a xlink:href="javascript:alert('XSS:§')"><text x=20 y=20>x</text></a></svg>`],
  ['svg', `<svg><use href="data:image/svg+xml,<svg id='x' xmlns='http://www.w3.org/2000/svg'><image href='1' onerror='alert(1)'/></svg>#x"/></svg>`],
  ['iframe', `<iframe srcdoc="<script>parent.alert('XSS:§')</script>"></iframe>`],
  ['iframe', `<iframe src="javascript:alert('XSS:§')"></iframe>`],
  ['iframe', `<iframe src="${MARKER_URL}§"></iframe>`],
  ['iframe', `<embed src="javascript:alert('XSS:§')">`],
  ['broken markup', `<img src=x onerror=alert('XSS:§')`],
  ['broken markup', `<<script>alert('XSS:§');//<</script>`],
  ['broken markup', `<!--<img src="--><img src=x onerror=alert('XSS:§')//">`],
  ['broken markup', `<![CDATA[<script>alert('XSS:§')</script>]]>`],
  ['broken markup', `<a href="http://example.com/"onclick="alert('XSS:§')">klick</a>`],
  ['broken markup', `<div title="a"b onclick=alert('XSS:§')>x</div>`],
  ['broken markup', `<table><td background="${MARKER_URL}§">x</td></table>`],
  ['css', `<style>@import '${MARKER_URL}§';</style>`],
  ['css', `<div style="background:url(${MARKER_URL}§)">x</div>`],
  ['css', `<p style="width:expression(alert('XSS:§'))">x</p>`],
  ['css', `<link rel=stylesheet href="${MARKER_URL}§">`],
  ['css', `<style>*{background:url("${MARKER_URL}§")}</style>`],
  ['mxss', `<math><mtext><table><mglyph><style><img src=x onerror=alert('XSS:§')>`],
  ['mxss', `<noscript><p title="</noscript><img src=x onerror=alert('XSS:§')>">`],
  ['mxss', `<svg></p><style><a id="</style><img src=1 onerror=alert('XSS:§')>">`],
  ['mxss', `<form><math><mtext></form><form><mglyph><style></math><img src onerror=alert('XSS:§')>`],
  ['mxss', `<svg><style><img src=x onerror=alert('XSS:§')></style></svg>`],
  ['mxss', `<select><template><style><img src=x onerror=alert('XSS:§')></style></template></select>`],
  ['mxss', `<xmp><p title="</xmp><img src=x onerror=alert('XSS:§')>">`],
  ['other', `<meta http-equiv="refresh" content="0;url=javascript:alert('XSS:§')">`],
  ['other', `<base href="${MARKER_URL}§/">`],
  ['other', `<a href="https://example.com/" ping="${MARKER_URL}§">klick</a>`],
  ['other', `<img srcset="${MARKER_URL}§ 1x">`],
  ['other', `\u202e<script>alert('XSS:§')</script>`],
  ['other', `<scr\u0000ipt>alert('XSS:§')</scr\u0000ipt>`],
  ['other', `Zeile 1\r\nContent-Type: text/html\r\n\r\n<script>alert('XSS:§')</script>`],
];

/** Every payload with its id filled in (p01, p02, …). */
export const PAYLOADS: readonly Payload[] = raw.map(([kind, text], i) => {
  const id = `p${String(i + 1).padStart(2, '0')}`;
  return { id, kind, text: text.replaceAll('§', id) };
});

/** What a payload that fired leaves behind in a message, a URL or a title. */
export const FIRED = /XSS:(p\d\d)/;
/** The payload id in a request to the marker host. */
export const markerId = (url: string) => new URL(url).pathname.match(/p\d\d/)?.[0] ?? url;

/**
 * Hostile files (R-WIZ-3, R-TICKET-2): markup, scripts under harmless names, double
 * extensions, names that try to leave the upload directory or confuse headers and readers.
 */
export const FILES: readonly { id: string; name: string; data: string | Uint8Array; note: string }[] = [
  { id: 'f01', name: 'rechnung.html', data: `<html><body><script>alert('XSS:f01')</script></body></html>`, note: 'HTML' },
  { id: 'f02', name: 'logo.svg', data: `<svg xmlns="http://www.w3.org/2000/svg" onload="alert('XSS:f02')"><script>alert('XSS:f02')</script></svg>`, note: 'SVG with script' },
  { id: 'f03', name: 'bild.png', data: `alert('XSS:f03'); fetch('${MARKER_URL}f03')`, note: 'JavaScript renamed .png' },
  { id: 'f04', name: 'rechnung.pdf.html', data: `<script>alert('XSS:f04')</script>`, note: 'double extension' },
  { id: 'f05', name: 'foto.png.html', data: `<img src=x onerror=alert('XSS:f05')>`, note: 'double extension' },
  { id: 'f06', name: 'seite.xhtml', data: `<html xmlns="http://www.w3.org/1999/xhtml"><script>alert('XSS:f06')</script></html>`, note: 'XHTML' },
  { id: 'f07', name: '../../../f07-escaped.txt', data: 'traversal', note: 'path traversal (/)' },
  { id: 'f08', name: '..\\..\\f08-escaped.txt', data: 'traversal', note: 'path traversal (\\)' },
  { id: 'f09', name: '/etc/f09-escaped.txt', data: 'absolute', note: 'absolute path' },
  { id: 'f10', name: 'steuer\u0007\u001b[31mrot.txt', data: 'control characters', note: 'control characters' },
  { id: 'f11', name: 'zeile\r\nContent-Type: text/html\r\n.txt', data: 'header injection', note: 'CR/LF' },
  { id: 'f12', name: 'rechnung\u202Efdp.exe', data: 'MZ fake', note: 'right-to-left override' },
  { id: 'f13', name: 'null\u0000byte.html.png', data: `<script>alert('XSS:f13')</script>`, note: 'zero byte in the name' },
  { id: 'f14', name: `<img src=x onerror=alert('XSS:f14')>.txt`, data: 'markup in the name', note: 'markup as name' },
  { id: 'f15', name: '.htaccess', data: 'AddType text/html .png', note: 'hidden file' },
  { id: 'f16', name: 'leer.txt', data: '', note: 'zero bytes' },
];
