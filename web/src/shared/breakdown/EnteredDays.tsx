import { useTranslation } from 'react-i18next';
import type { SharedEnteredDayFragment } from '../../gql/graphql';
import { shortDay } from '../dates';
import './breakdown.css';

/*
 * The days of a week as they were entered (fragment SharedEnteredDay: a timesheet's or a
 * declaration's days), the same on every screen: a day total, times with their breaks, or hours
 * per hour code, in one line of text each.
 */

/** Names of the hour codes (the placement's labels) to write instead of the bare codes. */
export type HourCodeNames = readonly { code: string; label?: string | null }[];

/** A day as one line of text: "Dagtotaal 8:30", "22:00–06:00, pauze 0:30", "H100 8:00, OW150 1:00". */
export function useDescribeDay(hourCodes: HourCodeNames = []) {
  const { t } = useTranslation('shared');
  return (day: SharedEnteredDayFragment): string => {
    if (day.mode === 'TOTAL') return t('entered.dayTotal', { total: day.total ?? day.workedHours });
    if (day.mode === 'HOUR_CODES') return day.hours.map((h) => `${hourCodes.find((c) => c.code === h.hourCode)?.label ?? h.hourCode} ${h.hours}`).join(', ');
    const blocks = day.blocks.map((b) => `${b.start}–${b.end}`).join(', ');
    const breaks = [...day.breaks.map((b) => `${b.start}–${b.end}`), ...(day.breakDuration ? [day.breakDuration] : [])].join(', ');
    return breaks ? t('entered.timesWithBreak', { blocks, breaks }) : blocks;
  };
}

/** The days as a table (day, as entered, hours worked), or a line saying there are none. */
export function EnteredDaysTable(props: { days: readonly SharedEnteredDayFragment[]; label: string; hourCodes?: HourCodeNames; className?: string }) {
  const { t } = useTranslation('shared');
  const describe = useDescribeDay(props.hourCodes);
  if (props.days.length === 0) return <p>{t('entered.none')}</p>;
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-label={props.label}>
      <table className={`breakdown-table ${props.className ?? ''}`.trim()}>
        <thead>
          <tr>
            <th scope="col">{t('entered.day')}</th>
            <th scope="col">{t('entered.entered')}</th>
            <th scope="col" className="breakdown-num">
              {t('entered.worked')}
            </th>
          </tr>
        </thead>
        <tbody>
          {props.days.map((day) => (
            <tr key={day.date}>
              <th scope="row">{shortDay(day.date)}</th>
              <td>{describe(day)}</td>
              <td className="breakdown-num">{day.workedHours}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
