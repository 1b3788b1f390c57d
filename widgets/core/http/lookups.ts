/** `api.lookups` over HTTP (see api-http.ts): types, areas, partners, priorities, tags. */
import { hc } from '../hc.js';
import type { lookupsRoutes } from '../../../server/routes/lookups.routes.js';
import { perCall, registerResource } from '../api-http.js';

registerResource('lookups', (t) => {
  const api = hc<typeof lookupsRoutes>(`${t.base}/api`, t.clientOptions);
  const items = async (run: () => Promise<Response>) => (await t.json<{ items: never[] }>(run)).items;
  return {
    types: (o) => items(() => api.lookups.types.$get(undefined, perCall(o))),
    areas: (o) => items(() => api.lookups.areas.$get(undefined, perCall(o))),
    partners: (o) => items(() => api.lookups.partners.$get(undefined, perCall(o))),
    priorityMatrix: async (o) => (await t.json<{ matrix: never }>(() => api.lookups.priority.$get(undefined, perCall(o)))).matrix,
    tags: (input, o) =>
      items(() =>
        api.tags.$get(
          {
            query: {
              prefix: input.prefix,
              ...(input.partner ? { partner: input.partner } : {}),
              ...(input.limit ? { limit: String(input.limit) } : {}),
            } as never,
          },
          perCall(o),
        ),
      ),
  };
});
