import { Page } from '../app/ui';

/** StaffMessagesPage: built by the portal's next step (issue 15). */
export default function StaffMessagesPage() {
  return (
    <Page title="StaffMessagesPage">
      <p>…</p>
    </Page>
  );
}
