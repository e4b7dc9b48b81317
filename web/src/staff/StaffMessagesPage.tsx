import { useMutation, useQuery } from '@apollo/client/react';
import { FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'wouter';
import { problemAt } from '../app/errors';
import { Button, ConfirmDialog, ErrorMessage, Loading, Notice, Page, Select, TextArea } from '../app/ui';
import {
  StaffCloseMessageThreadDocument,
  StaffMarkMessageThreadReadDocument,
  StaffMessageInboxDocument,
  StaffMessageThreadDocument,
  StaffWriteMessageDocument,
  type MessageThreadStatus,
} from '../gql/graphql';
import { formatMoment } from './format';
import { StatusBadge } from './StatusBadge';
import './staff.css';
import { LoadMore } from '../shared/LoadMore';

const PAGE_SIZE = 20;

/** The agency's inbox (/messages) and one thread (/messages/:id): read, answer, close. */
export default function StaffMessagesPage() {
  const { id } = useParams<{ id?: string }>();
  return id ? <Thread id={id} /> : <Inbox />;
}

function Inbox() {
  const { t } = useTranslation('staff');
  const [status, setStatus] = useState<MessageThreadStatus | ''>('OPEN');
  const variables = { status: status || null, first: PAGE_SIZE };
  const { data, error, loading, fetchMore } = useQuery(StaffMessageInboxDocument, { variables, fetchPolicy: 'cache-and-network', notifyOnNetworkStatusChange: true });
  const threads = data?.messageThreads.nodes ?? [];
  const pageInfo = data?.messageThreads.pageInfo;
  return (
    <Page title={t('messages.title')}>
      <Select label={t('messages.show')} name="status" value={status} onChange={(e) => setStatus(e.target.value as MessageThreadStatus | '')}>
        <option value="OPEN">{t('threadStatus.OPEN')}</option>
        <option value="CLOSED">{t('threadStatus.CLOSED')}</option>
        <option value="">{t('messages.all')}</option>
      </Select>
      <ErrorMessage error={error} />
      {!data && loading ? (
        <Loading />
      ) : (
        data && (
          <>
            <p className="staff-count" role="status">
              {t('messages.unreadTotal', { n: data.messageThreads.unreadCount })}
            </p>
            {threads.length === 0 ? (
              <Notice>{t('messages.none')}</Notice>
            ) : (
              <ul className="staff-thread-list" aria-label={t('messages.title')}>
                {threads.map((thread) => (
                  <li key={thread.id}>
                    <Link href={`/messages/${thread.id}`}>{thread.subject}</Link>
                    {thread.unreadCount > 0 && (
                      <span className="staff-unread">
                        {thread.unreadCount}
                        <span className="visually-hidden"> {t('messages.unread')}</span>
                      </span>
                    )}
                    <p className="staff-message-meta">
                      {t('messages.rowMeta', {
                        writer: thread.writer?.displayName ?? '—',
                        role: t(`role.${thread.writerRole}`),
                        n: thread.messageCount,
                        at: formatMoment(thread.lastMessageAt),
                      })}{' '}
                      <StatusBadge status={thread.status} kind="thread" />
                    </p>
                  </li>
                ))}
              </ul>
            )}
            <LoadMore pageInfo={pageInfo} load={(after) => fetchMore({ variables: { ...variables, after } })} label={t('overview.loadMore')} />
          </>
        )
      )}
    </Page>
  );
}

function Thread(props: { id: string }) {
  const { t } = useTranslation('staff');
  const { data, error, loading, fetchMore } = useQuery(StaffMessageThreadDocument, { variables: { id: props.id }, fetchPolicy: 'cache-and-network' });
  const [markRead] = useMutation(StaffMarkMessageThreadReadDocument);
  const [write, writing] = useMutation(StaffWriteMessageDocument);
  const [close, closing] = useMutation(StaffCloseMessageThreadDocument, { refetchQueries: [StaffMessageInboxDocument] });
  const [text, setText] = useState('');
  const [sent, setSent] = useState(false);
  const [confirmClose, setConfirmClose] = useState(false);
  const marked = useRef(false);
  const thread = data?.messageThread;
  const unread = thread?.unreadCount ?? 0;

  // Opening a thread with unread messages marks it read for the agency (one mark for all staff).
  useEffect(() => {
    if (unread > 0 && !marked.current) {
      marked.current = true;
      markRead({ variables: { input: { threadId: props.id } } }).catch(() => {
        marked.current = false;
      });
    }
  }, [unread, props.id, markRead]);

  if (!thread) {
    return (
      <Page title={t('messages.title')}>
        <BackToInbox />
        {loading ? <Loading /> : <ErrorMessage error={error} />}
      </Page>
    );
  }

  const send = async (event: FormEvent) => {
    event.preventDefault();
    setSent(false);
    const result = await write({ variables: { input: { threadId: thread.id, text } } }).catch(() => null);
    if (result?.data) {
      setText('');
      setSent(true);
      // The new message goes at the end of the thread: ask for the thread again (a refetch starts its list anew).
      await fetchMore({ variables: { id: thread.id, after: thread.messages.pageInfo.endCursor ?? null } }).catch(() => null);
    }
  };

  return (
    <Page title={thread.subject}>
      <BackToInbox />
      <p className="staff-message-meta">
        {t('messages.threadMeta', { writer: thread.writer?.displayName ?? '—', role: t(`role.${thread.writerRole}`), at: formatMoment(thread.createdAt) })}{' '}
        <StatusBadge status={thread.status} kind="thread" />
      </p>
      <ErrorMessage error={error} />
      <h2>{t('messages.conversation')}</h2>
      <ol className="staff-messages">
        {thread.messages.nodes.map((message) => (
          <li key={message.id} className={`staff-message staff-message-${message.from}`}>
            <p className="staff-message-meta">
              {t('messages.messageMeta', { author: message.author?.displayName ?? '—', at: formatMoment(message.createdAt) })}
            </p>
            <p className="staff-message-text">{message.text}</p>
            {message.attachment && (
              <p>
                <a href={message.attachment.downloadUrl} target="_blank" rel="noreferrer">
                  {t('messages.attachment', { name: message.attachment.fileName })}
                </a>
              </p>
            )}
          </li>
        ))}
      </ol>
      {thread.messages.pageInfo.hasNextPage && (
        <div className="actions">
          <Button onClick={() => void fetchMore({ variables: { id: thread.id, after: thread.messages.pageInfo.endCursor } }).catch(() => null)}>
            {t('messages.older')}
          </Button>
        </div>
      )}
      {sent && <Notice kind="success">{t('messages.sent')}</Notice>}
      {thread.status === 'OPEN' ? (
        <>
          <form onSubmit={send} noValidate>
            <TextArea label={t('messages.reply')} name="text" value={text} error={problemAt(writing.error, 'text')} onChange={(e) => setText(e.target.value)} />
            {!problemAt(writing.error, 'text') && <ErrorMessage error={writing.error} />}
            <div className="actions">
              <Button type="submit" variant="primary" busy={writing.loading}>
                {t('messages.send')}
              </Button>
              <Button variant="danger" onClick={() => setConfirmClose(true)}>
                {t('messages.close')}
              </Button>
            </div>
          </form>
          <ConfirmDialog
            open={confirmClose}
            title={t('messages.closeTitle')}
            confirmLabel={t('messages.close')}
            busy={closing.loading}
            onCancel={() => setConfirmClose(false)}
            onConfirm={async () => {
              await close({ variables: { input: { threadId: thread.id } } }).catch(() => null);
              setConfirmClose(false);
            }}
          >
            <p>{t('messages.closeBody')}</p>
          </ConfirmDialog>
          <ErrorMessage error={closing.error} />
        </>
      ) : (
        <Notice>{t('messages.closed', { at: formatMoment(thread.closedAt) })}</Notice>
      )}
    </Page>
  );
}

function BackToInbox() {
  const { t } = useTranslation('staff');
  return (
    <Link className="staff-back" href="/messages">
      {t('messages.back')}
    </Link>
  );
}
