/** `api.kb` over HTTP (see api-http.ts): knowledge-base sections, languages, articles. */
import { hc } from '../hc.js';
import type { kbRoutes } from '../../../server/routes/kb.routes.js';
import { perCall, registerResource } from '../api-http.js';

registerResource('kb', (t) => {
  const kb = hc<typeof kbRoutes>(`${t.base}/api/kb`, t.clientOptions);
  const items = async (run: () => Promise<Response>) => (await t.json<{ items: never[] }>(run)).items;
  return {
    sections: (input, o) =>
      items(() =>
        kb.sections.$get(
          { query: { ...(input?.q ? { q: input.q } : {}), ...(input?.language ? { language: input.language } : {}) } as never },
          perCall(o),
        ),
      ),
    languages: (input, o) => items(() => kb.languages.$get({ query: (input?.q ? { q: input.q } : {}) as never }, perCall(o))),
    articles: (input, o) =>
      items(() =>
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
      ),
    article: (id, o) => t.json(() => kb.articles[':id'].$get({ param: { id } }, perCall(o))),
  };
});
