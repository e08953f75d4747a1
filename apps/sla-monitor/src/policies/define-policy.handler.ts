import { Inject, Injectable } from '@nestjs/common';
import { makeEvent, Topics, type Envelope, type SlaPolicyDefine } from '@switchboard/contracts';
import type { HandlerContext } from '@switchboard/messaging';
import { CLOCK, type Clock } from '@switchboard/persistence';
import { nextVersion, PolicySpecError, type SlaPolicy } from '../domain/sla-policy';
import { SOURCE } from '../persistence/clock-row';
import { insertPolicyVersion, loadPolicyHistory, lockPolicies, versionedEvent } from '../persistence/policy-store';
import { PolicyReattacher } from './policy-reattacher';

/**
 * `sla-policy.define` (from the gateway): stores the next version of a policy and publishes it as
 * `sla-policy.versioned`; when it is in force at once, the clocks under earlier versions re-attach. Refused with `command.rejected` (on sla.alerts.v1, keyed by the policy)
 * when another version came first or the policy is invalid; the gateway checked the latter already.
 */
@Injectable()
export class DefinePolicyHandler {
  constructor(
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly reattacher: PolicyReattacher,
  ) {}

  async handle(command: Envelope<'sla-policy.define', SlaPolicyDefine>, ctx: HandlerContext): Promise<void> {
    const c = command.data;
    const now = this.clock.now();
    const meta = { source: SOURCE, subject: c.policyId, time: now, correlationId: command.correlationId ?? command.id, causationId: command.id };
    await lockPolicies(ctx.manager);
    const history = await loadPolicyHistory(ctx.manager);
    const latest = history.filter((p) => p.id === c.policyId).at(-1)?.version ?? 0;
    const reject = (code: string, message: string) =>
      ctx.emit({ envelope: makeEvent('command.rejected', { commandId: command.id, commandType: command.type, code, message }, meta), topic: Topics.SlaAlerts });
    if (latest !== c.baseVersion) {
      await reject('SLA_POLICY.VERSION_CONFLICT', `policy ${c.policyId} is at version ${latest}, the edit was made on version ${c.baseVersion}`);
      return;
    }
    let policy: SlaPolicy;
    try {
      const edit = { id: c.policyId, name: c.name, selector: c.selector, calendar: c.calendar, metrics: c.metrics, ...(c.retired ? { retired: true } : {}) } as Omit<SlaPolicy, 'version' | 'effectiveFrom'>;
      policy = nextVersion(history, edit, c.effectiveFrom ? new Date(c.effectiveFrom) : now);
    } catch (e) {
      if (!(e instanceof PolicySpecError)) throw e;
      await reject(e.code, e.message);
      return;
    }
    await insertPolicyVersion(ctx.manager, policy, c.definedBy);
    await ctx.emit({ envelope: makeEvent('sla-policy.versioned', versionedEvent(policy, false, c.definedBy), meta) });
    // In force at once: the clocks following an earlier version follow this one (a retirement leaves them be).
    if (!policy.retired && policy.effectiveFrom.getTime() <= now.getTime()) await this.reattacher.reattach(ctx, policy, history, command);
  }
}
