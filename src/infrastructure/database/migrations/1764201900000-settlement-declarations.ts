import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A declaration may have origin SETTLEMENT (issue 13, rule 1): the last week of a settlement
 * period with the period's overtime settled, made by the system like a correction of approved
 * hours (the correction stamps say who caused it, when and why; approved by the agency).
 */
export class SettlementDeclarations1764201900000 implements MigrationInterface {
  name = 'SettlementDeclarations1764201900000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE declarations
        DROP CONSTRAINT declarations_origin_check,
        DROP CONSTRAINT declarations_correction_check,
        DROP CONSTRAINT declarations_agency_approval_check,
        ADD CONSTRAINT declarations_origin_check CHECK (origin IN ('WORKER', 'RELATION', 'CORRECTION', 'SETTLEMENT')),
        ADD CONSTRAINT declarations_correction_check CHECK (
          num_nulls(corrected_at, corrected_by, correction_reason, previous_declaration_id) IN (0, 4)
          AND (origin IN ('CORRECTION', 'SETTLEMENT')) = (corrected_at IS NOT NULL)),
        ADD CONSTRAINT declarations_agency_approval_check CHECK (
          NOT approved_by_agency OR (origin IN ('CORRECTION', 'SETTLEMENT') AND relation_approved_at IS NULL)),
        ADD CONSTRAINT declarations_settlement_check CHECK (origin <> 'SETTLEMENT' OR approved_by_agency)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE declarations
        DROP CONSTRAINT declarations_settlement_check,
        DROP CONSTRAINT declarations_origin_check,
        DROP CONSTRAINT declarations_correction_check,
        DROP CONSTRAINT declarations_agency_approval_check,
        ADD CONSTRAINT declarations_origin_check CHECK (origin IN ('WORKER', 'RELATION', 'CORRECTION')),
        ADD CONSTRAINT declarations_correction_check CHECK (
          num_nulls(corrected_at, corrected_by, correction_reason, previous_declaration_id) IN (0, 4)
          AND (origin = 'CORRECTION') = (corrected_at IS NOT NULL)),
        ADD CONSTRAINT declarations_agency_approval_check CHECK (NOT approved_by_agency OR (origin = 'CORRECTION' AND relation_approved_at IS NULL))`);
  }
}
