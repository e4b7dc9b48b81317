import { useQuery } from '@apollo/client/react';
import { FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useSearch } from 'wouter';
import { Button, ErrorMessage, Field, Loading, Notice, Page, Select } from '../app/ui';
import { StaffOverviewChoicesDocument, StaffOverviewDocument, type StaffOverviewRowFragment, type TimesheetFilterInput, type TimesheetStatus } from '../gql/graphql';
import { StatusBadge } from './StatusBadge';
import './staff.css';
import { LoadMore } from '../shared/LoadMore';

/** Rows per page of the overview ("load more" asks the next page with the connection's cursor). */
export const OVERVIEW_PAGE_SIZE = 25;
const STATUSES: readonly TimesheetStatus[] = ['OPEN', 'SUBMITTED', 'APPROVED', 'PROCESSED'];

interface FilterValues {
  week: string;
  status: string;
  relationId: string;
  flexworkerId: string;
}

/** The filter lives in the address (?week=&status=&relation=&worker=): back from a week keeps it. */
function filterFromSearch(search: string): FilterValues {
  const params = new URLSearchParams(search);
  return { week: params.get('week') ?? '', status: params.get('status') ?? '', relationId: params.get('relation') ?? '', flexworkerId: params.get('worker') ?? '' };
}

function searchOf(values: FilterValues): string {
  const params = new URLSearchParams();
  if (values.week) params.set('week', values.week);
  if (values.status) params.set('status', values.status);
  if (values.relationId) params.set('relation', values.relationId);
  if (values.flexworkerId) params.set('worker', values.flexworkerId);
  const text = params.toString();
  return text ? `?${text}` : '';
}

function toInput(values: FilterValues): TimesheetFilterInput {
  const filter: TimesheetFilterInput = {};
  if (values.week) filter.week = values.week;
  if ((STATUSES as readonly string[]).includes(values.status)) filter.statuses = [values.status as TimesheetStatus];
  if (values.relationId) filter.relationId = values.relationId;
  if (values.flexworkerId) filter.flexworkerId = values.flexworkerId;
  return filter;
}

/** The week overview: every week of the agency, latest first, filtered, a page at a time. */
export default function OverviewPage() {
  const { t } = useTranslation('staff');
  const search = useSearch();
  const [, navigate] = useLocation();
  const applied = filterFromSearch(search);
  const [values, setValues] = useState<FilterValues>(applied);
  useEffect(() => setValues(filterFromSearch(search)), [search]);
  const filter = toInput(applied);
  const { data, error, loading, fetchMore } = useQuery(StaffOverviewDocument, {
    variables: { filter, first: OVERVIEW_PAGE_SIZE },
    fetchPolicy: 'cache-and-network',
    notifyOnNetworkStatusChange: true,
  });
  const choices = useQuery(StaffOverviewChoicesDocument, { fetchPolicy: 'cache-first' });

  const apply = (event: FormEvent) => {
    event.preventDefault();
    navigate(`/overview${searchOf(values)}`);
  };
  const clear = () => {
    setValues({ week: '', status: '', relationId: '', flexworkerId: '' });
    navigate('/overview');
  };
  const rows = data?.timesheets.nodes ?? [];
  const pageInfo = data?.timesheets.pageInfo;
  return (
    <Page title={t('overview.title')}>
      <form onSubmit={apply} noValidate>
        <fieldset className="staff-filters">
          <legend>{t('overview.filter')}</legend>
          <div className="staff-filter-grid">
            <Field
              label={t('overview.week')}
              name="week"
              type="week"
              hint={t('overview.weekHint')}
              value={values.week}
              onChange={(e) => setValues({ ...values, week: e.target.value })}
            />
            <Select label={t('overview.status')} name="status" value={values.status} onChange={(e) => setValues({ ...values, status: e.target.value })}>
              <option value="">{t('overview.anyStatus')}</option>
              {STATUSES.map((status) => (
                <option key={status} value={status}>
                  {t(`status.${status}`)}
                </option>
              ))}
            </Select>
            <Select label={t('overview.relation')} name="relation" value={values.relationId} onChange={(e) => setValues({ ...values, relationId: e.target.value })}>
              <option value="">{t('overview.anyRelation')}</option>
              {choices.data?.relations.nodes.map((relation) => (
                <option key={relation.id} value={relation.id}>
                  {relation.name}
                </option>
              ))}
            </Select>
            <Select label={t('overview.worker')} name="worker" value={values.flexworkerId} onChange={(e) => setValues({ ...values, flexworkerId: e.target.value })}>
              <option value="">{t('overview.anyWorker')}</option>
              {choices.data?.flexworkers.nodes.map((worker) => (
                <option key={worker.id} value={worker.id}>
                  {worker.fullName}
                </option>
              ))}
            </Select>
          </div>
          <div className="actions">
            <Button type="submit" variant="primary">
              {t('overview.apply')}
            </Button>
            <Button onClick={clear}>{t('overview.clear')}</Button>
          </div>
        </fieldset>
      </form>
      <ErrorMessage error={error} />
      <ErrorMessage error={choices.error} />
      {!data && loading ? (
        <Loading />
      ) : (
        data && (
          <section aria-labelledby="staff-weeks">
            <h2 id="staff-weeks">{t('overview.weeks')}</h2>
            <p className="staff-count" role="status" data-count={rows.length}>
              {pageInfo?.hasNextPage ? t('overview.countMore', { n: rows.length }) : t('overview.count', { n: rows.length })}
            </p>
            {rows.length === 0 ? <Notice>{t('overview.none')}</Notice> : <OverviewRows rows={rows} />}
            <LoadMore pageInfo={pageInfo} load={(after) => fetchMore({ variables: { filter, first: OVERVIEW_PAGE_SIZE, after } })} label={t('overview.loadMore')} />
          </section>
        )
      )}
    </Page>
  );
}

