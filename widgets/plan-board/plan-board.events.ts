/** The public events of `<plan-board>` (they bubble and are composed). */
import type { ActivityDto } from '../core/api.js';

export interface ActivityChangedDetail {
  /** the activity as the server saved it (new `version`) */
  activity: ActivityDto;
}

/** A change to an activity (dates, duration, priority, column or position) was saved by the server. */
export class ActivityChangedEvent extends Event {
  static readonly eventName = 'activity-changed';
  constructor(readonly detail: ActivityChangedDetail) {
    super(ActivityChangedEvent.eventName, { bubbles: true, composed: true });
  }
}

/** The user opened a board or went back to the overview (`detail: { boardId }`, null: the overview). */
export class PlanBoardChangedEvent extends Event {
  static readonly eventName = 'plan-board-changed';
  constructor(readonly detail: { boardId: string | null }) {
    super(PlanBoardChangedEvent.eventName, { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'plan-board-changed': PlanBoardChangedEvent;
    'activity-changed': ActivityChangedEvent;
  }
}
