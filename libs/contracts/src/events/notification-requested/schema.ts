import { z } from 'zod';
import { notificationChannels, ticketId } from '../common';

export const NOTIFICATION_REQUESTED = 'notification.requested' as const;

/** A customer notification to send through a channel adapter (subject: ticketId or notificationId). */
export const notificationRequestedSchema = z.strictObject({
  notificationId: z.uuid(),
  ticketId: ticketId.optional(),
  channel: z.enum(notificationChannels),
  to: z.string().min(1).max(200),
  template: z.string().min(1).max(100),
  text: z.string().min(1).max(2000),
  data: z.record(z.string(), z.string()),
});

export type NotificationRequested = z.infer<typeof notificationRequestedSchema>;
