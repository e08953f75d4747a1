import type { KpiUpdated } from './schema';

export const kpiUpdatedExample: KpiUpdated = { scope: 'region', region: 'hangzhou', granularity: 'day', date: '2026-11-24', counters: { received: 120, accepted: 118, rejected: 2, assigned: 117, firstResponseOnTime: 101, firstResponseLate: 9, warned: 14, breached: 9, completed: 96, surveyed: 60, satisfied: 54 }, updatedAt: '2026-11-24T10:00:00Z' };
