import { z } from 'zod';
import { absenceRecordSchema, callbackOutcomes, complaintAttributeSchema, cellRowSchema, checkKnownIssueFields, checkRotaSet, isoWeek, rotaSetSchema, incidentResolveSchema, id as codeId, knownIssueFields, knownIssueKinds, knownIssueOpenExample, remoteSupportReleaseSchema, remoteSupportResolveSchema, holdReasons, resolutionCodes, ticketClasses, ticketResolutions, surveyAnswerSchema, surveySmsReplyExample, surveySmsReplySchema, technicianRegisterExample, technicianRegisterSchema, ticketReceivedExample, ticketReceivedSchema, Topics, buildPlanEntrySchema, complaintReplySchema, complaintTransferSchema } from '@switchboard/contracts';
import { KeyRoles, ROLE_OPERATIONS } from '../auth/roles';
import { assignmentActions, ShownTicketStates } from '../domain/ticket-progress';
import { kpiRoutes } from '../kpis/kpi.routes';
import { slaPolicyRoutes } from '../sla-policies/sla-policy.routes';
import { customerContactRoutes } from '../surveys/customer-contact.routes';
import { userRoutes } from '../users/user.routes';
import { appointmentRoutes } from '../approvals/approval.routes';

/**
 * The gateway's HTTP API, declared once: the controllers validate with these schemas
 * (`parseOr422(ApiRoutes.x.body, body)`) and `openapi.ts` builds `GET /docs/openapi.json` from
 * them. A route a controller registers but this table lacks fails `api-routes.spec.ts`.
 */

/** The error body of every gateway failure (`http/validation.ts`, `ApiError`). */
export const apiErrorSchema = z
  .object({
    error: z.string().describe('A stable code, e.g. VALIDATION_FAILED, AUTH.MISSING_KEY, TICKET.NOT_FOUND.'),
    message: z.string().describe('A sentence for people.'),
    reasons: z.array(z.object({ path: z.string(), code: z.string(), message: z.string() })).optional().describe('One reason per invalid field (422 only).'),
  })
  .meta({ id: 'ApiError' });

export interface ApiResponse {
  description: string;
  /** JSON body; omitted for non-JSON bodies (give `contentType`). */
  schema?: z.ZodType;
  contentType?: string;
  headers?: Record<string, string>;
}

export interface ApiRoute {
  operationId: string;
  method: 'get' | 'post' | 'put';
  /** OpenAPI form: `/v1/tickets/{id}`. */
  path: string;
  tag: string;
  summary: string;
  description?: string;
  /** No API key needed (ApiKeyGuard's PUBLIC_PATHS). */
  public?: true;
  params?: z.ZodObject;
  query?: z.ZodObject;
  body?: z.ZodType;
  /** The request body's media type when it is not JSON (e.g. `text/csv`; `body` then describes it as a string). */
  bodyContentType?: string;
  bodyExample?: unknown;
  /** Success and route-specific failures; 401 and 422 are added from `public`, `params`, `query` and `body`. */
  responses: Record<number, ApiResponse>;
}

const uuidParams = z.strictObject({ id: z.uuid() });
const nullableString = z.string().nullable();

const ticketView = z
  .object({
    id: z.uuid(),
    source: nullableString,
    externalId: nullableString,
    /** The ticket's progress, or intake's interception over it (held / answered / resolved). */
    state: z.enum(ShownTicketStates),
    kind: nullableString,
    service: nullableString,
    channel: nullableString,
    region: nullableString,
    county: nullableString,
    zone: nullableString,
    customerTier: nullableString,
    owner: nullableString,
    reportedAt: nullableString,
    acceptedAt: nullableString,
    updatedAt: z.string(),
    warned: z.boolean(),
    breached: z.boolean(),
    /** Intake found a repeat fault (the same customer line and service again within the window after a completed repair). */
    repeatFault: z.boolean(),
    /** Intake's sorting: null until the ticket was triaged. */
    class: z.enum(ticketClasses).nullable(),
    priority: z.number().int().min(0).max(100).nullable(),
    /** The known issue or the mass-complaint incident intake linked the ticket to (issue 4). */
    knownIssueId: nullableString,
    incidentId: nullableString,
    /** An active hold away from dispatch: known-issue, incident or remote-support. */
    hold: z.object({ reason: z.enum(holdReasons), heldAt: z.string(), holdUntil: nullableString }).nullable(),
    /** Closed by intake without a technician's completion, with what the customer was told. */
    resolution: z
      .object({ resolution: z.enum(ticketResolutions), code: nullableString, reply: nullableString, intercepted: z.boolean(), resolvedAt: z.string() })
      .nullable(),
    assignment: z.object({ assignmentId: z.uuid(), technicianId: nullableString, state: nullableString }).nullable(),
    survey: z.object({ surveyId: z.uuid(), state: nullableString, verdict: nullableString }).nullable(),
  })
  .meta({ id: 'Ticket' });

/** The known-issue example without the id the gateway chooses. */
function withoutId<T extends { knownIssueId: string }>(example: T): Omit<T, 'knownIssueId'> {
  const copy: Partial<T> = { ...example };
  delete copy.knownIssueId;
  return copy as Omit<T, 'knownIssueId'>;
}

const commandSent = { commandId: z.uuid(), status: z.literal('sent') };

const knownIssueView = z
  .object({
    id: z.string(),
    kind: z.enum(knownIssueKinds),
    state: z.enum(['open', 'closed']),
    region: z.string(),
    area: z.object({ region: z.string(), county: z.string().optional(), zones: z.array(z.string()), cells: z.array(z.string()) }),
    services: z.array(z.string()),
    startsAt: z.string(),
    endsAt: nullableString,
    explanation: z.string(),
    expectedFixAt: nullableString,
    openedBy: z.string(),
    openedAt: z.string(),
    /** Open tickets the opening answered at once. */
    ticketsSwept: z.number().int(),
    closedAt: nullableString,
    closedBy: nullableString,
    note: nullableString,
    /** Held tickets the closing resolved. */
    ticketsClosed: z.number().int().nullable(),
    /** Tickets answered by this issue so far (new and swept). */
    linkedTickets: z.number().int(),
  })
  .meta({ id: 'KnownIssue' });
const incidentParams = z.strictObject({ id: codeId });
const incidentView = z
  .object({
    incidentId: z.string(),
    region: nullableString,
    complaintCategory: nullableString,
    cells: z.array(z.string()),
    state: z.enum(['open', 'resolved']),
    openedAt: nullableString,
    resolvedAt: nullableString,
    resolvedBy: nullableString,
    reply: nullableString,
    /** Child tickets grouped under it. */
    children: z.number().int(),
  })
  .meta({ id: 'Incident' });