function hoursOf(row: StaffOverviewRowFragment): string {
  return row.currentDeclaration?.breakdown.workedHours ?? row.preview?.workedHours ?? '—';
}

function OverviewRows(props: { rows: readonly StaffOverviewRowFragment[] }) {
  const { t } = useTranslation('staff');
  return (
    <>
      <ul className="staff-cards staff-cards-only" aria-label={t('overview.weeks')}>
        {props.rows.map((row) => (
          <li key={row.id}>
            <h3>
              <Link href={`/overview/${row.id}`}>{t('overview.rowLink', { week: row.week, worker: row.flexworker?.fullName ?? '' })}</Link>
            </h3>
            <dl className="staff-facts">
              <dt>{t('overview.relation')}</dt>
              <dd>{row.relation?.name}</dd>
              <dt>{t('overview.status')}</dt>
              <dd>
                <StatusBadge status={row.status} />
                {row.late && <span className="staff-late"> {t('overview.late')}</span>}
              </dd>
              <dt>{t('overview.hours')}</dt>
              <dd>{hoursOf(row)}</dd>
              {row.currentDeclaration && (
                <>
                  <dt>{t('overview.version')}</dt>
                  <dd>{t('overview.versionValue', { number: row.currentDeclaration.number, origin: t(`origin.${row.currentDeclaration.origin}`) })}</dd>
                </>
              )}
            </dl>
          </li>
        ))}
      </ul>
      <div className="table-scroll staff-table">
        <table>
          <caption className="visually-hidden">{t('overview.weeks')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('overview.week')}</th>
              <th scope="col">{t('overview.worker')}</th>
              <th scope="col">{t('overview.relation')}</th>
              <th scope="col">{t('overview.status')}</th>
              <th scope="col">{t('overview.hours')}</th>
              <th scope="col">{t('overview.version')}</th>
            </tr>
          </thead>
          <tbody>
            {props.rows.map((row) => (
              <tr key={row.id}>
                <td>
                  <Link href={`/overview/${row.id}`}>{row.week}</Link>
                </td>
                <td>{row.flexworker?.fullName}</td>
                <td>{row.relation?.name}</td>
                <td>
                  <StatusBadge status={row.status} />
                  {row.late && <span className="staff-late"> {t('overview.late')}</span>}
                </td>
                <td>{hoursOf(row)}</td>
                <td>{row.currentDeclaration ? t('overview.versionValue', { number: row.currentDeclaration.number, origin: t(`origin.${row.currentDeclaration.origin}`) }) : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
