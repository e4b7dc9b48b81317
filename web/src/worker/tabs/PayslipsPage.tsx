import { useApolloClient, useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { TabsPayslipLinksDocument, TabsPayslipsDocument } from '../../gql/graphql';
import { DocumentList } from './DocumentList';
import { formatDate } from './shared';

/*
 * "Loonstroken" (/payslips): the payslips payroll sent, newest pay date first, each downloaded
 * through a link asked for at the click (the list's own links live only a few minutes).
 */
export default function PayslipsPage() {
  const { t } = useTranslation('tabs');
  const client = useApolloClient();
  const { data, error, loading, fetchMore } = useQuery(TabsPayslipsDocument, { notifyOnNetworkStatusChange: true });
  return (
    <DocumentList
      title={t('payslips.title')}
      empty={t('payslips.empty')}
      connection={data?.payslips}
      error={error}
      loading={loading}
      loadMore={(after) => fetchMore({ variables: { after } })}
      links={async (after) => (await client.query({ query: TabsPayslipLinksDocument, variables: { after }, fetchPolicy: 'no-cache' })).data?.payslips}
      describe={(payslip) => {
        const period = t('payslips.period', { start: formatDate(payslip.periodStart), end: formatDate(payslip.periodEnd) });
        return { heading: period, meta: t('payslips.payDate', { date: formatDate(payslip.payDate) }), download: t('payslips.download', { period }) };
      }}
    />
  );
}
