import { Ctx, Field, FieldResolver, ID, Int, ObjectType, registerEnumType, Resolver, Root } from 'type-graphql';
import { Placement } from '../../domain/placement/placement.entity';
import { formatDuration } from '../../domain/time/week-hours.value-object';
import { BreakdownAllowance, BreakdownAllowanceTotal, BreakdownDay, BreakdownLine, BreakdownTotal, HoursBreakdown } from '../../domain/timesheet/hours-breakdown';
import { PeriodSettlement } from '../../domain/timesheet/period-settlement.data';
import { Explanation, RuleReference } from '../../domain/unravel/unravel-result';
import { GraphQLContext } from '../context';
import { enumOf } from '../shared/enums';
import { LocalDateScalar } from '../shared/local-date.scalar';
import { HoursMinutesScalar, IsoWeekScalar, LocalTimeScalar } from '../shared/scalars';

export const HOUR_LINE_KINDS = ['NORMAL', 'EXTRA', 'OVERTIME', 'ORT', 'SHIFT_SURCHARGE', 'MINIMUM_PAY', 'MANUAL', 'PERIOD_OVERTIME', 'ALLOWANCE'] as const;
export const HourLineKindEnum = enumOf(HOUR_LINE_KINDS);
registerEnumType(HourLineKindEnum, {
  name: 'HourLineKind',
  description:
    'NORMAL, EXTRA and OVERTIME lines hold every worked minute once; ORT and SHIFT_SURCHARGE come on top of them. MINIMUM_PAY: minutes paid but not worked (a call shorter than the minimum pay per call). MANUAL: filled in per hour code by hand. PERIOD_OVERTIME: overtime over a settlement period of several weeks, on the period\'s last week; its percentage is the part above 100 %, paid on top of minutes already paid in their own weeks. ALLOWANCE: a fixed allowance counted per occurrence (AllowanceLine, and a payroll export line with a count and no minutes); never a kind of HourLine.',
});

@ObjectType('ExplanationParam', { description: 'One named value filled into an explanation text, e.g. percentage = 25.' })
export class ExplanationParamType {
  @Field({ description: 'The parameter name used in the message, e.g. percentage or from.' }) name: string;
  @Field({ description: 'The value as text (numbers and times written out, e.g. "25", "20:00").' }) value: string;
}

@ObjectType('Explanation', { description: 'Why a line is what it is: a stable key with parameters, and the text in the viewer\'s language.' })
export class ExplanationType {
  @Field({ description: 'A key of the `unravel` message namespace, e.g. `line.ort`.' }) key: string;
  @Field(() => [ExplanationParamType], { description: 'The values the key takes, for clients that build the text themselves; empty when none.' }) params: ExplanationParamType[];
  raw: Explanation;

  static from(explanation: Explanation): ExplanationType {
    const params = Object.entries(explanation.params).map(([name, value]) => Object.assign(new ExplanationParamType(), { name, value: String(value) }));
    return Object.assign(new ExplanationType(), { key: explanation.key, params, raw: explanation });
  }
}

@Resolver(() => ExplanationType)
export class ExplanationFieldsResolver {
  @FieldResolver(() => String, { description: "The explanation in the viewer's language." })
  text(@Root() explanation: ExplanationType, @Ctx() ctx: GraphQLContext): string {
    return ctx.translate(`unravel:${explanation.key}`, explanation.raw.params) ?? explanation.key;
  }
}

@ObjectType('RuleReference', { description: 'The rule of a schedule version that made a line.' })
export class RuleReferenceType {
  @Field(() => LocalDateScalar, { description: 'The version (its validFrom date).' }) scheduleVersion: string;
  @Field({ description: "The rule's id in the schedule." }) rule: string;

  static from(ref: RuleReference): RuleReferenceType {
    return Object.assign(new RuleReferenceType(), { scheduleVersion: ref.scheduleVersion, rule: ref.rule });
  }
}

