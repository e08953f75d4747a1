import type { ScorecardsCloseMonth } from './schema';

export const scorecardsCloseMonthExample: ScorecardsCloseMonth = { month: '2026-11', requestedBy: 'ops/hz-supervisor-03' };
