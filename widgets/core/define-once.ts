/**
 * Registers a custom element unless its tag is taken. The same class again is a no-op (a page may
 * load `define.js` and the loader); another class under the tag is left alone with a warning that
 * names the documented way out: register our class under a name of your own.
 */
export function defineOnce(tag: string, element: CustomElementConstructor): boolean {
  const existing = customElements.get(tag);
  if (!existing) {
    customElements.define(tag, element);
    return true;
  }
  if (existing !== element) {
    console.warn(
      `helpdesk-portal: <${tag}> is already defined by another element, so ours was not registered. ` +
        `To use ours under another name, import its class from the widgets' index.js and register a ` +
        `subclass: customElements.define('my-${tag}', class extends ${element.name || 'Widget'} {}).`,
    );
  }
  return false;
}
