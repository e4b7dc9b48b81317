import { useApolloClient, useMutation, useQuery } from '@apollo/client/react';
import { FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'wouter';
import { problemAt } from '../../app/errors';
import { Button, ErrorMessage, Field, Notice, Page, TextArea } from '../../app/ui';
import {
  TabsDeclineSigningRequestDocument,
  TabsSignDocumentDocument,
  TabsSigningConsentDocument,
  TabsSigningLinksDocument,
  TabsSigningRequestDocument,
  TabsSigningRequestsDocument,
  type TabsSigningRequestQuery,
  type TabsSigningRowFragment,
} from '../../gql/graphql';
import { DownloadButton } from './download-button';
import { formatDate, formatMoment, formatSize, TabState } from './shared';
import './tabs.css';
import { LoadMore } from '../../shared/LoadMore';

/*
 * "Te ondertekenen" (/signing, /signing/<id>): the documents the agency put before the worker.
 * One document: open or download the PDF (a fresh link at each click), sign it with the server's
 * consent statement (in the viewer's language, ticked explicitly) and the password again, or
 * decline it with a reason; once signed, the sealed copy.
 */
export default function SigningPage() {
  const params = useParams<{ id?: string }>();
  return params.id ? <SigningDocument id={params.id} /> : <SigningList />;
}

function StatusBadge(props: { status: string }) {
  const { t } = useTranslation('tabs');
  return <span className={`badge tabs-status tabs-signing-${props.status.toLowerCase()}`}>{t(`signing.status.${props.status}`)}</span>;
}

function SigningList() {
  const { t } = useTranslation('tabs');
  const { data, error, loading, fetchMore } = useQuery(TabsSigningRequestsDocument, { notifyOnNetworkStatusChange: true });
  const title = t('signing.title');
  const connection = data?.signingRequests;
  if (!connection) return <TabState title={title} error={error} loading={loading} />;
  const pending = connection.nodes.filter((d) => d.status === 'PENDING');
  const decided = connection.nodes.filter((d) => d.status !== 'PENDING');
  return (
    <Page title={title}>
      <section aria-labelledby="tabs-signing-pending">
        <h2 id="tabs-signing-pending">{t('signing.pending')}</h2>
        {pending.length === 0 ? <p>{t('signing.nonePending')}</p> : <Rows rows={pending} />}
      </section>
      {decided.length > 0 && (
        <section aria-labelledby="tabs-signing-decided">
          <h2 id="tabs-signing-decided">{t('signing.decided')}</h2>
          <Rows rows={decided} />
        </section>
      )}
      <LoadMore pageInfo={connection.pageInfo} load={(after) => fetchMore({ variables: { after } })} label={t('more')} error={error} />
    </Page>
  );
}

function Rows(props: { rows: readonly TabsSigningRowFragment[] }) {
  const { t } = useTranslation('tabs');
  return (
    <ul className="list tabs-cards">
      {props.rows.map((doc) => (
        <li key={doc.id} className="card tabs-box">
          <div className="tabs-line-head">
            <h3 className="tabs-card-title">
              <Link href={`/signing/${doc.id}`}>{doc.title}</Link>
            </h3>
            <StatusBadge status={doc.status} />
          </div>
          <p className="tabs-meta">
            {doc.status === 'PENDING'
              ? doc.dueDate
                ? t('signing.due', { date: formatDate(doc.dueDate) })
                : t('signing.received', { when: formatMoment(doc.createdAt) })
              : t('signing.decidedAt', { when: formatMoment(doc.decidedAt) })}
          </p>
        </li>
      ))}
    </ul>
  );
}

type Doc = TabsSigningRequestQuery['signingRequest'];

function SigningDocument(props: { id: string }) {
  const { t } = useTranslation('tabs');
  const client = useApolloClient();
  const { data, error, loading } = useQuery(TabsSigningRequestDocument, { variables: { id: props.id } });
  const [mode, setMode] = useState<'view' | 'sign' | 'decline'>('view');
  const [justSigned, setJustSigned] = useState(false);
  const doc = data?.signingRequest;
  const back = (
    <p>
      <Link href="/signing">{t('signing.back')}</Link>
    </p>
  );
  if (!doc) {
    return (
      <TabState title={t('signing.title')} error={error} loading={loading}>
        {back}
      </TabState>
    );
  }
  const link = async (which: 'view' | 'signed') => {
    const answer = await client.query({ query: TabsSigningLinksDocument, variables: { id: doc.id }, fetchPolicy: 'no-cache' });
    const fresh = answer.data?.signingRequest;
    if (!fresh) return undefined;
    const url = which === 'view' ? fresh.viewUrl : fresh.signedCopyUrl;
    if (!url) return undefined;
    return { url, fileName: which === 'view' ? fresh.fileName : signedName(fresh.fileName) };
  };
  return (
    <Page title={doc.title}>
      {back}
      <div className="card tabs-box">
        <div className="tabs-line-head">
          <span className="tabs-meta">
            {doc.fileName} · {formatSize(doc.size)}
          </span>
          <StatusBadge status={doc.status} />
        </div>
        {doc.dueDate && doc.status === 'PENDING' && <p>{t('signing.due', { date: formatDate(doc.dueDate) })}</p>}
        <div className="actions">
          <DownloadButton label={t('signing.open')} fetchLink={() => link('view')} inline />
          <DownloadButton label={t('signing.download')} fetchLink={() => link('view')} />
        </div>
      </div>

      {doc.status === 'SIGNED' && <Signed doc={doc} justSigned={justSigned} fetchLink={() => link('signed')} />}
      {doc.status === 'DECLINED' && (
        <Notice kind="warning">
          {t('signing.declinedNotice', { when: formatMoment(doc.decidedAt) })} {doc.declineReason}
        </Notice>
      )}
      {doc.status === 'WITHDRAWN' && <Notice kind="warning">{t('signing.withdrawnNotice')}</Notice>}

      {doc.status === 'PENDING' && mode === 'view' && (
        <div className="actions">
          <Button variant="primary" onClick={() => setMode('sign')}>
            {t('signing.startSign')}
          </Button>
          <Button variant="danger" onClick={() => setMode('decline')}>
            {t('signing.startDecline')}
          </Button>
        </div>
      )}
      {doc.status === 'PENDING' && mode === 'sign' && (
        <SignForm
          doc={doc}
          onCancel={() => setMode('view')}
          onSigned={() => {
            setJustSigned(true);
            setMode('view');
          }}
        />
      )}
      {doc.status === 'PENDING' && mode === 'decline' && <DeclineForm doc={doc} onCancel={() => setMode('view')} onDone={() => setMode('view')} />}
    </Page>
  );
}

function signedName(fileName: string): string {
  return fileName.replace(/\.pdf$/i, '') + '-signed.pdf';
}

function Signed(props: { doc: Doc; justSigned: boolean; fetchLink: () => Promise<{ url: string; fileName: string } | undefined> }) {
  const { t } = useTranslation('tabs');
  const evidence = props.doc.evidence;
  return (
    <section aria-labelledby="tabs-signed" className="card tabs-box">
      <h2 id="tabs-signed">{t('signing.signedTitle')}</h2>
      <Notice kind="success">
        {props.justSigned ? `${t('signing.signedNow')} ` : ''}
        {evidence ? t('signing.signedBy', { name: evidence.signerName, when: formatMoment(evidence.signedAt) }) : ''}
      </Notice>
      <p className="hint">{t('signing.signedCopyHint')}</p>
      <DownloadButton variant="primary" label={t('signing.downloadSigned')} fetchLink={props.fetchLink} />
    </section>
  );
}

function SignForm(props: { doc: Doc; onCancel: () => void; onSigned: () => void }) {
  const { t } = useTranslation('tabs');
  const consentId = useId();
  const { data: consentData, error: consentError, loading: consentLoading } = useQuery(TabsSigningConsentDocument, {
    variables: { id: props.doc.id },
    fetchPolicy: 'network-only',
  });
  const [agreed, setAgreed] = useState(false);
  const [password, setPassword] = useState('');
  const [sign, { loading, error }] = useMutation(TabsSignDocumentDocument, { refetchQueries: [TabsSigningRequestsDocument] });
  const consent = consentData?.signingConsent;
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!consent) return;
    const result = await sign({
      variables: { input: { id: props.doc.id, consent: agreed, consentVersion: consent.version, currentPassword: password } },
    }).catch(() => null);
    if (result?.data) props.onSigned();
  };
  const consentProblem = problemAt(error, 'consent') ?? problemAt(error, 'consentVersion');
  const passwordProblem = problemAt(error, 'currentPassword');
  return (
    <form className="card tabs-box" onSubmit={submit} noValidate aria-labelledby="tabs-sign">
      <h2 id="tabs-sign">{t('signing.signTitle')}</h2>
      <ErrorMessage error={consentError} />
      {consentLoading && !consent && <p className="loading">{t('common:loading')}</p>}
      {consent && (
        <>
          <h3 id={`${consentId}-title`}>{t('signing.consentTitle')}</h3>
          <blockquote className="tabs-consent" lang={consent.language} aria-labelledby={`${consentId}-title`}>
            {consent.text}
          </blockquote>
          <div className={`tabs-check${consentProblem ? ' field-invalid' : ''}`}>
            <input
              id={consentId}
              type="checkbox"
              name="consent"
              checked={agreed}
              onChange={(e) => setAgreed(e.target.checked)}
              aria-invalid={consentProblem ? true : undefined}
              aria-describedby={consentProblem ? `${consentId}-error` : undefined}
            />
            <label htmlFor={consentId}>{t('signing.agree')}</label>
          </div>
          {consentProblem && (
            <p id={`${consentId}-error`} className="field-error" role="alert">
              {consentProblem}
            </p>
          )}
          <Field
            label={t('signing.password')}
            name="currentPassword"
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            error={passwordProblem}
            hint={t('signing.passwordHint')}
          />
          {!consentProblem && !passwordProblem && <ErrorMessage error={error} />}
          <div className="actions">
            <Button type="submit" variant="primary" busy={loading}>
              {t('signing.sign')}
            </Button>
            <Button onClick={props.onCancel}>{t('common:cancel')}</Button>
          </div>
        </>
      )}
    </form>
  );
}

function DeclineForm(props: { doc: Doc; onCancel: () => void; onDone: () => void }) {
  const { t } = useTranslation('tabs');
  const [reason, setReason] = useState('');
  const [decline, { loading, error }] = useMutation(TabsDeclineSigningRequestDocument, { refetchQueries: [TabsSigningRequestsDocument] });
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const result = await decline({ variables: { input: { id: props.doc.id, reason } } }).catch(() => null);
    if (result?.data) props.onDone();
  };
  return (
    <form className="card tabs-box" onSubmit={submit} noValidate aria-labelledby="tabs-decline">
      <h2 id="tabs-decline">{t('signing.declineTitle')}</h2>
      <TextArea label={t('signing.reason')} name="reason" required maxLength={1000} rows={4} value={reason} onChange={(e) => setReason(e.target.value)} error={problemAt(error, 'reason')} />
      {!problemAt(error, 'reason') && <ErrorMessage error={error} />}
      <div className="actions">
        <Button type="submit" variant="danger" busy={loading}>
          {t('signing.decline')}
        </Button>
        <Button onClick={props.onCancel}>{t('common:cancel')}</Button>
      </div>
    </form>
  );
}
