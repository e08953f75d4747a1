import { z } from 'zod';
import { ticketId } from '../common';

export const COMMAND_REJECTED = 'command.rejected' as const;

/** A service refused a command; the code is stable (subject: the subject of the command). */
export const commandRejectedSchema = z.strictObject({
  commandId: z.uuid(),
  commandType: z.string(),
  code: z.string(),
  message: z.string(),
  ticketId: ticketId.optional(),
});

export type CommandRejected = z.infer<typeof commandRejectedSchema>;
