import { Page } from '../../app/ui';

/** AnnualStatementsPage: built by the portal's next step (issue 15). */
export default function AnnualStatementsPage() {
  return (
    <Page title="AnnualStatementsPage">
      <p>…</p>
    </Page>
  );
}
