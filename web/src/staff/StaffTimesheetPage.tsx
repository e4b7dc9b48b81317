import { Page } from '../app/ui';

/** StaffTimesheetPage: built by the portal's next step (issue 15). */
export default function StaffTimesheetPage() {
  return (
    <Page title="StaffTimesheetPage">
      <p>…</p>
    </Page>
  );
}
