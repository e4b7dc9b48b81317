import { useMutation, useQuery } from '@apollo/client/react';
import { FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, ErrorMessage, Loading, Notice, Page, Select, TextArea } from '../app/ui';
import { problemAt } from '../app/errors';
import {
  StaffApproveChangeRequestDocument,
  StaffChangeRequestsDocument,
  StaffChangeRequestWorkerDocument,
  StaffRejectChangeRequestDocument,
  type ChangeRequestStatus,
  type PersonalDataField,
  type StaffChangeRequestFieldsFragment,
  type StaffWorkerDataFragment,
} from '../gql/graphql';
import { formatDate, formatMoment } from './format';
import { StatusBadge } from './StatusBadge';
import './staff.css';
import { LoadMore } from '../shared/LoadMore';

const PAGE_SIZE = 20;
const STATUSES: readonly ChangeRequestStatus[] = ['OPEN', 'APPROVED', 'REJECTED'];

/** The workers' change requests ("Jouw informatie"): what would change, approve, or reject with a reason. */
export default function ChangeRequestsPage() {
  const { t } = useTranslation('staff');
  const [status, setStatus] = useState<ChangeRequestStatus | ''>('OPEN');
  const variables = { status: status || null, first: PAGE_SIZE };
  const { data, error, loading, fetchMore, refetch } = useQuery(StaffChangeRequestsDocument, { variables, fetchPolicy: 'cache-and-network', notifyOnNetworkStatusChange: true });
  const [notice, setNotice] = useState<string | null>(null);
  const requests = data?.changeRequests.nodes ?? [];
  const pageInfo = data?.changeRequests.pageInfo;

  const decided = (message: string) => {
    setNotice(message);
    void refetch();
  };

  return (
    <Page title={t('requests.title')}>
      <Select label={t('requests.show')} name="status" value={status} onChange={(e) => setStatus(e.target.value as ChangeRequestStatus | '')}>
        {STATUSES.map((s) => (
          <option key={s} value={s}>
            {t(`requestStatus.${s}`)}
          </option>
        ))}
        <option value="">{t('requests.all')}</option>
      </Select>
      {notice && <Notice kind="success">{notice}</Notice>}
      <ErrorMessage error={error} />
      {!data && loading ? (
        <Loading />
      ) : (
        data &&
        (requests.length === 0 ? (
          <Notice>{t('requests.none')}</Notice>
        ) : (
          <ul className="staff-cards" aria-label={t('requests.title')}>
            {requests.map((request) => (
              <li key={request.id}>
                <ChangeRequestCard request={request} onDecided={decided} />
              </li>
            ))}
          </ul>
        ))
      )}
      <LoadMore pageInfo={pageInfo} load={(after) => fetchMore({ variables: { ...variables, after } })} label={t('overview.loadMore')} />
    </Page>
  );
}

