/**
 * <kb-browser> in each of its states against the in-memory fake API (R-KB-1..3). The args drive
 * the fake: who is signed in, latency, failures; and the element: an article to open, a section,
 * a search term typed by the play function, the width of its column.
 */
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import { waitFor } from 'storybook/test';
import { FakeApi, demoAccounts } from '../../widgets/core/api-fake.js';
import { createWorld } from '../../widgets/core/fake/world.js';
import type { KbBrowser } from '../../widgets/kb-browser/kb-browser.element.js';
import { languagePrefKey } from '../../widgets/kb-browser/kb-browser.element.js';
import '../../widgets/kb-browser/define.js';

interface Args {
  signedInAs: string;
  latencyMs: number;
  failing: 'nothing' | 'sections' | 'articles' | 'article';
  /** the article-id attribute (deep link) */
  articleId: string;
  /** the section attribute */
  section: string;
  /** typed into the search box by the play function */
  search: string;
  /** width of the column the element sits in (CSS length; empty: full width) */
  width: string;
  /** add 60 generated articles (long lists, long titles) */
  many: boolean;
  /** the account's remembered article-language choice (empty: none, the default applies) */
  language: '' | 'de' | 'en' | 'all';
}

const DAY = 86_400_000;

/** The demo world, optionally with many more articles. */
function world(many: boolean) {
  const w = createWorld();
  if (!many) return w;
  const sections = w.kbSections.map((s) => s.id);
  const topics = [
    ['Drucker', 'Druckertreiber aktualisieren', 'So aktualisieren Sie den Druckertreiber über die Softwareverteilung.'],
    ['VPN', 'VPN-Verbindung bricht ab', 'Prüfen Sie zuerst die WLAN-Verbindung und starten Sie den VPN-Client neu.'],
    ['Outlook', 'Outlook-Postfach archivieren', 'Alte E-Mails verschieben Sie mit der Archivfunktion in ein Onlinearchiv.'],
    ['Teams', 'Microsoft Teams: Besprechung aufzeichnen', 'Aufzeichnungen landen automatisch im OneDrive des Organisators.'],
    ['Passwort', 'Passwort-Manager einrichten', 'Der Passwort-Manager speichert Ihre Zugangsdaten verschlüsselt.'],
    ['Laptop', 'Neuen Laptop in Betrieb nehmen – Schritt-für-Schritt-Anleitung für Mitarbeiterinnen und Mitarbeiter im Außendienst', 'Melden Sie sich beim ersten Start mit Ihrem Firmenkonto an.'],
  ] as const;
  for (let i = 0; i < 60; i++) {
    const [, title, text] = topics[i % topics.length]!;
    const id = `kb-many-${i}`;
    w.kbArticles.push({
      id,
      sectionId: sections[i % sections.length]!,
      language: i % 5 === 0 ? 'en' : 'de',
      title: `${title} (${i + 1})`,
      bodyHtml: `<p>${text}</p><p>Weitere Hinweise finden Sie im Servicekatalog.</p>`,
      attributionHtml: null,
      createdAt: new Date(Date.now() - (i + 40) * DAY).toISOString(),
      updatedAt: new Date(Date.now() - i * DAY).toISOString(),
      author: 'Alex Hoffmann',
      version: 1,
    });
    w.kbShares.push({ articleId: id, businessPartnerId: 'bp-nordwind' });
  }
  return w;
}

function browser(args: Args) {
  const failure = { sections: 'kb.sections', articles: 'kb.articles', article: 'kb.article' } as const;
  const api = new FakeApi({
    signedInAs: args.signedInAs || null,
    latencyMs: args.latencyMs,
    world: world(args.many),
    failures: args.failing === 'nothing' ? {} : { [failure[args.failing]]: 'internal' as const },
  });
  const account = demoAccounts.find((a) => a.email === args.signedInAs);
  if (args.language && account) api.world.prefs.set(`${account.id}:${languagePrefKey}`, args.language);
  return html`<div style="max-width: ${args.width || 'none'}; padding: 1rem">
    <kb-browser .api=${api} article-id=${args.articleId || nothing} section=${args.section || nothing}></kb-browser>
  </div>`;
}

