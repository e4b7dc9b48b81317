import { useMutation, useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { dropFromConnection } from '../../app/cache-policies';
import { shownErrors, ShownError } from '../../app/errors';
import { Button, ConfirmDialog, ErrorMessage, Notice, Page } from '../../app/ui';
import { useViewer } from '../../app/viewer';
import { WeekAgencyZoneDocument, WeekBlueBarDocument, WeekFormFragment, WeekSaveAndApproveDocument, WeekSaveDocument } from '../../gql/graphql';
import { DaysEditor, ReadOnlyDays } from './DaysEditor';
import { formatDate, formatMoment, weekNumber } from './format';
import { buildWeek, DayForm, formOf, keyOfPath, Refusal } from './week-form';
import { WeekPreview } from './WeekPreview';
import './week.css';

/**
 * One week (werkbrief) on screen: the blue bar of the other open weeks, the week's header, the
 * relation's rejection, the Working Time Act signals, the days (editable while the viewer enters
 * them and the week is open), the preview of the last save, and "Alleen opslaan" /
 * "Opslaan + Accorderen". Used by /week, /week/:week and /timesheets/:id.
 */
export function WeekScreen(props: { timesheet: WeekFormFragment; reload: () => Promise<unknown>; barHref: (entry: { id: string; week: string; placementId: string }) => string }) {
  const { t } = useTranslation('week');
  const ts = props.timesheet;
  const zone = useQuery(WeekAgencyZoneDocument, { fetchPolicy: 'cache-first', errorPolicy: 'ignore' }).data?.agency.settings.timeZone;
  return (
    <Page title={t('title', { week: weekNumber(ts.week) })}>
      <BlueBar current={ts.id} href={props.barHref} />
      <WeekHeader timesheet={ts} timeZone={zone} />
      <WeekBody key={ts.id} timesheet={ts} reload={props.reload} timeZone={zone} />
    </Page>
  );
}

function BlueBar(props: { current: string; href: (entry: { id: string; week: string; placementId: string }) => string }) {
  const { t } = useTranslation('week');
  const viewer = useViewer();
  const { data } = useQuery(WeekBlueBarDocument, { fetchPolicy: 'cache-and-network', errorPolicy: 'ignore' });
  const nodes = data?.openTimesheets.nodes ?? [];
  if (nodes.length === 0) return null;
  const placements = new Set(nodes.map((n) => n.placementId));
  return (
    <nav className="bluebar" aria-label={t('bar.label')}>
      <span className="bluebar-title" aria-hidden="true">
        {t('bar.title')}
      </span>
      <ul>
        {nodes.map((node) => {
          const current = node.id === props.current;
          const who = viewer.role === 'RELATION_CONTACT' ? node.flexworker?.fullName : placements.size > 1 ? node.placement?.functionName : undefined;
          return (
            <li key={node.id}>
              <Link href={props.href(node)} aria-current={current ? 'page' : undefined} className={current ? 'bluebar-current' : undefined}>
                <span className="bluebar-week">{t('bar.week', { week: weekNumber(node.week) })}</span>
                {who && <span className="bluebar-who">{who}</span>}
                {node.rejection && <span className="bluebar-flag">{t('bar.rejected')}</span>}
                {!node.rejection && node.late && <span className="bluebar-flag">{t('bar.late')}</span>}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}

function statusText(t: (key: string, options?: Record<string, unknown>) => string, ts: WeekFormFragment): string {
  if (ts.status === 'OPEN' && ts.rejection) return t('status.REJECTED');
  if (ts.status === 'SUBMITTED') return t('status.SUBMITTED', { relation: ts.placement?.relation?.name ?? '' });
  return t(`status.${ts.status}`);
}

function WeekHeader(props: { timesheet: WeekFormFragment; timeZone?: string }) {
  const { t } = useTranslation('week');
  const viewer = useViewer();
  const ts = props.timesheet;
  const dates = `${formatDate(ts.weekStart, { weekday: 'short', day: 'numeric', month: 'short' })} – ${formatDate(ts.weekEnd, { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' })}`;
  const paid = ts.status === 'APPROVED' || ts.status === 'PROCESSED';
  return (
    <dl className="week-head">
      <div>
        <dt>{t('head.period')}</dt>
        <dd>{dates}</dd>
      </div>
      {viewer.role === 'RELATION_CONTACT' && ts.flexworker && (
        <div>
          <dt>{t('head.worker')}</dt>
          <dd>{ts.flexworker.fullName}</dd>
        </div>
      )}
      {ts.placement && (
        <div>
          <dt>{t('head.function')}</dt>
          <dd>{ts.placement.functionName}</dd>
        </div>
      )}
      {ts.placement?.relation && (
        <div>
          <dt>{t('head.relation')}</dt>
          <dd>{ts.placement.relation.name}</dd>
        </div>
      )}
      <div>
        <dt>{t('head.status')}</dt>
        <dd>
          <span className={`week-status week-status-${ts.rejection && ts.status === 'OPEN' ? 'rejected' : ts.status.toLowerCase()}`}>{statusText(t, ts)}</span>
          {ts.late && !paid && <span className="week-late">{t('head.late')}</span>}
        </dd>
      </div>
      {!paid && (
        <div>
          <dt>{t('head.deadline')}</dt>
          <dd>{formatMoment(ts.approvalDeadline, props.timeZone)}</dd>
        </div>
      )}
      <div>
        <dt>{t('head.payDate')}</dt>
        <dd>{formatDate(ts.expectedPayDate, { weekday: 'long', day: 'numeric', month: 'long' })}</dd>
      </div>
    </dl>
  );
}

type Notice = { kind: 'success' | 'info'; text: string } | null;

function WeekBody(props: { timesheet: WeekFormFragment; reload: () => Promise<unknown>; timeZone?: string }) {
  const { t } = useTranslation('week');
  const viewer = useViewer();
  const ts = props.timesheet;
  const [form, setForm] = useState<DayForm[]>(() => formOf(ts));
  const [formVersion, setFormVersion] = useState(ts.version);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [generalErrors, setGeneralErrors] = useState<ShownError[]>([]);
  const [conflict, setConflict] = useState<unknown>(null);
  const [notice, setNotice] = useState<Notice>(null);
  const [confirming, setConfirming] = useState(false);
  const [save, saving] = useMutation(WeekSaveDocument);
  const [approve, approving] = useMutation(WeekSaveAndApproveDocument);

  // A new version of the week (a save, a reload after a conflict): the form shows it as stored.
  if (ts.version !== formVersion) {
    setFormVersion(ts.version);
    setForm(formOf(ts));
    setFieldErrors({});
  }

  const refusalText = (refusal: Refusal) => t(`refused.${refusal.reason}`, { value: refusal.value });
  const codeOrder = (ts.placement?.hourCodes ?? []).map((c) => c.code);
  const savedDays = JSON.stringify(buildWeek(formOf(ts), codeOrder).days);
  const built = buildWeek(form, codeOrder);
  const dirty = JSON.stringify(built.days) !== savedDays;
  const entersOwn = ts.enteredBy === 'RELATION' ? viewer.role === 'RELATION_CONTACT' : viewer.role === 'FLEXWORKER';

  const checkBeforeSending = (): boolean => {
    const refused = Object.entries(built.refusals);
    if (refused.length === 0) return true;
    setFieldErrors(Object.fromEntries(refused.map(([key, refusal]) => [key, refusalText(refusal)])));
    setGeneralErrors([]);
    setNotice(null);
    return false;
  };

  const send = async (andApprove: boolean) => {
    setGeneralErrors([]);
    setConflict(null);
    setNotice(null);
    const input = { timesheetId: ts.id, expectedVersion: ts.version, days: built.days };
    try {
      if (andApprove) {
        await approve({
          variables: { input: { ...input, confirm: true } },
          update: (cache, result) => dropFromConnection(cache, 'openTimesheets', 'Timesheet', result.data?.saveAndApproveTimesheet.removedFromOpenTimesheets ?? []),
        });
        setNotice({ kind: 'success', text: ts.enteredBy === 'RELATION' ? t('notice.approvedByRelation') : t('notice.approved', { relation: ts.placement?.relation?.name ?? '' }) });
      } else {
        await save({ variables: { input } });
        setNotice({ kind: 'success', text: t('notice.saved') });
      }
      setFieldErrors({});
    } catch (error) {
      const shown = shownErrors(error);
      if (shown.some((e) => e.code === 'CONFLICT')) {
        setConflict(error);
        await props.reload().catch(() => undefined);
        return;
      }
      const atFields: Record<string, string> = {};
      const elsewhere: ShownError[] = [];
      for (const e of shown) {
        if (e.problems.length === 0) {
          elsewhere.push(e);
          continue;
        }
        for (const problem of e.problems) {
          const key = keyOfPath(built.map, problem.path);
          if (key) atFields[key] ??= problem.message;
          else elsewhere.push({ ...e, message: problem.message, problems: [] });
        }
      }
      setFieldErrors(atFields);
      setGeneralErrors(elsewhere);
      if (Object.keys(atFields).length > 0) setNotice({ kind: 'info', text: t('notice.checkFields') });
    }
  };

  const onSave = () => {
    if (checkBeforeSending()) void send(false);
  };
  const onApprove = () => {
    if (checkBeforeSending()) setConfirming(true);
  };
  const onConfirm = async () => {
    await send(true);
    setConfirming(false);
  };

  return (
    <>
      {ts.rejection && ts.status === 'OPEN' && (
        <section className="week-rejection" aria-labelledby="week-rejection-title">
          <h2 id="week-rejection-title">{t('rejection.title', { relation: ts.placement?.relation?.name ?? '' })}</h2>
          <p className="week-rejection-reason">{ts.rejection.reason}</p>
          <p className="week-rejection-when">{t('rejection.when', { when: formatMoment(ts.rejection.rejectedAt, props.timeZone) })}</p>
          {ts.editable && <p>{t('rejection.whatNow')}</p>}
        </section>
      )}
      {!entersOwn && (
        <Notice>
          {ts.enteredBy === 'RELATION' ? t('enteredBy.relation', { relation: ts.placement?.relation?.name ?? '' }) : t('enteredBy.worker', { name: ts.flexworker?.fullName ?? '' })}
        </Notice>
      )}
      {ts.workingTimeSignals.length > 0 && (
        <section className="week-signals" aria-labelledby="week-signals-title">
          <h2 id="week-signals-title">{t('signals.title')}</h2>
          <p>{t('signals.lead')}</p>
          <ul>
            {ts.workingTimeSignals.map((s, i) => (
              <li key={`${s.rule}-${i}`}>{s.message}</li>
            ))}
          </ul>
        </section>
      )}
      <div aria-live="polite">{notice && <Notice kind={notice.kind}>{notice.text}</Notice>}</div>
      {conflict !== null && <ErrorMessage error={conflict} />}

      <h2>{t('days.title')}</h2>
      {ts.editable ? (
        <>
          {usesHint(ts) && <p className="hint">{usesHint(ts) === 'codes' ? t('days.hintCodes') : t('days.hintTimes')}</p>}
          <DaysEditor
            timesheet={ts}
            form={form}
            errors={fieldErrors}
            onChange={(next) => {
              setForm(next);
              setNotice(null);
            }}
            onFieldError={(key, refusal) =>
              setFieldErrors((errors) => {
                const next = { ...errors };
                if (refusal) next[key] = refusalText(refusal);
                else delete next[key];
                return next;
              })
            }
          />
          {generalErrors.length > 0 && (
            <div className="error-box" role="alert">
              {generalErrors.map((e, i) => (
                <p key={i} data-code={e.code}>
                  {e.message}
                </p>
              ))}
            </div>
          )}
          <div className="actions week-actions">
            <Button onClick={onSave} busy={saving.loading} disabled={approving.loading}>
              {t('actions.save')}
            </Button>
            <Button variant="primary" onClick={onApprove} busy={approving.loading} disabled={saving.loading}>
              {t('actions.approve')}
            </Button>
          </div>
          {dirty && <p className="hint">{t('preview.unsaved')}</p>}
        </>
      ) : (
        <ReadOnlyDays timesheet={ts} />
      )}

      <WeekPreview timesheet={ts} />

      <ConfirmDialog
        open={confirming}
        title={t('confirm.title', { week: weekNumber(ts.week) })}
        confirmLabel={t('confirm.yes')}
        busy={approving.loading}
        onConfirm={() => void onConfirm()}
        onCancel={() => setConfirming(false)}
      >
        <p>
          {ts.enteredBy === 'RELATION'
            ? t('confirm.bodyRelation', { week: weekNumber(ts.week), name: ts.flexworker?.fullName ?? '' })
            : t('confirm.body', { week: weekNumber(ts.week), relation: ts.placement?.relation?.name ?? '' })}
        </p>
        <p>{t('confirm.final')}</p>
      </ConfirmDialog>
    </>
  );
}

function usesHint(ts: WeekFormFragment): 'codes' | 'times' | null {
  if (!ts.placement?.caoSchedule) return ts.placement?.hourCodes.length ? 'codes' : null;
  return ts.placement.allowedEntryModes.includes('TIMES') ? 'times' : null;
}
