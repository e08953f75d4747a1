import type { ScorecardPublished } from '@switchboard/contracts';
import type { PeriodComplaint } from './complaint-points';
import type { CrewMonthKpis } from './contractor-rating';
import { PIECE_ORDER_TYPES, type PieceOrderType } from './piece-rate-pay';
import type { MonthlySatisfaction } from './satisfaction-streaks';
import type { ScorecardBuilder, Scorecard } from './scorecard';
import { assertMonth, nextMonth, roundTo, type Month } from './scorecard-line';
import type { ServiceGrade } from './service-score';

/**
 * The monthly close of the scorecards (issue 8, ADR 0026): which months are due, and how one
 * technician's or contractor's month of facts — gathered by SQL from the events — becomes the
 * record published on `scoring.scorecards.v1`, through the rules of ADR 0019 (ScorecardBuilder).
 * Pure: the same facts give the same record, key for key and line for line.
 */

/** Ticket kinds as orders: install, move and repair are paid by the piece; complaints are counted only. */
export const ORDER_KINDS = ['install', 'move', 'repair', 'complaint'] as const;
export type OrderKind = (typeof ORDER_KINDS)[number];

/** The record without what the close adds: its revision and the close instant. */
export type ScorecardBody = Omit<ScorecardPublished, 'revision' | 'computedAt'>;

export interface ScorecardSettings {
  /** Each technician's monthly post wage in fen (source 002 gives no figure; 1,300 yuan, the low end of its pay range). */
  postWageFen: number;
  /** The difficulty class of every order of a type (no event carries one per order yet); the class's coefficient is the pay policy's. */
  difficultyByType: Record<PieceOrderType, string>;
  /** The employer of the operator's own technicians: every other employer is a contractor and gets a rating. */
  ownStaffEmployer: string;
}

export const DEFAULT_SCORECARD_SETTINGS: ScorecardSettings = {
  postWageFen: 130_000,
  difficultyByType: { install: 'normal', move: 'normal', repair: 'normal' },
  ownStaffEmployer: 'own-staff',
};

/** The UTC calendar month of an instant. */
export function monthOf(instant: Date): Month {
  return instant.toISOString().slice(0, 7);
}

/** The first instant of a month (UTC). */
export function monthStart(month: Month): Date {
  assertMonth(month);
  return new Date(`${month}-01T00:00:00.000Z`);
}

/** When a month closes by itself: the first of the next month plus the grace period for late events. */
export function closeDueAt(month: Month, graceHours: number): Date {
  return new Date(monthStart(nextMonth(month)).getTime() + graceHours * 3_600_000);
}

/** A month's bookkeeping: every input bumps `inputVersion`; a close records the version it saw, a close request the version it asked for. */
export interface MonthState {
  month: Month;
  inputVersion: number;
  closedVersion: number | null;
  requestedVersion: number | null;
}

/**
 * The months to close now, oldest first: due (`closeDueAt` ≤ now) and with inputs the last close
 * has not seen and no close asked for yet — a month never closed, or one a late event changed.
 */
export function monthsDue(months: readonly MonthState[], now: Date, graceHours: number): Month[] {
  return months
    .filter((m) => closeDueAt(m.month, graceHours).getTime() <= now.getTime())
    .filter((m) => m.inputVersion > (m.closedVersion ?? -1) && m.inputVersion > (m.requestedVersion ?? -1))
    .map((m) => m.month)
    .sort();
}

/** What the events say about one technician's month (the close gathers it in SQL). */
export interface TechnicianMonthFacts {
  technicianId: string;
  /** As registered (technician.registered); null when scoring has not seen the registration. */
  employer: string | null;
  group: string | null;
  /** The kinds of the month's completions whose ticket kind is known, earliest completion first (ties by assignment id): each completion once. */
  orders: readonly OrderKind[];
  /** Surveys answered about these orders, and how many satisfied. */
  surveyed: number;
  satisfied: number;
  /** Orders with a callback (survey or phone) after their completion. */
  calledBack: number;
  /** Orders whose resolution clock stopped in time; orders with a first response, and in time. */
  completedOnTime: number;
  firstResponses: number;
  firstResponsesOnTime: number;
  /** Repeat faults reported about this technician's repairs of the month. */
  repeatFaults: number;
  complaints: readonly PeriodComplaint[];
}

