import { useMutation } from '@apollo/client/react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { ResetPasswordDocument } from '../gql/graphql';
import { NewPasswordForm } from './NewPasswordForm';
import { tokenFromFragment, useStartSession } from './start-session';

/** The link of a "Wachtwoord vergeten" mail: /reset-password#token=… */
export default function ResetPasswordPage() {
  const { t } = useTranslation('auth');
  const [token] = useState(tokenFromFragment);
  const [reset, { loading, error }] = useMutation(ResetPasswordDocument);
  const startSession = useStartSession();
  return (
    <main id="main" className="auth">
      <h1>{t('reset.title')}</h1>
      <p className="lead">{t('reset.lead')}</p>
      <NewPasswordForm
        submitLabel={t('reset.submit')}
        busy={loading}
        error={error}
        onSubmit={async (newPassword) => {
          const result = await reset({ variables: { input: { token, newPassword } } }).catch(() => null);
          if (result?.data) await startSession(result.data.resetPassword);
        }}
      />
      <p>
        <Link href="/forgot-password">{t('reset.again')}</Link>
      </p>
    </main>
  );
}
