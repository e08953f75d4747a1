import { makeEvent, type CallbackClosed, type EventMeta } from '@switchboard/contracts';
import type { OutgoingEvent } from '@switchboard/messaging';
import type { QuestionnaireResult } from '../domain/questionnaire';

/** What the fact needs of a survey row. */
export interface ClosedCallbackRow {
  id: string;
  ticket_id: string;
  region: string;
  attempt: number;
  resolution: string;
  completed_at: Date | string;
  channel: string;
  attempts_made: number;
  questionnaire: string;
}

export type CallbackEnd =
  | { status: 'answered'; closedAt: Date; result: QuestionnaireResult; followUp: 'closed' | 'reopened' | 'escalated' }
  | { status: 'unreachable'; closedAt: Date };

/**
 * `callback.closed`, the fact scoring aggregates into the callback figures (domain/callback-figures.ts):
 * emitted in the transaction that ends the callback, answered or unreachable.
 */
export function callbackClosedFact(row: ClosedCallbackRow, end: CallbackEnd, meta: EventMeta): OutgoingEvent {
  const base = {
    surveyId: row.id,
    ticketId: row.ticket_id,
    region: row.region,
    attempt: row.attempt,
    resolution: row.resolution as CallbackClosed['resolution'],
    resolvedAt: new Date(row.completed_at).toISOString(),
    closedAt: end.closedAt.toISOString(),
    channel: row.channel as CallbackClosed['channel'],
    attemptsMade: row.attempts_made,
    questionnaire: row.questionnaire,
  };
  const data: CallbackClosed =
    end.status === 'unreachable'
      ? { ...base, status: 'unreachable', perQuestion: [] }
      : {
          ...base,
          status: 'answered',
          score: end.result.score,
          grade: end.result.grade,
          verdict: end.result.verdict,
          perQuestion: end.result.perQuestion.map((q) => ({ questionId: q.questionId, percent: q.percent })),
          followUp: end.followUp,
        };
  return { envelope: makeEvent('callback.closed', data, meta) };
}
