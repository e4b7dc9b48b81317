import { CompiledMinimumBreaks } from './compiled-version';

/** The break a shift needs, and the step of the rule that set it (-1: the entered break is enough). */
export interface RequiredBreak {
  readonly minutes: number;
  readonly step: number;
}

/**
 * The break a shift of `span` real minutes with `entered` minutes of break must have. A step holds
 * when the working time (span minus break) is more than its `over`; the break is then raised to its
 * minimum, but never further than the working time falling to `over` itself: a shift 0:10 over the
 * step loses 0:10, not the whole minimum, so more work never pays less. Steps are checked in
 * ascending order against the working time left by the steps before.
 */
export function requiredBreak(rules: CompiledMinimumBreaks, span: number, entered: number): RequiredBreak {
  let minutes = entered;
  let step = -1;
  const over = rules.over;
  const atLeast = rules.atLeast;
  for (let i = 0; i < over.length; i++) {
    if (span - minutes <= over[i]) break;
    const limit = span - over[i];
    const need = atLeast[i] < limit ? atLeast[i] : limit;
    if (need > minutes) {
      minutes = need;
      step = i;
    }
  }
  return { minutes, step };
}
