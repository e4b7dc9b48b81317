import 'reflect-metadata';
import { CaoScheduleResolver, PlacementCaoScheduleResolver } from '../../src/graphql/cao-schedule/cao-schedule.resolver';
import { IdentityResolver } from '../../src/graphql/identity/identity.resolver';
import { OrganisationResolver, PlacementFieldsResolver } from '../../src/graphql/organisation/organisation.resolver';
import { ExplanationFieldsResolver } from '../../src/graphql/timesheet/breakdown.types';
import { DeclarationFieldsResolver, TimesheetFieldsResolver } from '../../src/graphql/timesheet/timesheet-fields.resolver';
import { TimesheetResolver } from '../../src/graphql/timesheet/timesheet.resolver';
import { GqlError, GqlResponse } from '../support/test-app';
import { expectMessageIn } from './e2e-helpers';

/*
 * Helpers of the limit tests: a count of resolver calls (every method of every resolver class,
 * root and field resolvers alike) and the checks every refusal must pass.
 */

const RESOLVER_CLASSES: { prototype: object }[] = [
  IdentityResolver,
  OrganisationResolver,
  PlacementFieldsResolver,
  CaoScheduleResolver,
  PlacementCaoScheduleResolver,
  TimesheetResolver,
  TimesheetFieldsResolver,
  DeclarationFieldsResolver,
  ExplanationFieldsResolver,
];

export interface ResolverCalls {
  /** Calls since the last reset, by `Class.method`. */
  counts(): Record<string, number>;
  total(): number;
  reset(): void;
  restore(): void;
}

/** Spies on every resolver method (type-graphql looks the method up on the instance at each call). */
export function spyOnResolvers(): ResolverCalls {
  const spies = RESOLVER_CLASSES.flatMap((resolverClass) => {
    const proto = resolverClass.prototype as Record<string, unknown>;
    return Object.getOwnPropertyNames(proto)
      .filter((name) => name !== 'constructor' && typeof Object.getOwnPropertyDescriptor(proto, name)?.value === 'function')
      .map((name) => ({ key: `${proto.constructor.name}.${name}`, spy: jest.spyOn(proto as Record<string, () => unknown>, name) }));
  });
  return {
    counts: () => Object.fromEntries(spies.filter((s) => s.spy.mock.calls.length > 0).map((s) => [s.key, s.spy.mock.calls.length])),
    total: () => spies.reduce((sum, s) => sum + s.spy.mock.calls.length, 0),
    reset: () => spies.forEach((s) => s.spy.mockClear()),
    restore: () => spies.forEach((s) => s.spy.mockRestore()),
  };
}

/**
 * A limit's refusal: HTTP 400, one error, no data, code BAD_REQUEST with its reason, the limit and
 * the measured value over it in `params`, and the message of `language`'s translation file.
 */
export function expectRefusal(response: GqlResponse<unknown>, reason: string, max: number, language = 'en'): GqlError {
  expect({ status: response.status, data: response.body.data, errors: response.body.errors?.length }).toEqual({ status: 400, data: undefined, errors: 1 });
  const error = response.body.errors![0];
  expect(error.extensions).toEqual({ code: 'BAD_REQUEST', reason, params: { max, actual: expect.any(Number) }, requestId: expect.any(String) });
  expect(error.extensions.params!.actual as number).toBeGreaterThan(max);
  expectMessageIn(error, language);
  return error;
}

/** `{ a0: field a1: field … }` with `count` aliases. */
export function aliases(count: number, field: string): string {
  return `{ ${Array.from({ length: count }, (_, i) => `a${i}: ${field}`).join(' ')} }`;
}

/** `timesheet(id) { declarations { timesheet { declarations … } } }` nested to `depth` levels of fields. */
export function declarationsCycle(depth: number): string {
  let inner = 'id';
  for (let level = depth - 1; level >= 2; level--) inner = `${level % 2 === 0 ? 'declarations' : 'timesheet'} { ${inner} }`;
  return `query ($id: ID!) { timesheet(id: $id) { ${inner} } }`;
}