@ObjectType('HourLine', { description: 'Minutes of one hour code on one date.' })
export class HourLineType {
  @Field(() => LocalDateScalar, { description: 'The date the minutes fall on (the next date for the part of a night shift past midnight).' })
  date: string;
  @Field({ description: 'The hour code the minutes are paid under, e.g. U100, OW125, ORT-AVOND.' }) hourCode: string;
  @Field(() => HourLineKindEnum, { description: 'What kind of hours: NORMAL, EXTRA, OVERTIME, ORT, SHIFT_SURCHARGE, MINIMUM_PAY, MANUAL or PERIOD_OVERTIME.' }) kind: string;
  @Field(() => Int, { description: 'The pay percentage, e.g. 100, 125; for ORT, SHIFT_SURCHARGE and PERIOD_OVERTIME the surcharge on top, e.g. 25.' }) percentage: number;
  @Field(() => Int, { description: 'The minutes of this line (whole minutes).' }) minutes: number;
  @Field(() => HoursMinutesScalar, { description: 'The same minutes as H:MM.' }) hours: string;
  @Field(() => LocalTimeScalar, { nullable: true, description: 'Local HH:MM; null for a day entered as a total.' }) from: string | null;
  @Field(() => LocalTimeScalar, { nullable: true, description: 'Local HH:MM (24:00 at midnight); null for a day entered as a total.' }) to: string | null;
  @Field(() => RuleReferenceType, { nullable: true, description: 'Null for MANUAL lines.' }) rule: RuleReferenceType | null;
  @Field(() => ExplanationType, { description: 'Why this line is what it is, with the text in the viewer\'s language.' }) explanation: ExplanationType;
  // label: HourLabelsResolver
  /** Whose hour codes name the line (the `label` field reads the placement's labels). */
  placementId: string | null;
  /** That placement when it is at hand already (the label is then made without a loader); undefined when not. */
  placement?: Placement | null;

  static from(line: BreakdownLine, placementId: string | null = null, placement?: Placement | null): HourLineType {
    return Object.assign(new HourLineType(), {
      placementId,
      placement,
      date: line.date,
      hourCode: line.hourCode,
      kind: line.kind,
      percentage: line.percentage,
      minutes: line.minutes,
      hours: formatDuration(line.minutes),
      from: line.from,
      to: line.to,
      rule: line.rule ? RuleReferenceType.from(line.rule) : null,
      explanation: ExplanationType.from(line.explanation),
    });
  }
}

@ObjectType('UnravelNote', { description: 'A rule that could not be applied to a day, and why.' })
export class UnravelNoteType {
  @Field(() => RuleReferenceType, { description: 'The rule of the schedule version that was not applied.' }) rule: RuleReferenceType;
  @Field(() => ExplanationType, { description: "Why it was not applied, with the text in the viewer's language." }) explanation: ExplanationType;
}

@ObjectType('BreakdownDay', { description: 'One date of a breakdown: the minutes worked on it and the hour lines they were split into.' })
export class BreakdownDayType {
  @Field(() => LocalDateScalar, { description: 'The date (YYYY-MM-DD); the part of a night shift past midnight counts on the next date.' }) date: string;
  @Field(() => Int, { description: 'The minutes worked on this date, breaks excluded.' }) workedMinutes: number;
  @Field(() => HoursMinutesScalar, { description: 'The same minutes as H:MM.' }) workedHours: string;
  @Field(() => LocalDateScalar, { nullable: true, description: 'The schedule version used (its validFrom); null for manual hours.' })
  scheduleVersion: string | null;
  @Field(() => [HourLineType], { description: 'The hour lines of this date; the NORMAL, EXTRA and OVERTIME (or MANUAL) lines add up to workedMinutes.' }) lines: HourLineType[];
  @Field(() => [UnravelNoteType], { description: 'Rules of the schedule that could not be applied to this date, and why; empty when all applied.' }) notApplied: UnravelNoteType[];
  @Field(() => [UnravelNoteType], { description: 'What the schedule changed in what was entered on this date, and why (e.g. a break raised to the minimum for the shift\'s length: the added minutes are not paid); empty when nothing.' })
  adjustments: UnravelNoteType[];
  @Field(() => [AllowanceLineType], { description: 'The allowances counted on this work day, beside its minute lines; empty when none (and in declarations approved before allowances existed).' })
  allowances: AllowanceLineType[];

