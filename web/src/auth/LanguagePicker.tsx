import { useTranslation } from 'react-i18next';
import { Select } from '../app/ui';
import { changeLanguage, isUiLanguage, LANGUAGES, LANGUAGE_NAMES } from '../i18n/i18n';

/** Before login: the language of this screen (kept in memory only). */
export function LanguagePicker() {
  const { t, i18n } = useTranslation('common');
  return (
    <Select
      label={t('language')}
      value={i18n.resolvedLanguage}
      onChange={(event) => {
        if (isUiLanguage(event.target.value)) void changeLanguage(event.target.value);
      }}
    >
      {LANGUAGES.map((language) => (
        <option key={language} value={language} lang={language}>
          {LANGUAGE_NAMES[language]}
        </option>
      ))}
    </Select>
  );
}
