import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What a payroll export line needs beyond the hours (issue 10): the worker's number in the
 * payroll system, unique within the agency when set (a partial unique index, so that any number
 * of workers may have none); the placement's cost centre (now 1–64 characters, was at most 50)
 * and the relation's purchase-order reference; and the agency's choice whether its payroll
 * system may read workers' full BSN (off until staff turn it on).
 */
export class PayrollFields1764200600000 implements MigrationInterface {
  name = 'PayrollFields1764200600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE flexworkers ADD COLUMN payroll_number text NULL
        CONSTRAINT flexworkers_payroll_number_check CHECK (payroll_number ~ '^[A-Za-z0-9._/-]{1,32}$')`);
    await q.query(`
      CREATE UNIQUE INDEX flexworkers_agency_payroll_number_key ON flexworkers (agency_id, payroll_number)
        WHERE payroll_number IS NOT NULL`);

    // The domain never stored a blank cost centre (blank means none); made sure before the check.
    await q.query(`UPDATE placements SET cost_centre = NULL WHERE btrim(cost_centre) = ''`);
    await q.query(`ALTER TABLE placements DROP CONSTRAINT placements_cost_centre_check`);
    await q.query(`ALTER TABLE placements ADD CONSTRAINT placements_cost_centre_check CHECK (length(cost_centre) BETWEEN 1 AND 64)`);
    await q.query(`
      ALTER TABLE placements ADD COLUMN purchase_order_reference text NULL
        CONSTRAINT placements_purchase_order_reference_check CHECK (length(purchase_order_reference) BETWEEN 1 AND 64)`);

    await q.query(`ALTER TABLE agencies ADD COLUMN payroll_reads_bsn boolean NOT NULL DEFAULT false`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE agencies DROP COLUMN payroll_reads_bsn`);
    await q.query(`ALTER TABLE placements DROP COLUMN purchase_order_reference`);
    await q.query(`ALTER TABLE placements DROP CONSTRAINT placements_cost_centre_check`);
    await q.query(`UPDATE placements SET cost_centre = left(cost_centre, 50) WHERE length(cost_centre) > 50`);
    await q.query(`ALTER TABLE placements ADD CONSTRAINT placements_cost_centre_check CHECK (length(cost_centre) <= 50)`);
    await q.query(`DROP INDEX flexworkers_agency_payroll_number_key`);
    await q.query(`ALTER TABLE flexworkers DROP COLUMN payroll_number`);
  }
}
