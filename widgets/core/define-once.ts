import { elementBrand } from './version.js';

type Branded = CustomElementConstructor & { [elementBrand]?: string };

/**
 * Registers a custom element unless its tag is taken. The same class again is a no-op (a page may
 * load `define.js` and the loader). Another copy of the widgets on the page (a second bundle, the
 * same or another version) leaves the first copy's element in place: silently for the same
 * version, with a warning for another. A foreign element under the tag is left alone with a
 * warning that names the documented way out: register our class under a name of your own. The
 * warnings' texts load only when one is due (define-once-warning.ts; issue 7).
 */
export function defineOnce(tag: string, element: CustomElementConstructor): boolean {
  const existing = customElements.get(tag) as Branded | undefined;
  if (!existing) {
    customElements.define(tag, element);
    return true;
  }
  const mine = (element as Branded)[elementBrand];
  if (existing !== element && (mine === undefined || mine !== existing[elementBrand])) {
    void import('./define-once-warning.js').then((m) => m.warnTagTaken(tag, element, existing));
  }
  return false;
}
