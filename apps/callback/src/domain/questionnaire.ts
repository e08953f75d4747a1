/**
 * Questionnaires as data (domain.md §5–6, issue 7 "Questionnaires"): a definition lists its parts,
 * its questions with their answer options and each option's points, the parts' weights and the
 * grade thresholds. Scoring and answer validation read only the definition, so a new or changed
 * questionnaire is a new definition (a new version), never new code. See ADR 0018.
 *
 * Scoring (source 004, 5.5): a part is worth the share of its points the answers earned; the
 * score is the weighted mean of the parts, 0–100; the grade follows the thresholds (< 70
 * unqualified, 70–90 qualified, > 90 excellent); "satisfied" needs the score ≥ 90 and every part
 * ≥ 80 % of its points.
 */

/** One way to answer a choice question: the value the customer gives (a digit in an SMS, the circled points on a form) and the points it earns. */
export interface AnswerOption {
  value: number;
  label: string;
  points: number;
}

export interface ChoiceQuestion {
  kind: 'choice';
  id: string;
  /** The part it belongs to (a part of one question is that question). */
  part: string;
  prompt: string;
  options: readonly AnswerOption[];
  /** An optional question left unanswered counts neither for nor against its part. */
  required: boolean;
}

/** A free-text question (000 §8.4: "your suggestion" after each part); never scored. */
export interface TextQuestion {
  kind: 'text';
  id: string;
  part: string;
  prompt: string;
  required: boolean;
  maxLength: number;
}

export type Question = ChoiceQuestion | TextQuestion;

export interface QuestionnairePart {
  id: string;
  title: string;
  /** Relative weight in the score; without one, the part weighs its maximum points (a plain sum of points). */
  weight?: number;
}

export const grades = ['excellent', 'qualified', 'unqualified'] as const;
export type Grade = (typeof grades)[number];

/** A score earns `grade` when it is above `minScore` (or equal to it, when `inclusive`). */
export interface GradeBand {
  grade: Grade;
  minScore: number;
  inclusive: boolean;
}

export interface Grading {
  /** Highest first; the last band must take every score from 0 (inclusive). */
  bands: readonly GradeBand[];
  /** "Satisfied" needs at least this score… */
  satisfiedMinScore: number;
  /** …and every answered part at least this share of its points, in percent. */
  satisfiedMinPartPercent: number;
}

export interface QuestionnaireDefinition {
  id: string;
  /** A changed questionnaire is a new version; answers are always scored by the version they answered. */
  version: number;
  title: string;
  /** Where the questions and points come from. */
  source: string;
  parts: readonly QuestionnairePart[];
  questions: readonly Question[];
  grading: Grading;
}

/** The name a survey records (`telecom-4q.v1`), as `survey.scheduled.questionnaire` carries it. */
export function questionnaireKey(definition: Pick<QuestionnaireDefinition, 'id' | 'version'>): string {
  return `${definition.id}.v${definition.version}`;
}

/** Source 004, 5.5.1–5.5.2: < 70 unqualified, 70–90 qualified, > 90 excellent; satisfied ≥ 90 with every part ≥ 80. */
export const SEED_004_GRADING: Grading = {
  bands: [
    { grade: 'excellent', minScore: 90, inclusive: false },
    { grade: 'qualified', minScore: 70, inclusive: true },
    { grade: 'unqualified', minScore: 0, inclusive: true },
  ],
  satisfiedMinScore: 90,
  satisfiedMinPartPercent: 80,
};

/** The five answers of the telecom survey, worth 100/90/70/50/0 % of the question (source 004, 5.5.3). */
const FIVE_STEP: readonly AnswerOption[] = [
  { value: 5, label: 'satisfied', points: 100 },
  { value: 4, label: 'fairly satisfied', points: 90 },
  { value: 3, label: 'average', points: 70 },
  { value: 2, label: 'acceptable', points: 50 },
  { value: 1, label: 'unsatisfied', points: 0 },
];

/**
 * The telecom callback (domain.md §5, source 002): four questions, each its own part of equal
 * weight, so "every part ≥ 80" means every answer 4 or 5. The question ids are the field names of
 * `survey.answer`, so the contract's answers score as they are.
 */
