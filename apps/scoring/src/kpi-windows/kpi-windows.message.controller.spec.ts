import { CountKpisMessageController } from '../count-kpis/count-kpis.message.controller';
import { KPI_WINDOW_EVENT_TYPES } from '../domain/kpi-facts';
import { KpiWindowsMessageController } from './kpi-windows.message.controller';

// @nestjs/microservices' PATTERN_METADATA: where @EventPattern (and so @OnEvent) records its event types.
const PATTERN_METADATA = 'microservices:pattern';

function patternsOf(controller: { prototype: object }): string[] {
  const proto = controller.prototype as unknown as Record<string, unknown>;
  return Object.getOwnPropertyNames(proto)
    .map((name) => proto[name])
    .filter((m): m is object => typeof m === 'function')
    .flatMap((m) => (Reflect.getMetadata(PATTERN_METADATA, m) as string[] | undefined) ?? []);
}

describe('KpiWindowsMessageController', () => {
  it('with the daily counters’ controller, reaches every event type the KPI windows use, and no type twice', () => {
    const mine = patternsOf(KpiWindowsMessageController);
    const counted = patternsOf(CountKpisMessageController);
    expect(mine.filter((t) => counted.includes(t))).toEqual([]);
    const reached = new Set([...mine, ...counted]);
    for (const t of KPI_WINDOW_EVENT_TYPES) expect(reached.has(t) ? t : `${t} (not listened to)`).toBe(t);
  });
});
