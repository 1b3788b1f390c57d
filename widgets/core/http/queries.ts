/** `api.queries` over HTTP (see api-http.ts): saved ticket queries. */
import { hc } from '../hc.js';
import type { lookupsRoutes } from '../../../server/routes/lookups.routes.js';
import { perCall, registerResource } from '../api-http.js';

registerResource('queries', (t) => {
  const api = hc<typeof lookupsRoutes>(`${t.base}/api`, t.clientOptions);
  return {
    list: async (o) => (await t.json<{ items: never[] }>(() => api.queries.$get(undefined, perCall(o)))).items,
    create: (input, o) =>
      t.json(() => api.queries.$post({ json: { name: input.name, description: input.description ?? '', filter: input.filter } }, perCall(o))),
    remove: async (id, o) => {
      await t.send(() => api.queries[':id'].$delete({ param: { id } }, perCall(o)), true);
    },
  };
});
