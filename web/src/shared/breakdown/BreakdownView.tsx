import { useTranslation } from 'react-i18next';
import type { SharedBreakdownDayFragment, SharedBreakdownFragment, SharedEnteredDayFragment } from '../../gql/graphql';
import { dayHeading, shortDay } from '../dates';
import { useDescribeDay } from './EnteredDays';
import { Heading, type HeadingLevel } from './Heading';
import './breakdown.css';

/*
 * A week split into hour codes (fragment SharedBreakdown: a timesheet's preview or a declaration's
 * breakdown), the same on every screen: per date a card with the lines (kind, hour code, hours,
 * from–to, the server's explanation), the allowances and the rules not applied; then the totals
 * per kind and per hour code. The screen gives its own section heading; these headings come at
 * `level` below it, and `idPrefix` keeps their ids unique on the page.
 */

interface Common {
  /** The level of the headings inside (one below the screen's own heading of the section). */
  level: HeadingLevel;
  /** Unique on the page: the prefix of the ids the headings get. */
  idPrefix: string;
}

/** The days of a breakdown, each with what was entered that day where the screen has it. */
export function BreakdownDays(props: Common & { breakdown: SharedBreakdownFragment; entered?: readonly SharedEnteredDayFragment[] }) {
  const { breakdown, entered = [] } = props;
  const dates = [...new Set([...entered.map((d) => d.date), ...breakdown.days.filter(hasContent).map((d) => d.date)])].sort();
  return (
    <>
      {dates.map((date) => (
        <BreakdownDay
          key={date}
          date={date}
          level={props.level}
          idPrefix={props.idPrefix}
          day={breakdown.days.find((d) => d.date === date)}
          entered={entered.find((d) => d.date === date)}
        />
      ))}
    </>
  );
}

export function hasContent(day: SharedBreakdownDayFragment): boolean {
  return day.lines.length > 0 || day.allowances.length > 0 || day.adjustments.length > 0 || day.notApplied.length > 0;
}

/** One date: what was entered (when given), the hours worked, its lines, allowances and notes. */
export function BreakdownDay(props: Common & { date: string; day?: SharedBreakdownDayFragment; entered?: SharedEnteredDayFragment }) {
  const { t } = useTranslation('shared');
  const describe = useDescribeDay();
  const { date, day, entered } = props;
  const id = `${props.idPrefix}-${date}`;
  const notes = [...(day?.adjustments ?? []), ...(day?.notApplied ?? [])];
  return (
    <section className="card breakdown-day" aria-labelledby={id}>
      <Heading level={props.level} id={id}>
        {dayHeading(date)}
      </Heading>
      <dl className="breakdown-facts">
        {entered && (
          <div>
            <dt>{t('entered.entered')}</dt>
            <dd>{describe(entered)}</dd>
          </div>
        )}
        <div>
          <dt>{t('entered.worked')}</dt>
          <dd>{day?.workedHours ?? entered?.workedHours ?? '0:00'}</dd>
        </div>
      </dl>
      {day && day.lines.length + day.allowances.length > 0 && (
        <ul className="breakdown-lines">
          {day.lines.map((line, index) => (
            <li key={`line-${index}`}>
              <p className="breakdown-line-head">
                <span className="breakdown-line-label">
                  {line.label} <span className="breakdown-code">({line.hourCode})</span>
                </span>
                <span className="breakdown-line-hours">{line.hours}</span>
              </p>
              {line.from && line.to && (
                <p className="breakdown-meta">
                  {line.date === date ? t('breakdown.fromTo', { from: line.from, to: line.to }) : t('breakdown.fromToOn', { day: shortDay(line.date), from: line.from, to: line.to })}
                </p>
              )}
              <p className="breakdown-explanation">{line.explanation.text}</p>
            </li>
          ))}
          {day.allowances.map((allowance, index) => (
            <li key={`allowance-${index}`}>
              <p className="breakdown-line-head">
                <span className="breakdown-line-label">
                  {t('breakdown.allowance')} <span className="breakdown-code">({allowance.hourCode})</span>
                </span>
                <span className="breakdown-line-hours">{t('breakdown.allowanceCount', { count: allowance.count })}</span>
              </p>
              <p className="breakdown-explanation">{allowance.explanation.text}</p>
            </li>
          ))}
        </ul>
      )}
      {notes.length > 0 && (
        <ul className="breakdown-notes">
          {notes.map((note, index) => (
            <li key={index}>{note.explanation.text}</li>
          ))}
        </ul>
      )}
    </section>
  );
}

/**
 * The week's totals: per kind of hours with the total worked, and per
 * hour code (its description names the percentage: "Overwerk 125%").
 */
export function BreakdownTotals(props: Common & { breakdown: SharedBreakdownFragment }) {
  const { t } = useTranslation('shared');
  const { breakdown, idPrefix } = props;
  return (
    <>
      <Heading level={props.level} id={`${idPrefix}-kinds`}>
        {t('breakdown.byKind')}
      </Heading>
      <div className="table-scroll" tabIndex={0} role="region" aria-labelledby={`${idPrefix}-kinds`}>
        <table className="breakdown-table breakdown-kinds">
          <thead>
            <tr>
              <th scope="col">{t('breakdown.kind')}</th>
              <th scope="col" className="breakdown-num">
                {t('breakdown.hours')}
              </th>
            </tr>
          </thead>
          <tbody>
            {breakdown.totalsByKind.map((total) => (
              <tr key={total.kind}>
                <th scope="row">{total.label}</th>
                <td className="breakdown-num">{total.hours}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t('breakdown.workedTotal')}</th>
              <td className="breakdown-num">{breakdown.workedHours}</td>
            </tr>
          </tfoot>
        </table>
      </div>
      {breakdown.totals.length > 0 && (
        <>
          <Heading level={props.level} id={`${idPrefix}-codes`}>
            {t('breakdown.perCode')}
          </Heading>
          <div className="table-scroll" tabIndex={0} role="region" aria-labelledby={`${idPrefix}-codes`}>
            <table className="breakdown-table breakdown-codes">
              <thead>
                <tr>
                  <th scope="col">{t('breakdown.code')}</th>
                  <th scope="col">{t('breakdown.description')}</th>
                  <th scope="col" className="breakdown-num">
                    {t('breakdown.hours')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {breakdown.totals.map((total) => (
                  <tr key={`${total.hourCode}-${total.kind}-${total.percentage}`}>
                    <th scope="row">{total.hourCode}</th>
                    <td>{total.label}</td>
                    <td className="breakdown-num">{total.hours}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </>
  );
}
