import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Password reset requests (issue 11, "Wachtwoord vergeten"): one row per login mailed, with the
 * SHA-256 of its single-use token (the token itself is only in the mail). A request for an address
 * without a login writes a decoy row (no user, expired at once) so that both answers cost the same
 * work; it can never be redeemed.
 */
export class PasswordResets1764201100000 implements MigrationInterface {
  name = 'PasswordResets1764201100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE password_resets (
        id uuid PRIMARY KEY,
        user_id uuid REFERENCES users(id) ON DELETE CASCADE,
        agency_id uuid REFERENCES agencies(id),
        token_hash text NOT NULL UNIQUE,
        created_at timestamptz NOT NULL,
        expires_at timestamptz NOT NULL,
        used_at timestamptz,
        CONSTRAINT password_resets_login_check CHECK ((user_id IS NULL) = (agency_id IS NULL)),
        CONSTRAINT password_resets_expiry_check CHECK (expires_at >= created_at)
      )`);
    await q.query(`CREATE INDEX password_resets_open_idx ON password_resets (user_id) WHERE used_at IS NULL`);
    await q.query(`CREATE INDEX password_resets_expires_idx ON password_resets (expires_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE password_resets');
  }
}
