import { startsAsPdf } from '../document/pdf-bytes';
import { documentEmpty, documentNotPdf, documentTooLarge } from '../document/document.errors';
import { ValidationError } from '../shared/domain-error';

/** What an upload may be: a PDF, or (for message attachments) a PNG or JPEG picture. */
export const UPLOAD_CONTENT_TYPES = ['application/pdf', 'image/png', 'image/jpeg'] as const;
export type UploadContentType = (typeof UPLOAD_CONTENT_TYPES)[number];

/** What a file was uploaded for, once taken: it serves one purpose only. */
export type UploadPurpose = 'SIGNING_REQUEST' | 'MESSAGE_ATTACHMENT' | 'SIGNATURE_CHECK';

export interface UploadProps {
  readonly id: string;
  readonly agencyId: string;
  /** The login that uploaded it: only they can use it. */
  readonly uploadedBy: string;
  readonly fileName: string;
  readonly contentType: UploadContentType;
  readonly sha256: string;
  readonly size: number;
  readonly createdAt: Date;
  readonly expiresAt: Date;
  readonly usedAt: Date | null;
  readonly usedFor: UploadPurpose | null;
}

const EXTENSIONS: Record<UploadContentType, readonly string[]> = {
  'application/pdf': ['pdf'],
  'image/png': ['png'],
  'image/jpeg': ['jpg', 'jpeg'],
};

/** `\x89PNG\r\n\x1a\n`, and JPEG's start of image with the first marker. */
const PNG_MAGIC = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] as const;
const JPEG_MAGIC = [0xff, 0xd8, 0xff] as const;

/** Plain ASCII: the name goes into a Content-Disposition header as it is. */
const FILE_NAME = /^[A-Za-z0-9][A-Za-z0-9 ._()-]{0,115}\.([A-Za-z]{3,4})$/;

/**
 * A file a person uploaded before the operation that uses it (`POST /uploads`, then e.g.
 * `createSigningRequest(uploadId)`): its bytes are in the DocumentStore under `sha256`. It is
 * theirs alone, used at most once, and only until it expires.
 */
export class Upload {
  private constructor(private readonly props: UploadProps) {}

  static rehydrate(props: UploadProps): Upload {
    return new Upload(props);
  }

  get id(): string { return this.props.id; }
  get agencyId(): string { return this.props.agencyId; }
  get uploadedBy(): string { return this.props.uploadedBy; }
  get fileName(): string { return this.props.fileName; }
  get contentType(): UploadContentType { return this.props.contentType; }
  get sha256(): string { return this.props.sha256; }
  get size(): number { return this.props.size; }
  get createdAt(): Date { return this.props.createdAt; }
  get expiresAt(): Date { return this.props.expiresAt; }
  get usedAt(): Date | null { return this.props.usedAt; }
  get usedFor(): UploadPurpose | null { return this.props.usedFor; }

  toProps(): UploadProps {
    return this.props;
  }

  /**
   * The upload used for `purpose` by `userId` at `now`: refused when it is someone else's
   * (UPLOAD_NOT_FOUND, as for one that does not exist), used already, expired, or of a type the
   * purpose does not take. `path` is the input field that named it.
   */
  use(userId: string, purpose: UploadPurpose, accepted: readonly UploadContentType[], now: Date, path: string): Upload {
    if (this.props.uploadedBy !== userId) throw uploadNotFound(path, this.props.id);
    if (this.props.usedAt !== null) throw ValidationError.of(path, 'UPLOAD_USED', 'This upload was used already; upload the file again');
    if (now.getTime() >= this.props.expiresAt.getTime()) throw ValidationError.of(path, 'UPLOAD_EXPIRED', 'This upload has expired; upload the file again');
    if (!accepted.includes(this.props.contentType)) {
      throw ValidationError.of(path, 'UPLOAD_TYPE_NOT_ALLOWED', `This needs a file of type ${accepted.join(', ')}`, { accepted: accepted.join(', ') });
    }
    return new Upload({ ...this.props, usedAt: now, usedFor: purpose });
  }
}

export function uploadNotFound(path: string, id: string): ValidationError {
  return ValidationError.of(path, 'UPLOAD_NOT_FOUND', 'There is no upload with this id of yours', { id: id.slice(0, 64) });
}

/** The declared type when it is one we take; UPLOAD_CONTENT_TYPE otherwise. */
export function uploadContentType(header: string | undefined): UploadContentType {
  const type = (header ?? '').split(';')[0].trim().toLowerCase();
  const found = UPLOAD_CONTENT_TYPES.find((t) => t === type);
  if (!found) throw ValidationError.of('Content-Type', 'UPLOAD_CONTENT_TYPE', 'Send the file as Content-Type application/pdf, image/png or image/jpeg', { accepted: UPLOAD_CONTENT_TYPES.join(', ') });
  return found;
}

/** The bytes checked against the declared type and the size limit (before anything is stored). */
export function checkUploadBytes(content: Uint8Array, type: UploadContentType, maxBytes: number): void {
  if (content.length === 0) throw documentEmpty();
  if (content.length > maxBytes) throw documentTooLarge(maxBytes);
  if (type === 'application/pdf') {
    if (!startsAsPdf(content)) throw documentNotPdf();
    return;
  }
  const magic = type === 'image/png' ? PNG_MAGIC : JPEG_MAGIC;
  if (content.length < magic.length || !magic.every((b, i) => content[i] === b)) {
    throw ValidationError.of('body', 'UPLOAD_NOT_IMAGE', `The file is not a ${type === 'image/png' ? 'PNG' : 'JPEG'} picture`, { contentType: type });
  }
}

/** The name as given (trimmed) when it is a plain file name whose extension fits the type; FILE_NAME_INVALID otherwise. */
export function checkUploadFileName(name: string, type: UploadContentType): string {
  const trimmed = name.trim();
  const match = FILE_NAME.exec(trimmed);
  if (!match || !EXTENSIONS[type].includes(match[1].toLowerCase())) {
    throw ValidationError.of('fileName', 'UPLOAD_FILE_NAME_INVALID', `A file name has 1 to 120 letters, digits, spaces, dots, dashes, underscores or brackets and ends in .${EXTENSIONS[type].join(' or .')}`, {
      extensions: EXTENSIONS[type].map((e) => `.${e}`).join(', '),
    });
  }
  return trimmed;
}

/** The name used when none is given. */
export function defaultUploadFileName(type: UploadContentType): string {
  return `upload.${EXTENSIONS[type][0]}`;
}

