import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Invitations (issue 11, "Je ontvangt per mail een uitnodiging om een account aan te maken"): an
 * invited login has no password until it accepts, so `users.password_hash` becomes nullable. Each
 * invitation keeps the SHA-256 of its single-use token; a login has at most one open invitation
 * (not used, revoked or replaced), which the partial unique index enforces.
 */
export class Invitations1764201000000 implements MigrationInterface {
  name = 'Invitations1764201000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE users ALTER COLUMN password_hash DROP NOT NULL`);
    await q.query(`
      CREATE TABLE invitations (
        id uuid PRIMARY KEY,
        agency_id uuid NOT NULL REFERENCES agencies(id),
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        token_hash text NOT NULL,
        created_at timestamptz NOT NULL,
        created_by uuid REFERENCES users(id) ON DELETE SET NULL,
        expires_at timestamptz NOT NULL,
        used_at timestamptz,
        revoked_at timestamptz,
        replaced_at timestamptz,
        CONSTRAINT invitations_token_hash_key UNIQUE (token_hash),
        CONSTRAINT invitations_expiry_check CHECK (expires_at > created_at),
        CONSTRAINT invitations_one_end_check CHECK (num_nonnulls(used_at, revoked_at, replaced_at) <= 1)
      )`);
    await q.query(`
      CREATE UNIQUE INDEX invitations_open_key ON invitations (user_id)
      WHERE used_at IS NULL AND revoked_at IS NULL AND replaced_at IS NULL`);
    await q.query(`CREATE INDEX invitations_agency_user_idx ON invitations (agency_id, user_id, created_at)`);
    await q.query(`CREATE INDEX invitations_expires_idx ON invitations (expires_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE invitations');
    await q.query(`DELETE FROM users WHERE password_hash IS NULL`);
    await q.query(`ALTER TABLE users ALTER COLUMN password_hash SET NOT NULL`);
  }
}
