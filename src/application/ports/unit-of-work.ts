/**
 * Runs work in one database transaction: every repository call inside `run` takes part in it,
 * and all of it is undone when the work throws.
 */
export abstract class UnitOfWork {
  abstract run<T>(work: () => Promise<T>): Promise<T>;
}
