import { Page } from '../app/ui';

/** ChangeRequestsPage: built by the portal's next step (issue 15). */
export default function ChangeRequestsPage() {
  return (
    <Page title="ChangeRequestsPage">
      <p>…</p>
    </Page>
  );
}
