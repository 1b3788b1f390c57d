/**
 * The context protocol of widgets/core/context.ts (the build's @lit/context): what providers and
 * consumers do when they connect in any order, move, or leave; and that it works together with
 * @lit/context's own classes (another copy of the widgets, a host's own components).
 */
import { expect, fixture, html as fixtureHtml } from '@open-wc/testing';
import { LitElement, html } from 'lit';
import { state } from 'lit/decorators.js';
import * as lit from '@lit/context';
import { ContextRoot, consume, createContext, type Context } from '../../widgets/core/context.js';
import { ContextProvider } from '../../widgets/core/context-provider.js';

let n = 0;
const tag = (prefix: string) => `${prefix}-${++n}`;

/** A consumer element class of our implementation for `context`, recording what it got. */
function consumerOf(context: Context<unknown, string>) {
  class C extends LitElement {
    @consume({ context, subscribe: true })
    @state()
    value?: string;
    seen: (string | undefined)[] = [];
    override render() {
      return html`${this.value}`;
    }
    override updated() {
      this.seen.push(this.value);
    }
  }
  const name = tag('ctx-consumer');
  customElements.define(name, C);
  return name;
}

/** A provider element class of our implementation. */
function providerOf(context: Context<unknown, string>, initialValue?: string) {
  class P extends LitElement {
    provider = new ContextProvider(this, { context, initialValue });
    override render() {
      return html`<slot></slot>`;
    }
  }
  const name = tag('ctx-provider');
  customElements.define(name, P);
  return name;
}

const settle = async (...els: Element[]) => {
  for (const el of els) await (el as LitElement).updateComplete;
};

