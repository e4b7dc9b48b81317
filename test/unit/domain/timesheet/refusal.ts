import {
  ConflictError, DomainError, ErrorCategory, ErrorParams, ForbiddenError, ValidationError,
} from '../../../../src/domain/shared/domain-error';
import { domainErrorOf } from '../../../support/mothers/timesheet.mother';

export interface ExpectedRefusal {
  readonly error: typeof ValidationError | typeof ConflictError | typeof ForbiddenError;
  readonly category: ErrorCategory;
  readonly reason: string;
  /** For a ValidationError: the path of its one problem. */
  readonly path?: string;
  readonly params?: ErrorParams;
}

interface Stateful {
  toState(): unknown;
}

/**
 * Runs a transition that must be refused: checks the error's class, category, reason (and path
 * and params when given), and that none of `watched` changed, comparing a deep copy of each
 * `toState()` taken before with the one after.
 */
export function expectRefused(fn: () => unknown, expected: ExpectedRefusal, watched: readonly Stateful[] = []): DomainError {
  const before = watched.map((w) => structuredClone(w.toState()));
  const error = domainErrorOf(fn);
  expect(error).toBeInstanceOf(expected.error);
  expect({ category: error.category, reason: error.reason }).toEqual({ category: expected.category, reason: expected.reason });
  if (error instanceof ValidationError) {
    expect(expected.path).toBeDefined();
    expect(error.problems.map((p) => `${p.path}:${p.reason}`)).toEqual([`${expected.path}:${expected.reason}`]);
  }
  if (expected.params !== undefined) expect(error.params).toEqual(expected.params);
  expect(watched.map((w) => structuredClone(w.toState()))).toEqual(before);
  return error;
}

export const conflict = (reason: string, params?: ErrorParams): ExpectedRefusal => ({ error: ConflictError, category: 'CONFLICT', reason, params });
export const forbidden = (reason: string, params?: ErrorParams): ExpectedRefusal => ({ error: ForbiddenError, category: 'FORBIDDEN', reason, params });
export const badInput = (path: string, reason: string, params?: ErrorParams): ExpectedRefusal => ({
  error: ValidationError, category: 'BAD_USER_INPUT', reason, path, params,
});