export const TELECOM_4Q: QuestionnaireDefinition = {
  id: 'telecom-4q',
  version: 1,
  title: 'Telecom callback survey',
  source: 'domain.md §5 (002: contact timeliness, appointment keeping, technical level, service attitude); answer values from 004 5.5.3',
  parts: [
    { id: 'contactTimeliness', title: 'Contact timeliness', weight: 1 },
    { id: 'appointmentKeeping', title: 'Appointment keeping', weight: 1 },
    { id: 'technicalLevel', title: 'Technical level', weight: 1 },
    { id: 'serviceAttitude', title: 'Service attitude', weight: 1 },
  ],
  questions: [
    { kind: 'choice', id: 'contactTimeliness', part: 'contactTimeliness', prompt: 'How promptly did the engineer contact you?', options: FIVE_STEP, required: true },
    { kind: 'choice', id: 'appointmentKeeping', part: 'appointmentKeeping', prompt: 'Was the agreed appointment kept?', options: FIVE_STEP, required: true },
    { kind: 'choice', id: 'technicalLevel', part: 'technicalLevel', prompt: 'How was the technical level of the work?', options: FIVE_STEP, required: true },
    { kind: 'choice', id: 'serviceAttitude', part: 'serviceAttitude', prompt: 'How was the service attitude?', options: FIVE_STEP, required: true },
  ],
  grading: SEED_004_GRADING,
};

const choice = (id: string, part: string, prompt: string, options: readonly [string, number][]): ChoiceQuestion => ({
  kind: 'choice',
  id,
  part,
  prompt,
  // The form asks the customer to tick the points, so an option's value is its points.
  options: options.map(([label, points]) => ({ value: points, label, points })),
  required: true,
});
const suggestion = (part: string): TextQuestion => ({ kind: 'text', id: `${part}Suggestion`, part, prompt: 'Your suggestion', required: false, maxLength: 2000 });

const FIVE_LEVELS_5 = [['very satisfied', 5], ['fairly satisfied', 4], ['average', 3], ['rather unsatisfied', 1], ['very unsatisfied', 0]] as const satisfies readonly [string, number][];
const FIVE_LEVELS_4 = [['very good', 4], ['good', 3], ['average', 2], ['poor', 1], ['very poor', 0]] as const satisfies readonly [string, number][];
const TIMELY = [['very timely', 5], ['fairly timely', 4], ['occasionally late', 2], ['often late', 0]] as const satisfies readonly [string, number][];

/**
 * The customer-satisfaction questionnaire of source 000 §8.4 (顾客满意度调查问卷), five parts with
 * the points printed on the form (70 in all): technical competence 10, service attitude and conduct
 * 20, work progress 20, documents handed over 10, complaint handling 10. Parts weigh their points,
 * so the score is the points earned out of 70, as a percentage.
 */
export const CONTRACTOR_5PART: QuestionnaireDefinition = {
  id: 'contractor-5part',
  version: 1,
  title: 'Customer satisfaction questionnaire (five parts)',
  source: '000 §8.4 顾客满意度调查问卷模板; grades 004 5.5',
  parts: [
    { id: 'technical', title: 'Technical competence' },
    { id: 'conduct', title: 'Service attitude and conduct' },
    { id: 'progress', title: 'Work progress' },
    { id: 'documents', title: 'Documents handed over' },
    { id: 'complaints', title: 'Complaint handling' },
  ],
  questions: [
    choice('knowledge', 'technical', 'Does the engineers’ professional knowledge meet the needs of the work?', [['fully', 5], ['mostly', 4], ['falls short', 2], ['far short', 0]]),
    choice('problemSolving', 'technical', 'How able are the engineers to solve problems?', [['very strong', 5], ['fairly strong', 4], ['average', 3], ['rather weak', 1], ['weak', 0]]),
    suggestion('technical'),
    choice('attitude', 'conduct', 'How is the engineers’ service attitude?', FIVE_LEVELS_4),
    choice('communication', 'conduct', 'How do the engineers communicate with you in the work?', [['timely and effective', 4], ['average', 3], ['not proactive', 1], ['very poor', 0]]),
    choice('preparation', 'conduct', 'Do the engineers prepare sufficiently before the work?', [['very thoroughly', 4], ['thoroughly', 3], ['insufficiently', 1], ['very poorly', 0]]),
    choice('planning', 'conduct', 'How do the engineers plan and carry out the work?', FIVE_LEVELS_4),
    choice('cooperation', 'conduct', 'How do the engineers cooperate and coordinate?', FIVE_LEVELS_4),
    suggestion('conduct'),
    choice('siteRules', 'progress', 'Do the engineers keep the site’s rules?', [['strictly', 5], ['mostly', 4], ['sometimes break them', 2], ['do not', 0]]),
    choice('schedule', 'progress', 'Does the progress meet the overall schedule?', [['fully', 5], ['mostly', 4], ['average', 2], ['not as required', 0]]),
    choice('quality', 'progress', 'How satisfied are you with the quality of the work?', FIVE_LEVELS_5),
    choice('progressReporting', 'progress', 'How promptly do the engineers report progress?', TIMELY),
    suggestion('progress'),
    choice('documentTimeliness', 'documents', 'How promptly are documents and reports handed over?', [['very promptly', 5], ['average', 4], ['often late', 2], ['only when chased', 0]]),
    choice('documentCompleteness', 'documents', 'Are the documents and reports complete?', [['fully meet the requirements', 5], ['mostly', 4], ['incomplete', 2], ['not as required', 0]]),
    suggestion('documents'),
    choice('complaintTimeliness', 'complaints', 'How promptly are your complaints and suggestions handled and answered?', TIMELY),
    choice('complaintResult', 'complaints', 'How satisfied are you with the result of their handling?', FIVE_LEVELS_5),
    suggestion('complaints'),
  ],
  grading: SEED_004_GRADING,
};

