import { ContractorRatingRule, DEFAULT_CONTRACTOR_RATING_POLICY } from './contractor-rating';
import { DEFAULT_PIECE_RATE_POLICY, PieceRatePay } from './piece-rate-pay';
import { ScorecardBuilder } from './scorecard';
import { closeDueAt, contractorCard, crewsOf, DEFAULT_SCORECARD_SETTINGS, monthCards, monthOf, monthsDue, technicianCard, type TechnicianMonthFacts } from './scorecard-month';

const builder = new ScorecardBuilder({
  pay: new PieceRatePay({ ...DEFAULT_PIECE_RATE_POLICY, baseMinutes: 180 }), // two repairs
  rating: new ContractorRatingRule({ ...DEFAULT_CONTRACTOR_RATING_POLICY, phaseOutAfterMonths: 2 }),
});
const settings = DEFAULT_SCORECARD_SETTINGS;

const facts = (id: string, patch: Partial<TechnicianMonthFacts> = {}): TechnicianMonthFacts => ({
  technicianId: id,
  employer: 'own-staff',
  group: 'g1',
  orders: ['repair', 'repair', 'repair', 'repair'],
  surveyed: 4,
  satisfied: 4,
  calledBack: 4,
  completedOnTime: 4,
  firstResponses: 4,
  firstResponsesOnTime: 4,
  repeatFaults: 0,
  complaints: [],
  ...patch,
});

describe('month close timing', () => {
  it('takes the UTC month of an instant', () => {
    expect(monthOf(new Date('2026-10-31T23:59:59.999Z'))).toBe('2026-10');
    expect(monthOf(new Date('2026-11-01T00:00:00.000+08:00'))).toBe('2026-10'); // 16:00 UTC the day before
  });

  it('is due at the first of the next month plus the grace, not a millisecond before', () => {
    expect(closeDueAt('2026-12', 72).toISOString()).toBe('2027-01-04T00:00:00.000Z');
    const state = { month: '2026-12', inputVersion: 3, closedVersion: null, requestedVersion: null };
    expect(monthsDue([state], new Date('2027-01-03T23:59:59.999Z'), 72)).toEqual([]);
    expect(monthsDue([state], new Date('2027-01-04T00:00:00.000Z'), 72)).toEqual(['2026-12']);
  });

  it('closes a month once per change of its inputs: never closed, or changed since the close, and not already asked for', () => {
    const now = new Date('2027-06-01T00:00:00Z');
    expect(
      monthsDue(
        [
          { month: '2027-02', inputVersion: 5, closedVersion: 5, requestedVersion: 5 }, // closed, nothing new
          { month: '2027-01', inputVersion: 6, closedVersion: 5, requestedVersion: 5 }, // a late event
          { month: '2026-12', inputVersion: 2, closedVersion: null, requestedVersion: null }, // never closed
          { month: '2026-11', inputVersion: 4, closedVersion: 3, requestedVersion: 4 }, // asked for already
          { month: '2027-05', inputVersion: 9, closedVersion: null, requestedVersion: null }, // not due before 06-04
        ],
        now,
        72,
      ),
    ).toEqual(['2026-12', '2027-01']);
  });
});

