import { elementBrand } from './version.js';

type Branded = CustomElementConstructor & { [elementBrand]?: string };

/** defineOnce found `tag` taken by `existing`, not by this copy's `element`: says why and what to do. */
export function warnTagTaken(tag: string, element: Branded, existing: Branded): void {
  const mine = element[elementBrand];
  const theirs = existing[elementBrand];
  console.warn(
    mine !== undefined && theirs !== undefined
      ? `helpdesk-portal ${mine}: <${tag}> is already registered by helpdesk-portal ${theirs} (another copy on this page); ` +
          `that one is used. Load the widgets once per page to avoid mixing versions.`
      : `helpdesk-portal: <${tag}> is already defined by another element, so ours was not registered. ` +
          `To use ours under another name, import its class from the widgets' index.js and register a ` +
          `subclass: customElements.define('my-${tag}', class extends ${element.name || 'Widget'} {}).`,
  );
}
