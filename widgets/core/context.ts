/**
 * The community context protocol (https://github.com/webcomponents-cg/community-protocols,
 * "context"), as far as the widgets use it: `<portal-session>` provides (`ContextProvider`),
 * widgets consume with `@consume({ context, subscribe: true })`, and a root on the document
 * keeps requests that no provider answered yet (tags defined in any order). The same events and
 * fields as @lit/context (`context-request`, `context-provider`), so it works together with
 * other implementations on one page; a quarter of its size (issue 7). The build maps
 * `@lit/context` imports to this module (vite.config.ts).
 *
 * Behaviour kept from @lit/context: a provider answers requests from below it and stops them; a
 * subscriber gets every new value; when a provider appears between a subscriber and its old
 * provider (re-parenting), the old provider makes its subscribers ask again, and the nearer one
 * answers (the subscriber drops the old subscription); a disconnected consumer unsubscribes.
 *
 * `ContextProvider` lives in context-provider.ts: only `<portal-session>` provides (it imports it
 * from there), so it need not be in the core chunk every widget loads (issue 7).
 */
import type { ReactiveController, ReactiveControllerHost, ReactiveElement } from 'lit';

/** A context key carrying its value type (a plain key at run time). */
export type Context<K, V> = K & { __context__: V };
export type ContextType<C> = C extends Context<unknown, infer V> ? V : never;

export const createContext = <V, K = unknown>(key: K) => key as Context<K, V>;

export type Callback = (value: unknown, unsubscribe?: () => void) => void;
export type Host = ReactiveControllerHost & HTMLElement;
/** What a consumer sends up ("who provides `context`? call `callback`, again on change") and what a provider sends up when it connects. */
export type ContextEvent = Event & { context: unknown; contextTarget: Element; callback: Callback; subscribe?: boolean };

/** `context-request` or `context-provider`, bubbling out of shadow roots, with the protocol's fields. */
export const send = (from: Element, type: string, context: unknown, callback?: Callback, subscribe?: boolean) =>
  from.dispatchEvent(Object.assign(new Event(type, { bubbles: true, composed: true }), { context, contextTarget: from, callback, subscribe }));
export const listen = (on: Element, type: string, handle: (e: ContextEvent, target: Element) => void) =>
  on.addEventListener(type, (e) => handle(e as ContextEvent, (e as ContextEvent).contextTarget ?? (e.composedPath()[0] as Element)));

/** The controller behind `@consume`: asks on connect, unsubscribes on disconnect. */
class ContextConsumer implements ReactiveController {
  #unsubscribe: (() => void) | undefined;
  #provided = false;
  readonly #callback: Callback = (value, unsubscribe) => {
    // another provider answers now (re-parenting): leave the old one
    if (this.#unsubscribe && this.#unsubscribe !== unsubscribe) {
      this.#provided = false;
      this.#unsubscribe();
    }
    if (!this.subscribe) this.#unsubscribe?.();
    if (!this.#provided || this.subscribe) {
      this.#provided = true;
      this.set(value);
    }
    this.#unsubscribe = unsubscribe;
  };

  constructor(
    readonly host: Host,
    readonly context: unknown,
    readonly set: (value: unknown) => void,
    readonly subscribe: boolean,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    send(this.host, 'context-request', this.context, this.#callback, this.subscribe);
  }

  hostDisconnected(): void {
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
  }
}

/** `@consume({ context, subscribe })` on a property of a Lit element (legacy decorators). */
export function consume<V>({ context, subscribe = false }: { context: Context<unknown, V>; subscribe?: boolean }) {
  return (proto: ReactiveElement, name: PropertyKey): void => {
    (proto.constructor as typeof ReactiveElement).addInitializer((el) => {
      new ContextConsumer(el as Host, context, (v) => ((el as unknown as Record<PropertyKey, unknown>)[name] = v), subscribe);
    });
  };
}

/**
 * Keeps subscribing requests that reached it unanswered and sends them again when a provider
 * for their context connects (consumers upgraded before their provider still get the value).
 */
export class ContextRoot {
  readonly #pending = new Map<unknown, [WeakRef<Element>, WeakRef<Callback>][]>();

  attach(root: Element): void {
    listen(root, 'context-request', (r, el) => {
      if (r.subscribe !== true) return;
      let list = this.#pending.get(r.context);
      if (!list) this.#pending.set(r.context, (list = []));
      // once per element and callback (a consumer that connects again asks again)
      if (!list.some(([e, c]) => e.deref() === el && c.deref() === r.callback)) list.push([new WeakRef(el), new WeakRef(r.callback)]);
    });
    listen(root, 'context-provider', ({ context }) => {
      const list = this.#pending.get(context);
      this.#pending.delete(context);
      for (const [e, c] of list ?? []) {
        const element = e.deref();
        const callback = c.deref();
        if (element && callback) send(element, 'context-request', context, callback, true);
      }
    });
  }
}
