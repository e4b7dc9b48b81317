import i18next from 'i18next';
import { getToken } from '../../app/session';
import { currentLanguageTag } from '../../i18n/i18n';
import { apiUrl } from '../../app/api-url';

/*
 * A file sent with a message goes first to POST /uploads (docs/api.md, "Uploading a file"): the
 * body is the file, its type the Content-Type, its name a plain ASCII name with the extension of
 * its type. The answer's id is then named once in attachmentUploadId. A refusal (not a PDF or
 * picture, too large) comes as the usual { errors } body with the message in the viewer's language.
 */
export class UploadRefused extends Error {}

const EXTENSION: Record<string, string> = { 'application/pdf': 'pdf', 'image/png': 'png', 'image/jpeg': 'jpg' };
export const ACCEPTED_TYPES = Object.keys(EXTENSION).join(',');

/** The file's name as the server takes it: ASCII letters, digits, spaces, . _ ( ) -, the type's extension. */
export function uploadName(file: File): string {
  const type = file.type;
  const dot = file.name.lastIndexOf('.');
  const ownExtension = dot > 0 ? file.name.slice(dot + 1).toLowerCase() : '';
  const extension = type === 'image/jpeg' && ownExtension === 'jpeg' ? 'jpeg' : (EXTENSION[type] ?? (ownExtension || 'pdf'));
  const base = (dot > 0 ? file.name.slice(0, dot) : file.name)
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9 ._()-]+/g, '_')
    .replace(/^[^A-Za-z0-9]+/, '')
    .slice(0, 100);
  return `${base || 'file'}.${extension}`;
}

/** Uploads the file; its upload id, or UploadRefused with the server's message. */
export async function uploadFile(file: File): Promise<string> {
  let response: Response;
  try {
    response = await fetch(apiUrl(`/uploads?fileName=${encodeURIComponent(uploadName(file))}`), {
      method: 'POST',
      headers: { 'content-type': file.type || 'application/octet-stream', authorization: `Bearer ${getToken() ?? ''}`, 'accept-language': currentLanguageTag() },
      body: file,
    });
  } catch {
    throw new UploadRefused(i18next.t('common:error.network'));
  }
  const body = (await response.json().catch(() => null)) as { id?: string; errors?: { message: string }[] } | null;
  if (response.status === 201 && body?.id) return body.id;
  throw new UploadRefused(body?.errors?.map((e) => e.message).join(' ') || i18next.t('common:error.network'));
}
