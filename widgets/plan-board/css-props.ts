/**
 * `<div ${cssProps({ left: '12px' })}>`: sets inline style properties through CSSOM only. Lit's
 * `styleMap` writes a `style` attribute on its first render, which a strict Content Security Policy
 * (`style-src 'self'`, as on the demo portal) blocks; CSSOM changes are always allowed.
 */
import { noChange } from 'lit';
import { Directive, directive, PartType, type ElementPart, type PartInfo } from 'lit/directive.js';

class CssProps extends Directive {
  #keys = new Set<string>();

  constructor(info: PartInfo) {
    super(info);
    if (info.type !== PartType.ELEMENT) throw new Error('cssProps() goes on an element: <div ${cssProps({…})}>');
  }

  render(_props: Readonly<Record<string, string>>): unknown {
    return noChange;
  }

  override update(part: ElementPart, [props]: [Readonly<Record<string, string>>]): unknown {
    const style = (part.element as HTMLElement).style;
    for (const key of this.#keys) if (!(key in props)) style.removeProperty(key);
    for (const [key, value] of Object.entries(props)) style.setProperty(key, value);
    this.#keys = new Set(Object.keys(props));
    return noChange;
  }
}

export const cssProps = directive(CssProps);
