import { Catch, type ArgumentsHost, type RpcExceptionFilter } from '@nestjs/common';
import { Server, type CustomTransportStrategy } from '@nestjs/microservices';
import { lastValueFrom, throwError, type Observable } from 'rxjs';
import { EventConsumer, type EventConsumerOptions, type EventHandler } from '@switchboard/messaging';

export type KafkaEventServerOptions = Omit<EventConsumerOptions, 'resolveHandler'>;

/**
 * A NestJS microservice transport on kafkajs that keeps the platform's guarantees (ADR 0003):
 * `@EventPattern('<event type>')` handlers receive the validated event and a HandlerContext
 * (`@Ctx()`) holding the transaction; batches, the inbox, retries and the DLQ live in
 * EventConsumer. Nest's own Kafka transport handles one message at a time and has no DLQ.
 */
export class KafkaEventServer extends Server implements CustomTransportStrategy {
  private consumer?: EventConsumer;

  constructor(private readonly options: KafkaEventServerOptions) {
    super();
  }

  listen(callback: (...optionalParams: unknown[]) => unknown): void {
    this.consumer = new EventConsumer({ ...this.options, resolveHandler: (type) => this.resolve(type) });
    this.consumer.start().then(
      () => callback(),
      (err: unknown) => callback(err),
    );
  }

  /** Stops fetching and waits for the batch in flight; safe to call twice. */
  async close(): Promise<void> {
    const consumer = this.consumer;
    this.consumer = undefined;
    await consumer?.stop();
  }

  on(): never {
    throw new Error('KafkaEventServer has no events to listen to');
  }

  unwrap<T>(): T {
    return this.consumer as T;
  }

  private resolve(type: string): EventHandler | undefined {
    const handler = this.getHandlerByPattern(type);
    if (!handler) return undefined;
    return async (event, ctx) => {
      const result: unknown = await handler(event, ctx);
      await lastValueFrom(this.transformToObservable(result), { defaultValue: undefined });
    };
  }
}

/**
 * Nest's default RPC filter turns every error into `{ status: 'error' }`; this one lets the
 * original error through so the consumer can tell transient from permanent and put its code in
 * the DLQ reason.
 */
@Catch()
export class RethrowRpcExceptionFilter implements RpcExceptionFilter {
  catch(exception: unknown, _host: ArgumentsHost): Observable<never> {
    return throwError(() => exception);
  }
}
