import { Page } from '../../app/ui';

/** PayslipsPage: built by the portal's next step (issue 15). */
export default function PayslipsPage() {
  return (
    <Page title="PayslipsPage">
      <p>…</p>
    </Page>
  );
}
