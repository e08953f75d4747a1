import type { StartedTestContainer } from 'testcontainers';

/**
 * Where a Docker engine exists, the same real Kafka 4.4, PostgreSQL and Redis can come from
 * containers instead of deploy/local/infra.sh: `SWITCHBOARD_TEST_INFRA=containers npx jest`.
 * (These machines have no Docker engine; `make test` uses the native script.)
 */
export async function startContainers(): Promise<{ env: Record<string, string>; stop: () => Promise<void> }> {
  const { GenericContainer, Wait } = await import('testcontainers');
  const started: StartedTestContainer[] = [];
  const postgres = await new GenericContainer('postgres:15')
    .withEnvironment({ POSTGRES_USER: 'switchboard', POSTGRES_PASSWORD: 'switchboard', POSTGRES_DB: 'switchboard' })
    .withExposedPorts(5432)
    .withWaitStrategy(Wait.forLogMessage(/database system is ready to accept connections/, 2))
    .start();
  started.push(postgres);
  const redis = await new GenericContainer('redis:7').withExposedPorts(6379).withWaitStrategy(Wait.forLogMessage(/Ready to accept connections/)).start();
  started.push(redis);
  // Kafka advertises the host port it is mapped to, so it needs a fixed host port.
  const kafkaPort = Number(process.env.TESTCONTAINERS_KAFKA_PORT ?? '19092');
  const kafka = await new GenericContainer('apache/kafka:4.4.0')
    .withExposedPorts({ container: 9092, host: kafkaPort })
    .withEnvironment({
      KAFKA_NODE_ID: '1',
      KAFKA_PROCESS_ROLES: 'broker,controller',
      KAFKA_CONTROLLER_QUORUM_VOTERS: '1@localhost:9093',
      KAFKA_LISTENERS: 'PLAINTEXT://:9092,CONTROLLER://localhost:9093',
      KAFKA_ADVERTISED_LISTENERS: `PLAINTEXT://127.0.0.1:${kafkaPort}`,
      KAFKA_LISTENER_SECURITY_PROTOCOL_MAP: 'CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT',
      KAFKA_CONTROLLER_LISTENER_NAMES: 'CONTROLLER',
      KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR: '1',
      KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR: '1',
      KAFKA_TRANSACTION_STATE_LOG_MIN_ISR: '1',
      KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS: '0',
      KAFKA_AUTO_CREATE_TOPICS_ENABLE: 'false',
    })
    .withWaitStrategy(Wait.forLogMessage(/Kafka Server started/))
    .start();
  started.push(kafka);
  return {
    env: {
      KAFKA_BROKERS: `127.0.0.1:${kafkaPort}`,
      DATABASE_URL: `postgres://switchboard:switchboard@${postgres.getHost()}:${postgres.getMappedPort(5432)}/switchboard`,
      REDIS_URL: `redis://${redis.getHost()}:${redis.getMappedPort(6379)}`,
    },
    stop: async () => {
      await Promise.all(started.map((c) => c.stop()));
    },
  };
}
