import { InvitationRepository } from '../../../application/ports/invitation.repository';
import { Invitation } from '../../../domain/identity/invitation.entity';
import { ConflictError } from '../../../domain/shared/domain-error';
import { DatabaseContext } from '../database-context';
import { isUuid } from '../organisation/keyset-cursor';
import { isUniqueViolation } from '../postgres-errors';

interface InvitationRow {
  id: string;
  agency_id: string;
  user_id: string;
  token_hash: string;
  created_at: Date;
  created_by: string | null;
  expires_at: Date;
  used_at: Date | null;
  revoked_at: Date | null;
  replaced_at: Date | null;
}

const COLUMNS = 'id, agency_id, user_id, token_hash, created_at, created_by, expires_at, used_at, revoked_at, replaced_at';
const OPEN = 'used_at IS NULL AND revoked_at IS NULL AND replaced_at IS NULL';

/** Invitations in `invitations` (migration 1764201000000), in the unit of work in progress. */
export class TypeormInvitationRepository extends InvitationRepository {
  constructor(private readonly db: DatabaseContext) {
    super();
  }

  async insert(invitation: Invitation): Promise<void> {
    const p = invitation.toProps();
    try {
      await this.db.manager().query(
        `INSERT INTO invitations (${COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
        [p.id, p.agencyId, p.userId, p.tokenHash, p.createdAt, p.createdBy, p.expiresAt, p.usedAt, p.revokedAt, p.replacedAt],
      );
    } catch (error) {
      if (isUniqueViolation(error, 'invitations_open_key')) {
        throw new ConflictError('INVITATION_OPEN', 'This login has an open invitation already: resend or revoke it');
      }
      throw error;
    }
  }

  async findByTokenHash(tokenHash: string): Promise<Invitation | null> {
    const rows: InvitationRow[] = await this.db.manager().query(`SELECT ${COLUMNS} FROM invitations WHERE token_hash = $1`, [tokenHash]);
    return rows.length === 0 ? null : toDomain(rows[0]);
  }

  async findOpenOfUser(agencyId: string, userId: string): Promise<Invitation | null> {
    if (!isUuid(agencyId) || !isUuid(userId)) return null;
    const rows: InvitationRow[] = await this.db.manager().query(
      `SELECT ${COLUMNS} FROM invitations WHERE agency_id = $1 AND user_id = $2 AND ${OPEN}`,
      [agencyId, userId],
    );
    return rows.length === 0 ? null : toDomain(rows[0]);
  }

  async latestOfUsers(agencyId: string, userIds: readonly string[]): Promise<Map<string, Invitation>> {
    const ids = userIds.filter(isUuid);
    if (ids.length === 0 || !isUuid(agencyId)) return new Map();
    const rows: InvitationRow[] = await this.db.manager().query(
      `SELECT DISTINCT ON (user_id) ${COLUMNS} FROM invitations
       WHERE agency_id = $1 AND user_id = ANY($2::uuid[]) ORDER BY user_id, created_at DESC, id DESC`,
      [agencyId, ids],
    );
    return new Map(rows.map((row) => [row.user_id, toDomain(row)]));
  }

  async close(invitation: Invitation): Promise<boolean> {
    const p = invitation.toProps();
    const result: unknown = await this.db.manager().query(
      `UPDATE invitations SET used_at = $2, revoked_at = $3, replaced_at = $4 WHERE id = $1 AND ${OPEN}`,
      [p.id, p.usedAt, p.revokedAt, p.replacedAt],
    );
    return rowCount(result) === 1;
  }

  async deleteEndedBefore(cutoff: Date): Promise<number> {
    const result: unknown = await this.db.manager().query(
      `DELETE FROM invitations WHERE expires_at < $1 OR COALESCE(used_at, revoked_at, replaced_at) < $1`,
      [cutoff],
    );
    return rowCount(result);
  }

  async useUpAllOfUser(userId: string, at: Date): Promise<void> {
    await this.db.manager().query(`UPDATE invitations SET used_at = $2 WHERE user_id = $1 AND ${OPEN}`, [userId, at]);
  }
}

/** TypeORM answers an UPDATE on PostgreSQL with `[rows, rowCount]`. */
function rowCount(result: unknown): number {
  if (Array.isArray(result) && result.length === 2 && typeof result[1] === 'number') return result[1];
  throw new Error('unexpected answer to an UPDATE');
}

const dateOrNull = (value: Date | null) => (value === null ? null : new Date(value));

function toDomain(row: InvitationRow): Invitation {
  return Invitation.rehydrate({
    id: row.id,
    agencyId: row.agency_id,
    userId: row.user_id,
    tokenHash: row.token_hash,
    createdAt: new Date(row.created_at),
    createdBy: row.created_by,
    expiresAt: new Date(row.expires_at),
    usedAt: dateOrNull(row.used_at),
    revokedAt: dateOrNull(row.revoked_at),
    replacedAt: dateOrNull(row.replaced_at),
  });
}
