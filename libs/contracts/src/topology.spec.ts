// The consumers in TOPOLOGY are checked against the services' own descriptors: contracts cannot
// import the apps at runtime, but a test may, so the AsyncAPI document cannot drift from them.
import { callbackService } from '../../../apps/callback/src/callback.service-descriptor';
import { dispatchService } from '../../../apps/dispatch/src/dispatch.service-descriptor';
import { gatewayService } from '../../../apps/gateway/src/gateway.service-descriptor';
import { intakeService } from '../../../apps/intake/src/intake.service-descriptor';
import { scoringService } from '../../../apps/scoring/src/scoring.service-descriptor';
import { slaMonitorService } from '../../../apps/sla-monitor/src/sla-monitor.service-descriptor';
import { PLATFORM_SERVICES, topicsConsumedBy } from './topology';

describe('TOPOLOGY', () => {
  const descriptors = [gatewayService, intakeService, dispatchService, slaMonitorService, callbackService, scoringService];

  it('covers every service', () => {
    expect(descriptors.map((d) => d.name).sort()).toEqual([...PLATFORM_SERVICES].sort());
  });

  // When this fails after a service starts consuming a topic, add the service to that topic's `consumers` in topology.ts and run `make schemas`.
  it.each(descriptors.map((d) => [d.name, d] as const))('lists exactly the topics %s consumes (its service descriptor)', (_name, descriptor) => {
    expect(topicsConsumedBy(descriptor.name).sort()).toEqual([...descriptor.consumes].sort());
  });
});
