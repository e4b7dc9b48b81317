import { useTranslation } from 'react-i18next';
import { Page } from '../app/ui';

/** The payroll role works through the API (exports, downloads): the portal has no screens for it. */
export default function ApiOnlyPage() {
  const { t } = useTranslation('common');
  return (
    <Page title={t('apiOnly.title')}>
      <p>{t('apiOnly.body')}</p>
    </Page>
  );
}
