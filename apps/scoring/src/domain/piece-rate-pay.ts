import { line, roundTo, sumAmounts, type ArithmeticLine } from './scorecard-line';
import { SERVICE_GRADES, type ServiceGrade } from './service-score';

/**
 * Piece-rate pay (domain.md §6, source 002 措施二 "按单计酬, 按质论价"): monthly pay = post wage +
 * piece wage + single bonuses and penalties. The work-hour pool ("工时池") gives each order type
 * its standard time; the month's first `baseMinutes` of standard time are the base workload,
 * paid by the post wage. Every order above it earns unit price × difficulty coefficient, and the
 * unit price depends on the technician's quality grade for the month — so the same workload at
 * a better quality grade pays more. Money is in fen.
 */

/** The orders a technician is paid for (complaints go to back-office departments, domain.md §3). */
export const PIECE_ORDER_TYPES = ['install', 'move', 'repair'] as const;
export type PieceOrderType = (typeof PIECE_ORDER_TYPES)[number];

/** The quality grades unit prices depend on: the service grades of source 004 (service-score.ts). */
export type QualityGrade = ServiceGrade;

export interface PieceRatePolicy {
  /** The work-hour pool: standard minutes of one order of each type (source 002 "工时池", set by work sampling). */
  standardMinutes: Record<PieceOrderType, number>;
  /** The base workload: standard minutes per month the post wage pays for. */
  baseMinutes: number;
  /** Unit price in fen of one order above the base, by type and quality grade; a better grade pays strictly more. */
  unitPriceFen: Record<PieceOrderType, Record<QualityGrade, number>>;
  /** Difficulty coefficient by difficulty class; every order names one of these classes. */
  difficultyCoefficients: Readonly<Record<string, number>>;
}

/**
 * Defaults. Source 002 names the formula but no figures; these are placeholders of the right
 * size (its engineers earned 1,300–1,600 yuan a month) until the operator's work sampling sets
 * them: 90 / 120 / 150 minutes for a repair / install / move, a base of 140 hours a month.
 */
export const DEFAULT_PIECE_RATE_POLICY: PieceRatePolicy = {
  standardMinutes: { install: 120, move: 150, repair: 90 },
  baseMinutes: 140 * 60,
  unitPriceFen: {
    install: { excellent: 4000, qualified: 3200, unqualified: 2000 },
    move: { excellent: 4500, qualified: 3600, unqualified: 2200 },
    repair: { excellent: 2500, qualified: 2000, unqualified: 1200 },
  },
  difficultyCoefficients: { normal: 1, complex: 1.2, hard: 1.5 },
};

export class PieceRateConfigError extends Error {}

/** Throws a PieceRateConfigError naming the first entry that breaks a rule; returns the policy. */
export function validatePieceRatePolicy(p: PieceRatePolicy): PieceRatePolicy {
  for (const type of PIECE_ORDER_TYPES) {
    const minutes = p.standardMinutes[type];
    if (!(Number.isInteger(minutes) && minutes > 0)) throw new PieceRateConfigError(`standard minutes of ${type} must be a positive whole number, got ${minutes}`);
    const prices = SERVICE_GRADES.map((g) => p.unitPriceFen[type]?.[g]);
    if (prices.some((f) => !(Number.isInteger(f) && f! >= 0))) throw new PieceRateConfigError(`unit prices of ${type} must be whole fen ≥ 0 for every grade, got ${JSON.stringify(p.unitPriceFen[type])}`);
    // SERVICE_GRADES is best first: each price must be above the next one ("按质论价").
    for (let i = 1; i < prices.length; i++) {
      if (!(prices[i - 1]! > prices[i]!)) throw new PieceRateConfigError(`a better quality grade must pay more: ${type} ${SERVICE_GRADES[i - 1]} ${prices[i - 1]} ≤ ${SERVICE_GRADES[i]} ${prices[i]}`);
    }
  }
  if (!(Number.isInteger(p.baseMinutes) && p.baseMinutes >= 0)) throw new PieceRateConfigError(`the base workload must be whole minutes ≥ 0, got ${p.baseMinutes}`);
  const classes = Object.entries(p.difficultyCoefficients);
  if (classes.length === 0) throw new PieceRateConfigError('at least one difficulty class is needed');
  for (const [name, c] of classes) if (!(c > 0 && Number.isFinite(c))) throw new PieceRateConfigError(`difficulty coefficient of ${name} must be positive, got ${c}`);
  return p;
}

