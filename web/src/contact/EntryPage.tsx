import { Page } from '../app/ui';

/** EntryPage: built by the portal's next step (issue 15). */
export default function EntryPage() {
  return (
    <Page title="EntryPage">
      <p>…</p>
    </Page>
  );
}
