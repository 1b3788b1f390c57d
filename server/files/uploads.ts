import busboy from 'busboy';
import { Readable } from 'node:stream';
import { createWriteStream, mkdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import type { Config } from '../config.js';
import { ApiError } from '../http/errors.js';
import { safeFileName, sniffContentType } from './sniff.js';
import { newId } from '../ids.js';

/** One stored file, ready for an `attachment` row. */
export interface StoredFile {
  ok: true;
  fileName: string;
  contentType: string;
  size: number;
  sha256: string;
  storageKey: string;
}

export interface RejectedFile {
  ok: false;
  fileName: string;
  error: { code: 'payload_too_large' | 'validation_failed'; message: string };
}

export type UploadResult = StoredFile | RejectedFile;

export function storagePath(config: Config, key: string): string {
  if (!/^[a-z0-9]{16,64}$/.test(key)) throw new Error('invalid storage key');
  return join(config.uploads.dir, key);
}

export function newStorageKey(): string {
  return newId() + newId();
}

/**
 * Browsers (and undici's FormData) escape `"`, CR and LF in a multipart file name as %22, %0D
 * and %0A (WHATWG HTML, "multipart/form-data encoding"); undo exactly that, so a name with
 * quotes round-trips. CR and LF are then removed by `safeFileName` like any control character.
 */
export function formDataName(name: string): string {
  return name.replace(/%(22|0D|0A)/gi, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** A limit as people read it: "10 MB", "1.5 MB", "64 KB" (never "0 MB"). */
export function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${Math.round((n / 1024 / 1024) * 10) / 10} MB`;
  if (n >= 1024) return `${Math.round((n / 1024) * 10) / 10} KB`;
  return `${n} bytes`;
}
const mb = formatBytes;

/**
 * Streams the files of a multipart request to disk under random keys. Limits: per file
 * (that file is refused, the others go on), per request and count (the whole request is
 * refused with 413 and nothing is kept). Returns a result per file, in order.
 */
export async function receiveFiles(req: Request, config: Config): Promise<UploadResult[]> {
  const { maxFileBytes, maxRequestBytes, maxFiles } = config.uploads;
  const contentType = req.headers.get('content-type') ?? '';
  const length = Number(req.headers.get('content-length') ?? '0');
  if (length > maxRequestBytes + 64 * 1024) {
    throw new ApiError('payload_too_large', `The upload is larger than the limit of ${mb(maxRequestBytes)} per request`, { limit: maxRequestBytes });
  }
  if (!req.body) throw new ApiError('bad_request', 'The request has no files');
  mkdirSync(config.uploads.dir, { recursive: true });

  const results: UploadResult[] = [];
  const written: string[] = [];
  let total = 0;
  let fileCount = 0;
  let failure: ApiError | null = null;

  const cleanup = () => {
    for (const p of written) rmSync(p, { force: true });
  };

  await new Promise<void>((resolve, reject) => {
    let bb: busboy.Busboy;
    try {
      bb = busboy({
        headers: { 'content-type': contentType },
        // busboy marks a file truncated when it *reaches* fileSize; one byte more lets a file
        // of exactly the limit through and still stops at the first byte beyond it
        limits: { fileSize: maxFileBytes + 1, files: maxFiles, fields: 20, parts: maxFiles + 20 },
        defParamCharset: 'utf8',
      });
    } catch {
      reject(new ApiError('bad_request', 'The request is not valid multipart/form-data'));
      return;
    }
    const pending: Promise<void>[] = [];
    bb.on('file', (_field, stream, info) => {
      fileCount++;
      const fileName = safeFileName(formDataName(info.filename ?? ''));
      const key = newStorageKey();
      const finalPath = join(config.uploads.dir, key);
      const partPath = finalPath + '.part';
      const hash = createHash('sha256');
      const head: Buffer[] = [];
      let headLen = 0;
      let size = 0;
      const out = createWriteStream(partPath, { flags: 'wx' });
      written.push(partPath);
      const index = results.length;
      results.push({ ok: false, fileName, error: { code: 'validation_failed', message: 'incomplete' } });
      stream.on('data', (chunk: Buffer) => {
        size += chunk.length;
        total += chunk.length;
        if (total > maxRequestBytes && !failure) {
          failure = new ApiError('payload_too_large', `The upload is larger than the limit of ${mb(maxRequestBytes)} per request`, { limit: maxRequestBytes });
        }
        hash.update(chunk);
        if (headLen < 4096) {
          head.push(chunk);
          headLen += chunk.length;
        }
      });
      stream.pipe(out);
      pending.push(
        new Promise<void>((done) => {
          out.on('close', () => {
            const truncated = (stream as unknown as { truncated?: boolean }).truncated === true;
            if (truncated) {
              rmSync(partPath, { force: true });
              results[index] = { ok: false, fileName, error: { code: 'payload_too_large', message: `${fileName} is larger than the limit of ${mb(maxFileBytes)} per file` } };
            } else if (size === 0) {
              rmSync(partPath, { force: true });
              results[index] = { ok: false, fileName, error: { code: 'validation_failed', message: `${fileName} is empty` } };
            } else {
              renameSync(partPath, finalPath);
              written.push(finalPath);
              const headBytes = new Uint8Array(Buffer.concat(head).subarray(0, 4096));
              results[index] = { ok: true, fileName, contentType: sniffContentType(headBytes, fileName), size, sha256: hash.digest('hex'), storageKey: key };
            }
            done();
          });
          out.on('error', () => {
            results[index] = { ok: false, fileName, error: { code: 'validation_failed', message: `${fileName} could not be stored` } };
            done();
          });
        }),
      );
    });
    bb.on('filesLimit', () => {
      failure ??= new ApiError('payload_too_large', `At most ${maxFiles} files per upload`, { limit: maxFiles });
    });
    bb.on('partsLimit', () => {
      failure ??= new ApiError('payload_too_large', `At most ${maxFiles} files per upload`, { limit: maxFiles });
    });
    bb.on('error', (e: Error) =>
      reject(
        // browsers send control characters in file names as they are (only CR, LF and " are
        // escaped), and a part header may not contain them: say so, not just "malformed"
        e.message === 'Malformed part header'
          ? new ApiError('bad_request', 'The upload could not be read: a file name contains control characters. Rename the file and try again.')
          : new ApiError('bad_request', 'The request is not valid multipart/form-data'),
      ),
    );
    bb.on('close', () => {
      Promise.all(pending).then(() => resolve(), reject);
    });
    Readable.fromWeb(req.body as unknown as import('node:stream/web').ReadableStream).on('error', () => reject(new ApiError('bad_request', 'The upload was interrupted'))).pipe(bb);
  }).catch((e) => {
    cleanup();
    throw e;
  });

  if (failure) {
    cleanup();
    throw failure;
  }
  if (fileCount === 0) throw new ApiError('validation_failed', 'Choose at least one file', { issues: [{ path: 'file', message: 'Choose at least one file' }] });
  return results;
}

export function removeStoredFile(config: Config, key: string): void {
  rmSync(storagePath(config, key), { force: true });
}
