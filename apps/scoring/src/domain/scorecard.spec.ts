import type { CrewMonthKpis } from './contractor-rating';
import type { CompletedOrder } from './piece-rate-pay';
import type { MonthlySatisfaction } from './satisfaction-streaks';
import { ScorecardBuilder, ScorecardInputError, type ScorecardInput } from './scorecard';
import type { Questionnaire, QuestionnaireItem } from './service-score';

const good = (month: string): MonthlySatisfaction => ({ month, satisfactionScore: 95, callbackRatio: 1 });
const repairs = (n: number, difficulty: string): CompletedOrder[] =>
  Array.from({ length: n }, (_, i) => ({ orderId: `A-${difficulty}-${i}`, type: 'repair', difficulty, completedAt: new Date(Date.parse('2026-11-02T01:00:00Z') + i * 3_600_000).toISOString() }));
const items = (answer: QuestionnaireItem['answer']): QuestionnaireItem[] => [
  { code: 'q1', points: 50, answer },
  { code: 'q2', points: 50, answer },
];
/** All "satisfied": 100 → excellent. */
const excellentQuestionnaire: Questionnaire = { parts: { 'pre-service': items('satisfied'), 'in-service': items('satisfied'), 'post-service': items('satisfied') } };

/**
 * T-XH-01's November: 100 normal repairs (93⅓ fill the 140-hour base, 6⅔ above it), one quality
 * complaint, the third good month in a row, an excellent questionnaire.
 */
const technician: ScorecardInput = {
  subject: { kind: 'technician', id: 'T-XH-01' },
  month: '2026-11',
  ordersCompleted: 100,
  complaints: [{ complaintId: 'CP-1', cause: 'quality', severity: 'general' }],
  satisfactionHistory: [good('2026-09'), good('2026-10'), good('2026-11')],
  questionnaire: excellentQuestionnaire,
  pay: { postWageFen: 120_000, orders: repairs(100, 'normal'), adjustments: [{ code: 'customer-chase', amountFen: -2_000 }] },
};

