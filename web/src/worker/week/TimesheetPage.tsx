import { Page } from '../../app/ui';

/** Week: built by the portal's next step (issue 15). */
export default function TimesheetPage() {
  return (
    <Page title="Week">
      <p>…</p>
    </Page>
  );
}
