import { z } from 'zod';
import { rfc3339 } from '../../envelope';
import { id, regionCode } from '../common';
import { knownIssueKinds } from '../ticket-answered-by-known-issue/schema';
import { services } from '../ticket-received/schema';

export const KNOWN_ISSUE_OPEN = 'known-issue.open' as const;
export const KNOWN_ISSUE_CLOSE = 'known-issue.close' as const;

/**
 * The area a known issue covers: a region, optionally narrowed to a county, and within it the
 * service zones and radio cells it affects. No zones and no cells: the whole region (or county).
 */
export const knownIssueAreaSchema = z.strictObject({
  region: regionCode,
  county: id.optional(),
  zones: z.array(id).max(500),
  cells: z.array(id).max(5000),
});

/** The fields of a known issue as an operator states it (the body of `POST /v1/known-issues`). */
export const knownIssueFields = {
  kind: z.enum(knownIssueKinds),
  area: knownIssueAreaSchema,
  services: z.array(z.enum(services)).min(1).max(services.length),
  startsAt: rfc3339,
  /** Omitted: open-ended, active until closed. */
  endsAt: rfc3339.optional(),
  /** What the customer is told. */
  explanation: z.string().min(1).max(2000),
  expectedFixAt: rfc3339.optional(),
};

/** The window must not end before it starts; a service is listed once. Shared by the command and the HTTP body. */
export function checkKnownIssueFields(v: { startsAt: string; endsAt?: string | undefined; services: readonly string[] }, ctx: z.core.$RefinementCtx): void {
  if (v.endsAt !== undefined && Date.parse(v.endsAt) <= Date.parse(v.startsAt)) {
    ctx.addIssue({ code: 'custom', path: ['endsAt'], message: 'endsAt must be after startsAt' });
  }
  if (new Set(v.services).size !== v.services.length) {
    ctx.addIssue({ code: 'custom', path: ['services'], message: 'each service at most once' });
  }
}

/**
 * Command (gateway → intake on `intake.commands.v1`, subject: knownIssueId): open a known issue
 * ("一次性答复", domain.md §2). Intake answers new tickets inside it and sweeps the open ones.
 */
export const knownIssueOpenSchema = z
  .strictObject({
    /** Chosen by the gateway, so the caller has it at once. */
    knownIssueId: id,
    ...knownIssueFields,
    openedBy: z.string().min(1).max(200),
  })
  .superRefine(checkKnownIssueFields);

export type KnownIssueOpen = z.infer<typeof knownIssueOpenSchema>;
export type KnownIssueArea = z.infer<typeof knownIssueAreaSchema>;

/** Command (gateway → intake, subject: knownIssueId): the issue is fixed; its held tickets are closed. */
export const knownIssueCloseSchema = z.strictObject({
  knownIssueId: id,
  /** Added to the customers' second notice. */
  note: z.string().min(1).max(2000).optional(),
  closedBy: z.string().min(1).max(200),
});

export type KnownIssueClose = z.infer<typeof knownIssueCloseSchema>;
