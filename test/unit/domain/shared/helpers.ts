import { ValidationError } from '../../../../src/domain/shared/domain-error';

/** The ValidationError `fn` throws (fails the test when it throws nothing or something else). */
export function validationErrorOf(fn: () => unknown): ValidationError {
  try {
    fn();
  } catch (error) {
    if (error instanceof ValidationError) return error;
    throw error;
  }
  throw new Error('expected a ValidationError, but nothing was thrown');
}

export function pathsOf(fn: () => unknown): string[] {
  return validationErrorOf(fn).problems.map((p) => `${p.path}:${p.reason}`);
}
