import type { KpiWarning } from './schema';

export const kpiWarningExample: KpiWarning = {
  region: 'hangzhou',
  scopeType: 'technician',
  scopeId: 'T-XH-01',
  period: 'month',
  windowStart: '2026-11-01',
  windowEnd: '2026-11-30',
  kpi: 'satisfaction',
  value: 0.75,
  numerator: 15,
  denominator: 20,
  direction: 'below',
  threshold: 0.8,
  revision: 57,
};
