import type { LoggerService } from '@nestjs/common';
import pino, { type Logger } from 'pino';

const loggers = new Map<string, Logger>();

/**
 * JSON logs on stdout, one line an event, with the service's name on every line. One instance
 * per service in a process, so every line goes through one stream, in order.
 */
export function createLogger(service: string, level: string): Logger {
  const existing = loggers.get(service);
  if (existing) return existing;
  // Synchronous writes: every line is out before the next is made, and nothing is lost on exit.
  const logger = pino(
    { level, base: { service }, timestamp: pino.stdTimeFunctions.isoTime, formatters: { level: (label) => ({ level: label }) } },
    pino.destination({ dest: 1, sync: true }),
  );
  loggers.set(service, logger);
  return logger;
}

/** Nest's own logging goes through the same pino logger. */
export class PinoNestLogger implements LoggerService {
  constructor(private readonly logger: Logger) {}

  log(message: unknown, context?: string): void {
    this.logger.info({ context }, String(message));
  }
  error(message: unknown, trace?: string, context?: string): void {
    this.logger.error({ context, trace }, message instanceof Error ? message.message : String(message));
  }
  warn(message: unknown, context?: string): void {
    this.logger.warn({ context }, String(message));
  }
  debug(message: unknown, context?: string): void {
    this.logger.debug({ context }, String(message));
  }
  verbose(message: unknown, context?: string): void {
    this.logger.trace({ context }, String(message));
  }
}
