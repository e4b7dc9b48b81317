import { useQuery } from '@apollo/client/react';
import { FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'wouter';
import { problemAt } from '../app/errors';
import { Button, ConfirmDialog, ErrorMessage, Loading, Notice, Page, TextArea } from '../app/ui';
import { ContactApprovalsDeclarationDocument, type ContactApprovalsDeclarationQuery } from '../gql/graphql';
import { BreakdownDays, BreakdownTotals, hasContent } from '../shared/breakdown/BreakdownView';
import { DecisionFlash, useApproveDeclarations, useRejectDeclaration } from './approvals-cache';
import { useAgencyTimeZone } from './time-zone';
import { moment, weekNumber, weekRange } from './format';

type Declaration = ContactApprovalsDeclarationQuery['declaration'];

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

      <BreakdownTotals breakdown={declaration.breakdown} level={2} idPrefix="contact-totals" />

      <h2>{t('detail.days')}</h2>
      {declaration.days.length === 0 && !declaration.breakdown.days.some(hasContent) && <p>{t('detail.noDays')}</p>}
      <BreakdownDays breakdown={declaration.breakdown} entered={declaration.days} level={3} idPrefix="contact-day" />
    </>
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
