import { deflateSync } from 'node:zlib';
import type { Rng } from './prng.js';

/**
 * Small, real attachment files made from scratch: PNG "screenshots", one-page PDFs, text logs
 * and CSV lists. Every byte depends only on the arguments, so the seed stays deterministic.
 */
export interface FileBlob {
  fileName: string;
  contentType: string;
  bytes: Uint8Array;
}

const crcTable = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

function crc32(parts: Uint8Array[]): number {
  let c = 0xffffffff;
  for (const p of parts) for (let i = 0; i < p.length; i++) c = crcTable[(c ^ p[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  const typeBytes = new TextEncoder().encode(type);
  out.set(typeBytes, 4);
  out.set(data, 8);
  view.setUint32(8 + data.length, crc32([typeBytes, data]));
  return out;
}

type Rgb = readonly [number, number, number];

/** A truecolour PNG from a pixel function. */
export function encodePng(width: number, height: number, pixel: (x: number, y: number) => Rgb): Uint8Array {
  const raw = new Uint8Array((width * 3 + 1) * height);
  let o = 0;
  for (let y = 0; y < height; y++) {
    raw[o++] = 0; // filter: none
    for (let x = 0; x < width; x++) {
      const [r, g, b] = pixel(x, y);
      raw[o++] = r;
      raw[o++] = g;
      raw[o++] = b;
    }
  }
  const ihdr = new Uint8Array(13);
  const v = new DataView(ihdr.buffer);
  v.setUint32(0, width);
  v.setUint32(4, height);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // colour type: RGB
  const parts = [
    new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', new Uint8Array(deflateSync(raw, { level: 6 }))),
    chunk('IEND', new Uint8Array(0)),
  ];
  return concat(parts);
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((s, p) => s + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

export type ScreenshotKind = 'error' | 'warning' | 'app';

/**
 * A stylised screenshot: a desktop, an application window with a title bar and "text" lines,
 * and for errors/warnings a dialog with a red or amber icon and a button.
 */
export function screenshotPng(kind: ScreenshotKind, rng: Rng): Uint8Array {
  const w = 480;
  const h = 300;
  const accents: Rgb[] = [
    [0, 95, 184],
    [16, 124, 16],
    [135, 100, 184],
    [0, 120, 140],
  ];
  const accent = rng.pick(accents);
  const lines = Array.from({ length: 9 }, () => rng.int(120, 360));
  const dx = rng.int(-20, 20);
  const icon: Rgb = kind === 'error' ? [196, 43, 28] : [234, 163, 0];
  return encodePng(w, h, (x, y) => {
    // dialog
    if (kind !== 'app') {
      const left = 130 + dx;
      const top = 95;
      if (x >= left && x < left + 240 && y >= top && y < top + 120) {
        if (y < top + 24) return [243, 243, 243];
        if (x === left || x === left + 239 || y === top + 119) return [160, 160, 160];
        const cx = left + 34;
        const cy = top + 60;
        if ((x - cx) ** 2 + (y - cy) ** 2 <= 15 ** 2) {
          // a white bar inside the icon
          if (Math.abs(y - cy) <= 2 && Math.abs(x - cx) <= 8) return [255, 255, 255];
          return icon;
        }
        if (y >= top + 48 && y < top + 54 && x >= left + 62 && x < left + 220) return [70, 70, 70];
        if (y >= top + 62 && y < top + 68 && x >= left + 62 && x < left + 180) return [110, 110, 110];
        if (y >= top + 88 && y < top + 108 && x >= left + 160 && x < left + 226) return accent;
        return [255, 255, 255];
      }
    }
    // application window
    if (x >= 20 && x < 460 && y >= 16 && y < 270) {
      if (y < 40) return accent;
      if (x < 120) return y % 28 < 20 && y > 52 ? [225, 229, 235] : [240, 242, 245];
      const row = Math.floor((y - 56) / 22);
      if (row >= 0 && row < lines.length && (y - 56) % 22 < 8 && x >= 136 && x < 136 + lines[row]! * 0.85) {
        return [150, 156, 165];
      }
      return [255, 255, 255];
    }
    // taskbar and desktop
    if (y >= 282) return [32, 32, 40];
    return [58 + Math.floor(y / 12), 92 + Math.floor(y / 10), 140 + Math.floor(y / 8)];
  });
}

/** PDF string literal for Helvetica/WinAnsi: ASCII as is, Latin-1 as octal escapes. */
function pdfText(s: string): string {
  let out = '';
  for (const ch of s) {
    let code = ch.codePointAt(0)!;
    if (ch === '–' || ch === '—') code = 0x96;
    else if (ch === '€') code = 0x80;
    else if (ch === '„' || ch === '“' || ch === '”') code = 0x22;
    else if (code > 0xff) code = 0x3f;
    if (ch === '(' || ch === ')' || ch === '\\') out += '\\' + ch;
    else if (code < 0x20 || code > 0x7e) out += '\\' + code.toString(8).padStart(3, '0');
    else out += String.fromCharCode(code);
  }
  return '(' + out + ')';
}

/** A one-page A4 PDF 1.4 with a heading and lines of text (Helvetica). */
export function simplePdf(title: string, lines: readonly string[]): Uint8Array {
  const ops: string[] = ['BT', '/F2 16 Tf', '56 780 Td', `${pdfText(title)} Tj`, '/F1 10.5 Tf', '0 -30 Td', '14 TL'];
  for (const line of lines) ops.push(`${pdfText(line)} Tj`, 'T*');
  ops.push('ET');
  const content = ops.join('\n');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R /F2 5 0 R >> >> /Contents 6 0 R >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>',
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
  ];
  let pdf = '%PDF-1.4\n%\xe2\xe3\xcf\xd3\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(pdf.length);
    pdf += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = pdf.length;
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const off of offsets) pdf += `${String(off).padStart(10, '0')} 00000 n \n`;
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  // every character above is a single byte (latin1), so string offsets are byte offsets
  return new Uint8Array(Buffer.from(pdf, 'latin1'));
}

export const utf8 = (s: string) => new TextEncoder().encode(s);

export const pngFile = (fileName: string, kind: ScreenshotKind, rng: Rng): FileBlob => ({
  fileName,
  contentType: 'image/png',
  bytes: screenshotPng(kind, rng),
});

export const pdfFile = (fileName: string, title: string, lines: readonly string[]): FileBlob => ({
  fileName,
  contentType: 'application/pdf',
  bytes: simplePdf(title, lines),
});

export const textFile = (fileName: string, text: string): FileBlob => ({
  fileName,
  contentType: 'text/plain',
  bytes: utf8(text.endsWith('\n') ? text : text + '\n'),
});

/** CSV with `;` (what German spreadsheet programs expect) or `,`, quoted where needed, CRLF. */
export function csvFile(fileName: string, rows: readonly (readonly string[])[], sep: ';' | ',' = ';'): FileBlob {
  const cell = (v: string) => (/["\n\r;,]/.test(v) ? '"' + v.replace(/"/g, '""') + '"' : v);
  const text = rows.map((r) => r.map(cell).join(sep)).join('\r\n') + '\r\n';
  return { fileName, contentType: 'text/csv', bytes: utf8(text) };
}