  static from(day: BreakdownDay, placementId: string | null = null, placement?: Placement | null): BreakdownDayType {
    return Object.assign(new BreakdownDayType(), {
      date: day.date,
      workedMinutes: day.workedMinutes,
      workedHours: formatDuration(day.workedMinutes),
      scheduleVersion: day.scheduleVersion,
      lines: day.lines.map((line) => HourLineType.from(line, placementId, placement)),
      notApplied: day.notApplied.map(noteOf),
      adjustments: (day.adjustments ?? []).map(noteOf),
      allowances: (day.allowances ?? []).map(AllowanceLineType.from),
    });
  }
}

@ObjectType('AllowanceLine', {
  description:
    'A fixed allowance counted on a work day (the date its shift starts on): a meal allowance for overtime, a split shift, a Sunday worked. A count, no minutes: payroll prices it. Each allowance rule gives at most one a day.',
})
export class AllowanceLineType {
  @Field(() => LocalDateScalar, { description: 'The work day: the date the shift starts on, also for a shift that runs past midnight.' }) date: string;
  @Field({ description: "The allowance's hour code, e.g. MAALTIJD; each allowance rule of a version has its own." }) hourCode: string;
  @Field(() => HourLineKindEnum, { description: 'Always ALLOWANCE.' }) kind: string;
  @Field(() => Int, { description: 'How many times the allowance is paid for this day: a whole number, at least 1.' }) count: number;
  @Field(() => RuleReferenceType, { description: 'The allowance rule of the schedule version in force on the work day.' }) rule: RuleReferenceType;
  @Field(() => ExplanationType, { description: "Why the day has the allowance (e.g. 2:30 of overtime, at least 2:00 needed), with the text in the viewer's language." }) explanation: ExplanationType;

  static from(a: BreakdownAllowance): AllowanceLineType {
    return Object.assign(new AllowanceLineType(), {
      date: a.date, hourCode: a.hourCode, kind: a.kind, count: a.count, rule: RuleReferenceType.from(a.rule), explanation: ExplanationType.from(a.explanation),
    });
  }
}

@ObjectType('AllowanceTotal', { description: 'The allowances of the week under one hour code.' })
export class AllowanceTotalType {
  @Field({ description: "The allowance's hour code." }) hourCode: string;
  @Field(() => Int, { description: 'How many in the week.' }) count: number;

  static from(t: BreakdownAllowanceTotal): AllowanceTotalType {
    return Object.assign(new AllowanceTotalType(), { hourCode: t.hourCode, count: t.count });
  }
}

function noteOf(n: { rule: RuleReference; explanation: Explanation }): UnravelNoteType {
  return Object.assign(new UnravelNoteType(), { rule: RuleReferenceType.from(n.rule), explanation: ExplanationType.from(n.explanation) });
}

@ObjectType('HourTotal', { description: 'The minutes of the week per hour code.' })
export class HourTotalType {
  @Field({ description: 'The hour code, e.g. U100, OW125, ORT-NACHT.' }) hourCode: string;
  @Field(() => HourLineKindEnum, { description: 'The kind of hours of this code.' }) kind: string;
  @Field(() => Int, { description: 'The pay percentage, e.g. 100, 125; for ORT and SHIFT_SURCHARGE the surcharge on top, e.g. 25.' }) percentage: number;
  @Field(() => Int, { description: 'The minutes of the week under this code.' }) minutes: number;
  @Field(() => HoursMinutesScalar, { description: 'The same minutes as H:MM.' }) hours: string;
  // label: HourLabelsResolver
  placementId: string | null;
  /** As HourLineType.placement. */
  placement?: Placement | null;

  static from(total: BreakdownTotal, placementId: string | null = null, placement?: Placement | null): HourTotalType {
    return Object.assign(new HourTotalType(), { ...total, hours: formatDuration(total.minutes), placementId, placement });
  }
}

