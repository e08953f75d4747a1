import { z } from 'zod';
import { id as codeId, rfc3339, slaPolicyDefineExample, slaPolicyFields, slaPolicyVersionedSchema } from '@switchboard/contracts';
import type { ApiRoute } from '../http/api-routes';

/**
 * `/v1/sla-policies` (issue 6, ADR 0022): the SLA policies, versioned, stored by the SLA monitor and
 * read here from the gateway's projection of `sla-policy.versioned`; and the preview ("when will
 * this breach?"). Spread into `ApiRoutes`.
 */

const errorBody = z.object({ error: z.string(), message: z.string(), reasons: z.array(z.object({ path: z.string(), code: z.string(), message: z.string() })).optional() });
const commandSent = { commandId: z.uuid(), status: z.literal('sent') };

export const slaPolicyView = slaPolicyVersionedSchema
  .extend({ versions: z.array(z.object({ version: z.number().int(), effectiveFrom: z.string(), definedBy: z.string(), builtIn: z.boolean() })) })
  .meta({ id: 'SlaPolicy' });

const exampleFields = { name: slaPolicyDefineExample.name, selector: slaPolicyDefineExample.selector, calendar: slaPolicyDefineExample.calendar, metrics: slaPolicyDefineExample.metrics };

const editBody = z.strictObject({
  ...slaPolicyFields,
  effectiveFrom: rfc3339.optional().describe('When the version takes effect; default: when the SLA monitor records it. Not before the latest version.'),
  baseVersion: z.number().int().min(1).optional().describe('The version the edit was made on; default: the latest the gateway knows. Another version first: refused (`SLA_POLICY.VERSION_CONFLICT`).'),
});

const instant = rfc3339;
export const previewBody = z
  .strictObject({
    policyId: codeId.optional().describe('A stored policy: its version in force at `start` (its latest if none was), or `version`.'),
    version: z.number().int().min(1).optional(),
    policy: z.strictObject(slaPolicyFields).optional().describe('Or an unsaved policy, validated like a new one.'),
    start: instant.describe('The clock start: the ticket\'s reportedAt when earlier than intake.'),
    pauses: z.array(z.strictObject({ from: instant, to: instant.nullable() })).max(100).optional().describe('Approved suspensions and holds; `to: null` still going on.'),
    completedAt: instant.optional().describe('Starts the metrics counted from completion (callback).'),
    handedOverAt: instant.optional().describe('Starts the metrics counted from a hand-over (OLA).'),
  })
  .superRefine((v, ctx) => {
    if ((v.policyId === undefined) === (v.policy === undefined)) ctx.addIssue({ code: 'custom', path: ['policyId'], message: 'give either policyId or policy' });
    if (v.version !== undefined && v.policyId === undefined) ctx.addIssue({ code: 'custom', path: ['version'], message: 'a version belongs to a policyId' });
  });

const at = z.string().nullable();
const previewView = z.object({
  policyId: z.string(),
  version: z.number().int().nullable(),
  metrics: z.array(
    z.object({
      metric: z.string(),
      startsOn: z.string(),
      startedAt: at,
      targetMs: z.number().nullable(),
      dueAt: at.describe('The last instant still within the target; null when not started or held by an open pause.'),
      warnings: z.array(z.object({ fraction: z.number(), at })),
      escalations: z.array(z.object({ level: z.string(), notify: z.string(), dispatchAction: z.string(), at })),
    }),
  ),
});

export const slaPolicyRoutes = {
  listSlaPolicies: {
    operationId: 'listSlaPolicies',
    method: 'get',
    path: '/v1/sla-policies',
    tag: 'sla',
    summary: 'SLA policies, each at its latest version',
    description: 'The defaults of domain.md §4 (version 1, `builtIn`) and every policy defined since; each with the list of its versions.',
    responses: { 200: { description: 'By policy id.', schema: z.object({ items: z.array(slaPolicyView) }) } },
  },
  getSlaPolicy: {
    operationId: 'getSlaPolicy',
    method: 'get',
    path: '/v1/sla-policies/{id}',
    tag: 'sla',
    summary: 'An SLA policy: its latest version, or the one asked for',
    params: z.strictObject({ id: codeId }),
    query: z.strictObject({ version: z.coerce.number().int().min(1).optional() }),
    responses: { 200: { description: 'The policy version.', schema: slaPolicyView }, 404: { description: 'No such policy or version (yet).', schema: errorBody } },
  },
  createSlaPolicy: {
    operationId: 'createSlaPolicy',
    method: 'post',
    path: '/v1/sla-policies',
    tag: 'sla',
    summary: 'Define a new SLA policy (its version 1)',
    description:
      'Checked at once with the SLA monitor\'s rules (400 with one reason per problem: `BAD_TARGET`, `BAD_CALENDAR`, `UNKNOWN_SELECTOR_VALUE`, …), then sent as ' +
      '`sla-policy.define` on `sla.commands.v1`. It appears under its Location once the SLA monitor has stored it; clocks started from its `effectiveFrom` on follow it.',
    body: editBody.omit({ baseVersion: true }).extend({ id: codeId.describe('kebab-case, chosen by the caller') }),
    bodyExample: { id: slaPolicyDefineExample.policyId, ...exampleFields },
    responses: {
      202: { description: 'The command was sent.', headers: { Location: '`/v1/sla-policies/{id}`' }, schema: z.object({ ...commandSent, policyId: z.string(), version: z.number().int() }) },
      400: { description: 'The policy breaks a rule; one reason per problem.', schema: errorBody },
      409: { description: 'A policy with this id exists: edit it with PUT.', schema: errorBody },
    },
  },
  editSlaPolicy: {
    operationId: 'editSlaPolicy',
    method: 'put',
    path: '/v1/sla-policies/{id}',
    tag: 'sla',
    summary: 'Edit an SLA policy: its next version (the old versions stay for the clocks that follow them)',
    description: 'The whole policy as it should be; `retired: true` ends it from `effectiveFrom`. Checked and sent like a new policy.',
    params: z.strictObject({ id: codeId }),
    body: editBody,
    bodyExample: exampleFields,
    responses: {
      202: { description: 'The command was sent.', headers: { Location: '`/v1/sla-policies/{id}`' }, schema: z.object({ ...commandSent, policyId: z.string(), version: z.number().int() }) },
      400: { description: 'The policy breaks a rule; one reason per problem.', schema: errorBody },
      404: { description: 'No such policy (yet).', schema: errorBody },
    },
  },
  previewSlaPolicy: {
    operationId: 'previewSlaPolicy',
    method: 'post',
    path: '/v1/sla-policies/preview',
    tag: 'sla',
    summary: 'When will this breach? Every metric\'s due, warning and escalation instants',
    description:
      'For a stored policy (by id) or an unsaved one, from a clock start, with optional pauses: each metric\'s instants in business time on its calendar. ' +
      'Pauses extend only pausable metrics (resolution, on site), never first response. Unscaled (SLA_TIME_SCALE applies to running clocks only).',
    body: previewBody,
    bodyExample: { policyId: 'complaint-written', start: '2026-11-27T07:00:00Z', pauses: [{ from: '2026-11-27T08:00:00Z', to: '2026-11-27T09:00:00Z' }] },
    responses: { 200: { description: 'The instants, per metric of the policy.', schema: previewView }, 400: { description: 'The inline policy breaks a rule.', schema: errorBody }, 404: { description: 'No such policy or version.', schema: errorBody } },
  },
} as const satisfies Record<string, ApiRoute>;
