// Once before the end-to-end files: Chromium must be there and dist/widgets/ current.
import { chromiumPath, hasChromium } from '../chromium.mjs';
import { ensureWidgets } from '../../scripts/widgets-build.mjs';

export default async function setup(): Promise<void> {
  if (!hasChromium()) {
    throw new Error(`Chromium not found at ${chromiumPath()}: install Debian's "chromium" or set CHROME_PATH`);
  }
  await ensureWidgets({ logLevel: 'error' });
}
