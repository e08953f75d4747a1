import { DEMO_REGION, type DemoRegion } from './domain/demo-region';
import { outageKnownIssue, outageZone, ticketsInsideOutage } from './domain/outage-plan';
import { SeededRandom } from './domain/random';
import type { GatewayClient } from './gateway/gateway-client';

export interface OutageScenarioOptions {
  api: GatewayClient;
  region?: DemoRegion;
  /** Real time after the start when the outage is opened. */
  openAfterMs: number;
  /** Real time it lasts before it is closed. */
  lastsMs: number;
  /** Customers of the zone who call about it right after it opens (beside the run's ordinary traffic). */
  callers?: number;
  runId: string;
  seed: string;
  signal: AbortSignal;
  log: (line: string) => void;
}

/** Resolves true after `ms`, false at once when `signal` aborts. */
function sleep(ms: number, signal: AbortSignal): Promise<boolean> {
  if (signal.aborted) return Promise.resolve(false);
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve(true);
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      resolve(false);
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

/**
 * The `outage` scenario of `run --outage-at`: partway through the run the operator opens an
 * outage over one zone through `POST /v1/known-issues`; its customers call (repairs held,
 * complaints archived, no dispatch) while the rest of the region's traffic goes on as usual; it
 * is closed after `lastsMs` — or when the run stops — through `POST /v1/known-issues/{id}/close`.
 */
export class OutageScenario {
  constructor(private readonly o: OutageScenarioOptions) {}

  async run(): Promise<void> {
    const region = this.o.region ?? DEMO_REGION;
    if (!(await sleep(this.o.openAfterMs, this.o.signal))) return;
    const zone = outageZone(region).code;
    const { knownIssueId } = await this.o.api.openKnownIssue(outageKnownIssue(region, new Date(), this.o.lastsMs));
    this.o.log(`outage ${knownIssueId} opened over ${zone} (broadband, IPTV): tickets there are answered by it, not dispatched`);
    try {
      const callers = ticketsInsideOutage(new SeededRandom(`${this.o.seed}|outage`), region, { runId: this.o.runId, count: this.o.callers ?? 6, now: new Date() });
      for (const ticket of callers) await this.o.api.submitTicket(ticket);
      this.o.log(`${callers.length} customers in ${zone} called about the outage`);
      await sleep(this.o.lastsMs, this.o.signal);
    } finally {
      await this.close(knownIssueId);
    }
  }

  /** The gateway knows the issue once intake has opened it: a 404 just after opening is retried. */
  private async close(knownIssueId: string): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        await this.o.api.closeKnownIssue(knownIssueId, 'The fibre is spliced; restart your modem or set-top box if the service is not back.');
        this.o.log(`outage ${knownIssueId} closed: its held repairs are resolved and their customers told`);
        return;
      } catch (e) {
        if (attempt >= 20) throw e;
        await new Promise((r) => setTimeout(r, 500));
      }
    }
  }
}
