/** The public events of `<ticket-detail>`: facts after the server agreed (bubbling, composed). */
import type { PositionDto, TicketDetail as TicketDetailDto } from '../core/api.js';

/** A fact of `<ticket-detail>`, named by its class's `eventName`; bubbles and crosses shadow roots. */
abstract class TicketDetailEvent<D> extends Event {
  static readonly eventName: string;
  constructor(readonly detail: D) {
    super((new.target as unknown as typeof TicketDetailEvent).eventName, { bubbles: true, composed: true });
  }
}

/** The ticket changed (position, files, close, reopen, resubmit, or a host action through `reload()`). */
export class TicketUpdatedEvent extends TicketDetailEvent<{ ticket: TicketDetailDto }> {
  static override readonly eventName = 'ticket-updated';
}

/** The user's position (message) was added to the history. */
export class PositionAddedEvent extends TicketDetailEvent<{ ticketId: string; position: PositionDto }> {
  static override readonly eventName = 'position-added';
}

/** The user closed the ticket (with a reason). */
export class TicketClosedEvent extends TicketDetailEvent<{ ticket: TicketDetailDto }> {
  static override readonly eventName = 'ticket-closed';
}

/** The user reopened the ticket (with a reason). */
export class TicketReopenedEvent extends TicketDetailEvent<{ ticket: TicketDetailDto }> {
  static override readonly eventName = 'ticket-reopened';
}

declare global {
  interface GlobalEventHandlersEventMap {
    'ticket-updated': TicketUpdatedEvent;
    'position-added': PositionAddedEvent;
    'ticket-closed': TicketClosedEvent;
    'ticket-reopened': TicketReopenedEvent;
  }
}
