import type { KpiWindowUpdated } from './schema';

export const kpiWindowUpdatedExample: KpiWindowUpdated = {
  region: 'hangzhou',
  scopeType: 'group',
  scopeId: 'xihu-a',
  period: 'week',
  windowStart: '2026-11-23',
  windowEnd: '2026-11-29',
  timeZone: 'Asia/Shanghai',
  kpis: [
    { kpi: 'first-response-on-time', numerator: 47, denominator: 50, value: 0.94 },
    { kpi: 'satisfaction', numerator: 36, denominator: 40, value: 0.9 },
    { kpi: 'sla-breaches', numerator: 3, denominator: 0, value: null },
  ],
  revision: 412,
};
