/** `api.uploads` over HTTP (see api-http.ts): files added while writing. */
import { hc } from '../hc.js';
import type { attachmentsRoutes } from '../../../server/routes/attachments.routes.js';
import { perCall, registerResource } from '../api-http.js';

registerResource('uploads', (t) => {
  const files = hc<typeof attachmentsRoutes>(`${t.base}/api`, t.clientOptions);
  return {
    // the upload code loads when someone uploads
    upload: async (list, o) => (await import('./upload.js')).uploadFiles(t, '/api/uploads', list, o),
    remove: async (id, o) => {
      await t.send(() => files.uploads[':id'].$delete({ param: { id } }, perCall(o)), true);
    },
  };
});
