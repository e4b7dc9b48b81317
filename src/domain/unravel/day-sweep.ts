import { LocalDate } from '../time/local-date.value-object';
import { CompiledOvertime, CompiledVersion } from './compiled-version';
import { DayProfile, Segment } from './day-profile';
import { ExplanationKey } from './explanation-keys';
import { LineClass } from './line-class';
import { raiseBreaks } from './minimum-break-sweep';
import { UnravelLine, UnravelNote } from './unravel-result';
import { WorkDay } from './work-day.value-object';
import { grow, LineRuns } from './line-runs';

/**
 * What the sweep needs of the dates a shift can touch and of the week: one mutable object that
 * the service refills for every work day, so that no context is allocated per day.
 */
export class SweepDay {
  version!: CompiledVersion;
  /** Kinds of the date before, the work day's date and the date after. */
  readonly kinds = new Int8Array(3);
  readonly dates: LocalDate[] = [];
  /** Clock change per date (work day, next day): local minute and shift (0 when none). */
  readonly changeAt = new Int32Array(2);
  readonly changeShift = new Int32Array(2);
  extra: LineClass | null = null;
  contract = 0;
}

const NO_SURCHARGE = -1;
/** Elapsed position of minutes that were not worked: far from any real minute, so never merged with one. */
const NOT_ELAPSED = -1_000_000;
const NO_LINES: readonly UnravelLine[] = Object.freeze([]);
const NO_NOTES: readonly UnravelNote[] = Object.freeze([]);

/**
 * Walks the worked minutes of one work day in time order, in stretches where nothing changes
 * (a date boundary, a clock change, a window edge, an overtime threshold), and writes runs of
 * minutes per line class. Integer minutes throughout; buffers are reused from day to day.
 */
export class DaySweep {
  weekMinutes = 0;
  readonly runs = new LineRuns();
  private workStart = new Int32Array(16);
  private workEnd = new Int32Array(16);
  private workBlock = new Int32Array(16);
  private works = 0;
  private dayOrdinal = 0;
  private surcharge: LineClass | null = null;
  private d!: SweepDay;
  private daily: CompiledOvertime | null = null;
  private dayLength0 = 1440;
  private profile0!: DayProfile;
  private profile1!: DayProfile;
  private weekdayOvertime0: LineClass | null = null;
  private weekdayOvertime1: LineClass | null = null;
  private counted = false;
  /** While a shift's surcharges are chosen: worked minutes inside each MINUTES_INSIDE window. */
  private readonly inside = new Int32Array(32);
  private counting = false;

  startWeek(): void {
    this.weekMinutes = 0;
    this.runs.startWeek();
  }

  /** The line classes with minutes in the week so far (their `weekMinutes` are the totals). */
  get touched(): readonly LineClass[] {
    return this.runs.touched;
  }

  /** The lines of the last day run. */
  lines: readonly UnravelLine[] = NO_LINES;
  /** The breaks the last day run raised to the schedule's minimum (empty when none). */
  adjustments: readonly UnravelNote[] = NO_NOTES;

  /** Unravels one work day; returns its real worked minutes and leaves its lines in `lines`. */
  run(day: WorkDay, d: SweepDay): number {
    this.d = d;
    this.runs.startDay();
    this.adjustments = NO_NOTES;
    this.dayOrdinal = 0;
    const version = d.version;
    this.daily = version.dailyByKind[d.kinds[1]];
    // What is fixed for the day, looked up once: the profiles and weekday overtime of both dates.
    this.profile0 = version.profile(d.kinds[0], d.kinds[1]);
    this.profile1 = version.profile(d.kinds[1], d.kinds[2]);
    this.weekdayOvertime0 = version.weekdayOvertimeByKind[d.kinds[1]];
    this.weekdayOvertime1 = version.weekdayOvertimeByKind[d.kinds[2]];
    this.counted = version.weekly !== null && (version.weekly.countedMask & (1 << d.kinds[1])) !== 0;
    const worked = day.totalMinutes === null ? this.sweepTimes(day) : this.sweepTotal(day.totalMinutes);
    this.lines = this.runs.lines(d.dates);
    return worked;
  }

  private sweepTotal(total: number): number {
    const wholeDay = this.profile0.wholeDay;
    this.surcharge = this.chooseSurcharge(this.totalMask(wholeDay.shiftMask, total));
    const whole = wholeDay as unknown as Segment;
    this.sweepSegment(whole, 0, -1, 0, total, 0);
    this.payMinimum(total);
    return total;
  }

