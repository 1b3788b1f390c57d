/**
 * The HTTP side of the resource APIs (api-resources.ts), typed per route module with Hono's
 * client (hc.ts). `HttpApi` builds them with its transport (base URL, credentials, token, error
 * handling), so every call behaves like the sign-in calls: non-2xx → `ApiError`, 401 → the
 * session is gone.
 */
import { hc } from './hc.js';
import type { ticketsRoutes } from '../../server/routes/tickets.routes.js';
import type { lookupsRoutes } from '../../server/routes/lookups.routes.js';
import type { attachmentsRoutes } from '../../server/routes/attachments.routes.js';
import type { dashboardRoutes } from '../../server/routes/dashboard.routes.js';
import type { kbRoutes } from '../../server/routes/kb.routes.js';
import type { planRoutes } from '../../server/routes/plan.routes.js';
import type { RequestOptions } from './api.js';
import type {
  ResourceApis,
  TicketListQuery,
  UploadItem,
  UploadOptions,
} from './api-resources.js';

export interface HttpTransport {
  base: string;
  mode: 'cookie' | 'bearer';
  clientOptions: {
    fetch: typeof fetch;
    headers: () => Record<string, string>;
    init: { credentials: RequestCredentials };
  };
  /** runs a request; non-2xx → ApiError (and session notifications) */
  send<R extends Response>(run: () => Promise<R>, needsSession: boolean): Promise<R>;
  fetch: typeof fetch;
}

const perCall = (o?: RequestOptions) => (o?.signal ? { init: { signal: o.signal } } : undefined);

/** Query values as the server reads them: arrays comma-joined, empty ones left out. */
function listQuery(q: TicketListQuery): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(q)) {
    if (v === undefined || v === null || v === '') continue;
    if (Array.isArray(v)) {
      if (v.length) out[k] = v.join(',');
    } else out[k] = String(v);
  }
  return out;
}

/**
 * Multipart upload with progress (fetch cannot report upload progress). The answer is turned
 * into a Response so the transport's error handling applies.
 */
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

