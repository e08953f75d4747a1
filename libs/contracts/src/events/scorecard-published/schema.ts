import { z } from 'zod';
import { rfc3339 } from '../../envelope';
import { id } from '../common';
import { month } from '../scorecards-close-month/schema';

export const SCORECARD_PUBLISHED = 'scorecard.published' as const;

const grade = z.enum(['excellent', 'qualified', 'unqualified']);
const count = z.number().int().min(0);

/** One step of the arithmetic: amount = round(quantity × rate) (ADR 0019). */
export const scorecardLineSchema = z.strictObject({
  section: z.enum(['pay', 'complaints', 'streak', 'service', 'rating']),
  /** Stable machine code, e.g. `piece:repair:normal`, `complaint:escalated`, `streak:good:3`, `rating:satisfaction`. */
  code: z.string().min(1).max(100),
  label: z.string().max(300),
  quantity: z.number(),
  rate: z.number(),
  amount: z.number(),
  unit: z.enum(['fen', 'points']),
});

/**
 * A monthly scorecard (scoring.scorecards.v1, ADR 0026; subject: `<kind>:<id>|<month>`), for a
 * technician (`subject.kind` technician: pay, complaint and streak points) or a contractor
 * (`contractor`: its rating and phase-out flag). Published when the month closes, and again with
 * the next `revision` when a later close changes it (late events). The same inputs give the same
 * record byte for byte; `computedAt` is the close instant. Ids only: no names or phone numbers.
 * Documented field by field in docs/bi-scorecards.md.
 */
export const scorecardPublishedSchema = z.strictObject({
  month,
  /** 1 at the first close; +1 each time a close changes the card. */
  revision: z.number().int().min(1),
  computedAt: rfc3339,
  subject: z.strictObject({ kind: z.enum(['technician', 'contractor']), id }),
  /** Technicians: employer (`own-staff` or the contractor id) and group as registered at the close; contractors: null. */
  employer: z.string().nullable(),
  group: z.string().nullable(),
  /** Orders completed in the month by ticket kind (technician: own; contractor: its technicians'). */
  orders: z.strictObject({ completed: count, install: count, move: count, repair: count, complaint: count }),
  satisfaction: z.strictObject({
    surveyed: count,
    satisfied: count,
    calledBack: count,
    /** satisfied / surveyed × 100 (2 decimals); null without a survey. */
    score: z.number().min(0).max(100).nullable(),
    /** orders called back / orders completed (4 decimals); null without an order. */
    callbackRatio: z.number().min(0).max(1).nullable(),
    standing: z.enum(['good', 'poor', 'neither', 'unmeasured']),
    goodRun: count,
    poorRun: count,
  }),
  points: z.strictObject({ complaints: z.number().int(), complaintCount: count, streak: z.number().int(), total: z.number().int() }),
  /** Source 004's service score: null until a questionnaire provides its parts. */
  service: z
    .strictObject({
      total: z.number(),
      grade,
      satisfied: z.boolean(),
      parts: z.record(z.string(), z.number()),
      missingParts: z.array(z.string()),
      unqualifiedPenalty: z.enum(['none', 'two-in-a-row', 'two-in-a-year', 'three-in-a-row']),
    })
    .nullable(),
  /** Technicians: piece-rate pay in fen. */
  pay: z
    .strictObject({
      qualityGrade: grade,
      qualityGradeFrom: z.enum(['service-score', 'satisfaction', 'default']),
      postWageFen: z.number().int(),
      pieceWageFen: z.number().int(),
      adjustmentsFen: z.number().int(),
      totalFen: z.number().int(),
    })
    .nullable(),
  /** Contractors: the month's rating and the phase-out flag. */
  rating: z
    .strictObject({
      crews: count,
      kpis: z.strictObject({
        satisfaction: z.number().nullable(),
        repairTimeliness: z.number().nullable(),
        firstResponseOnTime: z.number().nullable(),
        repeatReportRate: z.number().nullable(),
      }),
      score: z.number().nullable(),
      grade: grade.nullable(),
      phaseOut: z.boolean(),
      weakestRun: count,
    })
    .nullable(),
  lines: z.array(scorecardLineSchema),
});

export type ScorecardPublished = z.infer<typeof scorecardPublishedSchema>;
