/** The public events of `<kb-browser>` (they bubble and are composed). */

export interface KbArticleOpenDetail {
  /** the article's id */
  id: string;
  /** the article's title as the list shows it (plain text) */
  title: string;
}

/**
 * The user asked to open an article (an intent, fired before the article opens). A host that
 * routes itself calls `preventDefault()` and shows the article its own way, e.g. by setting
 * `article-id` after changing its URL.
 */
export class KbArticleOpenEvent extends Event {
  static readonly eventName = 'kb-article-open';
  constructor(readonly detail: KbArticleOpenDetail) {
    super(KbArticleOpenEvent.eventName, { bubbles: true, composed: true, cancelable: true });
  }
}

/** The user went back from the article to the list (its Back button or Escape, `detail: { id }`). */
export class KbBrowserBackEvent extends Event {
  static readonly eventName = 'kb-browser-back';
  constructor(readonly detail: { id: string }) {
    super(KbBrowserBackEvent.eventName, { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'kb-browser-back': KbBrowserBackEvent;
    'kb-article-open': KbArticleOpenEvent;
  }
}
