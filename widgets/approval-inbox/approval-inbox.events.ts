/** The public events of `<approval-inbox>`: facts after the server agreed (bubbling, composed). */
import type { TicketDetail as TicketDetailDto } from '../core/api.js';

/** The user released a ticket to the service desk (with a reason); `ticket` as the server answered. */
export class TicketReleasedEvent extends Event {
  static readonly eventName = 'ticket-released';
  constructor(readonly detail: { ticket: TicketDetailDto }) {
    super(TicketReleasedEvent.eventName, { bubbles: true, composed: true });
  }
}

/** The user rejected the release of a ticket (with a reason); `ticket` as the server answered. */
export class TicketRejectedEvent extends Event {
  static readonly eventName = 'ticket-rejected';
  constructor(readonly detail: { ticket: TicketDetailDto }) {
    super(TicketRejectedEvent.eventName, { bubbles: true, composed: true });
  }
}

/** The open ticket closed and the list shows again (its Back button, Escape, a decision, or someone else decided first). */
export class ApprovalInboxClosedEvent extends Event {
  static readonly eventName = 'approval-inbox-closed';
  constructor(readonly detail: { id: string }) {
    super(ApprovalInboxClosedEvent.eventName, { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'ticket-released': TicketReleasedEvent;
    'ticket-rejected': TicketRejectedEvent;
    'approval-inbox-closed': ApprovalInboxClosedEvent;
  }
}
