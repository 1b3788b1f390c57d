/**
 * The provider side of the context protocol (context.ts): only `<portal-session>` provides, so
 * this stays out of the shared core chunk every widget loads (issue 7).
 */
import type { ReactiveController } from 'lit';
import { listen, send, type Callback, type Context, type Host } from './context.js';

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
