import type { EntityManager } from 'typeorm';
import type { DecodedEvent } from '@switchboard/contracts';

export const CALLBACK_QUEUE_EVENT_TYPES = ['callback.queued', 'callback.claimed', 'survey.completed', 'survey.unreachable'] as const;

/**
 * Keeps `rm_callbacks` — the phone callbacks agents work through — in step with callback: each
 * attempt (first or retry, or one the night moved) queues the callback again, a claim marks who calls, an answer or an
 * unreachable close takes it out. One ticket's callback events arrive in order (keyed by ticket).
 */
export async function projectCallbackQueue(m: EntityManager, event: DecodedEvent): Promise<void> {
  if (event.type === 'callback.queued') {
    const d = event.data;
    await m.query(
      `INSERT INTO rm_callbacks (survey_id, ticket_id, region, questionnaire, state, attempt, due_at, closes_at, deferred_for_quiet_hours)
       VALUES ($1, $2, $3, $4, 'queued', $5, $6, $7, $8)
       ON CONFLICT (survey_id) DO UPDATE SET state = 'queued', attempt = EXCLUDED.attempt, due_at = EXCLUDED.due_at,
         deferred_for_quiet_hours = EXCLUDED.deferred_for_quiet_hours, claimed_by = NULL, claimed_at = NULL, updated_at = now()
       WHERE rm_callbacks.state IN ('queued', 'claimed')
         -- A retry, or the same attempt moved to the end of the customer's night.
         AND (rm_callbacks.attempt < EXCLUDED.attempt OR (rm_callbacks.attempt = EXCLUDED.attempt AND rm_callbacks.due_at < EXCLUDED.due_at))`,
      [d.surveyId, d.ticketId, d.region, d.questionnaire, d.attempt, d.dueAt, d.closesAt, d.deferredForQuietHours],
    );
  } else if (event.type === 'callback.claimed') {
    await m.query(`UPDATE rm_callbacks SET state = 'claimed', claimed_by = $2, claimed_at = $3, updated_at = now() WHERE survey_id = $1 AND state = 'queued'`, [
      event.data.surveyId,
      event.data.agent,
      event.data.claimedAt,
    ]);
  } else if (event.type === 'survey.completed' || event.type === 'survey.unreachable') {
    await m.query(`UPDATE rm_callbacks SET state = $2, updated_at = now() WHERE survey_id = $1`, [event.data.surveyId, event.type === 'survey.completed' ? 'answered' : 'unreachable']);
  }
}
