import { Page } from '../app/ui';

/** ApprovalsPage: built by the portal's next step (issue 15). */
export default function ApprovalsPage() {
  return (
    <Page title="ApprovalsPage">
      <p>…</p>
    </Page>
  );
}
