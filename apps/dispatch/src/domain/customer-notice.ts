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

/**
 * The customer's new notice when a reschedule is approved (issue 5, "on reschedule or delay, a new
 * notice"): the new window in the dispatch centre's local time, the engineer and the supervision channel.
 */
export interface AppointmentRescheduledNotice {
  template: 'dispatch.appointment-rescheduled';
  text: string;
  data: { engineerName: string; engineerPhone: string; supervisionChannel: string; from: string; to: string };
}

export function appointmentRescheduledNotice(input: {
  engineerName: string;
  engineerPhone: string;
  supervisionChannel: string;
  from: Date;
  to: Date;
  timeZone: string;
}): AppointmentRescheduledNotice {
  const day = new Intl.DateTimeFormat('en-CA', { timeZone: input.timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
  const time = new Intl.DateTimeFormat('en-GB', { timeZone: input.timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  const from = `${day.format(input.from)} ${time.format(input.from)}`;
  const to = time.format(input.to);
  return {
    template: 'dispatch.appointment-rescheduled',
    text:
      `Your appointment is moved to ${from}–${to}. Engineer ${input.engineerName}, ${input.engineerPhone}, will come then. ` +
      `To supervise this service call ${input.supervisionChannel}.`,
    data: { engineerName: input.engineerName, engineerPhone: input.engineerPhone, supervisionChannel: input.supervisionChannel, from: input.from.toISOString(), to: input.to.toISOString() },
  };
}
