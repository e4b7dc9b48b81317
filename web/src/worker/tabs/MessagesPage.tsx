import { useApolloClient, useMutation, useQuery } from '@apollo/client/react';
import { FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'wouter';
import { problemAt } from '../../app/errors';
import { Button, ErrorMessage, Field, Notice, Page, TextArea } from '../../app/ui';
import {
  TabsMarkMessageThreadReadDocument,
  TabsMessageAttachmentLinksDocument,
  TabsMessageThreadDocument,
  TabsMessageThreadsDocument,
  TabsStartMessageThreadDocument,
  TabsWriteMessageDocument,
  type TabsMessageFieldsFragment,
} from '../../gql/graphql';
import { DownloadButton } from './download-button';
import { formatMoment, formatSize, freshFromPages, TabState } from './shared';
import { ACCEPTED_TYPES, UploadRefused, uploadFile } from './upload';
import './tabs.css';
import { LoadMore } from '../../shared/LoadMore';

/*
 * "Contact" (/messages, /messages/<id>): a worker's or relation contact's conversations with the
 * agency. The list with each thread's unread count, a new thread (subject and text), a thread with
 * its messages (marked read when opened) and a reply; a closed thread takes no reply.
 */
export default function MessagesPage() {
  const params = useParams<{ id?: string }>();
  return params.id ? <Thread id={params.id} /> : <Threads />;
}

function Threads() {
  const { t } = useTranslation('tabs');
  const { data, error, loading, fetchMore } = useQuery(TabsMessageThreadsDocument, { notifyOnNetworkStatusChange: true });
  const [writing, setWriting] = useState(false);
  const title = t('contact.title');
  const connection = data?.messageThreads;
  if (!connection) return <TabState title={title} error={error} loading={loading} />;
  return (
    <Page
      title={title}
      actions={
        !writing && (
          <Button variant="primary" onClick={() => setWriting(true)}>
            {t('contact.new')}
          </Button>
        )
      }
    >
      <p className="lead">{t('contact.lead')}</p>
      {writing && <NewThread onCancel={() => setWriting(false)} />}
      {connection.unreadCount > 0 && <Notice>{t('contact.unreadTotal', { count: connection.unreadCount })}</Notice>}
      {connection.nodes.length === 0 ? (
        <p>{t('contact.empty')}</p>
      ) : (
        <ul className="list tabs-cards">
          {connection.nodes.map((thread) => (
            <li key={thread.id} className={`card${thread.unreadCount > 0 ? ' tabs-unread' : ''}`}>
              <div className="tabs-line-head">
                <h2 className="tabs-card-title">
                  <Link href={`/messages/${thread.id}`}>{thread.subject}</Link>
                </h2>
                {thread.unreadCount > 0 && <span className="badge tabs-new">{t('contact.unread', { count: thread.unreadCount })}</span>}
              </div>
              <p className="tabs-meta">
                {t(thread.lastMessageFrom === 'AGENCY' ? 'contact.lastFromAgency' : 'contact.lastFromYou', { when: formatMoment(thread.lastMessageAt) })} ·{' '}
                {t('contact.messageCount', { count: thread.messageCount })}
                {thread.status === 'CLOSED' && (
                  <>
                    {' '}
                    · <span className="badge">{t('contact.closed')}</span>
                  </>
                )}
              </p>
            </li>
          ))}
        </ul>
      )}
      <LoadMore pageInfo={connection.pageInfo} load={(after) => fetchMore({ variables: { after } })} label={t('more')} error={error} />
    </Page>
  );
}

function NewThread(props: { onCancel: () => void }) {
  const { t } = useTranslation('tabs');
  const [, navigate] = useLocation();
  const [subject, setSubject] = useState('');
  const [text, setText] = useState('');
  const [start, { loading, error }] = useMutation(TabsStartMessageThreadDocument, { refetchQueries: [TabsMessageThreadsDocument] });
  const attachment = useAttachment();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const attachmentUploadId = await attachment.upload();
    if (attachmentUploadId === false) return;
    const result = await start({ variables: { input: { subject, text, attachmentUploadId } } }).catch(() => null);
    const id = result?.data?.startMessageThread.thread.id;
    if (id) navigate(`/messages/${id}`);
  };
  const atField = problemAt(error, 'subject') || problemAt(error, 'text');
  return (
    <form className="card tabs-box" onSubmit={submit} noValidate aria-labelledby="tabs-new-thread">
      <h2 id="tabs-new-thread">{t('contact.newTitle')}</h2>
      <Field label={t('contact.subject')} name="subject" required maxLength={150} value={subject} onChange={(e) => setSubject(e.target.value)} error={problemAt(error, 'subject')} />
      <TextArea label={t('contact.text')} name="text" required maxLength={5000} rows={6} value={text} onChange={(e) => setText(e.target.value)} error={problemAt(error, 'text')} />
      {attachment.field(problemAt(error, 'attachmentUploadId'))}
      {!atField && !problemAt(error, 'attachmentUploadId') && <ErrorMessage error={error} />}
      <div className="actions">
        <Button type="submit" variant="primary" busy={loading || attachment.busy}>
          {t('contact.send')}
        </Button>
        <Button onClick={props.onCancel}>{t('common:cancel')}</Button>
      </div>
    </form>
  );
}