describe('monthly scorecard (issue 8: technician, team, contractor)', () => {
  const builder = new ScorecardBuilder();

  it('puts a technician\'s pay, complaint points, streak points and service score on one card, with every line', () => {
    const card = builder.build(technician);
    expect(card.subject).toEqual({ kind: 'technician', id: 'T-XH-01' });
    expect(card.service).toMatchObject({ total: 100, grade: 'excellent', satisfied: true });
    // excellent questionnaire → excellent unit price 2,500 fen; 6.67 repairs above the base = 16,675 fen
    expect(card.pay).toEqual({ qualityGrade: 'excellent', qualityGradeFrom: 'service-score', postWageFen: 120_000, pieceWageFen: 16_675, adjustmentsFen: -2_000, totalFen: 134_675 });
    expect(card.points).toEqual({ complaints: -1, complaintCount: 1, streak: 5, total: 4 });
    expect(card.satisfaction).toEqual({ score: 95, callbackRatio: 1, standing: 'good', goodRun: 3, poorRun: 0 });
    expect(card.rating).toBeNull();
    expect(card.lines.map((l) => `${l.section} ${l.line.code} ${l.line.amount}`)).toEqual([
      'pay pay:post-wage 120000',
      'pay pay:base-workload 0',
      'pay piece:repair:normal 16675',
      'pay adjustment:customer-chase -2000',
      'complaints complaint:general:quality -1',
      'streak streak:good:3 5',
      'service service:pre-service 20',
      'service service:in-service 50',
      'service service:post-service 30',
    ]);
  });

  it('prices a technician\'s orders at the month\'s satisfaction grade when no questionnaire was taken, and at qualified without either', () => {
    const without = { ...technician, questionnaire: undefined };
    const at = (satisfactionScore: number | null) => builder.build({ ...without, satisfactionHistory: [{ month: '2026-11', satisfactionScore, callbackRatio: 1 }] }).pay;
    expect(at(92)).toMatchObject({ qualityGrade: 'excellent', qualityGradeFrom: 'satisfaction', pieceWageFen: 16_675 });
    expect(at(85)).toMatchObject({ qualityGrade: 'qualified', qualityGradeFrom: 'satisfaction', pieceWageFen: 13_340 });
    expect(at(65)).toMatchObject({ qualityGrade: 'unqualified', qualityGradeFrom: 'satisfaction', pieceWageFen: 8_004 });
    expect(at(null)).toMatchObject({ qualityGrade: 'qualified', qualityGradeFrom: 'default' });
  });

  it('gives a team its points, no pay, and no service score without a questionnaire', () => {
    const card = builder.build({ subject: { kind: 'team', id: 'G-XH' }, month: '2026-11', ordersCompleted: 420, complaints: [], satisfactionHistory: [good('2026-11')] });
    expect(card.pay).toBeNull();
    expect(card.service).toBeNull();
    expect(card.points).toEqual({ complaints: 10, complaintCount: 0, streak: 0, total: 10 });
    expect(() => builder.build({ ...technician, subject: { kind: 'team', id: 'G-XH' } })).toThrow(/piece-rate pay is for technicians/);
  });

  it('flags a team\'s second unqualified questionnaire in a row (source 004 §5.5.4)', () => {
    // every answer "acceptable": 50 in every part → unqualified
    const poor: Questionnaire = { parts: { 'pre-service': items('acceptable'), 'in-service': items('acceptable'), 'post-service': items('acceptable') } };
    const team = { subject: { kind: 'team' as const, id: 'G-GS' }, month: '2026-11', ordersCompleted: 300, complaints: [], satisfactionHistory: [], questionnaire: poor };
    expect(builder.build(team).service).toMatchObject({ total: 50, grade: 'unqualified', unqualifiedPenalty: 'none' });
    expect(builder.build({ ...team, serviceGradeHistory: [{ month: '2026-10', grade: 'unqualified' }] }).service?.unqualifiedPenalty).toBe('two-in-a-row');
    expect(builder.build({ ...team, serviceGradeHistory: [{ month: '2026-10', grade: 'qualified' }] }).service?.unqualifiedPenalty).toBe('none');
  });

  it('rates a contractor from its crews and flags it for phase-out after its third unqualified month', () => {
    const weak: CrewMonthKpis = { crewId: 'K9-A', completed: 50, completedOnTime: 40, firstResponses: 50, firstResponsesOnTime: 35, surveyed: 20, satisfied: 12, completedRepairs: 40, repeatFaults: 6 };
    const card = builder.build({
      subject: { kind: 'contractor', id: 'K9' },
      month: '2026-11',
      ordersCompleted: 50,
      complaints: [{ complaintId: 'CP-9', cause: 'safety-civility', severity: 'severe' }],
      satisfactionHistory: [
        { month: '2026-09', satisfactionScore: 70, callbackRatio: 1 },
        { month: '2026-10', satisfactionScore: 62, callbackRatio: 0.9 },
        { month: '2026-11', satisfactionScore: 60, callbackRatio: 1 },
      ],
      crews: [weak],
      ratingHistory: [
        { month: '2026-09', grade: 'unqualified' },
        { month: '2026-10', grade: 'unqualified' },
      ],
    });
    expect(card.rating).toEqual({ score: 1, grade: 'unqualified', phaseOut: true, weakestRun: 3 });
    expect(card.points).toEqual({ complaints: -10, complaintCount: 1, streak: -8, total: -18 });
    expect(card.lines.filter((l) => l.section === 'rating')).toHaveLength(5);
    expect(() => builder.build({ ...technician, pay: undefined, crews: [weak] })).toThrow(/crew KPIs rate a contractor/);
  });

  it('names its subject by id only: a phone number or a name is refused', () => {
    for (const id of ['13688888177', 'T-13808863426', 'Li Wei', '+86 571 5550 1234', '']) {
      expect(() => builder.build({ ...technician, subject: { kind: 'technician', id } })).toThrow(ScorecardInputError);
    }
  });

  it('is the same card however its inputs are ordered or repeated (a replay rebuilds it exactly)', () => {
    const shuffled: ScorecardInput = {
      ...technician,
      complaints: [...technician.complaints, ...technician.complaints],
      satisfactionHistory: [...technician.satisfactionHistory].reverse(),
      pay: { ...technician.pay!, orders: [...technician.pay!.orders!].reverse().concat(technician.pay!.orders!.slice(0, 10)) },
    };
    expect(builder.build(shuffled)).toEqual(builder.build(technician));
  });
});
