import { useQuery } from '@apollo/client/react';
import i18next from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'wouter';
import { Button, ErrorMessage, Loading, Notice, Page } from '../app/ui';
import { StaffTimesheetDocument, type StaffTimesheetWeekFragment } from '../gql/graphql';
import { BreakdownDays, BreakdownTotals } from '../shared/breakdown/BreakdownView';
import { EnteredDaysTable } from '../shared/breakdown/EnteredDays';
import { CorrectionForm } from './CorrectionForm';
import { formatDate, formatMoment } from './format';
import { StatusBadge } from './StatusBadge';
import './staff.css';

/** One week as staff see it: its days, its declaration versions, the current lines, the audit trail, a correction. */
export default function StaffTimesheetPage() {
  const { t } = useTranslation('staff');
  const { id } = useParams<{ id: string }>();
  const { data, error, loading, refetch } = useQuery(StaffTimesheetDocument, { variables: { id }, fetchPolicy: 'cache-and-network' });
  const [correcting, setCorrecting] = useState(false);
  const [corrected, setCorrected] = useState<number | null>(null);
  const week = data?.timesheet;

  if (!week) {
    return (
      <Page title={t('week.title')}>
        <BackLink />
        {loading ? <Loading /> : <ErrorMessage error={error} />}
      </Page>
    );
  }
  const canCorrect = !!week.currentDeclaration && week.status !== 'OPEN';
  return (
    <Page title={t('week.heading', { week: week.week, worker: week.flexworker?.fullName ?? '' })}>
      <BackLink />
      <ErrorMessage error={error} />
      <WeekFacts week={week} />
      {corrected !== null && <Notice kind="success">{t('correction.done', { number: corrected })}</Notice>}
      {week.workingTimeSignals.length > 0 && (
        <Notice kind="warning">
          <strong>{t('week.signals')}</strong>
          <ul>
            {week.workingTimeSignals.map((s, i) => (
              <li key={`${s.rule}-${i}`}>{s.message}</li>
            ))}
          </ul>
        </Notice>
      )}
      {correcting && week.currentDeclaration ? (
        <CorrectionForm
          week={week}
          onDone={(number) => {
            setCorrecting(false);
            setCorrected(number);
          }}
          onCancel={() => setCorrecting(false)}
          onStale={() => void refetch()}
        />
      ) : (
        canCorrect && (
          <div className="actions">
            <Button
              variant="primary"
              onClick={() => {
                setCorrected(null);
                setCorrecting(true);
              }}
            >
              {t('correction.start')}
            </Button>
          </div>
        )
      )}
      <WeekDays week={week} />
      <CurrentLines week={week} />
      <Versions week={week} />
      <AuditTrail week={week} />
    </Page>
  );
}

function BackLink() {
  const { t } = useTranslation('staff');
  return (
    <Link className="staff-back" href="/overview">
      {t('week.back')}
    </Link>
  );
}

function WeekFacts(props: { week: StaffTimesheetWeekFragment }) {
  const { t } = useTranslation('staff');
  const { week } = props;
  return (
    <dl className="staff-facts staff-section">
      <dt>{t('overview.relation')}</dt>
      <dd>{week.relation?.name}</dd>
      {week.placement && (
        <>
          <dt>{t('week.function')}</dt>
          <dd>{week.placement.functionName}</dd>
        </>
      )}
      <dt>{t('week.period')}</dt>
      <dd>{t('week.periodValue', { from: formatDate(week.weekStart), to: formatDate(week.weekEnd) })}</dd>
      <dt>{t('overview.status')}</dt>
      <dd>
        <StatusBadge status={week.status} />
        {week.late && <span className="staff-late"> {t('overview.late')}</span>}
      </dd>
      <dt>{t('week.enteredBy')}</dt>
      <dd>{t(`enteredBy.${week.enteredBy}`)}</dd>
      <dt>{t('week.deadline')}</dt>
      <dd>{formatMoment(week.approvalDeadline)}</dd>
      <dt>{t('week.payDate')}</dt>
      <dd>{formatDate(week.expectedPayDate)}</dd>
      {week.rejection && (
        <>
          <dt>{t('week.rejected')}</dt>
          <dd className="staff-quote">{week.rejection.reason}</dd>
        </>
      )}
    </dl>
  );
}

function WeekDays(props: { week: StaffTimesheetWeekFragment }) {
  const { t } = useTranslation('staff');
  const days = props.week.days.filter((d) => d.workedHours !== '0:00' || d.blocks.length > 0 || d.hours.length > 0);
  return (
    <section className="staff-section" aria-labelledby="staff-days">
      <h2 id="staff-days">{t('week.days')}</h2>
      <EnteredDaysTable days={days} label={t('week.days')} hourCodes={props.week.placement?.hourCodes} />
    </section>
  );
}