describe('technician cards', () => {
  it('same workload, better quality → more pay, with the lines (base 180 minutes = two repairs)', () => {
    const good = technicianCard(builder, settings, '2026-10', facts('T-A'), []);
    const poor = technicianCard(builder, settings, '2026-10', facts('T-B', { satisfied: 1 }), []);
    expect(good.lines.filter((l) => l.section === 'pay').map((l) => [l.code, l.quantity, l.rate, l.amount])).toEqual([
      ['pay:post-wage', 1, 130000, 130000],
      ['pay:base-workload', 2, 0, 0],
      ['piece:repair:normal', 2, 2500, 5000],
    ]);
    expect(good.pay).toMatchObject({ qualityGrade: 'excellent', qualityGradeFrom: 'satisfaction', totalFen: 135000 });
    expect(poor.satisfaction).toMatchObject({ score: 25, standing: 'poor', poorRun: 1 });
    expect(poor.pay).toMatchObject({ qualityGrade: 'unqualified', pieceWageFen: 2400, totalFen: 132400 });
  });

  it('counts complaint orders but does not pay them by the piece; fills the base in completion order; ratios to 2 and 4 decimals', () => {
    const card = technicianCard(
      builder,
      settings,
      '2026-10',
      facts('T-C', {
        orders: ['repair', 'complaint', 'install'],
        surveyed: 3,
        satisfied: 2,
        calledBack: 2,
      }),
      [],
    );
    expect(card.orders).toEqual({ completed: 3, install: 1, move: 0, repair: 1, complaint: 1 });
    expect(card.satisfaction).toMatchObject({ score: 66.67, callbackRatio: 0.6667, standing: 'poor' });
    // 90 + 120 standard minutes: the repair fills 90 of the base, the install the other 90 and 30 above it (0.25 of an install).
    expect(card.lines.find((l) => l.code === 'piece:install:normal')).toMatchObject({ quantity: 0.25, rate: 2000, amount: 500 });
    // The other way round the install fills 120 of the base and the repair crosses it with 30 of its 90 minutes: 0.33 of a repair above it.
    const reversed = technicianCard(builder, settings, '2026-10', facts('T-C', { orders: ['install', 'complaint', 'repair'], surveyed: 3, satisfied: 2, calledBack: 2 }), []);
    expect(reversed.lines.find((l) => l.code === 'piece:repair:normal')).toMatchObject({ quantity: 0.33, rate: 1200, amount: 396 });
  });

  it('continues a streak from the earlier cards: the third good month pays +5', () => {
    const earlier = [
      { month: '2026-08', satisfactionScore: 95, callbackRatio: 1, ratingGrade: null },
      { month: '2026-09', satisfactionScore: 100, callbackRatio: 1, ratingGrade: null },
    ];
    const card = technicianCard(builder, settings, '2026-10', facts('T-A'), earlier);
    expect(card.satisfaction).toMatchObject({ standing: 'good', goodRun: 3 });
    expect(card.points).toEqual({ complaints: 10, complaintCount: 0, streak: 5, total: 15 });
    // A month missing between them breaks the run.
    const broken = technicianCard(builder, settings, '2026-10', facts('T-A'), [earlier[0]!]);
    expect(broken.satisfaction.goodRun).toBe(1);
  });

  it('scores attributed complaints', () => {
    const card = technicianCard(
      builder,
      settings,
      '2026-10',
      facts('T-A', {
        complaints: [
          { complaintId: 'f1', cause: 'resource', severity: 'general' },
          { complaintId: 'f2', cause: 'quality', severity: 'escalated' },
        ],
      }),
      [],
    );
    expect(card.points).toMatchObject({ complaints: -4, complaintCount: 2 });
  });
});

describe('contractor cards', () => {
  const crew = (id: string, group: string) => facts(id, { employer: 'ctr-1', group, satisfied: 0, completedOnTime: 0, firstResponses: 0, firstResponsesOnTime: 0 });

  it('adds the crews (groups) up before the rates and flags the contractor after the configured weakest months', () => {
    const techs = [crew('T-2', 'g-b'), crew('T-1', 'g-a'), crew('T-3', 'g-a')];
    expect(crewsOf(techs).map((c) => [c.crewId, c.completed, c.surveyed])).toEqual([
      ['g-a', 8, 8],
      ['g-b', 4, 4],
    ]);
    const first = contractorCard(builder, '2026-10', 'ctr-1', techs, []);
    expect(first.rating).toEqual({ crews: 2, kpis: { satisfaction: 0, repairTimeliness: 0, firstResponseOnTime: null, repeatReportRate: 0 }, score: 30, grade: 'unqualified', phaseOut: false, weakestRun: 1 });
    expect(first.pay).toBeNull();
    const second = contractorCard(builder, '2026-11', 'ctr-1', techs, [{ month: '2026-10', satisfactionScore: 0, callbackRatio: 1, ratingGrade: 'unqualified' }]);
    expect(second.rating).toMatchObject({ phaseOut: true, weakestRun: 2 });
  });
});

describe('monthCards', () => {
  it('gives the same cards in the same order whatever order the facts come in; contractors after technicians, own staff unrated', () => {
    const all = [facts('T-B', { satisfied: 1 }), facts('T-A'), facts('T-C', { employer: 'ctr-9', group: 'c' }), facts('T-D', { employer: 'free text employer' })];
    const a = monthCards(builder, settings, '2026-10', all, new Map());
    const b = monthCards(builder, settings, '2026-10', [...all].reverse(), new Map());
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    expect(a.map((c) => `${c.subject.kind}:${c.subject.id}`)).toEqual(['technician:T-A', 'technician:T-B', 'technician:T-C', 'technician:T-D', 'contractor:ctr-9']);
  });
});
