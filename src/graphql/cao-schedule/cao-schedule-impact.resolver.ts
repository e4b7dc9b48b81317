import { Arg, Ctx, ID, Int, Query, Resolver } from 'type-graphql';
import { CaoScheduleChangeImpactQuery, DEFAULT_IMPACT_WEEKS, MAX_IMPACT_WEEKS } from '../../application/cao-schedule/cao-schedule-change-impact.use-case';
import { actorOf, GraphQLContext } from '../context';
import { AFTER_ARG, firstArg } from '../shared/connection';
import { existingId } from '../shared/ids';
import { CaoScheduleWeekImpactConnection } from './cao-schedule-impact.types';
import { inputPaths } from './cao-schedule.resolver';
import { CaoUnravelScheduleVersionInput } from './cao-schedule.inputs';
import { ScheduleRawMapper } from './cao-schedule.raw-mapper';

/** Staff ask what a new schedule version would pay differently, before they add it. */
@Resolver()
export class CaoScheduleImpactResolver {
  constructor(private readonly impact: CaoScheduleChangeImpactQuery) {}

  @Query(() => CaoScheduleWeekImpactConnection, {
    description:
      'Staff: what a draft version of a CAO unravel schedule would pay differently. The approved weeks of the last `weeks` weeks of every placement on the schedule are unravelled again with the draft appended (only days on or after its validFrom change) and compared with their approved totals. The draft is checked as addCaoUnravelScheduleVersion checks it (problems at draft.…); nothing is stored.',
  })
  async caoScheduleChangeImpact(
    @Ctx() ctx: GraphQLContext,
    @Arg('scheduleId', () => ID, { description: 'The id of the CAO unravel schedule.' }) scheduleId: string,
    @Arg('draft', () => CaoUnravelScheduleVersionInput, { description: "The version you consider adding; its validFrom must be after the latest version's." })
    draft: CaoUnravelScheduleVersionInput,
    @Arg('weeks', () => Int, {
      defaultValue: DEFAULT_IMPACT_WEEKS,
      description: `The last N ISO weeks up to the current one (agency time zone), 1 to ${MAX_IMPACT_WEEKS}; outside that range WEEKS_RANGE.`,
    })
    weeks: number,
    @Arg('first', () => Int, firstArg()) first?: number,
    @Arg('after', () => String, AFTER_ARG) after?: string,
  ): Promise<CaoScheduleWeekImpactConnection> {
    const mapper = new ScheduleRawMapper();
    const raw = mapper.version(draft, 'draft');
    const impact = await inputPaths(
      mapper,
      ctx,
      this.impact.execute(actorOf(ctx), { scheduleId: existingId(scheduleId, 'CaoSchedule'), draft: raw, weeks, first, after }),
    );
    return CaoScheduleWeekImpactConnection.from(impact);
  }
}
