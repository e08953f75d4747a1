import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 7, email surveys and the customer's own time zone: a ticket remembers its customer, and a
 * customer's contact preferences (`customer.set-contact-preferences`: email, time zone, preferred
 * callback channel) are kept by customer id — the newest command wins (`set_at`).
 */
export class CustomerContactPreferences1765060000000 implements MigrationInterface {
  name = 'CustomerContactPreferences1765060000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE tickets ADD COLUMN customer_id text`);
    await q.query(`CREATE INDEX tickets_customer ON tickets (customer_id)`);
    await q.query(`
      CREATE TABLE customer_preferences (
        customer_id      text        PRIMARY KEY,
        email            text,
        time_zone        text,
        callback_channel text        CHECK (callback_channel IN ('phone', 'sms', 'email')),
        set_at           timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX customer_preferences_email ON customer_preferences (lower(email)) WHERE email IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE customer_preferences');
    await q.query('DROP INDEX tickets_customer');
    await q.query('ALTER TABLE tickets DROP COLUMN customer_id');
  }
}
