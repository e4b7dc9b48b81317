import { useMutation } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage, Notice, Page, Select } from '../app/ui';
import { useViewer } from '../app/viewer';
import { UpdateMySettingsDocument, type Language } from '../gql/graphql';
import { changeLanguage, isUiLanguage, LANGUAGES, LANGUAGE_NAMES } from '../i18n/i18n';

/** Settings: the viewer's language, kept by the server (mails and messages follow it too). */
export default function SettingsPage() {
  const { t } = useTranslation('common');
  const viewer = useViewer();
  const [update, { loading, error, data }] = useMutation(UpdateMySettingsDocument);
  const current = viewer.language.toLowerCase();
  return (
    <Page title={t('settings.title')}>
      <Select
        label={t('language')}
        value={current}
        disabled={loading}
        onChange={async (event) => {
          const language = event.target.value;
          if (!isUiLanguage(language)) return;
          const result = await update({ variables: { input: { language: language.toUpperCase() as Language } } }).catch(() => null);
          if (result?.data) await changeLanguage(language);
        }}
      >
        {LANGUAGES.map((language) => (
          <option key={language} value={language} lang={language}>
            {LANGUAGE_NAMES[language]}
          </option>
        ))}
      </Select>
      <p className="hint">{t('settings.languageHint')}</p>
      {data && <Notice kind="success">{t('settings.saved')}</Notice>}
      <ErrorMessage error={error} />
    </Page>
  );
}
