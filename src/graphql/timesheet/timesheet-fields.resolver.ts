import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { PaymentPlan, PaymentPlanner } from '../../application/timesheet/payment-planner';
import { enteringPartyOf } from '../../application/timesheet/timesheet-access';
import { WeekCalculator } from '../../application/timesheet/week-calculator';
import { actorOf, GraphQLContext } from '../context';
import { FlexworkerType } from '../organisation/flexworker.types';
import { HoursEnteredByEnum, PlacementType } from '../organisation/placement.types';
import { RelationType } from '../organisation/relation.types';
import { LocalDateScalar } from '../shared/local-date.scalar';
import { HoursBreakdownType } from './breakdown.types';
import { AuditEntryType, DeclarationType, TimesheetType, WorkDayType } from './timesheet.types';
import { WorkingTimeSignalType } from './working-time.types';

/** The fields of a week that need other aggregates or a computation, batched per request. */
@Resolver(() => TimesheetType)
export class TimesheetFieldsResolver {
  /** By the week object of one answer: it lives as long as that answer. */
  private readonly plans = new WeakMap<TimesheetType, Promise<PaymentPlan>>();

  constructor(
    private readonly calculator: WeekCalculator,
    private readonly planner: PaymentPlanner,
  ) {}

  @FieldResolver(() => PlacementType, { nullable: true, description: 'The placement of this week; null if the viewer may not see it.' })
  async placement(@Root() t: TimesheetType, @Ctx() ctx: GraphQLContext): Promise<PlacementType | null> {
    const placement = await ctx.loaders.placements.load(t.placementId);
    return placement ? PlacementType.from(placement) : null;
  }

  @FieldResolver(() => FlexworkerType, { nullable: true, description: 'The flexworker of this week; null if the viewer may not see them.' })
  async flexworker(@Root() t: TimesheetType, @Ctx() ctx: GraphQLContext): Promise<FlexworkerType | null> {
    const view = await ctx.loaders.flexworkers.load(t.flexworkerId);
    return view ? FlexworkerType.from(view) : null;
  }

  @FieldResolver(() => RelationType, { nullable: true, description: 'The relation (client company) of this week; null if the viewer may not see it.' })
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
    if (t.breakdown) return HoursBreakdownType.from(t.breakdown, t.placementId);
    if (!(await this.showsDraft(t, ctx))) return null;
    const placement = await this.placementOf(t, ctx);
    const source = placement.hourSource;
    const [schedule, current] = await Promise.all([
      source.kind === 'CAO_SCHEDULE' && t.entity.isOpen ? ctx.loaders.caoSchedules.load(source.caoScheduleId) : null,
      t.currentDeclarationId ? ctx.loaders.declarations.load(t.currentDeclarationId) : null,
    ]);
    const breakdown = this.calculator.preview(t.entity, placement, schedule, current);
    return breakdown ? HoursBreakdownType.from(breakdown, t.placementId, placement) : null;
  }

  @FieldResolver(() => [WorkingTimeSignalType], {
    description:
      "The Working Time Act (Arbeidstijdenwet) signals of this week, from the saved hours of all the worker's placements of this agency (saved drafts included: after each \"Alleen opslaan\" they are fresh; unsaved input is not seen). Flags, never a refusal. The worker and agency staff see them; empty for a relation contact and for payroll.",
  })
  async workingTimeSignals(@Root() t: TimesheetType, @Ctx() ctx: GraphQLContext): Promise<WorkingTimeSignalType[]> {
    const signals = await ctx.loaders.workingTimeSignals.load(t.entity);
    return signals.map((s) => WorkingTimeSignalType.from(s, ctx.translate));
  }

  @FieldResolver(() => Date, {
    description:
      "The approval deadline as one instant (agency setting; default Monday 12:00 after the week, in the agency's time zone). A time the clock skips is read as that much later; a time it shows twice is its first occurrence.",
  })
  async approvalDeadline(@Root() t: TimesheetType, @Ctx() ctx: GraphQLContext): Promise<Date> {
    return (await this.planOf(t, ctx)).approvalDeadline;
  }

  @FieldResolver(() => LocalDateScalar, {
    description:
      "The pay date expected for these hours. Approved by the relation (APPROVED, PROCESSED): the pay date of that approval, fixed from then on. Not yet (OPEN, SUBMITTED): the next pay date they can still make, counted from now: this week's before the approvalDeadline, later ones once deadlines pass.",
  })
  async expectedPayDate(@Root() t: TimesheetType, @Ctx() ctx: GraphQLContext): Promise<string> {
    return (await this.planOf(t, ctx)).expectedPayDate.toString();
  }

  @FieldResolver(() => Boolean, {
    description:
      "One rule for every status: the relation's approval (the one payroll waits for) came, or will come, at or after the approvalDeadline instant. APPROVED, PROCESSED: the relation approved at or after it. OPEN, SUBMITTED: the deadline has passed (whether the worker approved in time or not).",
  })
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

  /** The week's deadline, pay date and lateness: worked out once per week shown (three fields ask). */
  private planOf(t: TimesheetType, ctx: GraphQLContext): Promise<PaymentPlan> {
    let plan = this.plans.get(t);
    if (!plan) {
      plan = ctx.loaders.agency.load(actorOf(ctx).agencyId).then((agency) => this.planner.plan(t.entity, agency.settings));
      this.plans.set(t, plan);
    }
    return plan;
  }
}

@Resolver(() => DeclarationType)
export class DeclarationFieldsResolver {
  @FieldResolver(() => TimesheetType, { nullable: true, description: 'The week this is a version of, as it is now; null if the viewer may not see it.' })
  async timesheet(@Root() d: DeclarationType, @Ctx() ctx: GraphQLContext): Promise<TimesheetType | null> {
    const timesheet = await ctx.loaders.timesheets.load(d.timesheetId);
    return timesheet ? TimesheetType.from(timesheet) : null;
  }

  @FieldResolver(() => PlacementType, { nullable: true, description: 'The placement of the week; null if the viewer may not see it.' })
  async placement(@Root() d: DeclarationType, @Ctx() ctx: GraphQLContext): Promise<PlacementType | null> {
    const placement = await ctx.loaders.placements.load(d.placementId);
    return placement ? PlacementType.from(placement) : null;
  }

  @FieldResolver(() => FlexworkerType, { nullable: true, description: 'The flexworker of the week; null if the viewer may not see them.' })
  async flexworker(@Root() d: DeclarationType, @Ctx() ctx: GraphQLContext): Promise<FlexworkerType | null> {
    const view = await ctx.loaders.flexworkers.load(d.flexworkerId);
    return view ? FlexworkerType.from(view) : null;
  }

  @FieldResolver(() => RelationType, { nullable: true, description: 'The relation (client company) of the week; null if the viewer may not see it.' })
  async relation(@Root() d: DeclarationType, @Ctx() ctx: GraphQLContext): Promise<RelationType | null> {
    const relation = await ctx.loaders.relations.load(d.relationId);
    return relation ? RelationType.from(relation) : null;
  }
}
