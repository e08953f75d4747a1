import { makeEvent, type EventMeta } from '@switchboard/contracts';
import type { OutgoingEvent } from '@switchboard/messaging';

/** The same attempt queued again at a later time (the customer's night moved it). */
export function queuedAgain(
  c: { id: string; ticket_id: string; region: string; questionnaire: string; attempts_made: number; closes_at: Date },
  dueAt: Date,
  meta: EventMeta,
): OutgoingEvent {
  return {
    envelope: makeEvent(
      'callback.queued',
      {
        surveyId: c.id,
        ticketId: c.ticket_id,
        region: c.region,
        questionnaire: c.questionnaire,
        attempt: c.attempts_made + 1,
        dueAt: dueAt.toISOString(),
        closesAt: new Date(c.closes_at).toISOString(),
        deferredForQuietHours: true,
      },
      meta,
    ),
  };
}