/** Types the story's search term like a person would (the element debounces it). */
async function typeSearch(canvasElement: HTMLElement, term: string) {
  const el = canvasElement.querySelector<KbBrowser>('kb-browser')!;
  const input = await waitFor(() => {
    const i = el.shadowRoot?.querySelector<HTMLInputElement>('#search');
    if (!i) throw new Error('no search box yet');
    return i;
  });
  input.value = term;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  await waitFor(
    () => {
      if (!el.hasCustomState('searching') || el.hasCustomState('busy')) throw new Error('still searching');
    },
    { timeout: 5000 },
  );
}

const meta: Meta<Args> = {
  title: 'Widgets/kb-browser',
  component: 'kb-browser',
  render: browser,
  args: {
    signedInAs: 'erik.editor@nordwind.example',
    latencyMs: 150,
    failing: 'nothing',
    articleId: '',
    section: '',
    search: '',
    width: '',
    many: false,
    language: '',
  },
  argTypes: {
    signedInAs: { control: 'select', options: ['', ...demoAccounts.map((a) => a.email)] },
    latencyMs: { control: { type: 'range', min: 0, max: 3000, step: 50 } },
    failing: { control: 'inline-radio', options: ['nothing', 'sections', 'articles', 'article'] },
    articleId: { control: 'select', options: ['', 'kb-a-intro', 'kb-a-vpn', 'kb-a-queue', 'kb-a-mfa', 'kb-a-container', 'no-such-article'] },
    section: { control: 'select', options: ['', 'kb-s-start', 'kb-s-howto', 'kb-s-glossary'] },
    width: { control: 'text' },
    language: { control: 'inline-radio', options: ['', 'de', 'en', 'all'] },
  },
  play: async ({ canvasElement, args }) => {
    if (args.search) await typeSearch(canvasElement, args.search);
  },
  parameters: { layout: 'fullscreen' },
};
export default meta;

type Story = StoryObj<Args>;

export const Default: Story = {};
export const Searching: Story = { args: { search: 'drucker' } };
export const SearchInSection: Story = { args: { section: 'kb-s-howto', search: 'client' } };
export const NoResults: Story = { args: { search: 'zzqx' } };
export const Section: Story = { args: { section: 'kb-s-howto' } };
export const EmptySection: Story = { args: { section: 'kb-s-unknown' } };
export const ArticleOpen: Story = { args: { articleId: 'kb-a-queue' } };
export const ArticleWithAttribution: Story = { args: { articleId: 'kb-a-container' } };
export const ArticleOtherLanguage: Story = { args: { articleId: 'kb-a-mfa' } };
export const ArticleNotFound: Story = { args: { articleId: 'no-such-article' } };
/** Blue Harbor has no article shared with it: only a short notice. */
export const NothingShared: Story = { args: { signedInAs: 'bob.editor@blueharbor.example' } };
export const Loading: Story = { args: { latencyMs: 3_600_000 } };
export const ErrorState: Story = { name: 'Error', args: { failing: 'sections' } };
export const ArticlesFail: Story = { args: { failing: 'articles' } };
export const ArticleFails: Story = { args: { articleId: 'kb-a-vpn', failing: 'article' } };
export const Many: Story = { args: { many: true } };
export const Narrow: Story = { args: { width: '390px' } };
/** The remembered choice "all languages": German and English articles side by side, with badges. */
export const AllLanguages: Story = { args: { language: 'all' } };
/** The remembered choice "English" in a German page: only the English article. */
export const OtherLanguageChosen: Story = { args: { language: 'en' } };
/** A search with no hit in the chosen language offers to search all languages. */
export const NoResultsInLanguage: Story = { args: { language: 'en', search: 'VPN' } };
export const NarrowArticle: Story = { args: { width: '390px', articleId: 'kb-a-queue' } };
export const Viewer: Story = { args: { signedInAs: 'anna.viewer@nordwind.example' } };
export const Dispatcher: Story = { args: { signedInAs: 'dora.dispatcher@nordwind.example' } };
/** Müller & Söhne sees only the one article shared with it. */
export const OtherPartner: Story = { args: { signedInAs: 'max.multi@mueller-soehne.example' } };
