import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'wouter';
import { ErrorMessage, Loading, Page } from '../../app/ui';
import { useViewer } from '../../app/viewer';
import { WeekByIdDocument } from '../../gql/graphql';
import { WeekScreen } from './WeekScreen';

/**
 * /timesheets/:id: the same week editor for a week by its id; a relation contact comes here from
 * the weeks it enters the hours of (and the blue bar here lists those, by id), a worker from a link.
 */
export default function TimesheetPage() {
  const { t } = useTranslation('week');
  const viewer = useViewer();
  const { id } = useParams<{ id: string }>();
  const { data, error, loading, refetch } = useQuery(WeekByIdDocument, { variables: { id }, fetchPolicy: 'cache-and-network' });
  if (data?.timesheet) {
    return <WeekScreen timesheet={data.timesheet} reload={() => refetch()} barHref={(entry) => `/timesheets/${entry.id}`} />;
  }
  if (error && !loading) {
    return (
      <Page title={t('titlePlain')}>
        <ErrorMessage error={error} />
        <p>
          <Link href={viewer.role === 'RELATION_CONTACT' ? '/entry' : '/week'}>{t('back')}</Link>
        </p>
      </Page>
    );
  }
  return <Loading />;
}
