import type { ScorecardPublished } from './schema';

export const scorecardPublishedExample: ScorecardPublished = {
  month: '2026-11',
  revision: 1,
  computedAt: '2026-12-04T00:00:00.000Z',
  subject: { kind: 'technician', id: 'T-XH-01' },
  employer: 'own-staff',
  group: 'xihu-a',
  orders: { completed: 96, install: 10, move: 2, repair: 84, complaint: 0 },
  satisfaction: { surveyed: 40, satisfied: 38, calledBack: 96, score: 95, callbackRatio: 1, standing: 'good', goodRun: 1, poorRun: 0 },
  points: { complaints: 10, complaintCount: 0, streak: 0, total: 10 },
  service: null,
  pay: { qualityGrade: 'excellent', qualityGradeFrom: 'satisfaction', postWageFen: 130000, pieceWageFen: 29500, adjustmentsFen: 0, totalFen: 159500 },
  rating: null,
  lines: [
    { section: 'pay', code: 'pay:post-wage', label: 'post wage', quantity: 1, rate: 130000, amount: 130000, unit: 'fen' },
    { section: 'pay', code: 'pay:base-workload', label: 'base workload: 8400 standard minutes, paid by the post wage (orders)', quantity: 84.2, rate: 0, amount: 0, unit: 'fen' },
    { section: 'pay', code: 'piece:repair:normal', label: 'repair orders above the base, normal (×1) at the excellent unit price 2500', quantity: 11.8, rate: 2500, amount: 29500, unit: 'fen' },
    { section: 'complaints', code: 'complaint:zero', label: 'no complaint in the period', quantity: 1, rate: 10, amount: 10, unit: 'points' },
  ],
};
