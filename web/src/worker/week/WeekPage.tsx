import { Page } from '../../app/ui';

/** Week: built by the portal's next step (issue 15). */
export default function WeekPage() {
  return (
    <Page title="Week">
      <p>…</p>
    </Page>
  );
}
