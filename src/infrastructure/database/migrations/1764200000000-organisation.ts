import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The organisation model: agencies (the tenants, with their settings), relations, flexworkers
 * and placements. Every row carries agency_id; placements reference workers and relations by
 * (agency_id, id), so that a placement cannot join two agencies even by a bug. The keyset
 * indexes match the orders of the lists (name, then id; latest start, then id).
 */
export class Organisation1764200000000 implements MigrationInterface {
  name = 'Organisation1764200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE agencies (
        id uuid PRIMARY KEY,
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        time_zone text NOT NULL DEFAULT 'Europe/Amsterdam' CHECK (length(time_zone) BETWEEN 1 AND 64),
        enabled_tabs text[] NOT NULL,
        approval_deadline_weekday text NOT NULL DEFAULT 'MON',
        approval_deadline_minute smallint NOT NULL DEFAULT 720,
        pay_weekday text NOT NULL DEFAULT 'WED',
        pay_day_on_holiday text NOT NULL DEFAULT 'NEXT_WORKING_DAY',
        declaration_visibility_days smallint NOT NULL DEFAULT 28,
        version int NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT agencies_enabled_tabs_check CHECK (enabled_tabs <@ ARRAY['DECLARATION_STATUS', 'PAYSLIPS', 'ANNUAL_STATEMENTS', 'PERSONAL_INFORMATION', 'CONTACT', 'DOCUMENTS']::text[]),
        CONSTRAINT agencies_approval_deadline_weekday_check CHECK (approval_deadline_weekday IN ('MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT', 'SUN')),
        CONSTRAINT agencies_approval_deadline_minute_check CHECK (approval_deadline_minute BETWEEN 0 AND 1439),
        CONSTRAINT agencies_pay_weekday_check CHECK (pay_weekday IN ('MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT', 'SUN')),
        CONSTRAINT agencies_pay_day_on_holiday_check CHECK (pay_day_on_holiday IN ('NEXT_WORKING_DAY', 'PREVIOUS_WORKING_DAY')),
        CONSTRAINT agencies_declaration_visibility_days_check CHECK (declaration_visibility_days BETWEEN 1 AND 366)
      )`);

    await q.query(`
      CREATE TABLE relations (
        id uuid PRIMARY KEY,
        agency_id uuid NOT NULL,
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        chamber_of_commerce_number text CHECK (chamber_of_commerce_number ~ '^[0-9]{8}$'),
        contact_email text CHECK (length(contact_email) <= 254),
        contact_phone text CHECK (length(contact_phone) <= 32),
        active boolean NOT NULL DEFAULT true,
        version int NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT relations_agency_fkey FOREIGN KEY (agency_id) REFERENCES agencies(id),
        CONSTRAINT relations_agency_id_key UNIQUE (agency_id, id)
      )`);
    await q.query(`CREATE INDEX relations_agency_name_idx ON relations (agency_id, lower(name), id)`);

    await q.query(`
      CREATE TABLE flexworkers (
        id uuid PRIMARY KEY,
        agency_id uuid NOT NULL,
        first_name text NOT NULL CHECK (length(first_name) BETWEEN 1 AND 100),
        last_name text NOT NULL CHECK (length(last_name) BETWEEN 1 AND 100),
        email text NOT NULL CHECK (email = lower(email) AND length(email) BETWEEN 3 AND 254),
        phone text CHECK (length(phone) <= 32),
        language text NOT NULL CHECK (language IN ('nl', 'bg', 'de', 'en', 'hu', 'pl', 'pt', 'ro')),
        date_of_birth date,
        address_street text CHECK (length(address_street) <= 100),
        address_house_number text CHECK (length(address_house_number) <= 16),
        address_postal_code text CHECK (length(address_postal_code) <= 12),
        address_city text CHECK (length(address_city) <= 80),
        address_country text CHECK (address_country ~ '^[A-Z]{2}$'),
        bsn_encrypted text CHECK (bsn_encrypted LIKE 'v1:%'),
        iban_encrypted text CHECK (iban_encrypted LIKE 'v1:%'),
        version int NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT flexworkers_agency_fkey FOREIGN KEY (agency_id) REFERENCES agencies(id),
        CONSTRAINT flexworkers_agency_id_key UNIQUE (agency_id, id),
        CONSTRAINT flexworkers_agency_email_key UNIQUE (agency_id, email),
        CONSTRAINT flexworkers_address_complete_check CHECK (
          num_nulls(address_street, address_house_number, address_postal_code, address_city, address_country) IN (0, 5)
        )
      )`);
    await q.query(`CREATE INDEX flexworkers_agency_name_idx ON flexworkers (agency_id, lower(last_name), lower(first_name), id)`);

    await q.query(`
      CREATE TABLE placements (
        id uuid PRIMARY KEY,
        agency_id uuid NOT NULL,
        flexworker_id uuid NOT NULL,
        relation_id uuid NOT NULL,
        start_date date NOT NULL,
        end_date date,
        function_name text NOT NULL CHECK (length(function_name) BETWEEN 1 AND 100),
        cost_centre text CHECK (length(cost_centre) <= 50),
        contract_minutes_per_week int NOT NULL CHECK (contract_minutes_per_week BETWEEN 0 AND 3600),
        allowed_entry_modes text[] NOT NULL,
        hours_entered_by text NOT NULL CHECK (hours_entered_by IN ('FLEXWORKER', 'RELATION')),
        send_invitations boolean NOT NULL,
        send_reminders boolean NOT NULL,
        cao_schedule_id text CHECK (length(cao_schedule_id) BETWEEN 1 AND 64),
        hour_codes jsonb,
        version int NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT placements_agency_fkey FOREIGN KEY (agency_id) REFERENCES agencies(id),
        CONSTRAINT placements_flexworker_fkey FOREIGN KEY (agency_id, flexworker_id) REFERENCES flexworkers(agency_id, id),
        CONSTRAINT placements_relation_fkey FOREIGN KEY (agency_id, relation_id) REFERENCES relations(agency_id, id),
        CONSTRAINT placements_period_check CHECK (end_date IS NULL OR end_date >= start_date),
        CONSTRAINT placements_entry_modes_check CHECK (
          cardinality(allowed_entry_modes) BETWEEN 1 AND 2 AND allowed_entry_modes <@ ARRAY['DAY_TOTAL', 'TIMES']::text[]
        ),
        CONSTRAINT placements_relation_enters_no_notifications_check CHECK (
          hours_entered_by = 'FLEXWORKER' OR NOT (send_invitations OR send_reminders)
        ),
        CONSTRAINT placements_hour_source_check CHECK (
          (cao_schedule_id IS NULL) <> (hour_codes IS NULL)
          AND (hour_codes IS NULL OR (jsonb_typeof(hour_codes) = 'array' AND jsonb_array_length(hour_codes) > 0))
        )
      )`);
    await q.query(`CREATE INDEX placements_agency_start_idx ON placements (agency_id, start_date DESC, id DESC)`);
    await q.query(`CREATE INDEX placements_relation_start_idx ON placements (agency_id, relation_id, start_date DESC, id DESC)`);
    await q.query(`CREATE INDEX placements_flexworker_start_idx ON placements (agency_id, flexworker_id, start_date DESC, id DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE placements`);
    await q.query(`DROP TABLE flexworkers`);
    await q.query(`DROP TABLE relations`);
    await q.query(`DROP TABLE agencies`);
  }
}
