import { Page } from '../../app/ui';

/** MessagesPage: built by the portal's next step (issue 15). */
export default function MessagesPage() {
  return (
    <Page title="MessagesPage">
      <p>…</p>
    </Page>
  );
}
