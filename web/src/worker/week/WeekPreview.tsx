import { useTranslation } from 'react-i18next';
import type { WeekFormFragment } from '../../gql/graphql';
import { BreakdownDays, BreakdownTotals, hasContent } from '../../shared/breakdown/BreakdownView';

/*
 * The week as the CAO schedule splits it (or as entered per hour code): per date the lines with
 * their hour code, kind, hours and the server's explanation, then the totals per kind and per
 * hour code (the shared breakdown). The server computes it from the saved days (there is no
 * preview of unsaved input), so it follows each "Alleen opslaan"; once approved it is the
 * declaration as approved.
 */
export function WeekPreview(props: { timesheet: WeekFormFragment }) {
  const { t } = useTranslation('week');
  const preview = props.timesheet.preview;
  if (!preview) return null;
  return (
    <section className="week-preview" aria-labelledby="week-preview-title">
      <h2 id="week-preview-title">{t('preview.title')}</h2>
      {preview.schedule && <p className="hint">{t('preview.schedule', { name: preview.schedule.name })}</p>}
      {!preview.days.some(hasContent) && <p>{t('preview.empty')}</p>}
      <BreakdownDays breakdown={preview} level={3} idPrefix="week-preview" />
      {preview.totals.length > 0 && <BreakdownTotals breakdown={preview} level={3} idPrefix="week-preview" />}
    </section>
  );
}
