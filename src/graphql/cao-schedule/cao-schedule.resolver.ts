import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { AddCaoScheduleVersion } from '../../application/cao-schedule/add-cao-schedule-version.use-case';
import { CreateCaoSchedule, CreateCaoScheduleInput } from '../../application/cao-schedule/create-cao-schedule.use-case';
import { GetCaoSchedule } from '../../application/cao-schedule/get-cao-schedule.use-case';
import { ListCaoSchedules } from '../../application/cao-schedule/list-cao-schedules.use-case';
import { ValidationError } from '../../domain/shared/domain-error';
import { actorOf, GraphQLContext } from '../context';
import { PlacementType } from '../organisation/placement.types';
import { AFTER_ARG, firstArg, toConnection } from '../shared/connection';
import { existingId } from '../shared/ids';
import { AddCaoUnravelScheduleVersionInput, CreateCaoUnravelScheduleInput } from './cao-schedule.inputs';
import { AddCaoUnravelScheduleVersionPayload, CreateCaoUnravelSchedulePayload } from './cao-schedule.payloads';
import { ScheduleRawMapper } from './cao-schedule.raw-mapper';
import { CaoUnravelScheduleConnection, CaoUnravelScheduleEdge, CaoUnravelScheduleType } from './cao-schedule.types';

export interface CaoScheduleUseCases {
  readonly createCaoSchedule: CreateCaoSchedule;
  readonly addCaoScheduleVersion: AddCaoScheduleVersion;
  readonly listCaoSchedules: ListCaoSchedules;
  readonly getCaoSchedule: GetCaoSchedule;
}

@Resolver()
export class CaoScheduleResolver {
  constructor(private readonly useCases: CaoScheduleUseCases) {}

  @Query(() => CaoUnravelScheduleConnection, { description: "Staff: the agency's CAO unravel schedules by name." })
  async caoUnravelSchedules(
    @Ctx() ctx: GraphQLContext,
    @Arg('first', () => Int, firstArg()) first?: number,
    @Arg('after', () => String, AFTER_ARG) after?: string,
  ): Promise<CaoUnravelScheduleConnection> {
    const page = await this.useCases.listCaoSchedules.execute(actorOf(ctx), { first, after });
    return toConnection(CaoUnravelScheduleConnection, CaoUnravelScheduleEdge, page, CaoUnravelScheduleType.from);
  }

  @Query(() => CaoUnravelScheduleType, { description: 'Staff: one CAO unravel schedule of the agency.' })
  async caoUnravelSchedule(@Arg('id', () => ID, { description: 'The id of the schedule.' }) id: string, @Ctx() ctx: GraphQLContext): Promise<CaoUnravelScheduleType> {
    const schedule = await this.useCases.getCaoSchedule.execute(actorOf(ctx), { id: existingId(id, 'CaoSchedule') });
    return CaoUnravelScheduleType.from(schedule);
  }

  @Mutation(() => CreateCaoUnravelSchedulePayload, {
    description: 'Staff: adds a CAO unravel schedule; every problem is listed by its path in the input (versions[0].ortWindows[1].from).',
  })
  async createCaoUnravelSchedule(
    @Arg('input', { description: 'The schedule and its versions.' }) input: CreateCaoUnravelScheduleInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<CreateCaoUnravelSchedulePayload> {
    const mapper = new ScheduleRawMapper();
    const raw = mapper.schedule(input) as CreateCaoScheduleInput;
    const created = await inputPaths(mapper, ctx, this.useCases.createCaoSchedule.execute(actorOf(ctx), raw));
    return Object.assign(new CreateCaoUnravelSchedulePayload(), { caoUnravelSchedule: CaoUnravelScheduleType.from(created) });
  }

  @Mutation(() => AddCaoUnravelScheduleVersionPayload, {
    description: 'Staff: appends a version starting after the latest one; earlier versions never change.',
  })
  async addCaoUnravelScheduleVersion(
    @Arg('input', { description: 'The schedule, the version you read, and the new version.' }) input: AddCaoUnravelScheduleVersionInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<AddCaoUnravelScheduleVersionPayload> {
    const mapper = new ScheduleRawMapper();
    const version = mapper.version(input.version, 'version');
    const added = this.useCases.addCaoScheduleVersion.execute(actorOf(ctx), {
      scheduleId: existingId(input.scheduleId, 'CaoSchedule'),
      expectedVersion: input.expectedVersion,
      version,
    });
    return Object.assign(new AddCaoUnravelScheduleVersionPayload(), { caoUnravelSchedule: CaoUnravelScheduleType.from(await inputPaths(mapper, ctx, added)) });
  }
}

/** The schedule of a placement, batched per request (any viewer who may see the placement). */
@Resolver(() => PlacementType)
export class PlacementCaoScheduleResolver {
  @FieldResolver(() => CaoUnravelScheduleType, {
    nullable: true,
    description: 'The CAO unravel schedule with all its versions; null when hour codes are filled by hand.',
  })
  async caoSchedule(@Root() placement: PlacementType, @Ctx() ctx: GraphQLContext): Promise<CaoUnravelScheduleType | null> {
    if (placement.caoScheduleId === null) return null;
    const schedule = await ctx.loaders.caoSchedules.load(placement.caoScheduleId);
    return schedule ? CaoUnravelScheduleType.from(schedule) : null;
  }
}

/** Problems of the schedule at the paths of the input, with the engine's texts in the viewer's language. */
export async function inputPaths<T>(mapper: ScheduleRawMapper, ctx: GraphQLContext, work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    throw error instanceof ValidationError ? mapper.inputProblems(error, ctx.translate) : error;
  }
}
