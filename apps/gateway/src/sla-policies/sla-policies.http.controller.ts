import { Body, Controller, Get, HttpCode, HttpStatus, Inject, Param, Post, Put, Query, Req, Res } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import type { SlaPolicyDefine } from '@switchboard/contracts';
import { CLOCK, type Clock } from '@switchboard/persistence';
import { DATA_SOURCE } from '@switchboard/platform';
import { nextVersion, PolicySpecError, policiesInForce, validatePolicy, type SlaPolicy } from '../../../sla-monitor/src/domain/sla-policy';
import { previewPolicy } from '../../../sla-monitor/src/domain/sla-preview';
import { callerOf, type AuthenticatedRequest } from '../auth/api-key.guard';
import { CommandSender } from '../commands/command-sender';
import { ApiRoutes } from '../http/api-routes';
import { ApiException, conflict, notFound, parseOr422 } from '../http/validation';
import { asDomainPolicy, type SlaPolicyRow } from './sla-policies.projection';

interface LocationSetter {
  setHeader(name: string, value: string): void;
}

type PolicyFields = Pick<SlaPolicy, 'name' | 'selector' | 'calendar' | 'metrics' | 'retired'>;
/** The body's fields: only typed; the domain's rules check the values. */
type BodyFields = Omit<SlaPolicyDefine, 'policyId' | 'baseVersion' | 'effectiveFrom' | 'definedBy'>;

/** 400 with one reason per problem the SLA monitor's rules find (`validatePolicy`, `nextVersion`). */
function invalidPolicy(e: PolicySpecError): ApiException {
  return new ApiException(HttpStatus.BAD_REQUEST, { error: e.code, message: 'the SLA policy breaks a rule', reasons: e.problems.map((p) => ({ path: p.path, code: p.code, message: p.message })) });
}

/**
 * SLA policies (issue 6, ADR 0022): defined and edited through the SLA monitor's command, checked
 * here first with its own rules so a caller gets every problem at once; read from the projection
 * of `sla-policy.versioned`; and previewed ("when will this breach?") with the monitor's domain.
 */
