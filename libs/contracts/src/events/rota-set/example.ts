import type { RotaSet } from './schema';

export const rotaSetExample: RotaSet = { group: 'xihu-a', week: '2026-W48', restDays: [{ technicianId: 'T-XH-01', days: ['2026-11-28'] }], setBy: 'supervisor-li' };
