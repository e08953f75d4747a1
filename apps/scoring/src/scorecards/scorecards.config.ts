import type { Provider } from '@nestjs/common';
import { z } from 'zod';
import { parseEnv } from '@switchboard/platform';
import { ComplaintPointsRule } from '../domain/complaint-points';
import { ContractorRatingRule, DEFAULT_CONTRACTOR_RATING_POLICY } from '../domain/contractor-rating';
import { DEFAULT_PIECE_RATE_POLICY, PieceRatePay } from '../domain/piece-rate-pay';
import { SatisfactionStreaks } from '../domain/satisfaction-streaks';
import { ScorecardBuilder } from '../domain/scorecard';
import { DEFAULT_SCORECARD_SETTINGS, type ScorecardSettings } from '../domain/scorecard-month';
import { ServiceScoring } from '../domain/service-score';

const difficultyClass = (d: string) =>
  z
    .string()
    .default(d)
    .refine((c) => Object.hasOwn(DEFAULT_PIECE_RATE_POLICY.difficultyCoefficients, c), { message: `one of ${Object.keys(DEFAULT_PIECE_RATE_POLICY.difficultyCoefficients).join(', ')}` });

/** The scorecards' settings (ADR 0026); the rules' tables are ADR 0019's defaults. */
export const scorecardsEnvSchema = z.object({
  /** How often the poller looks for months to close; 0 turns automatic closing off (only `scorecards.close-month` closes). */
  SCORECARD_CLOSE_POLL_MS: z.coerce.number().int().min(0).default(60_000),
  /** A month closes by itself this many hours after the first of the next month (late events), and again when a later input changes it. */
  SCORECARD_CLOSE_GRACE_HOURS: z.coerce.number().min(0).default(72),
  /** The base workload in standard minutes a month, paid by the post wage (ADR 0019: 140 hours). */
  SCORECARD_BASE_MINUTES: z.coerce.number().int().min(0).default(DEFAULT_PIECE_RATE_POLICY.baseMinutes),
  SCORECARD_POST_WAGE_FEN: z.coerce.number().int().min(0).default(DEFAULT_SCORECARD_SETTINGS.postWageFen),
  /** The difficulty class (normal ×1, complex ×1.2, hard ×1.5) of every order of a type. */
  SCORECARD_DIFFICULTY_INSTALL: difficultyClass(DEFAULT_SCORECARD_SETTINGS.difficultyByType.install),
  SCORECARD_DIFFICULTY_MOVE: difficultyClass(DEFAULT_SCORECARD_SETTINGS.difficultyByType.move),
  SCORECARD_DIFFICULTY_REPAIR: difficultyClass(DEFAULT_SCORECARD_SETTINGS.difficultyByType.repair),
  SCORECARD_OWN_STAFF_EMPLOYER: z.string().min(1).default(DEFAULT_SCORECARD_SETTINGS.ownStaffEmployer),
  /** A contractor rated unqualified for this many rated months in a row is flagged for phase-out. */
  SCORECARD_PHASE_OUT_MONTHS: z.coerce.number().int().min(1).default(DEFAULT_CONTRACTOR_RATING_POLICY.phaseOutAfterMonths),
});

export interface ScorecardsConfig {
  closePollMs: number;
  closeGraceHours: number;
  settings: ScorecardSettings;
  builder: ScorecardBuilder;
}

export const SCORECARDS_CONFIG = Symbol('SCORECARDS_CONFIG');

export function loadScorecardsConfig(env: Record<string, string | undefined>): ScorecardsConfig {
  const e = parseEnv(scorecardsEnvSchema, env);
  return {
    closePollMs: e.SCORECARD_CLOSE_POLL_MS,
    closeGraceHours: e.SCORECARD_CLOSE_GRACE_HOURS,
    settings: {
      postWageFen: e.SCORECARD_POST_WAGE_FEN,
      difficultyByType: { install: e.SCORECARD_DIFFICULTY_INSTALL, move: e.SCORECARD_DIFFICULTY_MOVE, repair: e.SCORECARD_DIFFICULTY_REPAIR },
      ownStaffEmployer: e.SCORECARD_OWN_STAFF_EMPLOYER,
    },
    builder: new ScorecardBuilder({
      pay: new PieceRatePay({ ...DEFAULT_PIECE_RATE_POLICY, baseMinutes: e.SCORECARD_BASE_MINUTES }),
      complaints: new ComplaintPointsRule(),
      streaks: new SatisfactionStreaks(),
      service: new ServiceScoring(),
      rating: new ContractorRatingRule({ ...DEFAULT_CONTRACTOR_RATING_POLICY, phaseOutAfterMonths: e.SCORECARD_PHASE_OUT_MONTHS }),
    }),
  };
}

export const scorecardsConfigProvider: Provider = {
  provide: SCORECARDS_CONFIG,
  useFactory: () => loadScorecardsConfig(process.env),
};