@ObjectType('HourKindTotal', { description: 'The minutes of the week of one kind of hours (all its hour codes and percentages together).' })
export class HourKindTotalType {
  @Field(() => HourLineKindEnum, { description: 'The kind of hours.' }) kind: string;
  @Field(() => Int, { description: 'The minutes of all lines of this kind.' }) minutes: number;
  @Field(() => HoursMinutesScalar, { description: 'The same as hours and minutes (H:MM).' }) hours: string;
  // label: HourLabelsResolver

  /** One per kind that has minutes, in the order of HourLineKind (NORMAL, EXTRA, OVERTIME, ORT, SHIFT_SURCHARGE, MINIMUM_PAY, MANUAL). */
  static listOf(totals: readonly BreakdownTotal[]): HourKindTotalType[] {
    const minutes = new Map<string, number>();
    for (const total of totals) minutes.set(total.kind, (minutes.get(total.kind) ?? 0) + total.minutes);
    return HOUR_LINE_KINDS.filter((kind) => (minutes.get(kind) ?? 0) > 0).map((kind) =>
      Object.assign(new HourKindTotalType(), { kind, minutes: minutes.get(kind)!, hours: formatDuration(minutes.get(kind)!) }),
    );
  }
}

@ObjectType('SettledWeek', { description: 'What a period settlement counted of one of its weeks.' })
export class SettledWeekType {
  @Field(() => IsoWeekScalar, { description: 'The ISO week.' }) week: string;
  @Field(() => Int, { description: "NORMAL minutes of the week's work days inside the period, from its approved hours; 0 when the week had no approved hours when the period was settled." })
  countedMinutes: number;
  @Field(() => HoursMinutesScalar, { description: 'The same minutes as H:MM.' }) countedHours: string;
}

@ObjectType('PeriodSettlement', {
  description:
    "Overtime settled over a period of several weeks: the NORMAL minutes of the period's work days above its normal hours. No `id`: a snapshot belonging to the declaration of the period's last week; a later change of an earlier week settles the period again in a new declaration version.",
})
export class PeriodSettlementType {
  @Field(() => RuleReferenceType, { description: 'The settlementPeriod rule of the schedule version in force on the period\'s last day.' }) rule: RuleReferenceType;
  @Field(() => LocalDateScalar, { description: 'The first date of the period.' }) from: string;
  @Field(() => LocalDateScalar, { description: 'The last date of the period: the PERIOD_OVERTIME lines fall on it.' }) to: string;
  @Field(() => [SettledWeekType], { description: 'The weeks of the period, in order, with what each counted.' }) weeks: SettledWeekType[];
  @Field(() => Int, { description: "The period's normal hours in minutes (normal hours per weekday × its Mondays to Fridays)." }) normalMinutes: number;
  @Field(() => HoursMinutesScalar, { description: 'The normal hours as H:MM.' }) normalHours: string;
  @Field(() => Int, { description: 'The NORMAL minutes counted over the period: the sum of its weeks.' }) countedMinutes: number;
  @Field(() => HoursMinutesScalar, { description: 'The counted minutes as H:MM.' }) countedHours: string;
  @Field(() => Int, { description: 'The minutes above the normal hours (0 when none): the PERIOD_OVERTIME lines hold them.' }) overtimeMinutes: number;
  @Field(() => HoursMinutesScalar, { description: 'The overtime as H:MM.' }) overtimeHours: string;

  static from(s: PeriodSettlement): PeriodSettlementType {
    return Object.assign(new PeriodSettlementType(), {
      rule: RuleReferenceType.from(s.rule),
      from: s.from,
      to: s.to,
      weeks: s.weeks.map((w) => Object.assign(new SettledWeekType(), { week: w.week, countedMinutes: w.countedMinutes, countedHours: formatDuration(w.countedMinutes) })),
      normalMinutes: s.normalMinutes,
      normalHours: formatDuration(s.normalMinutes),
      countedMinutes: s.countedMinutes,
      countedHours: formatDuration(s.countedMinutes),
      overtimeMinutes: s.overtimeMinutes,
      overtimeHours: formatDuration(s.overtimeMinutes),
    });
  }
}

