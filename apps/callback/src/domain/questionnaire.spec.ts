import {
  CONTRACTOR_5PART,
  answersFromDigits,
  QUESTIONNAIRES,
  SEED_004_GRADING,
  TELECOM_4Q,
  checkQuestionnaireDefinition,
  findQuestionnaire,
  gradeOf,
  questionnaireKey,
  scoreQuestionnaire,
  validateAnswers,
  type QuestionnaireDefinition,
  type QuestionnaireResult,
} from './questionnaire';
import { QUESTIONNAIRE } from './survey-invitation';
import { SurveyScoring } from './survey-scoring';

function scored(definition: QuestionnaireDefinition, answers: unknown): QuestionnaireResult {
  const outcome = scoreQuestionnaire(definition, answers);
  if (!outcome.ok) throw new Error(`expected valid answers, got ${JSON.stringify(outcome.errors)}`);
  return outcome.result;
}

const telecom = (c: number, a: number, t: number, s: number) => ({ contactTimeliness: c, appointmentKeeping: a, technicalLevel: t, serviceAttitude: s });

/** Every question of the five-part form at its best (70 points). */
const BEST_000 = {
  knowledge: 5,
  problemSolving: 5,
  attitude: 4,
  communication: 4,
  preparation: 4,
  planning: 4,
  cooperation: 4,
  siteRules: 5,
  schedule: 5,
  quality: 5,
  progressReporting: 5,
  documentTimeliness: 5,
  documentCompleteness: 5,
  complaintTimeliness: 5,
  complaintResult: 5,
};

describe('the shipped questionnaires', () => {
  it('are versioned by key, and the survey the service sends today is the telecom one', () => {
    expect(Object.keys(QUESTIONNAIRES)).toEqual(['telecom-4q.v1', 'contractor-5part.v1']);
    expect(questionnaireKey(TELECOM_4Q)).toBe(QUESTIONNAIRE);
    expect(findQuestionnaire('contractor-5part.v1')).toBe(CONTRACTOR_5PART);
    expect(findQuestionnaire('contractor-5part.v2')).toBeUndefined();
    expect(findQuestionnaire('toString')).toBeUndefined();
  });

  it('are sound definitions', () => {
    expect(checkQuestionnaireDefinition(TELECOM_4Q)).toEqual([]);
    expect(checkQuestionnaireDefinition(CONTRACTOR_5PART)).toEqual([]);
  });

  it('carry the points of seed 000 §8.4: 70 in all, 10/20/20/10/10 by part, a suggestion after each part', () => {
    const best = scored(CONTRACTOR_5PART, BEST_000);
    expect(best.maxPoints).toBe(70);
    expect(best.perPart.map((p) => [p.partId, p.maxPoints])).toEqual([
      ['technical', 10],
      ['conduct', 20],
      ['progress', 20],
      ['documents', 10],
      ['complaints', 10],
    ]);
    expect(CONTRACTOR_5PART.questions.filter((q) => q.kind === 'text').map((q) => q.id)).toEqual([
      'technicalSuggestion',
      'conductSuggestion',
      'progressSuggestion',
      'documentsSuggestion',
      'complaintsSuggestion',
    ]);
    const communication = CONTRACTOR_5PART.questions.find((q) => q.id === 'communication');
    expect(communication?.kind === 'choice' && communication.options.map((o) => o.points)).toEqual([4, 3, 1, 0]);
  });
});

