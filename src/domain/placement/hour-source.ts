import { ProblemCollector, ValidationError } from '../shared/domain-error';
import { boundedText } from '../shared/text';
import { HourCode, HourCodeInput } from './hour-code.value-object';

export const MAX_HOUR_CODES = 20;

/**
 * Where the hour codes of a placement come from: a CAO unravel schedule (the worker enters only
 * totals or times and the software unravels them) or a fixed list of codes the worker fills in
 * by hand. Never both, never neither.
 */
export type HourSource =
  | { readonly kind: 'CAO_SCHEDULE'; readonly caoScheduleId: string }
  | { readonly kind: 'MANUAL_HOUR_CODES'; readonly hourCodes: readonly HourCode[] };

export interface HourSourceInput {
  readonly caoScheduleId?: string | null;
  readonly hourCodes?: readonly HourCodeInput[] | null;
}

/** Problems at `caoScheduleId`, `hourCodes` and `hourCodes[i].<field>`. */
export function parseHourSource(input: HourSourceInput): HourSource {
  const hasSchedule = input.caoScheduleId !== undefined && input.caoScheduleId !== null && input.caoScheduleId.trim() !== '';
  const hasCodes = input.hourCodes !== undefined && input.hourCodes !== null && input.hourCodes.length > 0;
  if (hasSchedule === hasCodes) {
    throw ValidationError.of(
      hasSchedule ? 'hourCodes' : 'caoScheduleId',
      'HOUR_SOURCE_EITHER',
      'Give either a CAO unravel schedule or a non-empty list of hour codes, not both',
    );
  }
  if (hasSchedule) {
    const problems = new ProblemCollector();
    const id = problems.attempt('caoScheduleId', () => boundedText(input.caoScheduleId as string, { max: 64 }));
    problems.throwIfAny();
    return { kind: 'CAO_SCHEDULE', caoScheduleId: id! };
  }
  return { kind: 'MANUAL_HOUR_CODES', hourCodes: parseHourCodes(input.hourCodes as readonly HourCodeInput[]) };
}

function parseHourCodes(inputs: readonly HourCodeInput[]): readonly HourCode[] {
  if (inputs.length > MAX_HOUR_CODES) {
    throw ValidationError.of('hourCodes', 'HOUR_CODES_TOO_MANY', `At most ${MAX_HOUR_CODES} hour codes`, { max: MAX_HOUR_CODES });
  }
  const problems = new ProblemCollector();
  const seen = new Set<string>();
  const codes: HourCode[] = [];
  inputs.forEach((input, index) => {
    const code = problems.attempt(`hourCodes[${index}]`, () => HourCode.create(input));
    if (code === undefined) return;
    if (seen.has(code.code)) {
      problems.add(`hourCodes[${index}].code`, 'HOUR_CODE_DUPLICATE', `Hour code ${code.code} is listed twice`, { value: code.code });
    }
    seen.add(code.code);
    codes.push(code);
  });
  problems.throwIfAny();
  return codes;
}

export function sameHourSource(a: HourSource, b: HourSource): boolean {
  if (a.kind === 'CAO_SCHEDULE' || b.kind === 'CAO_SCHEDULE') {
    return a.kind === b.kind && (a as { caoScheduleId: string }).caoScheduleId === (b as { caoScheduleId: string }).caoScheduleId;
  }
  return a.hourCodes.length === b.hourCodes.length && a.hourCodes.every((code, i) => code.equals(b.hourCodes[i]));
}
