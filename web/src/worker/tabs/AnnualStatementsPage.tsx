import { useApolloClient, useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { TabsAnnualStatementLinksDocument, TabsAnnualStatementsDocument } from '../../gql/graphql';
import { DocumentList } from './DocumentList';

/*
 * "Jaaropgaven" (/annual-statements): one statement per year, newest first, downloaded through a
 * link asked for at the click.
 */
export default function AnnualStatementsPage() {
  const { t } = useTranslation('tabs');
  const client = useApolloClient();
  const { data, error, loading, fetchMore } = useQuery(TabsAnnualStatementsDocument, { notifyOnNetworkStatusChange: true });
  return (
    <DocumentList
      title={t('annual.title')}
      empty={t('annual.empty')}
      connection={data?.annualStatements}
      error={error}
      loading={loading}
      loadMore={(after) => fetchMore({ variables: { after } })}
      links={async (after) => (await client.query({ query: TabsAnnualStatementLinksDocument, variables: { after }, fetchPolicy: 'no-cache' })).data?.annualStatements}
      describe={(statement) => ({ heading: t('annual.year', { year: statement.year }), download: t('annual.download', { year: statement.year }) })}
    />
  );
}
