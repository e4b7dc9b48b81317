import { Page } from '../../app/ui';

/** SigningPage: built by the portal's next step (issue 15). */
export default function SigningPage() {
  return (
    <Page title="SigningPage">
      <p>…</p>
    </Page>
  );
}
