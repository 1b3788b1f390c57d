/**
 * Registers every default tag (idempotent: loading it twice, or next to loader.js, is harmless).
 * `<portal-session>` first, so widgets inside it find their provider when they upgrade.
 */
import './portal-session/define.js';
import './portal-app/define.js';
import './kb-browser/define.js';
import './plan-board/define.js';
import './ticket-wizard/define.js';
import './approval-inbox/define.js';
import './portal-dashboard/define.js';
import './ticket-board/define.js';
import './ticket-detail/define.js';
