import { ProblemCollector, ValidationError } from './domain-error';

/** Runs `fn`; the problems of a ValidationError it throws are collected with their paths unchanged. */
export function attemptUnprefixed<T>(problems: ProblemCollector, fn: () => T): T | undefined {
  try {
    return fn();
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    for (const p of error.problems) problems.add(p.path, p.reason, p.message, p.params);
    return undefined;
  }
}