describe('scoring the telecom survey', () => {
  it('scores the contract example 5-5-4-5 at 97.5, excellent and satisfied', () => {
    expect(scored(TELECOM_4Q, telecom(5, 4, 5, 5))).toMatchObject({ score: 97.5, grade: 'excellent', verdict: 'satisfied' });
  });

  it('gives all 4s exactly 90: satisfied, but only qualified (excellent is above 90)', () => {
    expect(scored(TELECOM_4Q, telecom(4, 4, 4, 4))).toMatchObject({ score: 90, grade: 'qualified', verdict: 'satisfied' });
  });

  it('is unsatisfied with one 3 although the score is 92.5 (every part must reach 80 %)', () => {
    const result = scored(TELECOM_4Q, telecom(5, 5, 3, 5));
    expect(result).toMatchObject({ score: 92.5, grade: 'excellent', verdict: 'unsatisfied' });
    expect(result.perPart.filter((p) => !p.goodEnough).map((p) => p.partId)).toEqual(['technicalLevel']);
  });

  it('grades all 3s at 70 qualified, and 3-3-3-2 at 65 unqualified', () => {
    expect(scored(TELECOM_4Q, telecom(3, 3, 3, 3))).toMatchObject({ score: 70, grade: 'qualified', verdict: 'unsatisfied' });
    expect(scored(TELECOM_4Q, telecom(3, 3, 3, 2))).toMatchObject({ score: 65, grade: 'unqualified', verdict: 'unsatisfied' });
  });

  it('reports each question’s share: 100/90/70/50/0 % for 5/4/3/2/1', () => {
    const result = scored(TELECOM_4Q, telecom(5, 4, 3, 2));
    expect(result.perQuestion.map((q) => [q.questionId, q.percent])).toEqual([
      ['contactTimeliness', 100],
      ['appointmentKeeping', 90],
      ['technicalLevel', 70],
      ['serviceAttitude', 50],
    ]);
    expect(scored(TELECOM_4Q, telecom(1, 1, 1, 1)).score).toBe(0);
  });

  it('agrees with the service’s current scoring on all 625 answer sets', () => {
    const current = new SurveyScoring();
    const disagreements: string[] = [];
    for (let c = 1; c <= 5; c++)
      for (let a = 1; a <= 5; a++)
        for (let t = 1; t <= 5; t++)
          for (let s = 1; s <= 5; s++) {
            const answers = telecom(c, a, t, s);
            const mine = scored(TELECOM_4Q, answers);
            const theirs = current.score(answers);
            if (mine.score !== theirs.score || mine.verdict !== theirs.verdict) disagreements.push(`${c}${a}${t}${s}`);
          }
    expect(disagreements).toEqual([]);
  });
});

describe('scoring the five-part questionnaire of seed 000 (grades of seed 004)', () => {
  it('gives full marks 70 of 70: 100, excellent, satisfied', () => {
    expect(scored(CONTRACTOR_5PART, BEST_000)).toMatchObject({ points: 70, score: 100, grade: 'excellent', verdict: 'satisfied' });
  });

  it('puts 63 of 70 at exactly 90: qualified and satisfied when every part keeps 80 %', () => {
    // Seven points lost, spread so that no part falls below 80 %.
    const answers = { ...BEST_000, problemSolving: 4, attitude: 3, communication: 3, siteRules: 4, schedule: 4, documentTimeliness: 4, complaintTimeliness: 4 };
    const result = scored(CONTRACTOR_5PART, answers);
    expect(result).toMatchObject({ points: 63, score: 90, grade: 'qualified', verdict: 'satisfied' });
    expect(result.perPart.map((p) => p.percent)).toEqual([90, 90, 90, 90, 90]);
  });

  it('puts 64 of 70 above 90 (91.43, excellent) and 62 of 70 below (88.57, qualified, unsatisfied)', () => {
    expect(scored(CONTRACTOR_5PART, { ...BEST_000, problemSolving: 4, attitude: 3, communication: 3, siteRules: 4, schedule: 4, documentTimeliness: 4 })).toMatchObject({
      points: 64,
      score: 91.43,
      grade: 'excellent',
      verdict: 'satisfied',
    });
    expect(scored(CONTRACTOR_5PART, { ...BEST_000, problemSolving: 4, attitude: 3, communication: 3, siteRules: 4, schedule: 4, documentTimeliness: 4, complaintResult: 3 })).toMatchObject({
      points: 62,
      score: 88.57,
      grade: 'qualified',
      verdict: 'unsatisfied',
    });
  });

  it('puts 49 of 70 at exactly 70, qualified, and 48 below it, unqualified', () => {
    const lost21 = { ...BEST_000, knowledge: 0, problemSolving: 0, attitude: 0, communication: 0, preparation: 1 };
    expect(scored(CONTRACTOR_5PART, lost21)).toMatchObject({ points: 49, score: 70, grade: 'qualified', verdict: 'unsatisfied' });
    expect(scored(CONTRACTOR_5PART, { ...lost21, preparation: 0 })).toMatchObject({ points: 48, score: 68.57, grade: 'unqualified' });
  });

  it('is unsatisfied at 95.71 when one part falls to 70 % (knowledge “falls short”, 7 of 10)', () => {
    const result = scored(CONTRACTOR_5PART, { ...BEST_000, knowledge: 2 });
    expect(result).toMatchObject({ points: 67, score: 95.71, grade: 'excellent', verdict: 'unsatisfied' });
    expect(result.perPart.find((p) => p.partId === 'technical')).toEqual({ partId: 'technical', points: 7, maxPoints: 10, percent: 70, goodEnough: false });
  });

  it('takes a part at exactly 80 % as good enough (8 of 10)', () => {
    expect(scored(CONTRACTOR_5PART, { ...BEST_000, knowledge: 4, problemSolving: 4 })).toMatchObject({ points: 68, score: 97.14, verdict: 'satisfied' });
  });

  it('keeps the suggestions as comments, unscored', () => {
    const result = scored(CONTRACTOR_5PART, { ...BEST_000, conductSuggestion: 'Call before coming.', documentsSuggestion: '   ' });
    expect(result.comments).toEqual({ conductSuggestion: 'Call before coming.' });
    expect(result.score).toBe(100);
  });
});

