import type { DayEntryMode, StaffTimesheetWeekFragment, SharedEnteredDayFragment, WorkDayInput } from '../gql/graphql';
import { datesOfWeek } from './format';

/*
 * The correction form's model: the whole week as it should be, one entry per date in the entry
 * mode of that day (a day total, start/end times with breaks, or hours per hour code), turned into
 * CorrectDeclarationInput.days, with each sent field's input path kept to show the server's
 * problems at the field they name (`days[1].blocks[0].end`).
 */
export interface TimePair {
  start: string;
  end: string;
}

export interface DayDraft {
  date: string;
  mode: DayEntryMode;
  total: string;
  blocks: TimePair[];
  breaks: TimePair[];
  breakDuration: string;
  hours: Record<string, string>;
}

type Placement = NonNullable<StaffTimesheetWeekFragment['placement']>;

/** The entry modes a day of this placement can have: per hour code without a CAO schedule, else its allowed modes. */
export function modesOf(placement: Placement | null | undefined): DayEntryMode[] {
  if (!placement) return ['TOTAL', 'TIMES'];
  if (!placement.caoScheduleId && placement.hourCodes.length > 0) return ['HOUR_CODES'];
  const modes: DayEntryMode[] = [];
  if (placement.allowedEntryModes.includes('DAY_TOTAL')) modes.push('TOTAL');
  if (placement.allowedEntryModes.includes('TIMES')) modes.push('TIMES');
  return modes.length > 0 ? modes : ['TOTAL', 'TIMES'];
}

export function draftsOf(weekStart: string, days: readonly SharedEnteredDayFragment[], modes: readonly DayEntryMode[]): DayDraft[] {
  return datesOfWeek(weekStart).map((date) => {
    const day = days.find((d) => d.date === date);
    return {
      date,
      mode: day?.mode ?? modes[0],
      total: day?.total ?? '',
      blocks: day && day.blocks.length > 0 ? day.blocks.map((b) => ({ start: b.start, end: b.end })) : [{ start: '', end: '' }],
      breaks: day ? day.breaks.map((b) => ({ start: b.start, end: b.end })) : [],
      breakDuration: day?.breakDuration ?? '',
      hours: Object.fromEntries((day?.hours ?? []).map((h) => [h.hourCode, h.hours])),
    };
  });
}

/** Where each field of the form was sent: the input path of each (date, field), for the server's problems. */
export interface SentPaths {
  /** `days[i]` of each date that was sent. */
  readonly dayPath: Record<string, string>;
  /** The path of each field, keyed `date|total`, `date|blocks.0.start`, `date|hours.H100`, … */
  readonly fieldPath: Record<string, string>;
}

const filled = (pair: TimePair) => pair.start.trim() !== '' || pair.end.trim() !== '';

export function toInput(drafts: readonly DayDraft[]): { days: WorkDayInput[]; paths: SentPaths } {
  const days: WorkDayInput[] = [];
  const dayPath: Record<string, string> = {};
  const fieldPath: Record<string, string> = {};
  for (const draft of drafts) {
    const at = `days[${days.length}]`;
    if (draft.mode === 'TOTAL') {
      if (draft.total.trim() === '') continue;
      fieldPath[`${draft.date}|total`] = `${at}.total`;
      days.push({ date: draft.date, total: draft.total.trim() });
    } else if (draft.mode === 'TIMES') {
      const blocks = draft.blocks.map((b, i) => ({ b, i })).filter(({ b }) => filled(b));
      if (blocks.length === 0) continue;
      const breaks = draft.breaks.map((b, i) => ({ b, i })).filter(({ b }) => filled(b));
      blocks.forEach(({ i }, j) => {
        fieldPath[`${draft.date}|blocks.${i}.start`] = `${at}.blocks[${j}].start`;
        fieldPath[`${draft.date}|blocks.${i}.end`] = `${at}.blocks[${j}].end`;
      });
      breaks.forEach(({ i }, j) => {
        fieldPath[`${draft.date}|breaks.${i}.start`] = `${at}.breaks[${j}].start`;
        fieldPath[`${draft.date}|breaks.${i}.end`] = `${at}.breaks[${j}].end`;
      });
      const day: WorkDayInput = { date: draft.date, blocks: blocks.map(({ b }) => ({ start: b.start.trim(), end: b.end.trim() })) };
      if (breaks.length > 0) day.breaks = breaks.map(({ b }) => ({ start: b.start.trim(), end: b.end.trim() }));
      if (draft.breakDuration.trim() !== '') {
        day.breakDuration = draft.breakDuration.trim();
        fieldPath[`${draft.date}|breakDuration`] = `${at}.breakDuration`;
      }
      days.push(day);
    } else {
      const hours = Object.entries(draft.hours).filter(([, value]) => value.trim() !== '');
      if (hours.length === 0) continue;
      hours.forEach(([code], k) => {
        fieldPath[`${draft.date}|hours.${code}`] = `${at}.hours[${k}].hours`;
      });
      days.push({ date: draft.date, hours: hours.map(([hourCode, value]) => ({ hourCode, hours: value.trim() })) });
    }
    dayPath[draft.date] = at;
  }
  return { days, paths: { dayPath, fieldPath } };
}