/** The definitions shipped, by key. A survey names its questionnaire's key; an unknown key is refused at scheduling. */
export const QUESTIONNAIRES: Readonly<Record<string, QuestionnaireDefinition>> = Object.fromEntries(
  [TELECOM_4Q, CONTRACTOR_5PART].map((d) => [questionnaireKey(d), d]),
);

export function findQuestionnaire(key: string): QuestionnaireDefinition | undefined {
  return Object.hasOwn(QUESTIONNAIRES, key) ? QUESTIONNAIRES[key] : undefined;
}

// ---------------------------------------------------------------------------------------------
// Checking a definition (a new one arrives as data, so it is checked like data)

export type DefinitionProblemCode =
  | 'QUESTIONNAIRE_DEFINITION.BAD_VERSION'
  | 'QUESTIONNAIRE_DEFINITION.DUPLICATE_PART'
  | 'QUESTIONNAIRE_DEFINITION.BAD_WEIGHT'
  | 'QUESTIONNAIRE_DEFINITION.DUPLICATE_QUESTION'
  | 'QUESTIONNAIRE_DEFINITION.UNKNOWN_PART'
  | 'QUESTIONNAIRE_DEFINITION.NO_OPTIONS'
  | 'QUESTIONNAIRE_DEFINITION.DUPLICATE_OPTION'
  | 'QUESTIONNAIRE_DEFINITION.BAD_POINTS'
  | 'QUESTIONNAIRE_DEFINITION.PART_WITHOUT_POINTS'
  | 'QUESTIONNAIRE_DEFINITION.BAD_GRADING';

export interface DefinitionProblem {
  /** Where: `parts.conduct`, `questions.knowledge.options`, `grading.bands`, … */
  at: string;
  code: DefinitionProblemCode;
  reason: string;
}

const maxPointsOf = (q: ChoiceQuestion) => Math.max(...q.options.map((o) => o.points));

