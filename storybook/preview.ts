/// <reference types="vite/client" />
/**
 * Preview: the widgets' manifest for the docs tables, and toolbar switches for locale (de/en)
 * and light/dark. Widgets read their locale from `<html lang>` when no `portal-session` gives
 * one (STYLE.md "Localisation"); the theme is the page's `color-scheme`, which the widgets' tokens follow with `light-dark()`.
 */
import type { Decorator, Preview } from '@storybook/web-components-vite';
import { setCustomElementsManifest } from '@storybook/web-components-vite';
import { html } from 'lit';

// Written by `npm run analyze` (the storybook scripts run it first); optional so a fresh
// checkout still opens.
const manifests = import.meta.glob<{ default: unknown }>('../custom-elements.json', { eager: true });
const manifest = Object.values(manifests)[0]?.default;
if (manifest) setCustomElementsManifest(manifest);

const withLocaleAndTheme: Decorator = (story, context) => {
  const locale = String(context.globals.locale ?? 'de');
  const theme = context.globals.theme === 'dark' ? 'dark' : 'light';
  const root = document.documentElement;
  root.lang = locale;
  root.dataset.theme = theme;
  root.style.colorScheme = theme;
  // system colours follow color-scheme, like the widgets' light-dark() fallbacks (widgets/core/tokens.ts)
  document.body.style.background = 'Canvas';
  document.body.style.color = 'CanvasText';
  return html`<div class="portal-story" lang=${locale} data-theme=${theme}>${story()}</div>`;
};

const preview: Preview = {
  decorators: [withLocaleAndTheme],
  globalTypes: {
    locale: {
      description: 'UI language',
      toolbar: {
        title: 'Locale',
        icon: 'globe',
        items: [
          { value: 'de', title: 'Deutsch' },
          { value: 'en', title: 'English' },
        ],
        dynamicTitle: true,
      },
    },
    theme: {
      description: 'Light or dark',
      toolbar: {
        title: 'Theme',
        icon: 'mirror',
        items: [
          { value: 'light', title: 'Light' },
          { value: 'dark', title: 'Dark' },
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { locale: 'de', theme: 'light' },
  parameters: {
    controls: { expanded: true },
    a11y: { test: 'error' },
  },
  tags: ['autodocs'],
};

export default preview;
