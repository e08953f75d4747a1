/** What the customer receives when the callback falls due (domain.md §5). */
export const QUESTIONNAIRE = 'telecom-4q.v1';
export const SURVEY_CHANNEL = 'sms' as const;
export const SURVEY_TEMPLATE = 'callback.survey';

export function surveyInvitationText(): string {
  return [
    'Your service request is complete. Please rate it: reply with four digits, each from 1 to 5',
    '(5 satisfied, 4 fairly satisfied, 3 average, 2 acceptable, 1 unsatisfied), in this order:',
    '1) how promptly the engineer contacted you, 2) whether the agreed appointment was kept,',
    '3) the technical level of the work, 4) the service attitude. Example: 5545.',
  ].join(' ');
}
