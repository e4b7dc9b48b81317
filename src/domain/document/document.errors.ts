import { NotFoundError, ValidationError } from '../shared/domain-error';

/*
 * Why an uploaded document is refused. Each is BAD_USER_INPUT at the path `body` (the file) or
 * `fileName`, with a stable reason that is also its translation key.
 */

export function documentEmpty(): ValidationError {
  return ValidationError.of('body', 'DOCUMENT_EMPTY', 'The request carries no file');
}

export function documentNotPdf(): ValidationError {
  return ValidationError.of('body', 'DOCUMENT_NOT_PDF', 'The file is not a PDF (it does not start with %PDF-)');
}

export function documentUnreadable(): ValidationError {
  return ValidationError.of('body', 'DOCUMENT_UNREADABLE', 'The file starts as a PDF but cannot be read as one');
}

export function documentTooLarge(maxBytes: number): ValidationError {
  return ValidationError.of('body', 'DOCUMENT_TOO_LARGE', `The file is larger than ${maxBytes} bytes`, { maxBytes });
}

export function fileNameInvalid(): ValidationError {
  return ValidationError.of('fileName', 'FILE_NAME_INVALID', 'A file name has 1 to 120 letters, digits, spaces, dots, dashes or underscores and ends in .pdf');
}

/** A document the viewer may not see is, for them, one that does not exist. */
export function documentNotFound(id?: string): NotFoundError {
  return new NotFoundError('Document', id);
}
