import { Client } from 'pg';

/** The schema each service owns (issue #2 §3): one schema, one role, nothing else. */
export const ServiceSchemas = ['gateway', 'intake', 'dispatch', 'sla', 'callback', 'scoring'] as const;
export type ServiceSchema = (typeof ServiceSchemas)[number];

export interface ServiceDatabase {
  /** One of ServiceSchemas for the services; tests use throwaway schemas of their own. */
  schema: string;
  role: string;
  /** The URL the service itself uses: its own role, its own search_path. */
  url: string;
}

export function roleFor(schema: string): string {
  return `sb_${schema}`;
}

/**
 * Derives the service's own connection from the administrative DATABASE_URL: same host and
 * database, the service's role and password. A deployment may instead hand each service its own
 * URL (`SERVICE_DATABASE_URL`), in which case no bootstrap is needed.
 */
export function serviceDatabase(adminUrl: string, schema: string, password: string): ServiceDatabase {
  const url = new URL(adminUrl);
  const role = roleFor(schema);
  url.username = role;
  url.password = password;
  return { schema, role, url: url.toString() };
}

const ident = (s: string) => {
  if (!/^[a-z_][a-z0-9_]*$/.test(s)) throw new Error(`unsafe SQL identifier: ${s}`);
  return `"${s}"`;
};

/**
 * Creates (idempotently) the service's login role and its schema, owned by that role, and
 * takes away what PostgreSQL grants to PUBLIC by default, so the role can use only its schema.
 * Runs with the administrative URL, once at start, before migrations.
 */
export async function ensureServiceSchema(adminUrl: string, db: ServiceDatabase, password: string): Promise<void> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    // Two services booting at once must not race on CREATE ROLE.
    await client.query('SELECT pg_advisory_lock(hashtext($1))', ['switchboard.schema-bootstrap']);
    const role = ident(db.role);
    const schema = ident(db.schema);
    const exists = await client.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [db.role]);
    const pw = password.replace(/'/g, "''");
    if (exists.rowCount === 0) {
      // Roles are cluster-wide while the advisory lock is per database: another database's
      // bootstrap may create the role first.
      await client.query(`CREATE ROLE ${role} LOGIN PASSWORD '${pw}' NOSUPERUSER NOCREATEDB NOCREATEROLE`).catch((e: { code?: string }) => {
        if (e.code !== '42710' && e.code !== '23505') throw e;
      });
      await client.query(`ALTER ROLE ${role} LOGIN PASSWORD '${pw}'`);
    } else {
      await client.query(`ALTER ROLE ${role} LOGIN PASSWORD '${pw}'`);
    }
    // The bootstrapping user must be a member to hand the schema over (PostgreSQL 16+ rule).
    await client.query(`GRANT ${role} TO CURRENT_USER`).catch(() => undefined);
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${schema} AUTHORIZATION ${role}`);
    await client.query(`ALTER SCHEMA ${schema} OWNER TO ${role}`);
    await client.query(`ALTER ROLE ${role} SET search_path = ${schema}`);
    await client.query('REVOKE ALL ON SCHEMA public FROM PUBLIC');
    const dbName = (await client.query<{ db: string }>('SELECT current_database() AS db')).rows[0]!.db;
    await client.query(`REVOKE CREATE, TEMPORARY ON DATABASE ${ident(dbName)} FROM PUBLIC`);
    await client.query(`GRANT CONNECT ON DATABASE ${ident(dbName)} TO ${role}`);
    await client.query('SELECT pg_advisory_unlock(hashtext($1))', ['switchboard.schema-bootstrap']);
  } finally {
    await client.end();
  }
}
