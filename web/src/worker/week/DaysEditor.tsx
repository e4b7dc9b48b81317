import { useTranslation } from 'react-i18next';
import { Button, Field, Select } from '../../app/ui';
import type { WeekFormFragment } from '../../gql/graphql';
import { EnteredDaysTable } from '../../shared/breakdown/EnteredDays';
import { formatDate } from './format';
import { BlockForm, DayForm, DayMode, emptyBlock, fieldKey, modesOf, Refusal, refusalOf, ValueKind } from './week-form';

/*
 * The seven days of an open week. Every value is checked on blur the way the server checks its
 * form (H:MM for hours, HH:MM for times): a wrong one is refused at once, the field cleared and
 * the message shown at it (the manual's rule 1). Messages the server gave at a field after a save
 * come in `errors` by the same keys.
 */
export function DaysEditor(props: {
  timesheet: WeekFormFragment;
  form: readonly DayForm[];
  errors: Readonly<Record<string, string>>;
  onChange: (form: DayForm[]) => void;
  onFieldError: (key: string, refusal: Refusal | null) => void;
}) {
  const modes = modesOf(props.timesheet);
  const setDay = (index: number, day: DayForm) => props.onChange(props.form.map((d, i) => (i === index ? day : d)));
  return (
    <div className="week-days">
      {props.form.map((day, index) => (
        <DayEditor key={day.date} timesheet={props.timesheet} day={day} modes={modes} errors={props.errors} onChange={(next) => setDay(index, next)} onFieldError={props.onFieldError} />
      ))}
    </div>
  );
}

