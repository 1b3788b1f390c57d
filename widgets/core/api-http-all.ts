/**
 * `HttpApi` with every resource registered: for hosts that build their own client (index.ts),
 * tests and tools. A widget's bundle uses api-http.ts and the resources its define.ts imports.
 */
import './http/auth.js';
import './http/me.js';
import './http/tickets.js';
import './http/uploads.js';
import './http/attachments.js';
import './http/lookups.js';
import './http/queries.js';
import './http/prefs.js';
import './http/dashboard.js';
import './http/kb.js';
import './http/plan.js';

export * from './api-http.js';
