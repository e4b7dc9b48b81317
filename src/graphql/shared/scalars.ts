import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';
import { HoursMinutes } from '../../domain/time/hours-minutes.value-object';
import { ValidationError } from '../../domain/shared/domain-error';

function parseHoursMinutes(value: unknown): HoursMinutes {
  if (typeof value !== 'string') {
    throw ValidationError.of('', 'HOURS_MINUTES_FORMAT', 'A duration is a string written as H:MM (e.g. "7:15")', {
      value: String(value),
    });
  }
  return HoursMinutes.parse(value);
}

/** A duration within a day written strictly as `H:MM` ("7:15"); anything else is refused. */
export const HoursMinutesScalar = new GraphQLScalarType<HoursMinutes, string>({
  name: 'HoursMinutes',
  description: 'A duration of at most 24:00 written as H:MM, e.g. "7:15" for seven and a quarter hours.',
  serialize(value) {
    if (value instanceof HoursMinutes) return value.toString();
    throw new GraphQLError('HoursMinutes can only serialise HoursMinutes values');
  },
  parseValue: parseHoursMinutes,
  parseLiteral(ast) {
    if (ast.kind !== Kind.STRING) return parseHoursMinutes(undefined);
    return parseHoursMinutes(ast.value);
  },
});