/** What the cards of earlier months say (their latest revisions), for streaks and phase-out. */
export interface EarlierCard {
  month: Month;
  satisfactionScore: number | null;
  callbackRatio: number | null;
  ratingGrade: ServiceGrade | null;
}

const ratio = (part: number, whole: number, decimals: number, scale = 1): number | null => (whole > 0 ? roundTo((part / whole) * scale, decimals) : null);

function countKinds(orders: TechnicianMonthFacts['orders']): ScorecardBody['orders'] {
  const n = (k: OrderKind) => orders.filter((o) => o === k).length;
  return { completed: orders.length, install: n('install'), move: n('move'), repair: n('repair'), complaint: n('complaint') };
}

function history(earlier: readonly EarlierCard[], month: Month, now: { score: number | null; callbackRatio: number | null }): MonthlySatisfaction[] {
  return [...earlier.filter((e) => e.month < month).map((e) => ({ month: e.month, satisfactionScore: e.satisfactionScore, callbackRatio: e.callbackRatio })), { month, satisfactionScore: now.score, callbackRatio: now.callbackRatio }];
}

function body(card: Scorecard, base: Pick<ScorecardBody, 'month' | 'subject' | 'employer' | 'group' | 'orders'>, sat: { surveyed: number; satisfied: number; calledBack: number }, rating: ScorecardBody['rating']): ScorecardBody {
  return {
    month: base.month,
    subject: base.subject,
    employer: base.employer,
    group: base.group,
    orders: base.orders,
    satisfaction: {
      surveyed: sat.surveyed,
      satisfied: sat.satisfied,
      calledBack: sat.calledBack,
      score: card.satisfaction.score,
      callbackRatio: card.satisfaction.callbackRatio,
      standing: card.satisfaction.standing,
      goodRun: card.satisfaction.goodRun,
      poorRun: card.satisfaction.poorRun,
    },
    points: { complaints: card.points.complaints, complaintCount: card.points.complaintCount, streak: card.points.streak, total: card.points.total },
    service: card.service && {
      total: card.service.total,
      grade: card.service.grade,
      satisfied: card.service.satisfied,
      parts: { ...card.service.parts },
      missingParts: [...card.service.missingParts],
      unqualifiedPenalty: card.service.unqualifiedPenalty,
    },
    pay: card.pay && {
      qualityGrade: card.pay.qualityGrade,
      qualityGradeFrom: card.pay.qualityGradeFrom,
      postWageFen: card.pay.postWageFen,
      pieceWageFen: card.pay.pieceWageFen,
      adjustmentsFen: card.pay.adjustmentsFen,
      totalFen: card.pay.totalFen,
    },
    rating,
    lines: card.lines.map(({ section, line: l }) => ({ section, code: l.code, label: l.label, quantity: l.quantity, rate: l.rate, amount: l.amount, unit: l.unit })),
  };
}

const CONTRACTOR_ID = /^[A-Za-z0-9._:/-]{1,64}$/;
const PIECE: ReadonlySet<string> = new Set(PIECE_ORDER_TYPES);

/** A technician's monthly card: piece-rate pay over the month's install/move/repair orders, complaint and streak points. */
export function technicianCard(builder: ScorecardBuilder, settings: ScorecardSettings, month: Month, f: TechnicianMonthFacts, earlier: readonly EarlierCard[]): ScorecardBody {
  const orders = countKinds(f.orders);
  const now = { score: ratio(f.satisfied, f.surveyed, 2, 100), callbackRatio: ratio(f.calledBack, orders.completed, 4) };
  const card = builder.build({
    subject: { kind: 'technician', id: f.technicianId },
    month,
    ordersCompleted: orders.completed,
    complaints: f.complaints,
    satisfactionHistory: history(earlier, month, now),
    pay: {
      postWageFen: settings.postWageFen,
      ordersInCompletionOrder: f.orders.filter((k): k is PieceOrderType => PIECE.has(k)).map((type) => ({ type, difficulty: settings.difficultyByType[type] })),
    },
  });
  return body(card, { month, subject: { kind: 'technician', id: f.technicianId }, employer: f.employer, group: f.group, orders }, f, null);
}

