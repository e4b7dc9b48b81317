import { useState } from 'react';
import { Button, ErrorMessage } from '../app/ui';

/** The part of a connection's pageInfo "load more" needs. */
export interface MorePageInfo {
  readonly hasNextPage: boolean;
  readonly endCursor?: string | null;
}

/**
 * The foot of a connection list: the error (the list's own, else the last "load more"'s) and, while
 * the server has more, a button that loads the next page after `pageInfo.endCursor` (busy while it
 * loads). `load` is the screen's `fetchMore` with its own variables.
 */
export function LoadMore(props: { pageInfo: MorePageInfo | null | undefined; load: (after: string | null) => Promise<unknown>; label: string; error?: unknown }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const { pageInfo } = props;
  const more = async () => {
    setBusy(true);
    setError(null);
    try {
      await props.load(pageInfo?.endCursor ?? null);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <ErrorMessage error={props.error ?? error} />
      {pageInfo?.hasNextPage && (
        <div className="actions">
          <Button busy={busy} onClick={() => void more()}>
            {props.label}
          </Button>
        </div>
      )}
    </>
  );
}