export function createHttpResources(t: HttpTransport): ResourceApis {
  const { base, clientOptions } = t;
  const tickets = hc<typeof ticketsRoutes>(`${base}/api/tickets`, clientOptions);
  const lookups = hc<typeof lookupsRoutes>(`${base}/api`, clientOptions);
  const files = hc<typeof attachmentsRoutes>(`${base}/api`, clientOptions);
  const dash = hc<typeof dashboardRoutes>(`${base}/api/dashboard`, clientOptions);
  const kb = hc<typeof kbRoutes>(`${base}/api/kb`, clientOptions);
  const plan = hc<typeof planRoutes>(`${base}/api`, clientOptions);
  const json = async <T>(run: () => Promise<Response>): Promise<T> => (await (await t.send(run, true)).json()) as T;
  const uploadItems = async (url: string, list: File[], o?: UploadOptions): Promise<UploadItem[]> => {
    const res = await t.send(() => xhrUpload(t, url, list, o), true);
    return ((await res.json()) as { items: UploadItem[] }).items;
  };

  return {
    tickets: {
      list: (q, o) => json(() => tickets.index.$get({ query: listQuery(q) as never }, perCall(o))),
      get: (id, o) => json(() => tickets[':id'].$get({ param: { id } }, perCall(o))),
      create: (input, o) => json(() => tickets.index.$post({ json: input as never }, perCall(o))),
      positions: async (id, o) =>
        (await json<{ items: never[] }>(() => tickets[':id'].positions.$get({ param: { id } }, perCall(o)))).items,
      addPosition: (id, input, o) =>
        json(() => tickets[':id'].positions.$post({ param: { id }, json: { body: input.body, attachmentIds: input.attachmentIds ?? [] } }, perCall(o))),
      close: (id, input, o) => json(() => tickets[':id'].close.$post({ param: { id }, json: input }, perCall(o))),
      reopen: (id, input, o) => json(() => tickets[':id'].reopen.$post({ param: { id }, json: input }, perCall(o))),
      release: (id, input, o) => json(() => tickets[':id'].release.$post({ param: { id }, json: input }, perCall(o))),
      reject: (id, input, o) => json(() => tickets[':id'].reject.$post({ param: { id }, json: input }, perCall(o))),
      update: (id, input, o) => json(() => tickets[':id'].$patch({ param: { id }, json: input as never }, perCall(o))),
      resubmit: (id, input, o) => json(() => tickets[':id'].resubmit.$post({ param: { id }, json: input }, perCall(o))),
      upload: (id, list, o) => uploadItems(`${base}/api/tickets/${encodeURIComponent(id)}/attachments`, list, o),
    },
    uploads: {
      upload: (list, o) => uploadItems(`${base}/api/uploads`, list, o),
      remove: async (id, o) => {
        await t.send(() => files.uploads[':id'].$delete({ param: { id } }, perCall(o)), true);
      },
    },
    attachments: {
      url: async (id, o) => {
        const path = `${base}/api/attachments/${encodeURIComponent(id)}${o?.inline ? '?inline=1' : ''}`;
        if (t.mode === 'cookie') return path;
        const res = await t.send(
          () =>
            t.fetch(path, {
              headers: clientOptions.headers(),
              credentials: 'omit',
              ...(o?.signal ? { signal: o.signal } : {}),
            }),
          true,
        );
        return URL.createObjectURL(await res.blob());
      },
      release: (url) => {
        if (url.startsWith('blob:')) URL.revokeObjectURL(url);
      },
    },
    lookups: {
      types: async (o) => (await json<{ items: never[] }>(() => lookups.lookups.types.$get(undefined, perCall(o)))).items,
      areas: async (o) => (await json<{ items: never[] }>(() => lookups.lookups.areas.$get(undefined, perCall(o)))).items,
      partners: async (o) => (await json<{ items: never[] }>(() => lookups.lookups.partners.$get(undefined, perCall(o)))).items,
      priorityMatrix: async (o) => (await json<{ matrix: never }>(() => lookups.lookups.priority.$get(undefined, perCall(o)))).matrix,
      tags: async (input, o) =>
        (
          await json<{ items: never[] }>(() =>
            lookups.tags.$get(
              {
                query: {
                  prefix: input.prefix,
                  ...(input.partner ? { partner: input.partner } : {}),
                  ...(input.limit ? { limit: String(input.limit) } : {}),
                } as never,
              },
              perCall(o),
            ),
          )
        ).items,
    },
    queries: {
      list: async (o) => (await json<{ items: never[] }>(() => lookups.queries.$get(undefined, perCall(o)))).items,
      create: (input, o) =>
        json(() => lookups.queries.$post({ json: { name: input.name, description: input.description ?? '', filter: input.filter } }, perCall(o))),
      remove: async (id, o) => {
        await t.send(() => lookups.queries[':id'].$delete({ param: { id } }, perCall(o)), true);
      },
    },
    prefs: {
      get: async <T>(key: string, o?: RequestOptions) =>
        (await json<{ value: T | null }>(() => lookups.prefs[':key'].$get({ param: { key } }, perCall(o)))).value,
      set: async (key, value, o) => {
        await t.send(() => lookups.prefs[':key'].$put({ param: { key }, json: { value: value as never } }, perCall(o)), true);
      },
    },
    dashboard: {
      get: (input, o) => json(() => dash.index.$get({ query: { scope: input?.scope ?? 'mine' } as never }, perCall(o))),
    },
    kb: {
      sections: async (input, o) =>
        (
          await json<{ items: never[] }>(() =>
            kb.sections.$get(
              { query: { ...(input?.q ? { q: input.q } : {}), ...(input?.language ? { language: input.language } : {}) } as never },
              perCall(o),
            ),
          )
        ).items,
      languages: async (input, o) =>
        (await json<{ items: never[] }>(() => kb.languages.$get({ query: (input?.q ? { q: input.q } : {}) as never }, perCall(o)))).items,
      articles: async (input, o) =>
        (
          await json<{ items: never[] }>(() =>
            kb.articles.$get(
              {
                query: {
                  ...(input?.section ? { section: input.section } : {}),
                  ...(input?.q ? { q: input.q } : {}),
                  ...(input?.language ? { language: input.language } : {}),
                } as never,
              },
              perCall(o),
            ),
          )
        ).items,
      article: (id, o) => json(() => kb.articles[':id'].$get({ param: { id } }, perCall(o))),
    },
    plan: {
      boards: async (o) => (await json<{ items: never[] }>(() => plan.planboards.$get(undefined, perCall(o)))).items,
      board: (id, o) => json(() => plan.planboards[':id'].$get({ param: { id } }, perCall(o))),
      patchActivity: (id, patch, o) => json(() => plan['plan-activities'][':id'].$patch({ param: { id }, json: patch }, perCall(o))),
    },
  };
}