/** Every reason a definition cannot be used; empty when it is sound. */
export function checkQuestionnaireDefinition(d: QuestionnaireDefinition): DefinitionProblem[] {
  const problems: DefinitionProblem[] = [];
  const add = (at: string, code: DefinitionProblemCode, reason: string) => problems.push({ at, code, reason });
  if (!Number.isInteger(d.version) || d.version < 1) add('version', 'QUESTIONNAIRE_DEFINITION.BAD_VERSION', `a version is a whole number ≥ 1, got ${d.version}`);
  const partIds = new Set<string>();
  for (const p of d.parts) {
    if (partIds.has(p.id)) add(`parts.${p.id}`, 'QUESTIONNAIRE_DEFINITION.DUPLICATE_PART', `part ${p.id} is defined twice`);
    partIds.add(p.id);
    if (p.weight !== undefined && !(Number.isFinite(p.weight) && p.weight >= 0)) add(`parts.${p.id}`, 'QUESTIONNAIRE_DEFINITION.BAD_WEIGHT', `a part's weight is ≥ 0, got ${p.weight}`);
  }
  const questionIds = new Set<string>();
  const scoredParts = new Set<string>();
  for (const q of d.questions) {
    if (questionIds.has(q.id)) add(`questions.${q.id}`, 'QUESTIONNAIRE_DEFINITION.DUPLICATE_QUESTION', `question ${q.id} is defined twice`);
    questionIds.add(q.id);
    if (!partIds.has(q.part)) add(`questions.${q.id}`, 'QUESTIONNAIRE_DEFINITION.UNKNOWN_PART', `question ${q.id} belongs to part ${q.part}, which is not defined`);
    if (q.kind === 'text') continue;
    if (q.options.length === 0) {
      add(`questions.${q.id}.options`, 'QUESTIONNAIRE_DEFINITION.NO_OPTIONS', `choice question ${q.id} has no options`);
      continue;
    }
    const values = q.options.map((o) => o.value);
    if (new Set(values).size !== values.length || values.some((v) => !Number.isInteger(v))) {
      add(`questions.${q.id}.options`, 'QUESTIONNAIRE_DEFINITION.DUPLICATE_OPTION', `the option values of ${q.id} must be distinct whole numbers, got ${values.join(', ')}`);
    }
    if (q.options.some((o) => !(Number.isFinite(o.points) && o.points >= 0))) add(`questions.${q.id}.options`, 'QUESTIONNAIRE_DEFINITION.BAD_POINTS', `the points of ${q.id}'s options must be ≥ 0`);
    else if (maxPointsOf(q) > 0) scoredParts.add(q.part);
  }
  for (const p of d.parts) {
    if (!scoredParts.has(p.id)) add(`parts.${p.id}`, 'QUESTIONNAIRE_DEFINITION.PART_WITHOUT_POINTS', `part ${p.id} has no question worth any points`);
  }
  const bands = d.grading.bands;
  const descending = bands.every((b, i) => i === 0 || b.minScore < bands[i - 1]!.minScore || (b.minScore === bands[i - 1]!.minScore && b.inclusive && !bands[i - 1]!.inclusive));
  const last = bands[bands.length - 1];
  if (!descending || !last || last.minScore !== 0 || !last.inclusive) {
    add('grading.bands', 'QUESTIONNAIRE_DEFINITION.BAD_GRADING', 'grade bands run from the highest threshold down, the last taking every score from 0');
  }
  const { satisfiedMinScore, satisfiedMinPartPercent } = d.grading;
  if (!(satisfiedMinScore >= 0 && satisfiedMinScore <= 100) || !(satisfiedMinPartPercent >= 0 && satisfiedMinPartPercent <= 100)) {
    add('grading', 'QUESTIONNAIRE_DEFINITION.BAD_GRADING', `the satisfied thresholds are percentages, got ${satisfiedMinScore} and ${satisfiedMinPartPercent}`);
  }
  return problems;
}

// ---------------------------------------------------------------------------------------------
// Validating answers

export type AnswerErrorCode =
  | 'SURVEY_ANSWER.NOT_AN_OBJECT'
  | 'SURVEY_ANSWER.UNKNOWN_QUESTION'
  | 'SURVEY_ANSWER.MISSING_ANSWER'
  | 'SURVEY_ANSWER.WRONG_TYPE'
  | 'SURVEY_ANSWER.OUT_OF_RANGE'
  | 'SURVEY_ANSWER.UNKNOWN_OPTION'
  | 'SURVEY_ANSWER.TEXT_TOO_LONG'
  | 'SURVEY_ANSWER.BAD_REPLY'
  /** The answers name another questionnaire than the one the survey was sent with. */
  | 'SURVEY_ANSWER.WRONG_QUESTIONNAIRE'
  /** The survey's questionnaire is not among the definitions in force. */
  | 'SURVEY_ANSWER.UNKNOWN_QUESTIONNAIRE';

export interface AnswerError {
  /** The question id the error is about ('' for the answers as a whole). */
  field: string;
  code: AnswerErrorCode;
  reason: string;
}

/** Answers that passed validation: option values for choice questions, text for text questions. */
export type QuestionnaireAnswers = Readonly<Record<string, number | string>>;

