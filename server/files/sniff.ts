/**
 * Content types from the bytes, never from the client's claim or the file name alone.
 * Only a short list of raster images may ever be shown inline; anything that a browser could
 * execute (HTML, SVG, XML, JavaScript) is classified as text or binary and only downloaded.
 */
export const inlineImageTypes = new Set(['image/png', 'image/jpeg', 'image/gif', 'image/webp']);

const startsWith = (b: Uint8Array, sig: number[], offset = 0) => sig.every((v, i) => b[offset + i] === v);

const officeByExtension: Record<string, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  odt: 'application/vnd.oasis.opendocument.text',
  ods: 'application/vnd.oasis.opendocument.spreadsheet',
};

function looksLikeUtf8Text(b: Uint8Array): boolean {
  if (b.length === 0) return false;
  if (b.includes(0)) return false;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(b);
    return true;
  } catch {
    // the head may end inside a multi-byte character: retry without the last 3 bytes
    if (b.length > 4) {
      try {
        new TextDecoder('utf-8', { fatal: true }).decode(b.subarray(0, b.length - 3));
        return true;
      } catch {
        return false;
      }
    }
    return false;
  }
}

/** `head` is the first bytes of the file (4 KiB is plenty). */
export function sniffContentType(head: Uint8Array, fileName: string): string {
  const ext = fileName.toLowerCase().split('.').pop() ?? '';
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(head, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(head, [0x47, 0x49, 0x46, 0x38]) && (head[4] === 0x37 || head[4] === 0x39) && head[5] === 0x61) return 'image/gif';
  if (startsWith(head, [0x52, 0x49, 0x46, 0x46]) && startsWith(head, [0x57, 0x45, 0x42, 0x50], 8)) return 'image/webp';
  if (startsWith(head, [0x42, 0x4d]) && head.length > 14) return 'image/bmp';
  if (startsWith(head, [0x49, 0x49, 0x2a, 0x00]) || startsWith(head, [0x4d, 0x4d, 0x00, 0x2a])) return 'image/tiff';
  if (startsWith(head, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'application/pdf';
  if (startsWith(head, [0x50, 0x4b, 0x03, 0x04])) return officeByExtension[ext] ?? 'application/zip';
  if (startsWith(head, [0x1f, 0x8b])) return 'application/gzip';
  if (startsWith(head, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return 'application/x-ole-storage';
  if (startsWith(head, [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c])) return 'application/x-7z-compressed';
  if (looksLikeUtf8Text(head)) {
    if (ext === 'csv') return 'text/csv';
    // HTML, SVG, XML, scripts: stored and offered as plain text, never as markup
    return 'text/plain';
  }
  return 'application/octet-stream';
}

/**
 * A file name safe to store and show: no directories, no control characters (CR/LF included),
 * no bidirectional overrides; otherwise byte-exact (no Unicode normalisation, so NFD names
 * round-trip unchanged).
 */
export function safeFileName(name: string): string {
  const base = name.split(/[/\\]/).pop() ?? '';
  const cleaned = base
    .replace(/[\u0000-\u001f\u007f-\u009f]/g, '')
    .replace(/[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/g, '')
    .trim()
    .replace(/^\.+/, '');
  const limited = [...cleaned].slice(0, 200).join('');
  return limited.length > 0 ? limited : 'file';
}

/** `Content-Disposition` with an ASCII fallback and the exact UTF-8 name (RFC 6266/5987). */
export function contentDisposition(kind: 'attachment' | 'inline', fileName: string): string {
  const ascii = fileName
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\x20-\x7e]/g, '_')
    .replace(/["\\]/g, '_')
    .replace(/[;]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (ch) => '%' + ch.charCodeAt(0).toString(16).toUpperCase());
  return `${kind}; filename="${ascii || 'file'}"; filename*=UTF-8''${encoded}`;
}
