import { IdGenerator } from '../../../application/ports/id-generator';
import { PasswordResetRepository } from '../../../application/ports/password-reset.repository';
import { PasswordReset } from '../../../domain/identity/password-reset.entity';
import { DatabaseContext } from '../database-context';

interface ResetRow {
  id: string;
  user_id: string;
  agency_id: string;
  token_hash: string;
  created_at: Date;
  expires_at: Date;
  used_at: Date | null;
}

/** Password reset requests in `password_resets` (migration 1764201100000), in the unit of work in progress. */
export class TypeormPasswordResetRepository extends PasswordResetRepository {
  constructor(
    private readonly db: DatabaseContext,
    private readonly ids: IdGenerator,
  ) {
    super();
  }

  async insert(reset: PasswordReset): Promise<void> {
    const p = reset.toProps();
    await this.db.manager().query(
      `INSERT INTO password_resets (id, user_id, agency_id, token_hash, created_at, expires_at, used_at) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [p.id, p.userId, p.agencyId, p.tokenHash, p.createdAt, p.expiresAt, p.usedAt],
    );
  }

  async insertDecoy(tokenHash: string, now: Date): Promise<void> {
    await this.db.manager().query(
      `INSERT INTO password_resets (id, user_id, agency_id, token_hash, created_at, expires_at, used_at) VALUES ($1, NULL, NULL, $2, $3, $3, $3)`,
      [this.ids.next(), tokenHash, now],
    );
  }

  /** A decoy (no login) is never found. */
  async findByTokenHash(tokenHash: string): Promise<PasswordReset | null> {
    const rows: ResetRow[] = await this.db.manager().query(
      `SELECT id, user_id, agency_id, token_hash, created_at, expires_at, used_at FROM password_resets WHERE token_hash = $1 AND user_id IS NOT NULL`,
      [tokenHash],
    );
    return rows.length === 0 ? null : toDomain(rows[0]);
  }

  async deleteExpiredBefore(cutoff: Date): Promise<number> {
    return rowCount(await this.db.manager().query(`DELETE FROM password_resets WHERE expires_at < $1`, [cutoff]));
  }

  /** The row of this token is claimed first (its row lock makes a second redeemer wait, then find it used). */
  async useUp(reset: PasswordReset, at: Date): Promise<boolean> {
    const manager = this.db.manager();
    const claimed: unknown = await manager.query(`UPDATE password_resets SET used_at = $2 WHERE id = $1 AND used_at IS NULL`, [reset.id, at]);
    if (rowCount(claimed) === 0) return false;
    await manager.query(`UPDATE password_resets SET used_at = $2 WHERE user_id = $1 AND used_at IS NULL`, [reset.userId, at]);
    return true;
  }
}

/** TypeORM answers an UPDATE on PostgreSQL with `[rows, rowCount]`. */
function rowCount(result: unknown): number {
  if (Array.isArray(result) && result.length === 2 && typeof result[1] === 'number') return result[1];
  throw new Error('unexpected answer to an UPDATE');
}

function toDomain(row: ResetRow): PasswordReset {
  return PasswordReset.rehydrate({
    id: row.id,
    userId: row.user_id,
    agencyId: row.agency_id,
    tokenHash: row.token_hash,
    createdAt: new Date(row.created_at),
    expiresAt: new Date(row.expires_at),
    usedAt: row.used_at === null ? null : new Date(row.used_at),
  });
}
