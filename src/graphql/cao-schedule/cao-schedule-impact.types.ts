import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { CaoScheduleChangeImpact, WeekDifference } from '../../application/cao-schedule/cao-schedule-change-impact.use-case';
import { payDifferenceMinutes, TotalDifference } from '../../domain/cao-schedule/schedule-change-impact';
import { IsoWeek } from '../../domain/time/iso-week.value-object';
import { CURSOR_DESCRIPTION, EDGE_DESCRIPTION, EDGES_DESCRIPTION, NODES_DESCRIPTION, PAGE_INFO_DESCRIPTION, PageInfo, toConnection } from '../shared/connection';
import { IsoWeekScalar, LocalDateScalar } from '../shared/scalars';
import { HourLineKindEnum } from '../timesheet/breakdown.types';

/*
 * What a new schedule version would pay differently (issue 13, rule 7). Values, not entities:
 * none has an `id` a cache could merge by (the same week differs per draft asked about).
 */

@ObjectType('HourTotalDifference', { description: 'The minutes of one hour code, kind and percentage before (as approved) and after (unravelled with the draft).' })
export class HourTotalDifferenceType {
  @Field({ description: 'The hour code.' }) hourCode: string;
  @Field(() => HourLineKindEnum, { description: 'The kind of hours.' }) kind: string;
  @Field(() => Float, { description: 'The percentage of these minutes (OVERTIME: the whole rate; ORT and SHIFT_SURCHARGE: the surcharge).' }) percentage: number;
  @Field(() => Int, { description: 'The minutes as approved.' }) beforeMinutes: number;
  @Field(() => Int, { description: 'The minutes unravelled again with the draft version.' }) afterMinutes: number;
  @Field(() => Int, { description: 'afterMinutes − beforeMinutes: positive when the draft pays more of these minutes.' }) differenceMinutes: number;

  static from(d: TotalDifference): HourTotalDifferenceType {
    return Object.assign(new HourTotalDifferenceType(), { ...d });
  }
}

@ObjectType('CaoScheduleWeekImpact', { description: 'One approved week of one placement whose minutes the draft version would change.' })
export class CaoScheduleWeekImpactType {
  @Field(() => ID, { description: 'The approved declaration (latest version of the week) that was compared.' }) declarationId: string;
  @Field(() => ID, { description: 'The placement of the week.' }) placementId: string;
  @Field(() => ID, { description: 'The worker of the placement.' }) flexworkerId: string;
  @Field(() => ID, { description: 'The relation of the placement.' }) relationId: string;
  @Field(() => IsoWeekScalar, { description: 'The ISO week.' }) week: IsoWeek;
  @Field(() => [HourTotalDifferenceType], { description: 'Only the totals that differ, by hour code, kind and percentage.' }) differences: HourTotalDifferenceType[];
  @Field(() => Float, { description: 'The pay difference of the week in minutes at 100 %: Σ differenceMinutes × percentage / 100.' }) payDifferenceMinutes: number;

  static from(row: WeekDifference): CaoScheduleWeekImpactType {
    return Object.assign(new CaoScheduleWeekImpactType(), {
      declarationId: row.declarationId,
      placementId: row.placementId,
      flexworkerId: row.flexworkerId,
      relationId: row.relationId,
      week: row.week,
      differences: row.differences.map(HourTotalDifferenceType.from),
      payDifferenceMinutes: payDifferenceMinutes(row.differences),
    });
  }
}

@ObjectType('CaoScheduleWeekImpactEdge', { description: EDGE_DESCRIPTION })
export class CaoScheduleWeekImpactEdge {
  @Field({ description: CURSOR_DESCRIPTION }) cursor: string;
  @Field(() => CaoScheduleWeekImpactType, { description: 'The week with a difference.' }) node: CaoScheduleWeekImpactType;
}

@ObjectType('CaoScheduleWeekImpactConnection', {
  description:
    'What a draft schedule version would pay differently in the approved weeks of the last N weeks: a page of the weeks with a difference (Relay connection), with totals and counts over all of them. Nothing is stored.',
})
export class CaoScheduleWeekImpactConnection {
  @Field(() => [CaoScheduleWeekImpactEdge], { description: EDGES_DESCRIPTION }) edges: CaoScheduleWeekImpactEdge[];
  @Field(() => [CaoScheduleWeekImpactType], { description: NODES_DESCRIPTION }) nodes: CaoScheduleWeekImpactType[];
  @Field(() => PageInfo, { description: PAGE_INFO_DESCRIPTION }) pageInfo: PageInfo;
  @Field(() => Int, { description: 'The weeks with a difference, on every page.' }) totalCount: number;
  @Field(() => [HourTotalDifferenceType], { description: 'The differences summed over every week (every page); totals that cancel out are left out.' })
  totals: HourTotalDifferenceType[];
  @Field(() => Float, { description: 'The pay difference of every week together, in minutes at 100 %.' }) payDifferenceMinutes: number;
  @Field(() => ID, { description: 'The schedule asked about.' }) scheduleId: string;
  @Field(() => LocalDateScalar, { description: 'The validFrom of the draft: only days from this date on are unravelled with it.' }) draftValidFrom: string;
  @Field(() => IsoWeekScalar, { description: 'The first week looked at.' }) weekFrom: IsoWeek;
  @Field(() => IsoWeekScalar, { description: 'The last week looked at: the current week in the agency\'s time zone.' }) weekUpTo: IsoWeek;
  @Field(() => Int, { description: 'The placements on the schedule.' }) placementsLookedAt: number;
  @Field(() => Int, { description: 'Their approved weeks in the weeks looked at (the latest version of each week, unravelled with this schedule).' }) approvedWeeks: number;
  @Field(() => Int, { description: 'Of those, the weeks with a day on or after draftValidFrom: unravelled again with the draft.' }) weeksReunravelled: number;

  static from(impact: CaoScheduleChangeImpact): CaoScheduleWeekImpactConnection {
    const connection = toConnection(CaoScheduleWeekImpactConnection, CaoScheduleWeekImpactEdge, impact.page, CaoScheduleWeekImpactType.from);
    return Object.assign(connection, {
      totalCount: impact.totalCount,
      totals: impact.totals.map(HourTotalDifferenceType.from),
      payDifferenceMinutes: payDifferenceMinutes(impact.totals),
      scheduleId: impact.scheduleId,
      draftValidFrom: impact.draftValidFrom,
      weekFrom: impact.weekFrom,
      weekUpTo: impact.weekUpTo,
      placementsLookedAt: impact.placementsLookedAt,
      approvedWeeks: impact.approvedWeeks,
      weeksReunravelled: impact.weeksReunravelled,
    });
  }
}
