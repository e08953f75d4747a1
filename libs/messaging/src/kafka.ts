import { Kafka, logLevel, type LogEntry, type logCreator } from 'kafkajs';

export interface KafkaSettings {
  brokers: string[];
  clientId: string;
}

export interface MessagingLogger {
  debug(obj: object, msg: string): void;
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

export const silentLogger: MessagingLogger = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined };

/** kafkajs logs through the service's JSON logger instead of its own console format. */
function logCreatorFor(logger: MessagingLogger): logCreator {
  return () => (entry: LogEntry) => {
    const { message, ...rest } = entry.log;
    const obj = { kafkajs: entry.namespace, ...rest };
    switch (entry.level) {
      case logLevel.ERROR:
        logger.error(obj, message);
        break;
      case logLevel.WARN:
        logger.warn(obj, message);
        break;
      case logLevel.INFO:
        logger.info(obj, message);
        break;
      case logLevel.DEBUG:
      case logLevel.NOTHING:
        logger.debug(obj, message);
        break;
    }
  };
}

export function parseBrokers(value: string): string[] {
  return value.split(',').map((b) => b.trim()).filter((b) => b.length > 0);
}

export function createKafka(settings: KafkaSettings, logger: MessagingLogger = silentLogger): Kafka {
  return new Kafka({
    clientId: settings.clientId,
    brokers: settings.brokers,
    logLevel: logLevel.WARN,
    logCreator: logCreatorFor(logger),
    retry: { initialRetryTime: 200, retries: 10, maxRetryTime: 5_000 },
    connectionTimeout: 3_000,
  });
}
