import { SigningRequestFilter, SigningRequestRepository, StoredSigningEvidence } from '../../../application/ports/signing-request.repository';
import { emptyPage, invalidCursor, Page, pageOfItems, PageQuery } from '../../../application/shared/pagination';
import { SigningRequest, SigningStatus } from '../../../domain/signing/signing-request.entity';
import { LocalDate } from '../../../domain/time/local-date.value-object';
import { stale } from '../agency-scoped-rows';
import { DatabaseContext } from '../database-context';
import { decodeCursor, encodeCursor, isUuid } from '../organisation/keyset-cursor';

const LIST = 'signingRequests';
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

interface RequestRow {
  id: string;
  agency_id: string;
  flexworker_id: string;
  placement_id: string | null;
  title: string;
  due_date: string | null;
  original_file_name: string;
  original_sha256: string;
  original_size: number;
  status: string;
  created_by: string;
  created_at: Date;
  decided_at: Date | null;
  decided_by: string | null;
  decline_reason: string | null;
  signed_file_name: string | null;
  signed_sha256: string | null;
  signed_size: number | null;
  version: number;
}

const COLUMNS = [
  'id', 'agency_id', 'flexworker_id', 'placement_id', 'title', 'due_date', 'original_file_name', 'original_sha256', 'original_size', 'status',
  'created_by', 'created_at', 'decided_at', 'decided_by', 'decline_reason', 'signed_file_name', 'signed_sha256', 'signed_size', 'version',
];
const SELECT = `SELECT ${COLUMNS.map((c) => (c === 'due_date' ? "to_char(due_date, 'YYYY-MM-DD') AS due_date" : c)).join(', ')} FROM signing_requests`;

const EVIDENCE_COLUMNS = [
  'request_id', 'agency_id', 'document_title', 'document_sha256', 'signed_sha256', 'agency_name', 'signer_name', 'signer_user_id', 'flexworker_id',
  'signed_at', 'time_zone', 'ip_address', 'user_agent', 'consent_text', 'consent_version', 'consent_language', 'authentication',
];

/** Plain SQL on `signing_requests` and `signing_evidence` (migration 1764201600000). */
export class TypeormSigningRequestRepository extends SigningRequestRepository {
  constructor(private readonly db: DatabaseContext) {
    super();
  }

  private async rows<T>(sql: string, params: unknown[]): Promise<T[]> {
    return (await this.db.manager().query(sql, params)) as T[];
  }

  async insert(request: SigningRequest): Promise<void> {
    const values = toRow(request);
    await this.rows(`INSERT INTO signing_requests (${COLUMNS.join(', ')}) VALUES (${COLUMNS.map((_, i) => `$${i + 1}`).join(', ')})`, COLUMNS.map((c) => values[c as keyof RequestRow]));
  }

  async findById(agencyId: string, id: string): Promise<SigningRequest | null> {
    if (!isUuid(agencyId) || !isUuid(id)) return null;
    const rows = await this.rows<RequestRow>(`${SELECT} WHERE agency_id = $1 AND id = $2`, [agencyId, id]);
    return rows.length === 0 ? null : toDomain(rows[0]);
  }

  async update(request: SigningRequest): Promise<SigningRequest> {
    const s = request.toState();
    // TypeORM answers an UPDATE … RETURNING on PostgreSQL as [rows, count].
    const [rows] = (await this.db.manager().query(
      `UPDATE signing_requests SET status = $3, decided_at = $4, decided_by = $5, decline_reason = $6,
              signed_file_name = $7, signed_sha256 = $8, signed_size = $9, version = version + 1
        WHERE agency_id = $1 AND id = $2 AND version = $10 RETURNING version`,
      [s.agencyId, s.id, s.status, s.decidedAt, s.decidedBy, s.declineReason, s.signed?.fileName ?? null, s.signed?.sha256 ?? null, s.signed?.size ?? null, s.version],
    )) as [{ version: number }[], number];
    if (rows.length === 0) throw stale('signing request');
    return request.withVersion(rows[0].version);
  }

  async list(agencyId: string, filter: SigningRequestFilter, page: PageQuery): Promise<Page<SigningRequest>> {
    const after = page.after === null ? null : decodeCursor(LIST, page.after, 2);
    if (after && (!ISO.test(after[0]) || Number.isNaN(Date.parse(after[0])))) throw invalidCursor();
    if (!isUuid(agencyId) || (filter.flexworkerId !== undefined && !isUuid(filter.flexworkerId))) return emptyPage();
    const where = ['agency_id = $1'];
    const params: unknown[] = [agencyId];
    if (filter.flexworkerId) where.push(`flexworker_id = $${params.push(filter.flexworkerId)}`);
    if (filter.status) where.push(`status = $${params.push(filter.status)}`);
    if (after) where.push(`(created_at, id) < ($${params.push(after[0])}::timestamptz, $${params.push(after[1])}::uuid)`);
    const rows = await this.rows<RequestRow>(`${SELECT} WHERE ${where.join(' AND ')} ORDER BY created_at DESC, id DESC LIMIT $${params.push(page.first + 1)}`, params);
    const items = rows.slice(0, page.first).map(toDomain);
    return pageOfItems(items, items.map((r) => encodeCursor(LIST, [r.createdAt.toISOString(), r.id])), rows.length > page.first);
  }