/**
 * No `id` on purpose: this is a snapshot of one breakdown (a declaration keeps the name and the
 * versions as they were at its approval), so two weeks of one schedule hold different values. With
 * the schedule's id as `id`, a normalising cache (Apollo's InMemoryCache) merged them into one
 * object and week A showed week B's versions. Without `id` it stays inside its breakdown.
 */
@ObjectType('BreakdownSchedule', {
  description:
    'The CAO unravel schedule a breakdown was computed with, and which of its versions (validFrom, oldest first): a snapshot belonging to this breakdown, with the name as it was then. It has no `id`, so that a cache keeps it per breakdown; the schedule as it is now is `caoUnravelSchedule(id: scheduleId)`.',
})
export class BreakdownScheduleType {
  @Field(() => ID, { description: 'The id of the CaoUnravelSchedule.' }) scheduleId: string;
  @Field({ description: 'The name of the schedule as it was when the breakdown was computed.' }) name: string;
  @Field(() => [LocalDateScalar], { description: 'The versions (their validFrom dates) the days of this breakdown used.' }) versions: string[];
}

@ObjectType('HoursBreakdown', { description: 'A week split into hour codes: the live preview of a timesheet, or what a declaration keeps.' })
export class HoursBreakdownType {
  @Field(() => Int, { description: 'The minutes worked in the week, breaks excluded.' }) workedMinutes: number;
  @Field(() => HoursMinutesScalar, { description: 'The same minutes as H:MM, e.g. 38:15.' }) workedHours: string;
  @Field(() => [BreakdownDayType], { description: 'The dates with hours, in date order.' }) days: BreakdownDayType[];
  @Field(() => [HourTotalType], { description: 'The week per hour code and percentage, for payroll and a totals table.' }) totals: HourTotalType[];
  @Field(() => [HourKindTotalType], {
    description:
      'The week per kind of hours, for a totals table: one entry per kind that has minutes, in the order NORMAL, EXTRA, OVERTIME, ORT, SHIFT_SURCHARGE, MINIMUM_PAY, MANUAL, PERIOD_OVERTIME. NORMAL + EXTRA + OVERTIME (or MANUAL) add up to workedMinutes; ORT, SHIFT_SURCHARGE, MINIMUM_PAY (paid, not worked) and PERIOD_OVERTIME come on top of them.',
  })
  totalsByKind: HourKindTotalType[];
  @Field(() => BreakdownScheduleType, { nullable: true, description: 'Null where hours are filled per manual hour code.' })
  schedule: BreakdownScheduleType | null;
  @Field(() => PeriodSettlementType, {
    nullable: true,
    description: "On the last week of a settlement period (a schedule's settlementPeriod): the period settled, which weeks it counted and how many hours in all. Its PERIOD_OVERTIME lines are among the days' lines, dated the period's last day. Null on every other week, and in a week's live preview.",
  })
  settlement: PeriodSettlementType | null;
  @Field(() => [AllowanceTotalType], { description: 'The allowances of the week per hour code, in order of hour code; empty when none.' })
  allowanceTotals: AllowanceTotalType[];

  /** `placementId`: the placement whose hour-code labels the `label` fields show; `placement`: that placement, when the caller has it. */
  static from(breakdown: HoursBreakdown, placementId: string | null = null, placement?: Placement | null): HoursBreakdownType {
    return Object.assign(new HoursBreakdownType(), {
      workedMinutes: breakdown.workedMinutes,
      workedHours: formatDuration(breakdown.workedMinutes),
      days: breakdown.days.map((day) => BreakdownDayType.from(day, placementId, placement)),
      totals: breakdown.totals.map((total) => HourTotalType.from(total, placementId, placement)),
      totalsByKind: HourKindTotalType.listOf(breakdown.totals),
      schedule: breakdown.schedule
        ? Object.assign(new BreakdownScheduleType(), { scheduleId: breakdown.schedule.id, name: breakdown.schedule.name, versions: [...breakdown.schedule.versions] })
        : null,
      settlement: breakdown.settlement ? PeriodSettlementType.from(breakdown.settlement) : null,
      allowanceTotals: (breakdown.allowanceTotals ?? []).map(AllowanceTotalType.from),
    });
  }
}
