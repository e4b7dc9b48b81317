import { useApolloClient, useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Button, ErrorMessage, Notice, Page } from '../../app/ui';
import { TabsPayslipLinksDocument, TabsPayslipsDocument } from '../../gql/graphql';
import { DownloadButton } from './download-button';
import { formatDate, formatSize, freshFromPages, TabState } from './shared';
import './tabs.css';

/*
 * "Loonstroken" (/payslips): the payslips payroll sent, newest pay date first, each downloaded
 * through a link asked for at the click (the list's own links live only a few minutes).
 */
export default function PayslipsPage() {
  const { t } = useTranslation('tabs');
  const client = useApolloClient();
  const { data, error, loading, fetchMore } = useQuery(TabsPayslipsDocument, { notifyOnNetworkStatusChange: true });
  const title = t('payslips.title');
  const connection = data?.payslips;
  if (!connection) return <TabState title={title} error={error} loading={loading} />;

  const freshLink = async (id: string) => {
    const found = await freshFromPages(
      async (variables) => (await client.query({ query: TabsPayslipLinksDocument, variables, fetchPolicy: 'no-cache' })).data?.payslips,
      { after: null as string | null },
      (node) => node.id === id,
    );
    return found && { url: found.downloadUrl, fileName: found.fileName };
  };

  return (
    <Page title={title}>
      {connection.nodes.length === 0 ? (
        <Notice>{t('payslips.empty')}</Notice>
      ) : (
        <ul className="list tabs-cards">
          {connection.nodes.map((payslip) => {
            const period = t('payslips.period', { start: formatDate(payslip.periodStart), end: formatDate(payslip.periodEnd) });
            return (
              <li key={payslip.id} className="card tabs-document">
                <div>
                  <h2 className="tabs-card-title">{period}</h2>
                  <p className="tabs-meta">
                    {t('payslips.payDate', { date: formatDate(payslip.payDate) })} · {formatSize(payslip.size)}
                    {payslip.version > 1 && ` · ${t('payslips.corrected', { version: payslip.version })}`}
                  </p>
                </div>
                <DownloadButton
                  label={t('download.label')}
                  accessibleLabel={t('payslips.download', { period })}
                  fetchLink={() => freshLink(payslip.id)}
                />
              </li>
            );
          })}
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
