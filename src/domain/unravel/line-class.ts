import { Explanation, LineKind, RuleReference } from './unravel-result';

const TOTAL_IDS = new Map<string, number>();

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
  /** Equal for classes of the same hour code, kind and percentage: they share a week total. */
  readonly totalId: number;

  constructor(
    readonly hourCode: string,
    readonly kind: LineKind,
    readonly percentage: number,
    readonly rule: RuleReference,
    readonly explanation: Explanation,
    private readonly normalCode = hourCode,
  ) {
    const key = `${hourCode}\u0000${kind}\u0000${percentage}`;
    let id = TOTAL_IDS.get(key);
    if (id === undefined) {
      id = TOTAL_IDS.size;
      TOTAL_IDS.set(key, id);
    }
    this.totalId = id;
  }

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
