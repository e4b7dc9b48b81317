import { useMutation } from '@apollo/client/react';
import { FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { Button, ErrorMessage, Field, Notice } from '../app/ui';
import { RequestPasswordResetDocument } from '../gql/graphql';

/** "Wachtwoord vergeten": the same answer whether or not the address has a login. */
export default function ForgotPasswordPage() {
  const { t } = useTranslation('auth');
  const [email, setEmail] = useState('');
  const [request, { loading, error, data }] = useMutation(RequestPasswordResetDocument);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    await request({ variables: { input: { email: email.trim() } } }).catch(() => null);
  };

  return (
    <main id="main" className="auth">
      <h1>{t('forgot.title')}</h1>
      {data ? (
        <Notice kind="success">{t('forgot.sent', { email })}</Notice>
      ) : (
        <form onSubmit={submit} noValidate>
          <p className="lead">{t('forgot.lead')}</p>
          <Field label={t('email')} type="email" name="email" autoComplete="username" required value={email} onChange={(e) => setEmail(e.target.value)} />
          <ErrorMessage error={error} />
          <Button type="submit" variant="primary" busy={loading}>
            {t('forgot.submit')}
          </Button>
        </form>
      )}
      <p>
        <Link href="/login">{t('backToLogin')}</Link>
      </p>
    </main>
  );
}
