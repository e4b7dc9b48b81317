import { ApolloClient } from '@apollo/client';
import { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { errorCode } from '../../app/errors';
import { ErrorMessage, Loading, Page } from '../../app/ui';
import { currentLanguageTag } from '../../i18n/i18n';

/*
 * What the tabs share: dates in the viewer's language, a file size, the "refused" state of a tab
 * (TAB_DISABLED and other refusals: the server's message as it is), and a download through a link
 * fetched at the moment of the click (the links the API hands out expire in minutes).
 */

/** A LocalDate (YYYY-MM-DD) as a date in the viewer's language; no time zone shift. */
export function formatDate(date: string | null | undefined, style: 'short' | 'long' = 'short'): string {
  if (!date) return '';
  const value = new Date(`${date}T00:00:00Z`);
  const options: Intl.DateTimeFormatOptions =
    style === 'long' ? { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' } : { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' };
  return new Intl.DateTimeFormat(currentLanguageTag(), options).format(value);
}

/** A DateTime (an instant) as date and time in the viewer's language, on the browser's clock. */
export function formatMoment(instant: string | null | undefined): string {
  if (!instant) return '';
  return new Intl.DateTimeFormat(currentLanguageTag(), { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(instant));
}

export function formatSize(bytes: number): string {
  const format = (n: number, unit: string) => `${new Intl.NumberFormat(currentLanguageTag(), { maximumFractionDigits: 1 }).format(n)} ${unit}`;
  if (bytes < 1024) return format(bytes, 'B');
  if (bytes < 1024 * 1024) return format(bytes / 1024, 'KB');
  return format(bytes / (1024 * 1024), 'MB');
}

/** The ISO week number of `2026-W48`. */
export function weekNumber(week: string): string {
  return String(Number(week.slice(6)));
}

/**
 * A tab's screen while its first answer is missing: loading, or the server's refusal (a tab the
 * agency switched off answers TAB_DISABLED with its own message in the viewer's language).
 */
export function TabState(props: { title: string; error: unknown; loading: boolean; children?: ReactNode }) {
  const { t } = useTranslation('tabs');
  const code = errorCode(props.error);
  return (
    <Page title={props.title}>
      {props.error ? (
        <div className="tabs-refused" data-code={code}>
          <ErrorMessage error={props.error} />
          {code === 'FORBIDDEN' && <p className="hint">{t('refused.hint')}</p>}
        </div>
      ) : (
        props.loading && <Loading />
      )}
      {props.children}
    </Page>
  );
}

/** Starts the download of `url` as `fileName`, with a plain <a href download> (same origin). */
export function startDownload(url: string, fileName: string, inline = false): void {
  const link = document.createElement('a');
  if (inline) {
    link.href = `${url}${url.includes('?') ? '&' : '?'}inline=1`;
    link.target = '_blank';
    link.rel = 'noopener';
  } else {
    link.href = url;
    link.download = fileName;
  }
  link.hidden = true;
  document.body.appendChild(link);
  link.click();
  link.remove();
}

interface LinkPage<T> {
  readonly nodes: readonly T[];
  readonly pageInfo: { readonly hasNextPage: boolean; readonly endCursor?: string | null };
}

/**
 * Pages through a list asked for with `fetchPolicy: 'no-cache'` until `match` finds the item: the
 * fresh link of one document at the moment of the click (nothing cached, so an expired link is
 * never used, and the lists on screen keep their pages).
 */
export async function freshFromPages<T, V extends { after?: string | null }>(
  load: (variables: V) => Promise<LinkPage<T> | undefined>,
  variables: V,
  match: (item: T) => boolean,
): Promise<T | undefined> {
  let after: string | null | undefined = null;
  for (let page = 0; page < 50; page += 1) {
    const answer: LinkPage<T> | undefined = await load({ ...variables, after });
    if (!answer) return undefined;
    const found = answer.nodes.find(match);
    if (found) return found;
    if (!answer.pageInfo.hasNextPage) return undefined;
    after = answer.pageInfo.endCursor;
  }
  return undefined;
}

export type Client = ApolloClient;
