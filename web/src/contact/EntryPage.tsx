import { useQuery } from '@apollo/client/react';
import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { ErrorMessage, Loading, Page } from '../app/ui';
import { ContactEntryOpenWeeksDocument, ContactEntryPlacementsDocument, type ContactEntryOpenWeeksQuery } from '../gql/graphql';
import { moment, shortDate, weekNumber, weekRange } from './format';
import { useAgencyTimeZone } from './time-zone';
import './contact.css';

type OpenWeek = ContactEntryOpenWeeksQuery['openTimesheets']['nodes'][number];

/**
 * Hours to enter (/entry): the placements at the contact's relation where the relation enters the
 * hours itself (hoursEnteredBy RELATION), each with its open weeks (the contact's openTimesheets).
 * A week links to its timesheet (/timesheets/<id>), where the contact fills it in and approves it.
 */
export default function EntryPage() {
  const { t } = useTranslation('approvals');
  const placements = useQuery(ContactEntryPlacementsDocument, { fetchPolicy: 'cache-and-network', notifyOnNetworkStatusChange: true });
  const weeks = useQuery(ContactEntryOpenWeeksDocument, { fetchPolicy: 'cache-and-network', notifyOnNetworkStatusChange: true });

  // Both lists are read whole (a relation has few such placements; each has at most some 26 open weeks).
  const placementPage = placements.data?.placements.pageInfo;
  const weekPage = weeks.data?.openTimesheets.pageInfo;
  const { fetchMore: morePlacements, loading: placementsLoading } = placements;
  const { fetchMore: moreWeeks, loading: weeksLoading } = weeks;
  useEffect(() => {
    if (placementPage?.hasNextPage && placementPage.endCursor && !placementsLoading) void morePlacements({ variables: { after: placementPage.endCursor } });
  }, [placementPage?.hasNextPage, placementPage?.endCursor, placementsLoading, morePlacements]);
  useEffect(() => {
    if (weekPage?.hasNextPage && weekPage.endCursor && !weeksLoading) void moreWeeks({ variables: { after: weekPage.endCursor } });
  }, [weekPage?.hasNextPage, weekPage?.endCursor, weeksLoading, moreWeeks]);

  const ours = useMemo(
    () =>
      (placements.data?.placements.nodes ?? [])
        .filter((placement) => placement.hoursEnteredBy === 'RELATION')
        .sort((a, b) => (a.flexworker?.fullName ?? '').localeCompare(b.flexworker?.fullName ?? '') || a.startDate.localeCompare(b.startDate)),
    [placements.data],
  );
  const weeksByPlacement = useMemo(() => {
    const map = new Map<string, OpenWeek[]>();
    for (const week of weeks.data?.openTimesheets.nodes ?? []) map.set(week.placementId, [...(map.get(week.placementId) ?? []), week]);
    return map;
  }, [weeks.data]);
  // An open week of a placement not in the list (one the relation no longer shows): still listed, so nothing is lost.
  const others = (weeks.data?.openTimesheets.nodes ?? []).filter((week) => !ours.some((placement) => placement.id === week.placementId));

  const ready = !!placements.data && !!weeks.data;
  return (
    <Page title={t('entry.title')}>
      <p className="lead">{t('entry.lead')}</p>
      <ErrorMessage error={placements.error ?? weeks.error} />
      {!ready && (placements.loading || weeks.loading) && <Loading />}
      {ready && ours.length === 0 && others.length === 0 && <p className="contact-empty">{t('entry.empty')}</p>}
      {ready &&
        ours.map((placement) => {
          const name = placement.flexworker?.fullName ?? t('unknownWorker');
          return (
            <section key={placement.id} className="card contact-placement" aria-labelledby={`placement-${placement.id}`}>
              <h2 id={`placement-${placement.id}`}>{name}</h2>
              <p className="contact-meta">
                {placement.functionName} ·{' '}
                {placement.endDate
                  ? t('entry.period', { from: shortDate(placement.startDate), to: shortDate(placement.endDate) })
                  : t('entry.since', { from: shortDate(placement.startDate) })}
              </p>
              <WeekList weeks={weeksByPlacement.get(placement.id) ?? []} name={name} />
            </section>
          );
        })}
      {ready && others.length > 0 && (
        <section className="card contact-placement" aria-labelledby="placement-others">
          <h2 id="placement-others">{t('entry.otherWeeks')}</h2>
          <WeekList weeks={others} name="" />
        </section>
      )}
    </Page>
  );
}

function WeekList(props: { weeks: readonly OpenWeek[]; name: string }) {
  const { t } = useTranslation('approvals');
  const timeZone = useAgencyTimeZone();
  if (props.weeks.length === 0) return <p>{t('entry.noOpenWeeks')}</p>;
  return (
    <ul className="contact-weeks">
      {props.weeks.map((week) => (
        <li key={week.id}>
          <Link href={`/timesheets/${week.id}`} className="contact-week-link">
            <span className="contact-week">{t('entry.enterWeek', { week: weekNumber(week.week) })}</span>
            {props.name && <span className="visually-hidden">, {props.name}</span>}
            <span className="contact-dates">{weekRange(week.weekStart, week.weekEnd)}</span>
          </Link>
          <span className="contact-meta">
            {week.late ? <span className="badge contact-late">{t('entry.late')}</span> : t('entry.deadline', { when: moment(week.approvalDeadline, timeZone) })}
          </span>
        </li>
      ))}
    </ul>
  );
}