// --- Access (issue 9, ADR 0024): API keys made by admins, and the audit log. ---

const apiKeyView = z
  .object({
    id: z.uuid(),
    name: z.string(),
    source: z.string(),
    role: z.string(),
    regions: z.array(z.string()).nullable().describe('The regions the key may act on; null: every region.'),
    operations: z.array(z.string()).nullable().describe("The operationIds the key may call within its role's; null: all of its role's."),
    rateLimitPerMinute: z.number().int().nullable().describe('Requests a minute (per gateway process); null: not limited (the bootstrap admin key).'),
    createdAt: z.string(),
    createdBy: z.uuid().nullable(),
    revokedAt: nullableString,
    revokedBy: z.uuid().nullable(),
  })
  .meta({ id: 'ApiKey' });

/** The key's operations must exist and lie within its role's; admin keys are not narrowed. */
function checkApiKeyScope(key: { role: (typeof KeyRoles)[number]; regions?: string[] | undefined; operations?: string[] | undefined }, ctx: z.RefinementCtx): void {
  if (key.role === 'admin') {
    if (key.regions) ctx.addIssue({ code: 'custom', path: ['regions'], message: 'an admin key acts on every region: leave regions out' });
    if (key.operations) ctx.addIssue({ code: 'custom', path: ['operations'], message: 'an admin key may call every operation: leave operations out' });
    return;
  }
  const known = new Set<string>(Object.values(ApiRoutes).map((r) => r.operationId));
  const ofRole = ROLE_OPERATIONS[key.role];
  (key.operations ?? []).forEach((op, i) => {
    if (!known.has(op)) ctx.addIssue({ code: 'custom', path: ['operations', i], message: `unknown operationId "${op}" (see /docs/openapi.json)` });
    else if (!ofRole.includes(op)) ctx.addIssue({ code: 'custom', path: ['operations', i], message: `a ${key.role} key may not call ${op} (its role allows ${ofRole.join(', ')})` });
  });
}

const uniqueList = (items: string[]) => new Set(items).size === items.length;

export const createApiKeySchema = z
  .strictObject({
    name: z.string().trim().min(1).max(200).describe('Who the key is for, e.g. "Hangzhou call centre".'),
    source: codeId.describe('The envelope `source` of what the key submits, e.g. `call-centre/hz-01`.'),
    role: z.enum(KeyRoles).describe('admin: everything; channel: call-centre and SMS-provider systems; bi: read-only; ops: regional operations (ADR 0024).'),
    regions: z.array(codeId).min(1).max(100).refine(uniqueList, 'each region once').optional().describe('Only tickets of these regions; leave out for every region.'),
    operations: z.array(z.string().min(1).max(100)).min(1).max(200).refine(uniqueList, 'each operation once').optional().describe("Only these operationIds of the role's."),
    rateLimitPerMinute: z.number().int().min(1).max(1_000_000).optional().describe('Defaults to API_KEY_RATE_LIMIT_PER_MINUTE.'),
  })
  .superRefine(checkApiKeyScope);

