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
 */
import type { ReactiveController, ReactiveControllerHost, ReactiveElement } from 'lit';

/** A context key carrying its value type (a plain key at run time). */
export type Context<K, V> = K & { __context__: V };
export type ContextType<C> = C extends Context<unknown, infer V> ? V : never;

export const createContext = <V, K = unknown>(key: K) => key as Context<K, V>;

type Callback = (value: unknown, unsubscribe?: () => void) => void;
type Host = ReactiveControllerHost & HTMLElement;
/** What a consumer sends up ("who provides `context`? call `callback`, again on change") and what a provider sends up when it connects. */
type ContextEvent = Event & { context: unknown; contextTarget: Element; callback: Callback; subscribe?: boolean };

/** `context-request` or `context-provider`, bubbling out of shadow roots, with the protocol's fields. */
const send = (from: Element, type: string, context: unknown, callback?: Callback, subscribe?: boolean) =>
  from.dispatchEvent(Object.assign(new Event(type, { bubbles: true, composed: true }), { context, contextTarget: from, callback, subscribe }));
const listen = (on: Element, type: string, handle: (e: ContextEvent, target: Element) => void) =>
  on.addEventListener(type, (e) => handle(e as ContextEvent, (e as ContextEvent).contextTarget ?? (e.composedPath()[0] as Element)));

export class ContextProvider<V> implements ReactiveController {
  readonly context: unknown;
  #value: V | undefined;
  readonly #subscribers = new Map<Callback, [consumer: Element, unsubscribe: () => void]>();

  constructor(
    readonly host: Host,
    options: { context: Context<unknown, V>; initialValue?: V },
  ) {
    this.context = options.context;
    this.#value = options.initialValue;
    listen(host, 'context-request', (r, consumer) => {
      if (r.context !== this.context || consumer === host) return;
      r.stopPropagation();
      if (!r.subscribe) return r.callback(this.#value);
      let s = this.#subscribers.get(r.callback);
      if (!s) this.#subscribers.set(r.callback, (s = [consumer, () => this.#subscribers.delete(r.callback)]));
      r.callback(this.#value, s[1]);
    });
    // a provider connected below this one: its part of the tree asks again and gets the nearer one
    listen(host, 'context-provider', (p, child) => {
      if (p.context !== this.context || child === host) return;
      p.stopPropagation();
      for (const [callback, [consumer]] of [...this.#subscribers]) send(consumer, 'context-request', this.context, callback, true);
    });
    host.addController(this);
  }

  get value(): V | undefined {
    return this.#value;
  }

  setValue(value: V, force = false): void {
    const changed = force || !Object.is(value, this.#value);
    this.#value = value;
    if (changed) for (const [callback, [, unsubscribe]] of [...this.#subscribers]) callback(value, unsubscribe);
  }

  hostConnected(): void {
    send(this.host, 'context-provider', this.context);
  }
}

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
  readonly #pending = new Map<unknown, { seen: WeakMap<Element, WeakSet<Callback>>; list: [WeakRef<Element>, WeakRef<Callback>][] }>();

  attach(root: Element): void {
    listen(root, 'context-request', (r, el) => {
      if (r.subscribe !== true) return;
      let p = this.#pending.get(r.context);
      if (!p) this.#pending.set(r.context, (p = { seen: new WeakMap(), list: [] }));
      let callbacks = p.seen.get(el);
      if (!callbacks) p.seen.set(el, (callbacks = new WeakSet()));
      if (callbacks.has(r.callback)) return;
      callbacks.add(r.callback);
      p.list.push([new WeakRef(el), new WeakRef(r.callback)]);
    });
    listen(root, 'context-provider', ({ context }) => {
      const p = this.#pending.get(context);
      this.#pending.delete(context);
      for (const [el, callback] of p?.list ?? []) {
        const element = el.deref();
        const cb = callback.deref();
        if (element && cb) send(element, 'context-request', context, cb, true);
      }
    });
  }
}
