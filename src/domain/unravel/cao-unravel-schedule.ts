import { ProblemCollector } from '../shared/domain-error';
import { LocalDate } from '../time/local-date.value-object';
import { CaoUnravelScheduleData, ScheduleVersionData } from './cao-unravel-schedule.data';
import { CompiledVersion } from './compiled-version';
import { parseScheduleData } from './schedule-parser';
import { checkVersionConsistency } from './schedule-consistency';

/**
 * The rules of one CAO for unravelling, versioned by date: each version is valid from its
 * `validFrom` until the next one starts. Pure data, checked once here; the engine uses the
 * compiled form that is built alongside.
 */
export class CaoUnravelSchedule {
  private constructor(
    readonly data: CaoUnravelScheduleData,
    private readonly compiled: readonly CompiledVersion[],
  ) {}

  /**
   * Validates a raw (JSON-like) schedule. Throws a ValidationError listing every problem by path
   * (e.g. `versions[0].ortWindows[2].from`).
   */
  static parse(raw: unknown): CaoUnravelSchedule {
    const problems = new ProblemCollector();
    const data = parseScheduleData(problems, raw);
    problems.throwIfAny();
    const checked = data as CaoUnravelScheduleData;
    checked.versions.forEach((v, i) => checkVersionConsistency(problems, `versions[${i}]`, v));
    problems.throwIfAny();
    return new CaoUnravelSchedule(checked, checked.versions.map((v) => new CompiledVersion(v)));
  }

  get name(): string {
    return this.data.name;
  }

  get versions(): readonly ScheduleVersionData[] {
    return this.data.versions;
  }

  /** The version in force on a date, or undefined before the first one. */
  versionAt(date: LocalDate): ScheduleVersionData | undefined {
    return this.compiledAt(date.epochDay)?.data;
  }

  /** @internal The engine's compiled form of the version in force on an epoch day. */
  compiledAt(epochDay: number): CompiledVersion | undefined {
    const compiled = this.compiled;
    let found: CompiledVersion | undefined;
    for (let i = 0; i < compiled.length; i++) {
      if (compiled[i].validFrom.epochDay > epochDay) break;
      found = compiled[i];
    }
    return found;
  }

  toJSON(): CaoUnravelScheduleData {
    return this.data;
  }
}

/** Validates a raw schedule into a CaoUnravelSchedule, or throws a ValidationError with every problem. */
export function validateCaoUnravelSchedule(raw: unknown): CaoUnravelSchedule {
  return CaoUnravelSchedule.parse(raw);
}