/** One completed order of the month. */
export interface CompletedOrder {
  orderId: string;
  type: PieceOrderType;
  /** A difficulty class of the policy (`normal`, `complex`, `hard` by default). */
  difficulty: string;
  /** RFC 3339; orders fill the base workload in completion order. */
  completedAt: string;
}

/** A single bonus (positive) or penalty (negative) of the month ("单项奖罚"), in fen; its code says what it is for. */
export interface SingleAdjustment {
  code: string;
  amountFen: number;
}

/** An order already known to be unique and placed in completion order (by the caller, e.g. SQL over a primary key). */
export interface OrderedPiece {
  type: PieceOrderType;
  difficulty: string;
}

export interface PayInput {
  postWageFen: number;
  qualityGrade: QualityGrade;
  /** The month's orders in any order, possibly repeated: deduplicated by id and sorted by completion here. */
  orders?: readonly CompletedOrder[];
  /** Or: the month's orders, each once, earliest completion first (ties by id) — not sorted again (the month close, ADR 0026). */
  ordersInCompletionOrder?: readonly OrderedPiece[];
  adjustments?: readonly SingleAdjustment[];
}

export interface MonthlyPay {
  qualityGrade: QualityGrade;
  /** Standard minutes of all the month's orders, and how many of them the base took. */
  workedMinutes: number;
  baseMinutesUsed: number;
  postWageFen: number;
  pieceWageFen: number;
  adjustmentsFen: number;
  totalFen: number;
  /** Post wage, base workload (amount 0), one piece line per order type and difficulty, one per adjustment. */
  lines: ArithmeticLine[];
}

const ORDER_TYPES: ReadonlySet<string> = new Set(PIECE_ORDER_TYPES);
/** Plain code-unit order: the same on every machine, unlike localeCompare. */
const byCodeUnits = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Orders above the base, as (possibly fractional) order counts per type and difficulty. */
type AboveBase = Map<string, { type: PieceOrderType; difficulty: string; orders: number }>;

/** Computes a technician's monthly piece-rate pay with its arithmetic (source 002 措施二). */
export class PieceRatePay {
  constructor(readonly policy: PieceRatePolicy = DEFAULT_PIECE_RATE_POLICY) {
    validatePieceRatePolicy(policy);
  }

