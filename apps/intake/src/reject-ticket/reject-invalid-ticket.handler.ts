import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { makeEvent, Topics, type TicketRejected, type ValidationReason } from '@switchboard/contracts';
import { physicalTopic, type HandlerContext, type InvalidMessageHandler } from '@switchboard/messaging';
import { CLOCK, type Clock } from '@switchboard/persistence';
import { INTAKE_SOURCE } from '../accept-ticket/accept-ticket.handler';
import { readRejectedSubmission } from '../domain/rejected-submission';

type InvalidMessageHook = { handle: InvalidMessageHandler };

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * The platform's invalid-message hook for `tickets.inbound.v1` (intake's `invalidMessages`):
 * tells the sender why with `ticket.rejected`, one reason per offending field, before the
 * platform writes the message to the DLQ. Recorded once per inbound message, so a redelivery
 * does not reject twice.
 */
@Injectable()
export class RejectInvalidTicketHandler implements InvalidMessageHook {
  constructor(@Inject(CLOCK) private readonly clock: Clock) {}

  async handle(raw: Parameters<InvalidMessageHandler>[0], reasons: ValidationReason[], ctx: HandlerContext): Promise<void> {
    // Only ingress has a sender to tell; an invalid message on another topic just goes to its DLQ.
    if (ctx.message.topic !== physicalTopic(Topics.TicketsInbound)) return;
    let text: string | undefined;
    try {
      text = raw.value && raw.value.length > 0 ? utf8.decode(raw.value) : undefined;
    } catch {
      text = undefined;
    }
    const submission = readRejectedSubmission(text, raw.partial);
    const now = this.clock.now();
    const safeReasons: ValidationReason[] = reasons.length > 0 ? reasons : [{ path: '(root)', code: 'invalid', message: 'the message could not be accepted' }];

    const recorded = await ctx.manager.query<{ id: string }[]>(
      `INSERT INTO rejected_submissions (id, inbound_topic, inbound_partition, inbound_offset, source, external_id, inbound_event_id, region, reasons, rejected_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::jsonb, $10)
       ON CONFLICT (inbound_topic, inbound_partition, inbound_offset) DO NOTHING
       RETURNING id`,
      [
        randomUUID(),
        ctx.message.topic,
        ctx.message.partition,
        ctx.message.offset,
        submission.source,
        submission.externalId ?? null,
        submission.inboundEventId ?? null,
        submission.region ?? null,
        JSON.stringify(safeReasons),
        now,
      ],
    );
    if (recorded.length === 0) return;

    const data: TicketRejected = {
      source: submission.source,
      ...(submission.externalId !== undefined ? { externalId: submission.externalId } : {}),
      ...(submission.inboundEventId !== undefined ? { inboundEventId: submission.inboundEventId } : {}),
      ...(submission.region !== undefined ? { region: submission.region } : {}),
      reasons: safeReasons,
    };
    // A sender that put a correlation id on the message (envelope or header) finds its rejection by it.
    const correlationId = submission.correlationId ?? ctx.trace.correlationId ?? submission.inboundEventId;
    await ctx.emit({
      envelope: makeEvent('ticket.rejected', data, {
        source: INTAKE_SOURCE,
        subject: submission.subject,
        time: now,
        ...(correlationId !== undefined ? { correlationId: correlationId.slice(0, 200) } : {}),
        ...(submission.inboundEventId !== undefined ? { causationId: submission.inboundEventId } : {}),
      }),
    });
  }
}
