import { useMutation } from '@apollo/client/react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AcceptInvitationDocument } from '../gql/graphql';
import { LanguagePicker } from './LanguagePicker';
import { NewPasswordForm } from './NewPasswordForm';
import { pathOf, tokenFromFragment, useStartSession } from './start-session';

/** The link of an invitation mail: choose a password, land on this week (or the approvals). */
export default function InvitationPage() {
  const { t } = useTranslation('auth');
  const [token] = useState(tokenFromFragment);
  const [accept, { loading, error }] = useMutation(AcceptInvitationDocument);
  const startSession = useStartSession();
  return (
    <main id="main" className="auth">
      <h1>{t('invitation.title')}</h1>
      <p className="lead">{t('invitation.lead')}</p>
      <NewPasswordForm
        submitLabel={t('invitation.submit')}
        busy={loading}
        error={error}
        onSubmit={async (password) => {
          const result = await accept({ variables: { input: { token, password } } }).catch(() => null);
          if (result?.data) await startSession(result.data.acceptInvitation, pathOf(result.data.acceptInvitation.landing.url));
        }}
      />
      <LanguagePicker />
    </main>
  );
}
