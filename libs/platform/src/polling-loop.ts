import type { BeforeApplicationShutdown, OnApplicationBootstrap } from '@nestjs/common';
import type { Logger } from 'pino';

/**
 * Runs `pass` every `intervalMs` (at once again when it reports more work), one pass at a time;
 * an error is logged and the loop goes on. `stop()` waits for the pass in flight.
 */
export class PollingLoop {
  private timer?: NodeJS.Timeout;
  private inFlight?: Promise<void>;
  private stopped = false;

  constructor(
    private readonly name: string,
    private readonly intervalMs: number,
    private readonly pass: () => Promise<boolean | void>,
    private readonly logger: Logger,
  ) {}

  start(): void {
    this.stopped = false;
    this.schedule(0);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    await this.inFlight;
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.inFlight = this.runOnce().then((more) => {
        this.inFlight = undefined;
        this.schedule(more ? 0 : this.intervalMs);
      });
    }, delayMs);
  }

  private async runOnce(): Promise<boolean> {
    try {
      return (await this.pass()) === true;
    } catch (e) {
      this.logger.error({ err: e as Error, loop: this.name }, `${this.name} pass failed`);
      return false;
    }
  }
}

/**
 * A provider that runs its `pass()` on a PollingLoop from application bootstrap until shutdown
 * (which waits for the pass in flight): the shape of every poller — timers, senders, sweepers.
 */
export abstract class PolledWorker implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly loop: PollingLoop;

  protected constructor(name: string, intervalMs: number, logger: Logger) {
    this.loop = new PollingLoop(name, intervalMs, () => this.pass(), logger);
  }

  /** One pass; true when there may be more work right away (a full batch). */
  abstract pass(): Promise<boolean | void>;

  onApplicationBootstrap(): void {
    this.loop.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.loop.stop();
  }
}
