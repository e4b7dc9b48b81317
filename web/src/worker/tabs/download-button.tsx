import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, ErrorMessage } from '../../app/ui';
import { startDownload } from './shared';

/**
 * A button that asks the server for a fresh link when clicked (`fetchLink`) and then downloads
 * it, so a link that expired while the screen stood open is never used. Errors (the tab switched
 * off meanwhile, the document gone) show the server's message next to it.
 */
export function DownloadButton(props: {
  label: string;
  /** The accessible name, when the visible label alone does not say which document. */
  accessibleLabel?: string;
  fetchLink: () => Promise<{ url: string; fileName: string } | undefined>;
  inline?: boolean;
  variant?: 'primary' | 'secondary';
}) {
  const { t } = useTranslation('tabs');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [gone, setGone] = useState(false);
  const click = async () => {
    setBusy(true);
    setError(null);
    setGone(false);
    try {
      const link = await props.fetchLink();
      if (link) startDownload(link.url, link.fileName, props.inline);
      else setGone(true);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <span className="tabs-download">
      <Button variant={props.variant ?? 'secondary'} busy={busy} onClick={() => void click()} aria-label={props.accessibleLabel}>
        {props.label}
      </Button>
      {gone && (
        <span className="field-error" role="alert">
          {t('download.gone')}
        </span>
      )}
      <ErrorMessage error={error} />
    </span>
  );
}
