import { useTranslation } from 'react-i18next';
import type { WeekFormFragment } from '../../gql/graphql';
import { formatDate } from './format';

/*
 * The week as the CAO schedule splits it (or as entered per hour code): per date the lines with
 * their hour code, kind, hours and the server's explanation, then the totals per hour code and
 * per kind. The server computes it from the saved days (there is no preview of unsaved input), so
 * it follows each "Alleen opslaan"; once approved it is the declaration as approved.
 */
export function WeekPreview(props: { timesheet: WeekFormFragment }) {
  const { t } = useTranslation('week');
  const preview = props.timesheet.preview;
  if (!preview) return null;
  const days = preview.days.filter((d) => d.lines.length > 0 || d.notApplied.length > 0 || d.adjustments.length > 0);
  return (
    <section className="week-preview" aria-labelledby="week-preview-title">
      <h2 id="week-preview-title">{t('preview.title')}</h2>
      {preview.schedule && <p className="hint">{t('preview.schedule', { name: preview.schedule.name })}</p>}
      {days.length === 0 && <p>{t('preview.empty')}</p>}
      {days.map((day) => (
        <div key={day.date} className="week-preview-day">
          <h3 id={`week-preview-${day.date}`}>
            {formatDate(day.date, { weekday: 'long', day: 'numeric', month: 'long' })} <span className="week-preview-worked">{t('preview.worked', { hours: day.workedHours })}</span>
          </h3>
          {day.lines.length > 0 && (
            <div className="table-scroll" tabIndex={0} role="region" aria-labelledby={`week-preview-${day.date}`}>
              <table className="week-lines">
                <thead>
                  <tr>
                    <th scope="col">{t('preview.codeAndKind')}</th>
                    <th scope="col">{t('preview.hours')}</th>
                    <th scope="col">{t('preview.explanation')}</th>
                  </tr>
                </thead>
                <tbody>
                  {day.lines.map((line, i) => (
                    <tr key={i}>
                      <td>
                        <span className="week-code">{line.hourCode}</span>
                        <span className="week-kind">{line.label}</span>
                      </td>
                      <td className="week-num">
                        {line.hours}
                        {line.from && line.to && <span className="week-span">{`${line.from}–${line.to}`}</span>}
                      </td>
                      <td>{line.explanation.text}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {[...day.notApplied, ...day.adjustments].length > 0 && (
            <ul className="week-notes">
              {[...day.notApplied, ...day.adjustments].map((note, i) => (
                <li key={i}>{note.explanation.text}</li>
              ))}
            </ul>
          )}
        </div>
      ))}
      {preview.totals.length > 0 && (
        <>
          <h3 id="week-preview-totals">{t('preview.totals')}</h3>
          <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="week-preview-totals">
            <table className="week-totals">
              <thead>
                <tr>
                  <th scope="col">{t('preview.code')}</th>
                  <th scope="col">{t('preview.kind')}</th>
                  <th scope="col">{t('preview.hours')}</th>
                </tr>
              </thead>
              <tbody>
                {preview.totals.map((total) => (
                  <tr key={`${total.hourCode}-${total.kind}-${total.percentage}`}>
                    <td className="week-code">{total.hourCode}</td>
                    <td>{total.label}</td>
                    <td className="week-num">{total.hours}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <h3 id="week-preview-kinds">{t('preview.byKind')}</h3>
          <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="week-preview-kinds">
            <table className="week-kinds">
              <thead>
                <tr>
                  <th scope="col">{t('preview.kind')}</th>
                  <th scope="col">{t('preview.hours')}</th>
                </tr>
              </thead>
              <tbody>
                {preview.totalsByKind.map((total) => (
                  <tr key={total.kind}>
                    <th scope="row">{total.label}</th>
                    <td className="week-num">{total.hours}</td>
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row">{t('preview.workedTotal')}</th>
                  <td className="week-num">{preview.workedHours}</td>
                </tr>
              </tfoot>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
