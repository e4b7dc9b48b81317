import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { formatDuration } from '../../domain/time/week-hours.value-object';
import { WORKING_TIME_RULES, WorkingTimeSignal } from '../../domain/working-time/working-time-signal';
import { enumOf } from '../shared/enums';
import { LocalDateScalar } from '../shared/local-date.scalar';
import { HoursMinutesScalar } from '../shared/scalars';

export const WorkingTimeRuleEnum = enumOf(WORKING_TIME_RULES);
registerEnumType(WorkingTimeRuleEnum, {
  name: 'WorkingTimeRule',
  description:
    'A rule of the Arbeidstijdenwet (Working Time Act). SHIFT_HOURS: more than 12:00 of work in one shift. WEEK_HOURS: more than 60:00 in one calendar week. AVERAGE_WEEK_HOURS: more than 48:00 a week on average over the 16 weeks ending with this one. DAILY_REST: less than 11:00 of uninterrupted rest in the 24 hours from a shift\'s start (8:00 allowed once in 7 × 24 hours). NIGHT_SHIFT_HOURS: more than 10:00 of work in a night shift (a shift with more than one hour of work between 00:00 and 06:00). NIGHT_SHIFTS: more than 36 night shifts in the 16 weeks ending with this one.',
});

/** The message keys of the `labels` namespace, one per rule (two for the rest). */
export function workingTimeMessageKey(signal: WorkingTimeSignal): string {
  if (signal.rule === 'DAILY_REST') return signal.earlierShortRest ? 'workingTime.DAILY_REST.shortenedTwice' : 'workingTime.DAILY_REST.tooShort';
  return `workingTime.${signal.rule}`;
}

/** The values a message takes: durations as H:MM, counts and dates as they are. */
export function workingTimeMessageParams(signal: WorkingTimeSignal): Record<string, string> {
  const number = (n: number) => (signal.unit === 'MINUTES' ? formatDuration(n) : String(n));
  return {
    limit: number(signal.limit),
    actual: number(signal.actual),
    days: signal.days.map((d) => d.toString()).join(', '),
    ...(signal.windowFrom ? { from: signal.windowFrom.toString() } : {}),
    ...(signal.windowTo ? { to: signal.windowTo.toString() } : {}),
    ...(signal.earlierShortRest ? { earlier: signal.earlierShortRest.toString() } : {}),
  };
}

@ObjectType('WorkingTimeSignal', {
  description:
    'A flag of the Working Time Act (Arbeidstijdenwet), computed from the saved hours of all the worker\'s placements of this agency; it never stops a save. Days entered as a total (or per hour code) count towards WEEK_HOURS and AVERAGE_WEEK_HOURS only: without times they give no shift, rest or night signal.',
})
export class WorkingTimeSignalType {
  @Field(() => WorkingTimeRuleEnum, { description: 'Which rule the hours break.' }) rule: string;
  @Field(() => [LocalDateScalar], { description: 'The dates the signal is about: the days of the shift or week, and for DAILY_REST also the date of the shift after the rest.' })
  days: string[];
  @Field({ description: "What the signal says, in the viewer's language, e.g. \"A shift of 13:00: more than the 12:00 the Working Time Act allows\"." })
  message: string;
  @Field({ description: 'The key of the message in the `labels` namespace (e.g. workingTime.SHIFT_HOURS), for clients that word it themselves.' }) messageKey: string;
  @Field(() => Int, { description: "The rule's number: minutes (hours as H:MM in limitHours), or for NIGHT_SHIFTS a number of night shifts." }) limit: number;
  @Field(() => Int, { description: 'What the hours come to, in the same unit: more than limit, or for DAILY_REST less.' }) actual: number;
  @Field(() => HoursMinutesScalar, { nullable: true, description: 'limit as H:MM; null for NIGHT_SHIFTS (a count).' }) limitHours: string | null;
  @Field(() => HoursMinutesScalar, { nullable: true, description: 'actual as H:MM; null for NIGHT_SHIFTS (a count).' }) actualHours: string | null;
  @Field(() => LocalDateScalar, { nullable: true, description: 'AVERAGE_WEEK_HOURS and NIGHT_SHIFTS: the first date of the 16 weeks counted; null for the others.' }) windowFrom: string | null;
  @Field(() => LocalDateScalar, { nullable: true, description: 'AVERAGE_WEEK_HOURS and NIGHT_SHIFTS: the last date of the 16 weeks counted (the Sunday of this week); null for the others.' }) windowTo: string | null;
  @Field(() => LocalDateScalar, { nullable: true, description: 'DAILY_REST between 8:00 and 11:00: the date of the shift before the shortened rest that already used the one allowed in 7 × 24 hours; null otherwise.' })
  earlierShortRest: string | null;
  @Field(() => LocalDateScalar, { description: 'The version of the rules that judged the week (its validFrom): a later law change is a new version.' }) rulesVersion: string;

  static from(signal: WorkingTimeSignal, translate: (key: string, params: Record<string, string>) => string | undefined): WorkingTimeSignalType {
    const minutes = signal.unit === 'MINUTES';
    const key = workingTimeMessageKey(signal);
    return Object.assign(new WorkingTimeSignalType(), {
      rule: signal.rule,
      days: signal.days.map((d) => d.toString()),
      message: translate(`labels:${key}`, workingTimeMessageParams(signal)) ?? key,
      messageKey: key,
      limit: signal.limit,
      actual: signal.actual,
      limitHours: minutes ? formatDuration(signal.limit) : null,
      actualHours: minutes ? formatDuration(signal.actual) : null,
      windowFrom: signal.windowFrom?.toString() ?? null,
      windowTo: signal.windowTo?.toString() ?? null,
      earlierShortRest: signal.earlierShortRest?.toString() ?? null,
      rulesVersion: signal.rulesVersion,
    });
  }
}
