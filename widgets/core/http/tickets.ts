/** `api.tickets` over HTTP (see api-http.ts). */
import { hc } from '../hc.js';
import type { ticketsRoutes } from '../../../server/routes/tickets.routes.js';
import type { TicketListQuery } from '../api-resources.js';
import { perCall, registerResource } from '../api-http.js';

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

registerResource('tickets', (t) => {
  const tickets = hc<typeof ticketsRoutes>(`${t.base}/api/tickets`, t.clientOptions);
  const json = t.json;
  return {
    list: (q, o) => json(() => tickets.index.$get({ query: listQuery(q) as never }, perCall(o))),
    get: (id, o) => json(() => tickets[':id'].$get({ param: { id } }, perCall(o))),
    create: (input, o) => json(() => tickets.index.$post({ json: input as never }, perCall(o))),
    positions: async (id, o) => (await json<{ items: never[] }>(() => tickets[':id'].positions.$get({ param: { id } }, perCall(o)))).items,
    addPosition: (id, input, o) =>
      json(() => tickets[':id'].positions.$post({ param: { id }, json: { body: input.body, attachmentIds: input.attachmentIds ?? [] } }, perCall(o))),
    close: (id, input, o) => json(() => tickets[':id'].close.$post({ param: { id }, json: input }, perCall(o))),
    reopen: (id, input, o) => json(() => tickets[':id'].reopen.$post({ param: { id }, json: input }, perCall(o))),
    release: (id, input, o) => json(() => tickets[':id'].release.$post({ param: { id }, json: input }, perCall(o))),
    reject: (id, input, o) => json(() => tickets[':id'].reject.$post({ param: { id }, json: input }, perCall(o))),
    update: (id, input, o) => json(() => tickets[':id'].$patch({ param: { id }, json: input as never }, perCall(o))),
    resubmit: (id, input, o) => json(() => tickets[':id'].resubmit.$post({ param: { id }, json: input }, perCall(o))),
    // the upload code loads when someone uploads
    upload: async (id, list, o) => (await import('./upload.js')).uploadFiles(t, `/api/tickets/${encodeURIComponent(id)}/attachments`, list, o),
  };
});