/** A crew is a group of the contractor's technicians (`technician.registered`'s group; the technician when it has none). */
export function crewsOf(technicians: readonly TechnicianMonthFacts[]): CrewMonthKpis[] {
  const crews = new Map<string, CrewMonthKpis>();
  for (const t of [...technicians].sort((a, b) => (a.technicianId < b.technicianId ? -1 : a.technicianId > b.technicianId ? 1 : 0))) {
    const crewId = t.group ?? t.technicianId;
    const c = crews.get(crewId) ?? { crewId, completed: 0, completedOnTime: 0, firstResponses: 0, firstResponsesOnTime: 0, surveyed: 0, satisfied: 0, completedRepairs: 0, repeatFaults: 0 };
    c.completed += t.orders.length;
    c.completedOnTime += t.completedOnTime;
    c.firstResponses += t.firstResponses;
    c.firstResponsesOnTime += t.firstResponsesOnTime;
    c.surveyed += t.surveyed;
    c.satisfied += t.satisfied;
    c.completedRepairs += t.orders.filter((k) => k === 'repair').length;
    c.repeatFaults += t.repeatFaults;
    crews.set(crewId, c);
  }
  return [...crews.values()].sort((a, b) => (a.crewId < b.crewId ? -1 : a.crewId > b.crewId ? 1 : 0));
}

/** A contractor's monthly card: its technicians' orders, complaints and satisfaction added up, its rating from its crews and the phase-out flag. */
export function contractorCard(builder: ScorecardBuilder, month: Month, contractorId: string, technicians: readonly TechnicianMonthFacts[], earlier: readonly EarlierCard[]): ScorecardBody {
  const all = technicians.flatMap((t) => t.orders);
  const orders = countKinds(all);
  const sum = (k: 'surveyed' | 'satisfied' | 'calledBack') => technicians.reduce((s, t) => s + t[k], 0);
  const sat = { surveyed: sum('surveyed'), satisfied: sum('satisfied'), calledBack: sum('calledBack') };
  const now = { score: ratio(sat.satisfied, sat.surveyed, 2, 100), callbackRatio: ratio(sat.calledBack, orders.completed, 4) };
  const crews = crewsOf(technicians);
  const card = builder.build({
    subject: { kind: 'contractor', id: contractorId },
    month,
    ordersCompleted: orders.completed,
    complaints: technicians.flatMap((t) => t.complaints),
    satisfactionHistory: history(earlier, month, now),
    crews,
    ratingHistory: earlier.filter((e) => e.month < month).map((e) => ({ month: e.month, grade: e.ratingGrade })),
  });
  const rated = builder.rules.rating.rate(contractorId, month, crews);
  const rating: ScorecardBody['rating'] = {
    crews: rated.crews,
    kpis: { ...rated.kpis },
    score: card.rating!.score,
    grade: card.rating!.grade,
    phaseOut: card.rating!.phaseOut,
    weakestRun: card.rating!.weakestRun,
  };
  return body(card, { month, subject: { kind: 'contractor', id: contractorId }, employer: null, group: null, orders }, sat, rating);
}

/**
 * Every card of a month, technicians first then contractors, each by id (code-unit order): the
 * technicians' facts and the earlier cards by `<kind>:<id>`.
 */
export function monthCards(builder: ScorecardBuilder, settings: ScorecardSettings, month: Month, facts: readonly TechnicianMonthFacts[], earlier: ReadonlyMap<string, readonly EarlierCard[]>): ScorecardBody[] {
  assertMonth(month);
  const byId = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  const sorted = [...facts].sort((a, b) => byId(a.technicianId, b.technicianId));
  const cards = sorted.map((f) => technicianCard(builder, settings, month, f, earlier.get(`technician:${f.technicianId}`) ?? []));
  const contractors = new Map<string, TechnicianMonthFacts[]>();
  for (const f of sorted) {
    // An employer that is not an id (free text at registration) cannot be a card's subject: no rating for it.
    if (f.employer === null || f.employer === settings.ownStaffEmployer || !CONTRACTOR_ID.test(f.employer) || /\d{7,}/.test(f.employer)) continue;
    contractors.set(f.employer, [...(contractors.get(f.employer) ?? []), f]);
  }
  for (const id of [...contractors.keys()].sort(byId)) cards.push(contractorCard(builder, month, id, contractors.get(id)!, earlier.get(`contractor:${id}`) ?? []));
  return cards;
}
