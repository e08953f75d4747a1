import { z } from 'zod';
import { id, ticketId } from '../common';

export const REMOTE_SUPPORT_RESOLVE = 'remote-support.resolve' as const;

/**
 * Command (intake.commands.v1, subject: ticketId): a remote support agent resolved a ticket held
 * in the remote pre-handling queue without a site visit ("障碍拦截", domain.md §2). Intake answers
 * with `ticket.resolved` (resolved-remotely) and a customer notice, or `command.rejected` when the
 * ticket is no longer held.
 */
export const remoteSupportResolveSchema = z.strictObject({
  ticketId,
  /** The agent's resolution code (e.g. `line-reset`, `router-reconfigured`). */
  code: id,
  /** What the customer is told. */
  note: z.string().min(1).max(2000),
  /** Who resolved it (the API caller). */
  agent: z.string().min(1).max(200),
});

export type RemoteSupportResolve = z.infer<typeof remoteSupportResolveSchema>;
