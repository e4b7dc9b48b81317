import { ReactNode, useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { shownErrors } from './errors';

/*
 * The portal's few building blocks, accessible by construction: every field has a label and its
 * error tied to it (aria-describedby, aria-invalid), errors are announced (role=alert), dialogs
 * are native modal <dialog>s (focus moves in and back, Escape closes), buttons are buttons.
 */

export function Page(props: { title: string; children: ReactNode; actions?: ReactNode }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${props.title} · Flexportal`;
  }, [props.title]);
  return (
    <section className="page" aria-labelledby="page-title">
      <div className="page-head">
        <h1 id="page-title" ref={heading} tabIndex={-1}>
          {props.title}
        </h1>
        {props.actions}
      </div>
      {props.children}
    </section>
  );
}

type InputProps = React.InputHTMLAttributes<HTMLInputElement>;

export function Field(props: InputProps & { label: string; error?: string; hint?: string }) {
  const { label, error, hint, id, className, ...input } = props;
  const generated = useId();
  const fieldId = id ?? generated;
  const described = [hint ? `${fieldId}-hint` : '', error ? `${fieldId}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`field${error ? ' field-invalid' : ''}${className ? ` ${className}` : ''}`}>
      <label htmlFor={fieldId}>{label}</label>
      <input id={fieldId} aria-invalid={error ? true : undefined} aria-describedby={described} {...input} />
      {hint && (
        <p id={`${fieldId}-hint`} className="hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${fieldId}-error`} className="field-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

export function TextArea(props: React.TextareaHTMLAttributes<HTMLTextAreaElement> & { label: string; error?: string }) {
  const { label, error, id, ...area } = props;
  const generated = useId();
  const fieldId = id ?? generated;
  return (
    <div className={`field${error ? ' field-invalid' : ''}`}>
      <label htmlFor={fieldId}>{label}</label>
      <textarea id={fieldId} aria-invalid={error ? true : undefined} aria-describedby={error ? `${fieldId}-error` : undefined} {...area} />
      {error && (
        <p id={`${fieldId}-error`} className="field-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

export function Select(props: React.SelectHTMLAttributes<HTMLSelectElement> & { label: string; children: ReactNode }) {
  const { label, id, children, ...select } = props;
  const generated = useId();
  const fieldId = id ?? generated;
  return (
    <div className="field">
      <label htmlFor={fieldId}>{label}</label>
      <select id={fieldId} {...select}>
        {children}
      </select>
    </div>
  );
}

export function Button(props: React.ButtonHTMLAttributes<HTMLButtonElement> & { variant?: 'primary' | 'secondary' | 'danger' | 'link'; busy?: boolean }) {
  const { variant = 'secondary', busy, className, disabled, type, ...button } = props;
  return (
    <button
      type={type ?? 'button'}
      className={`button button-${variant}${className ? ` ${className}` : ''}`}
      disabled={disabled || busy}
      aria-busy={busy || undefined}
      {...button}
    />
  );
}

/** The server's message(s) for a failed request, announced to screen readers. */
export function ErrorMessage(props: { error: unknown; id?: string }) {
  const errors = shownErrors(props.error);
  if (errors.length === 0) return null;
  return (
    <div className="error-box" role="alert" id={props.id}>
      {errors.map((e, i) => (
        <p key={i} data-code={e.code}>
          {e.message}
        </p>
      ))}
    </div>
  );
}

export function Notice(props: { children: ReactNode; kind?: 'info' | 'success' | 'warning' }) {
  return (
    <div className={`notice notice-${props.kind ?? 'info'}`} role="status">
      {props.children}
    </div>
  );
}

export function Loading() {
  const { t } = useTranslation('common');
  return (
    <p className="loading" role="status" aria-live="polite">
      {t('loading')}
    </p>
  );
}

/**
 * A confirmation as a native modal dialog: focus goes to it and comes back after, Escape or the
 * cancel button closes it, the page behind cannot be used meanwhile.
 */
export function ConfirmDialog(props: {
  open: boolean;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  cancelLabel?: string;
  busy?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation('common');
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const d = dialog.current;
    if (!d) return;
    if (props.open && !d.open) d.showModal();
    if (!props.open && d.open) d.close();
  }, [props.open]);
  return (
    <dialog
      ref={dialog}
      className="dialog"
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        props.onCancel();
      }}
    >
      <h2 id={titleId}>{props.title}</h2>
      <div className="dialog-body">{props.children}</div>
      <div className="dialog-actions">
        <Button onClick={props.onCancel}>{props.cancelLabel ?? t('cancel')}</Button>
        <Button variant="primary" busy={props.busy} onClick={props.onConfirm} autoFocus>
          {props.confirmLabel}
        </Button>
      </div>
    </dialog>
  );
}
