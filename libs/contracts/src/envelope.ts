import { z } from 'zod';

/** RFC 3339 with an explicit offset (`Z` or `+08:00`), as the contract requires. */
export const rfc3339 = z.iso.datetime({ offset: true });

/**
 * The one envelope every event travels in (architecture.md): keyed by the ticket id so one
 * ticket's events keep their order on one partition.
 */
export const envelopeSchema = z.strictObject({
  id: z.uuid(),
  type: z.string().min(1).max(100),
  source: z.string().min(1).max(200),
  time: rfc3339,
  subject: z.string().min(1).max(200),
  schemaVersion: z.number().int().min(1),
  correlationId: z.string().max(200).optional(),
  causationId: z.string().max(200).optional(),
  data: z.unknown(),
});

export type RawEnvelope = z.infer<typeof envelopeSchema>;

export interface Envelope<TType extends string = string, TData = unknown> {
  id: string;
  type: TType;
  source: string;
  time: string;
  subject: string;
  schemaVersion: number;
  correlationId?: string;
  causationId?: string;
  data: TData;
}
