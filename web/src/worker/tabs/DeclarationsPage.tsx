import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'wouter';
import { Button, ErrorMessage, Notice, Page } from '../../app/ui';
import { TabsDeclarationStatusDocument, TabsDeclarationWeekDocument, type TabsBreakdownDayFragment, type TabsDeclarationWeekQuery } from '../../gql/graphql';
import { formatDate, formatMoment, TabState, weekNumber } from './shared';
import './tabs.css';

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
              </dl>
            </li>
          ))}
        </ul>
      )}
      <ErrorMessage error={error} />
      {connection.pageInfo.hasNextPage && (
        <div className="actions">
          <Button busy={loading} onClick={() => void fetchMore({ variables: { after: connection.pageInfo.endCursor } }).catch(() => null)}>
            {t('more')}
          </Button>
        </div>
      )}
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
  const days = props.week.days;
  return (
    <section aria-labelledby="tabs-days">
      <h2 id="tabs-days">{t('declarations.days')}</h2>
      {days.length === 0 ? (
        <p>{t('declarations.noDays')}</p>
      ) : (
        <div className="table-scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('declarations.date')}</th>
                <th scope="col">{t('declarations.entered')}</th>
                <th scope="col">{t('declarations.hours')}</th>
              </tr>
            </thead>
            <tbody>
              {days.map((day) => (
                <tr key={day.date}>
                  <th scope="row">{formatDate(day.date, 'long')}</th>
                  <td>{describeDay(day, t)}</td>
                  <td>{day.workedHours}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function describeDay(day: Week['days'][number], t: (key: string, options?: Record<string, unknown>) => string): string {
  if (day.mode === 'TIMES') {
    const blocks = day.blocks.map((b) => `${b.start}–${b.end}`).join(', ');
    const breaks = day.breaks.map((b) => `${b.start}–${b.end}`).join(', ') || day.breakDuration;
    return breaks ? t('declarations.timesWithBreak', { blocks, breaks }) : blocks;
  }
  if (day.mode === 'HOUR_CODES') return day.hours.map((h) => `${h.hourCode} ${h.hours}`).join(', ');
  return t('declarations.dayTotal', { total: day.total ?? day.workedHours });
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
          {preview.days.map((day) => (
            <LinesOfDay key={day.date} day={day} />
          ))}
          {preview.totalsByKind.length > 0 && (
            <>
              <h3>{t('declarations.totals')}</h3>
              <table>
                <thead>
                  <tr>
                    <th scope="col">{t('declarations.kind')}</th>
                    <th scope="col">{t('declarations.hours')}</th>
                  </tr>
                </thead>
                <tbody>
                  {preview.totalsByKind.map((total) => (
                    <tr key={total.kind}>
                      <th scope="row">{total.label}</th>
                      <td>{total.hours}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </>
          )}
        </>
      )}
    </section>
  );
}

function LinesOfDay(props: { day: TabsBreakdownDayFragment }) {
  const { t } = useTranslation('tabs');
  const day = props.day;
  return (
    <div className="card tabs-day">
      <h3>
        {formatDate(day.date, 'long')} <span className="tabs-meta">· {day.workedHours}</span>
      </h3>
      <ul className="list tabs-lines">
        {day.lines.map((line, index) => (
          <li key={`${line.hourCode}-${line.from ?? ''}-${index}`}>
            <div className="tabs-line-head">
              <span>
                <strong>{line.label}</strong> <span className="tabs-code">{line.hourCode}</span>
              </span>
              <span>{line.hours}</span>
            </div>
            {line.from && line.to && <div className="tabs-meta">{t('declarations.fromTo', { from: line.from, to: line.to })}</div>}
            <p className="tabs-explanation">{line.explanation.text}</p>
          </li>
        ))}
        {day.allowances.map((allowance) => (
          <li key={`allowance-${allowance.hourCode}`}>
            <div className="tabs-line-head">
              <span>
                <strong>{t('declarations.allowance')}</strong> <span className="tabs-code">{allowance.hourCode}</span>
              </span>
              <span>× {allowance.count}</span>
            </div>
            <p className="tabs-explanation">{allowance.explanation.text}</p>
          </li>
        ))}
      </ul>
      {day.adjustments.map((note, index) => (
        <p key={index} className="hint">
          {note.explanation.text}
        </p>
      ))}
    </div>
  );
}