  /**
   * A call (a block, or a day total) of less than the version's minimum pay per call gets the
   * missing minutes as a MINIMUM_PAY line of its own: paid, not worked, so no time, no ORT and
   * no count towards the week. Each call gets its own line (the sentinel keeps runs apart).
   */
  private payMinimum(call: number): void {
    const minimum = this.d.version.minimumPay;
    if (minimum === null || call <= 0 || call >= minimum.minutes) return;
    this.runs.add(minimum.line, 0, -1, -1, NOT_ELAPSED, minimum.minutes - call, false);
  }

  private sweepTimes(day: WorkDay): number {
    this.dayLength0 = 1440 - this.d.changeShift[0];
    this.buildWork(day);
    const minimum = this.d.version.minimumBreaks;
    if (minimum !== null) {
      this.adjustments = raiseBreaks(minimum, day.blockSpans, this.workStart, this.workEnd, this.workBlock, this.works, (wall) => this.elapsed(wall));
    }
    let worked = 0;
    let i = 0;
    while (i < this.works) {
      const block = this.workBlock[i];
      let j = i;
      while (j < this.works && this.workBlock[j] === block) j++;
      if (this.daily !== null && this.daily.perShift) this.dayOrdinal = 0;
      this.surcharge = this.d.version.shiftSurcharges.length > 0 ? this.chooseSurcharge(this.heldMask(day, i, j)) : null;
      let call = 0;
      for (let w = i; w < j; w++) {
        call += this.workEnd[w] - this.workStart[w];
        this.walk(this.workStart[w], this.workEnd[w], true);
      }
      this.payMinimum(call);
      worked += call;
      i = j;
    }
    return worked;
  }

  /** The worked stretches in elapsed minutes from 00:00 of the work day, breaks taken out. */
  private buildWork(day: WorkDay): void {
    this.works = 0;
    const spans = day.blockSpans;
    const breaks = day.breakSpans;
    if (breaks.length > 0) {
      for (let b = 0; b < spans.length; b += 2) {
        let cursor = this.elapsed(spans[b]);
        const end = this.elapsed(spans[b + 1]);
        for (let p = 0; p < breaks.length; p += 2) {
          if (breaks[p] < spans[b] || breaks[p + 1] > spans[b + 1]) continue;
          this.addWork(cursor, this.elapsed(breaks[p]), b);
          cursor = Math.max(cursor, this.elapsed(breaks[p + 1]));
        }
        this.addWork(cursor, end, b);
      }
      return;
    }
    let gross = 0;
    for (let b = 0; b < spans.length; b += 2) gross += Math.max(0, this.elapsed(spans[b + 1]) - this.elapsed(spans[b]));
    const pause = day.breakMinutes < gross ? day.breakMinutes : gross;
    const placement = this.d.version.breakPlacement;
    let pauseStart = gross - pause;
    if (placement.mode === 'START') pauseStart = 0;
    else if (placement.mode === 'AFTER_WORKED' && gross >= placement.after + pause) pauseStart = placement.after;
    const pauseEnd = pauseStart + pause;
    let offset = 0;
    for (let b = 0; b < spans.length; b += 2) {
      const start = this.elapsed(spans[b]);
      const length = Math.max(0, this.elapsed(spans[b + 1]) - start);
      if (pause === 0) {
        this.addWork(start, start + length, b);
        continue;
      }
      const cutFrom = Math.min(Math.max(pauseStart - offset, 0), length);
      const cutTo = Math.min(Math.max(pauseEnd - offset, 0), length);
      this.addWork(start, start + cutFrom, b);
      this.addWork(start + cutTo, start + length, b);
      offset += length;
    }
  }

  private addWork(start: number, end: number, block: number): void {
    if (end <= start) return;
    if (this.works === this.workStart.length) {
      this.workStart = grow(this.workStart);
      this.workEnd = grow(this.workEnd);
      this.workBlock = grow(this.workBlock);
    }
    this.workStart[this.works] = start;
    this.workEnd[this.works] = end;
    this.workBlock[this.works] = block;
    this.works++;
  }

  /** The gaps between consecutive blocks of the day just run, in real elapsed minutes (none for one block or a day total). */
  blockGaps(day: WorkDay): number[] {
    const spans = day.blockSpans;
    const gaps: number[] = [];
    for (let b = 2; b < spans.length; b += 2) gaps.push(this.elapsed(spans[b]) - this.elapsed(spans[b - 1]));
    return gaps;
  }

