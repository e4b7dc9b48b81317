import { checkUploadBytes, checkUploadFileName, Upload, uploadContentType } from '../../../../src/domain/upload/upload.entity';

const NOW = new Date('2026-12-04T09:00:00Z');
const upload = Upload.rehydrate({
  id: 'u1', agencyId: 'ag', uploadedBy: 'staff', fileName: 'contract.pdf', contentType: 'application/pdf', sha256: 'a'.repeat(64), size: 10,
  createdAt: NOW, expiresAt: new Date(NOW.getTime() + 3_600_000), usedAt: null, usedFor: null,
});
const reasonOf = (fn: () => unknown) => {
  try {
    fn();
    return null;
  } catch (error) {
    return (error as { reason: string }).reason;
  }
};

describe('Upload', () => {
  it('is used once, by its uploader, before it expires, for a purpose that takes its type', () => {
    const used = upload.use('staff', 'SIGNING_REQUEST', ['application/pdf'], NOW, 'uploadId');
    expect(used).toMatchObject({ usedAt: NOW, usedFor: 'SIGNING_REQUEST' });
    expect(upload.usedAt).toBeNull();
    expect(reasonOf(() => used.use('staff', 'SIGNING_REQUEST', ['application/pdf'], NOW, 'uploadId'))).toBe('UPLOAD_USED');
    // Someone else's upload is, for them, one that does not exist.
    expect(reasonOf(() => upload.use('worker', 'SIGNING_REQUEST', ['application/pdf'], NOW, 'uploadId'))).toBe('UPLOAD_NOT_FOUND');
    expect(reasonOf(() => upload.use('staff', 'SIGNING_REQUEST', ['application/pdf'], upload.expiresAt, 'uploadId'))).toBe('UPLOAD_EXPIRED');
    expect(reasonOf(() => upload.use('staff', 'MESSAGE_ATTACHMENT', ['image/png'], NOW, 'uploadId'))).toBe('UPLOAD_TYPE_NOT_ALLOWED');
  });

  it('checks the declared type against the bytes, and the size, before anything is stored', () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]);
    const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0]);
    expect(reasonOf(() => checkUploadBytes(png, 'image/png', 100))).toBeNull();
    expect(reasonOf(() => checkUploadBytes(jpeg, 'image/jpeg', 100))).toBeNull();
    expect(reasonOf(() => checkUploadBytes(jpeg, 'image/png', 100))).toBe('UPLOAD_NOT_IMAGE');
    expect(reasonOf(() => checkUploadBytes(png, 'application/pdf', 100))).toBe('DOCUMENT_NOT_PDF');
    expect(reasonOf(() => checkUploadBytes(Buffer.from('%PDF-1.7'), 'application/pdf', 4))).toBe('DOCUMENT_TOO_LARGE');
    expect(reasonOf(() => checkUploadBytes(Buffer.alloc(0), 'application/pdf', 4))).toBe('DOCUMENT_EMPTY');
    expect(uploadContentType('image/JPEG; charset=binary')).toBe('image/jpeg');
    expect(reasonOf(() => uploadContentType('text/html'))).toBe('UPLOAD_CONTENT_TYPE');
    expect(reasonOf(() => uploadContentType(undefined))).toBe('UPLOAD_CONTENT_TYPE');
  });

  it('takes plain file names whose extension fits the type', () => {
    expect(checkUploadFileName(' Loonstrook (week 49).pdf ', 'application/pdf')).toBe('Loonstrook (week 49).pdf');
    expect(checkUploadFileName('foto.JPEG', 'image/jpeg')).toBe('foto.JPEG');
    for (const [name, type] of [['foto.png', 'image/jpeg'], ['../x.pdf', 'application/pdf'], ['naïef.pdf', 'application/pdf'], ['a"b.pdf', 'application/pdf'], ['.pdf', 'application/pdf']] as const) {
      expect(reasonOf(() => checkUploadFileName(name, type))).toBe('UPLOAD_FILE_NAME_INVALID');
    }
  });
});
