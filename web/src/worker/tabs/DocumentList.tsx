import { useTranslation } from 'react-i18next';
import { Notice, Page } from '../../app/ui';
import { LoadMore, type MorePageInfo } from '../../shared/LoadMore';
import { DownloadButton } from './download-button';
import { formatSize, freshFromPages, TabState } from './shared';
import './tabs.css';

/** What a document of the list has (a payslip, an annual statement). */
interface DocumentRow {
  readonly id: string;
  readonly size: number;
  readonly version: number;
}

interface LinkRow {
  readonly id: string;
  readonly fileName: string;
  readonly downloadUrl: string;
}

interface Pages<T> {
  readonly nodes: readonly T[];
  readonly pageInfo: MorePageInfo & { readonly endCursor?: string | null };
}

/**
 * A tab of documents payroll sends (Loonstroken, Jaaropgaven): newest first, each with its heading,
 * size and correction, downloaded through a link asked for at the click (`links` pages through the
 * fresh links, uncached: the list's own links live only a few minutes); "show more" while there are more.
 */
export function DocumentList<T extends DocumentRow>(props: {
  title: string;
  empty: string;
  connection: Pages<T> | undefined;
  error: unknown;
  loading: boolean;
  loadMore: (after: string | null) => Promise<unknown>;
  links: (after: string | null) => Promise<Pages<LinkRow> | undefined>;
  /** The document's heading, what goes before its size, and the download button's accessible name. */
  describe: (row: T) => { heading: string; meta?: string; download: string };
}) {
  const { t } = useTranslation('tabs');
  const { connection } = props;
  if (!connection) return <TabState title={props.title} error={props.error} loading={props.loading} />;

  const freshLink = async (id: string) => {
    const found = await freshFromPages((variables) => props.links(variables.after), { after: null as string | null }, (node) => node.id === id);
    return found && { url: found.downloadUrl, fileName: found.fileName };
  };

  return (
    <Page title={props.title}>
      {connection.nodes.length === 0 ? (
        <Notice>{props.empty}</Notice>
      ) : (
        <ul className="list tabs-cards">
          {connection.nodes.map((row) => {
            const { heading, meta, download } = props.describe(row);
            return (
              <li key={row.id} className="card tabs-document">
                <div>
                  <h2 className="tabs-card-title">{heading}</h2>
                  <p className="tabs-meta">
                    {meta && `${meta} · `}
                    {formatSize(row.size)}
                    {row.version > 1 && ` · ${t('payslips.corrected', { version: row.version })}`}
                  </p>
                </div>
                <DownloadButton label={t('download.label')} accessibleLabel={download} fetchLink={() => freshLink(row.id)} />
              </li>
            );
          })}
        </ul>
      )}
      <LoadMore pageInfo={connection.pageInfo} load={props.loadMore} label={t('more')} error={props.error} />
    </Page>
  );
}