export const ApiRoutes = {
  submitTicket: {
    operationId: 'submitTicket',
    method: 'post',
    path: '/v1/tickets',
    tag: 'tickets',
    summary: 'Raise a ticket',
    description:
      'Validated like the Kafka ingress (`ticket.received`), then published to `tickets.inbound.v1` with the caller\'s source. ' +
      'The ticket id follows from (source, externalId), so a resubmission gets the same id.',
    body: ticketReceivedSchema,
    bodyExample: ticketReceivedExample,
    responses: {
      202: {
        description: 'Received; intake accepts or rejects it asynchronously.',
        headers: { Location: '`/v1/tickets/{ticketId}`' },
        schema: z.object({ ticketId: z.uuid(), externalId: z.string(), source: z.string(), status: z.literal('received'), topic: z.literal(Topics.TicketsInbound) }),
      },
    },
  },
  listTickets: {
    operationId: 'listTickets',
    method: 'get',
    path: '/v1/tickets',
    tag: 'tickets',
    summary: 'List tickets',
    description: 'By region, state, breach, or the caller\'s own reference (source + externalId), newest first.',
    query: z.strictObject({
      region: z.string().max(64).optional(),
      state: z.enum(ShownTicketStates).optional(),
      breached: z.enum(['true', 'false']).optional(),
      source: z.string().max(200).optional(),
      externalId: z.string().max(64).optional(),
      limit: z.coerce.number().int().min(1).max(200).default(50),
      offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
    }),
    responses: {
      200: { description: 'One page of tickets.', schema: z.object({ items: z.array(ticketView), total: z.number().int(), limit: z.number().int(), offset: z.number().int() }) },
    },
  },
  getTicket: {
    operationId: 'getTicket',
    method: 'get',
    path: '/v1/tickets/{id}',
    tag: 'tickets',
    summary: 'A ticket with its SLA clocks and timeline',
    description: 'The ticket\'s state, its SLA clocks and every event about it, in order. A ticket appears once intake has accepted it.',
    params: uuidParams,
    responses: {
      200: {
        description: 'The ticket.',
        schema: z.object({
          ticket: ticketView,
          clocks: z.array(z.object({ clockId: z.uuid(), metric: z.string(), startedAt: z.string(), warnAt: z.string(), dueAt: z.string(), state: z.string(), warned: z.boolean(), breached: z.boolean(), met: z.boolean().nullable(), stoppedAt: nullableString })),
          timeline: z.array(z.object({ eventId: z.uuid(), type: z.string(), time: z.string(), source: z.string(), data: z.unknown() })),
        }),
      },
      404: { description: 'No such ticket (yet).', schema: apiErrorSchema },
    },
  },
  listRejections: {
    operationId: 'listRejections',
    method: 'get',
    path: '/v1/rejections',
    tag: 'tickets',
    summary: 'Why intake refused a ticket',
    description: 'For Kafka-only systems: look up a refused submission by source and externalId.',
    query: z.strictObject({
      source: z.string().max(200).optional(),
      externalId: z.string().max(200).optional(),
      limit: z.coerce.number().int().min(1).max(200).default(50),
    }),
    responses: {
      200: {
        description: 'The newest rejections first.',
        schema: z.object({
          items: z.array(z.object({ eventId: z.uuid(), source: nullableString, externalId: nullableString, region: nullableString, reasons: z.array(z.object({ path: z.string(), code: z.string(), message: z.string() })), time: z.string() })),
        }),
      },
    },
  },
  assignmentAction: {
    operationId: 'actOnAssignment',
    method: 'post',
    path: '/v1/assignments/{id}/{action}',
    tag: 'assignments',
    summary: 'A technician action on an assignment',
    description:
      'accept, contact (the customer: first response), arrive, complete (needs `resolutionCode`). Sent to dispatch as a command on ' +
      '`dispatch.commands.v1`; a transition dispatch refuses shows in the ticket\'s timeline as `command.rejected`.',
    params: z.strictObject({ id: z.uuid(), action: z.enum(assignmentActions) }),
    body: z.strictObject({
      resolutionCode: z.enum(resolutionCodes).optional().describe('Required for `complete`.'),
      note: z.string().max(2000).optional(),
    }),
    bodyExample: { resolutionCode: 'fixed', note: 'Replaced the ONT power supply' },
    responses: {
      202: { description: 'The command was sent.', schema: z.object({ ...commandSent, assignmentId: z.uuid(), ticketId: z.uuid(), action: z.enum(assignmentActions) }) },
      403: { description: "The caller's role may not call it (`AUTH.FORBIDDEN`), or a technician acts on another technician's assignment (`AUTH.NOT_YOUR_ASSIGNMENT`).", schema: apiErrorSchema },
      404: { description: 'No such assignment.', schema: apiErrorSchema },
      409: { description: 'The assignment is in a state that does not allow the action.', schema: apiErrorSchema },
    },
  },
  openKnownIssue: {
    operationId: 'openKnownIssue',
    method: 'post',
    path: '/v1/known-issues',
    tag: 'known-issues',
    summary: 'Open a known issue (outage, maintenance, weak coverage)',
    description:
      'Sent to intake as `known-issue.open` on `intake.commands.v1` under an id the gateway chooses. From then on a new repair or complaint whose ' +
      'service and place lie inside it is answered at once with the explanation instead of dispatched (a repair during an `outage` is held until ' +
      'the issue closes; the rest are archived), and the tickets already open inside it are swept the same way. Installs and moves are never ' +
      'answered this way: they are new work, not faults. No zones and no cells: the whole region (or county).',
    body: z.strictObject({ ...knownIssueFields, openedBy: z.string().min(1).max(200).optional().describe('Defaults to the caller.') }).superRefine(checkKnownIssueFields),
    bodyExample: withoutId(knownIssueOpenExample),
    responses: {
      202: {
        description: 'The command was sent; the issue appears under its Location once intake has opened it.',
        headers: { Location: '`/v1/known-issues/{knownIssueId}`' },
        schema: z.object({ ...commandSent, knownIssueId: z.string() }),
      },
    },
  },
  listKnownIssues: {
    operationId: 'listKnownIssues',
    method: 'get',
    path: '/v1/known-issues',
    tag: 'known-issues',
    summary: 'Known issues, by region and state',
    query: z.strictObject({
      region: z.string().max(64).optional(),
      state: z.enum(['open', 'closed']).optional(),
      limit: z.coerce.number().int().min(1).max(200).default(50),
      offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
    }),
    responses: { 200: { description: 'The newest opened first.', schema: z.object({ items: z.array(knownIssueView), total: z.number().int(), limit: z.number().int(), offset: z.number().int() }) } },
  },
  getKnownIssue: {
    operationId: 'getKnownIssue',
    method: 'get',
    path: '/v1/known-issues/{id}',
    tag: 'known-issues',
    summary: 'A known issue with its counts',
    params: z.strictObject({ id: codeId }),
    responses: {
      200: { description: 'The known issue.', schema: knownIssueView },
      404: { description: 'No such known issue (yet: it appears once intake has opened it).', schema: apiErrorSchema },
    },
  },
  closeKnownIssue: {
    operationId: 'closeKnownIssue',
    method: 'post',
    path: '/v1/known-issues/{id}/close',
    tag: 'known-issues',
    summary: 'Close a known issue (it is fixed)',
    description: 'Sent to intake as `known-issue.close`: the tickets held for it are resolved (`known-issue-closed`) and their customers notified again with the note.',
    params: z.strictObject({ id: codeId }),
    body: z.strictObject({ note: z.string().min(1).max(2000).optional().describe('Added to the customers\' second notice.') }),
    bodyExample: { note: 'The fibre was spliced at 17:20; restart your modem if the light is still red.' },
    responses: {
      202: { description: 'The command was sent.', schema: z.object({ ...commandSent, knownIssueId: z.string() }) },
      404: { description: 'No such known issue.', schema: apiErrorSchema },
      409: { description: 'The known issue is already closed.', schema: apiErrorSchema },
    },
  },
  registerTechnicians: {
    operationId: 'registerTechnicians',
    method: 'post',
    path: '/v1/technicians',
    tag: 'technicians',
    summary: 'Register or update technicians (1–1000)',
    description: 'Each one becomes a `technician.register` command on `dispatch.commands.v1`.',
    body: z.strictObject({ technicians: z.array(technicianRegisterSchema).min(1).max(1000) }),
    bodyExample: { technicians: [technicianRegisterExample] },
    responses: { 202: { description: 'The commands were sent.', schema: z.object({ accepted: z.number().int() }) } },
  },
  listTechnicians: {
    operationId: 'listTechnicians',
    method: 'get',
    path: '/v1/technicians',
    tag: 'technicians',
    summary: 'The roster, by region',
    query: z.strictObject({ region: z.string().max(64).optional() }),
    responses: { 200: { description: 'Technicians as dispatch registered them (`technician.registered`).', schema: z.object({ items: z.array(z.unknown()) }) } },
  },
  getRota: {
    operationId: 'getRota',
    method: 'get',
    path: '/v1/technicians/rota',
    tag: 'technicians',
    summary: "A group's rest rota for a week, with absences",
    description:
      "Each technician of the group with their rest days and approved absences in the ISO week (Monday first), as dispatch announced them (`rota.updated`, `absence.recorded`). " +
      '`generated: false` means the group has no rota for that week yet (ADR 0016: nobody rests until a supervisor switches it on with `PUT /v1/technicians/rota`).',
    query: z.strictObject({ group: codeId, week: isoWeek }),
    responses: {
      200: {
        description: 'The rota of the week.',
        schema: z.object({
          group: z.string(),
          week: z.string(),
          days: z.array(z.string()),
          generated: z.boolean(),
          updatedAt: nullableString,
          technicians: z.array(
            z.object({
              technicianId: z.string(),
              name: nullableString,
              restDays: z.array(z.string()),
              absences: z.array(z.object({ absenceId: z.uuid(), from: z.string(), to: z.string(), reason: z.string() })),
            }),
          ),
        }),
      },
    },
  },
  setRota: {
    operationId: 'setRota',
    method: 'put',
    path: '/v1/technicians/rota',
    tag: 'technicians',
    summary: "Set technicians' rest days in a group's rota for a week",
    description:
      'Sent to dispatch as `rota.set` on `dispatch.commands.v1`. The week\'s rota is generated first if the group has none (one rest day each, ' +
      'about one technician resting a day); the named technicians get the given days, the others keep theirs. An empty `restDays` only generates. ' +
      'From then on a technician resting on the business date (DISPATCH_TIME_ZONE) is never dispatched. A technician not in the group shows as `command.rejected` in the stream.',
    body: rotaSetSchema.pick({ group: true, week: true, restDays: true }).superRefine(checkRotaSet),
    bodyExample: { group: 'xihu-a', week: '2026-W48', restDays: [{ technicianId: 'T-XH-01', days: ['2026-11-28'] }] },
    responses: {
      202: { description: 'The command was sent.', schema: z.object({ ...commandSent, group: z.string(), week: z.string() }) },
      422: { description: 'The body is not valid, e.g. a technician would have no rest day that week, or a day lies outside the week.', schema: apiErrorSchema },
    },
  },
  recordAbsence: {
    operationId: 'recordAbsence',
    method: 'post',
    path: '/v1/technicians/{id}/absences',
    tag: 'technicians',
    summary: 'Record an approved absence of a technician',
    description: 'Sent to dispatch as `absence.record` on `dispatch.commands.v1`: the technician is not dispatched from `from` to `to` (both included, business dates).',
    params: z.strictObject({ id: codeId }),
    body: absenceRecordSchema
      .pick({ from: true, to: true, reason: true })
      .refine((a) => a.from <= a.to, { path: ['to'], message: '`to` must be the same as or later than `from`' }),
    bodyExample: { from: '2026-11-24', to: '2026-11-26', reason: 'sick leave' },
    responses: {
      202: { description: 'The command was sent.', schema: z.object({ ...commandSent, absenceId: z.uuid(), technicianId: z.string() }) },
      404: { description: 'No such technician.', schema: apiErrorSchema },
      422: { description: 'The body is not valid.', schema: apiErrorSchema },
    },
  },
  answerSurvey: {
    operationId: 'answerSurvey',
    method: 'post',
    path: '/v1/surveys/{id}/answers',
    tag: 'surveys',
    summary: 'Answer a callback survey',
    description: 'The four telecom callback questions, 1–5 each; sent to callback as `survey.answer` on `callback.commands.v1`. Answers that do not fit the questionnaire are refused with 422 and one reason per question carrying the questionnaire\'s code (`SURVEY_ANSWER.OUT_OF_RANGE`, `WRONG_TYPE`, `MISSING_ANSWER`, `UNKNOWN_QUESTION`, …), as callback refuses them on Kafka.',
    params: uuidParams,
    body: surveyAnswerSchema.pick({ answers: true, comment: true }),
    bodyExample: { answers: { contactTimeliness: 5, appointmentKeeping: 4, technicalLevel: 5, serviceAttitude: 5 }, comment: 'Quick and polite' },
    responses: {
      202: { description: 'The answers were sent.', schema: z.object({ ...commandSent, surveyId: z.uuid(), ticketId: z.uuid() }) },
      404: { description: 'No such survey.', schema: apiErrorSchema },
      409: { description: 'The survey has been answered (`SURVEY.ALREADY_ANSWERED`) or closed unanswered (`SURVEY.CLOSED`).', schema: apiErrorSchema },
    },
  },
  receiveSmsReply: {
    operationId: 'receiveSmsReply',
    method: 'post',
    path: '/v1/webhooks/sms/inbound',
    tag: 'surveys',
    summary: 'Inbound SMS webhook: a customer\'s text reply to a survey',
    description:
      "The SMS provider posts each inbound message here (one JSON object, the format below). The reply is sent to callback as `survey.sms-reply` on `callback.commands.v1`, which matches it to the newest SMS survey waiting for an answer from that number and reads it as one digit per question in the questionnaire's order (`5455`; spaces, commas and dashes between digits are allowed). A reply that matches no survey or cannot be read is refused there (`command.rejected`; the customer is asked again by SMS). The same `messageId` posted twice is one command.",
    body: surveySmsReplySchema,
    bodyExample: surveySmsReplyExample,
    responses: {
      202: { description: 'The reply was sent to callback.', schema: z.object({ ...commandSent, messageId: z.string() }) },
    },
  },
  listCallbacks: {
    operationId: 'listCallbacks',
    method: 'get',
    path: '/v1/callbacks',
    tag: 'callbacks',
    summary: 'The phone callback work queue',
    description:
      'Phone callbacks after a resolution (CALLBACK_PHONE_KINDS), for callback agents. `state=due` (the default): attempts due now and nobody on them, oldest due first; ' +
      '`claimed`: being called; `open`: both, and those not due yet (the delay, or the customer\'s night). Each item carries the customer\'s contact to call.',
    query: z.strictObject({
      state: z.enum(['due', 'claimed', 'open']).default('due'),
      region: z.string().max(64).optional(),
      limit: z.coerce.number().int().min(1).max(200).default(50),
      offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
    }),
    responses: {
      200: {
        description: 'One page of callbacks.',
        schema: z.object({
          items: z.array(
            z.object({
              surveyId: z.uuid(),
              ticketId: z.uuid(),
              externalId: nullableString,
              region: z.string(),
              kind: nullableString,
              questionnaire: z.string(),
              state: z.enum(['queued', 'claimed']),
              attempt: z.number().int(),
              dueAt: z.string(),
              closesAt: z.string(),
              deferredForQuietHours: z.boolean(),
              claimedBy: nullableString,
              contact: z.object({ name: nullableString, phone: nullableString }),
            }),
          ),
          total: z.number().int(),
          limit: z.number().int(),
          offset: z.number().int(),
        }),
      },
    },
  },
  claimCallback: {
    operationId: 'claimCallback',
    method: 'post',
    path: '/v1/callbacks/{id}/claim',
    tag: 'callbacks',
    summary: 'Take a due phone callback',
    description:
      'Sent to callback as `callback.claim` (the agent is the API caller). Callback decides: a callback another agent took first, or not due, gets `command.rejected` ' +
      '(`CALLBACK.ALREADY_CLAIMED`, `CALLBACK.NOT_DUE`) in the ticket\'s timeline; a claim shows as `callback.claimed`.',
    params: uuidParams,
    body: z.strictObject({}),
    bodyExample: {},
    responses: {
      202: { description: 'The command was sent.', schema: z.object({ ...commandSent, surveyId: z.uuid(), ticketId: z.uuid(), action: z.literal('claim') }) },
      404: { description: 'No such phone callback (`CALLBACK.NOT_FOUND`).', schema: apiErrorSchema },
      409: { description: 'Answered or closed (`CALLBACK.CLOSED`), taken by another agent (`CALLBACK.ALREADY_CLAIMED`) or not due yet (`CALLBACK.NOT_DUE`).', schema: apiErrorSchema },
    },
  },
  recordCallbackOutcome: {
    operationId: 'recordCallbackOutcome',
    method: 'post',
    path: '/v1/callbacks/{id}/outcome',
    tag: 'callbacks',
    summary: 'Record how a phone callback went',
    description:
      'Sent to callback as `callback.record-outcome` by the agent who claimed it. `answered` with the customer\'s answers to the questionnaire (question id → value): ' +
      'scored like a survey answer (`survey.completed`, then the unsatisfied loop); answers the questionnaire cannot score go to `callback.commands.v1.dlq` with a reason per field. ' +
      '`no-answer`: `callback.no-answer`, then another attempt (`callback.queued`, retry spacing, never at night) or `survey.unreachable` at the attempt limit or the validity window\'s end.',
    params: uuidParams,
    body: z
      .strictObject({
        outcome: z.enum(callbackOutcomes),
        answers: z.record(z.string().min(1).max(100), z.union([z.number(), z.string().max(10_000)])).optional(),
        comment: z.string().max(2000).optional(),
      })
      .refine((c) => (c.outcome === 'answered') === (c.answers !== undefined), { message: 'answers are given exactly when the outcome is answered', path: ['answers'] }),
    bodyExample: { outcome: 'answered', answers: { contactTimeliness: 5, appointmentKeeping: 4, technicalLevel: 5, serviceAttitude: 5 } },
    responses: {
      202: { description: 'The command was sent.', schema: z.object({ ...commandSent, surveyId: z.uuid(), ticketId: z.uuid(), action: z.literal('outcome') }) },
      404: { description: 'No such phone callback (`CALLBACK.NOT_FOUND`).', schema: apiErrorSchema },
      409: { description: 'Answered or closed (`CALLBACK.CLOSED`), or not claimed by the caller (`CALLBACK.NOT_CLAIMED`).', schema: apiErrorSchema },
    },
  },
  listRemoteSupport: {
    operationId: 'listRemoteSupport',
    method: 'get',
    path: '/v1/remote-support',
    tag: 'remote-support',
    summary: 'The remote support queue',
    description:
      'Tickets intake holds for remote pre-handling (REMOTE_SUPPORT_KINDS) before dispatch, oldest first, with the end of each hold. ' +
      'A ticket leaves the queue when an agent resolves or releases it, or its hold ends (it then goes to dispatch by itself).',
    query: z.strictObject({
      region: z.string().max(64).optional(),
      limit: z.coerce.number().int().min(1).max(200).default(50),
      offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
    }),
    responses: {
      200: {
        description: 'One page of held tickets.',
        schema: z.object({
          items: z.array(
            z.object({
              ticketId: z.uuid(),
              externalId: nullableString,
              source: nullableString,
              region: z.string(),
              kind: nullableString,
              service: nullableString,
              class: z.enum(ticketClasses).nullable(),
              priority: z.number().int().nullable(),
              heldAt: z.string(),
              holdUntil: z.string(),
            }),
          ),
          total: z.number().int(),
          limit: z.number().int(),
          offset: z.number().int(),
        }),
      },
    },
  },
  resolveRemotely: {
    operationId: 'resolveRemotely',
    method: 'post',
    path: '/v1/remote-support/{ticketId}/resolve',
    tag: 'remote-support',
    summary: 'Resolve a held ticket remotely',
    description:
      'Sent to intake as `remote-support.resolve` on `intake.commands.v1`: the ticket is closed without a technician (`ticket.resolved`, resolved-remotely, ' +
      'counted as interception) and the customer is told the note by SMS. A ticket whose hold ended meanwhile gets `command.rejected` in its timeline.',
    params: z.strictObject({ ticketId: z.uuid() }),
    body: remoteSupportResolveSchema.pick({ code: true, note: true }),
    bodyExample: { code: 'line-reset', note: 'We reset your line remotely; your broadband is working again.' },
    responses: {
      202: { description: 'The command was sent.', schema: z.object({ ...commandSent, ticketId: z.uuid(), action: z.literal('resolve') }) },
      404: { description: 'The ticket is not in the remote support queue.', schema: apiErrorSchema },
      409: { description: 'The ticket has left the queue (resolved, released or its hold ended).', schema: apiErrorSchema },
    },
  },
  releaseToDispatch: {
    operationId: 'releaseToDispatch',
    method: 'post',
    path: '/v1/remote-support/{ticketId}/release',
    tag: 'remote-support',
    summary: 'Release a held ticket to dispatch',
    description: 'Sent to intake as `remote-support.release` on `intake.commands.v1`: intake hands the ticket to dispatch (`ticket.dispatch-requested`, released-by-remote-support).',
    params: z.strictObject({ ticketId: z.uuid() }),
    body: remoteSupportReleaseSchema.pick({ note: true }),
    bodyExample: { note: 'The ONT shows no light: needs a site visit.' },
    responses: {
      202: { description: 'The command was sent.', schema: z.object({ ...commandSent, ticketId: z.uuid(), action: z.literal('release') }) },
      404: { description: 'The ticket is not in the remote support queue.', schema: apiErrorSchema },
      409: { description: 'The ticket has left the queue (resolved, released or its hold ended).', schema: apiErrorSchema },
    },
  },
  stream: {
    operationId: 'stream',
    method: 'get',
    path: '/v1/stream',
    tag: 'stream',
    summary: 'Every platform event, live (server-sent events)',
    description: '`event: <type>`, `id: <event id>`, `data: <envelope>` (the envelopes of the AsyncAPI document, libs/contracts/asyncapi.json).',
    query: z.strictObject({
      region: z.string().max(64).optional(),
      types: z.string().max(2000).optional().describe('Comma-separated event types.'),
    }),
    responses: { 200: { description: 'An endless stream of events.', contentType: 'text/event-stream' } },
  },
  importCells: {
    operationId: 'importCells',
    method: 'post',
    path: '/v1/cells',
    tag: 'reference data',
    summary: 'Import radio cells from CSV (upsert)',
    description:
      'Header `cellId,region,lat,lon,neighbours` (any order; `cell_id` accepted), one cell a line, neighbours `;`-separated or empty (then ' +
      'distance decides adjacency). At most 5 MB / 50,000 rows. The whole file is checked first: any bad row gives 422 with one reason per ' +
      'bad field (`line <n>.<column>`) and nothing is imported. Sent to intake as `cells.import` commands of ≤ 1,000 rows on `intake.commands.v1`; ' +
      'once cells are loaded, a ticket naming an unknown cell is rejected (`LOCATION.UNKNOWN_CELL`).',
    body: z.string(),
    bodyContentType: 'text/csv',
    bodyExample: 'cellId,region,lat,lon,neighbours\nHZ-XH-0701,hangzhou,30.259,120.13,HZ-XH-0702;HZ-XH-0703\n',
    responses: {
      202: { description: 'The import commands were sent.', schema: z.object({ batchId: z.string(), rows: z.number().int(), commands: z.number().int() }) },
      413: { description: 'The file is larger than 5 MB.', schema: apiErrorSchema },
      415: { description: 'Not sent as text/csv.', schema: apiErrorSchema },
    },
  },
  listCells: {
    operationId: 'listCells',
    method: 'get',
    path: '/v1/cells',
    tag: 'reference data',
    summary: 'The radio cells intake has loaded',
    query: z.strictObject({
      region: z.string().max(64).optional(),
      limit: z.coerce.number().int().min(1).max(1000).default(200),
      offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
    }),
    responses: { 200: { description: 'One page of cells, by cell id.', schema: z.object({ items: z.array(cellRowSchema), total: z.number().int(), limit: z.number().int(), offset: z.number().int() }) } },
  },
  importAreas: {
    operationId: 'importAreas',
    method: 'post',
    path: '/v1/areas',
    tag: 'reference data',
    summary: 'Import the geography of regions, counties and zones from CSV (upsert)',
    description:
      'Header `region,county,zone`, one service zone a line (a zone once per region). Checked and sent like `/v1/cells` (`areas.import`). ' +
      'Once geography is loaded, a ticket in an unknown region, county or zone is rejected (`LOCATION.UNKNOWN_REGION`, `…_COUNTY`, `…_ZONE`, `LOCATION.ZONE_NOT_IN_COUNTY`).',
    body: z.string(),
    bodyContentType: 'text/csv',
    bodyExample: 'region,county,zone\nhangzhou,xihu,xihu-01\nhangzhou,gongshu,gongshu-01\n',
    responses: {
      202: { description: 'The import commands were sent.', schema: z.object({ batchId: z.string(), rows: z.number().int(), commands: z.number().int() }) },
      413: { description: 'The file is larger than 5 MB.', schema: apiErrorSchema },
      415: { description: 'Not sent as text/csv.', schema: apiErrorSchema },
    },
  },
  listAreas: {
    operationId: 'listAreas',
    method: 'get',
    path: '/v1/areas',
    tag: 'reference data',
    summary: 'The regions, counties and zones intake has loaded',
    query: z.strictObject({ region: z.string().max(64).optional() }),
    responses: { 200: { description: 'Every zone, by region and county.', schema: z.object({ items: z.array(z.object({ region: z.string(), county: z.string(), zone: z.string() })) }) } },
  },
  listIncidents: {
    operationId: 'listIncidents',
    method: 'get',
    path: '/v1/incidents',
    tag: 'incidents',
    summary: 'Mass-complaint incidents, open first',
    description: 'Opened by intake when more than 5 complaints of one category come from up to 3 adjacent cells within an hour (configurable); each with its number of child tickets.',
    query: z.strictObject({
      region: z.string().max(64).optional(),
      state: z.enum(['open', 'resolved']).optional(),
      limit: z.coerce.number().int().min(1).max(200).default(50),
    }),
    responses: { 200: { description: 'Open incidents first, then the newest.', schema: z.object({ items: z.array(incidentView) }) } },
  },
  getIncident: {
    operationId: 'getIncident',
    method: 'get',
    path: '/v1/incidents/{id}',
    tag: 'incidents',
    summary: 'An incident with its child tickets',
    params: incidentParams,
    responses: {
      200: {
        description: 'The incident.',
        schema: z.object({
          incident: incidentView,
          children: z.array(z.object({ ticketId: z.uuid(), joinedAt: z.string(), externalId: nullableString, zone: nullableString, state: nullableString })),
        }),
      },
      404: { description: 'No such incident.', schema: apiErrorSchema },
    },
  },
  resolveIncident: {
    operationId: 'resolveIncident',
    method: 'post',
    path: '/v1/incidents/{id}/resolve',
    tag: 'incidents',
    summary: 'Resolve an incident with one reply for every child',
    description: 'Sent to intake as `incident.resolve` on `intake.commands.v1`: each child gets `ticket.resolved` (incident-resolved) with the reply and its customer an SMS.',
    params: incidentParams,
    body: incidentResolveSchema.pick({ reply: true }),
    bodyExample: { reply: 'A faulty antenna on the Xixi site was replaced at 14:20; coverage is back to normal.' },
    responses: {
      202: { description: 'The command was sent.', schema: z.object({ ...commandSent, incidentId: z.string() }) },
      404: { description: 'No such incident.', schema: apiErrorSchema },
      409: { description: 'The incident is resolved already.', schema: apiErrorSchema },
    },
  },
  health: {
    operationId: 'health',
    method: 'get',
    path: '/health',
    tag: 'operations',
    summary: 'Health (Kafka, PostgreSQL)',
    public: true,
    responses: { 200: { description: 'Healthy.', schema: z.object({ status: z.string() }).loose() }, 503: { description: 'A dependency is down.', schema: z.object({ status: z.string() }).loose() } },
  },
  metrics: {
    operationId: 'metrics',
    method: 'get',
    path: '/metrics',
    tag: 'operations',
    summary: 'Prometheus metrics',
    responses: { 200: { description: 'Prometheus text format.', contentType: 'text/plain' } },
  },
  openApi: {
    operationId: 'openApi',
    method: 'get',
    path: '/docs/openapi.json',
    tag: 'docs',
    summary: 'This document (OpenAPI 3.1)',
    public: true,
    responses: { 200: { description: 'The OpenAPI document, generated from this route table.', contentType: 'application/json' } },
  },
  docsPage: {
    operationId: 'docsPage',
    method: 'get',
    path: '/docs',
    tag: 'docs',
    summary: 'The API reference as a web page',
    public: true,
    responses: { 200: { description: 'A self-contained HTML page rendering /docs/openapi.json.', contentType: 'text/html' } },
  },
  ...slaPolicyRoutes,
  ...customerContactRoutes,
  ...userRoutes,
  attributeComplaint: {
    operationId: 'attributeComplaint',
    method: 'post',
    path: '/v1/complaint-findings',
    tag: 'scorecards',
    summary: 'Attribute a complaint to the technician who caused it',
    description:
      'Sent to scoring as `complaint.attribute` on `scoring.commands.v1` (ADR 0026): the finding counts in the technician\'s monthly complaint points ' +
      '(quality −1, safety/civility −2, resource −1, escalated −3, severe −10) in the month of `complainedAt` (UTC). The same `findingId` again replaces the finding; ' +
      'leave it out for a new one. A closed month is closed again with the correction (a new scorecard revision).',
    body: complaintAttributeSchema.omit({ attributedBy: true, findingId: true }).extend({ findingId: z.uuid().optional().describe('Give it to correct an earlier finding; a new one otherwise.') }),
    bodyExample: { ticketId: '5b0f8f4e-5d0c-4d7a-9a43-3e6f0c1a2b11', technicianId: 'T-XH-01', cause: 'quality', severity: 'general', complainedAt: '2026-11-24T06:00:00Z' },
    responses: {
      202: { description: 'The command was sent.', schema: z.object({ ...commandSent, findingId: z.uuid() }) },
      404: { description: 'No such ticket (or not in the key\'s regions).', schema: apiErrorSchema },
    },
  },
  ...kpiRoutes,
  ...appointmentRoutes,
  createApiKey: {
    operationId: 'createApiKey',
    method: 'post',
    path: '/v1/api-keys',
    tag: 'access',
    summary: 'Create an API key (admin)',
    description:
      'The plain key is in this answer only: the gateway stores its SHA-256 digest. A non-admin key may call only its role\'s operations ' +
      '(narrowed by `operations`), act on tickets of its `regions` only, and make `rateLimitPerMinute` requests a minute (429 `AUTH.RATE_LIMITED` with `Retry-After` beyond).',
    body: createApiKeySchema,
    bodyExample: { name: 'Hangzhou call centre', source: 'call-centre/hz-01', role: 'channel', regions: ['hangzhou'], rateLimitPerMinute: 120 },
    responses: {
      201: { description: 'The key, shown once.', schema: z.object({ key: z.string().describe('`sb_…`: keep it; it cannot be shown again.'), apiKey: apiKeyView }) },
      403: { description: 'The caller is not an admin (`AUTH.FORBIDDEN`).', schema: apiErrorSchema },
    },
  },
  listApiKeys: {
    operationId: 'listApiKeys',
    method: 'get',
    path: '/v1/api-keys',
    tag: 'access',
    summary: 'Every API key, revoked ones too (admin)',
    query: z.strictObject({
      limit: z.coerce.number().int().min(1).max(500).default(100),
      offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
    }),
    responses: {
      200: {
        description: 'One page, the newest first; never a key or its hash.',
        schema: z.object({ items: z.array(apiKeyView), total: z.number().int(), limit: z.number().int(), offset: z.number().int() }),
      },
      403: { description: 'The caller is not an admin (`AUTH.FORBIDDEN`).', schema: apiErrorSchema },
    },
  },
  revokeApiKey: {
    operationId: 'revokeApiKey',
    method: 'post',
    path: '/v1/api-keys/{id}/revoke',
    tag: 'access',
    summary: 'Revoke an API key (admin)',
    description: 'The key gets 401 at once from this gateway process, and from the others within 10 s (their verified-key cache).',
    params: uuidParams,
    responses: {
      200: { description: 'Revoked.', schema: apiKeyView },
      403: { description: 'The caller is not an admin (`AUTH.FORBIDDEN`).', schema: apiErrorSchema },
      404: { description: 'No such key (`API_KEY.NOT_FOUND`).', schema: apiErrorSchema },
      409: { description: 'Revoked already (`API_KEY.ALREADY_REVOKED`), or the last working admin key (`API_KEY.LAST_ADMIN`).', schema: apiErrorSchema },
    },
  },
  listAudit: {
    operationId: 'listAudit',
    method: 'get',
    path: '/v1/audit',
    tag: 'access',
    summary: 'The audit log of commands (admin)',
    description:
      'Every request but GET/HEAD/OPTIONS, accepted or refused, and every login attempt: who (key, or person), what (method, path, operationId, HTTP status), when and from where. ' +
      'Never a request body. Written as the answer is sent, so an entry may lag its answer by a moment.',
    query: z.strictObject({
      keyId: z.uuid().optional(),
      userId: z.uuid().optional().describe("A person's entries (their logins and commands)."),
      limit: z.coerce.number().int().min(1).max(500).default(100),
    }),
    responses: {
      200: {
        description: 'The newest first.',
        schema: z.object({
          items: z.array(
            z.object({
              id: z.string(),
              at: z.string(),
              keyId: z.uuid().nullable(),
              keyName: nullableString,
              userId: z.uuid().nullable().describe('The person, for a caller with an access token (and a successful login).'),
              username: nullableString.describe('The person, or for a login the username tried (also a failed one).'),
              role: nullableString,
              method: z.string(),
              path: z.string(),
              operationId: nullableString,
              status: z.number().int(),
              remoteAddress: nullableString,
              userAgent: nullableString,
            }),
          ),
        }),
      },
      403: { description: 'The caller is not an admin (`AUTH.FORBIDDEN`).', schema: apiErrorSchema },
    },
  },
  getDepartmentQueue: {
    operationId: 'getDepartmentQueue',
    method: 'get',
    path: '/v1/departments/{id}/queue',
    tag: 'departments',
    summary: "A department's queue of complaints",
    description:
      'The complaints a back-office department holds now (DEPARTMENTS; `network-optimisation` receives every complaint of DEPARTMENT_COMPLAINT_SERVICES / ' +
      '_CATEGORIES), longest-held first, each with the chain of departments it went through. A key scoped to regions sees only theirs.',
    params: z.strictObject({ id: codeId }),
    query: z.strictObject({
      region: z.string().max(64).optional(),
      limit: z.coerce.number().int().min(1).max(200).default(50),
      offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
    }),
    responses: {
      200: {
        description: 'One page of the queue.',
        schema: z.object({
          department: z.string(),
          items: z.array(
            z.object({
              ticketId: z.uuid(),
              externalId: nullableString,
              source: nullableString,
              region: z.string(),
              service: nullableString,
              complaintCategory: nullableString,
              chain: z.array(z.string()),
              receivedAt: z.string(),
              heldSince: z.string(),
            }),
          ),
          total: z.number().int(),
          limit: z.number().int(),
          offset: z.number().int(),
        }),
      },
    },
  },
  transferComplaint: {
    operationId: 'transferComplaint',
    method: 'post',
    path: '/v1/complaints/{ticketId}/transfer',
    tag: 'departments',
    summary: 'Transfer a complaint to another department',
    description:
      'Sent to dispatch as `complaint.transfer` on `dispatch.commands.v1` (`complaint.transferred` in the timeline). Only the holder (`byDepartment`) may transfer, ' +
      'and never back: a department that already had the complaint — its sender or any earlier holder — cannot receive it again (`DEPARTMENT.BOUNCE_BACK`). ' +
      'Dispatch decides last; a command overtaken by another gets `command.rejected` in the timeline.',
    params: z.strictObject({ ticketId: z.uuid() }),
    body: complaintTransferSchema.pick({ byDepartment: true, toDepartment: true, note: true }),
    bodyExample: { byDepartment: 'network-optimisation', toDepartment: 'maintenance', note: 'Cell HZ-C-0042 shows a faulty transceiver; please replace it.' },
    responses: {
      202: { description: 'The command was sent.', schema: z.object({ ...commandSent, ticketId: z.uuid(), action: z.literal('transfer') }) },
      404: { description: 'The complaint is not with the departments (`DEPARTMENT.TICKET_NOT_HELD`).', schema: apiErrorSchema },
      409: { description: 'Not the holder (`DEPARTMENT.NOT_HOLDER`), a bounce-back (`DEPARTMENT.BOUNCE_BACK`), to itself, or already answered.', schema: apiErrorSchema },
    },
  },
  replyToComplaint: {
    operationId: 'replyToComplaint',
    method: 'post',
    path: '/v1/complaints/{ticketId}/reply',
    tag: 'departments',
    summary: "The holding department's final reply to a complaint",
    description:
      'Sent to dispatch as `complaint.reply`: dispatch publishes `complaint.replied` and the customer gets the reply by SMS; intake resolves the ticket ' +
      '(`ticket.resolved`, replied-by-department), which stops the SLA clocks and schedules the callback.',
    params: z.strictObject({ ticketId: z.uuid() }),
    body: complaintReplySchema.pick({ byDepartment: true, reply: true }),
    bodyExample: { byDepartment: 'maintenance', reply: 'The faulty transceiver on the Xixi site was replaced; calls no longer drop.' },
    responses: {
      202: { description: 'The command was sent.', schema: z.object({ ...commandSent, ticketId: z.uuid(), action: z.literal('reply') }) },
      404: { description: 'The complaint is not with the departments (`DEPARTMENT.TICKET_NOT_HELD`).', schema: apiErrorSchema },
      409: { description: 'Not the holder (`DEPARTMENT.NOT_HOLDER`) or already answered (`DEPARTMENT.ALREADY_REPLIED`).', schema: apiErrorSchema },
    },
  },
  loadBuildPlan: {
    operationId: 'loadBuildPlan',
    method: 'post',
    path: '/v1/build-plan',
    tag: 'departments',
    summary: 'Load build-plan and no-investment list entries (JSON)',
    description:
      "The construction department's lists: a cell or zone with its planned year (and quarter), or with no investment planned. Sent to dispatch as " +
      '`build-plan.load` (answered by `build-plan.loaded`); an entry for the same region, target and list replaces the old one. A coverage complaint ' +
      '(DEPARTMENT_COVERAGE_CATEGORIES) from a listed cell or zone is then answered at once from the list, without any transfer.',
    body: z.strictObject({ entries: z.array(buildPlanEntrySchema).min(1).max(10_000) }),
    bodyExample: {
      entries: [
        { list: 'build-plan', target: 'cell', targetId: 'HZ-C-0042', siteId: 'HZ-S-0042', region: 'hangzhou', plannedYear: 2027, plannedQuarter: 2 },
        { list: 'no-investment', target: 'zone', targetId: 'chunan-11', region: 'hangzhou', note: 'Reservoir area, no new sites planned' },
      ],
    },
    responses: {
      202: { description: 'The load was sent.', schema: z.object({ ...commandSent, loadId: z.uuid(), buildPlan: z.number().int(), noInvestment: z.number().int() }) },
      403: { description: 'An entry of a region the key is not scoped to (`AUTH.REGION_NOT_ALLOWED`).', schema: apiErrorSchema },
    },
  },
  loadBuildPlanCsv: {
    operationId: 'loadBuildPlanCsv',
    method: 'post',
    path: '/v1/build-plan/csv',
    tag: 'departments',
    summary: 'Load build-plan and no-investment list entries (CSV)',
    description:
      'As `POST /v1/build-plan`, from CSV with the header `list,target,targetId,region,siteId,plannedYear,plannedQuarter,note` (any order; the first four required), ' +
      'plain commas, at most 10,000 rows. Any unreadable line or invalid row gives 422 and nothing is loaded.',
    body: z.string(),
    bodyContentType: 'text/csv',
    bodyExample: 'list,target,targetId,region,plannedYear,plannedQuarter\nbuild-plan,cell,HZ-C-0042,hangzhou,2027,2\nno-investment,zone,chunan-11,hangzhou,,\n',
    responses: {
      202: { description: 'The load was sent.', schema: z.object({ ...commandSent, loadId: z.uuid(), buildPlan: z.number().int(), noInvestment: z.number().int() }) },
      403: { description: 'An entry of a region the key is not scoped to (`AUTH.REGION_NOT_ALLOWED`).', schema: apiErrorSchema },
      413: { description: 'Larger than 5 MB (`CSV.TOO_LARGE`).', schema: apiErrorSchema },
      415: { description: 'Not `text/csv` (`CSV.CONTENT_TYPE`).', schema: apiErrorSchema },
    },
  },
} as const satisfies Record<string, ApiRoute>;