  async findBySignedSha256(agencyId: string, sha256: string): Promise<SigningRequest | null> {
    if (!isUuid(agencyId) || !/^[0-9a-f]{64}$/.test(sha256)) return null;
    const rows = await this.rows<RequestRow>(`${SELECT} WHERE agency_id = $1 AND signed_sha256 = $2`, [agencyId, sha256]);
    return rows.length === 0 ? null : toDomain(rows[0]);
  }

  async insertEvidence(e: StoredSigningEvidence): Promise<void> {
    const values = [
      e.requestId, e.agencyId, e.documentTitle, e.documentSha256, e.signedSha256, e.agencyName, e.signerName, e.signerUserId, e.flexworkerId,
      e.signedAt, e.timeZone, e.ipAddress, e.userAgent, e.consentText, e.consentVersion, e.consentLanguage, e.authentication,
    ];
    await this.rows(`INSERT INTO signing_evidence (${EVIDENCE_COLUMNS.join(', ')}) VALUES (${EVIDENCE_COLUMNS.map((_, i) => `$${i + 1}`).join(', ')})`, values);
  }

  async findEvidence(agencyId: string, requestIds: readonly string[]): Promise<StoredSigningEvidence[]> {
    const ids = requestIds.filter(isUuid);
    if (!isUuid(agencyId) || ids.length === 0) return [];
    const rows = await this.rows<Record<string, unknown>>(`SELECT ${EVIDENCE_COLUMNS.join(', ')} FROM signing_evidence WHERE agency_id = $1 AND request_id = ANY($2::uuid[])`, [agencyId, ids]);
    return rows.map((r) => ({
      requestId: String(r.request_id),
      agencyId: String(r.agency_id),
      documentTitle: String(r.document_title),
      documentSha256: String(r.document_sha256),
      signedSha256: String(r.signed_sha256),
      agencyName: String(r.agency_name),
      signerName: String(r.signer_name),
      signerUserId: String(r.signer_user_id),
      flexworkerId: String(r.flexworker_id),
      signedAt: new Date(r.signed_at as Date),
      timeZone: String(r.time_zone),
      ipAddress: (r.ip_address as string | null) ?? null,
      userAgent: (r.user_agent as string | null) ?? null,
      consentText: String(r.consent_text),
      consentVersion: String(r.consent_version),
      consentLanguage: String(r.consent_language),
      authentication: String(r.authentication),
    }));
  }
}

function toRow(request: SigningRequest): RequestRow {
  const s = request.toState();
  return {
    id: s.id,
    agency_id: s.agencyId,
    flexworker_id: s.flexworkerId,
    placement_id: s.placementId,
    title: s.title,
    due_date: s.dueDate?.toString() ?? null,
    original_file_name: s.original.fileName,
    original_sha256: s.original.sha256,
    original_size: s.original.size,
    status: s.status,
    created_by: s.createdBy,
    created_at: s.createdAt,
    decided_at: s.decidedAt,
    decided_by: s.decidedBy,
    decline_reason: s.declineReason,
    signed_file_name: s.signed?.fileName ?? null,
    signed_sha256: s.signed?.sha256 ?? null,
    signed_size: s.signed?.size ?? null,
    version: s.version,
  };
}

function toDomain(row: RequestRow): SigningRequest {
  return SigningRequest.rehydrate({
    id: row.id,
    agencyId: row.agency_id,
    flexworkerId: row.flexworker_id,
    placementId: row.placement_id,
    title: row.title,
    dueDate: row.due_date ? LocalDate.parse(row.due_date) : null,
    original: { fileName: row.original_file_name, sha256: row.original_sha256, size: Number(row.original_size) },
    status: row.status as SigningStatus,
    createdBy: row.created_by,
    createdAt: new Date(row.created_at),
    decidedAt: row.decided_at ? new Date(row.decided_at) : null,
    decidedBy: row.decided_by,
    declineReason: row.decline_reason,
    signed: row.signed_sha256 ? { fileName: row.signed_file_name!, sha256: row.signed_sha256, size: Number(row.signed_size) } : null,
    version: Number(row.version),
  });
}
