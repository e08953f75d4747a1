import { ConfigurationError, parseEnv, platformEnvSchema } from './config';

describe('platform configuration', () => {
  it('has the contract defaults for a local run', () => {
    const env = parseEnv(platformEnvSchema, {});
    expect(env).toMatchObject({
      KAFKA_BROKERS: '127.0.0.1:9092',
      DATABASE_URL: 'postgres://switchboard:switchboard@127.0.0.1:5432/switchboard',
      REDIS_URL: 'redis://127.0.0.1:6379',
      GATEWAY_PORT: 8080,
      KAFKA_TOPIC_PARTITIONS: 6,
    });
  });

  it('names every bad variable and why', () => {
    let error: unknown;
    try {
      parseEnv(platformEnvSchema, { KAFKA_BROKERS: 'localhost', DATABASE_URL: 'mysql://x@y/z', GATEWAY_PORT: '99999' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigurationError);
    const problems = (error as ConfigurationError).problems.map((p) => p.split(':')[0]).sort();
    expect(problems).toEqual(['DATABASE_URL', 'GATEWAY_PORT', 'KAFKA_BROKERS']);
  });

  it('coerces numbers from the environment', () => {
    expect(parseEnv(platformEnvSchema, { GATEWAY_PORT: '9090', SHUTDOWN_TIMEOUT_MS: '2500' })).toMatchObject({ GATEWAY_PORT: 9090, SHUTDOWN_TIMEOUT_MS: 2500 });
  });
});
