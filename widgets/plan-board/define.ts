import '../core/http/plan.js';
import { defineOnce } from '../core/define-once.js';
import { PlanBoard } from './plan-board.element.js';

defineOnce('plan-board', PlanBoard);

declare global {
  interface HTMLElementTagNameMap {
    'plan-board': PlanBoard;
  }
}