function CurrentLines(props: { week: StaffTimesheetWeekFragment }) {
  const { t } = useTranslation('staff');
  const current = props.week.currentDeclaration;
  if (!current) return null;
  return (
    <section className="staff-section" aria-labelledby="staff-lines">
      <h2 id="staff-lines">{t('week.lines', { number: current.number })}</h2>
      <BreakdownTotals breakdown={current.breakdown} level={3} idPrefix="staff-lines" />
      <BreakdownDays breakdown={current.breakdown} level={3} idPrefix="staff-lines-day" />
    </section>
  );
}

function Versions(props: { week: StaffTimesheetWeekFragment }) {
  const { t } = useTranslation('staff');
  const versions = [...props.week.declarations].sort((a, b) => b.number - a.number);
  return (
    <section className="staff-section" aria-labelledby="staff-versions">
      <h2 id="staff-versions">{t('versions.title')}</h2>
      {versions.length === 0 ? (
        <p>{t('versions.none')}</p>
      ) : (
        <ol className="staff-versions" reversed>
          {versions.map((d) => (
            <li key={d.id} className={d.id === props.week.currentDeclarationId ? 'staff-current' : undefined} data-version={d.number}>
              <h3>
                {t('versions.heading', { number: d.number, origin: t(`origin.${d.origin}`) })} <StatusBadge status={d.status} kind="declaration" />
              </h3>
              <dl className="staff-facts">
                <dt>{t('overview.hours')}</dt>
                <dd>{d.breakdown.workedHours}</dd>
                {d.origin === 'CORRECTION' || d.origin === 'SETTLEMENT' ? (
                  <>
                    <dt>{t(d.origin === 'CORRECTION' ? 'versions.correctedBy' : 'versions.settledBy')}</dt>
                    <dd>{t('versions.byAt', { who: d.correctedBy?.displayName ?? '—', at: formatMoment(d.correctedAt ?? d.approvedByWorkerAt) })}</dd>
                  </>
                ) : (
                  <>
                    <dt>{t(d.origin === 'RELATION' ? 'versions.enteredBy' : 'versions.approvedByWorker')}</dt>
                    <dd>{t('versions.byAt', { who: d.approvedByWorker?.displayName ?? '—', at: formatMoment(d.approvedByWorkerAt) })}</dd>
                  </>
                )}
                {d.correctionReason && (
                  <>
                    <dt>{t('versions.reason')}</dt>
                    <dd className="staff-quote">{d.correctionReason}</dd>
                  </>
                )}
                {d.approvedByRelationAt && (
                  <>
                    <dt>{t('versions.approvedByRelation')}</dt>
                    <dd>{t('versions.byAt', { who: d.approvedByRelation?.displayName ?? '—', at: formatMoment(d.approvedByRelationAt) })}</dd>
                  </>
                )}
                {d.approvedByAgency && (
                  <>
                    <dt>{t('versions.approvedByAgency')}</dt>
                    <dd>{t('versions.yes')}</dd>
                  </>
                )}
                {d.rejectedAt && (
                  <>
                    <dt>{t('versions.rejected')}</dt>
                    <dd className="staff-quote">{t('versions.rejectedValue', { at: formatMoment(d.rejectedAt), reason: d.rejectionReason ?? '' })}</dd>
                  </>
                )}
                {d.supersededAt && (
                  <>
                    <dt>{t('versions.superseded')}</dt>
                    <dd>{formatMoment(d.supersededAt)}</dd>
                  </>
                )}
              </dl>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

function AuditTrail(props: { week: StaffTimesheetWeekFragment }) {
  const { t } = useTranslation('staff');
  const entries = [...props.week.auditTrail].sort((a, b) => b.at.localeCompare(a.at));
  return (
    <section className="staff-section" aria-labelledby="staff-audit">
      <h2 id="staff-audit">{t('audit.title')}</h2>
      {entries.length === 0 ? (
        <p>{t('audit.none')}</p>
      ) : (
        <ul className="staff-versions">
          {entries.map((entry) => (
            <li key={entry.id}>
              <h3>{i18next.exists(`staff:audit.action.${entry.action}`) ? t(`audit.action.${entry.action}`) : entry.action}</h3>
              <dl className="staff-facts">
                <dt>{t('audit.who')}</dt>
                <dd>{t('versions.byAt', { who: entry.actor?.displayName ?? entry.actorRole, at: formatMoment(entry.at) })}</dd>
                <dt>{t('audit.version')}</dt>
                <dd>{t('audit.change', { before: entry.declarationNumberBefore, after: entry.declarationNumberAfter })}</dd>
                <dt>{t('overview.hours')}</dt>
                <dd>{t('audit.change', { before: entry.workedHoursBefore, after: entry.workedHoursAfter })}</dd>
                {entry.reason && (
                  <>
                    <dt>{t('versions.reason')}</dt>
                    <dd className="staff-quote">{entry.reason}</dd>
                  </>
                )}
              </dl>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
