/**
 * Multipart upload with progress (fetch cannot report upload progress), shared by `api.uploads`
 * and `api.tickets.upload`. The answer is turned into a Response so the transport's error
 * handling applies.
 */
import type { UploadItem, UploadOptions } from '../api-resources.js';
import type { HttpTransport } from '../api-http.js';

function xhrUpload(t: HttpTransport, url: string, files: File[], o?: UploadOptions): Promise<Response> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    xhr.withCredentials = t.mode === 'cookie';
    for (const [k, v] of Object.entries(t.clientOptions.headers())) xhr.setRequestHeader(k, v);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) o?.onProgress?.(e.loaded, e.total);
    };
    xhr.onload = () => {
      const headers = new Headers({ 'content-type': xhr.getResponseHeader('content-type') ?? 'application/json' });
      const rid = xhr.getResponseHeader('x-request-id');
      if (rid) headers.set('x-request-id', rid);
      resolve(new Response(xhr.status === 204 ? null : xhr.responseText, { status: xhr.status, headers }));
    };
    xhr.onerror = () => reject(new TypeError('The server could not be reached'));
    xhr.onabort = () => reject(new DOMException('The upload was cancelled', 'AbortError'));
    if (o?.signal) {
      if (o.signal.aborted) {
        reject(new DOMException('The upload was cancelled', 'AbortError'));
        return;
      }
      o.signal.addEventListener('abort', () => xhr.abort(), { once: true });
    }
    const form = new FormData();
    for (const f of files) form.append('file', f, f.name);
    xhr.send(form);
  });
}

/** POSTs `files` to `url` (a path under the server's base) → one result per file. */
export async function uploadFiles(t: HttpTransport, url: string, files: File[], o?: UploadOptions): Promise<UploadItem[]> {
  return (await t.json<{ items: UploadItem[] }>(() => xhrUpload(t, `${t.base}${url}`, files, o))).items;
}
