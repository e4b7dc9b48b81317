import { CombinedGraphQLErrors, ServerError } from '@apollo/client/errors';
import i18next from 'i18next';

/*
 * The server words every refusal in the viewer's language (or the request's Accept-Language):
 * the portal shows that message as it is. Only when no GraphQL answer came (offline, the server
 * down) does the portal say so itself.
 */
export interface ShownError {
  readonly code: string;
  readonly reason?: string;
  readonly message: string;
  /** With BAD_USER_INPUT: every problem of the input, each at its field's path (`days[2].blocks[0].end`). */
  readonly problems: readonly { readonly path: string; readonly message: string; readonly reason?: string }[];
}

export function shownErrors(error: unknown): ShownError[] {
  if (!error) return [];
  if (CombinedGraphQLErrors.is(error)) {
    return error.errors.map((e) => {
      const ext = (e.extensions ?? {}) as { code?: string; reason?: string; problems?: { path?: string; message?: string; reason?: string }[] };
      const problems = (ext.problems ?? []).map((p) => ({ path: p.path ?? '', message: p.message ?? e.message, reason: p.reason }));
      return { code: ext.code ?? 'ERROR', reason: ext.reason, message: e.message, problems };
    });
  }
  if (ServerError.is(error)) {
    try {
      const body = JSON.parse(error.bodyText) as { errors?: { message: string; extensions?: { code?: string; reason?: string } }[] };
      if (body.errors?.length) return body.errors.map((e) => ({ code: e.extensions?.code ?? 'ERROR', reason: e.extensions?.reason, message: e.message, problems: [] }));
    } catch {
      // not JSON: below
    }
  }
  return [{ code: 'NETWORK', message: i18next.t('common:error.network'), problems: [] }];
}

export function errorCode(error: unknown): string | undefined {
  return shownErrors(error)[0]?.code;
}

/** The message of the problem at this input path, if the error names one there. */
export function problemAt(error: unknown, path: string): string | undefined {
  for (const shown of shownErrors(error)) {
    const found = shown.problems.find((p) => p.path === path);
    if (found) return found.message;
  }
  return undefined;
}
