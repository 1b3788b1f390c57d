/**
 * The widgets' classes and helpers, without side effects: nothing is registered. A host with a
 * clashing tag registers a subclass under its own name:
 *   customElements.define('acme-session', class extends PortalSession {});
 * `define.js` registers the default tags; `loader.js` registers them as they appear.
 */
// Types only (erased from the JavaScript): the default tags in HTMLElementTagNameMap and every
// widget's events in GlobalEventHandlersEventMap, for TypeScript hosts.
export type {} from './global-types.js';
export { PortalElement } from './core/base-element.js';
export { defineOnce } from './core/define-once.js';
export { ApiError, isApiError } from './core/api.js';
export type {
  Api,
  AuthApi,
  Locale,
  Me,
  MeApi,
  RequestOptions,
  SessionChange,
  SignedInAccount,
  SignInResult,
} from './core/api.js';
export { HttpApi, type HttpApiOptions } from './core/api-http-all.js';
export { FakeApi, demoAccounts, type FakeAccount, type FakeApiOptions } from './core/api-fake.js';
export { apiContext, localeContext, sessionContext, type SessionState } from './core/contexts.js';
export { sanitizeHtml, richText } from './core/sanitize.js';
export { PortalSession, type TokenProvider } from './portal-session/portal-session.element.js';
export { SignedInEvent, SignedOutEvent, AuthRequiredEvent } from './portal-session/portal-session.events.js';
export { PortalApp } from './portal-app/portal-app.element.js';
export { PortalAppSettings } from './portal-app/portal-app-settings.element.js';
export { KbBrowser } from './kb-browser/kb-browser.element.js';
export { KbArticleOpenEvent, type KbArticleOpenDetail } from './kb-browser/kb-browser.events.js';
export { PlanBoard, type PlanBoardView } from './plan-board/plan-board.element.js';
export { ActivityChangedEvent, PlanBoardChangedEvent, type ActivityChangedDetail } from './plan-board/plan-board.events.js';
export { TicketWizard } from './ticket-wizard/ticket-wizard.element.js';
export { TicketCreatedEvent } from './ticket-wizard/ticket-wizard.events.js';
export { PortalFileDrop, formatFileSize, type FileUploader, type FileRemover } from './core/file-drop/file-drop.element.js';
export { FilesChangedEvent, type FilesChangedDetail, type UploadedFile } from './core/file-drop/file-drop.events.js';
export { PortalRichTextEditor, type ImageUploader } from './core/rich-text-editor/rich-text-editor.element.js';
export { ApprovalInbox } from './approval-inbox/approval-inbox.element.js';
export { TicketReleasedEvent, TicketRejectedEvent, ApprovalInboxClosedEvent } from './approval-inbox/approval-inbox.events.js';
export { PortalDashboard } from './portal-dashboard/portal-dashboard.element.js';
export { TicketBoard } from './ticket-board/ticket-board.element.js';
export { TicketBoardBackEvent } from './ticket-board/ticket-board.events.js';
export { TicketDetail } from './ticket-detail/ticket-detail.element.js';
export { TicketUpdatedEvent, PositionAddedEvent, TicketClosedEvent, TicketReopenedEvent } from './ticket-detail/ticket-detail.events.js';
export { TicketOpenEvent, NavigateEvent, PortalErrorEvent, type NavigateTarget } from './core/events.js';
