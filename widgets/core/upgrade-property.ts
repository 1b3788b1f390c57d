/**
 * A property set on an element before its class was defined (a template rendered it before the
 * element's chunk loaded) becomes an own property that hides the class's accessor. Call this in
 * the constructor for such accessors: the value is handed to the accessor.
 */
export function upgradeProperty<T extends object>(el: T, name: keyof T & string): void {
  if (Object.prototype.hasOwnProperty.call(el, name)) {
    const value = el[name];
    delete el[name];
    el[name] = value;
  }
}
