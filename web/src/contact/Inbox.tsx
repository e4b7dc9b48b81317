import { useQuery } from '@apollo/client/react';
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { useHistoryState } from 'wouter/use-browser-location';
import { Button, ConfirmDialog, ErrorMessage, Loading, Notice, Page } from '../app/ui';
import { ContactApprovalsInboxDocument, type ContactApprovalsRowFragment } from '../gql/graphql';
import { isDecisionFlash, useApproveDeclarations } from './approvals-cache';
import { useAgencyTimeZone } from './time-zone';
import { weekNumber, weekRange, moment } from './format';
import { LoadMore } from '../shared/LoadMore';

interface WorkerGroup {
  readonly key: string;
  readonly name: string;
  readonly rows: ContactApprovalsRowFragment[];
}

/** The weeks of the same worker together, in the order the server gives (oldest week first). */
function byWorker(rows: readonly ContactApprovalsRowFragment[], unknownName: string): WorkerGroup[] {
  const groups = new Map<string, { key: string; name: string; rows: ContactApprovalsRowFragment[] }>();
  for (const row of rows) {
    const group = groups.get(row.flexworkerId) ?? { key: row.flexworkerId, name: row.flexworker?.fullName ?? unknownName, rows: [] };
    group.rows.push(row);
    groups.set(row.flexworkerId, group);
  }
  return [...groups.values()];
}

/**
 * The contact's inbox: the weeks the workers approved that wait for the relation, per worker and
 * week with the hours per kind. Select one, some or all and approve them in one request (all or
 * none); open a week to see its days and lines, and to reject it with a reason.
 */
export function Inbox() {
  const { t } = useTranslation('approvals');
  const flash = useHistoryState<unknown>();
  const inbox = useQuery(ContactApprovalsInboxDocument, { fetchPolicy: 'cache-and-network', notifyOnNetworkStatusChange: true });
  const [approve, approval] = useApproveDeclarations();
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [confirming, setConfirming] = useState(false);
  const [approvedCount, setApprovedCount] = useState<number | null>(null);
  const selectAll = useRef<HTMLInputElement>(null);
  const selectAllId = useId();
  const timeZone = useAgencyTimeZone();

  const rows = useMemo(() => inbox.data?.declarationsAwaitingApproval.nodes ?? [], [inbox.data]);
  const groups = useMemo(() => byWorker(rows, t('unknownWorker')), [rows, t]);
  const chosen = rows.filter((row) => selected.has(row.id));
  const allChosen = rows.length > 0 && chosen.length === rows.length;

  useEffect(() => {
    if (selectAll.current) selectAll.current.indeterminate = chosen.length > 0 && !allChosen;
  }, [chosen.length, allChosen]);

  const toggle = (id: string, on: boolean) =>
    setSelected((current) => {
      const next = new Set(current);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });

  const approveChosen = async () => {
    const ids = chosen.map((row) => row.id);
    const result = await approve({ variables: { input: { declarationIds: ids } } }).catch(() => null);
    setConfirming(false);
    if (result?.data) {
      setApprovedCount(result.data.approveDeclarations.declarations.length);
      setSelected(new Set());
      // The button may be gone with the rows: keep the keyboard on the screen, at its heading.
      document.getElementById('page-title')?.focus();
    } else {
      // All or none: nothing was approved. The list may be out of date (a week rejected or
      // approved again meanwhile): show it as the server has it now.
      setApprovedCount(null);
      void inbox.refetch();
    }
  };

  const pageInfo = inbox.data?.declarationsAwaitingApproval.pageInfo;
  const firstLoad = inbox.loading && !inbox.data;

  return (
    <Page title={t('inbox.title')}>
      <p className="lead">{t('inbox.lead')}</p>
      {approvedCount !== null ? (
        <Notice kind="success">{t('inbox.approvedCount', { count: approvedCount })}</Notice>
      ) : (
        isDecisionFlash(flash) && (
          <Notice kind="success">{t(flash.decision === 'approved' ? 'inbox.flashApproved' : 'inbox.flashRejected', { name: flash.name, week: flash.week })}</Notice>
        )
      )}
      <ErrorMessage error={approval.error} />
      <ErrorMessage error={inbox.error} />
      {firstLoad && <Loading />}
      {inbox.data && rows.length === 0 && <p className="contact-empty">{t('inbox.empty')}</p>}
      {rows.length > 0 && (
        <>
          <div className="contact-select-all">
            <input
              ref={selectAll}
              id={selectAllId}
              type="checkbox"
              checked={allChosen}
              onChange={(event) => setSelected(event.target.checked ? new Set(rows.map((row) => row.id)) : new Set())}
            />
            <label htmlFor={selectAllId}>{t('inbox.selectAll', { total: rows.length })}</label>
          </div>
          {groups.map((group) => (
            <section key={group.key} className="contact-worker" aria-labelledby={`worker-${group.key}`}>
              <h2 id={`worker-${group.key}`}>{group.name}</h2>
              <ul className="list">
                {group.rows.map((row) => (
                  <InboxRow key={row.id} row={row} name={group.name} timeZone={timeZone} checked={selected.has(row.id)} onToggle={(on) => toggle(row.id, on)} />
                ))}
              </ul>
            </section>
          ))}
          <LoadMore pageInfo={pageInfo} load={(after) => inbox.fetchMore({ variables: { after } })} label={t('inbox.more')} />
          <div className="contact-approve-bar">
            <p className="contact-approve-count">{t('inbox.selectedCount', { count: chosen.length })}</p>
            <Button variant="primary" disabled={chosen.length === 0} busy={approval.loading} onClick={() => setConfirming(true)}>
              {t('inbox.approveSelected')}
            </Button>
          </div>
        </>
      )}
      <ConfirmDialog
        open={confirming}
        title={t('confirm.title')}
        confirmLabel={t('confirm.approve')}
        busy={approval.loading}
        onConfirm={() => void approveChosen()}
        onCancel={() => setConfirming(false)}
      >
        <p>{t('confirm.body', { count: chosen.length })}</p>
        <ul>
          {chosen.map((row) => (
            <li key={row.id}>{t('weekOf', { name: row.flexworker?.fullName ?? t('unknownWorker'), week: weekNumber(row.week) })}</li>
          ))}
        </ul>
      </ConfirmDialog>
    </Page>
  );
}

