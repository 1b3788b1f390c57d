// JSX for the portal's tags in this host (React 19 passes unknown props to custom elements).
import type { DetailedHTMLProps, HTMLAttributes } from 'react';

type Element<P> = DetailedHTMLProps<HTMLAttributes<HTMLElement>, HTMLElement> & P & { [event: `on${string}-${string}`]: unknown };

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
      'portal-session': Element<{ api?: unknown; lang?: string }>;
      'ticket-board': Element<{ query?: string }>;
      'ticket-wizard': Element<object>;
      'ticket-detail': Element<{ ticketId?: string | null }>;
    }
  }
}
