import { GraphQLError, GraphQLScalarType, Kind, print, ValueNode } from 'graphql';
import { ValidationError } from '../../domain/shared/domain-error';
import { cleanText } from '../../domain/shared/text';

/*
 * The scalars of dates, times, durations and weeks, the same in inputs and outputs. They check the
 * written FORMAT only, so that a value in another form is refused at the edge with the domain's
 * reason, inline or as a variable alike (formatError names its path). Whether the value exists and
 * fits the field (a day at most 24:00, 24:00 only as an end, a date inside the week, week 54) stays
 * the domain's business, with its problem paths. Values stay strings on both sides of the edge.
 */

interface FormatScalarConfig {
  readonly name: string;
  readonly description: string;
  readonly format: RegExp;
  /** The translation key and `extensions.reason` of a value in another form. */
  readonly reason: string;
  /** English, for logs; clients get the translation of `reason`. */
  readonly refusal: (shown: string) => string;
  /** The canonical text of a value in the format (`07:15` → `7:15`). */
  readonly normalise?: (match: RegExpExecArray) => string;
}

/** Long enough to recognise the value, short enough to keep a megabyte out of the answer. */
const SHOWN = 16;

function formatScalar(config: FormatScalarConfig): GraphQLScalarType<string, string> {
  const { name, format, reason, refusal } = config;
  const normalise = config.normalise ?? ((match: RegExpExecArray) => match[0]);
  const refuse = (shown: string): ValidationError => {
    const value = shown.slice(0, SHOWN);
    return ValidationError.of('', reason, refusal(value), { value });
  };
  const parse = (value: unknown): string => {
    if (typeof value !== 'string') throw refuse(JSON.stringify(value) ?? String(value));
    // Control characters and half characters keep the one text rule's reasons (docs/api.md, text fields).
    const match = format.exec(cleanText(value));
    if (!match) throw refuse(value);
    return normalise(match);
  };
  return new GraphQLScalarType<string, string>({
    name,
    description: config.description,
    serialize(value) {
      // Strings, or the domain's value objects (LocalDate, IsoWeek, TimeOfDay, HoursMinutes) by their text.
      const text = typeof value === 'string' ? value : typeof value === 'object' && value !== null ? String(value) : undefined;
      const match = text === undefined ? null : format.exec(text);
      if (!match) throw new GraphQLError(`${name} cannot serialise ${String(value).slice(0, SHOWN)}`);
      return normalise(match);
    },
    parseValue: parse,
    parseLiteral(ast: ValueNode) {
      // `total: 7.5` written inline reads as the variable {"total": 7.5} does.
      if (ast.kind !== Kind.STRING) throw refuse(print(ast));
      return parse(ast.value);
    },
  });
}

/**
 * A duration written strictly as `H:MM` ("7:15" is seven and a quarter hours). `7.25`, `7:5`,
 * `7:75` and `-1:00` are refused at the edge, never guessed; the domain then checks the range
 * that fits the field (a day at most 24:00, a contract week at most 60:00).
 */
export const HoursMinutesScalar = formatScalar({
  name: 'HoursMinutes',
  description:
    'A duration written as H:MM (hours, a colon, two digits of minutes), e.g. "7:15" for seven and a quarter hours. Nothing else is accepted: ' +
    '"7.25", "7,5", "7:5" and "435" are refused with reason HOURS_MINUTES_FORMAT. The field decides the range (a day at most 24:00: HOURS_MINUTES_RANGE).',
  format: /^(\d{1,3}):([0-5]\d)$/,
  reason: 'HOURS_MINUTES_FORMAT',
  refusal: (shown) => `"${shown}" is not a duration written as H:MM (e.g. 7:15)`,
  normalise: (match) => `${Number(match[1])}:${match[2]}`,
});

/** A calendar date `YYYY-MM-DD`; whether it exists (`2026-02-30`) is LocalDate's check in the domain. */
export const LocalDateScalar = formatScalar({
  name: 'LocalDate',
  description:
    'A calendar date without a time or a zone, written as YYYY-MM-DD, e.g. "2026-11-23". Another form is refused with reason LOCAL_DATE_FORMAT; ' +
    'a date the calendar does not have ("2026-02-30") with LOCAL_DATE_INVALID.',
  format: /^\d{4}-\d{2}-\d{2}$/,
  reason: 'LOCAL_DATE_FORMAT',
  refusal: (shown) => `"${shown}" is not a date written as YYYY-MM-DD`,
});

/**
 * A wall-clock time `HH:MM` from 00:00 to 24:00. 24:00 is the end of the day: the domain takes it
 * as an end (of a block, a break, a window) and refuses it as a start (TIME_OF_DAY_END_ONLY).
 */
export const LocalTimeScalar = formatScalar({
  name: 'LocalTime',
  description:
    'A local wall-clock time written as HH:MM on the 24-hour clock, e.g. "07:30" or "22:00", from "00:00" to "24:00". ' +
    '"24:00" is the end of the day: allowed as an end (of a block, a break, a window), refused as a start with reason TIME_OF_DAY_END_ONLY. ' +
    'Another form ("7:30", "7.30", "24:30") is refused with reason LOCAL_TIME_FORMAT.',
  format: /^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/,
  reason: 'LOCAL_TIME_FORMAT',
  refusal: (shown) => `"${shown}" is not a time written as HH:MM (e.g. 07:30)`,
});

/** An ISO 8601 week `YYYY-Www`; whether the year has that week (`2026-W54`) is IsoWeek's check. */
export const IsoWeekScalar = formatScalar({
  name: 'IsoWeek',
  description:
    'An ISO 8601 week written as YYYY-Www, e.g. "2026-W48" (Monday 23 to Sunday 29 November 2026). Another form is refused with reason ISO_WEEK_FORMAT; ' +
    'a week the year does not have ("2026-W54") with ISO_WEEK_INVALID.',
  format: /^\d{4}-W\d{2}$/,
  reason: 'ISO_WEEK_FORMAT',
  refusal: (shown) => `"${shown}" is not a week written as YYYY-Www (e.g. 2026-W48)`,
});