describe('context protocol (core/context.ts)', () => {
  it('a provider answers the consumers below it and sends them every new value', async () => {
    const ctx = createContext<string>(Symbol('t1'));
    const p = providerOf(ctx, 'one');
    const c = consumerOf(ctx);
    const root = await fixture(fixtureHtml`<div></div>`);
    root.innerHTML = `<${p}><div><${c}></${c}></div></${p}>`;
    const provider = root.firstElementChild as LitElement & { provider: ContextProvider<string> };
    const consumer = root.querySelector(c) as LitElement & { value?: string };
    await settle(provider, consumer);
    expect(consumer.value).to.equal('one');
    provider.provider.setValue('two');
    await settle(consumer);
    expect(consumer.value).to.equal('two');
    expect(consumer.shadowRoot!.textContent).to.equal('two');
    // the same value again: nobody is called
    const before = (consumer as unknown as { seen: unknown[] }).seen.length;
    provider.provider.setValue('two');
    await settle(consumer);
    expect((consumer as unknown as { seen: unknown[] }).seen.length).to.equal(before);
  });

  it('a provider that connects after its consumers reaches them through the root', async () => {
    const ctx = createContext<string>(Symbol('t2'));
    const c = consumerOf(ctx);
    const root = await fixture(fixtureHtml`<div></div>`);
    new ContextRoot().attach(root);
    const pTag = tag('ctx-late');
    // the provider's tag is not defined yet: the consumer asks into the void
    root.innerHTML = `<${pTag}><${c}></${c}></${pTag}>`;
    const consumer = root.querySelector(c) as LitElement & { value?: string };
    await settle(consumer);
    expect(consumer.value).to.equal(undefined);
    customElements.define(
      pTag,
      class extends LitElement {
        provider = new ContextProvider(this, { context: ctx, initialValue: 'late' });
        override render() {
          return html`<slot></slot>`;
        }
      },
    );
    await settle(root.firstElementChild!, consumer);
    expect(consumer.value).to.equal('late');
    (root.firstElementChild as unknown as { provider: ContextProvider<string> }).provider.setValue('later');
    await settle(consumer);
    expect(consumer.value).to.equal('later');
  });

  it('a provider that upgrades between a consumer and its provider takes over (re-parenting)', async () => {
    const ctx = createContext<string>(Symbol('t3'));
    const p = providerOf(ctx, 'outer');
    const c = consumerOf(ctx);
    const innerTag = tag('ctx-inner');
    const root = await fixture(fixtureHtml`<div></div>`);
    // the inner element is not a provider yet (its tag is defined later); the consumer stays put
    root.innerHTML = `<${p} id="outer"><${innerTag}><${c}></${c}></${innerTag}></${p}>`;
    const outer = root.querySelector('#outer') as LitElement & { provider: ContextProvider<string> };
    const consumer = root.querySelector(c) as LitElement & { value?: string; seen: unknown[] };
    await settle(outer, consumer);
    expect(consumer.value).to.equal('outer');
    customElements.define(
      innerTag,
      class extends LitElement {
        provider = new ContextProvider(this, { context: ctx, initialValue: 'inner' });
        override render() {
          return html`<slot></slot>`;
        }
      },
    );
    const inner = root.querySelector(innerTag) as LitElement & { provider: ContextProvider<string> };
    await settle(inner, consumer);
    expect(consumer.value).to.equal('inner');
    outer.provider.setValue('outer again');
    await settle(consumer);
    expect(consumer.value, 'the old subscription was dropped').to.equal('inner');
    inner.provider.setValue('inner 2');
    await settle(consumer);
    expect(consumer.value).to.equal('inner 2');
  });

  it('a disconnected consumer unsubscribes and gets the current value when it comes back', async () => {
    const ctx = createContext<string>(Symbol('t4'));
    const p = providerOf(ctx, 'a');
    const c = consumerOf(ctx);
    const root = await fixture(fixtureHtml`<div></div>`);
    root.innerHTML = `<${p}><${c}></${c}></${p}>`;
    const provider = root.firstElementChild as LitElement & { provider: ContextProvider<string> };
    const consumer = root.querySelector(c) as LitElement & { value?: string };
    await settle(provider, consumer);
    consumer.remove();
    provider.provider.setValue('b');
    expect(consumer.value).to.equal('a');
    provider.append(consumer);
    await settle(consumer);
    expect(consumer.value).to.equal('b');
  });

  it('works with @lit/context providers and consumers (another copy on the page)', async () => {
    const ctx = createContext<string>(Symbol('t5'));
    // theirs provides, ours consumes
    const theirs = tag('lit-provider');
    customElements.define(
      theirs,
      class extends LitElement {
        provider = new lit.ContextProvider(this, { context: ctx, initialValue: 'from lit' });
        override render() {
          return html`<slot></slot>`;
        }
      },
    );
    const c = consumerOf(ctx);
    const root = await fixture(fixtureHtml`<div></div>`);
    root.innerHTML = `<${theirs}><${c}></${c}></${theirs}>`;
    const consumer = root.querySelector(c) as LitElement & { value?: string };
    await settle(root.firstElementChild!, consumer);
    expect(consumer.value).to.equal('from lit');
    (root.firstElementChild as unknown as { provider: lit.ContextProvider<typeof ctx> }).provider.setValue('lit 2');
    await settle(consumer);
    expect(consumer.value).to.equal('lit 2');

    // ours provides, theirs consumes
    const p = providerOf(ctx, 'from us');
    const litConsumer = tag('lit-consumer');
    class LitConsumer extends LitElement {
      @lit.consume({ context: ctx, subscribe: true })
      @state()
      value?: string;
    }
    customElements.define(litConsumer, LitConsumer);
    root.innerHTML = `<${p}><${litConsumer}></${litConsumer}></${p}>`;
    const other = root.querySelector(litConsumer) as LitConsumer;
    await settle(root.firstElementChild!, other);
    expect(other.value).to.equal('from us');
    (root.firstElementChild as unknown as { provider: ContextProvider<string> }).provider.setValue('us 2');
    await settle(other);
    expect(other.value).to.equal('us 2');
  });
});
