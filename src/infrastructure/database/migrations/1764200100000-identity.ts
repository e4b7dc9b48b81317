import { MigrationInterface, QueryRunner } from 'typeorm';

/** Logins (users), their sessions, and API clients for machine access (payroll). */
export class Identity1764200100000 implements MigrationInterface {
  name = 'Identity1764200100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE users (
        id uuid PRIMARY KEY,
        agency_id uuid NOT NULL REFERENCES agencies(id),
        email text NOT NULL CHECK (email = lower(email) AND length(email) BETWEEN 3 AND 254),
        display_name text NOT NULL CHECK (length(display_name) BETWEEN 1 AND 200),
        role text NOT NULL CHECK (role IN ('FLEXWORKER', 'RELATION_CONTACT', 'AGENCY_STAFF')),
        flexworker_id uuid,
        relation_id uuid,
        language text NOT NULL,
        password_hash text NOT NULL,
        password_changed_at timestamptz NOT NULL,
        active boolean NOT NULL DEFAULT true,
        version int NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT users_agency_email_key UNIQUE (agency_id, email),
        CONSTRAINT users_flexworker_fkey FOREIGN KEY (agency_id, flexworker_id) REFERENCES flexworkers(agency_id, id),
        CONSTRAINT users_relation_fkey FOREIGN KEY (agency_id, relation_id) REFERENCES relations(agency_id, id),
        CONSTRAINT users_flexworker_key UNIQUE (flexworker_id),
        CONSTRAINT users_role_link_check CHECK (
          (role = 'FLEXWORKER') = (flexworker_id IS NOT NULL)
          AND (role = 'RELATION_CONTACT') = (relation_id IS NOT NULL)
        )
      )`);
    await q.query(`CREATE INDEX users_email_idx ON users (email) WHERE active`);
    await q.query(`
      CREATE TABLE sessions (
        id uuid PRIMARY KEY,
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        agency_id uuid NOT NULL REFERENCES agencies(id),
        token_hash text NOT NULL,
        created_at timestamptz NOT NULL,
        expires_at timestamptz NOT NULL,
        revoked_at timestamptz,
        CONSTRAINT sessions_token_hash_key UNIQUE (token_hash),
        CONSTRAINT sessions_expiry_check CHECK (expires_at > created_at)
      )`);
    await q.query(`CREATE INDEX sessions_user_active_idx ON sessions (user_id) WHERE revoked_at IS NULL`);
    await q.query(`
      CREATE TABLE api_clients (
        id uuid PRIMARY KEY,
        agency_id uuid NOT NULL REFERENCES agencies(id),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        role text NOT NULL CHECK (role IN ('PAYROLL')),
        key_hash text NOT NULL,
        key_prefix text NOT NULL,
        created_at timestamptz NOT NULL,
        created_by uuid NOT NULL REFERENCES users(id),
        revoked_at timestamptz,
        CONSTRAINT api_clients_key_hash_key UNIQUE (key_hash)
      )`);
    await q.query(`CREATE INDEX api_clients_agency_idx ON api_clients (agency_id, created_at, id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE api_clients`);
    await q.query(`DROP TABLE sessions`);
    await q.query(`DROP TABLE users`);
  }
}
