import { useApolloClient } from '@apollo/client/react';
import { useLocation } from 'wouter';
import { takeReturnTo } from '../app/return-to';
import { setSession } from '../app/session';
import { homeOf } from '../app/viewer';
import { ViewerDocument, type ViewerFieldsFragment } from '../gql/graphql';
import { changeLanguage, isUiLanguage } from '../i18n/i18n';

/** After a login, a reset or an accepted invitation: keep the token, know the viewer, go on. */
export function useStartSession() {
  const client = useApolloClient();
  const [, navigate] = useLocation();
  return async (answer: { token: string; expiresAt: string; viewer: ViewerFieldsFragment }, landing?: string) => {
    await client.clearStore();
    setSession({ token: answer.token, expiresAt: answer.expiresAt });
    client.writeQuery({ query: ViewerDocument, data: { __typename: 'Query', viewer: answer.viewer } });
    const language = answer.viewer.language.toLowerCase();
    if (isUiLanguage(language)) await changeLanguage(language);
    navigate(takeReturnTo() ?? landing ?? homeOf(answer.viewer), { replace: true });
  };
}

/** A token handed in the address's fragment (#token=…), as the server's mails link them. */
export function tokenFromFragment(): string {
  return new URLSearchParams(window.location.hash.replace(/^#/, '')).get('token') ?? '';
}

/** A portal path from a landing URL the server gave (its own origin may differ behind a proxy). */
export function pathOf(url: string): string {
  try {
    const parsed = new URL(url, window.location.href);
    return parsed.pathname + parsed.search;
  } catch {
    return '/';
  }
}
