import { FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, ErrorMessage, Field } from '../app/ui';

/** A new password, typed twice; the server checks its strength and says why it refuses one. */
export function NewPasswordForm(props: { submitLabel: string; busy: boolean; error: unknown; onSubmit: (password: string) => void }) {
  const { t } = useTranslation('auth');
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [mismatch, setMismatch] = useState(false);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (password !== repeat) return setMismatch(true);
    setMismatch(false);
    props.onSubmit(password);
  };
  return (
    <form onSubmit={submit} noValidate>
      <Field
        label={t('newPassword')}
        hint={t('passwordRules')}
        type="password"
        name="new-password"
        autoComplete="new-password"
        required
        value={password}
        onChange={(e) => setPassword(e.target.value)}
      />
      <Field
        label={t('repeatPassword')}
        type="password"
        name="repeat-password"
        autoComplete="new-password"
        required
        value={repeat}
        error={mismatch ? t('passwordsDiffer') : undefined}
        onChange={(e) => setRepeat(e.target.value)}
      />
      <ErrorMessage error={props.error} />
      <Button type="submit" variant="primary" busy={props.busy}>
        {props.submitLabel}
      </Button>
    </form>
  );
}
