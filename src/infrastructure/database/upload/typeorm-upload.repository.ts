import { UploadRepository } from '../../../application/ports/upload.repository';
import { Upload, UploadContentType, UploadPurpose } from '../../../domain/upload/upload.entity';
import { DatabaseContext } from '../database-context';
import { isUuid } from '../organisation/keyset-cursor';

interface UploadRow {
  id: string;
  agency_id: string;
  uploaded_by: string;
  file_name: string;
  content_type: string;
  sha256: string;
  size: number;
  created_at: Date;
  expires_at: Date;
  used_at: Date | null;
  used_for: string | null;
}

const COLUMNS = 'id, agency_id, uploaded_by, file_name, content_type, sha256, size, created_at, expires_at, used_at, used_for';

/** Plain SQL on `uploads` (migration 1764201400000). */
export class TypeormUploadRepository extends UploadRepository {
  constructor(private readonly db: DatabaseContext) {
    super();
  }

  async insert(upload: Upload): Promise<void> {
    const u = upload.toProps();
    await this.db.manager().query(
      `INSERT INTO uploads (${COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
      [u.id, u.agencyId, u.uploadedBy, u.fileName, u.contentType, u.sha256, u.size, u.createdAt, u.expiresAt, u.usedAt, u.usedFor],
    );
  }

  async findForUpdate(agencyId: string, id: string): Promise<Upload | null> {
    if (!isUuid(agencyId) || !isUuid(id)) return null;
    const rows = (await this.db.manager().query(`SELECT ${COLUMNS} FROM uploads WHERE agency_id = $1 AND id = $2 FOR UPDATE`, [agencyId, id])) as UploadRow[];
    return rows.length === 0 ? null : toDomain(rows[0]);
  }

  async markUsed(upload: Upload): Promise<void> {
    await this.db.manager().query(`UPDATE uploads SET used_at = $3, used_for = $4 WHERE agency_id = $1 AND id = $2`, [upload.agencyId, upload.id, upload.usedAt, upload.usedFor]);
  }

  async deleteExpiredBefore(cutoff: Date): Promise<number> {
    // TypeORM answers a DELETE on PostgreSQL as [rows, count].
    const [, count] = (await this.db.manager().query(`DELETE FROM uploads WHERE used_at IS NULL AND expires_at < $1`, [cutoff])) as [unknown, number];
    return count;
  }
}

function toDomain(row: UploadRow): Upload {
  return Upload.rehydrate({
    id: row.id,
    agencyId: row.agency_id,
    uploadedBy: row.uploaded_by,
    fileName: row.file_name,
    contentType: row.content_type as UploadContentType,
    sha256: row.sha256,
    size: Number(row.size),
    createdAt: new Date(row.created_at),
    expiresAt: new Date(row.expires_at),
    usedAt: row.used_at ? new Date(row.used_at) : null,
    usedFor: row.used_for as UploadPurpose | null,
  });
}
