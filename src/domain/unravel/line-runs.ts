import { LocalDate } from '../time/local-date.value-object';
import { LineClass } from './line-class';
import { ResultLine } from './result-line';
import { TIME_LABELS } from './time-labels';
import { UnravelLine } from './unravel-result';

const NO_LINES: readonly UnravelLine[] = Object.freeze([]);

/**
 * The runs of minutes of one work day, per line class, in typed arrays that are reused from day
 * to day. A run continues while minutes of the same class follow on the same date without a gap;
 * the day's lines are made from the runs at the end. Also keeps the week totals per class.
 */
export class LineRuns {
  /** Classes with minutes in the week in progress, for its totals. */
  readonly touched: LineClass[] = [];
  private weekStamp = 0;
  private readonly runClass: LineClass[] = [];
  private runDate = new Int8Array(64);
  private runFrom = new Int32Array(64);
  private runTo = new Int32Array(64);
  private runMinutes = new Int32Array(64);
  private runEnd = new Int32Array(64);
  private runs = 0;
  private lastTime = -1;

  startWeek(): void {
    this.weekStamp++;
    this.touched.length = 0;
  }

  startDay(): void {
    this.runs = 0;
    this.lastTime = -1;
  }

  /**
   * Adds `n` minutes of a class on date `k` (0: the work day, 1: the next), wall minutes
   * `from`–`to` (-1: unknown), starting at elapsed minute `elapsed`. A time line continues only
   * the last time run; a surcharge the last run of its class among the latest few.
   */
  add(cls: LineClass, k: number, from: number, to: number, elapsed: number, n: number, isTime: boolean): void {
    let r = -1;
    if (isTime) {
      r = this.lastTime;
    } else {
      for (let i = this.runs - 1; i >= 0 && i >= this.runs - 8; i--) {
        if (this.runClass[i] === cls) {
          r = i;
          break;
        }
      }
    }
    if (r >= 0 && this.runClass[r] === cls && this.runDate[r] === k && this.runEnd[r] === elapsed) {
      this.runMinutes[r] += n;
      this.runEnd[r] += n;
      this.runTo[r] = to;
      return;
    }
    if (this.runs === this.runFrom.length) this.grow();
    r = this.runs++;
    this.runClass[r] = cls;
    this.runDate[r] = k;
    this.runFrom[r] = from;
    this.runTo[r] = to;
    this.runMinutes[r] = n;
    this.runEnd[r] = elapsed + n;
    if (isTime) this.lastTime = r;
  }

  /** The day's lines; `dates` are the work day's date and the next. */
  lines(dates: readonly LocalDate[]): readonly UnravelLine[] {
    if (this.runs === 0) return NO_LINES;
    const out = new Array<UnravelLine>(this.runs);
    for (let r = 0; r < this.runs; r++) {
      const cls = this.runClass[r];
      const from = this.runFrom[r];
      if (cls.weekStamp !== this.weekStamp) {
        cls.weekStamp = this.weekStamp;
        cls.weekMinutes = 0;
        this.touched.push(cls);
      }
      cls.weekMinutes += this.runMinutes[r];
      out[r] = new ResultLine(dates[this.runDate[r]], cls, this.runMinutes[r], from < 0 ? null : TIME_LABELS[from], from < 0 ? null : TIME_LABELS[this.runTo[r]]);
    }
    return out;
  }

  private grow(): void {
    const date = new Int8Array(this.runDate.length * 2);
    date.set(this.runDate);
    this.runDate = date;
    this.runFrom = grow(this.runFrom);
    this.runTo = grow(this.runTo);
    this.runMinutes = grow(this.runMinutes);
    this.runEnd = grow(this.runEnd);
  }
}

export function grow(array: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> {
  const bigger = new Int32Array(array.length * 2);
  bigger.set(array);
  return bigger;
}