export type AnswerValidation = { ok: true; answers: QuestionnaireAnswers } | { ok: false; errors: AnswerError[] };

const optionList = (q: ChoiceQuestion) => q.options.map((o) => `${o.value} (${o.label})`).join(', ');

/**
 * Checks a customer's answers against the definition they answer, every field at once: a question
 * the definition does not have, a required question left out, a value of the wrong type, a value
 * outside the options' range, a value inside it that is no option (3 where the form offers
 * 5/4/2/0), an over-long text. Blank text counts as no answer.
 */
export function validateAnswers(definition: QuestionnaireDefinition, raw: unknown): AnswerValidation {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { ok: false, errors: [{ field: '', code: 'SURVEY_ANSWER.NOT_AN_OBJECT', reason: `answers are an object of question id → answer, got ${Array.isArray(raw) ? 'an array' : typeof raw}` }] };
  }
  const given = raw as Record<string, unknown>;
  const errors: AnswerError[] = [];
  const answers: Record<string, number | string> = {};
  const byId = new Map(definition.questions.map((q) => [q.id, q]));
  const key = questionnaireKey(definition);
  for (const field of Object.keys(given)) {
    if (!byId.has(field)) errors.push({ field, code: 'SURVEY_ANSWER.UNKNOWN_QUESTION', reason: `${key} has no question ${field}` });
  }
  for (const q of definition.questions) {
    const value = Object.hasOwn(given, q.id) ? given[q.id] : undefined;
    const blank = value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
    if (blank) {
      if (q.required) errors.push({ field: q.id, code: 'SURVEY_ANSWER.MISSING_ANSWER', reason: `${q.id} must be answered` });
      continue;
    }
    if (q.kind === 'text') {
      if (typeof value !== 'string') errors.push({ field: q.id, code: 'SURVEY_ANSWER.WRONG_TYPE', reason: `${q.id} takes text, got ${typeof value}` });
      else if (value.length > q.maxLength) errors.push({ field: q.id, code: 'SURVEY_ANSWER.TEXT_TOO_LONG', reason: `${q.id} takes at most ${q.maxLength} characters, got ${value.length}` });
      else answers[q.id] = value;
      continue;
    }
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      errors.push({ field: q.id, code: 'SURVEY_ANSWER.WRONG_TYPE', reason: `${q.id} takes one of the values ${optionList(q)}, got ${JSON.stringify(value)}` });
      continue;
    }
    const values = q.options.map((o) => o.value);
    const lowest = Math.min(...values);
    const highest = Math.max(...values);
    if (value < lowest || value > highest) errors.push({ field: q.id, code: 'SURVEY_ANSWER.OUT_OF_RANGE', reason: `${q.id} takes ${lowest} to ${highest}, got ${value}` });
    else if (!values.includes(value)) errors.push({ field: q.id, code: 'SURVEY_ANSWER.UNKNOWN_OPTION', reason: `${q.id} has no option ${value}; its options are ${optionList(q)}` });
    else answers[q.id] = value;
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, answers };
}

/**
 * Reads a short reply ("5545", "5 5 4 5"): one digit per choice question, in the definition's
 * order (the order the invitation lists them). Spaces, commas and dashes between digits are
 * ignored. The digits are then validated like any answers, so a 6 is out of range and a 3 on a
 * 5/4/2/0 question is no option. Text questions cannot be answered this way and are left out.
 */
export function answersFromDigits(definition: QuestionnaireDefinition, reply: string): AnswerValidation {
  const choices = definition.questions.filter((q): q is ChoiceQuestion => q.kind === 'choice');
  const compact = reply.replace(/[\s,;.\-/]+/g, '');
  if (!/^\d*$/.test(compact) || compact.length !== choices.length) {
    return {
      ok: false,
      errors: [{ field: '', code: 'SURVEY_ANSWER.BAD_REPLY', reason: `${questionnaireKey(definition)} takes ${choices.length} digits in a reply (${choices.map((q) => q.id).join(', ')}), got ${JSON.stringify(reply.slice(0, 40))}` }],
    };
  }
  return validateAnswers(definition, Object.fromEntries(choices.map((q, i) => [q.id, Number(compact[i])])));
}

// ---------------------------------------------------------------------------------------------
// Scoring