  pay(input: PayInput): MonthlyPay {
    if (!(Number.isInteger(input.postWageFen) && input.postWageFen >= 0)) throw new RangeError(`the post wage must be whole fen ≥ 0, got ${input.postWageFen}`);
    if (input.orders && input.ordersInCompletionOrder) throw new RangeError('give the orders either as completed orders or in completion order, not both');
    const orders: readonly OrderedPiece[] = input.ordersInCompletionOrder ? this.checked(input.ordersInCompletionOrder) : this.uniqueInCompletionOrder(input.orders ?? []);
    const above: AboveBase = new Map();
    let baseLeft = this.policy.baseMinutes;
    let worked = 0;
    let ordersInBase = 0;
    for (const order of orders) {
      const minutes = this.policy.standardMinutes[order.type];
      worked += minutes;
      // The order that crosses the base counts above it for the share of its minutes beyond the base.
      const inBase = Math.min(baseLeft, minutes);
      baseLeft -= inBase;
      ordersInBase += inBase / minutes;
      if (inBase === minutes) continue;
      const key = `${order.type}:${order.difficulty}`;
      const entry = above.get(key) ?? { type: order.type, difficulty: order.difficulty, orders: 0 };
      entry.orders += (minutes - inBase) / minutes;
      above.set(key, entry);
    }
    const lines: ArithmeticLine[] = [line('pay:post-wage', 'post wage', 1, input.postWageFen, 'fen')];
    lines.push(line('pay:base-workload', `base workload: ${this.policy.baseMinutes} standard minutes, paid by the post wage (orders)`, roundTo(ordersInBase, 2), 0, 'fen'));
    const pieceLines = [...above.values()]
      .sort((a, b) => PIECE_ORDER_TYPES.indexOf(a.type) - PIECE_ORDER_TYPES.indexOf(b.type) || byCodeUnits(a.difficulty, b.difficulty))
      .map((e) => {
        const price = this.policy.unitPriceFen[e.type][input.qualityGrade];
        const coefficient = this.policy.difficultyCoefficients[e.difficulty]!;
        // rate = unit price × difficulty coefficient, in whole fen, so the line reads quantity × rate = amount.
        return line(`piece:${e.type}:${e.difficulty}`, `${e.type} orders above the base, ${e.difficulty} (×${coefficient}) at the ${input.qualityGrade} unit price ${price}`, roundTo(e.orders, 2), roundTo(price * coefficient), 'fen');
      });
    const adjustmentLines = (input.adjustments ?? []).map((a) => {
      if (!Number.isInteger(a.amountFen)) throw new RangeError(`adjustment ${a.code} must be whole fen, got ${a.amountFen}`);
      return line(`adjustment:${a.code}`, `single ${a.amountFen >= 0 ? 'bonus' : 'penalty'}: ${a.code}`, 1, a.amountFen, 'fen');
    });
    lines.push(...pieceLines, ...adjustmentLines);
    const pieceWageFen = sumAmounts(pieceLines);
    const adjustmentsFen = sumAmounts(adjustmentLines);
    return {
      qualityGrade: input.qualityGrade,
      workedMinutes: worked,
      baseMinutesUsed: this.policy.baseMinutes - baseLeft,
      postWageFen: input.postWageFen,
      pieceWageFen,
      adjustmentsFen,
      totalFen: input.postWageFen + pieceWageFen + adjustmentsFen,
      lines,
    };
  }

  /** Orders given in completion order: only their type and difficulty are checked. */
  private checked(orders: readonly OrderedPiece[]): readonly OrderedPiece[] {
    for (const [i, o] of orders.entries()) {
      if (!ORDER_TYPES.has(o.type)) throw new RangeError(`order ${i}: no piece rate for type ${o.type}`);
      if (!Object.hasOwn(this.policy.difficultyCoefficients, o.difficulty)) throw new RangeError(`order ${i}: unknown difficulty ${o.difficulty} (one of ${Object.keys(this.policy.difficultyCoefficients).join(', ')})`);
    }
    return orders;
  }

  /** Each order once (a replayed completion is the same order), earliest completion first, ties by id. */
  private uniqueInCompletionOrder(orders: readonly CompletedOrder[]): CompletedOrder[] {
    const byId = new Map<string, { order: CompletedOrder; ms: number }>();
    for (const o of orders) {
      const seen = byId.get(o.orderId);
      if (seen) {
        if (seen.order.type !== o.type || seen.order.difficulty !== o.difficulty || seen.order.completedAt !== o.completedAt) throw new RangeError(`order ${o.orderId} is listed twice with different facts`);
        continue;
      }
      if (!ORDER_TYPES.has(o.type)) throw new RangeError(`order ${o.orderId}: no piece rate for type ${o.type}`);
      if (!Object.hasOwn(this.policy.difficultyCoefficients, o.difficulty)) throw new RangeError(`order ${o.orderId}: unknown difficulty ${o.difficulty} (one of ${Object.keys(this.policy.difficultyCoefficients).join(', ')})`);
      const ms = Date.parse(o.completedAt);
      if (Number.isNaN(ms)) throw new RangeError(`order ${o.orderId}: not a timestamp ${o.completedAt}`);
      byId.set(o.orderId, { order: o, ms });
    }
    return [...byId.values()].sort((a, b) => a.ms - b.ms || byCodeUnits(a.order.orderId, b.order.orderId)).map((e) => e.order);
  }
}
