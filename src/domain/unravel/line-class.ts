import { Explanation, LineKind, RuleReference } from './unravel-result';

/**
 * One kind of line a schedule version can make (hour code, kind, percentage, rule, explanation),
 * built once when the version is compiled and shared by every line it makes, so that the hot path
 * only counts minutes.
 */
export class LineClass {
  private yielded: LineClass | undefined;
  /** Scratch for the week totals of the call in progress (the engine runs one call at a time). */
  weekStamp = 0;
  weekMinutes = 0;

  constructor(
    readonly hourCode: string,
    readonly kind: LineKind,
    readonly percentage: number,
    readonly rule: RuleReference,
    readonly explanation: Explanation,
    private readonly normalCode = hourCode,
  ) {}

  get isOvertime(): boolean {
    return this.kind === 'OVERTIME';
  }

  /** This overtime paid as normal time because the ORT on the same minute wins (or replaces it). */
  yieldedToOrt(key: string): LineClass {
    if (!this.yielded || this.yielded.explanation.key !== key) {
      this.yielded = new LineClass(this.normalCode, 'NORMAL', 100, this.rule, {
        key,
        params: { overtimePercentage: this.percentage },
      });
    }
    return this.yielded;
  }
}
