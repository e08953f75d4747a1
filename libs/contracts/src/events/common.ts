import { z } from 'zod';

/** Pieces several events share. */
export const id = z.string().min(1).max(64).regex(/^[A-Za-z0-9._:/-]+$/, 'letters, digits and . _ : / - only');
export const ticketId = z.uuid();
export const regionCode = id;
export const slaMetrics = ['first-response', 'resolution'] as const;
export const resolutionCodes = ['fixed', 'replaced-equipment', 'configuration', 'no-fault-found', 'customer-side', 'referred'] as const;
export const notificationChannels = ['sms', 'email'] as const;
