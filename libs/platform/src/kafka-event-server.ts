import { Catch, HttpException, HttpStatus, type ArgumentsHost } from '@nestjs/common';
import { BaseExceptionFilter } from '@nestjs/core';
import { EventPattern, Server, type CustomTransportStrategy, type MessageHandler } from '@nestjs/microservices';
import { lastValueFrom, throwError, type Observable } from 'rxjs';
import type { EventType } from '@switchboard/contracts';
import { EventConsumer, type BatchEventHandler, type BatchItem, type EventConsumerOptions, type EventHandler } from '@switchboard/messaging';

export type KafkaEventServerOptions = Omit<EventConsumerOptions, 'resolveHandler' | 'resolveBatchHandler'>;

/** The Nest pattern under which `@OnEventBatch(type)` registers a type's batch handler. */
const batchPattern = (type: string) => `batch:${type}`;

/**
 * A NestJS microservice transport on kafkajs that keeps the platform's guarantees (ADR 0003):
 * `@OnEvent('<event type>')` (an `@EventPattern`) handlers receive the validated event and a HandlerContext
 * (`@Ctx()`) holding the transaction; batches, the inbox, retries and the DLQ live in
 * EventConsumer. Nest's own Kafka transport handles one message at a time and has no DLQ.
 */
export class KafkaEventServer extends Server implements CustomTransportStrategy {
  private consumer?: EventConsumer;
  /** Nest's pattern lookup serialises the pattern on every call; the consumer asks twice per message. */
  private readonly handlers = new Map<string, EventHandler | undefined>();
  private readonly batchHandlers = new Map<string, BatchEventHandler | undefined>();

  constructor(private readonly options: KafkaEventServerOptions) {
    super();
  }

  listen(callback: (...optionalParams: unknown[]) => unknown): void {
    this.consumer = new EventConsumer({ ...this.options, resolveHandler: (type) => this.resolve(type), resolveBatchHandler: (type) => this.resolveBatch(type) });
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
    if (!this.handlers.has(type)) this.handlers.set(type, this.lookup(type));
    return this.handlers.get(type);
  }

  private resolveBatch(type: string): BatchEventHandler | undefined {
    if (!this.batchHandlers.has(type)) {
      const handler = this.getHandlerByPattern(batchPattern(type));
      this.batchHandlers.set(
        type,
        handler
          ? async (items: BatchItem[]) => {
            const result: unknown = await handler(items);
            await lastValueFrom(this.transformToObservable(result), { defaultValue: undefined });
          }
          : undefined,
      );
    }
    return this.batchHandlers.get(type);
  }

  private lookup(type: string): EventHandler | undefined {
    const head = this.getHandlerByPattern(type);
    if (!head) return undefined;
    // Nest chains a second `@OnEvent` of the same type (in another controller) as `next`: every
    // one of them runs, one after the other, in the message's one transaction (a throw stops the rest).
    const chain: MessageHandler[] = [];
    for (let h: MessageHandler | undefined = head; h; h = h.next as MessageHandler | undefined) chain.push(h);
    return async (event, ctx) => {
      for (const handler of chain) {
        const result: unknown = await handler(event, ctx);
        await lastValueFrom(this.transformToObservable(result), { defaultValue: undefined });
      }
    };
  }
}

/**
 * Nest's default RPC filter turns every error into `{ status: 'error' }`; for Kafka handlers this
 * filter lets the original error through, so the consumer can tell transient from permanent and
 * put its code in the DLQ reason. HTTP errors take Nest's usual path.
 */
@Catch()
export class PlatformExceptionFilter extends BaseExceptionFilter {
  override catch(exception: unknown, host: ArgumentsHost): Observable<never> | void {
    if (host.getType() === 'rpc') return throwError(() => exception);
    if (exception instanceof HttpException && this.applicationRef) {
      // One error shape on every route: { error: STABLE_CODE, message, reasons? }.
      const status = exception.getStatus();
      this.applicationRef.reply(host.switchToHttp().getResponse(), httpErrorBody(status, exception.getResponse()), status);
      return;
    }
    super.catch(exception, host);
  }
}

export function httpErrorBody(status: number, body: string | object): object {
  if (typeof body === 'object' && 'error' in body && typeof body.error === 'string' && /^[A-Z][A-Z_.]*$/.test(body.error)) return body;
  const message = typeof body === 'string' ? body : 'message' in body ? String((body as { message: unknown }).message) : 'request failed';
  const code = (HttpStatus[status] as string | undefined) ?? 'HTTP_ERROR';
  return { error: `HTTP.${code}`, message };
}

/**
 * `@OnEvent('ticket.accepted')`: a Kafka handler for event types of the contracts registry.
 * The handler gets the validated event (`@Payload()`) and the HandlerContext (`@Ctx()`).
 */
export function OnEvent(...types: [EventType, ...EventType[]]): MethodDecorator {
  return (EventPattern as (pattern: string | string[]) => MethodDecorator)(types.length === 1 ? types[0] : types);
}

/**
 * `@OnEventBatch('ticket.received')`: the batch form of a type's handler; its `@Payload()` is the
 * run of events (each with its HandlerContext, one transaction). The type keeps its `@OnEvent`
 * handler too: the consumer falls back to it to apply events one by one (ADR 0020).
 */
export function OnEventBatch(type: EventType): MethodDecorator {
  return (EventPattern as (pattern: string) => MethodDecorator)(batchPattern(type));
}
