import { Ctx, Field, FieldResolver, Int, ObjectType, registerEnumType, Resolver, Root } from 'type-graphql';
import { formatDuration } from '../../domain/time/week-hours.value-object';
import { BreakdownDay, BreakdownLine, BreakdownTotal, HoursBreakdown } from '../../domain/timesheet/hours-breakdown';
import { Explanation, RuleReference } from '../../domain/unravel/unravel-result';
import { GraphQLContext } from '../context';
import { enumOf } from '../shared/enums';
import { LocalDateScalar } from '../shared/local-date.scalar';
import { HoursMinutesScalar, LocalTimeScalar } from '../shared/scalars';

export const HOUR_LINE_KINDS = ['NORMAL', 'EXTRA', 'OVERTIME', 'ORT', 'SHIFT_SURCHARGE', 'MANUAL'] as const;
export const HourLineKindEnum = enumOf(HOUR_LINE_KINDS);
registerEnumType(HourLineKindEnum, {
  name: 'HourLineKind',
  description:
    'NORMAL, EXTRA and OVERTIME lines hold every worked minute once; ORT and SHIFT_SURCHARGE come on top of them. MANUAL: filled in per hour code by hand.',
});

@ObjectType('ExplanationParam')
export class ExplanationParamType {
  @Field() name: string;
  @Field() value: string;
}

@ObjectType('Explanation', { description: 'Why a line is what it is: a stable key with parameters, and the text in the viewer\'s language.' })
export class ExplanationType {
  @Field({ description: 'A key of the `unravel` message namespace, e.g. `line.ort`.' }) key: string;
  @Field(() => [ExplanationParamType]) params: ExplanationParamType[];
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
  @Field() hourCode: string;
  @Field(() => HourLineKindEnum) kind: string;
  @Field(() => Int) percentage: number;
  @Field(() => Int) minutes: number;
  @Field(() => HoursMinutesScalar) hours: string;
  @Field(() => LocalTimeScalar, { nullable: true, description: 'Local HH:MM; null for a day entered as a total.' }) from: string | null;
  @Field(() => LocalTimeScalar, { nullable: true, description: 'Local HH:MM (24:00 at midnight); null for a day entered as a total.' }) to: string | null;
  @Field(() => RuleReferenceType, { nullable: true, description: 'Null for MANUAL lines.' }) rule: RuleReferenceType | null;
  @Field(() => ExplanationType) explanation: ExplanationType;

  static from(line: BreakdownLine): HourLineType {
    return Object.assign(new HourLineType(), {
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
  @Field(() => RuleReferenceType) rule: RuleReferenceType;
  @Field(() => ExplanationType) explanation: ExplanationType;
}

@ObjectType('BreakdownDay')
export class BreakdownDayType {
  @Field(() => LocalDateScalar) date: string;
  @Field(() => Int) workedMinutes: number;
  @Field(() => HoursMinutesScalar) workedHours: string;
  @Field(() => LocalDateScalar, { nullable: true, description: 'The schedule version used (its validFrom); null for manual hours.' })
  scheduleVersion: string | null;
  @Field(() => [HourLineType]) lines: HourLineType[];
  @Field(() => [UnravelNoteType]) notApplied: UnravelNoteType[];

  static from(day: BreakdownDay): BreakdownDayType {
    return Object.assign(new BreakdownDayType(), {
      date: day.date,
      workedMinutes: day.workedMinutes,
      workedHours: formatDuration(day.workedMinutes),
      scheduleVersion: day.scheduleVersion,
      lines: day.lines.map(HourLineType.from),
      notApplied: day.notApplied.map((n) =>
        Object.assign(new UnravelNoteType(), { rule: RuleReferenceType.from(n.rule), explanation: ExplanationType.from(n.explanation) }),
      ),
    });
  }
}

@ObjectType('HourTotal', { description: 'The minutes of the week per hour code.' })
export class HourTotalType {
  @Field() hourCode: string;
  @Field(() => HourLineKindEnum) kind: string;
  @Field(() => Int) percentage: number;
  @Field(() => Int) minutes: number;
  @Field(() => HoursMinutesScalar) hours: string;

  static from(total: BreakdownTotal): HourTotalType {
    return Object.assign(new HourTotalType(), { ...total, hours: formatDuration(total.minutes) });
  }
}

@ObjectType('BreakdownSchedule', { description: 'The CAO unravel schedule a breakdown was computed with, and which of its versions.' })
export class BreakdownScheduleType {
  @Field() id: string;
  @Field() name: string;
  @Field(() => [LocalDateScalar], { description: 'The versions (their validFrom dates) the days of this breakdown used.' }) versions: string[];
}

@ObjectType('HoursBreakdown', { description: 'A week split into hour codes: the live preview of a timesheet, or what a declaration keeps.' })
export class HoursBreakdownType {
  @Field(() => Int) workedMinutes: number;
  @Field(() => HoursMinutesScalar) workedHours: string;
  @Field(() => [BreakdownDayType]) days: BreakdownDayType[];
  @Field(() => [HourTotalType]) totals: HourTotalType[];
  @Field(() => BreakdownScheduleType, { nullable: true, description: 'Null where hours are filled per manual hour code.' })
  schedule: BreakdownScheduleType | null;

  static from(breakdown: HoursBreakdown): HoursBreakdownType {
    return Object.assign(new HoursBreakdownType(), {
      workedMinutes: breakdown.workedMinutes,
      workedHours: formatDuration(breakdown.workedMinutes),
      days: breakdown.days.map(BreakdownDayType.from),
      totals: breakdown.totals.map(HourTotalType.from),
      schedule: breakdown.schedule ? Object.assign(new BreakdownScheduleType(), { ...breakdown.schedule, versions: [...breakdown.schedule.versions] }) : null,
    });
  }
}
