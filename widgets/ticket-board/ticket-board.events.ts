/** The public events of `<ticket-board>` besides the shared ones (they bubble and are composed). */

/** The user went back from the ticket shown in place to the list ("Back to the list", `detail: { id }`). */
export class TicketBoardBackEvent extends Event {
  static readonly eventName = 'ticket-board-back';
  constructor(readonly detail: { id: string }) {
    super(TicketBoardBackEvent.eventName, { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'ticket-board-back': TicketBoardBackEvent;
  }
}
