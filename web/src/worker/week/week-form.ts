import type { WeekFormFragment, WorkDayInput } from '../../gql/graphql';

/*
 * The week as the form holds it (strings as typed), what it sends (the whole week as
 * WorkDayInput, a day left out is not worked), and the checks of form the server applies to
 * each value (docs/api.md "Formats"): a duration is H:MM (at most 24:00 for a day's value), a
 * time of day HH:MM on the 24-hour clock from 00:00 to 24:00, 24:00 only as an end.
 */

export type DayMode = 'TOTAL' | 'TIMES' | 'HOUR_CODES';

export interface BlockForm {
  readonly start: string;
  readonly end: string;
}

export interface DayForm {
  readonly date: string;
  readonly mode: DayMode;
  readonly total: string;
  readonly blocks: readonly BlockForm[];
  readonly breakDuration: string;
  readonly breaks: readonly BlockForm[];
  /** Hours per hour code, by code. */
  readonly hours: Readonly<Record<string, string>>;
}

/** A value the form refuses, with the server's reason for it (the key of its message). */
export interface Refusal {
  readonly reason: 'HOURS_MINUTES_FORMAT' | 'HOURS_MINUTES_RANGE' | 'LOCAL_TIME_FORMAT' | 'TIME_OF_DAY_END_ONLY' | 'TIME_REQUIRED';
  readonly value: string;
}

export type ValueKind = 'duration' | 'start' | 'end';

const DURATION = /^(\d{1,3}):([0-5]\d)$/;
const TIME_OF_DAY = /^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/;

/** Why the server would refuse this value, or null when it is in the right form (and range). */
export function refusalOf(kind: ValueKind, raw: string): Refusal | null {
  const value = raw.trim();
  if (value === '') return null;
  if (kind === 'duration') {
    const match = DURATION.exec(value);
    if (!match) return { reason: 'HOURS_MINUTES_FORMAT', value };
    if (Number(match[1]) * 60 + Number(match[2]) > 24 * 60) return { reason: 'HOURS_MINUTES_RANGE', value };
    return null;
  }
  if (!TIME_OF_DAY.test(value)) return { reason: 'LOCAL_TIME_FORMAT', value };
  if (kind === 'start' && value === '24:00') return { reason: 'TIME_OF_DAY_END_ONLY', value };
  return null;
}

/** The seven dates of the week, Monday first. */
export function datesOf(weekStart: string): string[] {
  const start = new Date(`${weekStart}T12:00:00Z`).getTime();
  return Array.from({ length: 7 }, (_, i) => new Date(start + i * 86_400_000).toISOString().slice(0, 10));
}

export function usesHourCodes(timesheet: WeekFormFragment): boolean {
  return !timesheet.placement?.caoSchedule && (timesheet.placement?.hourCodes.length ?? 0) > 0;
}

/** The modes a day may be given in with this placement. */
export function modesOf(timesheet: WeekFormFragment): DayMode[] {
  if (usesHourCodes(timesheet)) return ['HOUR_CODES'];
  const allowed = timesheet.placement?.allowedEntryModes ?? ['DAY_TOTAL', 'TIMES'];
  const modes: DayMode[] = [];
  if (allowed.includes('DAY_TOTAL')) modes.push('TOTAL');
  if (allowed.includes('TIMES')) modes.push('TIMES');
  return modes.length > 0 ? modes : ['TOTAL'];
}

const EMPTY_BLOCK: BlockForm = { start: '', end: '' };

export function emptyBlock(): BlockForm {
  return EMPTY_BLOCK;
}

/** The form as the saved week has it. */
export function formOf(timesheet: WeekFormFragment): DayForm[] {
  const modes = modesOf(timesheet);
  return datesOf(timesheet.weekStart).map((date) => {
    const saved = timesheet.days.find((d) => d.date === date);
    const mode: DayMode = saved ? (saved.mode === 'HOUR_CODES' ? 'HOUR_CODES' : saved.mode === 'TIMES' ? 'TIMES' : 'TOTAL') : modes[0];
    return {
      date,
      mode: modes.includes(mode) ? mode : saved ? mode : modes[0],
      total: saved?.total ?? '',
      blocks: saved && saved.blocks.length > 0 ? saved.blocks.map((b) => ({ start: b.start, end: b.end })) : [EMPTY_BLOCK],
      breakDuration: saved?.breakDuration ?? '',
      breaks: saved ? saved.breaks.map((b) => ({ start: b.start, end: b.end })) : [],
      hours: Object.fromEntries((saved?.hours ?? []).map((h) => [h.hourCode, h.hours])),
    };
  });
}