function Thread(props: { id: string }) {
  const { t } = useTranslation('tabs');
  const { data, error, loading, fetchMore } = useQuery(TabsMessageThreadDocument, { variables: { id: props.id }, notifyOnNetworkStatusChange: true });
  const [markRead] = useMutation(TabsMarkMessageThreadReadDocument);
  const thread = data?.messageThread;
  const unread = thread?.unreadCount ?? 0;
  const marking = useRef(false);
  useEffect(() => {
    if (unread > 0 && !marking.current) {
      marking.current = true;
      void markRead({ variables: { input: { threadId: props.id } } })
        .catch(() => null)
        .finally(() => {
          marking.current = false;
        });
    }
  }, [unread, props.id, markRead]);

  const back = (
    <p>
      <Link href="/messages">{t('contact.back')}</Link>
    </p>
  );
  if (!thread) {
    return (
      <TabState title={t('contact.title')} error={error} loading={loading}>
        {back}
      </TabState>
    );
  }
  return (
    <Page title={thread.subject}>
      {back}
      <ol className="list tabs-messages" aria-label={t('contact.messages')}>
        {thread.messages.nodes.map((message) => (
          <MessageItem key={message.id} threadId={thread.id} message={message} />
        ))}
      </ol>
      <LoadMore pageInfo={thread.messages.pageInfo} load={(after) => fetchMore({ variables: { id: thread.id, after } })} label={t('contact.moreMessages')} error={error} />
      {thread.status === 'CLOSED' ? (
        <Notice kind="warning">{t('contact.closedNotice')}</Notice>
      ) : (
        <Reply threadId={thread.id} />
      )}
    </Page>
  );
}

function MessageItem(props: { threadId: string; message: TabsMessageFieldsFragment }) {
  const { t } = useTranslation('tabs');
  const client = useApolloClient();
  const m = props.message;
  const mine = m.from === 'WRITER';
  const freshLink = async () => {
    const found = await freshFromPages(
      async (variables) =>
        (await client.query({ query: TabsMessageAttachmentLinksDocument, variables: { id: props.threadId, after: variables.after }, fetchPolicy: 'no-cache' })).data?.messageThread
          .messages,
      { after: null as string | null },
      (node) => node.id === m.id,
    );
    return found?.attachment ? { url: found.attachment.downloadUrl, fileName: found.attachment.fileName } : undefined;
  };
  return (
    <li className={`tabs-message ${mine ? 'tabs-message-mine' : 'tabs-message-agency'}`}>
      <p className="tabs-meta">
        <strong>{mine ? t('contact.you') : (m.author?.displayName ?? t('contact.agency'))}</strong> · {formatMoment(m.createdAt)}
      </p>
      <p className="tabs-message-text">{m.text}</p>
      {m.attachment && (
        <p className="tabs-attachment">
          <span>
            {m.attachment.fileName} ({formatSize(m.attachment.size)})
          </span>{' '}
          <DownloadButton label={t('download.label')} accessibleLabel={t('contact.downloadAttachment', { name: m.attachment.fileName })} fetchLink={freshLink} />
        </p>
      )}
    </li>
  );
}

function Reply(props: { threadId: string }) {
  const { t } = useTranslation('tabs');
  const [text, setText] = useState('');
  const [sent, setSent] = useState(false);
  const [write, { loading, error }] = useMutation(TabsWriteMessageDocument, {
    refetchQueries: [TabsMessageThreadDocument],
    awaitRefetchQueries: true,
  });
  const attachment = useAttachment();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSent(false);
    const attachmentUploadId = await attachment.upload();
    if (attachmentUploadId === false) return;
    const result = await write({ variables: { input: { threadId: props.threadId, text, attachmentUploadId } } }).catch(() => null);
    if (result?.data) {
      setText('');
      attachment.clear();
      setSent(true);
    }
  };
  return (
    <form className="card tabs-box" onSubmit={submit} noValidate aria-labelledby="tabs-reply">
      <h2 id="tabs-reply">{t('contact.reply')}</h2>
      <TextArea label={t('contact.text')} name="reply" required maxLength={5000} rows={4} value={text} onChange={(e) => setText(e.target.value)} error={problemAt(error, 'text')} />
      {attachment.field(problemAt(error, 'attachmentUploadId'))}
      {!problemAt(error, 'text') && !problemAt(error, 'attachmentUploadId') && <ErrorMessage error={error} />}
      {sent && <Notice kind="success">{t('contact.sent')}</Notice>}
      <Button type="submit" variant="primary" busy={loading || attachment.busy}>
        {t('contact.send')}
      </Button>
    </form>
  );
}

/**
 * The optional file of a message: a labelled file input; `upload()` sends the chosen file to
 * POST /uploads before the message (its id, undefined without a file, false when refused: the
 * server's message then shows at the field).
 */
function useAttachment() {
  const { t } = useTranslation('tabs');
  const [file, setFile] = useState<File | null>(null);
  const [refused, setRefused] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [inputKey, setInputKey] = useState(0);
  const upload = async (): Promise<string | undefined | false> => {
    if (!file) return undefined;
    setBusy(true);
    setRefused(null);
    try {
      return await uploadFile(file);
    } catch (e) {
      setRefused(e instanceof UploadRefused ? e.message : String(e));
      return false;
    } finally {
      setBusy(false);
    }
  };
  const clear = () => {
    setFile(null);
    setRefused(null);
    setInputKey((k) => k + 1);
  };
  const field = (serverProblem?: string) => (
    <Field
      key={inputKey}
      label={t('contact.attachment')}
      hint={t('contact.attachmentHint')}
      name="attachment"
      type="file"
      accept={ACCEPTED_TYPES}
      onChange={(e) => {
        setRefused(null);
        setFile(e.target.files?.[0] ?? null);
      }}
      error={refused ?? serverProblem}
    />
  );
  return { upload, clear, field, busy };
}