export type Verdict = 'satisfied' | 'unsatisfied';

export interface QuestionScore {
  questionId: string;
  part: string;
  value: number;
  points: number;
  maxPoints: number;
  /** The share of its points the answer earned, 0–100, to two decimals. */
  percent: number;
}

export interface PartScore {
  partId: string;
  points: number;
  maxPoints: number;
  percent: number;
  /** Whether the part reaches the definition's `satisfiedMinPartPercent`. */
  goodEnough: boolean;
}

export interface QuestionnaireResult {
  questionnaire: string;
  /** Points earned and possible over the questions answered (000: out of 70). */
  points: number;
  maxPoints: number;
  /** The weighted mean of the parts, 0–100, to two decimals. */
  score: number;
  grade: Grade;
  verdict: Verdict;
  perQuestion: QuestionScore[];
  perPart: PartScore[];
  /** The free-text answers, by question id. */
  comments: Record<string, string>;
}

export type QuestionnaireScoring = { ok: true; result: QuestionnaireResult } | { ok: false; errors: AnswerError[] };

/**
 * Rounds to two decimals, half up on the decimal value: 97.855 → 97.86 although its binary
 * double lies just below (the 12 significant digits drop the representation error first).
 */
export function round2(n: number): number {
  return Math.round(Number((n * 100).toPrecision(12))) / 100;
}

/** The grade a score earns under a grading (the first band it reaches, highest first). */
export function gradeOf(score: number, grading: Grading): Grade {
  const band = grading.bands.find((b) => (b.inclusive ? score >= b.minScore : score > b.minScore));
  return (band ?? grading.bands[grading.bands.length - 1]!).grade;
}

/**
 * Validates and scores a set of answers by the definition alone (source 004, 5.5): per question,
 * per part, the weighted score, the grade, and satisfied only with the score ≥ the threshold and
 * every answered part ≥ its share. Invalid answers return their errors and no score.
 */
export function scoreQuestionnaire(definition: QuestionnaireDefinition, raw: unknown): QuestionnaireScoring {
  const validation = validateAnswers(definition, raw);
  if (!validation.ok) return validation;
  const { answers } = validation;
  const perQuestion: QuestionScore[] = [];
  const comments: Record<string, string> = {};
  for (const q of definition.questions) {
    const value = answers[q.id];
    if (value === undefined) continue;
    if (q.kind === 'text') {
      comments[q.id] = value as string;
      continue;
    }
    const option = q.options.find((o) => o.value === value)!;
    const maxPoints = maxPointsOf(q);
    perQuestion.push({ questionId: q.id, part: q.part, value: option.value, points: option.points, maxPoints, percent: maxPoints > 0 ? round2((option.points / maxPoints) * 100) : 0 });
  }
  const { satisfiedMinPartPercent, satisfiedMinScore } = definition.grading;
  const perPart: PartScore[] = [];
  let weighted = 0;
  let totalWeight = 0;
  for (const part of definition.parts) {
    const scored = perQuestion.filter((s) => s.part === part.id);
    const points = scored.reduce((sum, s) => sum + s.points, 0);
    const maxPoints = scored.reduce((sum, s) => sum + s.maxPoints, 0);
    if (maxPoints === 0) continue; // nothing answered that carries points: the part does not count
    const weight = part.weight ?? maxPoints;
    weighted += (weight * points) / maxPoints;
    totalWeight += weight;
    // Compared in points, not in a rounded percentage: 16 of 20 is exactly 80 %.
    perPart.push({ partId: part.id, points, maxPoints, percent: round2((points / maxPoints) * 100), goodEnough: points * 100 >= satisfiedMinPartPercent * maxPoints });
  }
  const score = totalWeight > 0 ? round2((weighted / totalWeight) * 100) : 0;
  const verdict: Verdict = score >= satisfiedMinScore && perPart.every((p) => p.goodEnough) ? 'satisfied' : 'unsatisfied';
  return {
    ok: true,
    result: {
      questionnaire: questionnaireKey(definition),
      points: perQuestion.reduce((sum, s) => sum + s.points, 0),
      maxPoints: perQuestion.reduce((sum, s) => sum + s.maxPoints, 0),
      score,
      grade: gradeOf(score, definition.grading),
      verdict,
      perQuestion,
      perPart,
      comments,
    },
  };
}