describe('a new questionnaire is data, not code', () => {
  const fiveStep = TELECOM_4Q.questions[0]!.kind === 'choice' ? TELECOM_4Q.questions[0]!.options : [];
  // Source 004's own scheme: pre-service 20 %, in-service 50 %, post-service 30 %.
  const seed004: QuestionnaireDefinition = {
    id: 'project-service-3phase',
    version: 1,
    title: 'Project service evaluation',
    source: '004 5.5.2',
    parts: [
      { id: 'pre', title: 'Pre-service', weight: 20 },
      { id: 'in', title: 'In-service', weight: 50 },
      { id: 'post', title: 'Post-service', weight: 30 },
    ],
    questions: [
      { kind: 'choice', id: 'preService', part: 'pre', prompt: 'Pre-service', options: fiveStep, required: true },
      { kind: 'choice', id: 'inService', part: 'in', prompt: 'In-service', options: fiveStep, required: true },
      { kind: 'choice', id: 'postService', part: 'post', prompt: 'Post-service', options: fiveStep, required: false },
    ],
    grading: SEED_004_GRADING,
  };

  it('weighs its parts 20/50/30: satisfied, average, fairly satisfied → 82, qualified', () => {
    expect(checkQuestionnaireDefinition(seed004)).toEqual([]);
    // 20 × 100 % + 50 × 70 % + 30 × 90 % = 82.
    expect(scored(seed004, { preService: 5, inService: 3, postService: 4 })).toMatchObject({ score: 82, grade: 'qualified', verdict: 'unsatisfied' });
  });

  it('leaves an unanswered optional part out of the score', () => {
    // (20 × 100 % + 50 × 90 %) / 70 = 92.86.
    expect(scored(seed004, { preService: 5, inService: 4 })).toMatchObject({ score: 92.86, grade: 'excellent', verdict: 'satisfied' });
  });

  it('is refused when it is not sound, with the place and reason of each fault', () => {
    const broken: QuestionnaireDefinition = {
      ...seed004,
      version: 0,
      parts: [...seed004.parts, { id: 'extra', title: 'Extra', weight: -1 }],
      questions: [
        ...seed004.questions,
        { kind: 'choice', id: 'preService', part: 'nowhere', prompt: 'Again', options: [{ value: 1, label: 'a', points: 1 }, { value: 1, label: 'b', points: -2 }], required: true },
      ],
      grading: { ...SEED_004_GRADING, bands: [{ grade: 'qualified', minScore: 70, inclusive: true }, { grade: 'excellent', minScore: 90, inclusive: false }] },
    };
    expect(checkQuestionnaireDefinition(broken).map((p) => [p.at, p.code])).toEqual([
      ['version', 'QUESTIONNAIRE_DEFINITION.BAD_VERSION'],
      ['parts.extra', 'QUESTIONNAIRE_DEFINITION.BAD_WEIGHT'],
      ['questions.preService', 'QUESTIONNAIRE_DEFINITION.DUPLICATE_QUESTION'],
      ['questions.preService', 'QUESTIONNAIRE_DEFINITION.UNKNOWN_PART'],
      ['questions.preService.options', 'QUESTIONNAIRE_DEFINITION.DUPLICATE_OPTION'],
      ['questions.preService.options', 'QUESTIONNAIRE_DEFINITION.BAD_POINTS'],
      ['parts.extra', 'QUESTIONNAIRE_DEFINITION.PART_WITHOUT_POINTS'],
      ['grading.bands', 'QUESTIONNAIRE_DEFINITION.BAD_GRADING'],
    ]);
  });
});

describe('grade thresholds of seed 004', () => {
  it('are < 70 unqualified, 70–90 qualified, > 90 excellent', () => {
    expect([0, 69.99, 70, 89.99, 90, 90.01, 100].map((s) => gradeOf(s, SEED_004_GRADING))).toEqual([
      'unqualified',
      'unqualified',
      'qualified',
      'qualified',
      'qualified',
      'excellent',
      'excellent',
    ]);
  });
});