function InboxRow(props: { row: ContactApprovalsRowFragment; name: string; timeZone?: string; checked: boolean; onToggle: (on: boolean) => void }) {
  const { t } = useTranslation('approvals');
  const { row } = props;
  const checkId = useId();
  const week = weekNumber(row.week);
  return (
    <li className="card contact-row">
      <div className="contact-check">
        <input id={checkId} type="checkbox" checked={props.checked} onChange={(event) => props.onToggle(event.target.checked)} />
        <label htmlFor={checkId}>
          <span className="contact-week">{t('week', { week })}</span>
          <span className="visually-hidden">, {props.name}, </span>
          <span className="contact-dates">{weekRange(row.weekStart)}</span>
        </label>
      </div>
      {row.placement && <p className="contact-meta">{row.placement.functionName}</p>}
      <dl className="contact-totals">
        <div className="contact-total-worked">
          <dt>{t('worked')}</dt>
          <dd>{row.breakdown.workedHours}</dd>
        </div>
        {row.breakdown.totalsByKind.map((total) => (
          <div key={total.kind}>
            <dt>{total.label}</dt>
            <dd>{total.hours}</dd>
          </div>
        ))}
      </dl>
      <p className="contact-meta">
        {t('approvedByWorkerAt', { when: moment(row.approvedByWorkerAt, props.timeZone) })}
        {row.number > 1 && ` · ${t('version', { number: row.number })}`}
      </p>
      <Link href={`/approvals/${row.id}`} className="contact-open">
        {t('inbox.open')}
        <span className="visually-hidden"> {t('weekOf', { name: props.name, week })}</span>
      </Link>
    </li>
  );
}
