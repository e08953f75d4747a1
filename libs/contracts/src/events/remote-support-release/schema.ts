import { z } from 'zod';
import { ticketId } from '../common';

export const REMOTE_SUPPORT_RELEASE = 'remote-support.release' as const;

/**
 * Command (intake.commands.v1, subject: ticketId): a remote support agent could not resolve a held
 * ticket remotely and releases it to dispatch. Intake answers with `ticket.dispatch-requested`
 * (released-by-remote-support), or `command.rejected` when the ticket is no longer held.
 */
export const remoteSupportReleaseSchema = z.strictObject({
  ticketId,
  /** Who released it (the API caller). */
  agent: z.string().min(1).max(200),
  note: z.string().min(1).max(2000).optional(),
});

export type RemoteSupportRelease = z.infer<typeof remoteSupportReleaseSchema>;
