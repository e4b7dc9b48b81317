import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { ApproveTimesheet, SaveTimesheet } from '../../application/timesheet/enter-hours.use-case';
import { CorrectDeclaration } from '../../application/timesheet/correct-declaration.use-case';
import { PaymentPlanner } from '../../application/timesheet/payment-planner';
import { ApproveDeclarations, RejectDeclaration } from '../../application/timesheet/relation-approval.use-case';
import {
  GetDefaultTimesheet,
  GetTimesheet,
  GetTimesheetForWeek,
  ListOpenTimesheets,
} from '../../application/timesheet/timesheet-queries.use-case';
import { enteringPartyOf } from '../../application/timesheet/timesheet-access';
import { WeekCalculator } from '../../application/timesheet/week-calculator';
import { DeclarationStatusOverview, GetDeclaration, ListDeclarations, ListTimesheets } from '../../application/timesheet/week-lists.use-case';
import { actorOf, GraphQLContext } from '../context';
import { FlexworkerType } from '../organisation/flexworker.types';
import { HoursEnteredByEnum, PlacementType } from '../organisation/placement.types';
import { RelationType } from '../organisation/relation.types';
import { toConnection } from '../shared/connection';
import { existingId } from '../shared/ids';
import { LocalDateScalar } from '../shared/local-date.scalar';
import { HoursBreakdownType } from './breakdown.types';
import {
  ApproveDeclarationsInput,
  ApproveTimesheetInput,
  CorrectDeclarationInput,
  DeclarationFilterInput,
  RejectDeclarationInput,
  SaveTimesheetInput,
  TimesheetFilterInput,
} from './timesheet.inputs';
import {
  AuditEntryType,
  DeclarationConnection,
  DeclarationEdge,
  DeclarationType,
  TimesheetConnection,
  TimesheetEdge,
  TimesheetType,
  WorkDayType,
} from './timesheet.types';

export interface WeekUseCases {
  readonly getTimesheet: GetTimesheet;
  readonly getTimesheetForWeek: GetTimesheetForWeek;
  readonly listOpenTimesheets: ListOpenTimesheets;
  readonly getDefaultTimesheet: GetDefaultTimesheet;
  readonly listTimesheets: ListTimesheets;
  readonly declarationStatusOverview: DeclarationStatusOverview;
  readonly getDeclaration: GetDeclaration;
  readonly listDeclarations: ListDeclarations;
  readonly saveTimesheet: SaveTimesheet;
  readonly approveTimesheet: ApproveTimesheet;
  readonly approveDeclarations: ApproveDeclarations;
  readonly rejectDeclaration: RejectDeclaration;
  readonly correctDeclaration: CorrectDeclaration;
}

const TIMESHEET = 'Timesheet';
const DECLARATION = 'Declaration';

@Resolver()
export class TimesheetResolver {
  constructor(private readonly useCases: WeekUseCases) {}

  @Query(() => TimesheetType, { description: 'One week by id.' })
  async timesheet(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphQLContext): Promise<TimesheetType> {
    return TimesheetType.from(await this.useCases.getTimesheet.execute(actorOf(ctx), { id: existingId(id, TIMESHEET) }));
  }

  @Query(() => TimesheetType, { description: "A placement's week (YYYY-Www), created on first access; weeks still to come are refused." })
  async timesheetForWeek(
    @Arg('placementId', () => ID) placementId: string,
    @Arg('week', () => String) week: string,
    @Ctx() ctx: GraphQLContext,
  ): Promise<TimesheetType> {
    const input = { placementId: existingId(placementId, 'Placement'), week };
    return TimesheetType.from(await this.useCases.getTimesheetForWeek.execute(actorOf(ctx), input));
  }

  @Query(() => [TimesheetType], { description: 'The "blue bar": every week the viewer still has to fill or approve, oldest first.' })
  async openTimesheets(@Ctx() ctx: GraphQLContext, @Arg('placementId', () => ID, { nullable: true }) placementId?: string): Promise<TimesheetType[]> {
    const weeks = await this.useCases.listOpenTimesheets.execute(actorOf(ctx), { placementId: placementId ? existingId(placementId, 'Placement') : null });
    return weeks.map((t) => TimesheetType.from(t));
  }

  @Query(() => TimesheetType, {
    nullable: true,
    description: "The week to show first: last week's if open, else the oldest open one, else the current week; null without a running placement.",
  })
  async defaultTimesheet(@Ctx() ctx: GraphQLContext, @Arg('placementId', () => ID, { nullable: true }) placementId?: string): Promise<TimesheetType | null> {
    const week = await this.useCases.getDefaultTimesheet.execute(actorOf(ctx), { placementId: placementId ? existingId(placementId, 'Placement') : null });
    return week ? TimesheetType.from(week) : null;
  }