  /**
   * Wall-clock minute (0 … 2880 from the work day's 00:00) to real elapsed minutes. A time that the
   * clock skips (spring) is the moment of the change; a time it shows twice (autumn) is its first
   * occurrence.
   */
  private elapsed(wall: number): number {
    const k = wall >= 1440 ? 1 : 0;
    const w = wall - k * 1440;
    const base = k === 0 ? 0 : this.dayLength0;
    const shift = this.d.changeShift[k];
    if (shift === 0) return base + w;
    const at = this.d.changeAt[k];
    if (w < at) return base + w;
    if (w < at + shift) return base + at;
    return base + w - shift;
  }

  /** Walks elapsed [start, end) over the wall-clock pieces of the two dates. */
  private walk(start: number, end: number, emit: boolean, mask = 0): number {
    for (let k = 0; k < 2; k++) {
      const base = k === 0 ? 0 : this.dayLength0;
      const shift = this.d.changeShift[k];
      const dateEnd = base + 1440 - shift;
      if (end <= base || start >= dateEnd) continue;
      const profile = k === 0 ? this.profile0 : this.profile1;
      if (shift === 0) {
        mask |= this.piece(profile, k, start, end, base, 0, 1440, emit);
      } else {
        const at = this.d.changeAt[k];
        mask |= this.piece(profile, k, start, end, base, 0, at, emit);
        mask |= this.piece(profile, k, start, end, base + at, at + shift, 1440, emit);
      }
    }
    return mask;
  }

  /** One wall-clock piece of a date: elapsed `pieceStart` shows `wallFrom`, up to `wallTo`. */
  private piece(profile: DayProfile, k: number, start: number, end: number, pieceStart: number, wallFrom: number, wallTo: number, emit: boolean): number {
    const from = Math.max(start, pieceStart);
    const to = Math.min(end, pieceStart + wallTo - wallFrom);
    if (to <= from) return 0;
    const w0 = wallFrom + from - pieceStart;
    const w1 = wallFrom + to - pieceStart;
    let mask = 0;
    const segments = profile.segments;
    for (let s = 0; s < segments.length; s++) {
      const seg = segments[s];
      if (seg.end <= w0) continue;
      if (seg.start >= w1) break;
      const a = seg.start > w0 ? seg.start : w0;
      const b = seg.end < w1 ? seg.end : w1;
      if (emit) this.sweepSegment(seg, k, a, from + a - w0, b - a, 1);
      else {
        mask |= seg.shiftMask;
        if (this.counting && seg.shiftMask !== 0) this.countInside(seg.shiftMask, b - a);
      }
    }
    return mask;
  }

  private touchedMask(first: number, last: number): number {
    let mask = 0;
    for (let w = first; w < last; w++) mask |= this.walk(this.workStart[w], this.workEnd[w], false);
    return mask;
  }

  /**
   * The shift surcharges whose condition the shift (works first … last-1, one block) meets:
   * TOUCHES when a worked minute is in the window; MINUTES_INSIDE when more than `over` worked
   * minutes are (real minutes: the pieces are walked in elapsed time, so an hour the clock shows
   * twice counts twice); STARTS_INSIDE when the block's start (as entered, even where a break
   * placed at the start means the first worked minute comes later) is in the window.
   */
  private heldMask(day: WorkDay, first: number, last: number): number {
    const conditions = this.d.version.shiftConditions;
    if (conditions.minutesInside === 0 && conditions.startsInside === 0) return this.touchedMask(first, last);
    const counting = conditions.minutesInside !== 0;
    if (counting) this.inside.fill(0);
    this.counting = counting;
    const touched = this.touchedMask(first, last);
    this.counting = false;
    let mask = touched & conditions.touches;
    const inside = touched & conditions.minutesInside;
    if (inside !== 0) {
      const all = this.d.version.shiftSurcharges;
      for (let i = 0; i < all.length; i++) if ((inside & (1 << i)) !== 0 && this.inside[i] > all[i].over) mask |= 1 << i;
    }
    if (conditions.startsInside !== 0) {
      const start = this.elapsed(day.blockSpans[this.workBlock[first]]);
      mask |= this.walk(start, start + 1, false) & conditions.startsInside;
    }
    return mask;
  }

  private countInside(shiftMask: number, minutes: number): void {
    for (let i = 0; shiftMask !== 0; i++, shiftMask >>>= 1) if ((shiftMask & 1) !== 0) this.inside[i] += minutes;
  }

  /** A day total has no times: a window covering its whole date holds it all, so its minutes inside are the total. */
  private totalMask(mask: number, total: number): number {
    const inside = mask & this.d.version.shiftConditions.minutesInside;
    if (inside === 0) return mask;
    const all = this.d.version.shiftSurcharges;
    for (let i = 0; i < all.length; i++) if ((inside & (1 << i)) !== 0 && total <= all[i].over) mask &= ~(1 << i);
    return mask;
  }

