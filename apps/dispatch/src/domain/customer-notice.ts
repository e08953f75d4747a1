import type { TicketKind, TicketService } from './ticket-work';

/**
 * The customer's notice on dispatch (domain.md §3, "Customer notice on dispatch"): an SMS naming
 * the engineer, the engineer's phone number and the channel for supervising the service.
 */
export interface EngineerAssignedNotice {
  template: 'dispatch.engineer-assigned';
  text: string;
  data: { engineerName: string; engineerPhone: string; supervisionChannel: string };
}

const SERVICE_WORDS: Record<TicketService, string> = { broadband: 'broadband', fixed: 'fixed-line', mobile: 'mobile', iptv: 'IPTV' };
const KIND_WORDS: Record<TicketKind, string> = { install: 'installation', move: 'move', repair: 'repair', complaint: 'complaint' };

export function engineerAssignedNotice(input: {
  kind: TicketKind;
  service: TicketService;
  engineerName: string;
  engineerPhone: string;
  supervisionChannel: string;
}): EngineerAssignedNotice {
  const work = `${SERVICE_WORDS[input.service]} ${KIND_WORDS[input.kind]}`;
  return {
    template: 'dispatch.engineer-assigned',
    text:
      `Your ${work} is assigned to engineer ${input.engineerName}, ${input.engineerPhone}. ` +
      `To supervise this service call ${input.supervisionChannel}.`,
    data: { engineerName: input.engineerName, engineerPhone: input.engineerPhone, supervisionChannel: input.supervisionChannel },
  };
}
