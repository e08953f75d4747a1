import type { TechnicianRegister } from './schema';

export const technicianRegisterExample: TechnicianRegister = {
  technicianId: 'T-XH-01',
  name: 'Wang Fang',
  phone: '+86 138 0000 0101',
  employer: 'own-staff',
  region: 'hangzhou',
  county: 'xihu',
  zone: 'xihu-07',
  group: 'xihu-a',
  skills: [{ service: 'broadband', kinds: ['install', 'move', 'repair'] }],
  position: { lat: 30.26, lon: 120.13 },
  onDuty: true,
  dailyCapacity: 8,
};
