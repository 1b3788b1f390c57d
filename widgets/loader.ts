/**
 * The page's one script tag: `<script type="module" src="/widgets/loader.js"></script>`.
 * Defines `<portal-session>` at once (the provider must exist before the widgets inside it
 * upgrade), then loads each widget's module when its tag appears in the page, or when a widget
 * asks for one it renders in its shadow root (`portal-define-request`).
 *
 * A module that fails to load (a network glitch, a deploy under way) is tried again after 0.5,
 * 2 and 5 seconds, and at once when the browser comes back online (`online`), also after the
 * loader gave up. When it gives up, it logs one console error naming the tag and fires
 * `portal-load-error` (bubbles, composed; `detail: { tag, message }`) on each element with that
 * tag in the page (else on the widgets that asked for it), so the host can show its own message.
 * Until a widget's module has loaded, its element is undefined: a host styles `tag:not(:defined)`
 * (e.g. a min-height and a "Loading…" look), see demo/intranet.css.
 *
 * A new widget adds one line to `modules`.
 */
import './portal-session/define.js';
import { DefineRequestEvent } from './core/events.js';
// Types only (erased from the JavaScript): hosts that import the loader get every widget's tag
// in HTMLElementTagNameMap and its events in GlobalEventHandlersEventMap.
export type {} from './global-types.js';

/** The loader gave up loading a widget's module (fired on its element, or on the widget that asked for it). */
export class PortalLoadErrorEvent extends Event {
  static readonly eventName = 'portal-load-error';
  constructor(readonly detail: { tag: string; message: string }) {
    super(PortalLoadErrorEvent.eventName, { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'portal-load-error': PortalLoadErrorEvent;
  }
}

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

/** @internal The importers and the waits before each retry in ms (tests change them). */
export const loaderSetup = { modules, waits: [500, 2000, 5000] };

/** tags being loaded (or waiting for their next try), each with the widgets that asked for it */
const loading = new Map<string, Set<EventTarget>>();
/** tags the loader gave up on: tried again when the browser is back online */
const failed = new Set<string>();
/** end the waits before the next tries (online again) */
let wakeUps: (() => void)[] = [];

async function load(tag: string, from?: EventTarget): Promise<void> {
  const importer = loaderSetup.modules[tag];
  if (!importer || customElements.get(tag)) return;
  const askers = loading.get(tag);
  if (askers) {
    if (from) askers.add(from);
    return;
  }
  loading.set(tag, new Set(from ? [from] : []));
  failed.delete(tag);
  for (const wait of [...loaderSetup.waits, -1]) {
    try {
      await importer();
      break;
    } catch (error) {
      if (wait >= 0) {
        await new Promise((resolve) => {
          setTimeout(resolve, wait);
          wakeUps.push(resolve as () => void);
        });
        continue;
      }
      failed.add(tag);
      console.error(`helpdesk-portal: could not load <${tag}>`, error);
      const els = [...document.querySelectorAll(tag)];
      const detail = { tag, message: String((error as Error)?.message ?? error) };
      for (const el of els.length ? els : loading.get(tag)!) el.dispatchEvent(new PortalLoadErrorEvent(detail));
    }
  }
  loading.delete(tag);
}

const selector = Object.keys(modules).join(',');

function scan(root: ParentNode): void {
  if (root instanceof Element && root.matches(selector)) void load(root.localName);
  for (const el of root.querySelectorAll(selector)) void load(el.localName);
}

function start(): void {
  scan(document);
  new MutationObserver((records) => {
    for (const r of records) {
      for (const node of r.addedNodes) if (node instanceof Element) scan(node);
    }
  }).observe(document.documentElement, { childList: true, subtree: true });
  document.addEventListener(DefineRequestEvent.eventName, (e) => {
    if (loaderSetup.modules[e.tag]) {
      e.preventDefault();
      void load(e.tag, e.composedPath()[0]);
    }
  });
  addEventListener('online', () => {
    for (const wake of wakeUps) wake();
    wakeUps = [];
    for (const tag of failed) void load(tag);
  });
}

const g = globalThis as { [key: symbol]: boolean };
const started = Symbol.for('helpdesk-portal.loader.v1');
if (!g[started]) {
  g[started] = true;
  start();
}
