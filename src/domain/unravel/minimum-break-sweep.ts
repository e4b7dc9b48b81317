import { TimeOfDay } from '../time/time-of-day.value-object';
import { formatDuration } from '../time/week-hours.value-object';
import { CompiledMinimumBreaks } from './compiled-version';
import { ExplanationKey } from './explanation-keys';
import { requiredBreak } from './minimum-break';
import { UnravelNote } from './unravel-result';

const NO_NOTES: readonly UnravelNote[] = Object.freeze([]);

/**
 * Raises the break of each shift (block) to the schedule's minimum, in place on the worked
 * stretches of a day (elapsed minutes, breaks already taken out). The shift's length is its
 * working time: its real span minus the break it has. The added break minutes are the last
 * worked minutes of the shift, whatever the placement of the entered break: those minutes stop
 * being paid, so overtime and ORT follow from the minutes that remain, and worked + break = span.
 * Returns one note per raised shift.
 */
export function raiseBreaks(
  rules: CompiledMinimumBreaks,
  blockSpans: readonly number[],
  workStart: Int32Array,
  workEnd: Int32Array,
  workBlock: Int32Array,
  works: number,
  elapsed: (wall: number) => number,
): readonly UnravelNote[] {
  let notes: UnravelNote[] | null = null;
  let i = 0;
  while (i < works) {
    const block = workBlock[i];
    let j = i;
    let worked = 0;
    while (j < works && workBlock[j] === block) {
      worked += workEnd[j] - workStart[j];
      j++;
    }
    const span = Math.max(0, elapsed(blockSpans[block + 1]) - elapsed(blockSpans[block]));
    const entered = span - worked;
    const needed = requiredBreak(rules, span, entered);
    if (needed.step >= 0) {
      let extra = needed.minutes - entered;
      for (let w = j - 1; w >= i && extra > 0; w--) {
        const cut = Math.min(extra, workEnd[w] - workStart[w]);
        workEnd[w] -= cut;
        extra -= cut;
      }
      (notes ??= []).push(note(rules, needed.step, blockSpans[block], blockSpans[block + 1], worked, entered, needed.minutes, span));
    }
    i = j;
  }
  return notes ?? NO_NOTES;
}

function note(rules: CompiledMinimumBreaks, step: number, from: number, to: number, worked: number, entered: number, pause: number, span: number): UnravelNote {
  return {
    rule: rules.rule,
    explanation: {
      key: ExplanationKey.BREAK_RAISED,
      params: {
        from: wallLabel(from), to: wallLabel(to), worked: formatDuration(worked), over: formatDuration(rules.over[step]),
        atLeast: formatDuration(rules.atLeast[step]), entered: formatDuration(entered), break: formatDuration(pause), paid: formatDuration(span - pause),
      },
    },
  };
}

function wallLabel(minute: number): string {
  return TimeOfDay.ofMinuteOfDay(minute % 1440).toString();
}
