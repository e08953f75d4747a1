import { z } from 'zod';
import { rfc3339 } from '../../envelope';
import { technicianRegisterSchema } from '../technician-register/schema';

export const TECHNICIAN_REGISTERED = 'technician.registered' as const;

/** Dispatch registered or updated a technician (subject: technicianId). */
export const technicianRegisteredSchema = technicianRegisterSchema.extend({ registeredAt: rfc3339 });

export type TechnicianRegistered = z.infer<typeof technicianRegisteredSchema>;
