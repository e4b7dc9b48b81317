import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Reminders to enter hours (issue 11).
 *
 * - `agencies.reminder_moments`: when reminders go out, `FRI 16:00` per moment (a weekday and a
 *   wall-clock time in the agency's zone), in week order; empty: none. Existing agencies get the
 *   defaults, Friday 16:00 and Monday 09:00.
 * - `hours_reminders`: one row per recipient (a login) and slot (the instant of one occurrence of
 *   a moment), written with `ON CONFLICT DO NOTHING` in the same transaction as the mail's outbox
 *   row; only the process whose insert took the row enqueues the mail. So a recipient gets at most
 *   one reminder per slot, listing each open week once, also with several server processes and
 *   after a restart. `weeks` are the ISO weeks the mail listed.
 */
export class HoursReminders1764201200000 implements MigrationInterface {
  name = 'HoursReminders1764201200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE agencies ADD COLUMN reminder_moments text[] NOT NULL DEFAULT ARRAY['MON 09:00', 'FRI 16:00']::text[]`);
    // The default fills the agencies there are; a new agency's settings always name their moments (the domain's default).
    await q.query('ALTER TABLE agencies ALTER COLUMN reminder_moments DROP DEFAULT');
    await q.query(`
      ALTER TABLE agencies ADD CONSTRAINT agencies_reminder_moments_check CHECK (
        cardinality(reminder_moments) <= 14
        AND array_to_string(reminder_moments, ',') ~ '^((MON|TUE|WED|THU|FRI|SAT|SUN) ([01][0-9]|2[0-3]):[0-5][0-9](,|$))*$'
      )`);
    await q.query(`
      CREATE TABLE hours_reminders (
        agency_id uuid NOT NULL REFERENCES agencies(id),
        user_id uuid NOT NULL REFERENCES users(id),
        slot_at timestamptz NOT NULL,
        weeks text[] NOT NULL CHECK (cardinality(weeks) BETWEEN 1 AND 1000),
        mail_id uuid,
        created_at timestamptz NOT NULL,
        CONSTRAINT hours_reminders_pkey PRIMARY KEY (user_id, slot_at)
      )`);
    await q.query(`CREATE INDEX hours_reminders_agency_slot_idx ON hours_reminders (agency_id, slot_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE hours_reminders');
    await q.query('ALTER TABLE agencies DROP CONSTRAINT agencies_reminder_moments_check');
    await q.query('ALTER TABLE agencies DROP COLUMN reminder_moments');
  }
}
