import { z } from 'zod';
import { services, ticketKinds } from '../ticket-received/schema';
import { id, regionCode } from '../common';

export const TECHNICIAN_REGISTER = 'technician.register' as const;

/** Command (dispatch.commands.v1): register or update a technician (subject: technicianId). */
export const technicianRegisterSchema = z.strictObject({
  technicianId: id,
  name: z.string().min(1).max(200),
  phone: z.string().regex(/^\+?[0-9][0-9 -]{4,24}$/, 'a phone number'),
  employer: z.string().min(1).max(100).default('own-staff'),
  region: regionCode,
  county: id,
  zone: id,
  group: id,
  skills: z.array(z.strictObject({ service: z.enum(services), kinds: z.array(z.enum(ticketKinds)).min(1) })).min(1),
  position: z.strictObject({ lat: z.number().min(-90).max(90), lon: z.number().min(-180).max(180) }).optional(),
  onDuty: z.boolean().default(true),
  dailyCapacity: z.number().int().min(1).max(100).default(8),
});

export type TechnicianRegister = z.infer<typeof technicianRegisterSchema>;
