/** Shared helpers of the widget tests (not a test file itself). */
import { html, type TemplateResult } from 'lit';
import { consume } from '@lit/context';
import { state } from 'lit/decorators.js';
import { fixture, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { PortalElement } from '../../widgets/core/base-element.js';
import { sessionContext, type SessionState } from '../../widgets/core/contexts.js';
import type { FakeApi } from '../../widgets/core/api-fake.js';
import type { PortalSession } from '../../widgets/portal-session/portal-session.element.js';
import '../../widgets/portal-session/define.js';

/** A widget inside the session that shows what the contexts give it. */
export class TestConsumer extends PortalElement {
  @consume({ context: sessionContext, subscribe: true })
  @state()
  session?: SessionState;

  override render() {
    return html`<p>${this.session?.status ?? 'none'} · ${this.locale}</p>`;
  }
}
if (!customElements.get('test-consumer')) customElements.define('test-consumer', TestConsumer);

export async function mountSession(
  api: FakeApi,
  options: { lang?: 'de' | 'en'; inner?: TemplateResult } = {},
): Promise<PortalSession> {
  const inner = options.inner ?? html`<test-consumer id="inside"></test-consumer>`;
  return fixture<PortalSession>(
    options.lang
      ? html`<portal-session .api=${api} lang=${options.lang}>${inner}</portal-session>`
      : html`<portal-session .api=${api}>${inner}</portal-session>`,
  );
}

export function $<E extends Element = HTMLElement>(el: Element, selector: string): E {
  const found = el.shadowRoot!.querySelector<E>(selector);
  if (!found) throw new Error(`nothing matches ${selector}`);
  return found;
}

export function $maybe<E extends Element = HTMLElement>(el: Element, selector: string): E | null {
  return el.shadowRoot!.querySelector<E>(selector);
}

export async function waitForStatus(el: PortalSession, status: SessionState['status']): Promise<void> {
  await waitUntil(() => el.state.status === status, `session never reached ${status} (is ${el.state.status})`, { timeout: 3000 });
  await el.updateComplete;
}

/** Types like a user: focus, then real key presses. */
export async function typeInto(input: HTMLInputElement, text: string): Promise<void> {
  input.focus();
  await sendKeys({ type: text });
}

/** Every event of `type` that reaches the document until `stop()` (call it in afterEach). */
export function collect<T extends Event = Event>(type: string): { events: T[]; stop: () => void } {
  const events: T[] = [];
  const listener = (e: Event) => events.push(e as T);
  document.addEventListener(type, listener);
  return { events, stop: () => document.removeEventListener(type, listener) };
}

/** Visible text of a shadow root, whitespace collapsed. */
export function text(el: Element): string {
  return (el.shadowRoot?.textContent ?? el.textContent ?? '').replace(/\s+/g, ' ').trim();
}

export async function signInThroughForm(el: PortalSession, email: string, password: string): Promise<void> {
  await typeInto($<HTMLInputElement>(el, '#email'), email);
  await typeInto($<HTMLInputElement>(el, '#password'), password);
  $<HTMLButtonElement>(el, 'button[type=submit]').click();
}
