import { useQuery } from '@apollo/client/react';
import { FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'wouter';
import { problemAt } from '../app/errors';
import { Button, ConfirmDialog, ErrorMessage, Loading, Notice, Page, TextArea } from '../app/ui';
import { ContactApprovalsDeclarationDocument, type ContactApprovalsDeclarationQuery } from '../gql/graphql';
import { DecisionFlash, useApproveDeclarations, useRejectDeclaration } from './approvals-cache';
import { useAgencyTimeZone } from './time-zone';
import { dayHeading, moment, shortDay, weekNumber, weekRange } from './format';

type Declaration = ContactApprovalsDeclarationQuery['declaration'];
type EnteredDay = NonNullable<Declaration['timesheet']>['days'][number];
type BreakdownDay = Declaration['breakdown']['days'][number];

/**
 * One week waiting for the relation (/approvals/:id): who, which week, the hours per kind and per
 * hour code, every day as entered with the lines it was split into and why; approve it, or reject
 * it with a reason the worker will read.
 */
export function DeclarationDetail(props: { id: string }) {
  const { t } = useTranslation('approvals');
  const { data, error, loading } = useQuery(ContactApprovalsDeclarationDocument, { variables: { id: props.id }, fetchPolicy: 'cache-and-network' });
  const declaration = data?.declaration;
  const name = declaration?.flexworker?.fullName ?? t('unknownWorker');
  const title = declaration ? t('weekOf', { name, week: weekNumber(declaration.week) }) : t('detail.title');
  return (
    <Page title={title}>
      <p>
        <Link href="/approvals">{t('detail.back')}</Link>
      </p>
      {loading && !declaration && <Loading />}
      {!declaration && <ErrorMessage error={error} />}
      {declaration && <DeclarationView declaration={declaration} name={name} />}
    </Page>
  );
}

function DeclarationView(props: { declaration: Declaration; name: string }) {
  const { t } = useTranslation('approvals');
  const { declaration, name } = props;
  const timeZone = useAgencyTimeZone();
  const waiting = declaration.status === 'AWAITING_RELATION';
  const entered = enteredDays(declaration);
  const dates = [...new Set([...entered.map((d) => d.date), ...declaration.breakdown.days.map((d) => d.date)])].sort();
  return (
    <>
      <dl className="contact-facts">
        <div>
          <dt>{t('detail.worker')}</dt>
          <dd>{name}</dd>
        </div>
        {declaration.placement && (
          <div>
            <dt>{t('detail.function')}</dt>
            <dd>{declaration.placement.functionName}</dd>
          </div>
        )}
        <div>
          <dt>{t('detail.period')}</dt>
          <dd>{weekRange(declaration.weekStart)}</dd>
        </div>
        <div>
          <dt>{t('detail.status')}</dt>
          <dd>
            <span className={`badge contact-status-${declaration.status.toLowerCase()}`}>{t(`status.${declaration.status}`)}</span>
          </dd>
        </div>
        <div>
          <dt>{t('detail.approvedByWorker')}</dt>
          <dd>
            {moment(declaration.approvedByWorkerAt, timeZone)}
            {declaration.number > 1 && ` · ${t('version', { number: declaration.number })}`}
          </dd>
        </div>
        {declaration.rejectionReason && (
          <div>
            <dt>{t('detail.rejectionReason')}</dt>
            <dd className="contact-reason">{declaration.rejectionReason}</dd>
          </div>
        )}
      </dl>
      {!waiting && <Notice>{t('detail.notWaiting')}</Notice>}
      {waiting && <Decision declaration={declaration} name={name} />}

      <h2>{t('detail.totals')}</h2>
      <div className="table-scroll">
        <table className="contact-table">
          <thead>
            <tr>
              <th scope="col">{t('detail.kind')}</th>
              <th scope="col" className="contact-num">
                {t('detail.hours')}
              </th>
            </tr>
          </thead>
          <tbody>
            <tr>
              <th scope="row">{t('worked')}</th>
              <td className="contact-num">{declaration.breakdown.workedHours}</td>
            </tr>
            {declaration.breakdown.totalsByKind.map((total) => (
              <tr key={total.kind}>
                <th scope="row">{total.label}</th>
                <td className="contact-num">{total.hours}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <h2>{t('detail.perCode')}</h2>
      <div className="table-scroll">
        <table className="contact-table">
          <thead>
            <tr>
              <th scope="col">{t('detail.code')}</th>
              <th scope="col">{t('detail.description')}</th>
              <th scope="col" className="contact-num">
                {t('detail.hours')}
              </th>
            </tr>
          </thead>
          <tbody>
            {declaration.breakdown.totals.map((total) => (
              <tr key={`${total.hourCode}-${total.kind}-${total.percentage}`}>
                <th scope="row">{total.hourCode}</th>
                <td>{total.label}</td>
                <td className="contact-num">{total.hours}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <h2>{t('detail.days')}</h2>
      {dates.length === 0 && <p>{t('detail.noDays')}</p>}
      {dates.map((date) => (
        <DayView key={date} date={date} entered={entered.find((d) => d.date === date)} split={declaration.breakdown.days.find((d) => d.date === date)} />
      ))}
    </>
  );
}

/**
 * The days as entered for this version: the week's days while this version is the one in force
 * and the week is not open again (then they are exactly the declaration's; docs/api.md). Otherwise
 * none: the lines below still show every day. (Declaration.days is not asked for: see contact.graphql.)
 */
function enteredDays(declaration: Declaration): readonly EnteredDay[] {
  const week = declaration.timesheet;
  if (!week || week.currentDeclarationId !== declaration.id || week.status === 'OPEN') return [];
  return week.days;
}

/** How the day was entered, in words: "22:00–06:00, break 0:30", "total 8:30", "H100 8:00, OW150 1:00". */
function useEnteredText() {
  const { t } = useTranslation('approvals');
  return (day: EnteredDay): string => {
    if (day.mode === 'TOTAL' && day.total) return t('day.total', { hours: day.total });
    if (day.mode === 'HOUR_CODES') return day.hours.map((h) => `${h.hourCode} ${h.hours}`).join(', ');
    const blocks = day.blocks.map((b) => `${b.start}–${b.end}`).join(', ');
    if (day.breakDuration) return t('day.timesWithBreak', { blocks, breakText: day.breakDuration });
    if (day.breaks.length > 0) return t('day.timesWithBreak', { blocks, breakText: day.breaks.map((b) => `${b.start}–${b.end}`).join(', ') });
    return blocks;
  };
}

function DayView(props: { date: string; entered?: EnteredDay; split?: BreakdownDay }) {
  const { t } = useTranslation('approvals');
  const enteredText = useEnteredText();
  const { entered, split } = props;
  const notes = [...(split?.adjustments ?? []), ...(split?.notApplied ?? [])];
  return (
    <section className="card contact-day" aria-labelledby={`day-${props.date}`}>
      <h3 id={`day-${props.date}`}>{dayHeading(props.date)}</h3>
      <dl className="contact-facts contact-facts-compact">
        {entered && (
          <div>
            <dt>{t('day.entered')}</dt>
            <dd>{enteredText(entered)}</dd>
          </div>
        )}
        <div>
          <dt>{t('worked')}</dt>
          <dd>{split?.workedHours ?? entered?.workedHours ?? '0:00'}</dd>
        </div>
      </dl>
      {split && split.lines.length > 0 && (
        <ul className="contact-lines">
          {split.lines.map((line, index) => (
            <li key={index}>
              <p className="contact-line-head">
                <span className="contact-line-label">
                  {line.label} <span className="contact-code">({line.hourCode})</span>
                </span>
                <span className="contact-line-hours">{line.hours}</span>
              </p>
              {line.from && line.to && (
                <p className="contact-meta">
                  {line.date === props.date ? t('day.fromTo', { from: line.from, to: line.to }) : t('day.fromToOn', { day: shortDay(line.date), from: line.from, to: line.to })}
                </p>
              )}
              <p className="contact-explanation">{line.explanation.text}</p>
            </li>
          ))}
        </ul>
      )}
      {split && split.allowances.length > 0 && (
        <ul className="contact-lines">
          {split.allowances.map((allowance, index) => (
            <li key={index}>
              <p className="contact-line-head">
                <span className="contact-line-label">{allowance.hourCode}</span>
                <span className="contact-line-hours">{t('day.allowanceCount', { count: allowance.count })}</span>
              </p>
              <p className="contact-explanation">{allowance.explanation.text}</p>
            </li>
          ))}
        </ul>
      )}
      {notes.length > 0 && (
        <ul className="contact-notes">
          {notes.map((note, index) => (
            <li key={index}>{note.explanation.text}</li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** Approve this one week, or reject it with a reason; either way back to the inbox, which says what happened. */
function Decision(props: { declaration: Declaration; name: string }) {
  const { t } = useTranslation('approvals');
  const [, navigate] = useLocation();
  const [approve, approval] = useApproveDeclarations();
  const [reject, rejection] = useRejectDeclaration();
  const [confirming, setConfirming] = useState(false);
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState('');
  const week = weekNumber(props.declaration.week);
  const back = (decision: DecisionFlash['decision']) => {
    const flash: DecisionFlash = { decision, name: props.name, week };
    navigate('/approvals', { state: flash });
  };

  const approveIt = async () => {
    const result = await approve({ variables: { input: { declarationIds: [props.declaration.id] } } }).catch(() => null);
    setConfirming(false);
    if (result?.data) back('approved');
  };

  const rejectIt = async (event: FormEvent) => {
    event.preventDefault();
    // The server decides whether the reason will do (it must say something): its message shows at the field.
    const result = await reject({ variables: { input: { declarationId: props.declaration.id, reason } } }).catch(() => null);
    if (result?.data) back('rejected');
  };

  const reasonProblem = problemAt(rejection.error, 'reason');
  return (
    <>
      <ErrorMessage error={approval.error} />
      {!rejecting && (
        <div className="actions">
          <Button variant="primary" busy={approval.loading} onClick={() => setConfirming(true)}>
            {t('detail.approve')}
          </Button>
          <Button variant="danger" onClick={() => setRejecting(true)}>
            {t('detail.reject')}
          </Button>
        </div>
      )}
      {rejecting && (
        <form className="card contact-reject" onSubmit={rejectIt} noValidate aria-labelledby="reject-title">
          <h2 id="reject-title">{t('reject.title')}</h2>
          <p className="hint">{t('reject.lead')}</p>
          <TextArea label={t('reject.reason')} name="reason" value={reason} autoFocus maxLength={1000} error={reasonProblem} onChange={(event) => setReason(event.target.value)} />
          {!reasonProblem && <ErrorMessage error={rejection.error} />}
          <div className="actions">
            <Button type="submit" variant="danger" busy={rejection.loading}>
              {t('reject.submit')}
            </Button>
            <Button
              onClick={() => {
                setRejecting(false);
                setReason('');
                rejection.reset();
              }}
            >
              {t('common:cancel')}
            </Button>
          </div>
        </form>
      )}
      <ConfirmDialog
        open={confirming}
        title={t('confirm.title')}
        confirmLabel={t('confirm.approve')}
        busy={approval.loading}
        onConfirm={() => void approveIt()}
        onCancel={() => setConfirming(false)}
      >
        <p>{t('confirm.one', { name: props.name, week })}</p>
      </ConfirmDialog>
    </>
  );
}