function ChangeRequestCard(props: { request: StaffChangeRequestFieldsFragment; onDecided: (message: string) => void }) {
  const { t } = useTranslation('staff');
  const { request } = props;
  const worker = useQuery(StaffChangeRequestWorkerDocument, { variables: { id: request.flexworkerId }, fetchPolicy: 'cache-and-network' });
  const [approve, approving] = useMutation(StaffApproveChangeRequestDocument);
  const [reject, rejecting] = useMutation(StaffRejectChangeRequestDocument);
  const [rejectOpen, setRejectOpen] = useState(false);
  const [reason, setReason] = useState('');
  const name = worker.data?.flexworker.fullName ?? '…';
  const headingId = `request-${request.id}`;

  const doApprove = async () => {
    rejecting.reset();
    const result = await approve({ variables: { input: { id: request.id } } }).catch(() => null);
    if (result?.data) props.onDecided(t('requests.approved', { name }));
  };
  const doReject = async (event: FormEvent) => {
    event.preventDefault();
    approving.reset();
    const result = await reject({ variables: { input: { id: request.id, reason } } }).catch(() => null);
    if (result?.data) props.onDecided(t('requests.rejected', { name }));
  };

  return (
    <article aria-labelledby={headingId}>
      <h2 id={headingId} className="staff-card-title">
        {name} <StatusBadge status={request.status} kind="request" />
      </h2>
      <p className="staff-message-meta">{t('requests.sent', { at: formatMoment(request.createdAt) })}</p>
      <h3>{t('requests.changes')}</h3>
      <ul className="staff-change">
        {request.proposed.fields.map((field) => (
          <li key={field}>
            <strong>{t(`field.${field}`)}</strong>:{' '}
            <span className="staff-old">
              <span className="visually-hidden">{t('requests.now')} </span>
              {worker.data ? currentValue(worker.data.flexworker, field) || t('requests.empty') : '…'}
            </span>{' '}
            <span aria-hidden="true">→</span>{' '}
            <span className="staff-new">
              <span className="visually-hidden">{t('requests.becomes')} </span>
              {proposedValue(request.proposed, field) || t('requests.empty')}
            </span>
          </li>
        ))}
      </ul>
      <h3>{t('requests.note')}</h3>
      <p className="staff-quote">{request.note}</p>
      {request.status === 'REJECTED' && request.rejectionReason && (
        <p className="staff-quote">{t('requests.rejectionReason', { reason: request.rejectionReason })}</p>
      )}
      {request.decidedAt && <p className="staff-message-meta">{t('requests.decidedAt', { at: formatMoment(request.decidedAt) })}</p>}
      <ErrorMessage error={approving.error} />
      {request.status === 'OPEN' &&
        (rejectOpen ? (
          <form onSubmit={doReject} noValidate>
            <TextArea label={t('requests.reason')} name="reason" value={reason} required error={problemAt(rejecting.error, 'reason')} onChange={(e) => setReason(e.target.value)} />
            {!problemAt(rejecting.error, 'reason') && <ErrorMessage error={rejecting.error} />}
            <div className="actions">
              <Button type="submit" variant="danger" busy={rejecting.loading}>
                {t('requests.confirmReject')}
              </Button>
              <Button
                onClick={() => {
                  rejecting.reset();
                  setRejectOpen(false);
                }}
              >
                {t('common:cancel')}
              </Button>
            </div>
          </form>
        ) : (
          <div className="actions">
            <Button variant="primary" busy={approving.loading} onClick={doApprove}>
              {t('requests.approve')}
            </Button>
            <Button variant="danger" onClick={() => setRejectOpen(true)}>
              {t('requests.reject')}
            </Button>
          </div>
        ))}
    </article>
  );
}

type Address = StaffWorkerDataFragment['address'];
function formatAddress(address: Address | null | undefined): string {
  if (!address) return '';
  return `${address.street} ${address.houseNumber}, ${address.postalCode} ${address.city} (${address.country})`;
}

function currentValue(worker: StaffWorkerDataFragment, field: PersonalDataField): string {
  switch (field) {
    case 'FIRST_NAME':
      return worker.firstName;
    case 'LAST_NAME':
      return worker.lastName;
    case 'EMAIL':
      return worker.email ?? '';
    case 'PHONE':
      return worker.phone ?? '';
    case 'DATE_OF_BIRTH':
      return formatDate(worker.dateOfBirth);
    case 'LANGUAGE':
      return worker.language ?? '';
    case 'IBAN':
      return worker.ibanMasked ?? '';
    case 'ADDRESS':
      return formatAddress(worker.address);
    default:
      return '';
  }
}

function proposedValue(proposed: StaffChangeRequestFieldsFragment['proposed'], field: PersonalDataField): string {
  switch (field) {
    case 'FIRST_NAME':
      return proposed.firstName ?? '';
    case 'LAST_NAME':
      return proposed.lastName ?? '';
    case 'EMAIL':
      return proposed.email ?? '';
    case 'PHONE':
      return proposed.phone ?? '';
    case 'DATE_OF_BIRTH':
      return formatDate(proposed.dateOfBirth);
    case 'LANGUAGE':
      return proposed.language ?? '';
    case 'IBAN':
      return proposed.ibanMasked ?? '';
    case 'ADDRESS':
      return formatAddress(proposed.address);
    default:
      return '';
  }
}
