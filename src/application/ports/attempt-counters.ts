/** How many attempts a key has in its current window, and when that window ends. */
export interface AttemptCount {
  readonly count: number;
  /** Milliseconds until the window ends (0 without a window). */
  readonly retryAfterMs: number;
}

/**
 * Counters of attempts (failed logins, password reset requests) per key, in fixed windows that
 * start with the first attempt. Kept where every server process sees them (the database), and
 * read on the application's clock. Keys are the caller's (`login-account:<e-mail>`, …); the
 * adapter need not store them readably.
 */
export abstract class AttemptCounters {
  /** The attempts counted in the key's current window (0 when its window has ended). */
  abstract peek(key: string): Promise<AttemptCount>;
  /** Counts one attempt; the first one (again after a window ended) opens a window of `windowSeconds`. */
  abstract add(key: string, windowSeconds: number): Promise<AttemptCount>;
  /** Forgets the key's attempts. */
  abstract clear(key: string): Promise<void>;
}
