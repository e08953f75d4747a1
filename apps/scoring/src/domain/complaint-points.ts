import { line, type ArithmeticLine } from './scorecard-line';

/**
 * Complaint points (domain.md §6, source 000 "投诉考核机制"): a general complaint costs the team
 * that caused it 1 point (construction quality), 2 (safety and civility) or 1 (resource
 * shortage); a general complaint that escalated because it was not handled costs 3 instead; a
 * severe complaint costs 10; a period without any complaint earns 10. The table is configuration.
 */

/** The cause of a general complaint (source 000: 施工质量, 安全文明, 资源不足). */
export const COMPLAINT_CAUSES = ['quality', 'safety-civility', 'resource'] as const;
export type ComplaintCause = (typeof COMPLAINT_CAUSES)[number];

/** How far a complaint went: general (一般投诉), escalated (投诉升级), severe (严重投诉). */
export const COMPLAINT_SEVERITIES = ['general', 'escalated', 'severe'] as const;
export type ComplaintSeverity = (typeof COMPLAINT_SEVERITIES)[number];

export interface ComplaintPointsTable {
  /** Points per general complaint by cause (negative: a deduction). */
  general: Record<ComplaintCause, number>;
  /** Points per escalated complaint, whatever its cause. */
  escalated: number;
  /** Points per severe complaint, whatever its cause. */
  severe: number;
  /** Points for a period with no complaint at all (positive: a reward). */
  zeroComplaints: number;
}

/** Source 000's table. */
export const DEFAULT_COMPLAINT_POINTS: ComplaintPointsTable = {
  general: { quality: -1, 'safety-civility': -2, resource: -1 },
  escalated: -3,
  severe: -10,
  zeroComplaints: 10,
};

export class ComplaintPointsConfigError extends Error {}

/** Deductions must be ≤ 0 and whole, the reward ≥ 0 and whole; returns the table. */
export function validateComplaintPointsTable(t: ComplaintPointsTable): ComplaintPointsTable {
  const deductions: [string, number][] = [...COMPLAINT_CAUSES.map((c): [string, number] => [`general.${c}`, t.general[c]]), ['escalated', t.escalated], ['severe', t.severe]];
  for (const [name, v] of deductions) if (!(Number.isInteger(v) && v <= 0)) throw new ComplaintPointsConfigError(`${name} must be a whole number of points ≤ 0, got ${v}`);
  if (!(Number.isInteger(t.zeroComplaints) && t.zeroComplaints >= 0)) throw new ComplaintPointsConfigError(`zeroComplaints must be a whole number of points ≥ 0, got ${t.zeroComplaints}`);
  return t;
}

/** One complaint held against the subject in the period, as last classified. */
export interface PeriodComplaint {
  complaintId: string;
  cause: ComplaintCause;
  severity: ComplaintSeverity;
}

export interface ComplaintPoints {
  complaints: number;
  points: number;
  lines: ArithmeticLine[];
}

const SEVERITY_RANK: Record<ComplaintSeverity, number> = { general: 0, escalated: 1, severe: 2 };

/**
 * Scores the period's complaints. Each complaint counts once, at its most serious classification
 * (an escalated complaint costs −3, not −3 and its cause's −1); a complaint id seen twice is one
 * complaint. The zero-complaint reward needs work in the period: no order done, no reward.
 */
export class ComplaintPointsRule {
  constructor(readonly table: ComplaintPointsTable = DEFAULT_COMPLAINT_POINTS) {
    validateComplaintPointsTable(table);
  }

  score(complaints: readonly PeriodComplaint[], ordersCompleted: number): ComplaintPoints {
    const unique = new Map<string, PeriodComplaint>();
    for (const c of complaints) {
      if (!COMPLAINT_CAUSES.includes(c.cause) || !COMPLAINT_SEVERITIES.includes(c.severity)) throw new RangeError(`complaint ${c.complaintId}: unknown cause ${c.cause} or severity ${c.severity}`);
      const seen = unique.get(c.complaintId);
      if (!seen || this.moreSerious(c, seen)) unique.set(c.complaintId, c);
    }
    const all = [...unique.values()];
    const lines: ArithmeticLine[] = [];
    for (const cause of COMPLAINT_CAUSES) {
      const n = all.filter((c) => c.severity === 'general' && c.cause === cause).length;
      if (n > 0) lines.push(line(`complaint:general:${cause}`, `general complaints, ${cause}`, n, this.table.general[cause], 'points'));
    }
    for (const severity of ['escalated', 'severe'] as const) {
      const n = all.filter((c) => c.severity === severity).length;
      if (n > 0) lines.push(line(`complaint:${severity}`, `${severity} complaints`, n, this.table[severity], 'points'));
    }
    if (all.length === 0 && ordersCompleted > 0) lines.push(line('complaint:zero', 'no complaint in the period', 1, this.table.zeroComplaints, 'points'));
    return { complaints: all.length, points: lines.reduce((s, l) => s + l.amount, 0), lines };
  }

  /** Severity first, then the cause that costs more, then the cause's place in the table: the same answer in any input order. */
  private moreSerious(a: PeriodComplaint, b: PeriodComplaint): boolean {
    const bySeverity = SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity];
    if (bySeverity !== 0) return bySeverity > 0;
    const byCost = this.table.general[b.cause] - this.table.general[a.cause];
    if (byCost !== 0) return byCost > 0;
    return COMPLAINT_CAUSES.indexOf(a.cause) < COMPLAINT_CAUSES.indexOf(b.cause);
  }
}
