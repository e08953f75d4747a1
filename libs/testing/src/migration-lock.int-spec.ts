import { randomUUID } from 'node:crypto';
import type { MigrationInterface, QueryRunner } from 'typeorm';
import { createServiceDataSource, ensureServiceSchema, initialiseDataSource, serviceDatabase } from '@switchboard/persistence';
import { testInfra } from './env';

/** Creates a table with an unnamed check, then (slowly) drops that check: run twice, the second drop fails. */
class CreateThing1000000000001 implements MigrationInterface {
  name = 'CreateThing1000000000001';
  async up(q: QueryRunner): Promise<void> {
    await q.query('CREATE TABLE thing (a integer, b integer, CHECK (a < b))');
  }
  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE thing');
  }
}
class DropThingCheck1000000000002 implements MigrationInterface {
  name = 'DropThingCheck1000000000002';
  async up(q: QueryRunner): Promise<void> {
    await q.query('SELECT pg_sleep(0.3)');
    await q.query('ALTER TABLE thing DROP CONSTRAINT thing_check');
  }
  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE thing ADD CHECK (a < b)');
  }
}

describe('starting replicas together (initialiseDataSource)', () => {
  it('migrates a fresh schema once: the other replicas wait and find the migrations done', async () => {
    const infra = testInfra();
    const schema = `miglock_${randomUUID().replace(/-/g, '').slice(0, 8)}`;
    const password = `pw_${schema}`;
    const db = serviceDatabase(infra.databaseUrl, schema, password);
    await ensureServiceSchema(infra.databaseUrl, db, password);
    const replicas = [1, 2, 3].map(() => createServiceDataSource({ db, entities: [], migrations: [CreateThing1000000000001, DropThingCheck1000000000002], poolSize: 2 }));
    try {
      const ran = await Promise.all(replicas.map((ds) => initialiseDataSource(ds)));
      // Exactly one replica ran each migration; none failed on a constraint another had dropped.
      expect(ran.flat().sort()).toEqual(['CreateThing1000000000001', 'DropThingCheck1000000000002']);
      expect(ran.filter((r) => r.length > 0)).toHaveLength(1);
      const [row] = await replicas[0]!.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM pg_constraint WHERE conrelid = 'thing'::regclass AND contype = 'c'`);
      expect(row!.n).toBe(0);
    } finally {
      await Promise.all(replicas.filter((ds) => ds.isInitialized).map((ds) => ds.destroy()));
    }
  });
});
