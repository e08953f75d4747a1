import type { QuestionnaireDefinition } from './questionnaire';

/** What the customer receives when the callback falls due (domain.md §5). */
export const QUESTIONNAIRE = 'telecom-4q.v1';
export const SURVEY_TEMPLATE = 'callback.survey';

export function surveyInvitationText(): string {
  return [
    'Your service request is complete. Please rate it: reply with four digits, each from 1 to 5',
    '(5 satisfied, 4 fairly satisfied, 3 average, 2 acceptable, 1 unsatisfied), in this order:',
    '1) how promptly the engineer contacted you, 2) whether the agreed appointment was kept,',
    '3) the technical level of the work, 4) the service attitude. Example: 5545.',
  ].join(' ');
}

export const UNREADABLE_REPLY_TEMPLATE = 'callback.survey-reply-unreadable';

/** What the customer is told when an SMS reply cannot be read: one digit per question, asked again. */
export function unreadableReplyText(definition: QuestionnaireDefinition | undefined): string {
  const digits = definition?.questions.filter((q) => q.kind === 'choice').length ?? 0;
  return `Sorry, we could not read your answer. Please reply with ${digits} digits from 1 to 5, one per question, for example ${'5'.repeat(digits)}.`;
}

export const EMAIL_SURVEY_TEMPLATE = 'callback.survey-email';

/** The email survey (issue 7): the same four questions, answered by replying with four digits. */
export function emailSurveyInvitationText(): string {
  return [
    'Your service request is complete. How did we do?',
    'Please reply to this email with four digits, each from 1 to 5 (5 satisfied, 4 fairly satisfied, 3 average, 2 acceptable, 1 unsatisfied),',
    'on the first line, in this order: 1) how promptly the engineer contacted you, 2) whether the agreed appointment was kept,',
    '3) the technical level of the work, 4) the service attitude. Example: 5 5 4 5.',
  ].join(' ');
}

/**
 * The customer's answer in an emailed reply: the first line they wrote themselves — not empty, not
 * a quoted line (`>`) of the invitation, not the "On …, … wrote:" header of a quote. `undefined`
 * when there is none.
 */
export function answerLineOfEmail(text: string): string | undefined {
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '' || line.startsWith('>')) continue;
    if (/^on .+ wrote:$/i.test(line)) return undefined;
    return line;
  }
  return undefined;
}
