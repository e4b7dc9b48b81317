import { LocalDate } from '../time/local-date.value-object';
import { LineClass } from './line-class';
import { Explanation, LineKind, RuleReference, UnravelLine } from './unravel-result';

/**
 * A result line as the engine makes it: its own date, minutes and times, and a reference to the
 * shared line class for hour code, kind, percentage, rule and explanation (a flyweight: a week
 * makes many lines of few classes). Prints itself as the flat JSON of UnravelLine.
 */
export class ResultLine implements UnravelLine {
  constructor(
    readonly date: LocalDate,
    private readonly lineClass: LineClass,
    readonly minutes: number,
    readonly from: string | null,
    readonly to: string | null,
  ) {}

  get hourCode(): string {
    return this.lineClass.hourCode;
  }

  get kind(): LineKind {
    return this.lineClass.kind;
  }

  get percentage(): number {
    return this.lineClass.percentage;
  }

  get rule(): RuleReference {
    return this.lineClass.rule;
  }

  get explanation(): Explanation {
    return this.lineClass.explanation;
  }

  toJSON(): UnravelLine {
    return {
      date: this.date,
      hourCode: this.hourCode,
      kind: this.kind,
      percentage: this.percentage,
      minutes: this.minutes,
      from: this.from,
      to: this.to,
      rule: this.rule,
      explanation: this.explanation,
    };
  }
}