/** Where a sent value came from in the form: per sent day its date, and the form index of each sent block and break. */
export interface SentMap {
  readonly days: readonly { readonly date: string; readonly blocks: readonly number[]; readonly breaks: readonly number[]; readonly hours: readonly string[] }[];
}

export interface BuiltWeek {
  readonly days: WorkDayInput[];
  readonly map: SentMap;
  /** Values in the wrong form, by field key (see fieldKey). */
  readonly refusals: Readonly<Record<string, Refusal>>;
}

/** The key of a field of the form: `<date>.total`, `<date>.blocks[0].end`, `<date>.hours[H100]`, or `<date>` for the day. */
export function fieldKey(date: string, rest = ''): string {
  return `${date}${rest}`;
}

const filled = (b: BlockForm) => b.start.trim() !== '' || b.end.trim() !== '';

/** The whole week as the server takes it (hours per code in the placement's order), with the values the form refuses. */
export function buildWeek(form: readonly DayForm[], hourCodeOrder: readonly string[] = []): BuiltWeek {
  const rank = (code: string) => (hourCodeOrder.includes(code) ? hourCodeOrder.indexOf(code) : hourCodeOrder.length);
  const days: WorkDayInput[] = [];
  const map: { date: string; blocks: number[]; breaks: number[]; hours: string[] }[] = [];
  const refusals: Record<string, Refusal> = {};
  const check = (key: string, kind: ValueKind, value: string) => {
    const refusal = refusalOf(kind, value);
    if (refusal) refusals[key] = refusal;
  };
  for (const day of form) {
    if (day.mode === 'TOTAL') {
      if (day.total.trim() === '') continue;
      check(fieldKey(day.date, '.total'), 'duration', day.total);
      days.push({ date: day.date, total: day.total.trim() });
      map.push({ date: day.date, blocks: [], breaks: [], hours: [] });
    } else if (day.mode === 'HOUR_CODES') {
      const codes = Object.keys(day.hours)
        .filter((code) => day.hours[code].trim() !== '')
        .sort((a, b) => rank(a) - rank(b));
      if (codes.length === 0) continue;
      for (const code of codes) check(fieldKey(day.date, `.hours[${code}]`), 'duration', day.hours[code]);
      days.push({ date: day.date, hours: codes.map((code) => ({ hourCode: code, hours: day.hours[code].trim() })) });
      map.push({ date: day.date, blocks: [], breaks: [], hours: codes });
    } else {
      const blockIndexes = day.blocks.map((b, i) => (filled(b) ? i : -1)).filter((i) => i >= 0);
      if (blockIndexes.length === 0) continue;
      const breakIndexes = day.breaks.map((b, i) => (filled(b) ? i : -1)).filter((i) => i >= 0);
      const times = (list: readonly BlockForm[], indexes: number[], name: string) =>
        indexes.map((i) => {
          const b = list[i];
          for (const side of ['start', 'end'] as const) {
            const key = fieldKey(day.date, `.${name}[${i}].${side}`);
            if (b[side].trim() === '') refusals[key] = { reason: 'TIME_REQUIRED', value: '' };
            else check(key, side, b[side]);
          }
          return { start: b.start.trim(), end: b.end.trim() };
        });
      const input: WorkDayInput = { date: day.date, blocks: times(day.blocks, blockIndexes, 'blocks') };
      if (breakIndexes.length > 0) input.breaks = times(day.breaks, breakIndexes, 'breaks');
      else if (day.breakDuration.trim() !== '') {
        check(fieldKey(day.date, '.breakDuration'), 'duration', day.breakDuration);
        input.breakDuration = day.breakDuration.trim();
      }
      days.push(input);
      map.push({ date: day.date, blocks: blockIndexes, breaks: breakIndexes, hours: [] });
    }
  }
  return { days, map: { days: map }, refusals };
}

/**
 * The form's key for a problem's path (`days[2].blocks[0].end` → `<date>.blocks[<form index>].end`),
 * or null when the path is not one of a day (then it is shown above the buttons).
 */
export function keyOfPath(map: SentMap, path: string): string | null {
  const match = /^days\[(\d+)\](.*)$/.exec(path);
  if (!match) return null;
  const sent = map.days[Number(match[1])];
  if (!sent) return null;
  const rest = match[2]
    .replace(/^\.blocks\[(\d+)\]/, (_, k: string) => `.blocks[${sent.blocks[Number(k)] ?? k}]`)
    .replace(/^\.breaks\[(\d+)\]/, (_, k: string) => `.breaks[${sent.breaks[Number(k)] ?? k}]`)
    .replace(/^\.hours\[(\d+)\](?:\.\w+)?/, (_, k: string) => `.hours[${sent.hours[Number(k)] ?? k}]`);
  return fieldKey(sent.date, rest);
}
