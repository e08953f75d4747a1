import type { RotaUpdated } from './schema';

export const rotaUpdatedExample: RotaUpdated = {
  group: 'xihu-a',
  week: '2026-W48',
  technicians: [
    { technicianId: 'T-XH-01', restDays: ['2026-11-28'] },
    { technicianId: 'T-XH-02', restDays: ['2026-11-24'] },
  ],
  cause: 'edited',
  updatedAt: '2026-11-23T09:00:00.000+08:00',
};
