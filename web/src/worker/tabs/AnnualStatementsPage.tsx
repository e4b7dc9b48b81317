import { useApolloClient, useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Button, ErrorMessage, Notice, Page } from '../../app/ui';
import { TabsAnnualStatementLinksDocument, TabsAnnualStatementsDocument } from '../../gql/graphql';
import { DownloadButton } from './download-button';
import { formatSize, freshFromPages, TabState } from './shared';
import './tabs.css';

/*
 * "Jaaropgaven" (/annual-statements): one statement per year, newest first, downloaded through a
 * link asked for at the click.
 */
export default function AnnualStatementsPage() {
  const { t } = useTranslation('tabs');
  const client = useApolloClient();
  const { data, error, loading, fetchMore } = useQuery(TabsAnnualStatementsDocument, { notifyOnNetworkStatusChange: true });
  const title = t('annual.title');
  const connection = data?.annualStatements;
  if (!connection) return <TabState title={title} error={error} loading={loading} />;

  const freshLink = async (id: string) => {
    const found = await freshFromPages(
      async (variables) => (await client.query({ query: TabsAnnualStatementLinksDocument, variables, fetchPolicy: 'no-cache' })).data?.annualStatements,
      { after: null as string | null },
      (node) => node.id === id,
    );
    return found && { url: found.downloadUrl, fileName: found.fileName };
  };

  return (
    <Page title={title}>
      {connection.nodes.length === 0 ? (
        <Notice>{t('annual.empty')}</Notice>
      ) : (
        <ul className="list tabs-cards">
          {connection.nodes.map((statement) => (
            <li key={statement.id} className="card tabs-document">
              <div>
                <h2 className="tabs-card-title">{t('annual.year', { year: statement.year })}</h2>
                <p className="tabs-meta">
                  {formatSize(statement.size)}
                  {statement.version > 1 && ` · ${t('payslips.corrected', { version: statement.version })}`}
                </p>
              </div>
              <DownloadButton
                label={t('download.label')}
                accessibleLabel={t('annual.download', { year: statement.year })}
                fetchLink={() => freshLink(statement.id)}
              />
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
