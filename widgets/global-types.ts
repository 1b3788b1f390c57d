/**
 * Types only, for TypeScript hosts (nothing here reaches the JavaScript): every widget's tag in
 * HTMLElementTagNameMap (through the define modules) and every event in
 * GlobalEventHandlersEventMap (through the events modules). `index.ts` and `loader.ts` point
 * their declarations here. A new widget's events file gets a line below (test/hosts checks).
 */
export type {} from './define.js';
export type {} from './portal-app/portal-app-settings.define.js';
export type {} from './core/events.js';
export type {} from './core/file-drop/file-drop.events.js';
export type {} from './portal-session/portal-session.events.js';
export type {} from './kb-browser/kb-browser.events.js';
export type {} from './plan-board/plan-board.events.js';
export type {} from './ticket-wizard/ticket-wizard.events.js';
export type {} from './ticket-detail/ticket-detail.events.js';
export type {} from './approval-inbox/approval-inbox.events.js';
export type {} from './ticket-board/ticket-board.events.js';
