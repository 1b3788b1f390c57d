/**
 * Icons only the portal app uses (its header), in the core icons' frame (`icon()`: same classes,
 * size and aria-hidden); kept out of the core chunk every widget loads (issue 7).
 */
import { svg } from 'lit';
import { icon } from '../core/icons.js';

export const appIcons = {
  sun: () =>
    icon(svg`<circle cx="12" cy="12" r="4"/><path d="M12 2v2M12 20v2M4.93 4.93l1.41 1.41M17.66 17.66l1.41 1.41M2 12h2M20 12h2M6.34 17.66l-1.41 1.41M19.07 4.93l-1.41 1.41"/>`),
  moon: () => icon(svg`<path d="M21 12.79A9 9 0 1 1 11.21 3 7 7 0 0 0 21 12.79z"/>`),
  signOut: () => icon(svg`<path d="M9 21H5a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2h4M16 17l5-5-5-5M21 12H9"/>`),
  menu: () => icon(svg`<path d="M3 6h18M3 12h18M3 18h18"/>`),
  user: () => icon(svg`<circle cx="12" cy="8" r="4"/><path d="M4 21a8 8 0 0 1 16 0"/>`),
};