function DayEditor(props: {
  timesheet: WeekFormFragment;
  day: DayForm;
  modes: DayMode[];
  errors: Readonly<Record<string, string>>;
  onChange: (day: DayForm) => void;
  onFieldError: (key: string, refusal: Refusal | null) => void;
}) {
  const { t } = useTranslation('week');
  const { day, errors } = props;
  const saved = props.timesheet.days.find((d) => d.date === day.date);
  const shown = new Set<string>();
  const errorAt = (rest: string) => {
    const key = fieldKey(day.date, rest);
    shown.add(key);
    return errors[key];
  };

  /** A text field for H:MM or HH:MM, refused on blur when it is not in that form. */
  const hoursField = (rest: string, kind: ValueKind, label: string, value: string, set: (value: string) => void, extra?: { hint?: string }) => {
    const key = fieldKey(day.date, rest);
    return (
      <Field
        key={key}
        label={label}
        name={key}
        value={value}
        inputMode="text"
        autoComplete="off"
        spellCheck={false}
        placeholder={kind === 'duration' ? '0:00' : '00:00'}
        className={`week-input week-input-${kind}`}
        error={errorAt(rest)}
        hint={extra?.hint}
        onChange={(e) => {
          set(e.target.value);
          if (errors[key]) props.onFieldError(key, null);
        }}
        onBlur={(e) => {
          const refusal = refusalOf(kind, e.target.value);
          if (refusal) set('');
          else if (e.target.value !== e.target.value.trim()) set(e.target.value.trim());
          props.onFieldError(key, refusal);
        }}
      />
    );
  };

  const weekdayName = formatDate(day.date, { weekday: 'long', day: 'numeric', month: 'long' });
  const setBlocks = (name: 'blocks' | 'breaks', list: BlockForm[]) => props.onChange({ ...day, [name]: list });
  const blockFields = (name: 'blocks' | 'breaks', list: readonly BlockForm[]) =>
    list.map((block, i) => {
      const n = list.length > 1 ? i + 1 : 0;
      const set = (side: 'start' | 'end') => (value: string) => setBlocks(name, list.map((b, j) => (j === i ? { ...b, [side]: value } : b)));
      const night = name === 'blocks' && /^\d\d:\d\d$/.test(block.start) && /^\d\d:\d\d$/.test(block.end) && block.end <= block.start;
      return (
        <div key={`${name}-${i}`} className="week-block">
          <div className="week-pair">
            {hoursField(`.${name}[${i}].start`, 'start', n ? t(`${name}.startN`, { n }) : t(`${name}.start`), block.start, set('start'))}
            {hoursField(`.${name}[${i}].end`, 'end', n ? t(`${name}.endN`, { n }) : t(`${name}.end`), block.end, set('end'))}
          </div>
          {night && <p className="hint week-night">{t('blocks.nextDay', { end: block.end })}</p>}
          {errorAt(`.${name}[${i}]`) && <p className="field-error">{errorAt(`.${name}[${i}]`)}</p>}
          {(name === 'breaks' || list.length > 1) && (
            <Button variant="link" onClick={() => setBlocks(name, list.filter((_, j) => j !== i))}>
              {n ? t(`${name}.removeN`, { n }) : t(`${name}.remove`)}
            </Button>
          )}
        </div>
      );
    });

  let body: React.ReactNode;
  if (day.mode === 'HOUR_CODES') {
    body = (props.timesheet.placement?.hourCodes ?? []).map((code) =>
      hoursField(`.hours[${code.code}]`, 'duration', code.label ? t('hourCode', { label: code.label, code: code.code, percentage: code.percentage }) : t('hourCodePlain', { code: code.code, percentage: code.percentage }), day.hours[code.code] ?? '', (value) =>
        props.onChange({ ...day, hours: { ...day.hours, [code.code]: value } }),
      ),
    );
  } else if (day.mode === 'TOTAL') {
    body = hoursField('.total', 'duration', t('total'), day.total, (value) => props.onChange({ ...day, total: value }));
  } else {
    body = (
      <>
        {blockFields('blocks', day.blocks)}
        {errorAt('.blocks') && <p className="field-error">{errorAt('.blocks')}</p>}
        <Button variant="link" onClick={() => setBlocks('blocks', [...day.blocks, emptyBlock()])}>
          {t('blocks.add')}
        </Button>
        {day.breaks.length === 0 ? (
          <>
            {hoursField('.breakDuration', 'duration', t('breakDuration'), day.breakDuration, (value) => props.onChange({ ...day, breakDuration: value }))}
            <Button variant="link" onClick={() => props.onChange({ ...day, breakDuration: '', breaks: [emptyBlock()] })}>
              {t('breaks.asTimes')}
            </Button>
          </>
        ) : (
          <>
            {blockFields('breaks', day.breaks)}
            {errorAt('.breaks') && <p className="field-error">{errorAt('.breaks')}</p>}
            <Button variant="link" onClick={() => setBlocks('breaks', [...day.breaks, emptyBlock()])}>
              {t('breaks.add')}
            </Button>
          </>
        )}
      </>
    );
  }

  // Problems of the day that belong to no field (the day as a whole, its date, its hours at another placement).
  errorAt('.total');
  errorAt('.breakDuration');
  const rest = Object.entries(errors).filter(([key]) => (key === day.date || key.startsWith(`${day.date}.`)) && !shown.has(key));

  return (
    <fieldset className={`week-day${saved ? ' week-day-filled' : ''}`}>
      <legend>
        <span className="week-day-name">{weekdayName}</span>
        {saved && <span className="week-day-total">{t('days.saved', { hours: saved.workedHours })}</span>}
      </legend>
      {props.modes.length > 1 && (
        <Select label={t('mode.label')} name={`${day.date}.mode`} value={day.mode} onChange={(e) => props.onChange({ ...day, mode: e.target.value as DayMode })}>
          {props.modes.map((mode) => (
            <option key={mode} value={mode}>
              {t(`mode.${mode}`)}
            </option>
          ))}
        </Select>
      )}
      {body}
      {rest.map(([key, message]) => (
        <p key={key} className="field-error" role="alert">
          {message}
        </p>
      ))}
    </fieldset>
  );
}

/** The days of a week the viewer cannot change (approved, waiting, or entered by the other party). */
export function ReadOnlyDays(props: { timesheet: WeekFormFragment }) {
  const { t } = useTranslation('week');
  return <EnteredDaysTable className="week-readonly" days={props.timesheet.days} label={t('days.title')} hourCodes={props.timesheet.placement?.hourCodes} />;
}
