import { PayPeriod, StatementYear } from '../../../domain/document/document-subject.value-object';
import { DocumentSubject, StoredDocument } from '../../../domain/document/stored-document.entity';
import { LocalDate } from '../../../domain/time/local-date.value-object';

/** A row of `documents` as the repository selects it (dates as YYYY-MM-DD texts). */
export interface DocumentRow {
  id: string;
  agency_id: string;
  flexworker_id: string;
  kind: string;
  subject_key: string;
  sort_key: string;
  period_start: string | null;
  period_end: string | null;
  pay_date: string | null;
  year: number | null;
  file_name: string;
  content_type: string;
  sha256: string;
  size: number;
  version: number;
  previous_version_id: string | null;
  uploaded_by_kind: 'USER' | 'API_CLIENT';
  uploaded_by_id: string;
  uploaded_at: Date;
}

/** The columns to select for a DocumentRow, dates formatted whatever the session's DateStyle. */
export const DOCUMENT_COLUMNS = `id, agency_id, flexworker_id, kind, subject_key, sort_key,
  to_char(period_start, 'YYYY-MM-DD') AS period_start, to_char(period_end, 'YYYY-MM-DD') AS period_end,
  to_char(pay_date, 'YYYY-MM-DD') AS pay_date, year, file_name, content_type, sha256, size, version,
  previous_version_id, uploaded_by_kind, uploaded_by_id, uploaded_at`;

/** Newest first within a kind: pay date then period start for payslips, the year for annual statements. */
export function sortKeyOf(subject: DocumentSubject): string {
  return subject.kind === 'PAYSLIP' ? `${subject.period.payDate.toString()}/${subject.period.start.toString()}` : String(subject.year.year);
}

export function documentToDomain(row: DocumentRow): StoredDocument {
  const subject: DocumentSubject =
    row.kind === 'PAYSLIP'
      ? { kind: 'PAYSLIP', period: PayPeriod.rehydrate(LocalDate.parse(row.period_start!), LocalDate.parse(row.period_end!), LocalDate.parse(row.pay_date!)) }
      : { kind: 'ANNUAL_STATEMENT', year: StatementYear.rehydrate(Number(row.year)) };
  return StoredDocument.rehydrate({
    id: row.id,
    agencyId: row.agency_id,
    flexworkerId: row.flexworker_id,
    subject,
    fileName: row.file_name,
    contentType: row.content_type,
    sha256: row.sha256,
    size: Number(row.size),
    version: Number(row.version),
    previousVersionId: row.previous_version_id,
    uploadedBy: { kind: row.uploaded_by_kind, id: row.uploaded_by_id },
    uploadedAt: new Date(row.uploaded_at),
  });
}

/** The values of an INSERT in the order of INSERT_COLUMNS. */
export const INSERT_COLUMNS = `id, agency_id, flexworker_id, kind, subject_key, sort_key, period_start, period_end, pay_date, year,
  file_name, content_type, sha256, size, version, previous_version_id, latest, uploaded_by_kind, uploaded_by_id, uploaded_at`;

export function documentToValues(document: StoredDocument): unknown[] {
  const p = document.toProps();
  const period = p.subject.kind === 'PAYSLIP' ? p.subject.period : null;
  const year = p.subject.kind === 'ANNUAL_STATEMENT' ? p.subject.year.year : null;
  return [
    p.id, p.agencyId, p.flexworkerId, p.subject.kind, document.subjectKey, sortKeyOf(p.subject),
    period?.start.toString() ?? null, period?.end.toString() ?? null, period?.payDate.toString() ?? null, year,
    p.fileName, p.contentType, p.sha256, p.size, p.version, p.previousVersionId, true, p.uploadedBy.kind, p.uploadedBy.id, p.uploadedAt,
  ];
}
