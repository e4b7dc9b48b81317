import { buildSchema, execute, GraphQLError, GraphQLScalarType, parse, validate } from 'graphql';
import { literalPointer, variablePointer } from '../../../src/graphql/errors/input-pointer';
import { HoursMinutesScalar, IsoWeekScalar } from '../../../src/graphql/shared/scalars';

/*
 * Where a refused input value sits, read back from what graphql-js reports: a literal's position
 * while validating, a variable's message while coercing. Both give the path relative to the input.
 */

const schema = buildSchema(`
  scalar HoursMinutes
  scalar IsoWeek
  input Day { total: HoursMinutes }
  input Week { days: [Day!]! }
  type Query { save(input: Week!): Boolean, week(week: IsoWeek!): Boolean }
`);
const scalars: Record<string, GraphQLScalarType> = { HoursMinutes: HoursMinutesScalar, IsoWeek: IsoWeekScalar };
for (const [name, scalar] of Object.entries(scalars)) {
  Object.assign(schema.getType(name)!, { parseValue: scalar.parseValue, parseLiteral: scalar.parseLiteral, serialize: scalar.serialize });
}

function literalErrors(query: string): GraphQLError[] {
  return [...validate(schema, parse(query))];
}

function variableErrors(query: string, variables: Record<string, unknown>): GraphQLError[] {
  const result = execute({ schema, document: parse(query), variableValues: variables });
  if ('then' in result) throw new Error('not synchronous');
  return [...(result.errors ?? [])];
}

describe('the path of a refused input value', () => {
  it('written inline: from the argument to the literal, relative to the input', () => {
    const errors = literalErrors('{ save(input: { days: [{ total: "8:00" }, { total: "7.5" }] }) }');
    expect(errors.map(literalPointer)).toEqual(['days[1].total']);
  });

  it('a literal that is the argument itself keeps the argument name', () => {
    expect(literalErrors('{ week(week: "2026-48") }').map(literalPointer)).toEqual(['week']);
  });

  it('in a variable: where the document uses it, then the place graphql-js names inside it', () => {
    const errors = variableErrors('query ($x: Week!) { save(input: $x) }', { x: { days: [{ total: '8:00' }, { total: '7.5' }] } });
    expect(errors.map(variablePointer)).toEqual(['days[1].total']);
  });

  it('a variable inside a literal gets the path of its place in the literal', () => {
    const errors = variableErrors('query ($t: HoursMinutes) { save(input: { days: [{ total: "1:00" }, { total: $t }] }) }', { t: '7.5' });
    expect(errors.map(variablePointer)).toEqual(['days[1].total']);
  });

  it('a variable that is the argument itself is named by the argument, not by the variable', () => {
    expect(variableErrors('query ($w: IsoWeek!) { week(week: $w) }', { w: '2026-48' }).map(variablePointer)).toEqual(['week']);
  });

  it('a value that looks like the message around it does not move the path', () => {
    const sneaky = 'x; at "x.days[9].total"; Expected type "';
    const errors = variableErrors('query ($x: Week!) { save(input: $x) }', { x: { days: [{ total: sneaky }] } });
    expect(errors.map(variablePointer)).toEqual(['days[0].total']);
    expect(variableErrors('query ($w: IsoWeek!) { week(week: $w) }', { w: '7; at "w.a"; ' }).map(variablePointer)).toEqual(['week']);
  });

  it('a missing variable is named by the argument that needs it', () => {
    expect(variableErrors('query ($w: IsoWeek!) { week(week: $w) }', {}).map(variablePointer)).toEqual(['week']);
  });

  it('an error that is not about an input value has no path', () => {
    const [unknown] = literalErrors('{ nothing }');
    expect(literalPointer(unknown)).toBeUndefined();
    expect(variablePointer(unknown)).toBeUndefined();
  });
});
