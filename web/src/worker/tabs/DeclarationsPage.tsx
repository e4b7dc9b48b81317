import { Page } from '../../app/ui';

/** DeclarationsPage: built by the portal's next step (issue 15). */
export default function DeclarationsPage() {
  return (
    <Page title="DeclarationsPage">
      <p>…</p>
    </Page>
  );
}
