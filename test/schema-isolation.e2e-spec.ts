import { Client } from 'pg';
import { ensureServiceSchema, serviceDatabase } from '@switchboard/persistence';
import { testInfra } from '@switchboard/testing';

/** Each service's role can use only its own schema (issue #2 §3, architecture.md). */
describe('schema isolation between services', () => {
  const admin = testInfra().databaseUrl;
  const dbFor = (schema: 'intake' | 'dispatch' | 'scoring' | 'callback') => serviceDatabase(admin, schema, `sb_${schema}_local`);

  beforeAll(async () => {
    for (const schema of ['intake', 'dispatch', 'scoring', 'callback'] as const) {
      await ensureServiceSchema(admin, dbFor(schema), `sb_${schema}_local`);
      const c = new Client({ connectionString: dbFor(schema).url });
      await c.connect();
      await c.query('CREATE TABLE IF NOT EXISTS isolation_probe (id int PRIMARY KEY)');
      await c.end();
    }
  });

  async function as<T>(schema: 'intake' | 'dispatch' | 'scoring' | 'callback', fn: (c: Client) => Promise<T>): Promise<T> {
    const c = new Client({ connectionString: dbFor(schema).url });
    await c.connect();
    try {
      return await fn(c);
    } finally {
      await c.end();
    }
  }

  it.each([
    ['intake', 'dispatch'],
    ['scoring', 'callback'],
  ] as const)('the %s role cannot read or write the %s schema', async (self, other) => {
    await as(self, async (c) => {
      await expect(c.query('INSERT INTO isolation_probe VALUES (1) ON CONFLICT DO NOTHING')).resolves.toBeDefined();
      await expect(c.query(`SELECT * FROM ${other}.isolation_probe`)).rejects.toThrow(/permission denied for schema/);
      await expect(c.query(`INSERT INTO ${other}.isolation_probe VALUES (2)`)).rejects.toThrow(/permission denied for schema/);
      await expect(c.query(`CREATE TABLE ${other}.intruder (id int)`)).rejects.toThrow(/permission denied for schema/);
      await expect(c.query('CREATE TABLE public.intruder (id int)')).rejects.toThrow(/permission denied for schema/);
    });
  });
});
