import { useMutation } from '@apollo/client/react';
import { FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { Button, ErrorMessage, Field } from '../app/ui';
import { LoginDocument } from '../gql/graphql';
import { LanguagePicker } from './LanguagePicker';
import { useStartSession } from './start-session';

export function LoginPage() {
  const { t } = useTranslation('auth');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [login, { loading, error }] = useMutation(LoginDocument);
  const startSession = useStartSession();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const result = await login({ variables: { input: { email: email.trim(), password } } }).catch(() => null);
    if (result?.data) await startSession(result.data.login);
  };

  return (
    <main id="main" className="auth">
      <h1>{t('login.title')}</h1>
      <p className="lead">{t('login.lead')}</p>
      <form onSubmit={submit} noValidate>
        <Field label={t('email')} type="email" name="email" autoComplete="username" required value={email} onChange={(e) => setEmail(e.target.value)} />
        <Field
          label={t('password')}
          type="password"
          name="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
        <ErrorMessage error={error} />
        <Button type="submit" variant="primary" busy={loading}>
          {t('login.submit')}
        </Button>
      </form>
      <p>
        <Link href="/forgot-password">{t('login.forgot')}</Link>
      </p>
      <LanguagePicker />
    </main>
  );
}
