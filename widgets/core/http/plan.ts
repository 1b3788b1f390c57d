/** `api.plan` over HTTP (see api-http.ts): plan boards and their activities. */
import { hc } from '../hc.js';
import type { planRoutes } from '../../../server/routes/plan.routes.js';
import { perCall, registerResource } from '../api-http.js';

registerResource('plan', (t) => {
  const plan = hc<typeof planRoutes>(`${t.base}/api`, t.clientOptions);
  return {
    boards: async (o) => (await t.json<{ items: never[] }>(() => plan.planboards.$get(undefined, perCall(o)))).items,
    board: (id, o) => t.json(() => plan.planboards[':id'].$get({ param: { id } }, perCall(o))),
    patchActivity: (id, patch, o) => t.json(() => plan['plan-activities'][':id'].$patch({ param: { id }, json: patch }, perCall(o))),
  };
});
