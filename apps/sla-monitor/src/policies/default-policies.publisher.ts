import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import { makeEvent } from '@switchboard/contracts';
import { enqueueEvents } from '@switchboard/messaging';
import { CLOCK, type Clock } from '@switchboard/persistence';
import { DATA_SOURCE, LOGGER } from '@switchboard/platform';
import { configuredDefaultPolicies } from '../domain/policy-clock';
import { SOURCE } from '../persistence/clock-row';
import { lockPolicies, upsertBuiltInPolicy, versionedEvent } from '../persistence/policy-store';
import { SLA_MONITOR_CONFIG, type SlaMonitorConfig } from '../sla-monitor.config';

const BUILT_IN = 'sla-monitor/configuration';

/**
 * The default policies (domain.md §4) are there from the start: at boot, each default's version 1
 * is stored as this configuration gives it, and published as `sla-policy.versioned` when it is new
 * or the configuration changed it. Operators' edits are versions 2 and later, never touched here.
 */
@Injectable()
export class DefaultPoliciesPublisher implements OnApplicationBootstrap {
  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(LOGGER) private readonly logger: Logger,
    @Inject(SLA_MONITOR_CONFIG) private readonly config: SlaMonitorConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const published = await this.dataSource.transaction(async (m) => {
      await lockPolicies(m);
      const changed = [];
      for (const policy of configuredDefaultPolicies(this.config.targetTable, this.config.warningFraction)) {
        if (await upsertBuiltInPolicy(m, policy, BUILT_IN)) changed.push(policy);
      }
      const time = this.clock.now();
      await enqueueEvents(m, changed.map((p) => ({ envelope: makeEvent('sla-policy.versioned', versionedEvent(p, true, BUILT_IN), { source: SOURCE, subject: p.id, time }) })));
      return changed.length;
    });
    if (published > 0) this.logger.info({ published }, 'default SLA policies stored and published');
  }
}
