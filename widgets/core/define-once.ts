import { elementBrand } from './version.js';

type Branded = CustomElementConstructor & { [elementBrand]?: string };

/**
 * Registers a custom element unless its tag is taken. The same class again is a no-op (a page may
 * load `define.js` and the loader). Another copy of the widgets on the page (a second bundle, the
 * same or another version) leaves the first copy's element in place: silently for the same
 * version, with a warning for another. A foreign element under the tag is left alone with a
 * warning that names the documented way out: register our class under a name of your own.
 */
export function defineOnce(tag: string, element: CustomElementConstructor): boolean {
  const existing = customElements.get(tag) as Branded | undefined;
  if (!existing) {
    customElements.define(tag, element);
    return true;
  }
  if (existing === element) return false;
  const mine = (element as Branded)[elementBrand];
  const theirs = existing[elementBrand];
  if (mine !== undefined && theirs !== undefined) {
    if (mine !== theirs) {
      console.warn(
        `helpdesk-portal ${mine}: <${tag}> is already registered by helpdesk-portal ${theirs} (another copy on this page); ` +
          `that one is used. Load the widgets once per page to avoid mixing versions.`,
      );
    }
    return false;
  }
  console.warn(
    `helpdesk-portal: <${tag}> is already defined by another element, so ours was not registered. ` +
      `To use ours under another name, import its class from the widgets' index.js and register a ` +
      `subclass: customElements.define('my-${tag}', class extends ${element.name || 'Widget'} {}).`,
  );
  return false;
}
