import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';
import { ValidationError } from '../../domain/shared/domain-error';
import { cleanText } from '../../domain/shared/text';
import { HoursMinutes } from '../../domain/time/hours-minutes.value-object';

/** Hours, a colon, two digits of minutes: `7:15`, `38:00`. Ranges are the domain's business. */
const FORMAT = /^(\d{1,3}):([0-5]\d)$/;

function parse(value: unknown): string {
  const text = typeof value === 'string' ? cleanText(value) : undefined;
  const match = text === undefined ? null : FORMAT.exec(text);
  if (!match) {
    const shown = String(value).slice(0, 16);
    throw ValidationError.of('', 'HOURS_MINUTES_FORMAT', `"${shown}" is not a duration written as H:MM (e.g. 7:15)`, {
      value: shown,
    });
  }
  return `${Number(match[1])}:${match[2]}`;
}

/**
 * A duration written strictly as `H:MM` ("7:15" is seven and a quarter hours). `7.25`, `7:5`,
 * `7:75` and `-1:00` are refused at the edge, never guessed; the domain then checks the range
 * that fits the field (a day at most 24:00, a contract week at most 60:00).
 */
export const HoursMinutesScalar = new GraphQLScalarType<string, string>({
  name: 'HoursMinutes',
  description: 'A duration written as H:MM, e.g. "7:15" for seven and a quarter hours. Nothing else is accepted.',
  serialize(value) {
    if (value instanceof HoursMinutes) return value.toString();
    if (typeof value === 'string' && FORMAT.test(value)) return value;
    throw new GraphQLError('HoursMinutes can only serialise H:MM values');
  },
  parseValue: parse,
  parseLiteral(ast) {
    return parse(ast.kind === Kind.STRING ? ast.value : undefined);
  },
});