  @Query(() => TimesheetConnection, { description: 'Staff and payroll: every week of the agency (latest first); others: their own. Up to 500 per page.' })
  async timesheets(
    @Ctx() ctx: GraphQLContext,
    @Arg('filter', () => TimesheetFilterInput, { nullable: true }) filter?: TimesheetFilterInput,
    @Arg('first', () => Int, { nullable: true }) first?: number,
    @Arg('after', () => String, { nullable: true }) after?: string,
  ): Promise<TimesheetConnection> {
    const page = await this.useCases.listTimesheets.execute(actorOf(ctx), { ...filter, first, after });
    return toConnection(TimesheetConnection, TimesheetEdge, page, (t) => TimesheetType.from(t));
  }

  @Query(() => TimesheetConnection, {
    description: "The worker's declaration-status tab: their weeks, latest first; weeks the relation approved longer ago than the agency's visibility period are left out.",
  })
  async declarationStatus(
    @Ctx() ctx: GraphQLContext,
    @Arg('first', () => Int, { nullable: true }) first?: number,
    @Arg('after', () => String, { nullable: true }) after?: string,
  ): Promise<TimesheetConnection> {
    const page = await this.useCases.declarationStatusOverview.execute(actorOf(ctx), { first, after });
    return toConnection(TimesheetConnection, TimesheetEdge, page, (t) => TimesheetType.from(t));
  }

  @Query(() => DeclarationType)
  async declaration(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphQLContext): Promise<DeclarationType> {
    return DeclarationType.from(await this.useCases.getDeclaration.execute(actorOf(ctx), { id: existingId(id, DECLARATION) }));
  }

  @Query(() => DeclarationConnection, { description: 'Declarations, oldest week first, scoped to the viewer. Up to 500 per page.' })
  async declarations(
    @Ctx() ctx: GraphQLContext,
    @Arg('filter', () => DeclarationFilterInput, { nullable: true }) filter?: DeclarationFilterInput,
    @Arg('first', () => Int, { nullable: true }) first?: number,
    @Arg('after', () => String, { nullable: true }) after?: string,
  ): Promise<DeclarationConnection> {
    const page = await this.useCases.listDeclarations.execute(actorOf(ctx), { ...filter, first, after });
    return toConnection(DeclarationConnection, DeclarationEdge, page, DeclarationType.from);
  }

  @Query(() => DeclarationConnection, { description: "A relation contact: the declarations waiting for the relation's approval, oldest first." })
  async declarationsAwaitingApproval(
    @Ctx() ctx: GraphQLContext,
    @Arg('first', () => Int, { nullable: true }) first?: number,
    @Arg('after', () => String, { nullable: true }) after?: string,
  ): Promise<DeclarationConnection> {
    const page = await this.useCases.listDeclarations.execute(actorOf(ctx), { statuses: ['AWAITING_RELATION'], first, after });
    return toConnection(DeclarationConnection, DeclarationEdge, page, DeclarationType.from);
  }

  @Mutation(() => TimesheetType, { description: '"Alleen opslaan": stores the week as a draft; `preview` shows the unravelled hours.' })
  async saveTimesheet(@Arg('input') input: SaveTimesheetInput, @Ctx() ctx: GraphQLContext): Promise<TimesheetType> {
    const saved = await this.useCases.saveTimesheet.execute(actorOf(ctx), { ...input, timesheetId: existingId(input.timesheetId, TIMESHEET) });
    return TimesheetType.from(saved.timesheet, saved.breakdown);
  }

  @Mutation(() => TimesheetType, {
    description: '"Opslaan + Accorderen" (confirm: true): stores and approves the week, making a declaration version. By the worker: SUBMITTED; by a relation that enters the hours: APPROVED.',
  })
  async saveAndApproveTimesheet(@Arg('input') input: ApproveTimesheetInput, @Ctx() ctx: GraphQLContext): Promise<TimesheetType> {
    const saved = await this.useCases.approveTimesheet.execute(actorOf(ctx), { ...input, timesheetId: existingId(input.timesheetId, TIMESHEET) });
    return TimesheetType.from(saved.timesheet, saved.breakdown);
  }

