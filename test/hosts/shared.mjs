// Shared by the host apps' Vite configs: where `helpdesk-portal/<entry>` comes from. A host
// installs the package; here the package is this repository, so its exports are mapped to a
// build of the widgets: HELPDESK_PORTAL_WIDGETS (the test builds into a temp dir), else dist/widgets.
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

const root = fileURLToPath(new URL('../..', import.meta.url));

export function portalAlias() {
  const dir = process.env.HELPDESK_PORTAL_WIDGETS || join(root, 'dist/widgets');
  return [{ find: /^helpdesk-portal\/(index|define|loader)$/, replacement: join(dir, '$1.js') }];
}
