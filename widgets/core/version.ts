/**
 * The package version, carried by every element class (`PortalElement[elementBrand]`), so that a
 * second copy of the widgets on one page can tell "another copy of us" from a foreign element.
 * Kept equal to package.json's version (test/hosts/hosts.test.ts checks it).
 */
export const version = '0.1.0';

/** The static key under which our element classes carry `version`. */
export const elementBrand = Symbol.for('helpdesk-portal.element');
