import { defineOnce } from '../core/define-once.js';
import { PlanBoardTimeline } from './plan-board-timeline.element.js';

defineOnce('plan-board-timeline', PlanBoardTimeline);

declare global {
  interface HTMLElementTagNameMap {
    'plan-board-timeline': PlanBoardTimeline;
  }
}
