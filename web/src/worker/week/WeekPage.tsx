import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { useParams, useSearch } from 'wouter';
import { ErrorMessage, Loading, Notice, Page } from '../../app/ui';
import { WeekDefaultDocument, WeekForWeekDocument } from '../../gql/graphql';
import { WeekScreen } from './WeekScreen';

/**
 * /week: the week to open first (defaultTimesheet: last week's while it is open, else the oldest
 * open week, else this week); /week/:week (an ISO week, 2026-W48) that week of the placement in
 * `?placement=<id>`, or of the placement the default week belongs to.
 */
export default function WeekPage() {
  const { t } = useTranslation('week');
  const params = useParams<{ week?: string }>();
  const placementParam = new URLSearchParams(useSearch()).get('placement') ?? undefined;
  const week = params.week;
  const landing = useQuery(WeekDefaultDocument, {
    variables: { placementId: placementParam },
    skip: !!week && !!placementParam,
    fetchPolicy: 'cache-and-network',
  });
  const placementId = placementParam ?? landing.data?.defaultTimesheet?.placementId;
  const chosen = useQuery(WeekForWeekDocument, {
    variables: { placementId: placementId ?? '', week: week ?? '' },
    skip: !week || !placementId,
    fetchPolicy: 'cache-and-network',
  });

  const source = week ? chosen : landing;
  const timesheet = week ? chosen.data?.timesheetForWeek : landing.data?.defaultTimesheet;
  const error = (week ? chosen.error ?? landing.error : landing.error) ?? null;

  if (timesheet) {
    return (
      <WeekScreen
        timesheet={timesheet}
        reload={() => (week ? chosen.refetch() : landing.refetch())}
        barHref={(entry) => `/week/${entry.week}?placement=${entry.placementId}`}
      />
    );
  }
  if (error && !source.loading) {
    return (
      <Page title={t('titlePlain')}>
        <ErrorMessage error={error} />
      </Page>
    );
  }
  if (landing.data && landing.data.defaultTimesheet === null) {
    return (
      <Page title={t('titlePlain')}>
        <Notice>{t('noPlacement')}</Notice>
      </Page>
    );
  }
  return <Loading />;
}
