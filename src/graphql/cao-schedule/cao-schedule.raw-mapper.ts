import { Problem, ProblemCollector, ValidationError } from '../../domain/shared/domain-error';
import { UnravelReason } from '../../domain/unravel/unravel.errors';
import { CaoUnravelScheduleVersionInput, CreateCaoUnravelScheduleInput, OrtWindowInput } from './cao-schedule.inputs';

/**
 * Turns the GraphQL inputs into the engine's raw JSON (the domain validates it), and the paths of
 * the domain's problems back into paths of the input. Fields left out or null are left out, so
 * the engine fills in its defaults. The one difference of form: an ORT window's percentage is a
 * number or a table per day in the engine, `percentage` or `percentageByDay` in the input.
 */
export class ScheduleRawMapper {
  private readonly problems = new ProblemCollector();
  /** Per ORT window given by day (its path): the days in the order of the input. */
  private readonly tables = new Map<string, readonly string[]>();

  schedule(input: CreateCaoUnravelScheduleInput): unknown {
    return this.checked(
      plain({ name: input.name, source: input.source, versions: input.versions.map((v, i) => this.rawVersion(v, `versions[${i}]`)) }),
    );
  }

  /** `path` is where the version sits in the input (`version`). */
  version(input: CaoUnravelScheduleVersionInput, path: string): unknown {
    return this.checked(this.rawVersion(input, path));
  }

  /**
   * The same problems at the paths of the input. The engine's problems get their text from the
   * `unravel` namespace in the viewer's language (the error plugin knows only `errors`).
   */
  inputProblems(error: ValidationError, translate: Translate): ValidationError {
    return new ValidationError(error.problems.map((p) => ({ ...inEngineTerms(p, translate), path: this.inputPath(p.path) })));
  }

  private checked(raw: unknown): unknown {
    this.problems.throwIfAny();
    return raw;
  }

  private rawVersion(input: CaoUnravelScheduleVersionInput, path: string): unknown {
    const { ortWindows, ...rest } = input;
    return plain({ ...rest, ortWindows: ortWindows?.map((w, i) => this.ortWindow(w, `${path}.ortWindows[${i}]`)) });
  }

  private ortWindow(input: OrtWindowInput, path: string): unknown {
    const { percentage, percentageByDay, ...rest } = input;
    const byDay = percentageByDay ?? null;
    if ((percentage === null || percentage === undefined) === (byDay === null)) {
      this.problems.add(`${path}.percentage`, 'PERCENTAGE_EITHER', 'Give either one percentage or a percentage per day');
    }
    if (byDay === null) return { ...rest, percentage };
    const table: Record<string, number> = {};
    byDay.forEach((entry, i) => {
      if (entry.day in table) {
        this.problems.add(`${path}.percentageByDay[${i}].day`, 'PERCENTAGE_DAY_DUPLICATE', `${entry.day} is listed twice`, { value: entry.day });
      }
      table[entry.day] = entry.percentage;
    });
    this.tables.set(path, byDay.map((entry) => entry.day));
    return { ...rest, percentage: table };
  }

  /** `….ortWindows[1].percentage.MON` of a window given by day is `….ortWindows[1].percentageByDay[i].percentage`. */
  private inputPath(path: string): string {
    const match = /^(.*ortWindows\[\d+\])\.percentage(?:\.([A-Z]+))?$/.exec(path);
    const days = match ? this.tables.get(match[1]) : undefined;
    if (!match || !days) return path;
    if (match[2] === undefined) return `${match[1]}.percentageByDay`;
    const index = days.indexOf(match[2]);
    return index < 0 ? path : `${match[1]}.percentageByDay[${index}].percentage`;
  }
}

export type Translate = (key: string, params: Readonly<Record<string, unknown>>) => string | undefined;

const ENGINE_REASONS: ReadonlySet<string> = new Set(Object.values(UnravelReason));

function inEngineTerms(problem: Problem, translate: Translate): Problem {
  if (!ENGINE_REASONS.has(problem.reason)) return problem;
  const message = translate(`unravel:${problem.reason}`, problem.params ?? {}) ?? problem.message;
  // PERCENTAGE_RANGE is also a key of `errors` (hour codes), whose text names the range.
  const params = problem.reason === UnravelReason.PERCENTAGE_RANGE ? { min: 0, max: 500, ...problem.params } : problem.params;
  return { ...problem, message, params };
}

/** Plain JSON of an input object: nested inputs as plain objects, fields that are null or left out omitted. */
function plain(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(plain);
  if (typeof value !== 'object' || value === null) return value;
  const result: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value)) {
    if (field !== null && field !== undefined) result[key] = plain(field);
  }
  return result;
}