  @Mutation(() => [DeclarationType], { description: 'A relation contact approves one or many declarations: all or none.' })
  async approveDeclarations(@Arg('input') input: ApproveDeclarationsInput, @Ctx() ctx: GraphQLContext): Promise<DeclarationType[]> {
    const ids = input.declarationIds.map((id) => existingId(id, DECLARATION));
    return (await this.useCases.approveDeclarations.execute(actorOf(ctx), { declarationIds: ids })).map(DeclarationType.from);
  }

  @Mutation(() => DeclarationType, { description: 'A relation contact rejects a declaration with a reason: the week reopens.' })
  async rejectDeclaration(@Arg('input') input: RejectDeclarationInput, @Ctx() ctx: GraphQLContext): Promise<DeclarationType> {
    const declaration = await this.useCases.rejectDeclaration.execute(actorOf(ctx), { ...input, declarationId: existingId(input.declarationId, DECLARATION) });
    return DeclarationType.from(declaration);
  }

  @Mutation(() => DeclarationType, { description: 'Staff: corrects approved hours as a new declaration version, with a reason and an audit entry.' })
  async correctDeclaration(@Arg('input') input: CorrectDeclarationInput, @Ctx() ctx: GraphQLContext): Promise<DeclarationType> {
    const declaration = await this.useCases.correctDeclaration.execute(actorOf(ctx), { ...input, declarationId: existingId(input.declarationId, DECLARATION) });
    return DeclarationType.from(declaration);
  }
}

/** The fields of a week that need other aggregates or a computation, batched per request. */
@Resolver(() => TimesheetType)
export class TimesheetFieldsResolver {
  constructor(
    private readonly calculator: WeekCalculator,
    private readonly planner: PaymentPlanner,
  ) {}

  @FieldResolver(() => PlacementType, { nullable: true })
  async placement(@Root() t: TimesheetType, @Ctx() ctx: GraphQLContext): Promise<PlacementType | null> {
    const placement = await ctx.loaders.placements.load(t.placementId);
    return placement ? PlacementType.from(placement) : null;
  }

  @FieldResolver(() => FlexworkerType, { nullable: true })
  async flexworker(@Root() t: TimesheetType, @Ctx() ctx: GraphQLContext): Promise<FlexworkerType | null> {
    const view = await ctx.loaders.flexworkers.load(t.flexworkerId);
    return view ? FlexworkerType.from(view) : null;
  }

  @FieldResolver(() => RelationType, { nullable: true })
  async relation(@Root() t: TimesheetType, @Ctx() ctx: GraphQLContext): Promise<RelationType | null> {
    const relation = await ctx.loaders.relations.load(t.relationId);
    return relation ? RelationType.from(relation) : null;
  }

  @FieldResolver(() => HoursEnteredByEnum, { description: "Who enters this week's hours (the placement's setting)." })
  async enteredBy(@Root() t: TimesheetType, @Ctx() ctx: GraphQLContext): Promise<string> {
    return (await this.placementOf(t, ctx)).hoursEnteredBy;
  }

  @FieldResolver(() => [WorkDayType], { description: "The days as entered. A relation contact sees none of an open week the worker enters: the worker's draft is theirs until they approve it." })
  async days(@Root() t: TimesheetType, @Ctx() ctx: GraphQLContext): Promise<WorkDayType[]> {
    return (await this.showsDraft(t, ctx)) ? t.days : [];
  }

  @FieldResolver(() => Boolean, { description: 'Whether the viewer can change the hours now (open, and the viewer is who enters them).' })
  async editable(@Root() t: TimesheetType, @Ctx() ctx: GraphQLContext): Promise<boolean> {
    return t.entity.isEditableBy(await this.placementOf(t, ctx), enteringPartyOf(actorOf(ctx)));
  }

  @FieldResolver(() => HoursBreakdownType, {
    nullable: true,
    description:
      'The hours split into lines and totals. Open: the live unravel of the saved days (null when they no longer fit the placement; saving them again says why). Approved: the current declaration\'s lines as approved.',
  })
  async preview(@Root() t: TimesheetType, @Ctx() ctx: GraphQLContext): Promise<HoursBreakdownType | null> {
    if (t.breakdown) return HoursBreakdownType.from(t.breakdown);
    if (!(await this.showsDraft(t, ctx))) return null;
    const placement = await this.placementOf(t, ctx);
    const source = placement.hourSource;
    const [schedule, current] = await Promise.all([
      source.kind === 'CAO_SCHEDULE' && t.entity.isOpen ? ctx.loaders.caoSchedules.load(source.caoScheduleId) : null,
      t.currentDeclarationId ? ctx.loaders.declarations.load(t.currentDeclarationId) : null,
    ]);
    const breakdown = this.calculator.preview(t.entity, placement, schedule, current);
    return breakdown ? HoursBreakdownType.from(breakdown) : null;
  }