describe('answer validation', () => {
  it('names every faulty field of a telecom answer with its code', () => {
    const outcome = validateAnswers(TELECOM_4Q, { contactTimeliness: 6, appointmentKeeping: 0, technicalLevel: '5', mood: 5 });
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.errors.map((e) => [e.field, e.code])).toEqual([
      ['mood', 'SURVEY_ANSWER.UNKNOWN_QUESTION'],
      ['contactTimeliness', 'SURVEY_ANSWER.OUT_OF_RANGE'],
      ['appointmentKeeping', 'SURVEY_ANSWER.OUT_OF_RANGE'],
      ['technicalLevel', 'SURVEY_ANSWER.WRONG_TYPE'],
      ['serviceAttitude', 'SURVEY_ANSWER.MISSING_ANSWER'],
    ]);
    expect(outcome.errors[0]!.reason).toBe('telecom-4q.v1 has no question mood');
    expect(outcome.errors[1]!.reason).toBe('contactTimeliness takes 1 to 5, got 6');
  });

  it('tells an answer inside the range but not on the form (3 where it offers 5/4/2/0) from one outside it', () => {
    const outcome = scoreQuestionnaire(CONTRACTOR_5PART, { ...BEST_000, knowledge: 3, schedule: 6, quality: 4.5 });
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.errors).toEqual([
      { field: 'knowledge', code: 'SURVEY_ANSWER.UNKNOWN_OPTION', reason: 'knowledge has no option 3; its options are 5 (fully), 4 (mostly), 2 (falls short), 0 (far short)' },
      { field: 'schedule', code: 'SURVEY_ANSWER.OUT_OF_RANGE', reason: 'schedule takes 0 to 5, got 6' },
      { field: 'quality', code: 'SURVEY_ANSWER.UNKNOWN_OPTION', reason: 'quality has no option 4.5; its options are 5 (very satisfied), 4 (fairly satisfied), 3 (average), 1 (rather unsatisfied), 0 (very unsatisfied)' },
    ]);
  });

  it('refuses an over-long suggestion and a number where text belongs, but not a missing optional suggestion', () => {
    const outcome = validateAnswers(CONTRACTOR_5PART, { ...BEST_000, technicalSuggestion: 'x'.repeat(2001), conductSuggestion: 5 });
    expect(outcome.ok === false && outcome.errors.map((e) => [e.field, e.code])).toEqual([
      ['technicalSuggestion', 'SURVEY_ANSWER.TEXT_TOO_LONG'],
      ['conductSuggestion', 'SURVEY_ANSWER.WRONG_TYPE'],
    ]);
    expect(validateAnswers(CONTRACTOR_5PART, BEST_000).ok).toBe(true);
  });

  it('refuses answers that are not an object', () => {
    expect(validateAnswers(TELECOM_4Q, [5, 5, 4, 5])).toEqual({ ok: false, errors: [{ field: '', code: 'SURVEY_ANSWER.NOT_AN_OBJECT', reason: 'answers are an object of question id → answer, got an array' }] });
  });
});

describe('a short reply of digits', () => {
  it('answers the telecom questions in order: "5545" and "5 5-4,5" are the contract example', () => {
    expect(answersFromDigits(TELECOM_4Q, '5545')).toEqual({ ok: true, answers: telecom(5, 5, 4, 5) });
    expect(answersFromDigits(TELECOM_4Q, ' 5 5-4,5 ')).toEqual({ ok: true, answers: telecom(5, 5, 4, 5) });
  });

  it('refuses a reply with the wrong number of digits or with letters, saying how many are needed', () => {
    expect(answersFromDigits(TELECOM_4Q, '554')).toEqual({
      ok: false,
      errors: [{ field: '', code: 'SURVEY_ANSWER.BAD_REPLY', reason: 'telecom-4q.v1 takes 4 digits in a reply (contactTimeliness, appointmentKeeping, technicalLevel, serviceAttitude), got "554"' }],
    });
    expect(answersFromDigits(TELECOM_4Q, 'yes!').ok).toBe(false);
  });

  it('checks each digit against its question: a 0 or 6 on the telecom survey is out of range', () => {
    const outcome = answersFromDigits(TELECOM_4Q, '5065');
    expect(outcome.ok === false && outcome.errors.map((e) => [e.field, e.code])).toEqual([
      ['appointmentKeeping', 'SURVEY_ANSWER.OUT_OF_RANGE'],
      ['technicalLevel', 'SURVEY_ANSWER.OUT_OF_RANGE'],
    ]);
  });

  it('reads the fifteen points of the five-part form, and refuses a 3 where the form offers 5/4/2/0', () => {
    expect(answersFromDigits(CONTRACTOR_5PART, '554444455555555')).toEqual({ ok: true, answers: BEST_000 });
    const outcome = answersFromDigits(CONTRACTOR_5PART, '354444455555555');
    expect(outcome.ok === false && outcome.errors.map((e) => [e.field, e.code])).toEqual([['knowledge', 'SURVEY_ANSWER.UNKNOWN_OPTION']]);
  });
});
