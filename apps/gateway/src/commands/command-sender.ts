import { Inject, Injectable } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { makeEvent, type EventData, type EventType } from '@switchboard/contracts';
import { enqueueEvents, newTraceparent } from '@switchboard/messaging';
import { CLOCK, type Clock } from '@switchboard/persistence';
import { DATA_SOURCE } from '@switchboard/platform';

export interface CommandToSend<T extends EventType> {
  type: T;
  data: EventData<T>;
  subject: string;
  key?: string;
  /** The event id, when the command's identity comes from the caller (e.g. a provider's message id); else a new one. */
  id?: string;
}

/**
 * Sends ingress events and commands to the owning services through the gateway's outbox: the
 * HTTP caller gets its answer only once the command is durably committed.
 */
@Injectable()
export class CommandSender {
  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async send<T extends EventType>(source: string, commands: CommandToSend<T>[]): Promise<string[]> {
    const now = this.clock.now();
    const envelopes = commands.map((c) => ({ envelope: makeEvent(c.type, c.data, { source, subject: c.subject, time: now, ...(c.id ? { id: c.id } : {}) }), key: c.key }));
    await this.dataSource.transaction((m) => enqueueEvents(m, envelopes, { traceparent: newTraceparent() }));
    return envelopes.map((e) => e.envelope.id);
  }
}
