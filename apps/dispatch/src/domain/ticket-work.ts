import type { services, ticketKinds } from '@switchboard/contracts';

/** The kinds of work order and the services of domain.md §1, as the contracts spell them. */
export type TicketKind = (typeof ticketKinds)[number];
export type TicketService = (typeof services)[number];
