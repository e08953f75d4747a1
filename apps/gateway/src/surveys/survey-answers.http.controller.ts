import { Body, Controller, HttpCode, HttpStatus, Inject, Param, Post, Req } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { CLOCK, type Clock } from '@switchboard/persistence';
import { DATA_SOURCE } from '@switchboard/platform';
import { callerOf, type AuthenticatedRequest } from '../auth/api-key.guard';
import { mayTouchRegion } from '../auth/roles';
import { CommandSender } from '../commands/command-sender';
import { ApiRoutes } from '../http/api-routes';
import { ApiException, conflict, notFound, parseOr422 } from '../http/validation';
// The questionnaire's own rules (pure domain code, as the SLA policy checks are: ADR 0022), so the
// door gives the same SURVEY_ANSWER.* codes callback gives on Kafka.
import { TELECOM_4Q, validateAnswers } from '../../../callback/src/domain/questionnaire';

const route = ApiRoutes.answerSurvey;

/** `POST /v1/surveys/{id}/answers`: the four telecom callback questions (domain.md §5), 1–5 each. */
@Controller('v1/surveys')
export class SurveyAnswersHttpController {
  constructor(
    private readonly commands: CommandSender,
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Post(':id/answers')
  @HttpCode(202)
  async answer(@Param('id') id: string, @Body() body: unknown, @Req() request: AuthenticatedRequest) {
    const surveyId = parseOr422(route.params.shape.id, id, 'survey id');
    // Surveys are sent with the telecom questionnaire (survey.answer v1 carries its four answers).
    const given = typeof body === 'object' && body !== null && 'answers' in body ? (body as { answers: unknown }).answers : undefined;
    if (given !== undefined) {
      const checked = validateAnswers(TELECOM_4Q, given);
      if (!checked.ok) {
        throw new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, {
          error: 'VALIDATION_FAILED',
          message: 'the answers do not fit the survey\'s questionnaire (telecom-4q.v1)',
          reasons: checked.errors.map((e) => ({ path: e.field === '' ? 'answers' : `answers.${e.field}`, code: e.code, message: e.reason })),
        });
      }
    }
    const input = parseOr422(route.body, body);
    const [row] = (await this.dataSource.query(
      'SELECT s.ticket_id, s.state, t.region FROM rm_surveys s LEFT JOIN rm_tickets t ON t.id = s.ticket_id WHERE s.survey_id = $1',
      [surveyId],
    )) as { ticket_id: string; state: string; region: string | null }[];
    // Another region's survey is absent for a key scoped to regions.
    if (!row || !mayTouchRegion(callerOf(request), row.region)) throw notFound('SURVEY.NOT_FOUND', `no survey ${surveyId}`);
    if (row.state === 'completed') throw conflict('SURVEY.ALREADY_ANSWERED', 'this survey has been answered');
    if (row.state === 'unreachable') throw conflict('SURVEY.CLOSED', 'this callback closed unanswered (its validity window ended)');
    const [commandId] = await this.commands.send(callerOf(request).source, [
      { type: 'survey.answer', subject: surveyId, data: { surveyId, ...input, at: this.clock.now().toISOString() } },
    ]);
    return { commandId, surveyId, ticketId: row.ticket_id, status: 'sent' };
  }
}
