import { randomUUID } from 'node:crypto';
import { Controller, Inject } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { makeEvent, type AssignmentProgressed, type Envelope, type TicketAccepted } from '@switchboard/contracts';
import type { HandlerContext } from '@switchboard/messaging';
import { CLOCK, type Clock } from '@switchboard/persistence';
import { OnEvent } from '@switchboard/platform';
import { QUESTIONNAIRE, SURVEY_CHANNEL, surveyDueAt } from '../domain/survey-invitation';
import { CALLBACK_CONFIG, type CallbackConfig } from '../callback.config';
import { SOURCE } from '../persistence/source';

/**
 * Every completed job gets a callback (domain.md §5: callback ratio 100 %): one survey per
 * completion, sent after the configured delay. The ticket's contact is kept from its acceptance.
 */
@Controller()
export class ScheduleSurveyMessageController {
  constructor(
    @Inject(CALLBACK_CONFIG) private readonly config: CallbackConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @OnEvent('ticket.accepted')
  async onAccepted(@Payload() event: Envelope<'ticket.accepted', TicketAccepted>, @Ctx() ctx: HandlerContext): Promise<void> {
    const t = event.data;
    await ctx.manager.query(
      `INSERT INTO tickets (ticket_id, region, contact_phone, channel, accepted_at) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (ticket_id) DO NOTHING`,
      [t.ticketId, t.location.region, t.contact.phone, t.channel, new Date(t.acceptedAt)],
    );
  }

  @OnEvent('assignment.completed')
  async onCompleted(@Payload() event: Envelope<'assignment.completed', AssignmentProgressed>, @Ctx() ctx: HandlerContext): Promise<void> {
    const done = event.data;
    const completedAt = new Date(done.at);
    const dueAt = surveyDueAt(completedAt, this.config.delayMs);
    const correlationId = event.correlationId ?? event.id;
    // The ticket may not be known yet (its acceptance travels on another topic): the survey is
    // scheduled anyway and goes out once the contact is known.
    const inserted: { id: string }[] = await ctx.manager.query(
      // The attempt counts this ticket's surveys: after a reopening's fix, the next one (domain.md §5).
      `INSERT INTO surveys (id, ticket_id, assignment_id, region, channel, questionnaire, completed_at, due_at, correlation_id, attempt)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 1 + (SELECT count(*) FROM surveys WHERE ticket_id = $2)::int)
       ON CONFLICT (assignment_id) DO NOTHING RETURNING id`,
      [randomUUID(), done.ticketId, done.assignmentId, done.region, SURVEY_CHANNEL, QUESTIONNAIRE, completedAt, dueAt, correlationId],
    );
    const surveyId = inserted[0]?.id;
    if (!surveyId) return; // this completion already has its survey
    await ctx.emit({
      envelope: makeEvent(
        'survey.scheduled',
        { surveyId, ticketId: done.ticketId, region: done.region, dueAt: dueAt.toISOString(), channel: SURVEY_CHANNEL, questionnaire: QUESTIONNAIRE },
        { source: SOURCE, subject: done.ticketId, time: this.clock.now(), correlationId, causationId: event.id },
      ),
    });
  }
}