  private chooseSurcharge(mask: number): LineClass | null {
    if (mask === 0) return null;
    let best = NO_SURCHARGE;
    const all = this.d.version.shiftSurcharges;
    for (let i = 0; i < all.length; i++) {
      if ((mask & (1 << i)) !== 0 && (best === NO_SURCHARGE || all[i].percentage > all[best].percentage)) best = i;
    }
    return all[best].line;
  }

  /**
   * `length` minutes of one segment, starting at wall minute `wall` (-1: unknown) and elapsed
   * `elapsedStart`, cut where an overtime threshold falls. `wallStep` is 0 for day totals.
   */
  private sweepSegment(seg: Segment, k: number, wall: number, elapsedStart: number, length: number, wallStep: number): void {
    const version = this.d.version;
    const weekdayOvertime = k === 0 ? this.weekdayOvertime0 : this.weekdayOvertime1;
    const weekly = version.weekly;
    const counted = this.counted;
    while (length > 0) {
      let n = length;
      let overtime: LineClass | null = weekdayOvertime;
      const daily = this.daily;
      if (daily !== null) {
        const tiers = daily.tiers;
        for (let t = tiers.length - 1; t >= 0; t--) {
          if (this.dayOrdinal >= tiers[t].after) {
            const cls = seg.tiers[tiers[t].index];
            if (overtime === null || cls.percentage > overtime.percentage) overtime = cls;
            break;
          }
        }
        for (let t = 0; t < tiers.length; t++) {
          const gap = tiers[t].after - this.dayOrdinal;
          if (gap > 0) {
            if (gap < n) n = gap;
            break;
          }
        }
      }
      let time: LineClass;
      if (overtime !== null) time = overtime;
      else if (counted) {
        time = this.weeklyClass(seg, weekly as CompiledOvertime);
        const room = this.weeklyRoom(weekly as CompiledOvertime);
        if (room < n) n = room;
        this.weekMinutes += n;
      } else time = version.normal;
      this.emitChunk(time, seg, k, wall, wallStep === 0 ? -1 : wall + n, elapsedStart, n);
      this.dayOrdinal += n;
      length -= n;
      elapsedStart += n;
      if (wallStep !== 0) wall += n;
    }
  }

  private weeklyClass(seg: Segment, weekly: CompiledOvertime): LineClass {
    const tiers = weekly.tiers;
    for (let t = tiers.length - 1; t >= 0; t--) {
      if (this.weekMinutes >= tiers[t].after) return seg.tiers[tiers[t].index];
    }
    if (this.d.extra !== null && this.weekMinutes >= this.d.contract) return this.d.extra;
    return this.d.version.normal;
  }

  /** Minutes until the weekly count reaches its next boundary (contract hours or a tier). */
  private weeklyRoom(weekly: CompiledOvertime): number {
    const at = this.weekMinutes;
    if (this.d.extra !== null && at < this.d.contract) return this.d.contract - at;
    const tiers = weekly.tiers;
    for (let t = 0; t < tiers.length; t++) if (tiers[t].after > at) return tiers[t].after - at;
    return 0x7fffffff;
  }

  private emitChunk(time: LineClass, seg: Segment, k: number, from: number, to: number, elapsed: number, n: number): void {
    const ort = seg.ort;
    if (ort.length > 0 && time.kind === 'OVERTIME' && seg.ortSum > 0) {
      const rule = this.d.version.overtimeWithOrt;
      if (rule === 'HIGHEST') {
        if (time.percentage >= 100 + seg.ortSum) {
          this.runs.add(time, k, from, to, elapsed, n, true);
          if (this.surcharge !== null) this.runs.add(this.surcharge, k, from, to, elapsed, n, false);
          return;
        }
        time = time.yieldedToOrt(ExplanationKey.OVERTIME_OUTWEIGHED_BY_ORT);
      } else if (rule === 'ORT_REPLACES_OVERTIME') {
        time = time.yieldedToOrt(ExplanationKey.OVERTIME_REPLACED_BY_ORT);
      }
    }
    this.runs.add(time, k, from, to, elapsed, n, true);
    for (let i = 0; i < ort.length; i++) if (ort[i].percentage > 0) this.runs.add(ort[i], k, from, to, elapsed, n, false);
    if (this.surcharge !== null) this.runs.add(this.surcharge, k, from, to, elapsed, n, false);
  }
}

