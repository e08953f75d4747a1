import type { TechnicianRegistered } from './schema';
import { technicianRegisterExample } from '../technician-register/example';

export const technicianRegisteredExample: TechnicianRegistered = { ...technicianRegisterExample, registeredAt: '2026-11-24T01:00:00Z' };
