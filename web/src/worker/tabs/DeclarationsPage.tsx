import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'wouter';
import { Notice, Page } from '../../app/ui';
import { TabsDeclarationStatusDocument, TabsDeclarationWeekDocument, type TabsDeclarationWeekQuery } from '../../gql/graphql';
import { BreakdownDays, BreakdownTotals } from '../../shared/breakdown/BreakdownView';
import { EnteredDaysTable } from '../../shared/breakdown/EnteredDays';
import { formatDate, formatMoment, TabState, weekNumber } from './shared';
import './tabs.css';
import { LoadMore } from '../../shared/LoadMore';

/*
 * "Declaratiestatus" (/declarations): the worker's weeks, latest first, with their status, hours,
 * expected pay date and whether they are late; /declarations/<week id>: one week's days as entered
 * and the lines they were split into, each with the server's explanation.
 */
export default function DeclarationsPage() {
  const params = useParams<{ id?: string }>();
  return params.id ? <DeclarationWeek id={params.id} /> : <DeclarationList />;
}

function StatusBadge(props: { status: string }) {
  const { t } = useTranslation('tabs');
  return <span className={`badge tabs-status tabs-status-${props.status.toLowerCase()}`}>{t(`declarations.status.${props.status}`)}</span>;
}

/** A week's status, hours and expected pay date (late or not): on its card in the list and on its own page. */
function WeekStatusFacts(props: { week: { status: string; preview?: { workedHours: string } | null; expectedPayDate: string; late: boolean } }) {
  const { t } = useTranslation('tabs');
  const { week } = props;
  return (
    <>
      <div>
        <dt>{t('declarations.statusLabel')}</dt>
        <dd>
          <StatusBadge status={week.status} />
        </dd>
      </div>
      <div>
        <dt>{t('declarations.hours')}</dt>
        <dd>{week.preview?.workedHours ?? '–'}</dd>
      </div>
      <div>
        <dt>{t('declarations.payDate')}</dt>
        <dd>
          {formatDate(week.expectedPayDate)}
          {week.late && <span className="badge tabs-late">{t('declarations.late')}</span>}
        </dd>
      </div>
    </>
  );
}

function DeclarationList() {
  const { t } = useTranslation('tabs');
  const { data, error, loading, fetchMore } = useQuery(TabsDeclarationStatusDocument, { notifyOnNetworkStatusChange: true });
  const title = t('declarations.title');
  const connection = data?.declarationStatus;
  if (!connection) return <TabState title={title} error={error} loading={loading} />;
  return (
    <Page title={title}>
      <p className="lead">{t('declarations.lead')}</p>
      {connection.nodes.length === 0 ? (
        <Notice>{t('declarations.empty')}</Notice>
      ) : (
        <ul className="list tabs-cards">
          {connection.nodes.map((week) => (
            <li key={week.id} className="card tabs-box">
              <h2 className="tabs-card-title">
                <Link href={`/declarations/${week.id}`}>{t('declarations.week', { number: weekNumber(week.week), year: week.week.slice(0, 4) })}</Link>
              </h2>
              <p className="tabs-meta">
                {formatDate(week.weekStart)} – {formatDate(week.weekEnd)}
                {week.relation ? ` · ${week.relation.name}` : ''}
              </p>
              <dl className="tabs-facts">
                <WeekStatusFacts week={week} />
              </dl>
            </li>
          ))}
        </ul>
      )}
      <LoadMore pageInfo={connection.pageInfo} load={(after) => fetchMore({ variables: { after } })} label={t('more')} error={error} />
    </Page>
  );
}

type Week = TabsDeclarationWeekQuery['timesheet'];

function DeclarationWeek(props: { id: string }) {
  const { t } = useTranslation('tabs');
  const { data, error, loading } = useQuery(TabsDeclarationWeekDocument, { variables: { id: props.id } });
  const week = data?.timesheet;
  const back = (
    <p>
      <Link href="/declarations">{t('declarations.back')}</Link>
    </p>
  );
  if (!week) {
    return (
      <TabState title={t('declarations.title')} error={error} loading={loading}>
        {back}
      </TabState>
    );
  }
  return (
    <Page title={t('declarations.week', { number: weekNumber(week.week), year: week.week.slice(0, 4) })}>
      {back}
      <p className="tabs-meta">
        {formatDate(week.weekStart)} – {formatDate(week.weekEnd)}
        {week.relation ? ` · ${week.relation.name}` : ''}
        {week.placement ? ` · ${week.placement.functionName}` : ''}
      </p>
      <dl className="tabs-facts card">
        <WeekStatusFacts week={week} />
        <div>
          <dt>{t('declarations.deadline')}</dt>
          <dd>{formatMoment(week.approvalDeadline)}</dd>
        </div>
        {week.approvedByWorkerAt && (
          <div>
            <dt>{t('declarations.approvedByWorker')}</dt>
            <dd>{formatMoment(week.approvedByWorkerAt)}</dd>
          </div>
        )}
        {week.approvedByRelationAt && (
          <div>
            <dt>{t('declarations.approvedByRelation')}</dt>
            <dd>{formatMoment(week.approvedByRelationAt)}</dd>
          </div>
        )}
        {week.currentDeclaration && week.currentDeclaration.number > 1 && (
          <div>
            <dt>{t('declarations.version')}</dt>
            <dd>{week.currentDeclaration.number}</dd>
          </div>
        )}
      </dl>
      {week.rejection && (
        <Notice kind="warning">
          <strong>{t('declarations.rejected', { when: formatMoment(week.rejection.rejectedAt) })}</strong> {week.rejection.reason}
        </Notice>
      )}
      <EnteredDays week={week} />
      <Lines week={week} />
    </Page>
  );
}

function EnteredDays(props: { week: Week }) {
  const { t } = useTranslation('tabs');
  return (
    <section aria-labelledby="tabs-days">
      <h2 id="tabs-days">{t('declarations.days')}</h2>
      <EnteredDaysTable days={props.week.days} label={t('declarations.days')} />
    </section>
  );
}

function Lines(props: { week: Week }) {
  const { t } = useTranslation('tabs');
  const preview = props.week.preview;
  return (
    <section aria-labelledby="tabs-lines">
      <h2 id="tabs-lines">{t('declarations.lines')}</h2>
      {!preview ? (
        <p>{t('declarations.noLines')}</p>
      ) : (
        <>
          <BreakdownDays breakdown={preview} level={3} idPrefix="tabs-lines" />
          <BreakdownTotals breakdown={preview} level={3} idPrefix="tabs-lines" />
        </>
      )}
    </section>
  );
}