  @FieldResolver(() => Date, { description: "The approval deadline (agency setting; default Monday 12:00 after the week, the agency's time zone)." })
  async approvalDeadline(@Root() t: TimesheetType, @Ctx() ctx: GraphQLContext): Promise<Date> {
    return (await this.planOf(t, ctx)).approvalDeadline;
  }

  @FieldResolver(() => LocalDateScalar, { description: 'The pay date expected for these hours; a late approval moves them to the next one.' })
  async expectedPayDate(@Root() t: TimesheetType, @Ctx() ctx: GraphQLContext): Promise<string> {
    return (await this.planOf(t, ctx)).expectedPayDate.toString();
  }

  @FieldResolver(() => Boolean, { description: 'Approved after the deadline, or not approved while the deadline has passed.' })
  async late(@Root() t: TimesheetType, @Ctx() ctx: GraphQLContext): Promise<boolean> {
    return (await this.planOf(t, ctx)).late;
  }

  @FieldResolver(() => DeclarationType, { nullable: true, description: 'The version in force: the latest approval or correction.' })
  async currentDeclaration(@Root() t: TimesheetType, @Ctx() ctx: GraphQLContext): Promise<DeclarationType | null> {
    if (!t.currentDeclarationId) return null;
    const declaration = await ctx.loaders.declarations.load(t.currentDeclarationId);
    return declaration ? DeclarationType.from(declaration) : null;
  }

  @FieldResolver(() => [DeclarationType], { description: 'Every version, 1 first.' })
  async declarations(@Root() t: TimesheetType, @Ctx() ctx: GraphQLContext): Promise<DeclarationType[]> {
    return (await ctx.loaders.declarationsOfTimesheets.load(t.id)).map(DeclarationType.from);
  }

  @FieldResolver(() => [AuditEntryType], { description: 'Staff and payroll: corrections after approval (empty for others).' })
  async auditTrail(@Root() t: TimesheetType, @Ctx() ctx: GraphQLContext): Promise<AuditEntryType[]> {
    return (await ctx.loaders.auditOfTimesheets.load(t.id)).map(AuditEntryType.from);
  }

  private async placementOf(t: TimesheetType, ctx: GraphQLContext) {
    const placement = await ctx.loaders.placements.load(t.placementId);
    if (!placement) throw new Error(`placement ${t.placementId} of a visible timesheet is not visible`);
    return placement;
  }

  private async showsDraft(t: TimesheetType, ctx: GraphQLContext): Promise<boolean> {
    return t.entity.showsDraftTo(await this.placementOf(t, ctx), enteringPartyOf(actorOf(ctx)) ?? 'AGENCY');
  }

  private async planOf(t: TimesheetType, ctx: GraphQLContext) {
    const agency = await ctx.loaders.agency.load(actorOf(ctx).agencyId);
    return this.planner.plan(t.entity, agency.settings);
  }
}

@Resolver(() => DeclarationType)
export class DeclarationFieldsResolver {
  @FieldResolver(() => TimesheetType, { nullable: true })
  async timesheet(@Root() d: DeclarationType, @Ctx() ctx: GraphQLContext): Promise<TimesheetType | null> {
    const timesheet = await ctx.loaders.timesheets.load(d.timesheetId);
    return timesheet ? TimesheetType.from(timesheet) : null;
  }

  @FieldResolver(() => PlacementType, { nullable: true })
  async placement(@Root() d: DeclarationType, @Ctx() ctx: GraphQLContext): Promise<PlacementType | null> {
    const placement = await ctx.loaders.placements.load(d.placementId);
    return placement ? PlacementType.from(placement) : null;
  }

  @FieldResolver(() => FlexworkerType, { nullable: true })
  async flexworker(@Root() d: DeclarationType, @Ctx() ctx: GraphQLContext): Promise<FlexworkerType | null> {
    const view = await ctx.loaders.flexworkers.load(d.flexworkerId);
    return view ? FlexworkerType.from(view) : null;
  }

  @FieldResolver(() => RelationType, { nullable: true })
  async relation(@Root() d: DeclarationType, @Ctx() ctx: GraphQLContext): Promise<RelationType | null> {
    const relation = await ctx.loaders.relations.load(d.relationId);
    return relation ? RelationType.from(relation) : null;
  }
}
