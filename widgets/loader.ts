/**
 * The page's one script tag: `<script type="module" src="/widgets/loader.js"></script>`.
 * Defines `<portal-session>` at once (the provider must exist before the widgets inside it
 * upgrade), then loads each widget's module when its tag appears in the page, or when a widget
 * asks for one it renders in its shadow root (`portal-define-request`).
 *
 * A new widget adds one line to `modules`.
 */
import './portal-session/define.js';
import { DefineRequestEvent } from './core/events.js';
// Types only (erased from the JavaScript): hosts that import the loader get every widget's tag
// in HTMLElementTagNameMap and its events in GlobalEventHandlersEventMap.
export type {} from './global-types.js';

const modules: Record<string, () => Promise<unknown>> = {
  'portal-app': () => import('./portal-app/define.js'),
  'plan-board': () => import('./plan-board/define.js'),
  'kb-browser': () => import('./kb-browser/define.js'),
  'ticket-board': () => import('./ticket-board/define.js'),
  'ticket-detail': () => import('./ticket-detail/define.js'),
  'approval-inbox': () => import('./approval-inbox/define.js'),
  'portal-dashboard': () => import('./portal-dashboard/define.js'),
  'ticket-wizard': () => import('./ticket-wizard/define.js'),
};

const loading = new Map<string, Promise<unknown>>();

function load(tag: string): void {
  const importer = modules[tag];
  if (!importer || loading.has(tag) || customElements.get(tag)) return;
  loading.set(
    tag,
    importer().catch((error: unknown) => {
      loading.delete(tag);
      console.error(`helpdesk-portal: could not load <${tag}>`, error);
    }),
  );
}

const selector = Object.keys(modules).join(',');

function scan(root: ParentNode): void {
  if (root instanceof Element && root.matches(selector)) load(root.localName);
  for (const el of root.querySelectorAll(selector)) load(el.localName);
}

function start(): void {
  scan(document);
  new MutationObserver((records) => {
    for (const r of records) {
      for (const node of r.addedNodes) if (node instanceof Element) scan(node);
    }
  }).observe(document.documentElement, { childList: true, subtree: true });
  document.addEventListener(DefineRequestEvent.eventName, (e) => {
    if (modules[e.tag]) {
      e.preventDefault();
      load(e.tag);
    }
  });
}

const g = globalThis as { [key: symbol]: boolean };
const started = Symbol.for('helpdesk-portal.loader.v1');
if (!g[started]) {
  g[started] = true;
  start();
}
