import { Page } from '../../app/ui';

/** InformationPage: built by the portal's next step (issue 15). */
export default function InformationPage() {
  return (
    <Page title="InformationPage">
      <p>…</p>
    </Page>
  );
}
