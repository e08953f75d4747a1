import { COUNTED_EVENT_TYPES } from '../domain/kpi-counters-v2';
import { CountKpisMessageController } from './count-kpis.message.controller';

// @nestjs/microservices' PATTERN_METADATA: where @EventPattern (and so @OnEvent) records its event types.
const PATTERN_METADATA = 'microservices:pattern';

describe('CountKpisMessageController', () => {
  it('listens to exactly the event types the KPI rules count', () => {
    const proto = CountKpisMessageController.prototype as unknown as Record<string, unknown>;
    const patterns = Object.getOwnPropertyNames(proto)
      .map((name) => proto[name])
      .filter((m): m is object => typeof m === 'function')
      .flatMap((m) => (Reflect.getMetadata(PATTERN_METADATA, m) as string[] | undefined) ?? []);
    expect([...patterns].sort()).toEqual([...COUNTED_EVENT_TYPES].sort());
  });
});
