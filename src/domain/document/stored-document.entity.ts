import { ValidationError } from '../shared/domain-error';
import { DocumentKind } from './document-kind';
import { PayPeriod, StatementYear } from './document-subject.value-object';
import { fileNameInvalid } from './document.errors';

/** Who stored a document: a person (USER) or a machine client (API_CLIENT, payroll). */
export interface Uploader {
  readonly kind: 'USER' | 'API_CLIENT';
  readonly id: string;
}

/** What a document concerns; versions share it. */
export type DocumentSubject =
  | { readonly kind: 'PAYSLIP'; readonly period: PayPeriod }
  | { readonly kind: 'ANNUAL_STATEMENT'; readonly year: StatementYear };

export interface StoredDocumentProps {
  readonly id: string;
  readonly agencyId: string;
  readonly flexworkerId: string;
  readonly subject: DocumentSubject;
  readonly fileName: string;
  readonly contentType: string;
  /** Lower-case hex SHA-256 of the content: its address in the DocumentStore. */
  readonly sha256: string;
  readonly size: number;
  /** 1 for the first upload of a subject, then 2, 3, … */
  readonly version: number;
  readonly previousVersionId: string | null;
  readonly uploadedBy: Uploader;
  readonly uploadedAt: Date;
}

const FILE_NAME = /^[A-Za-z0-9][A-Za-z0-9 ._-]{0,115}\.pdf$/i;

/**
 * The metadata of one version of a worker's document; the bytes live in the DocumentStore under
 * `sha256`. A new upload of the same subject is a new version that names the one it follows; the
 * earlier versions stay.
 */
export class StoredDocument {
  private constructor(private readonly props: StoredDocumentProps) {}

  /** The first version of a subject, or the one after `previous` (which must be of the same subject). */
  static upload(input: Omit<StoredDocumentProps, 'version' | 'previousVersionId'> & { readonly previous: StoredDocument | null }): StoredDocument {
    const { previous, ...rest } = input;
    if (previous && (previous.subjectKey !== subjectKeyOf(rest.subject) || previous.flexworkerId !== rest.flexworkerId || previous.agencyId !== rest.agencyId)) {
      throw new Error('A new version follows a version of the same document');
    }
    checkFileName(rest.fileName);
    if (!/^[0-9a-f]{64}$/.test(rest.sha256) || !Number.isInteger(rest.size) || rest.size < 1) {
      throw ValidationError.of('body', 'DOCUMENT_EMPTY', 'The document has no content');
    }
    return new StoredDocument({ ...rest, version: previous ? previous.version + 1 : 1, previousVersionId: previous?.id ?? null });
  }

  static rehydrate(props: StoredDocumentProps): StoredDocument {
    return new StoredDocument(props);
  }

  /** The file name payroll gave, or one made from the subject: `payslip-2026-11-16-2026-11-22.pdf`, `annual-statement-2026.pdf`. */
  static defaultFileName(subject: DocumentSubject): string {
    return subject.kind === 'PAYSLIP'
      ? `payslip-${subject.period.start.toString()}-${subject.period.end.toString()}.pdf`
      : `annual-statement-${subject.year.year}.pdf`;
  }

  get id(): string { return this.props.id; }
  get agencyId(): string { return this.props.agencyId; }
  get flexworkerId(): string { return this.props.flexworkerId; }
  get kind(): DocumentKind { return this.props.subject.kind; }
  get subject(): DocumentSubject { return this.props.subject; }
  get subjectKey(): string { return subjectKeyOf(this.props.subject); }
  get fileName(): string { return this.props.fileName; }
  get contentType(): string { return this.props.contentType; }
  get sha256(): string { return this.props.sha256; }
  get size(): number { return this.props.size; }
  get version(): number { return this.props.version; }
  get previousVersionId(): string | null { return this.props.previousVersionId; }
  get uploadedBy(): Uploader { return this.props.uploadedBy; }
  get uploadedAt(): Date { return new Date(this.props.uploadedAt.getTime()); }

  toProps(): StoredDocumentProps {
    return this.props;
  }
}

/** The name as given when it is a plain file name ending in .pdf (it goes into Content-Disposition); FILE_NAME_INVALID otherwise. */
export function checkFileName(name: string): string {
  if (!FILE_NAME.test(name)) throw fileNameInvalid();
  return name;
}

export function subjectKeyOf(subject: DocumentSubject): string {
  return subject.kind === 'PAYSLIP' ? subject.period.key : subject.year.key;
}