@Controller('v1/sla-policies')
export class SlaPoliciesHttpController {
  constructor(
    private readonly commands: CommandSender,
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get()
  async list() {
    const rows = await this.rows(null);
    const byId = new Map<string, SlaPolicyRow[]>();
    for (const r of rows) byId.set(r.policy_id, [...(byId.get(r.policy_id) ?? []), r]);
    return { items: [...byId.values()].map((versions) => present(versions, versions.at(-1)!)) };
  }

  @Get(':id')
  async get(@Param('id') id: string, @Query() query: Record<string, unknown>) {
    const policyId = parseOr422(ApiRoutes.getSlaPolicy.params.shape.id, id, 'policy id');
    const q = parseOr422(ApiRoutes.getSlaPolicy.query, query, 'query');
    const versions = await this.rows(policyId);
    const shown = q.version === undefined ? versions.at(-1) : versions.find((v) => v.version === q.version);
    if (!shown) throw notFound('SLA_POLICY.NOT_FOUND', `no SLA policy ${policyId}${q.version === undefined ? '' : ` version ${q.version}`} (yet: it appears once the SLA monitor has stored it)`);
    return present(versions, shown);
  }

  @Post()
  @HttpCode(202)
  async create(@Body() body: unknown, @Req() request: AuthenticatedRequest, @Res({ passthrough: true }) response: LocationSetter) {
    const { id, effectiveFrom, ...fields } = parseOr422(ApiRoutes.createSlaPolicy.body, body);
    if ((await this.rows(id)).length > 0) throw conflict('SLA_POLICY.EXISTS', `SLA policy ${id} exists: edit it with PUT /v1/sla-policies/${id}`);
    return this.define(id, 0, [], fields, effectiveFrom, request, response);
  }

  @Put(':id')
  @HttpCode(202)
  async edit(@Param('id') id: string, @Body() body: unknown, @Req() request: AuthenticatedRequest, @Res({ passthrough: true }) response: LocationSetter) {
    const policyId = parseOr422(ApiRoutes.editSlaPolicy.params.shape.id, id, 'policy id');
    const { effectiveFrom, baseVersion, ...fields } = parseOr422(ApiRoutes.editSlaPolicy.body, body);
    const versions = await this.rows(policyId);
    if (versions.length === 0) throw notFound('SLA_POLICY.NOT_FOUND', `no SLA policy ${policyId} (yet): create it with POST /v1/sla-policies`);
    const history = versions.map((v) => asDomainPolicy(v.policy));
    return this.define(policyId, baseVersion ?? versions.at(-1)!.version, history, fields, effectiveFrom, request, response);
  }

  @Post('preview')
  @HttpCode(200)
  async preview(@Body() body: unknown) {
    const req = parseOr422(ApiRoutes.previewSlaPolicy.body, body);
    let policy: SlaPolicy;
    if (req.policy) {
      policy = { id: 'preview', version: 1, effectiveFrom: new Date(req.start), ...(req.policy as PolicyFields) };
      const problems = validatePolicy(policy);
      if (problems.length > 0) throw invalidPolicy(new PolicySpecError(problems));
    } else {
      const history = (await this.rows(req.policyId!)).map((r) => asDomainPolicy(r.policy));
      const chosen =
        req.version !== undefined
          ? history.find((p) => p.version === req.version)
          : (policiesInForce(history, new Date(req.start)).find((p) => p.id === req.policyId) ?? history.at(-1));
      if (!chosen) throw notFound('SLA_POLICY.NOT_FOUND', `no SLA policy ${req.policyId}${req.version === undefined ? '' : ` version ${req.version}`}`);
      policy = chosen;
    }
    const date = (s: string | undefined) => (s === undefined ? undefined : new Date(s));
    const plans = previewPolicy(policy, {
      start: new Date(req.start),
      pauses: (req.pauses ?? []).map((p) => ({ from: new Date(p.from), to: p.to === null ? null : new Date(p.to) })),
      ...(req.completedAt ? { completedAt: date(req.completedAt) } : {}),
      ...(req.handedOverAt ? { handedOverAt: date(req.handedOverAt) } : {}),
    });
    const iso = (d: Date | null) => d?.toISOString() ?? null;
    return {
      policyId: req.policy ? null : policy.id,
      version: req.policy ? null : policy.version,
      metrics: plans.map((m) => ({
        metric: m.metric,
        startsOn: m.startsOn,
        startedAt: iso(m.startedAt),
        targetMs: m.targetMs,
        dueAt: iso(m.dueAt),
        warnings: m.warnings.map((w) => ({ fraction: w.fraction, at: iso(w.at) })),
        escalations: m.escalations.map((e) => ({ level: e.level, notify: e.notify, dispatchAction: e.dispatchAction, at: iso(e.at) })),
      })),
    };
  }

  private async define(policyId: string, baseVersion: number, history: SlaPolicy[], fields: BodyFields, effectiveFrom: string | undefined, request: AuthenticatedRequest, response: LocationSetter) {
    // The same rules the SLA monitor applies (it decides; this only answers at once).
    try {
      nextVersion(history, { id: policyId, ...(fields as PolicyFields) }, effectiveFrom ? new Date(effectiveFrom) : this.clock.now());
    } catch (e) {
      if (e instanceof PolicySpecError) throw invalidPolicy(e);
      throw e;
    }
    const { source } = callerOf(request);
    const data: SlaPolicyDefine = { policyId, baseVersion, ...fields, ...(effectiveFrom ? { effectiveFrom } : {}), definedBy: source };
    const [commandId] = await this.commands.send(source, [{ type: 'sla-policy.define', subject: policyId, data }]);
    response.setHeader('Location', `/v1/sla-policies/${policyId}`);
    return { commandId, policyId, version: baseVersion + 1, status: 'sent' };
  }

  private async rows(policyId: string | null): Promise<SlaPolicyRow[]> {
    return (await this.dataSource.query('SELECT * FROM rm_sla_policies WHERE ($1::text IS NULL OR policy_id = $1) ORDER BY policy_id, version', [policyId])) as SlaPolicyRow[];
  }
}

function present(versions: SlaPolicyRow[], shown: SlaPolicyRow) {
  return {
    ...shown.policy,
    versions: versions.map((v) => ({ version: v.version, effectiveFrom: v.effective_from.toISOString(), definedBy: v.defined_by, builtIn: v.built_in })),
  };
}
