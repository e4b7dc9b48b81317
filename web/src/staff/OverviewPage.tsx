import { Page } from '../app/ui';

/** OverviewPage: built by the portal's next step (issue 15). */
export default function OverviewPage() {
  return (
    <Page title="OverviewPage">
      <p>…</p>
    </Page>
  );
}
